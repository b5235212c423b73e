/**
 * MAXIMIN and LEXIMIN distributions over panels by column generation (Flanigan, Gölz, Gupta,
 * Hennig, Procaccia, "Fair algorithms for selecting citizens' assemblies", Nature 596, 2021,
 * Methods: "Algorithm for LEXIMIN" and "Column generation").
 *
 * Stage s solves the linear programme over distributions λ on feasible panels
 *
 *     maximise z  subject to  Σ_P λ_P = 1,
 *                             Σ_{P∋i} λ_P ≥ z     for every volunteer i not yet fixed,
 *                             Σ_{P∋i} λ_P ≥ f_i   for every volunteer fixed at an earlier stage,
 *
 * over a growing set of panels. Its dual has one variable y_i ≥ 0 per volunteer and μ for the
 * convexity row; a panel P not yet in the set improves the programme exactly when
 * Σ_{i∈P} y_i > μ, so the panel oracle with weights y either supplies a new panel or proves that
 * the stage is solved. Volunteers with positive dual are then fixed at z (complementary
 * slackness: every optimal distribution gives them exactly z), and the next stage raises the rest.
 * MAXIMIN is stage 1 alone.
 *
 * Interchangeable volunteers (same values everywhere, no household rule) have equal LEXIMIN
 * probabilities, so the programme is solved with one row per _type_ of volunteer and one column
 * per count vector, and the result is spread back over the members (see `volunteer-types.ts`).
 */
import { createPanelOracle, improvePanel, panelValue, type PanelOracle } from './oracle';
import type { Solver, SolverModel, SolveResult } from './solver';
import type { PanelDistribution, PanelProblem, SelectionProgress } from './types';
import {
	canonicalPanel,
	countVector,
	groupTypes,
	realizeDistribution,
	type VolunteerTypes
} from './volunteer-types';

/** Options of {@link findFairDistribution}. */
export type FairDistributionOptions = {
	problem: PanelProblem;
	solver: Solver;
	/** 'maximin' stops after the first stage. */
	objective: 'maximin' | 'leximin';
	/** Milliseconds from any fixed origin; the core has no clock, so the caller passes one in. */
	now?: () => number;
	/** Value of `now()` after which the run stops and returns the best distribution proven so far. */
	deadline?: number;
	onProgress?: (progress: SelectionProgress) => void;
};

/** A fair distribution and how it was reached. */
export type FairDistributionResult = {
	distribution: PanelDistribution;
	/** Selection probability of each volunteer under the distribution. */
	probabilities: number[];
	/** False when the deadline stopped the run early (see `notes`). */
	isComplete: boolean;
	/** What was actually achieved: LEXIMIN, or MAXIMIN when LEXIMIN was cut short. */
	achieved: 'leximin' | 'maximin' | 'unproven';
	stages: number;
	oracleCalls: number;
	notes: string[];
};

/** Thrown when no panel meets the quotas; callers then suggest a relaxation. */
export class InfeasibleQuotasError extends Error {
	constructor() {
		super('no panel meets every quota');
		this.name = 'InfeasibleQuotasError';
	}
}

/** Thrown when the deadline passes before any valid distribution exists. */
export class DeadlineError extends Error {
	constructor() {
		super('the time limit passed before any panel was found');
		this.name = 'DeadlineError';
	}
}

// A panel enters only if it beats the dual bound by this much; smaller gains are numerical noise.
const PRICE_TOLERANCE = 1e-7;
// Duals above this mark a volunteer whose probability is pinned at the stage's optimum.
const FIX_TOLERANCE = 1e-7;
// The stage ends when the best dual bound is this close to the LP's value.
const STAGE_TOLERANCE = 1e-8;
const SMOOTHING = 0.7;
// Local searches per pricing round, each from a different known panel: more columns per LP solve means fewer solves.
const LOCAL_SEARCH_STARTS = 10;
// Fixed probabilities are lowered by this much so that rounding in the LP cannot make a later stage infeasible.
const FIX_SLACK = 1e-7;

