/**
 * A process, its projects and its ballots as a Pabulib election: the one representation the app
 * counts, exports and hashes, so the downloaded file recounts to the same winners by
 * construction (docs/decisions/0009-counting-ranked-and-cumulative-ballots.md).
 *
 * Canonical ballot order. Ballots carry no id, time or sequence that could be shown, so they are
 * put in an order that depends only on what they say: each ballot is written as the line it has
 * in the file's VOTES section without its voter id (`vote`, or `vote;points` for cumulative
 * ballots), with project numbers for project ids, and the lines are sorted as byte strings. Voter
 * ids are then 1…n in that order. The ballots' hash is the SHA-256 of those lines, each ended by
 * `\n`; anyone can recompute it from an exported file with
 *
 *     sed -n '/^VOTES$/,$p' file.pb | tail -n +3 | cut -d';' -f2- | LC_ALL=C sort | sha256sum
 */
import { createHash } from 'node:crypto';
import {
	metaForOptions,
	TIE_BREAKS,
	type CountOptions,
	type PabulibElection,
	type TieBreak
} from '../../../core/counting/index';
import type { BallotType, CountingRule, StoredBallot } from '../schema';

/** What the conversion needs of a process. */
export type ElectionProcess = {
	id: string;
	title: string;
	description: string;
	budgetPence: number;
	ballotType: BallotType;
	countingRule: CountingRule;
	tieBreak: TieBreak;
	maxChoices: number | null;
	minProjects: number | null;
	maxProjects: number | null;
	totalPoints: number | null;
	votingOpensAt: Date | null;
	votingClosesAt: Date | null;
	importedFrom?: string | null;
};

/** What the conversion needs of a project on the ballot. */
export type ElectionProject = {
	id: string;
	number: number;
	title: string;
	costPence: number;
	placeName?: string | null;
};

/** The process as an election, its ballot lines in canonical order, and their hash. */
export type CanonicalElection = {
	election: PabulibElection;
	/** One line per ballot, sorted: what the hash covers. */
	lines: string[];
	ballotsHash: string;
	/** Project number (the Pabulib project_id) → database project id. */
	projectIdByNumber: Map<string, string>;
};

/** The Pabulib vote type a ballot type is written as. */
export function voteTypeOf(ballotType: BallotType): 'approval' | 'ordinal' | 'cumulative' {
	if (ballotType === 'ranked') return 'ordinal';
	if (ballotType === 'cumulative') return 'cumulative';
	return 'approval';
}

/**
 * The count options of a process's rule. MES is the Method of Equal Shares with cost utilities,
 * completed by budget increase from each voter's whole-penny share (Pabulib's
 * `equalshares/add1`, as Wieliczka and Assen count; PB-COUNTING.md, "Completion by budget
 * increase").
 */
export function countOptionsFor(rule: CountingRule, tieBreak: TieBreak): CountOptions {
	switch (rule) {
		case 'greedy':
			return { rule: 'greedy', tieBreak };
		case 'phragmen':
			return { rule: 'phragmen', tieBreak };
		case 'mes':
			return { rule: 'mes', tieBreak, utility: 'cost', completion: 'add1', integralStart: true };
	}
}

/** The `powershare count` flags that reproduce a count's options. */
export function recountFlags(options: CountOptions): string {
	const flags = [`--rule ${options.rule}`];
	if (options.rule === 'greedy') {
		if (options.noSkip) flags.push('--no-skip');
		if (options.threshold !== undefined) flags.push(`--threshold ${options.threshold}`);
	}
	if (options.rule === 'mes') {
		flags.push(`--utility ${options.utility ?? 'cost'}`);
		if (options.completion === 'add1') flags.push('--completion add1');
		if (options.integralStart) flags.push('--integral-start');
		if (options.exhaustiveStop) flags.push('--exhaustive-stop');
		if (options.utilitarianCompletion) flags.push('--utilitarian-completion');
		if (options.comparison) flags.push('--comparison');
	}
	flags.push(`--tie-break ${options.tieBreak}`);
	return flags.join(' ');
}

