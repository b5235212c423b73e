import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Instance, TieBreak } from './types';
import type { Rational } from './rational';
import { add, cmp, div, mulInt, rat, sub, ZERO } from './rational';
import { count } from './index';
import { equalShares, prepareMes, runMes } from './equal-shares';
import { tieBreakComparator } from './tie-break';
import { projectVotes } from './instance';

function buildInstance(
	budget: number,
	costs: Record<string, number>,
	ballots: string[][]
): Instance {
	const ids = Object.keys(costs);
	return {
		budget: BigInt(budget),
		projects: ids.map((id) => ({ id, cost: BigInt(costs[id]!) })),
		ballots: ballots.map((b) => ({ projects: b.map((id) => ids.indexOf(id)) }))
	};
}

/**
 * MES written directly from Peters & Skowron (2021), Sec. 4, one voter at a time with exact
 * rationals and no shortcuts: the oracle the engine's grouped, double-guided version must match.
 */
function naiveMes(
	inst: Instance,
	endowment: Rational,
	utility: 'cost' | 'approval',
	tieBreak: TieBreak
): string[] {
	const n = inst.ballots.length;
	const money: Rational[] = Array.from({ length: n }, () => endowment);
	const tie = tieBreakComparator(inst, tieBreak, projectVotes(inst));
	const supporters = inst.projects.map((_, j) =>
		inst.ballots.map((b, i) => (b.projects.includes(j) ? i : -1)).filter((i) => i >= 0)
	);
	const free = inst.projects
		.map((_, j) => j)
		.filter((j) => inst.projects[j]!.cost === 0n && supporters[j]!.length > 0)
		.sort(tie);
	const selected = [...free];
	let alive = inst.projects
		.map((_, j) => j)
		.filter((j) => inst.projects[j]!.cost > 0n && supporters[j]!.length > 0);
	for (;;) {
		let best = -1;
		let bestRho: Rational = ZERO;
		for (const j of alive) {
			const cost = rat(inst.projects[j]!.cost);
			const u = utility === 'cost' ? inst.projects[j]!.cost : 1n;
			const s = supporters[j]!;
			const total = s.reduce((a, i) => add(a, money[i]!), ZERO);
			if (cmp(total, cost) < 0) continue;
			// smallest ρ with Σ min(b_i, ρ·u) ≥ cost: try each voter's b_i/u as the breakpoint
			const sorted = [...s].sort((x, y) => cmp(money[x]!, money[y]!));
			let paid: Rational = ZERO;
			let rho: Rational | undefined;
			for (let k = 0; k < sorted.length; k++) {
				const r = div(sub(cost, paid), rat(BigInt(sorted.length - k) * u));
				if (cmp(mulInt(r, u), money[sorted[k]!]!) <= 0) {
					rho = r;
					break;
				}
				paid = add(paid, money[sorted[k]!]!);
			}
			rho ??= div(money[sorted[sorted.length - 1]!]!, rat(u));
			if (best < 0 || cmp(rho, bestRho) < 0 || (cmp(rho, bestRho) === 0 && tie(j, best) < 0)) {
				best = j;
				bestRho = rho;
			}
		}
		alive = alive.filter((j) => {
			const total = supporters[j]!.reduce((a, i) => add(a, money[i]!), ZERO);
			return cmp(total, rat(inst.projects[j]!.cost)) >= 0;
		});
		if (best < 0) break;
		const u = utility === 'cost' ? inst.projects[best]!.cost : 1n;
		for (const i of supporters[best]!) {
			const pay = mulInt(bestRho, u);
			money[i] = cmp(money[i]!, pay) <= 0 ? ZERO : sub(money[i]!, pay);
		}
		selected.push(best);
		alive = alive.filter((j) => j !== best);
	}
	return selected.map((j) => inst.projects[j]!.id);
}

