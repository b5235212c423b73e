import { describe, expect, it } from 'vitest';
import type { PabulibElection, VoteType } from './types';
import { toInstance } from './instance';
import { optionsFromMeta } from './from-meta';

function election(
	voteType: VoteType,
	votes: { vote: string[]; points?: number[] }[],
	extraMeta: [string, string][] = []
): PabulibElection {
	return {
		meta: [['budget', '100'], ['vote_type', voteType], ...extraMeta],
		projectColumns: ['project_id', 'cost'],
		projects: ['a', 'b', 'c'].map((id) => ({
			id,
			cost: 10n,
			fields: { project_id: id, cost: '10' }
		})),
		voteColumns: ['voter_id', 'vote'],
		voters: votes.map((v, i) => ({
			id: String(i),
			vote: v.vote,
			...(v.points ? { points: v.points } : {}),
			fields: {}
		}))
	};
}

describe('toInstance', () => {
	it.each([
		{
			name: 'approval ballots become approval sets',
			type: 'approval' as const,
			votes: [{ vote: ['b', 'a'] }],
			want: { projects: [1, 0] }
		},
		{
			name: 'choose-1 ballots approve their one project',
			type: 'choose-1' as const,
			votes: [{ vote: ['c'] }],
			want: { projects: [2] }
		},
		{
			name: 'cumulative ballots keep their points',
			type: 'cumulative' as const,
			votes: [{ vote: ['c', 'a'], points: [3, 1] }],
			want: { projects: [2, 0], scores: [3, 1] }
		},
		{
			name: 'ordinal ballots get Borda points max_length − k + 1',
			type: 'ordinal' as const,
			votes: [{ vote: ['b', 'c'] }],
			want: { projects: [1, 2], scores: [3, 2] }
		},
		{
			name: 'empty ballots stay, with no projects',
			type: 'approval' as const,
			votes: [{ vote: [] }],
			want: { projects: [] }
		}
	])('$name', ({ type, votes, want }) => {
		const inst = toInstance(election(type, votes, [['max_length', '3']]));
		expect(inst.ballots[0]).toEqual(want);
		expect(inst.budget).toBe(100n);
	});

	it('gives unlisted projects the default score on scoring ballots', () => {
		const inst = toInstance(
			election('scoring', [{ vote: ['a'], points: [5] }], [['default_score', '1']])
		);
		expect(inst.ballots[0]).toEqual({ projects: [0, 1, 2], scores: [5, 1, 1] });
	});

	it('uses the longest ballot for Borda when META has no max_length', () => {
		const inst = toInstance(election('ordinal', [{ vote: ['a', 'b'] }, { vote: ['c'] }]));
		expect(inst.ballots.map((b) => b.scores)).toEqual([[2, 1], [2]]);
	});

	it('can count ranked projects as approvals', () => {
		const inst = toInstance(election('ordinal', [{ vote: ['a', 'b'] }]), { scoringFn: 'approval' });
		expect(inst.ballots[0]).toEqual({ projects: [0, 1] });
	});
});

describe('optionsFromMeta', () => {
	const meta = (rule: string, extra: [string, string][] = []): [string, string][] => [
		['rule', rule],
		...extra
	];
	it.each([
		{ rule: 'greedy', extra: [], want: { rule: 'greedy', tieBreak: 'cost-votes-id' } },
		{
			rule: 'greedy-no-skip',
			extra: [],
			want: { rule: 'greedy', tieBreak: 'cost-votes-id', noSkip: true }
		},
		{
			rule: 'greedy-no-skip',
			extra: [['min_project_score_threshold', '1000']],
			want: { rule: 'greedy', tieBreak: 'cost-votes-id', noSkip: true, threshold: 1000n }
		},
		{
			rule: 'greedy-threshold',
			extra: [['min_project_score_threshold', '100']],
			want: { rule: 'greedy', tieBreak: 'cost-votes-id', threshold: 100n }
		},
		{
			rule: 'equalshares',
			extra: [],
			want: { rule: 'mes', utility: 'cost', completion: 'none', comparison: false }
		},
		{
			rule: 'equalshares/add1',
			extra: [],
			want: {
				rule: 'mes',
				completion: 'add1',
				integralStart: true,
				exhaustiveStop: false,
				utilitarianCompletion: false,
				comparison: false
			}
		},
		{
			rule: 'equalshares/add1-comparison',
			extra: [],
			want: { rule: 'mes', completion: 'add1', integralStart: true, comparison: true }
		},
		{
			rule: 'equalshares-comparison',
			extra: [],
			want: { rule: 'mes', completion: 'none', comparison: true }
		}
	] as { rule: string; extra: [string, string][]; want: object }[])(
		'maps $rule',
		({ rule, extra, want }) => {
			expect(optionsFromMeta(meta(rule, extra))).toMatchObject(want);
		}
	);

	it.each(['greedy-custom', 'greedy-exclusive', 'unknown', ''])(
		'reports "%s" as unsupported',
		(rule) => {
			expect(optionsFromMeta(meta(rule))).toHaveProperty('unsupported');
		}
	);
});