/**
 * The options a stored result was counted with (`budgeting_results.outcome.options`, where a
 * threshold is a string), or undefined when they are not recognisable.
 */
export function storedCountOptions(json: Record<string, unknown>): CountOptions | undefined {
	const { rule, tieBreak, threshold, utility, completion } = json;
	if (rule !== 'greedy' && rule !== 'mes' && rule !== 'phragmen') return undefined;
	if (!(TIE_BREAKS as readonly unknown[]).includes(tieBreak)) return undefined;
	const options: CountOptions = { rule, tieBreak: tieBreak as TieBreak };
	if (rule === 'greedy') {
		if (json['noSkip'] === true) options.noSkip = true;
		if (typeof threshold === 'string' && /^\d+$/.test(threshold))
			options.threshold = BigInt(threshold);
	}
	if (rule === 'mes') {
		options.utility = utility === 'approval' ? 'approval' : 'cost';
		options.completion = completion === 'add1' ? 'add1' : 'none';
		for (const flag of [
			'integralStart',
			'exhaustiveStop',
			'utilitarianCompletion',
			'comparison'
		] as const)
			if (json[flag] === true) options[flag] = true;
	}
	return options;
}

/** A stored ballot as its canonical line: project numbers, and points for cumulative ballots. */
export function ballotLine(
	ballot: StoredBallot,
	ballotType: BallotType,
	numberById: ReadonlyMap<string, number>
): string {
	const seen = new Set<number>();
	const items: { n: number; points: number }[] = [];
	ballot.projectIds.forEach((id, k) => {
		const n = numberById.get(id);
		if (n === undefined || seen.has(n)) return;
		seen.add(n);
		items.push({ n, points: ballot.points?.[k] ?? 1 });
	});
	if (ballotType === 'cumulative') {
		// Pabulib lists cumulative votes by decreasing points; equal points by project number.
		const kept = items.filter((i) => i.points > 0).sort((a, b) => b.points - a.points || a.n - b.n);
		return `${kept.map((i) => i.n).join(',')};${kept.map((i) => i.points).join(',')}`;
	}
	// Ranked ballots keep their order (best first); approval sets are listed by number.
	if (ballotType !== 'ranked') items.sort((a, b) => a.n - b.n);
	return items.map((i) => i.n).join(',');
}

/** SHA-256 of ballot lines, each ended by a newline, as hex. */
export function hashBallotLines(lines: readonly string[]): string {
	const hash = createHash('sha256');
	for (const line of lines) hash.update(`${line}\n`);
	return hash.digest('hex');
}

function byteOrder(a: string, b: string): number {
	// Lines hold only digits, commas and a semicolon, so code-unit order is byte order.
	return a < b ? -1 : a > b ? 1 : 0;
}

function pabulibDate(at: Date | null): string {
	if (!at) return '';
	const d = at.toISOString().slice(0, 10).split('-');
	return `${d[2]}.${d[1]}.${d[0]}`;
}

/**
 * Builds the election. Amounts are in pence, as the app counts them, so a recount of the file is
 * exact; META says so (`comment`, and `amount_unit;pence`, which the importer reads back).
 * `selected` marks the official winners when given. META names the rule and tie-break the count
 * used (`countOptions`, by default the process's rule), in lines `powershare count` reads back,
 * so the file recounts to the same winners with no flags.
 */