/** Computes a MAXIMIN or LEXIMIN distribution over feasible panels (see the module comment). */
export function findFairDistribution(options: FairDistributionOptions): FairDistributionResult {
	const { problem, solver, objective } = options;
	const now = options.now ?? (() => 0);
	const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
	const report = (progress: Omit<SelectionProgress, 'method'>) =>
		options.onProgress?.({ method: objective, ...progress });
	const secondsLeft = () =>
		deadline === Number.POSITIVE_INFINITY ? undefined : Math.max(0, (deadline - now()) / 1000);
	const isLate = () => now() >= deadline;

	const types = groupTypes(problem);
	const oracle = createPanelOracle(problem, solver, { groups: types.members });
	try {
		const first = oracle.best(new Array<number>(problem.n).fill(0), { timeLimit: secondsLeft() });
		if (!first) throw new InfeasibleQuotasError();
		const pool = new PanelPool(types);
		pool.add(first.panel);
		report({ phase: 'start', panels: 1, message: 'found a first panel meeting every quota' });
		const possible = coverEveryone(problem, types, oracle, pool, isLate, secondsLeft);
		seedWithMultiplicativeWeights(problem, types, pool);
		const impossible = problem.n - countPossible(types, possible);
		report({
			phase: 'start',
			panels: pool.panels.length,
			message: `started with ${pool.panels.length} panels over ${types.count} types of volunteer; ${impossible} volunteers can be on no panel`
		});
		return runStages({
			problem,
			types,
			oracle,
			pool,
			possible,
			objective,
			solver,
			now,
			isLate,
			secondsLeft,
			report
		});
	} finally {
		oracle.dispose();
	}
}

/**
 * The panels generated so far, one representative per count vector (see `volunteer-types.ts`):
 * panels with the same number of each type are the same column of the LP.
 */
class PanelPool {
	readonly panels: number[][] = [];
	private readonly keys = new Set<string>();
	constructor(private readonly types: VolunteerTypes) {}
	add(panel: readonly number[]): boolean {
		const canonical = canonicalPanel(this.types, panel);
		const key = canonical.join(',');
		if (this.keys.has(key)) return false;
		this.keys.add(key);
		this.panels.push(canonical);
		return true;
	}
	/** Indices of the `count` panels of largest weight. */
	heaviest(weights: ArrayLike<number>, count: number): number[] {
		const scored = this.panels.map((panel, index) => ({
			index,
			value: panelValue(panel, weights)
		}));
		scored.sort((a, b) => b.value - a.value);
		return scored.slice(0, count).map((s) => s.index);
	}
}

function countPossible(types: VolunteerTypes, possible: boolean[]): number {
	let count = 0;
	possible.forEach((p, t) => (count += p ? types.members[t]!.length : 0));
	return count;
}

/** Each volunteer's weight when every member of type t weighs `typeWeights[t]`. */
function spread(types: VolunteerTypes, typeWeights: ArrayLike<number>): Float64Array {
	const out = new Float64Array(types.typeOf.length);
	for (let i = 0; i < out.length; i++) out[i] = typeWeights[types.typeOf[i]!]!;
	return out;
}

/**
 * Start-up (Nature 2021, Methods): make sure everyone who can be on some panel is on one of the
 * starting panels, so that every volunteer's constraint is meaningful from the first LP. Weights
 * 1 on the uncovered; when even the oracle's best panel covers none of them, none can be chosen.
 */
function coverEveryone(
	problem: PanelProblem,
	types: VolunteerTypes,
	oracle: PanelOracle,
	pool: PanelPool,
	isLate: () => boolean,
	secondsLeft: () => number | undefined
): boolean[] {
	// By type: a panel with one member of a type can be rotated to include any other.
	const covered = new Uint8Array(types.count);
	const mark = (panel: number[]) => panel.forEach((i) => (covered[types.typeOf[i]!] = 1));
	pool.panels.forEach(mark);
	const possible = new Array<boolean>(types.count).fill(true);
	let last = pool.panels[0]!;
	for (;;) {
		const weights = Array.from(types.typeOf, (t) => (covered[t] || !possible[t] ? 0 : 1));
		if (!weights.some((w) => w > 0)) break;
		if (isLate()) throw new DeadlineError();
		let panel = improvePanel(problem, last, weights);
		if (panelValue(panel, weights) < 0.5) {
			const best = oracle.best(weights, { target: 0.5, timeLimit: secondsLeft() });
			if (!best || best.value < 0.5) {
				if (best && !best.isOptimal) throw new DeadlineError();
				weights.forEach((w, i) => {
					if (w > 0) possible[types.typeOf[i]!] = false;
				});
				break;
			}
			panel = best.panel;
		}
		pool.add(panel);
		mark(panel);
		last = panel;
	}
	return possible;
}