describe('Method of Equal Shares', () => {
	it('caps a voter who cannot pay the equal share and charges the rest ρ', () => {
		// 3 voters with 10 each. Round 1: q (cost 6, only v1) at ρ = 6 beats r (cost 24, all) at ρ = 8.
		// Round 2: v1 has 4 < 8, so pays 4; v2 and v3 pay ρ = (24 − 4) / 2 = 10 each.
		const inst = buildInstance(30, { q: 6, r: 24 }, [['q', 'r'], ['r'], ['r']]);
		const res = count(inst, { rule: 'mes', tieBreak: 'id', utility: 'approval' });
		expect(res.selected).toEqual(['q', 'r']);
		expect(res.explanations['r']!.reason).toMatchObject({
			kind: 'mes-funded',
			round: 2,
			rho: rat(10n),
			maxPayment: rat(10n),
			supporters: 3
		});
		expect(res.explanations['r']!.sentence).toBe(
			'Funded in round 2: its 3 supporters shared the cost of 24, none paying more than 10.'
		);
	});

	it.each([
		// 4 voters, 10 each. a (36, all) is cheap per unit of cost utility; b, c (8 each) per approval.
		{ utility: 'cost' as const, selected: ['a'] },
		{ utility: 'approval' as const, selected: ['b', 'c'] }
	])('picks by $utility utilities', ({ utility, selected }) => {
		const inst = buildInstance(40, { a: 36, b: 8, c: 8 }, [['a', 'b'], ['a', 'c'], ['a'], ['a']]);
		expect(count(inst, { rule: 'mes', tieBreak: 'id', utility }).selected).toEqual(selected);
	});

	it('counts empty ballots in the number of voters sharing the budget', () => {
		// 2 voters (one empty ballot) with 5 each: a costs 6, more than its supporter's 5.
		const inst = buildInstance(10, { a: 6 }, [['a'], []]);
		const res = count(inst, { rule: 'mes', tieBreak: 'id' });
		expect(res.selected).toEqual([]);
		expect(res.explanations['a']!.reason).toEqual({
			kind: 'mes-unaffordable',
			supporters: 1,
			supportersLeft: 5n,
			supportersStart: 5n,
			cost: 6n
		});
		expect(res.explanations['a']!.sentence).toBe(
			'Not funded: it costs 6, but its 1 supporter had only 5 left of the 5 they started with.'
		);
	});

	it('funds free projects with a supporter first and never projects without votes', () => {
		const inst = buildInstance(10, { a: 10, free: 0, lonely: 0 }, [['a', 'free'], ['a']]);
		const res = count(inst, { rule: 'mes', tieBreak: 'id' });
		expect(res.selected).toEqual(['free', 'a']);
		expect(res.explanations['free']!.reason).toEqual({ kind: 'mes-free', votes: 1n });
		expect(res.explanations['lonely']!.reason).toEqual({ kind: 'no-votes' });
	});

	it('explains a project costing more than the whole budget', () => {
		const inst = buildInstance(10, { big: 11 }, [['big'], ['big']]);
		expect(count(inst, { rule: 'mes', tieBreak: 'id' }).explanations['big']!.reason).toEqual({
			kind: 'over-budget',
			cost: 11n,
			budget: 10n
		});
	});

	it.each([
		{ tieBreak: 'id' as const, order: ['10', '9'] },
		{ tieBreak: 'votes-cost-id' as const, order: ['10', '9'] },
		{ tieBreak: 'cost-votes-id' as const, order: ['9', '10'] }
	])('breaks an exact tie in ρ by $tieBreak', ({ tieBreak, order }) => {
		// Approval utilities: "9" costs 4 with 1 supporter, "10" costs 8 with 2: ρ = 4 for both.
		const inst = buildInstance(30, { '9': 4, '10': 8 }, [['9'], ['10'], ['10']]);
		const res = count(inst, { rule: 'mes', tieBreak, utility: 'approval' });
		expect(res.selected).toEqual(order);
		expect(res.tieBreak).toBe(tieBreak);
	});

	it('matches a voter-by-voter exact MES on random small elections (ties, free and huge projects)', () => {
		const arb = fc.record({
			costs: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }),
			ballots: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), {
				minLength: 1,
				maxLength: 8
			}),
			budget: fc.integer({ min: 1, max: 30 }),
			utility: fc.constantFrom('cost' as const, 'approval' as const),
			tieBreak: fc.constantFrom<TieBreak>('id', 'votes-cost-id', 'cost-votes-id')
		});
		fc.assert(
			fc.property(arb, ({ costs, ballots, budget, utility, tieBreak }) => {
				const inst: Instance = {
					budget: BigInt(budget),
					projects: costs.map((c, j) => ({ id: String(j + 8), cost: BigInt(c) })),
					ballots: ballots.map((b) => ({
						projects: [...new Set(b.filter((j) => j < costs.length))]
					}))
				};
				const e = rat(inst.budget, BigInt(inst.ballots.length));
				const got = runMes(inst, prepareMes(inst), {
					endowment: e,
					utility,
					tieBreak
				})!.selected.map((j) => inst.projects[j]!.id);
				expect(got).toEqual(naiveMes(inst, e, utility, tieBreak));
			}),
			{ numRuns: 300 }
		);
	});
});

