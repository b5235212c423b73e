import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from './highs-solver';
import { probabilitiesOf } from './leximin';
import { createPanelOracle } from './oracle';
import { buildProblem, panelViolations } from './problem';
import { createRandom } from './random';
import type { Solver } from './solver';
import type { Pool } from './types';
import { canonicalPanel, countVector, groupTypes, realizeDistribution } from './volunteer-types';

let solver: Solver;
beforeAll(async () => {
	solver = await loadHighsSolver();
});

/** Two categories; volunteers listed as "gender:age"; quotas loose enough for many panels. */
function pool(people: string[], households?: string[]): Pool {
	return {
		categories: ['gender', 'age'],
		quotas: [
			{ category: 'gender', value: 'f', min: 1, max: 3 },
			{ category: 'gender', value: 'm', min: 1, max: 3 },
			{ category: 'age', value: 'young', min: 1, max: 3 },
			{ category: 'age', value: 'old', min: 1, max: 3 }
		],
		people: people.map((s, i) => {
			const [gender, age] = s.split(':') as [string, string];
			return {
				id: `v${i}`,
				features: { gender, age },
				...(households ? { household: households[i]! } : {})
			};
		})
	};
}

const people = ['f:young', 'f:young', 'f:young', 'f:old', 'm:young', 'm:old', 'm:old', 'f:old'];

describe('groupTypes', () => {
	it('groups volunteers with the same values, and keeps household members apart', () => {
		const types = groupTypes(buildProblem(pool(people), 4));
		expect(types.count).toBe(4);
		expect(types.members[types.typeOf[0]!]).toEqual([0, 1, 2]);
		const households = ['h1', 'h1', 'x', 'y', 'z', 'w', 'v', 'u'];
		const withHouseholds = groupTypes(
			buildProblem(pool(people, households), 4, { isOnePerHousehold: true })
		);
		expect(withHouseholds.typeOf[0]).not.toBe(withHouseholds.typeOf[1]);
		expect(withHouseholds.members[withHouseholds.typeOf[2]!]).toEqual([2]);
	});

	it('maps a panel to the representative with the same counts', () => {
		const types = groupTypes(buildProblem(pool(people), 4));
		const canonical = canonicalPanel(types, [2, 3, 5, 6]);
		expect(canonical).toEqual([0, 3, 5, 6]);
		expect(countVector(types, canonical)).toEqual(countVector(types, [2, 3, 5, 6]));
	});
});

describe('realizeDistribution', () => {
	it('gives every member of a type the same probability, with valid panels', () => {
		const problem = buildProblem(pool(people), 4);
		const types = groupTypes(problem);
		const random = createRandom('realise');
		const panels = [
			[0, 3, 4, 5],
			[0, 1, 5, 7],
			[0, 1, 4, 6],
			[0, 3, 5, 6],
			[0, 1, 2, 5]
		].map((p) => canonicalPanel(types, p));
		for (const panel of panels) expect(panelViolations(problem, panel)).toEqual([]);
		for (let run = 0; run < 20; run++) {
			const raw = panels.map(() => random.next() + 0.01);
			const total = raw.reduce((a, b) => a + b, 0);
			const distribution = { panels, weights: raw.map((w) => w / total) };
			const realised = realizeDistribution(problem, types, distribution);
			const before = probabilitiesOf(problem, distribution);
			const after = probabilitiesOf(problem, realised);
			for (let t = 0; t < types.count; t++) {
				const members = types.members[t]!;
				const share = members.reduce((s, i) => s + before[i]!, 0) / members.length;
				for (const i of members) expect(after[i]).toBeCloseTo(share, 10);
			}
			for (const panel of realised.panels) expect(panelViolations(problem, panel)).toEqual([]);
			expect(realised.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		}
	});
});

describe('grouped oracle', () => {
	it('finds panels as heavy as the volunteer-level MIP', () => {
		const problem = buildProblem(pool(people), 4);
		const types = groupTypes(problem);
		const plain = createPanelOracle(problem, solver);
		const grouped = createPanelOracle(problem, solver, { groups: types.members });
		const random = createRandom('oracle');
		try {
			for (let run = 0; run < 10; run++) {
				const typeWeights = Array.from({ length: types.count }, () => random.next());
				const weights = Array.from(types.typeOf, (t) => typeWeights[t]!);
				const a = plain.best(weights)!;
				const b = grouped.best(weights, { collectIncumbents: true })!;
				expect(b.value).toBeCloseTo(a.value, 9);
				expect(panelViolations(problem, b.panel)).toEqual([]);
				for (const other of b.incumbents ?? []) expect(panelViolations(problem, other)).toEqual([]);
			}
		} finally {
			plain.dispose();
			grouped.dispose();
		}
	});
});
