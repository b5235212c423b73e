import { describe, expect, it } from 'vitest';
import type { Instance } from './types';
import { count } from './index';

/** A small election: projects as id → cost, ballots as lists of approved ids. */
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

// a: 4 votes, b: 3, c: 2, d: 1, e: none. Budget 10.
const base = buildInstance(10, { a: 6, b: 5, c: 4, d: 1, e: 3 }, [
	['a', 'b', 'c', 'd'],
	['a', 'b', 'c'],
	['a', 'b'],
	['a']
]);

describe('greedy', () => {
	it.each([
		{ name: 'skips a project that does not fit and goes on', opts: {}, selected: ['a', 'c'] },
		{
			name: 'stops at the first project that does not fit without skipping',
			opts: { noSkip: true },
			selected: ['a']
		},
		{
			name: 'funds only projects at or above the threshold',
			opts: { threshold: 2n },
			selected: ['a', 'c']
		},
		{
			name: 'leaves out projects below the threshold even with money left',
			opts: { threshold: 3n },
			selected: ['a']
		}
	])('$name', ({ opts, selected }) => {
		const r = count(base, { rule: 'greedy', tieBreak: 'id', ...opts });
		expect(r.selected).toEqual(selected);
	});

	it('never funds a project nobody voted for, even with money left', () => {
		const r = count(buildInstance(10, { a: 2, z: 1 }, [['a']]), { rule: 'greedy', tieBreak: 'id' });
		expect(r.selected).toEqual(['a']);
		expect(r.explanations['z']!.reason).toEqual({ kind: 'no-votes' });
	});

	it('explains each decision with votes and money left', () => {
		const r = count(base, { rule: 'greedy', tieBreak: 'id' });
		expect(r.explanations['a']!.reason).toEqual({
			kind: 'greedy-funded',
			rank: 1,
			votes: 4n,
			cost: 6n,
			remainingBefore: 10n
		});
		expect(r.explanations['b']!.reason).toEqual({
			kind: 'greedy-skipped',
			rank: 2,
			votes: 3n,
			cost: 5n,
			remaining: 4n
		});
		expect(r.explanations['b']!.status).toBe('not_funded');
		expect(r.explanations['b']!.sentence).toBe(
			'Not funded: 2nd by votes (3 votes), but it costs 5 and only 4 remained when its turn came.'
		);
		const stopped = count(base, { rule: 'greedy', tieBreak: 'id', noSkip: true });
		expect(stopped.explanations['c']!.reason).toMatchObject({
			kind: 'greedy-stopped',
			stoppedAt: 'b'
		});
		const below = count(base, { rule: 'greedy', tieBreak: 'id', threshold: 3n });
		expect(below.explanations['c']!.reason).toEqual({
			kind: 'below-threshold',
			votes: 2n,
			threshold: 3n
		});
	});

	it('does not fund a project costing more than the whole budget, and says so', () => {
		const r = count(buildInstance(10, { big: 11, a: 3 }, [['big', 'a'], ['big']]), {
			rule: 'greedy',
			tieBreak: 'id'
		});
		expect(r.selected).toEqual(['a']);
		expect(r.explanations['big']!.reason).toEqual({ kind: 'over-budget', cost: 11n, budget: 10n });
	});

	it('funds a free project that has votes', () => {
		const r = count(buildInstance(5, { a: 5, free: 0 }, [['a', 'free']]), {
			rule: 'greedy',
			tieBreak: 'id'
		});
		expect(r.selected).toEqual(['a', 'free']);
		expect(r.totalCost).toBe(5n);
	});

	it('treats empty ballots as casting no votes', () => {
		const r = count(buildInstance(5, { a: 5 }, [[], ['a'], []]), {
			rule: 'greedy',
			tieBreak: 'id'
		});
		expect(r.selected).toEqual(['a']);
	});

	it.each([
		// "10" and "9" have 1 vote each; "10" costs 3, "9" costs 2; budget fits one.
		{ tieBreak: 'id' as const, first: '10' },
		{ tieBreak: 'votes-cost-id' as const, first: '9' },
		{ tieBreak: 'cost-votes-id' as const, first: '9' }
	])('breaks an exact tie by $tieBreak and records it', ({ tieBreak, first }) => {
		const inst = buildInstance(3, { '9': 2, '10': 3 }, [['9', '10']]);
		const r = count(inst, { rule: 'greedy', tieBreak });
		expect(r.selected).toEqual([first]);
		expect(r.tieBreak).toBe(tieBreak);
	});

	it('orders ids as strings, so "10" comes before "9" under id tie-breaking', () => {
		const inst = buildInstance(10, { '9': 1, '10': 1, '100': 1 }, [['9', '10', '100']]);
		expect(count(inst, { rule: 'greedy', tieBreak: 'id' }).selected).toEqual(['10', '100', '9']);
	});

	it('ranks points ballots by total points', () => {
		const inst: Instance = {
			budget: 5n,
			projects: [
				{ id: 'a', cost: 5n },
				{ id: 'b', cost: 5n }
			],
			ballots: [
				{ projects: [0, 1], scores: [1, 4] },
				{ projects: [0], scores: [2] }
			]
		};
		expect(count(inst, { rule: 'greedy', tieBreak: 'id' }).selected).toEqual(['b']);
	});
});
