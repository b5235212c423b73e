/**
 * Named tie-breaking orders. Which one a count uses changes real outcomes, so it is a parameter
 * recorded in every result (docs/decisions/0003-tie-breaking-default.md).
 *
 * - `id`: project id in string order, as pabutools' `lexico_tie_breaking` (so "10" < "9").
 * - `votes-cost-id`: more votes, then lower cost, then id — equalshares.net's "most votes" option
 *   as emulated in the reference outcomes.
 * - `cost-votes-id`: lower cost, then more votes, then id — the Pabulib checker's order, which
 *   reproduces the real add1 outcomes of Assen 2024, Świecie 2023 and Wieliczka 2023.
 */
import type { Instance, TieBreak } from './types';

/** Every tie-breaking order, in the order the CLI lists them. */
export const TIE_BREAKS: readonly TieBreak[] = ['id', 'votes-cost-id', 'cost-votes-id'];

/**
 * Compares two strings by UTF-16 code unit, which is Python's code-point order for every id in
 * the Basic Multilingual Plane (all Pabulib ids). `localeCompare` is deliberately not used: it
 * would put "9" before "10" in some locales and differ between machines.
 */
export function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Returns a comparator of project indexes: negative when `a` wins the tie against `b`.
 * `votes[j]` is project j's vote count (approvals, or total points for points ballots).
 */
export function tieBreakComparator(
	instance: Instance,
	tieBreak: TieBreak,
	votes: readonly bigint[]
): (a: number, b: number) => number {
	const p = instance.projects;
	const byId = (a: number, b: number) => compareIds(p[a]!.id, p[b]!.id);
	const byVotes = (a: number, b: number) => {
		const va = votes[a]!;
		const vb = votes[b]!;
		return va > vb ? -1 : va < vb ? 1 : 0;
	};
	const byCost = (a: number, b: number) => {
		const ca = p[a]!.cost;
		const cb = p[b]!.cost;
		return ca < cb ? -1 : ca > cb ? 1 : 0;
	};
	switch (tieBreak) {
		case 'id':
			return byId;
		case 'votes-cost-id':
			return (a, b) => byVotes(a, b) || byCost(a, b) || byId(a, b);
		case 'cost-votes-id':
			return (a, b) => byCost(a, b) || byVotes(a, b) || byId(a, b);
		default:
			throw new RangeError(`unknown tie-breaking order: ${String(tieBreak)}`);
	}
}