/**
 * Start-up (Nature 2021, Methods): a multiplicative-weights loop proposes diverse panels by
 * down-weighting the volunteers just chosen. The local search stands in for the oracle here: the
 * panels only need to be good, not optimal, and the search costs microseconds.
 */
function seedWithMultiplicativeWeights(
	problem: PanelProblem,
	types: VolunteerTypes,
	pool: PanelPool
): void {
	// Per type: a member's chance on a panel with c of the type's m is c/m, so the type's weight
	// drops by that share of the volunteer-level factor 0.8.
	const typeWeights = new Float64Array(types.count).fill(1);
	const rounds = Math.min(300, Math.ceil((3 * types.count) / problem.k) + 20);
	for (let round = 0; round < rounds; round++) {
		const weights = spread(types, typeWeights);
		const start = pool.panels[pool.heaviest(weights, 1)[0]!]!;
		const panel = improvePanel(problem, start, weights);
		pool.add(panel);
		const counts = countVector(types, panel);
		let total = 0;
		for (let t = 0; t < types.count; t++) {
			if (counts[t]! > 0) typeWeights[t]! *= 1 - (0.2 * counts[t]!) / types.members[t]!.length;
			total += typeWeights[t]! * types.members[t]!.length;
		}
		for (let t = 0; t < types.count; t++) typeWeights[t] = (typeWeights[t]! * problem.n) / total;
	}
}

type StageContext = {
	problem: PanelProblem;
	types: VolunteerTypes;
	oracle: PanelOracle;
	pool: PanelPool;
	/** By type: false when no panel has a member of the type. */
	possible: boolean[];
	objective: 'maximin' | 'leximin';
	solver: Solver;
	now: () => number;
	isLate: () => boolean;
	secondsLeft: () => number | undefined;
	report: (progress: Omit<SelectionProgress, 'method'>) => void;
};

/**
 * The restricted master LP over count vectors: column 0 is z, column 1+p is λ of panel p; row t
 * (type t, m_t members) reads Σ_P c_t(P)·λ_P − m_t·z ≥ 0, or ≥ m_t·f_t once fixed at f_t; row T
 * is the convexity row. Its dual y_t prices one member of type t in a panel.
 */