describe('completion by budget increase (add1)', () => {
	/** The add1 loop exactly as the Pabulib checker and equalshares.net describe it. */
	function naiveAdd1(inst: Instance, integral: boolean, exhaustiveStop: boolean): string[] {
		const n = BigInt(inst.ballots.length);
		let e = integral ? rat(inst.budget / n) : rat(inst.budget, n);
		const costOf = (ids: string[]) =>
			ids.reduce((s, id) => s + inst.projects.find((p) => p.id === id)!.cost, 0n);
		const supported = inst.projects.filter((_, j) =>
			inst.ballots.some((b) => b.projects.includes(j))
		);
		let current = naiveMes(inst, e, 'cost', 'cost-votes-id');
		if (supported.reduce((s, p) => s + p.cost, 0n) <= inst.budget) return current;
		const exhaustive = (ids: string[]) =>
			supported.every((p) => ids.includes(p.id) || costOf(ids) + p.cost > inst.budget);
		for (;;) {
			if (exhaustiveStop && exhaustive(current)) return current;
			e = add(e, rat(1n));
			const next = naiveMes(inst, e, 'cost', 'cost-votes-id');
			if (costOf(next) > inst.budget) return current;
			current = next;
		}
	}

	it('spends more of the budget than plain MES on a small election', () => {
		// 4 voters, budget 20 (5 each): x (8) by v1,v2; y (8) by v3,v4; z (4) by v1; w (5) by v4.
		// Plain MES: x and y leave v1 with 1 < 4. At 8 each, v1 keeps 4 and z is funded (total 20);
		// at 9, v4 can also pay for w and the total 25 overspends, so the loop keeps 8.
		const inst = buildInstance(20, { x: 8, y: 8, z: 4, w: 5 }, [
			['x', 'z'],
			['x'],
			['y'],
			['y', 'w']
		]);
		const plain = count(inst, { rule: 'mes', tieBreak: 'cost-votes-id' });
		const add1 = count(inst, {
			rule: 'mes',
			tieBreak: 'cost-votes-id',
			completion: 'add1',
			integralStart: true
		});
		expect(plain.totalCost).toBe(16n);
		expect(add1.selected).toEqual(['x', 'y', 'z']);
		expect(add1.rule).toBe('mes/cost/add1');
	});

	it('equals the one-unit-step loop on random small elections', () => {
		const arb = fc.record({
			costs: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 2, maxLength: 6 }),
			ballots: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), {
				minLength: 2,
				maxLength: 7
			}),
			budget: fc.integer({ min: 5, max: 60 }),
			integral: fc.boolean(),
			exhaustiveStop: fc.boolean()
		});
		fc.assert(
			fc.property(arb, ({ costs, ballots, budget, integral, exhaustiveStop }) => {
				const inst: Instance = {
					budget: BigInt(budget),
					projects: costs.map((c, j) => ({ id: `p${j}`, cost: BigInt(c) })),
					ballots: ballots.map((b) => ({
						projects: [...new Set(b.filter((j) => j < costs.length))]
					}))
				};
				const got = equalShares(inst, {
					tieBreak: 'cost-votes-id',
					completion: 'add1',
					integralStart: integral,
					exhaustiveStop
				});
				expect(got.selected.map((j) => inst.projects[j]!.id)).toEqual(
					naiveAdd1(inst, integral, exhaustiveStop)
				);
			}),
			{ numRuns: 1000 }
		);
	});

	it('equals the one-unit-step loop when endowments grow over long stretches', () => {
		// Larger budgets make long runs of steps with the same outcome, which the search skips.
		const arb = fc.record({
			costs: fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 3, maxLength: 7 }),
			ballots: fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 4 }), {
				minLength: 3,
				maxLength: 9
			}),
			budget: fc.integer({ min: 100, max: 2000 }),
			integral: fc.boolean(),
			exhaustiveStop: fc.boolean()
		});
		fc.assert(
			fc.property(arb, ({ costs, ballots, budget, integral, exhaustiveStop }) => {
				const inst: Instance = {
					budget: BigInt(budget),
					projects: costs.map((c, j) => ({ id: `p${j}`, cost: BigInt(c) })),
					ballots: ballots.map((b) => ({
						projects: [...new Set(b.filter((j) => j < costs.length))]
					}))
				};
				const got = equalShares(inst, {
					tieBreak: 'cost-votes-id',
					completion: 'add1',
					integralStart: integral,
					exhaustiveStop
				});
				expect(got.selected.map((j) => inst.projects[j]!.id)).toEqual(
					naiveAdd1(inst, integral, exhaustiveStop)
				);
			}),
			{ numRuns: 150 }
		);
	});

	it('skips only endowments that fund the same projects, with each certificate alone', () => {
		// A guided run at e + k that reports "same" proves every endowment in [e, e + k] funds the
		// winners of e (add1Search's proof): check that claim against the voter-by-voter MES.
		const arb = fc.record({
			costs: fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 2, maxLength: 6 }),
			ballots: fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }), {
				minLength: 2,
				maxLength: 12
			}),
			start: fc.integer({ min: 1, max: 100 }),
			k: fc.integer({ min: 1, max: 60 }),
			certificate: fc.constantFrom('affine' as const, 'monotone' as const, 'any' as const)
		});
		let certified = 0;
		fc.assert(
			fc.property(arb, ({ costs, ballots, start, k, certificate }) => {
				const inst: Instance = {
					budget: 1000n,
					projects: costs.map((c, j) => ({ id: `p${j}`, cost: BigInt(c) })),
					ballots: ballots.map((b) => ({
						projects: [...new Set(b.filter((j) => j < costs.length))]
					}))
				};
				const prep = prepareMes(inst);
				const opts = { utility: 'cost' as const, tieBreak: 'cost-votes-id' as const };
				const e = rat(BigInt(start));
				const guide = runMes(inst, prep, { ...opts, endowment: e, isGuide: true })!;
				const probe = runMes(
					inst,
					prep,
					{ ...opts, endowment: add(e, rat(BigInt(k))), certificate },
					guide
				);
				if (!probe) return;
				certified += 1;
				const first = naiveMes(inst, e, 'cost', 'cost-votes-id');
				for (let t = 1; t <= k; t++)
					expect(naiveMes(inst, add(e, rat(BigInt(t))), 'cost', 'cost-votes-id')).toEqual(first);
			}),
			{ numRuns: 3000 }
		);
		expect(certified).toBeGreaterThan(100);
	});

	it('adds projects by votes after MES with utilitarian completion, explaining both stages', () => {
		const inst = buildInstance(20, { x: 8, y: 8, z: 4, w: 3 }, [
			['x', 'z'],
			['x', 'w'],
			['y'],
			['y']
		]);
		const res = count(inst, {
			rule: 'mes',
			tieBreak: 'cost-votes-id',
			utilitarianCompletion: true
		});
		expect(res.selected).toEqual(['x', 'y', 'w']);
		expect(res.explanations['w']!.reason).toMatchObject({
			kind: 'completion-funded',
			remainingBefore: 4n
		});
		expect(res.explanations['z']!.reason).toMatchObject({
			kind: 'completion-skipped',
			remaining: 1n
		});
	});

	it('switches to the greedy outcome when more voters prefer it (comparison step)', () => {
		// Budget 20, three voters with 20/3 each. MES funds a1 (v1 and v2 pay 5 each), then
		// nothing is affordable; greedy funds a1 and a2. v1 and v2 prefer greedy, v3 is indifferent.
		const inst = buildInstance(20, { a1: 10, a2: 10, c: 10 }, [['a1', 'a2'], ['a1', 'a2'], ['c']]);
		expect(count(inst, { rule: 'mes', tieBreak: 'id' }).selected).toEqual(['a1']);
		const res = count(inst, { rule: 'mes', tieBreak: 'id', comparison: true });
		expect(res.selected).toEqual(['a1', 'a2']);
		expect(res.explanations['c']!.reason).toMatchObject({
			kind: 'comparison',
			chose: 'greedy',
			preferGreedy: 2,
			preferMes: 0
		});
	});
});
