import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighsSolver } from './highs-solver';
import { readPool } from './pool-csv';
import { buildProblem, panelViolations } from './problem';
import { drawTicket } from './lottery';
import { formatLotteryCsv, membersOfTicket } from './lottery-file';
import { selectPanel, type PanelSelection } from './select-panel';
import { sha256Hex } from './sha256';
import type { Solver } from './solver';
import type { Pool, Quota } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dataDir = path.resolve(repoRoot, '../shared/data/sortition');
const hasData = existsSync(dataDir);
if (!hasData) console.warn(`Skipping the sortition data tests: ${dataDir} is absent.`);

function loadPaperInstance(name: string): Pool {
	const dir = path.join(dataDir, name);
	const result = readPool({
		quotas: {
			name: 'categories.csv',
			text: readFileSync(path.join(dir, 'categories.csv'), 'utf8')
		},
		people: {
			name: 'respondents.csv',
			text: readFileSync(path.join(dir, 'respondents.csv'), 'utf8')
		}
	});
	if (!result.ok) throw new Error(`cannot read ${name}`);
	return result.pool;
}

let solver: Solver;
beforeAll(async () => {
	solver = await loadHighsSolver();
});

const clock = () => performance.now();

function selected(result: ReturnType<typeof selectPanel>): PanelSelection {
	if (result.status !== 'selected') throw new Error('expected a panel');
	return result;
}

/** Checks the drawn panel against the pool's quotas by id. */
function drawnViolations(pool: Pool, k: number, selection: PanelSelection): string[] {
	const index = new Map(pool.people.map((p, i) => [p.id, i]));
	return panelViolations(
		buildProblem(pool, k),
		selection.drawn!.members.map((id) => index.get(id)!)
	);
}

describe.skipIf(!hasData)('selection on the published instances', () => {
	it('LEXIMIN reaches the 10.0% minimum probability on example_small_20', () => {
		const pool = loadPaperInstance('flanigan-replication/example_small_20');
		const result = selected(
			selectPanel({ pool, k: 20, method: 'leximin', seed: 'example', solver, now: clock })
		);
		expect(result.methodUsed).toBe('leximin');
		expect(result.minProbability).toBeGreaterThanOrEqual(0.0999);
		expect(drawnViolations(pool, 20, result)).toEqual([]);
	}, 30_000);

	it('LEGACY leaves someone a far lower chance than LEXIMIN on example_small_20', () => {
		const pool = loadPaperInstance('flanigan-replication/example_small_20');
		const result = selected(
			selectPanel({ pool, k: 20, method: 'legacy', seed: 'example', solver })
		);
		expect(result.minProbability).toBeLessThan(0.05);
		expect(drawnViolations(pool, 20, result)).toEqual([]);
	});

	it('LEXIMIN gives everyone at least 6.5% on synth_300_30 (falling back to MAXIMIN if the time limit passes)', () => {
		const pool = loadPaperInstance('synthetic/synth_300_30');
		const result = selected(
			selectPanel({
				pool,
				k: 30,
				method: 'leximin',
				seed: 'synth',
				solver,
				now: clock,
				timeLimitSeconds: 40
			})
		);
		expect(['leximin', 'maximin']).toContain(result.methodUsed);
		expect(result.minProbability).toBeGreaterThanOrEqual(0.065);
		expect(drawnViolations(pool, 30, result)).toEqual([]);
	}, 90_000);
});

/** Random small pools: two or three categories, quotas from population shares, sometimes households. */
const smallPool = fc
	.record({
		n: fc.integer({ min: 8, max: 16 }),
		k: fc.integer({ min: 3, max: 6 }),
		sizes: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 2, maxLength: 3 }),
		seedValues: fc.array(fc.nat(), { minLength: 48, maxLength: 48 }),
		slack: fc.integer({ min: 0, max: 1 }),
		isOnePerHousehold: fc.boolean()
	})
	.map(({ n, k, sizes, seedValues, slack, isOnePerHousehold }) => {
		const categories = sizes.map((_, c) => `c${c}`);
		const people = Array.from({ length: n }, (_, i) => ({
			id: `v${i}`,
			features: Object.fromEntries(
				sizes.map((size, c) => [`c${c}`, `x${seedValues[(i * 3 + c) % 48]! % size}`])
			),
			household: `h${seedValues[i % 48]! % Math.max(2, n - 2)}`
		}));
		const quotas: Quota[] = [];
		sizes.forEach((size, c) => {
			for (let v = 0; v < size; v++) {
				const count = people.filter((p) => p.features[`c${c}`] === `x${v}`).length;
				const share = (count / n) * k;
				quotas.push({
					category: `c${c}`,
					value: `x${v}`,
					min: Math.max(0, Math.floor(share) - slack),
					max: Math.ceil(share) + slack
				});
			}
		});
		return { pool: { categories, quotas, people } as Pool, k, isOnePerHousehold };
	});