class MasterProgramme {
	private model: SolverModel;
	/** The panels that are columns of the LP: a subset of the pool, see {@link compact}. */
	panels: number[][] = [];
	private synced = 0;
	constructor(
		private readonly ctx: StageContext,
		private readonly fixed: Float64Array,
		private readonly isFixed: Uint8Array
	) {
		this.panels = [...ctx.pool.panels];
		this.synced = ctx.pool.panels.length;
		this.model = this.build();
	}
	private column(panel: readonly number[]): { indices: number[]; values: number[] } {
		const { types } = this.ctx;
		const counts = countVector(types, panel);
		const indices: number[] = [];
		const values: number[] = [];
		for (let t = 0; t < types.count; t++)
			if (counts[t]! > 0) {
				indices.push(t);
				values.push(counts[t]!);
			}
		indices.push(types.count);
		values.push(1);
		return { indices, values };
	}
	private build(): SolverModel {
		const { types, possible } = this.ctx;
		const T = types.count;
		const panels = this.panels;
		const rowCols: number[][] = Array.from({ length: T + 1 }, () => []);
		const rowValues: number[][] = Array.from({ length: T + 1 }, () => []);
		panels.forEach((panel, p) => {
			const { indices, values } = this.column(panel);
			indices.forEach((t, j) => {
				rowCols[t]!.push(1 + p);
				rowValues[t]!.push(values[j]!);
			});
		});
		const rows = rowCols.map((cols, t) => {
			const values = rowValues[t]!;
			if (t === T) return { lower: 1, upper: 1, indices: cols, values };
			const m = types.members[t]!.length;
			if (!possible[t])
				return {
					lower: Number.NEGATIVE_INFINITY,
					upper: Number.POSITIVE_INFINITY,
					indices: cols,
					values
				};
			if (this.isFixed[t])
				return {
					lower: m * this.fixed[t]!,
					upper: Number.POSITIVE_INFINITY,
					indices: cols,
					values
				};
			return {
				lower: 0,
				upper: Number.POSITIVE_INFINITY,
				indices: [0, ...cols],
				values: [-m, ...values]
			};
		});
		return this.ctx.solver.createModel({
			sense: 'maximize',
			cost: [1, ...panels.map(() => 0)],
			lower: [0, ...panels.map(() => 0)],
			upper: [1, ...panels.map(() => Number.POSITIVE_INFINITY)],
			rows
		});
	}
	/** Adds the pool's new panels as columns. */
	sync(): void {
		const { pool } = this.ctx;
		for (; this.synced < pool.panels.length; this.synced++) {
			const panel = pool.panels[this.synced]!;
			this.panels.push(panel);
			this.model.addColumn(0, 0, Number.POSITIVE_INFINITY, this.column(panel));
		}
	}
	/**
	 * Keeps the LP small: drops columns outside the current solution's support except the `keep`
	 * with the best reduced cost. Each LP solve costs time in proportion to its columns, and
	 * the dropped panels stay in the pool, where the local search can still start from them.
	 */
	compact(result: SolveResult, keep: number): void {
		const { types } = this.ctx;
		const y = (i: number) => Math.max(0, -result.rowDuals[types.typeOf[i]!]!);
		const mu = result.rowDuals[types.count]!;
		const scored = this.panels.map((panel, p) => {
			let value = -mu;
			for (const i of panel) value += y(i);
			return { panel, value, isSupport: result.x[1 + p]! > 1e-12 };
		});
		const support = scored.filter((s) => s.isSupport);
		const rest = scored
			.filter((s) => !s.isSupport)
			.sort((a, b) => b.value - a.value)
			.slice(0, keep);
		this.panels = [...support, ...rest].map((s) => s.panel);
		this.model.dispose();
		this.model = this.build();
	}
	get size(): number {
		return this.panels.length;
	}
	/** Fixes type t's probability at `value` (at least). */
	fix(t: number, value: number): void {
		this.fixed[t] = value;
		this.isFixed[t] = 1;
		this.model.setCoefficient(t, 0, 0);
		this.model.setRowBounds(t, this.ctx.types.members[t]!.length * value, Number.POSITIVE_INFINITY);
	}
	/**
	 * Solves with warm-started primal simplex (adding a column keeps the basis primal feasible); HiGHS throws on an internal failure, and a rebuilt model
	 * solved by interior point (with crossover) is the fallback.
	 */
	solve(): SolveResult {
		this.sync();
		const attempts: (() => SolveResult)[] = [
			() => this.model.solve({ algorithm: 'simplex' }),
			() => {
				this.model.dispose();
				this.model = this.build();
				return this.model.solve({ algorithm: 'ipm' });
			},
			() => {
				this.model.dispose();
				this.model = this.build();
				return this.model.solve({ algorithm: 'simplex' });
			}
		];
		let lastError: unknown;
		for (const attempt of attempts) {
			try {
				const result = attempt();
				if (result.status === 'optimal') return result;
				lastError = new Error(`the LP solver stopped with status ${result.status}`);
			} catch (error) {
				lastError = error;
			}
		}
		throw lastError instanceof Error ? lastError : new Error(String(lastError));
	}
	dispose(): void {
		this.model.dispose();
	}
}

