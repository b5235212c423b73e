import { describe, expect, it } from 'vitest';
import {
	checkBallot,
	describeRules,
	formatPence,
	type BallotProject,
	type BallotRules,
	type SubmittedBallot
} from './ballot';

const projects: BallotProject[] = [
	{ id: 'a', title: 'Benches', costPence: 240_000 },
	{ id: 'b', title: 'Play area', costPence: 600_000 },
	{ id: 'c', title: 'Trees', costPence: 400_000 },
	{ id: 'd', title: 'Library hours', costPence: 200_000 }
];
const ticks = (...ids: string[]): SubmittedBallot => ({
	choices: ids.map((projectId) => ({ projectId }))
});
const values = (entries: Record<string, number>): SubmittedBallot => ({
	choices: Object.entries(entries).map(([projectId, value]) => ({ projectId, value }))
});

const approval: BallotRules = { ballotType: 'approval', budgetPence: 1_000_000, maxChoices: 2 };
const knapsack: BallotRules = { ballotType: 'knapsack', budgetPence: 1_000_000 };
const cumulative: BallotRules = {
	ballotType: 'cumulative',
	budgetPence: 1_000_000,
	totalPoints: 10,
	maxPointsPerProject: 6
};
const ranked: BallotRules = { ballotType: 'ranked', budgetPence: 1_000_000, maxChoices: 3 };

describe('checkBallot accepts', () => {
	it.each([
		['approval up to k', approval, ticks('c', 'a'), { projectIds: ['a', 'c'] }],
		['knapsack within the budget', knapsack, ticks('b', 'c'), { projectIds: ['b', 'c'] }],
		[
			'cumulative points, most first',
			cumulative,
			values({ a: 2, b: 0, c: 6, d: 2 }),
			{ projectIds: ['c', 'a', 'd'], points: [6, 2, 2] }
		],
		['ranked, best first', ranked, values({ a: 2, c: 1 }), { projectIds: ['c', 'a'] }],
		['a project ticked twice once', approval, ticks('a', 'a'), { projectIds: ['a'] }]
	] as const)('%s', (_name, rules, submitted, ballot) => {
		expect(checkBallot(rules, projects, submitted)).toEqual({ ok: true, ballot });
	});
});

describe('checkBallot refuses, saying what to change', () => {
	it.each([
		[
			'approval over k',
			approval,
			ticks('a', 'b', 'c'),
			'projects',
			'too-many',
			'You chose 3 projects; you can choose up to 2. Untick 1 project.'
		],
		[
			'an empty approval ballot',
			approval,
			ticks(),
			'projects',
			'empty',
			'Choose at least one project.'
		],
		[
			'knapsack over the budget',
			knapsack,
			ticks('a', 'b', 'c'),
			'projects',
			'over-budget',
			'You chose projects costing £12,400; the budget is £10,000. Remove £2,400 of projects.'
		],
		[
			'knapsack under its minimum',
			{ ...knapsack, minProjects: 2 },
			ticks('a'),
			'projects',
			'too-few',
			'You chose 1 project; choose at least 2. Add 1 project.'
		],
		[
			'knapsack over its maximum',
			{ ...knapsack, maxProjects: 1 },
			ticks('a', 'd'),
			'projects',
			'too-many',
			'You chose 2 projects; you can choose up to 1. Untick 1 project.'
		],
		[
			'a project not on the ballot',
			approval,
			ticks('zz'),
			'projects',
			'unknown-project',
			'One of the projects you chose is not on this ballot.'
		],
		[
			'cumulative over the points',
			cumulative,
			values({ a: 6, b: 5 }),
			'projects',
			'over-points',
			'You gave 11 points; you have 10 points. Take away 1 point.'
		],
		[
			'cumulative short of all points when all must be given',
			{ ...cumulative, requireAllPoints: true },
			values({ a: 6 }),
			'projects',
			'under-points',
			'You gave 6 points; give all 10 points. You have 4 points left.'
		],
		[
			'cumulative over the per-project maximum',
			cumulative,
			values({ b: 7 }),
			'points-b',
			'over-project-max',
			'You gave Play area 7 points; one project can have at most 6 points.'
		],
		[
			'cumulative points that are not whole',
			cumulative,
			values({ a: NaN }),
			'points-a',
			'not-whole',
			'Points for Benches must be a whole number, like 2.'
		],
		[
			'cumulative negative points',
			cumulative,
			values({ a: -1 }),
			'points-a',
			'negative',
			'Points for Benches cannot be less than 0.'
		],
		[
			'a cumulative ballot with no points',
			cumulative,
			values({ a: 0 }),
			'projects',
			'empty',
			'Give at least 1 point to a project. You have 10 points.'
		],
		[
			'ranked with a rank used twice',
			ranked,
			values({ a: 1, b: 1 }),
			'rank-b',
			'rank-repeated',
			'You ranked Benches and Play area both 1st. Give each project a different rank.'
		],
		[
			'ranked with a gap',
			ranked,
			values({ a: 1, b: 3 }),
			'rank-b',
			'rank-gap',
			'You have not given any project the rank 2nd. Number your choices 1, 2, 3 and so on without gaps.'
		],
		[
			'ranked beyond k',
			ranked,
			values({ a: 4 }),
			'rank-a',
			'rank-range',
			'The rank for Benches must be a whole number from 1 to 3.'
		],
		['an empty ranked ballot', ranked, ticks(), 'projects', 'empty', 'Rank at least one project.']
	] as const)('%s', (_name, rules, submitted, field, code, message) => {
		const result = checkBallot(rules, projects, submitted);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems[0]).toEqual({ field, code, message });
	});

	it('reports every problem with a knapsack ballot at once', () => {
		const result = checkBallot({ ...knapsack, maxProjects: 2 }, projects, ticks('a', 'b', 'c'));
		expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual([
			'too-many',
			'over-budget'
		]);
	});
});

describe('describeRules', () => {
	it.each([
		[approval, 'Choose up to 2 projects.'],
		[
			{ ...knapsack, maxProjects: 3 },
			'Choose projects costing up to £10,000 in total. Choose at most 3 projects.'
		],
		[
			cumulative,
			'Share out up to 10 points between the projects you support. One project can have at most 6 points.'
		],
		[ranked, 'Rank up to 3 projects: 1 for your favourite, 2 for your next, and so on.']
	] as const)('%o', (rules, text) => {
		expect(describeRules(rules)).toBe(text);
	});
});

describe('formatPence', () => {
	it('shows whole pounds without pence and pence when there are some', () => {
		expect(formatPence(1_240_000)).toBe('£12,400');
		expect(formatPence(1050)).toBe('£10.50');
	});
});