export function toElection(options: {
	process: ElectionProcess;
	placeName: string;
	projects: readonly ElectionProject[];
	ballots: readonly StoredBallot[];
	selected?: ReadonlySet<string>;
	countOptions?: CountOptions;
}): CanonicalElection {
	const { process, projects } = options;
	const numberById = new Map(projects.map((p) => [p.id, p.number]));
	const lines = options.ballots
		.map((b) => ballotLine(b, process.ballotType, numberById))
		.sort(byteOrder);
	const voteType = voteTypeOf(process.ballotType);

	const longest = maxLength(process, lines);
	const votes = new Map<string, number>();
	for (const line of lines) {
		const [vote = '', points] = line.split(';');
		if (vote === '') continue;
		const ids = vote.split(',');
		const ps = points?.split(',').map(Number);
		ids.forEach((id, k) => {
			const score =
				voteType === 'cumulative' ? ps![k]! : voteType === 'ordinal' ? Math.max(0, longest - k) : 1;
			votes.set(id, (votes.get(id) ?? 0) + score);
		});
	}

	const [ruleLine, ...ruleDetails] = metaForOptions(
		options.countOptions ?? countOptionsFor(process.countingRule, process.tieBreak)
	);
	const meta: [string, string][] = [
		['description', process.title],
		['country', 'United Kingdom'],
		['unit', options.placeName],
		[
			'instance',
			String((process.votingClosesAt ?? process.votingOpensAt ?? new Date(0)).getUTCFullYear())
		],
		['num_projects', String(projects.length)],
		['num_votes', String(lines.length)],
		['budget', String(process.budgetPence)],
		['vote_type', voteType],
		ruleLine!,
		['date_begin', pabulibDate(process.votingOpensAt)],
		['date_end', pabulibDate(process.votingClosesAt)],
		['currency', 'GBP'],
		['amount_unit', 'pence'],
		...ruleDetails,
		[
			'comment',
			'Exported by Powershare. Amounts (budget, cost) are in pence. Ballots are anonymous, in a canonical order; voter ids are positions, not people.'
		]
	];
	if (voteType === 'ordinal') meta.push(['max_length', String(longest)]);
	if (voteType === 'approval' && process.ballotType === 'approval' && process.maxChoices)
		meta.push(['max_length', String(process.maxChoices)]);
	if (process.ballotType === 'knapsack') {
		meta.push(['max_sum_cost', String(process.budgetPence)]);
		if (process.minProjects) meta.push(['min_length', String(process.minProjects)]);
		if (process.maxProjects) meta.push(['max_length', String(process.maxProjects)]);
	}
	if (voteType === 'cumulative' && process.totalPoints)
		meta.push(['max_sum_points', String(process.totalPoints)]);

	const scoreColumn = voteType === 'approval' ? 'votes' : 'score';
	const projectColumns = ['project_id', 'cost', scoreColumn, 'name', 'selected'];
	const election: PabulibElection = {
		meta,
		projectColumns,
		projects: projects.map((p) => {
			const id = String(p.number);
			return {
				id,
				cost: BigInt(p.costPence),
				fields: {
					project_id: id,
					cost: String(p.costPence),
					[scoreColumn]: String(votes.get(id) ?? 0),
					name: p.title,
					selected: options.selected ? (options.selected.has(id) ? '1' : '0') : ''
				}
			};
		}),
		voteColumns: voteType === 'cumulative' ? ['voter_id', 'vote', 'points'] : ['voter_id', 'vote'],
		voters: lines.map((line, k) => {
			const [vote = '', points] = line.split(';');
			const id = String(k + 1);
			const list = vote === '' ? [] : vote.split(',');
			const pointList =
				points === undefined ? undefined : points === '' ? [] : points.split(',').map(Number);
			const fields: Record<string, string> = { voter_id: id, vote };
			if (points !== undefined) fields['points'] = points;
			return pointList ? { id, vote: list, points: pointList, fields } : { id, vote: list, fields };
		})
	};
	return {
		election,
		lines,
		ballotsHash: hashBallotLines(lines),
		projectIdByNumber: new Map(projects.map((p) => [String(p.number), p.id]))
	};
}

/** Ranked ballots: Borda points count from the longest ballot allowed (or cast). */
function maxLength(process: ElectionProcess, lines: readonly string[]): number {
	if (process.maxChoices && process.maxChoices > 0) return process.maxChoices;
	let longest = 0;
	for (const line of lines) longest = Math.max(longest, line === '' ? 0 : line.split(',').length);
	return longest;
}