function runStages(ctx: StageContext): FairDistributionResult {
	const { problem, types, oracle, pool, possible, objective, isLate, secondsLeft, report } = ctx;
	// Every pricing round runs the local search and then the MIP: on pools of 1,000 the columns
	// found by the local search alone cost the LP many pivots and rarely moved it, while the MIP's
	// columns (and its incumbents) did. Nothing depends on timing, so the same inputs always give
	// the same distribution.
	const T = types.count;
	const sizes = types.members.map((m) => m.length);
	const fixed = new Float64Array(T);
	const isFixed = new Uint8Array(T);
	const master = new MasterProgramme(ctx, fixed, isFixed);
	const notes: string[] = [];
	let proven: PanelDistribution | undefined;
	let stage = 0;
	let lastResult: SolveResult | undefined;
	let achieved: FairDistributionResult['achieved'] = 'unproven';
	const isUnfixed = (t: number) => possible[t]! && !isFixed[t];
	const anyUnfixed = () => {
		for (let t = 0; t < T; t++) if (isUnfixed(t)) return true;
		return false;
	};
	try {
		stageLoop: while (anyUnfixed()) {
			stage++;
			let result: SolveResult;
			// Dual stabilisation (Wentges smoothing, as in Pessoa et al., "In-out separation and column
			// generation stabilization by dual price smoothing", 2013): price at a point between the
			// current duals and the best dual bound found so far, which damps the oscillation of
			// extreme-point duals that otherwise makes the stage need hundreds of LP solves.
			let center: Float64Array | undefined;
			let bestBound = Number.POSITIVE_INFINITY;
			let y: Float64Array = new Float64Array(T);
			const fixedPart = (weights: Float64Array) => {
				let sum = 0;
				for (let t = 0; t < T; t++) if (isFixed[t]) sum += sizes[t]! * fixed[t]! * weights[t]!;
				return sum;
			};
			for (;;) {
				if (lastResult && master.size > 3 * T + 200) master.compact(lastResult, T);
				result = master.solve();
				lastResult = result;
				y = new Float64Array(T);
				for (let t = 0; t < T; t++) y[t] = possible[t] ? Math.max(0, -result.rowDuals[t]!) : 0;
				const mu = result.rowDuals[T]!;
				const z = result.objective;
				if (isLate()) break stageLoop;
				if (center && bestBound - z <= STAGE_TOLERANCE) {
					// The best dual bound meets the LP value: the centre is an optimal dual.
					y = center;
				} else {
					const yPeople = spread(types, y);
					const improves = (panel: number[]) => panelValue(panel, yPeople) > mu + PRICE_TOLERANCE;
					const smoothed = center ? mix(center, y, SMOOTHING) : y;
					// The local search at the smoothed point, then the MIP, whose value is a dual bound
					// that moves the stabilisation centre.
					const searchPoint = spread(types, smoothed);
					let added = 0;
					for (const index of pool.heaviest(searchPoint, LOCAL_SEARCH_STARTS)) {
						const candidate = improvePanel(problem, pool.panels[index]!, searchPoint);
						if (improves(candidate) && pool.add(candidate)) added++;
					}
					let isStageDone = false;
					for (const point of center ? [smoothed, y] : [y]) {
						if (added > 0 && point === y && center) break;
						const weights = spread(types, point);
						const start = improvePanel(
							problem,
							pool.panels[pool.heaviest(weights, 1)[0]!]!,
							weights
						);
						const best = oracle.best(weights, {
							start,
							timeLimit: secondsLeft(),
							collectIncumbents: true
						});
						if (!best) throw new Error('the oracle found no panel although one exists');
						if (!best.isOptimal) break stageLoop;
						// The MIP's earlier incumbents are often improving panels too: more columns per solve.
						for (const other of best.incumbents ?? [])
							if (improves(other) && pool.add(other)) added++;
						const bound = best.value - fixedPart(point);
						if (bound < bestBound) {
							bestBound = bound;
							center = point;
						}
						if (improves(best.panel) && pool.add(best.panel)) {
							added++;
							break;
						}
						if (point === y) isStageDone = true;
					}
					if (added > 0) continue;
					if (!isStageDone) continue;
				}
				// No panel improves the stage: z is optimal, and y is an optimal dual.
				proven = extractDistribution(master.panels, result);
				achieved = stage === 1 ? 'maximin' : achieved;
				report({
					phase: 'stage',
					stage,
					panels: pool.panels.length,
					fixed: countPossible(
						types,
						Array.from(isFixed, (f) => f === 1)
					),
					minProbability: stage === 1 ? z : undefined,
					message: `stage ${stage}: ${(z * 100).toFixed(2)}% for the lowest unfixed volunteers`
				});
				if (objective === 'maximin') {
					achieved = 'maximin';
					break stageLoop;
				}
				let fixedNow = 0;
				let heaviest = -1;
				for (let t = 0; t < T; t++) {
					if (!isUnfixed(t)) continue;
					if (heaviest < 0 || y[t]! > y[heaviest]!) heaviest = t;
					if (y[t]! > FIX_TOLERANCE) {
						master.fix(t, Math.max(0, z - FIX_SLACK));
						fixedNow++;
					}
				}
				if (fixedNow === 0 && heaviest >= 0) master.fix(heaviest, Math.max(0, z - FIX_SLACK));
				break;
			}
		}
		// Every stage records its distribution before fixing; when nobody is left unfixed, the last
		// one is the LEXIMIN distribution.
		if (objective === 'leximin' && !anyUnfixed() && proven) achieved = 'leximin';
	} finally {
		master.dispose();
	}
	let isComplete = achieved === objective;
	if (!proven) {
		if (!lastResult) throw new DeadlineError();
		proven = extractDistribution(master.panels, lastResult);
		notes.push(
			'The time limit passed before MAXIMIN was proven optimal: the distribution is valid but its minimum probability may be improvable.'
		);
		isComplete = false;
	} else if (objective === 'leximin' && achieved !== 'leximin') {
		notes.push(
			`The time limit passed during LEXIMIN stage ${stage}: falling back to the MAXIMIN distribution (the lowest probability is optimal, higher ones may not be).`
		);
	}
	// The LP chose count vectors; spread each type's probability evenly over its members.
	const distribution = realizeDistribution(problem, types, proven);
	const probabilities = probabilitiesOf(problem, distribution);
	const isPossible = Array.from(types.typeOf, (t) => possible[t]!);
	report({
		phase: 'done',
		stage,
		panels: pool.panels.length,
		minProbability: minPossible(probabilities, isPossible),
		message: `finished after ${stage} stage(s) and ${oracle.calls} MIP solves`
	});
	return {
		distribution,
		probabilities,
		isComplete,
		achieved,
		stages: stage,
		oracleCalls: oracle.calls,
		notes
	};
}

