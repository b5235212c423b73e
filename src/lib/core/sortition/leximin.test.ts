import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from './highs-solver';
import { findFairDistribution, InfeasibleQuotasError } from './leximin';
import { buildProblem, panelViolations } from './problem';
import type { Solver } from './solver';
import type { Pool } from './types';

let solver: Solver;
beforeAll(async () => {
	solver = await loadHighsSolver();
});

/** One category; `counts` volunteers per value, quotas per value. */
function onePool(counts: Record<string, number>, quotas: Record<string, [number, number]>): Pool {
	const people = Object.entries(counts).flatMap(([value, count]) =>
		Array.from({ length: count }, () => value)
	);
	return {
		categories: ['g'],
		quotas: Object.entries(quotas).map(([value, [min, max]]) => ({
			category: 'g',
			value,
			min,
			max
		})),
		people: people.map((g, i) => ({ id: `v${i}`, features: { g } }))
	};
}

const sorted = (xs: number[]) =>
	[...xs].sort((a, b) => a - b).map((x) => Math.round(x * 1e6) / 1e6);

describe('findFairDistribution', () => {
	it.each([
		// One seat for 2 a's and one for 4 b's: the a's get 1/2 each, the b's 1/4 each.
		[
			'one seat per value',
			{ a: 2, b: 4 },
			{ a: [1, 1], b: [1, 1] },
			2,
			'leximin',
			[0.25, 0.25, 0.25, 0.25, 0.5, 0.5]
		],
		// MAXIMIN only guarantees the minimum; LEXIMIN also raises the rest as far as possible.
		[
			'free seats shared equally',
			{ a: 3, b: 3 },
			{ a: [0, 3], b: [0, 3] },
			3,
			'leximin',
			[0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
		],
		// A value with maximum 0 can never be chosen; the others share the seats.
		[
			'nobody from an excluded value',
			{ a: 2, b: 3 },
			{ a: [0, 0], b: [0, 3] },
			3,
			'leximin',
			[0, 0, 1, 1, 1]
		],
		[
			'two levels',
			{ a: 1, b: 5 },
			{ a: [1, 1], b: [1, 2] },
			3,
			'leximin',
			[0.4, 0.4, 0.4, 0.4, 0.4, 1]
		]
	] as const)(
		'gives the LEXIMIN probabilities: %s',
		(_, counts, quotas, k, objective, expected) => {
			const problem = buildProblem(
				onePool(counts, quotas as unknown as Record<string, [number, number]>),
				k
			);
			const result = findFairDistribution({ problem, solver, objective });
			expect(sorted(result.probabilities)).toEqual(expected);
			expect(result.achieved).toBe('leximin');
			for (const panel of result.distribution.panels)
				expect(panelViolations(problem, panel)).toEqual([]);
			expect(result.distribution.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
		}
	);

	it('MAXIMIN reaches the same minimum as LEXIMIN', () => {
		const problem = buildProblem(onePool({ a: 1, b: 5 }, { a: [1, 1], b: [1, 2] }), 3);
		const result = findFairDistribution({ problem, solver, objective: 'maximin' });
		expect(Math.min(...result.probabilities.filter((p) => p < 1))).toBeCloseTo(0.4, 6);
		expect(result.achieved).toBe('maximin');
	});

	it('throws InfeasibleQuotasError when no panel meets the quotas', () => {
		const problem = buildProblem(onePool({ a: 2, b: 2 }, { a: [2, 2], b: [2, 2] }), 3);
		expect(() => findFairDistribution({ problem, solver, objective: 'leximin' })).toThrow(
			InfeasibleQuotasError
		);
	});

	it('stops at the deadline with a valid distribution and says so', () => {
		const problem = buildProblem(onePool({ a: 4, b: 6 }, { a: [1, 2], b: [1, 3] }), 3);
		let t = 0;
		// Each call of the clock advances it by one second; the deadline falls after the start-up
		// (two volunteer types need only the first panel and one LP solve), before the first stage ends.
		const result = findFairDistribution({
			problem,
			solver,
			objective: 'leximin',
			now: () => (t += 1000),
			deadline: 2000
		});
		expect(result.isComplete).toBe(false);
		expect(result.notes.join(' ')).toMatch(/time limit/);
		expect(result.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(3, 6);
	});

	it('reports progress by stage', () => {
		const messages: string[] = [];
		const problem = buildProblem(onePool({ a: 1, b: 5 }, { a: [1, 1], b: [1, 2] }), 3);
		findFairDistribution({
			problem,
			solver,
			objective: 'leximin',
			onProgress: (p) => messages.push(p.phase)
		});
		expect(messages).toContain('start');
		expect(messages).toContain('stage');
		expect(messages.at(-1)).toBe('done');
	});
});
