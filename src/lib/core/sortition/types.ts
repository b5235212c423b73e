/**
 * Shared types of the panel selection engine (citizens' assemblies by stratified sortition).
 * `pool-csv.ts` turns files into a {@link Pool}; `problem.ts` turns a pool and a panel size into
 * a solver-ready {@link PanelProblem}; each method returns a {@link PanelDistribution}.
 * Nothing here depends on a framework, Node or the clock.
 */

/** A minimum and maximum number of panel members having one value of one category. */
export type Quota = {
	category: string;
	value: string;
	min: number;
	max: number;
	/** Lowest acceptable minimum if the quotas must be relaxed (sortition-algorithms `min_flex`). */
	minFlex?: number;
	/** Highest acceptable maximum if the quotas must be relaxed (sortition-algorithms `max_flex`). */
	maxFlex?: number;
};

/** One volunteer of the pool. */
export type Volunteer = {
	id: string;
	/** Category name → value, one entry for every category of the pool. */
	features: Record<string, string>;
	/** Volunteers sharing a household key may not sit on the same panel when households are enforced. */
	household?: string;
};

/** A pool of volunteers with the quotas that every panel must meet. */
export type Pool = {
	categories: string[];
	quotas: Quota[];
	people: Volunteer[];
};

/**
 * A pool compiled for the solvers: volunteers are numbered 0..n-1 and quotas 0..q-1.
 * `memberQuotas[i]` lists the quotas volunteer i counts towards (one per category).
 */
export type PanelProblem = {
	n: number;
	k: number;
	quotaMin: number[];
	quotaMax: number[];
	memberQuotas: number[][];
	/** Groups of two or more volunteers of one household (at most one may be chosen). */
	households: number[][];
	/** householdOf[i] is the index in `households` of i's group, or -1. */
	householdOf: number[];
};

/** A probability distribution over feasible panels, each panel a sorted list of volunteer indices. */
export type PanelDistribution = {
	panels: number[][];
	weights: number[];
};

/** Selection methods (Flanigan et al., Nature 2021). */
export type SelectionMethod = 'leximin' | 'maximin' | 'legacy';

/** Progress report of a long run; `minProbability` is the best guaranteed minimum so far. */
export type SelectionProgress = {
	method: SelectionMethod;
	phase: 'start' | 'column-generation' | 'stage' | 'lottery' | 'done';
	stage?: number;
	panels?: number;
	fixed?: number;
	minProbability?: number;
	message: string;
};
