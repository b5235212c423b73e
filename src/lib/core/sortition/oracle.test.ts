import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from './highs-solver';
import { createPanelOracle, improvePanel, panelValue } from './oracle';
import { buildProblem, panelViolations } from './problem';
import type { Solver } from './solver';
import type { PanelProblem, Pool } from './types';

let solver: Solver;
beforeAll(async () => {
	solver = await loadHighsSolver();
});

/** A pool of `n` volunteers with two binary categories and household keys; quotas as given. */
function buildPool(
	values: [string, string][],
	quotas: Record<string, [number, number]>,
	households: (string | undefined)[] = []
): Pool {
	return {
		categories: ['gender', 'age'],
		quotas: Object.entries(quotas).map(([key, [min, max]]) => {
			const [category, value] = key.split(':') as [string, string];
			return { category, value, min, max };
		}),
		people: values.map(([gender, age], i) => ({
			id: `v${i}`,
			features: { gender, age },
			...(households[i] ? { household: households[i] } : {})
		}))
	};
}

const quotas: Record<string, [number, number]> = {
	'gender:f': [2, 2],
	'gender:m': [1, 2],
	'age:young': [1, 3],
	'age:old': [1, 3]
};
const values: [string, string][] = [
	['f', 'young'],
	['f', 'old'],
	['f', 'old'],
	['m', 'young'],
	['m', 'young'],
	['m', 'old'],
	['f', 'young'],
	['m', 'old']
];

function bruteForceBest(problem: PanelProblem, weights: number[]): number {
	let best = Number.NEGATIVE_INFINITY;
	const choose = (start: number, panel: number[]) => {
		if (panel.length === problem.k) {
			if (panelViolations(problem, panel).length === 0)
				best = Math.max(best, panelValue(panel, weights));
			return;
		}
		for (let i = start; i < problem.n; i++) choose(i + 1, [...panel, i]);
	};
	choose(0, []);
	return best;
}

describe('panel oracle', () => {
	it('finds a panel of largest weight that meets every quota (checked by enumeration)', () => {
		const problem = buildProblem(buildPool(values, quotas), 4);
		const oracle = createPanelOracle(problem, solver);
		try {
			fc.assert(
				fc.property(
					fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 8, maxLength: 8 }),
					(weights) => {
						const best = oracle.best(weights);
						expect(best).toBeDefined();
						expect(panelViolations(problem, best!.panel)).toEqual([]);
						expect(best!.value).toBeCloseTo(bruteForceBest(problem, weights), 6);
					}
				),
				{ numRuns: 30 }
			);
		} finally {
			oracle.dispose();
		}
	});

	it('keeps at most one volunteer per household when asked', () => {
		const pool = buildPool(values, quotas, ['h1', 'h1', 'h1']);
		const problem = buildProblem(pool, 4, { isOnePerHousehold: true });
		const oracle = createPanelOracle(problem, solver);
		try {
			const best = oracle.best([10, 10, 10, 0, 0, 0, 0, 0]);
			expect(best!.panel.filter((i) => i < 3)).toHaveLength(1);
			expect(panelViolations(problem, best!.panel)).toEqual([]);
		} finally {
			oracle.dispose();
		}
	});

	it('answers undefined when no panel meets the quotas', () => {
		const problem = buildProblem(buildPool(values, { ...quotas, 'gender:f': [4, 4] }), 4);
		const oracle = createPanelOracle(problem, solver);
		try {
			expect(oracle.best(new Array(8).fill(1))).toBeUndefined();
		} finally {
			oracle.dispose();
		}
	});
});

describe('improvePanel', () => {
	it('returns a valid panel at least as heavy as its start', () => {
		const problem = buildProblem(
			buildPool(values, quotas, ['h1', undefined, 'h1', 'h2', 'h2']),
			4,
			{ isOnePerHousehold: true }
		);
		const oracle = createPanelOracle(problem, solver);
		try {
			fc.assert(
				fc.property(
					fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
					fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
					(startWeights, weights) => {
						const start = oracle.best(startWeights)!.panel;
						const improved = improvePanel(problem, start, weights);
						expect(panelViolations(problem, improved)).toEqual([]);
						expect(panelValue(improved, weights)).toBeGreaterThanOrEqual(
							panelValue(start, weights) - 1e-12
						);
					}
				),
				{ numRuns: 40 }
			);
		} finally {
			oracle.dispose();
		}
	});
});
