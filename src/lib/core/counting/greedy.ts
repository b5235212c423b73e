/**
 * Greedy by votes, the classic city rule (PB-COUNTING.md, "Rules"): rank projects by votes
 * (approvals, or total points), highest first, and fund each that fits in what is left.
 */
import type { Instance, TieBreak } from './types';
import type { Reason, RuleOutcome } from './explain';
import { projectVotes } from './instance';
import { tieBreakComparator } from './tie-break';

/** Options of {@link greedy}. */
export type GreedyOptions = {
	tieBreak: TieBreak;
	/** Stop at the first project that does not fit instead of skipping it ("greedy-no-skip"). */
	noSkip?: boolean;
	/** Only projects with at least this many votes are eligible ("greedy-threshold"). */
	threshold?: bigint;
	/** Money available; the instance budget by default (completion after MES passes what is left). */
	budget?: bigint;
	/** Projects already funded (completion after MES); they are left out of the ranking. */
	exclude?: ReadonlySet<number>;
};

/**
 * Runs greedy. Unlike pabutools' `greedy_utilitarian_welfare`, a project nobody voted for is
 * never funded, even when money is left: cities do not fund unsupported projects.
 */
export function greedy(instance: Instance, options: GreedyOptions): RuleOutcome {
	const votes = projectVotes(instance);
	const tie = tieBreakComparator(instance, options.tieBreak, votes);
	const order = instance.projects
		.map((_, j) => j)
		.filter((j) => !options.exclude?.has(j))
		.sort((a, b) => (votes[a]! > votes[b]! ? -1 : votes[a]! < votes[b]! ? 1 : tie(a, b)));
	const reasons: Reason[] = instance.projects.map(() => ({ kind: 'no-votes' }));
	const selected: number[] = [];
	let remaining = options.budget ?? instance.budget;
	let stoppedAt: string | undefined;
	order.forEach((j, k) => {
		const rank = k + 1;
		const { cost, id } = instance.projects[j]!;
		const v = votes[j]!;
		if (v === 0n) {
			reasons[j] = { kind: 'no-votes' };
		} else if (options.threshold !== undefined && v < options.threshold) {
			reasons[j] = { kind: 'below-threshold', votes: v, threshold: options.threshold };
		} else if (stoppedAt !== undefined) {
			reasons[j] = { kind: 'greedy-stopped', rank, votes: v, stoppedAt, remaining };
		} else if (cost > instance.budget) {
			reasons[j] = { kind: 'over-budget', cost, budget: instance.budget };
			if (options.noSkip) stoppedAt = id;
		} else if (cost <= remaining) {
			reasons[j] = { kind: 'greedy-funded', rank, votes: v, cost, remainingBefore: remaining };
			selected.push(j);
			remaining -= cost;
		} else {
			reasons[j] = { kind: 'greedy-skipped', rank, votes: v, cost, remaining };
			if (options.noSkip) stoppedAt = id;
		}
	});
	return { selected, reasons };
}
