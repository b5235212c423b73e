/**
 * The rules of a ballot: what a voter may choose under each ballot type and its limits, checked
 * the same way for a ballot typed online and one an officer enters from paper. Pure: the process's
 * rules and the projects on the ballot are passed in; the result is either the ballot to store or
 * the problems to show, each on the field it concerns, in plain English.
 *
 * Ballot types (PRODUCT.md, Budgeting; Pabulib vote types in PB-COUNTING.md):
 * - approval: tick up to k projects (k = `maxChoices`; no limit when unset);
 * - knapsack: tick projects whose total cost is within the budget, optionally at least
 *   `minProjects` and at most `maxProjects` of them;
 * - cumulative: spread `totalPoints` points (at most that many in all; exactly that many when
 *   `requireAllPoints`), at most `maxPointsPerProject` on one project;
 * - ranked: rank up to k projects 1, 2, 3… with no rank used twice and none skipped.
 */
import { formatPence } from './money';
import type { BallotType } from './phases';

/** The limits of a process's ballot (a subset of its settings). */
export type BallotRules = {
	ballotType: BallotType;
	budgetPence: number;
	maxChoices?: number | null;
	minProjects?: number | null;
	maxProjects?: number | null;
	totalPoints?: number | null;
	maxPointsPerProject?: number | null;
	/** Cumulative: the voter must spread every point (otherwise at most `totalPoints`). */
	requireAllPoints?: boolean;
};

/** A project on the ballot, as the rules need it. */
export type BallotProject = { id: string; title: string; costPence: number };

/**
 * What the voter submitted: for approval and knapsack the ticked projects (no value); for
 * cumulative the points typed for each project; for ranked the rank chosen for each project.
 * A value that is not a whole number is passed as `NaN`, so the problem can be shown beside it.
 */
export type SubmittedBallot = { choices: { projectId: string; value?: number }[] };

/** A ballot as stored: project ids (best first for ranked) and, for cumulative, their points. */
export type ValidBallot = { projectIds: string[]; points?: number[] };

/**
 * One thing wrong with a ballot. `field` is the id of the input to fix: `projects` for the
 * ballot as a whole, `points-<projectId>` or `rank-<projectId>` for one project's value.
 */
export type BallotProblem = { field: string; code: BallotProblemCode; message: string };

/** Kinds of problem, for tests and for translations keyed on them. */
export type BallotProblemCode =
	| 'unknown-project'
	| 'empty'
	| 'too-many'
	| 'too-few'
	| 'over-budget'
	| 'not-whole'
	| 'negative'
	| 'over-project-max'
	| 'over-points'
	| 'under-points'
	| 'rank-range'
	| 'rank-repeated'
	| 'rank-gap';

/** The outcome of checking a ballot. */
export type BallotCheck =
	{ ok: true; ballot: ValidBallot } | { ok: false; problems: BallotProblem[] };

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
const projectsText = (n: number) => plural(n, 'project', 'projects');
const pointsText = (n: number) => plural(n, 'point', 'points');

