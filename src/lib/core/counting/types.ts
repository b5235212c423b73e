/**
 * Shared types of the counting engine. `pabulib.ts` turns files into a {@link PabulibElection};
 * `instance.ts` turns an election into a count-ready {@link Instance}; each rule takes an Instance
 * and returns a {@link CountResult}. Nothing here depends on a framework, Node or the clock.
 */

/** Pabulib vote types (PB-COUNTING.md, "The .pb format"). */
export type VoteType = 'approval' | 'ordinal' | 'cumulative' | 'scoring' | 'choose-1';

/** One project row of a Pabulib file, with every column kept as written. */
export type PabulibProject = {
	id: string;
	/** Cost in the file's currency unit, as an exact integer. */
	cost: bigint;
	/** Every column of the row, including project_id and cost, in header order. */
	fields: Record<string, string>;
};

/** One voter row of a Pabulib file, with every column kept as written. */
export type PabulibVoter = {
	id: string;
	/** Project ids as listed in the `vote` column (best first for ordinal, by decreasing points for cumulative). */
	vote: string[];
	/** Parallel to `vote` when the file has a `points` column. */
	points?: number[];
	/**
	 * Every column of the row, in header order. Treat it as read-only: voters read by
	 * `parsePabulib` rebuild it on each access from `id`, `vote`, `points` and the other columns
	 * (a getter, so spreading or JSON-encoding such a voter leaves it out), which keeps a
	 * 100,000-voter election small.
	 */
	readonly fields: Record<string, string>;
};

/** A whole Pabulib file, every META key and column preserved so writing it back loses nothing. */
export type PabulibElection = {
	/** META entries in file order. */
	meta: [key: string, value: string][];
	projectColumns: string[];
	projects: PabulibProject[];
	voteColumns: string[];
	voters: PabulibVoter[];
};

/** A problem found while reading a file: where and what. */
export type FileIssue = { file: string; line: number; message: string };

/** Named tie-breaking orders, recorded in every result. */
export type TieBreak = 'id' | 'votes-cost-id' | 'cost-votes-id';

/** A count-ready election: projects by index, ballots as index lists with integer utilities. */
export type Instance = {
	budget: bigint;
	projects: readonly { id: string; cost: bigint; name?: string }[];
	/** One entry per voter, including empty ballots (they count in MES's n). */
	ballots: readonly Ballot[];
};

/** A ballot: the indexes of the projects it supports and, for points ballots, the points each gets. */
export type Ballot = {
	projects: readonly number[];
	/** Parallel to `projects`; absent means approval (every listed project scores 1). */
	scores?: readonly number[];
};

/** Options of a count, mirroring the `powershare count` flags. */
export type CountOptions = {
	rule: 'greedy' | 'mes' | 'phragmen';
	tieBreak: TieBreak;
	/** MES utilities: `cost` (utility = cost, as equalshares.net) or `approval` (utility = 1). */
	utility?: 'cost' | 'approval';
	/** Greedy: stop at the first project that does not fit. */
	noSkip?: boolean;
	/** Greedy: fund only projects with at least this many votes (or points). */
	threshold?: bigint;
	/** MES completion by budget increase. */
	completion?: 'none' | 'add1';
	integralStart?: boolean;
	exhaustiveStop?: boolean;
	utilitarianCompletion?: boolean;
	comparison?: boolean;
};