describe('selectPanel on random pools', () => {
	it('draws a panel meeting every quota, probabilities sum to k, and the same seed gives the same draw', () => {
		fc.assert(
			fc.property(
				smallPool,
				fc.constantFrom('leximin' as const, 'maximin' as const),
				fc.string({ maxLength: 8 }),
				({ pool, k, isOnePerHousehold }, method, seed) => {
					const first = selectPanel({ pool, k, method, seed, solver, isOnePerHousehold });
					if (first.status === 'infeasible') {
						// Without households some relaxation always works; with them, k may exceed the households.
						expect(first.relaxation.isPossible || isOnePerHousehold).toBe(true);
						return;
					}
					const index = new Map(pool.people.map((p, i) => [p.id, i]));
					const problem = buildProblem(pool, k, { isOnePerHousehold });
					expect(
						panelViolations(
							problem,
							first.drawn!.members.map((id) => index.get(id)!)
						)
					).toEqual([]);
					for (const entry of first.lottery.panels)
						expect(
							panelViolations(
								problem,
								entry.members.map((id) => index.get(id)!)
							)
						).toEqual([]);
					const sum = first.probabilities.reduce((s, p) => s + p.probability, 0);
					const lotterySum = first.probabilities.reduce((s, p) => s + p.lotteryProbability, 0);
					expect(sum).toBeCloseTo(k, 6);
					expect(lotterySum).toBeCloseTo(k, 9);
					expect(first.lottery.panels.reduce((s, e) => s + e.tickets, 0)).toBe(1000);
					const again = selected(selectPanel({ pool, k, method, seed, solver, isOnePerHousehold }));
					expect(again.drawn).toEqual(first.drawn);
					expect(again.rerun).toEqual(first.rerun);
					// The ticket is the published recipe on the lottery file, and names its panel.
					const lotterySha256 = sha256Hex(formatLotteryCsv(first.lottery));
					expect(first.lottery.sha256).toBe(lotterySha256);
					expect(first.drawn!.ticket).toBe(drawTicket({ lotterySha256, seed, size: 1000 }));
					expect(first.drawn!.members).toEqual(membersOfTicket(first.lottery, first.drawn!.ticket));
				}
			),
			{ numRuns: 12 }
		);
	}, 60_000);

	it('LEXIMIN never gives a lower minimum than LEGACY', () => {
		fc.assert(
			fc.property(smallPool, ({ pool, k }) => {
				const fair = selectPanel({ pool, k, method: 'leximin', seed: 's', solver });
				if (fair.status !== 'selected') return;
				const legacy = selectPanel({ pool, k, method: 'legacy', seed: 's', solver });
				if (legacy.status !== 'selected') return;
				expect(fair.minProbability).toBeGreaterThanOrEqual(legacy.minProbability - 1e-6);
			}),
			{ numRuns: 6 }
		);
	}, 60_000);
});

describe('the lottery comes before the seed', () => {
	const pool: Pool = {
		categories: ['g', 'a'],
		quotas: [
			{ category: 'g', value: 'f', min: 2, max: 3 },
			{ category: 'g', value: 'm', min: 2, max: 3 },
			{ category: 'a', value: 'young', min: 1, max: 3 },
			{ category: 'a', value: 'old', min: 2, max: 4 }
		],
		people: [
			'f:young',
			'f:old',
			'f:old',
			'f:young',
			'm:old',
			'm:old',
			'm:young',
			'f:old',
			'm:old'
		].map((s, i) => {
			const [g, a] = s.split(':') as [string, string];
			return { id: String(i + 1), features: { g, a } };
		})
	};

	it.each(['leximin', 'maximin', 'legacy'] as const)(
		'builds the same %s lottery whatever the public seed, and without one',
		(method) => {
			const withoutSeed = selected(selectPanel({ pool, k: 5, method, solver }));
			expect(withoutSeed.drawn).toBeUndefined();
			expect(withoutSeed.rerun.seed).toBeNull();
			for (const seed of ['town hall: 3 14 15', 'another seed', ''])
				expect(selected(selectPanel({ pool, k: 5, method, seed, solver })).lottery).toEqual(
					withoutSeed.lottery
				);
		}
	);

	it('changes the lottery’s rounding only when the inputs change', () => {
		const first = selected(selectPanel({ pool, k: 5, method: 'legacy', solver }));
		const wider = selected(
			selectPanel({
				pool: { ...pool, quotas: pool.quotas.map((q) => ({ ...q, max: q.max + 1 })) },
				k: 5,
				method: 'legacy',
				solver
			})
		);
		expect(wider.rerun.inputsHash).not.toBe(first.rerun.inputsHash);
		expect(wider.lottery.sha256).not.toBe(first.lottery.sha256);
	});

	it('records the time limit and the engine version for a re-run', () => {
		const result = selected(
			selectPanel({
				pool,
				k: 5,
				method: 'leximin',
				seed: 's',
				solver,
				now: clock,
				timeLimitSeconds: 30,
				engineVersion: '9.9.9'
			})
		);
		expect(result.rerun).toMatchObject({ timeLimitSeconds: 30, engineVersion: '9.9.9', seed: 's' });
		expect(selected(selectPanel({ pool, k: 5, method: 'maximin', solver })).rerun).toMatchObject({
			timeLimitSeconds: null,
			engineVersion: 'unknown'
		});
	});

	it('names the method it falls back to when the time limit passes before any fair distribution', () => {
		// The clock jumps past the limit as soon as the first panel is found.
		let hasSolved = false;
		const slow: Solver = {
			name: 'slow',
			createModel(model) {
				const inner = solver.createModel(model);
				return {
					...inner,
					solve(options) {
						const result = inner.solve(options);
						hasSolved = true;
						return result;
					}
				};
			}
		};
		const result = selected(
			selectPanel({
				pool,
				k: 5,
				method: 'leximin',
				seed: 's',
				solver: slow,
				now: () => (hasSolved ? 1e12 : 0),
				timeLimitSeconds: 10
			})
		);
		expect(result.methodUsed).toBe('legacy');
		const notes = result.notes.join(' ');
		expect(notes).toContain('before LEXIMIN had a fair distribution');
		expect(notes).not.toMatch(/LEXIMIN[^.]*; falling back to LEGACY/);
	});
});

