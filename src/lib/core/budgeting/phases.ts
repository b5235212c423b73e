/**
 * The phases of a participatory budgeting process and the vocabulary shared by its tables and
 * pages. Pure: the current time is passed in.
 */

/** Ballot types (PRODUCT.md, Budgeting): approval (up to k), knapsack (within the budget),
 * cumulative (spread points), ranked (up to k, best first). */
export const ballotTypes = ['approval', 'knapsack', 'cumulative', 'ranked'] as const;
/** A ballot type. */
export type BallotType = (typeof ballotTypes)[number];

/** Counting rules the core engine runs (`src/lib/core/counting`). */
export const countingRules = ['greedy', 'mes', 'phragmen'] as const;
/** A counting rule. */
export type CountingRule = (typeof countingRules)[number];

/** How a ballot reached the box: online (account or code) or on paper, entered by an officer. */
export const participationChannels = ['online_account', 'online_code', 'paper'] as const;
/** A participation channel. */
export type ParticipationChannel = (typeof participationChannels)[number];

/** The phases in order. `draft` is before ideas open (or when no date is set). */
export const phases = [
	'draft',
	'ideas',
	'review',
	'voting',
	'counting',
	'results',
	'delivery'
] as const;
/** A phase. */
export type Phase = (typeof phases)[number];

/** The dates a process's phases start on; null when not scheduled. */
export type PhaseDates = {
	ideasOpensAt: Date | null;
	reviewOpensAt: Date | null;
	votingOpensAt: Date | null;
	votingClosesAt: Date | null;
	resultsAt: Date | null;
	deliveryAt: Date | null;
};

/** The phase each date starts, latest first: the first date already passed wins. */
const starts: [keyof PhaseDates, Phase][] = [
	['deliveryAt', 'delivery'],
	['resultsAt', 'results'],
	['votingClosesAt', 'counting'],
	['votingOpensAt', 'voting'],
	['reviewOpensAt', 'review'],
	['ideasOpensAt', 'ideas']
];

/**
 * The phase a process is in at `now`: the phase of the latest date that has passed. Voting is
 * open from `votingOpensAt` until `votingClosesAt`; between the close and `resultsAt` (or until
 * results are published) the process is `counting`.
 */
export function currentPhase(dates: PhaseDates, now: Date): Phase {
	for (const [key, phase] of starts) {
		const at = dates[key];
		if (at && at.getTime() <= now.getTime()) return phase;
	}
	return 'draft';
}

/** True when voting is open at `now`. */
export function isVotingOpen(dates: PhaseDates, now: Date): boolean {
	return currentPhase(dates, now) === 'voting';
}

/**
 * Problems with a set of phase dates: each scheduled date must come after the one before it.
 * Returns the field names (keys of {@link PhaseDates}) that are out of order.
 */
export function phaseDateProblems(
	dates: PhaseDates
): { field: keyof PhaseDates; after: keyof PhaseDates }[] {
	const order: (keyof PhaseDates)[] = [
		'ideasOpensAt',
		'reviewOpensAt',
		'votingOpensAt',
		'votingClosesAt',
		'resultsAt',
		'deliveryAt'
	];
	const problems: { field: keyof PhaseDates; after: keyof PhaseDates }[] = [];
	let previous: keyof PhaseDates | null = null;
	for (const key of order) {
		const at = dates[key];
		if (!at) continue;
		if (previous && dates[previous]!.getTime() > at.getTime())
			problems.push({ field: key, after: previous });
		previous = key;
	}
	if (dates.votingOpensAt && !dates.votingClosesAt)
		problems.push({ field: 'votingClosesAt', after: 'votingOpensAt' });
	return problems;
}
