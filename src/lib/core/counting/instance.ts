/**
 * From a parsed Pabulib election to a count-ready {@link Instance}, and small helpers every rule
 * shares (vote totals, supporter counts).
 */
import type { Ballot, Instance, PabulibElection, VoteType } from './types';

/**
 * How ordinal (ranked) ballots become points.
 * - `borda`: Pabulib's Borda, as in the `score` column of Pabulib's ordinal files (checked against
 *   Kraków 2024): the project ranked k-th (k = 1, 2, …) gets `max_length − k + 1` points, where
 *   `max_length` is the META value (the longest ballot when META has none). With max_length 3 the
 *   points are 3, 2, 1.
 * - `approval`: every ranked project counts as approved (how pabutools' reference outcomes treat
 *   ordinal files, `converted_to_approval`).
 */
export type ScoringFn = 'borda' | 'approval';

/** Options of {@link toInstance}. */
export type ToInstanceOptions = { scoringFn?: ScoringFn };

/** META value for a key, or undefined. */
export function metaValue(meta: readonly [string, string][], key: string): string | undefined {
	for (const [k, v] of meta) if (k === key) return v;
	return undefined;
}

/** Parses a META amount such as "1000000" or "1000000.00" to whole currency units (rounded down). */
export function parseAmount(text: string): bigint {
	const t = text.trim().replace(/[\s_]/g, '');
	const m = /^(-?\d+)(?:[.,](\d*))?$/.exec(t);
	if (!m) throw new RangeError(`not an amount: "${text}"`);
	return BigInt(m[1]!);
}

/**
 * Builds an Instance: approval and choose-1 ballots become approval sets; cumulative and scoring
 * ballots keep their points (scoring ballots give unlisted projects META `default_score` when it is
 * nonzero); ordinal ballots become points through `scoringFn` (Borda by default). Votes for ids
 * that are not projects, and repeated ids, are ignored (the parser reports them). The budget is
 * META `budget`.
 */
export function toInstance(election: PabulibElection, opts: ToInstanceOptions = {}): Instance {
	const meta = election.meta;
	const budgetText = metaValue(meta, 'budget');
	if (budgetText === undefined) throw new RangeError('META has no budget');
	const budget = parseAmount(budgetText);
	const voteType = (metaValue(meta, 'vote_type') ?? 'approval') as VoteType;
	const projects = election.projects.map((p) => {
		const name = p.fields['name'];
		return name === undefined ? { id: p.id, cost: p.cost } : { id: p.id, cost: p.cost, name };
	});
	const index = new Map<string, number>();
	projects.forEach((p, i) => index.set(p.id, i));

	const scoringFn = opts.scoringFn ?? 'borda';
	const maxLengthText = metaValue(meta, 'max_length');
	let maxLength = maxLengthText ? Number(maxLengthText) : 0;
	if (voteType === 'ordinal' && !(maxLength > 0)) {
		maxLength = Math.max(0, ...election.voters.map((v) => v.vote.length));
	}
	const defaultScore = Number(metaValue(meta, 'default_score') ?? '0') || 0;

	const ballots: Ballot[] = election.voters.map((voter) => {
		const seen = new Set<number>();
		const ps: number[] = [];
		const ss: number[] = [];
		voter.vote.forEach((id, k) => {
			const j = index.get(id);
			if (j === undefined || seen.has(j)) return;
			seen.add(j);
			ps.push(j);
			if (voteType === 'cumulative' || voteType === 'scoring') ss.push(voter.points?.[k] ?? 1);
			else if (voteType === 'ordinal' && scoringFn === 'borda') ss.push(Math.max(0, maxLength - k));
		});
		if (voteType === 'scoring' && defaultScore !== 0) {
			for (let j = 0; j < projects.length; j++) {
				if (!seen.has(j)) {
					ps.push(j);
					ss.push(defaultScore);
				}
			}
		}
		const isPoints =
			voteType === 'cumulative' ||
			voteType === 'scoring' ||
			(voteType === 'ordinal' && scoringFn === 'borda');
		if (!isPoints) return { projects: ps };
		// A project given zero points is not supported: drop it so it counts as no vote.
		const keep = ps.map((_, k) => k).filter((k) => ss[k]! > 0);
		return { projects: keep.map((k) => ps[k]!), scores: keep.map((k) => ss[k]!) };
	});
	return { budget, projects, ballots };
}

/** Vote total per project: approvals, or the sum of points for points ballots. */
export function projectVotes(instance: Instance): bigint[] {
	const votes = new Array<number>(instance.projects.length).fill(0);
	for (const b of instance.ballots) {
		b.projects.forEach((j, k) => {
			votes[j]! += b.scores ? b.scores[k]! : 1;
		});
	}
	return votes.map((v) => BigInt(v));
}

/** Number of voters supporting each project (any positive score counts). */
export function supporterCounts(instance: Instance): number[] {
	const counts = new Array<number>(instance.projects.length).fill(0);
	for (const b of instance.ballots) for (const j of b.projects) counts[j]! += 1;
	return counts;
}