/** An English ordinal for a rank: 1 → "1st", 2 → "2nd", 11 → "11th". */
function ordinal(n: number): string {
	const tens = n % 100;
	if (tens >= 11 && tens <= 13) return `${n}th`;
	return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * Checks a submitted ballot against the process's rules and the projects on its ballot.
 * Returns the ballot to store (projects in ballot order; ranked best first) or every problem
 * found, so the voter can fix them all at once.
 */
export function checkBallot(
	rules: BallotRules,
	projects: readonly BallotProject[],
	submitted: SubmittedBallot
): BallotCheck {
	const byId = new Map(projects.map((p, index) => [p.id, { ...p, index }]));
	const problems: BallotProblem[] = [];
	const problem = (field: string, code: BallotProblemCode, message: string) =>
		problems.push({ field, code, message });

	// One entry per project: a repeated project id (a tampered form) counts once.
	const seen = new Set<string>();
	const choices: { projectId: string; value?: number; index: number }[] = [];
	for (const choice of submitted.choices) {
		const project = byId.get(choice.projectId);
		if (!project) {
			problem(
				'projects',
				'unknown-project',
				'One of the projects you chose is not on this ballot.'
			);
			continue;
		}
		if (seen.has(choice.projectId)) continue;
		seen.add(choice.projectId);
		choices.push({ ...choice, index: project.index });
	}
	if (problems.length) return { ok: false, problems: problems.slice(0, 1) };
	choices.sort((a, b) => a.index - b.index);

	switch (rules.ballotType) {
		case 'approval':
		case 'knapsack':
			return checkApprovalOrKnapsack(rules, byId, choices, problems);
		case 'cumulative':
			return checkCumulative(rules, byId, choices, problems);
		case 'ranked':
			return checkRanked(rules, byId, choices, problems);
	}
}

type Choices = { projectId: string; value?: number; index: number }[];
type ProjectsById = Map<string, BallotProject & { index: number }>;

function checkApprovalOrKnapsack(
	rules: BallotRules,
	byId: ProjectsById,
	choices: Choices,
	problems: BallotProblem[]
): BallotCheck {
	const add = (code: BallotProblemCode, message: string) =>
		problems.push({ field: 'projects', code, message });
	const n = choices.length;
	if (rules.ballotType === 'approval') {
		const k = rules.maxChoices;
		if (n === 0) add('empty', 'Choose at least one project.');
		else if (k && n > k)
			add(
				'too-many',
				`You chose ${projectsText(n)}; you can choose up to ${k}. Untick ${projectsText(n - k)}.`
			);
	} else {
		const total = choices.reduce((sum, c) => sum + byId.get(c.projectId)!.costPence, 0);
		const min = rules.minProjects ?? 1;
		const max = rules.maxProjects;
		if (n === 0) add('empty', 'Choose at least one project.');
		else if (n < min)
			add(
				'too-few',
				`You chose ${projectsText(n)}; choose at least ${min}. Add ${projectsText(min - n)}.`
			);
		if (max && n > max)
			add(
				'too-many',
				`You chose ${projectsText(n)}; you can choose up to ${max}. Untick ${projectsText(n - max)}.`
			);
		if (total > rules.budgetPence)
			add(
				'over-budget',
				`You chose projects costing ${formatPence(total)}; the budget is ${formatPence(rules.budgetPence)}. Remove ${formatPence(total - rules.budgetPence)} of projects.`
			);
	}
	if (problems.length) return { ok: false, problems };
	return { ok: true, ballot: { projectIds: choices.map((c) => c.projectId) } };
}

function checkCumulative(
	rules: BallotRules,
	byId: ProjectsById,
	choices: Choices,
	problems: BallotProblem[]
): BallotCheck {
	const total = rules.totalPoints ?? 10;
	const perProject = rules.maxPointsPerProject;
	const given: { projectId: string; points: number }[] = [];
	for (const choice of choices) {
		const title = byId.get(choice.projectId)!.title;
		const field = `points-${choice.projectId}`;
		const value = choice.value ?? 0;
		if (!Number.isInteger(value)) {
			problems.push({
				field,
				code: 'not-whole',
				message: `Points for ${title} must be a whole number, like 2.`
			});
		} else if (value < 0) {
			problems.push({
				field,
				code: 'negative',
				message: `Points for ${title} cannot be less than 0.`
			});
		} else if (perProject && value > perProject) {
			problems.push({
				field,
				code: 'over-project-max',
				message: `You gave ${title} ${pointsText(value)}; one project can have at most ${pointsText(perProject)}.`
			});
		} else if (value > 0) given.push({ projectId: choice.projectId, points: value });
	}
	if (problems.length) return { ok: false, problems };
	const spent = given.reduce((sum, g) => sum + g.points, 0);
	const add = (code: BallotProblemCode, message: string) =>
		problems.push({ field: 'projects', code, message });
	if (spent === 0)
		add('empty', `Give at least 1 point to a project. You have ${pointsText(total)}.`);
	else if (spent > total)
		add(
			'over-points',
			`You gave ${pointsText(spent)}; you have ${pointsText(total)}. Take away ${pointsText(spent - total)}.`
		);
	else if (rules.requireAllPoints && spent < total)
		add(
			'under-points',
			`You gave ${pointsText(spent)}; give all ${pointsText(total)}. You have ${pointsText(total - spent)} left.`
		);
	if (problems.length) return { ok: false, problems };
	// Pabulib's cumulative ballots list projects by decreasing points (ties in ballot order).
	given.sort((a, b) => b.points - a.points);
	return {
		ok: true,
		ballot: { projectIds: given.map((g) => g.projectId), points: given.map((g) => g.points) }
	};
}

function checkRanked(
	rules: BallotRules,
	byId: ProjectsById,
	choices: Choices,
	problems: BallotProblem[]
): BallotCheck {
	const k = rules.maxChoices ?? byId.size;
	const ranked: { projectId: string; rank: number }[] = [];
	for (const choice of choices) {
		if (choice.value === undefined) continue;
		const title = byId.get(choice.projectId)!.title;
		const field = `rank-${choice.projectId}`;
		if (!Number.isInteger(choice.value) || choice.value < 1 || choice.value > k) {
			problems.push({
				field,
				code: 'rank-range',
				message: `The rank for ${title} must be a whole number from 1 to ${k}.`
			});
			continue;
		}
		ranked.push({ projectId: choice.projectId, rank: choice.value });
	}
	const byRank = new Map<number, string[]>();
	for (const r of ranked) byRank.set(r.rank, [...(byRank.get(r.rank) ?? []), r.projectId]);
	for (const [rank, ids] of [...byRank].sort((a, b) => a[0] - b[0])) {
		if (ids.length < 2) continue;
		const titles = ids.map((id) => byId.get(id)!.title);
		problems.push({
			field: `rank-${ids[1]}`,
			code: 'rank-repeated',
			message: `You ranked ${titles.join(' and ')} both ${ordinal(rank)}. Give each project a different rank.`
		});
	}
	if (problems.length) return { ok: false, problems };
	if (ranked.length === 0) {
		problems.push({ field: 'projects', code: 'empty', message: 'Rank at least one project.' });
		return { ok: false, problems };
	}
	ranked.sort((a, b) => a.rank - b.rank);
	const gap = ranked.findIndex((r, i) => r.rank !== i + 1);
	if (gap >= 0) {
		problems.push({
			field: `rank-${ranked[gap]!.projectId}`,
			code: 'rank-gap',
			message: `You have not given any project the rank ${ordinal(gap + 1)}. Number your choices 1, 2, 3 and so on without gaps.`
		});
		return { ok: false, problems };
	}
	return { ok: true, ballot: { projectIds: ranked.map((r) => r.projectId) } };
}

/**
 * A one-line summary of a ballot's limits for the voter, e.g. "Choose projects costing up to
 * £50,000 in total." Shown as the hint of the ballot's fieldset.
 */
export function describeRules(rules: BallotRules): string {
	switch (rules.ballotType) {
		case 'approval':
			return rules.maxChoices
				? `Choose up to ${projectsText(rules.maxChoices)}.`
				: 'Choose every project you support.';
		case 'knapsack': {
			const limits: string[] = [];
			if (rules.minProjects && rules.minProjects > 1)
				limits.push(`at least ${projectsText(rules.minProjects)}`);
			if (rules.maxProjects) limits.push(`at most ${projectsText(rules.maxProjects)}`);
			const extra = limits.length ? ` Choose ${limits.join(' and ')}.` : '';
			return `Choose projects costing up to ${formatPence(rules.budgetPence)} in total.${extra}`;
		}
		case 'cumulative': {
			const total = rules.totalPoints ?? 10;
			const each = rules.maxPointsPerProject
				? ` One project can have at most ${pointsText(rules.maxPointsPerProject)}.`
				: '';
			return rules.requireAllPoints
				? `Share out all ${pointsText(total)} between the projects you support.${each}`
				: `Share out up to ${pointsText(total)} between the projects you support.${each}`;
		}
		case 'ranked': {
			const k = rules.maxChoices;
			return k
				? `Rank up to ${projectsText(k)}: 1 for your favourite, 2 for your next, and so on.`
				: 'Rank the projects you support: 1 for your favourite, 2 for your next, and so on.';
		}
	}
}
