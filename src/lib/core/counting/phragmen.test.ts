import { describe, expect, it } from 'vitest';
import type { Instance } from './types';
import { count } from './index';
import { rat } from './rational';

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

describe('sequential Phragmén', () => {
	// Budget 10. Loads: a (4, v1 v2) and c (6, v1 v2 v3) both reach 2 first: tie → a by id.
	// Then b (3, v3) at load 3 beats c at (6 + 2 + 2) / 3 = 10/3. Then c at 13/3 beats d (3, v1)
	// at (3 + 2) / 1 = 5, but c costs 6 > 3 left, so the count stops: d is not funded although
	// it would fit (pabutools' Phragmén is not exhaustive).
	const inst = buildInstance(10, { a: 4, b: 3, c: 6, d: 3, big: 11 }, [
		['a', 'c', 'd', 'big'],
		['a', 'c'],
		['b', 'c']
	]);

	it('funds in order of earliest load and stops at the first project that does not fit', () => {
		const res = count(inst, { rule: 'phragmen', tieBreak: 'id' });
		expect(res.selected).toEqual(['a', 'b']);
		expect(res.explanations['b']!.reason).toMatchObject({
			kind: 'phragmen-funded',
			round: 2,
			load: rat(3n)
		});
		expect(res.explanations['c']!.reason).toMatchObject({
			kind: 'phragmen-stopped',
			isFirst: true,
			remaining: 3n
		});
		expect(res.explanations['d']!.reason).toMatchObject({
			kind: 'phragmen-stopped',
			isFirst: false,
			stoppedAt: 'c'
		});
		expect(res.explanations['big']!.reason).toEqual({
			kind: 'over-budget',
			cost: 11n,
			budget: 10n
		});
	});

	it('breaks an exact tie in load by the chosen order', () => {
		// a (4, 2 voters) and c (6, 3 voters) tie at load 2; cost-votes-id prefers cheaper a,
		// votes-cost-id prefers c with more votes.
		expect(count(inst, { rule: 'phragmen', tieBreak: 'cost-votes-id' }).selected[0]).toBe('a');
		expect(count(inst, { rule: 'phragmen', tieBreak: 'votes-cost-id' }).selected[0]).toBe('c');
	});

	it('funds free projects with supporters and ignores empty ballots', () => {
		const r = count(buildInstance(5, { free: 0, a: 5, none: 1 }, [['free', 'a'], []]), {
			rule: 'phragmen',
			tieBreak: 'id'
		});
		expect(r.selected).toEqual(['free', 'a']);
		expect(r.explanations['none']!.reason).toEqual({ kind: 'no-votes' });
	});
});