describe('solver failures', () => {
	it('falls back from LEXIMIN to MAXIMIN to LEGACY with a note when the solver keeps failing', () => {
		const broken: Solver = {
			name: 'broken',
			createModel: () => {
				throw new Error('solve failed');
			}
		};
		const pool: Pool = {
			categories: ['g'],
			quotas: [
				{ category: 'g', value: 'a', min: 1, max: 2 },
				{ category: 'g', value: 'b', min: 1, max: 2 }
			],
			people: ['a', 'a', 'b', 'b', 'b'].map((g, i) => ({ id: `v${i}`, features: { g } }))
		};
		const result = selected(
			selectPanel({ pool, k: 3, method: 'leximin', seed: 's', solver: broken })
		);
		expect(result.methodUsed).toBe('legacy');
		expect(result.notes.join(' ')).toContain('LEXIMIN failed (solve failed)');
		expect(result.notes.join(' ')).toContain('MAXIMIN failed (solve failed)');
	});

	it('retries a failed LP solve and still reaches the optimum', async () => {
		const real = await loadHighsSolver();
		let failures = 0;
		const flaky: Solver = {
			name: 'flaky',
			createModel(model) {
				const inner = real.createModel(model);
				return {
					...inner,
					solve(options) {
						// Every LP fails its first warm-started simplex attempt.
						if (!model.isInteger && options?.algorithm === 'simplex' && failures++ % 2 === 0)
							throw new Error('simplex failed');
						return inner.solve(options);
					}
				};
			}
		};
		const pool = {
			categories: ['g'],
			quotas: [
				{ category: 'g', value: 'a', min: 1, max: 1 },
				{ category: 'g', value: 'b', min: 1, max: 1 }
			],
			people: ['a', 'a', 'b', 'b', 'b', 'b'].map((g, i) => ({ id: `v${i}`, features: { g } }))
		};
		const result = selected(
			selectPanel({ pool, k: 2, method: 'leximin', seed: 's', solver: flaky })
		);
		expect(failures).toBeGreaterThan(0);
		expect(result.methodUsed).toBe('leximin');
		expect(result.minProbability).toBeCloseTo(0.25, 6);
	});
});

describe('infeasible quotas', () => {
	const pool: Pool = {
		categories: ['gender', 'age'],
		quotas: [
			{ category: 'gender', value: 'f', min: 3, max: 4 },
			{ category: 'gender', value: 'm', min: 3, max: 4 },
			{ category: 'age', value: 'young', min: 0, max: 5, maxFlex: 5 },
			{ category: 'age', value: 'old', min: 0, max: 5 }
		],
		people: ['f:young', 'f:young', 'f:young', 'f:old', 'm:young', 'm:old', 'm:old', 'm:young'].map(
			(s, i) => {
				const [gender, age] = s.split(':') as [string, string];
				return { id: `v${i}`, features: { gender, age } };
			}
		)
	};

	it('suggests the smallest relaxation of the quotas', () => {
		// k = 5 cannot hold 3 women and 3 men: one minimum must drop by one.
		const result = selectPanel({ pool, k: 5, method: 'leximin', seed: 's', solver });
		expect(result.status).toBe('infeasible');
		if (result.status !== 'infeasible' || !result.relaxation.isPossible)
			throw new Error('expected a relaxation');
		expect(result.relaxation.totalChange).toBe(1);
		expect(result.relaxation.changes).toHaveLength(1);
		expect(result.relaxation.changes[0]!.category).toBe('gender');
		expect(result.relaxation.changes[0]!.newMin).toBe(2);
	});

	it('relaxes a maximum within its flexible limit', () => {
		// Only three volunteers are old: a panel of 6 needs a third young member.
		const tight: Pool = {
			...pool,
			quotas: pool.quotas.map((q) => (q.value === 'young' ? { ...q, max: 2 } : q))
		};
		const result = selectPanel({ pool: tight, k: 6, method: 'maximin', seed: 's', solver });
		if (result.status !== 'infeasible' || !result.relaxation.isPossible)
			throw new Error('expected a relaxation');
		expect(result.relaxation.changes).toEqual([
			{ category: 'age', value: 'young', min: 0, max: 2, newMin: 0, newMax: 3 }
		]);
	});
});