function mix(center: Float64Array, current: Float64Array, alpha: number): Float64Array {
	const out = new Float64Array(current.length);
	for (let i = 0; i < current.length; i++) out[i] = alpha * center[i]! + (1 - alpha) * current[i]!;
	return out;
}

function extractDistribution(columns: number[][], result: SolveResult): PanelDistribution {
	const panels: number[][] = [];
	const weights: number[] = [];
	let total = 0;
	columns.forEach((panel, p) => {
		const w = result.x[1 + p]!;
		if (w > 1e-9) {
			panels.push(panel);
			weights.push(w);
			total += w;
		}
	});
	return { panels, weights: weights.map((w) => w / total) };
}

/** Each volunteer's probability of selection under a distribution. */
export function probabilitiesOf(problem: PanelProblem, distribution: PanelDistribution): number[] {
	const probabilities = new Array<number>(problem.n).fill(0);
	distribution.panels.forEach((panel, p) => {
		for (const i of panel) probabilities[i]! += distribution.weights[p]!;
	});
	return probabilities;
}

function minPossible(probabilities: number[], possible: boolean[]): number {
	let min = Number.POSITIVE_INFINITY;
	probabilities.forEach((p, i) => {
		if (possible[i] && p < min) min = p;
	});
	return min === Number.POSITIVE_INFINITY ? 0 : min;
}
