/**
 * Reading and writing Pabulib `.pb` files (pabulib.org/format, summarised in PB-COUNTING.md).
 *
 * The reader works one line at a time, so a 130,000-voter file streams through without the
 * whole text being split into lines first, and it reports every problem as `file:line: what is
 * wrong`. Fatal problems throw a {@link PabulibError}; anything that still lets the file be
 * counted comes back as a warning. The writer produces a file that reads back to the same
 * election, every META key and every column included.
 */
import type { FileIssue, PabulibElection, PabulibProject, PabulibVoter, VoteType } from './types';

/** What {@link parsePabulib} returns: the election and the problems that did not stop reading. */
export type PabulibParseResult = { election: PabulibElection; warnings: FileIssue[] };

/** Thrown when a file cannot be read as a Pabulib election; `issues` lists every problem found. */
export class PabulibError extends Error {
	readonly issues: FileIssue[];

	constructor(issues: FileIssue[]) {
		const first = issues[0];
		const more = issues.length > 1 ? ` (and ${issues.length - 1} more problems)` : '';
		super(first ? `${formatIssue(first)}${more}` : 'unreadable Pabulib file');
		this.name = 'PabulibError';
		this.issues = issues;
	}
}

/** Formats an issue the way compilers do, `file:line: message`, so editors can jump to it. */
export function formatIssue(issue: FileIssue): string {
	// Line 0 means the file as a whole (a summary, or a problem found while writing).
	return issue.line > 0
		? `${issue.file}:${issue.line}: ${issue.message}`
		: `${issue.file}: ${issue.message}`;
}

/** The vote types Pabulib defines (PB-COUNTING.md, "The .pb format"). */
export const VOTE_TYPES: readonly VoteType[] = [
	'approval',
	'ordinal',
	'cumulative',
	'scoring',
	'choose-1'
];

/**
 * The value of a META key (compared case-insensitively, surrounding spaces ignored), or
 * `undefined` when the file does not have it. The first entry wins when a key repeats.
 */
export function getMeta(election: Pick<PabulibElection, 'meta'>, key: string): string | undefined {
	const wanted = key.toLowerCase();
	for (const [k, v] of election.meta) if (k.trim().toLowerCase() === wanted) return v;
	return undefined;
}

/**
 * Reads a whole Pabulib file held in memory. `fileName` is only used in messages.
 * @throws {PabulibError} when the file cannot be read as an election.
 */
export function parsePabulib(text: string, fileName: string): PabulibParseResult {
	const reader = new PabulibReader(fileName);
	reader.push(text);
	return reader.finish();
}

/**
 * Reads a Pabulib file arriving in pieces: strings (a file stream with `encoding: 'utf8'`, an
 * array of strings) or UTF-8 bytes (a file stream without encoding, a fetch body). Chunks may
 * split lines, `\r\n` pairs, quoted fields and multi-byte characters anywhere; memory stays
 * proportional to the election, not to the text.
 * @throws {PabulibError} (as a rejected promise) when the file cannot be read as an election,
 * including bytes that are not valid UTF-8.
 */
export async function parsePabulibChunks(
	chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
	fileName: string
): Promise<PabulibParseResult> {
	const reader = new PabulibReader(fileName);
	let decoder: TextDecoder | undefined;
	for await (const chunk of chunks) {
		if (chunk instanceof Uint8Array) {
			decoder ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
			reader.push(decodeOrReject(decoder, chunk, reader, fileName));
		} else reader.push(chunk);
	}
	if (decoder) reader.push(decodeOrReject(decoder, undefined, reader, fileName));
	return reader.finish();
}

function decodeOrReject(
	decoder: TextDecoder,
	bytes: Uint8Array | undefined,
	reader: PabulibReader,
	fileName: string
): string {
	try {
		return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
	} catch {
		// Find the line of the bad bytes: decode leniently and count lines up to the first
		// replacement character.
		const lenient = bytes ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) : '';
		const bad = Math.max(0, lenient.indexOf('\uFFFD'));
		let line = reader.nextLine;
		for (let i = lenient.indexOf('\n'); i >= 0 && i < bad; i = lenient.indexOf('\n', i + 1)) line++;
		throw new PabulibError([{ file: fileName, line, message: 'the file is not valid UTF-8 text' }]);
	}
}

/**
 * Parses a cost or budget written as a whole number ("1200", "1200.0", "+7"); `undefined` for
 * anything else. Pabulib costs are whole currency units, and exact integers are what makes
 * counting agree with pabutools (PB-COUNTING.md, "Arithmetic and ties").
 */
export function parseWholeNumber(text: string): bigint | undefined {
	const match = /^\s*\+?(\d+)(?:\.0*)?\s*$/.exec(text);
	return match ? BigInt(match[1] as string) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Reading

const SECTIONS = ['meta', 'projects', 'votes'] as const;
type Section = (typeof SECTIONS)[number];

/** Errors collected before reading stops: enough to fix a file in one go, not a flood. */
const MAX_ERRORS = 50;
/** Warnings of one kind shown before the rest are summarised in a single line. */
const MAX_WARNINGS_PER_KIND = 10;

/** Distinct extra-column values shared between voters; beyond this, values are stored as read. */
const MAX_INTERNED = 50_000;

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Where the core columns of the VOTES section are, shared by every voter of a file so that
 * each voter only stores its own values.
 */
type VoteLayout = {
	columns: readonly string[];
	id: number;
	vote: number;
	/** -1 when the file has no points column. */
	points: number;
	/** Indexes of the other columns (age, sex, neighborhood…), in header order. */
	extra: readonly number[];
};

/**
 * A voter as read from a file. `fields` is rebuilt on demand from the typed values and the
 * extra columns, because a city-wide file has 100,000+ voters and an object of strings per voter
 * would double the memory of the election. Raw `vote`/`points` text is kept only when it is
 * not the plain comma-joined form, so writing the file back reproduces what was read.
 */
class ReadVoter implements PabulibVoter {
	readonly id: string;
	readonly vote: string[];
	declare readonly points?: number[];
	readonly #layout: VoteLayout;
	readonly #extra: readonly string[] | undefined;
	readonly #rawVote: string | undefined;
	readonly #rawPoints: string | undefined;

	constructor(
		id: string,
		vote: string[],
		points: number[] | undefined,
		layout: VoteLayout,
		extra: readonly string[] | undefined,
		rawVote: string | undefined,
		rawPoints: string | undefined
	) {
		this.id = id;
		this.vote = vote;
		if (points) this.points = points;
		this.#layout = layout;
		this.#extra = extra;
		this.#rawVote = rawVote;
		this.#rawPoints = rawPoints;
	}

	get fields(): Record<string, string> {
		const layout = this.#layout;
		const entries: [string, string][] = [];
		let e = 0;
		for (let k = 0; k < layout.columns.length; k++) {
			let value: string;
			if (k === layout.id) value = this.id;
			else if (k === layout.vote) value = this.#rawVote ?? this.vote.join(',');
			else if (k === layout.points) value = this.#rawPoints ?? (this.points ?? []).join(',');
			else value = this.#extra?.[e++] ?? '';
			entries.push([layout.columns[k] as string, value]);
		}
		// fromEntries defines own properties, so even a column called "__proto__" survives.
		return Object.fromEntries(entries);
	}
}

/**
 * Splits one complete CSV record on `;`. A field starting with `"` runs to the matching `"`,
 * with `""` standing for one quote; characters after the closing quote are kept as written
 * and quotes inside an unquoted field are literal — both as Python's csv module (which
 * pabutools uses) reads them.
 */
function splitRecord(s: string): { fields: string[]; firstQuoted: boolean } {
	if (s.indexOf('"') < 0) return { fields: s.split(';'), firstQuoted: false };
	const fields: string[] = [];
	const n = s.length;
	let firstQuoted = false;
	let i = 0;
	for (;;) {
		if (s.charCodeAt(i) === 34) {
			if (fields.length === 0) firstQuoted = true;
			let value = '';
			let j = i + 1;
			for (;;) {
				const q = s.indexOf('"', j);
				if (q < 0) {
					value += s.slice(j);
					j = n;
					break;
				}
				value += s.slice(j, q);
				if (s.charCodeAt(q + 1) === 34) {
					value += '"';
					j = q + 2;
				} else {
					j = q + 1;
					break;
				}
			}
			const semi = s.indexOf(';', j);
			value += s.slice(j, semi < 0 ? n : semi);
			fields.push(value);
			if (semi < 0) break;
			i = semi + 1;
		} else {
			const semi = s.indexOf(';', i);
			if (semi < 0) {
				fields.push(s.slice(i));
				break;
			}
			fields.push(s.slice(i, semi));
			i = semi + 1;
		}
	}
	return { fields, firstQuoted };
}

/** Quote-scanner states, carried from one physical line to the next inside a quoted field. */
const Q = {
	FieldStart: 0,
	Unquoted: 1,
	Quoted: 2,
	/** Just saw `"` inside a quoted field: either its end or the first half of `""`. */
	QuoteInQuoted: 3
} as const;
type Q = (typeof Q)[keyof typeof Q];

function scanQuotes(s: string, from: Q): Q {
	let state = from;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		switch (state) {
			case Q.FieldStart:
				state = c === 34 ? Q.Quoted : c === 59 ? Q.FieldStart : Q.Unquoted;
				break;
			case Q.Unquoted:
				if (c === 59) state = Q.FieldStart;
				break;
			case Q.Quoted:
				if (c === 34) state = Q.QuoteInQuoted;
				break;
			case Q.QuoteInQuoted:
				state = c === 34 ? Q.Quoted : c === 59 ? Q.FieldStart : Q.Unquoted;
				break;
		}
	}
	return state;
}

/** Groups warnings of one kind, so a problem repeated on every row is listed only a few times. */
type IssueKind = string;

class PabulibReader {
	readonly #file: string;
	#carry = '';
	#started = false;
	#lineNo = 0;
	/** A record whose quoted field spans lines, its first line, and the quote state so far. */
	#pending: string | undefined;
	#pendingLine = 0;
	#pendingState: Q = Q.FieldStart;

	#section: Section | 'start' = 'start';
	#needHeader = false;
	#sectionLine = 0;

	readonly #errors: FileIssue[] = [];
	readonly #warnings: FileIssue[] = [];
	readonly #warningCounts = new Map<IssueKind, { count: number; firstLine: number }>();

	readonly #meta: [string, string][] = [];
	readonly #metaLines: number[] = [];
	readonly #metaIndex = new Map<string, number>();
	#voteType: VoteType = 'approval';

	#projectColumns: string[] = [];
	#projectId = 0;
	#projectCost = 0;
	readonly #projects: PabulibProject[] = [];
	/** Project id → the project's own id string, so votes share it instead of copying. */
	readonly #projectIds = new Map<string, string>();
	readonly #projectLines = new Map<string, number>();
	/** Projects already reported as unreadable; votes naming them are not reported again. */
	readonly #rejectedProjects = new Set<string>();

	#layout: VoteLayout | undefined;
	readonly #voters: PabulibVoter[] = [];
	readonly #voterLines = new Map<string, number>();
	readonly #values = new Map<string, string>();

	constructor(file: string) {
		this.#file = file;
	}

	/** The number of the line the next text will start on, for messages about raw bytes. */
	get nextLine(): number {
		return this.#lineNo + 1;
	}

	/** Takes the next piece of text; complete lines are read at once, the rest is carried. */
	push(chunk: string): void {
		if (typeof chunk !== 'string') {
			this.#fatal(this.#lineNo + 1, 'the file contents must be text');
		}
		let text = this.#carry + chunk;
		if (!this.#started && text.length > 0) {
			this.#started = true;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		let start = 0;
		// The next quote in the text, found once for many lines: most lines have none, and they
		// take a fast path that slices each line only once.
		let quoteAt = -1;
		for (;;) {
			const nl = text.indexOf('\n', start);
			if (nl < 0) break;
			if (quoteAt < start) {
				quoteAt = text.indexOf('"', start);
				if (quoteAt < 0) quoteAt = text.length;
			}
			if (this.#pending === undefined && quoteAt > nl) {
				this.#lineNo++;
				const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
				this.#record(text.slice(start, end), this.#lineNo);
			} else this.#physicalLine(text.slice(start, nl));
			start = nl + 1;
		}
		this.#carry = text.slice(start);
	}

	finish(): PabulibParseResult {
		if (this.#carry.length > 0) {
			const last = this.#carry;
			this.#carry = '';
			this.#physicalLine(last);
		}
		if (this.#pending !== undefined) {
			this.#error(this.#pendingLine, 'a quoted field starting on this line is never closed');
			this.#pending = undefined;
		}
		const end = Math.max(this.#lineNo, 1);
		if (this.#section === 'start') this.#fatal(end, 'missing META section (the file is empty)');
		if (this.#section === 'meta') {
			this.#fatal(
				end,
				this.#needHeader ? 'META section has no header line' : 'missing PROJECTS section'
			);
		}
		if (this.#section === 'projects') {
			this.#fatal(
				end,
				this.#needHeader ? 'PROJECTS section has no header line' : 'missing VOTES section'
			);
		}
		if (this.#needHeader) this.#fatal(end, 'VOTES section has no header line (voter_id;vote;…)');
		this.#checkCounts();
		if (this.#errors.length > 0) throw new PabulibError(this.#errors);
		for (const { count, firstLine } of this.#warningCounts.values()) {
			if (count > MAX_WARNINGS_PER_KIND) {
				const more = count - MAX_WARNINGS_PER_KIND;
				this.#warnings.push({
					file: this.#file,
					line: 0,
					message: `${more} more ${more === 1 ? 'line has' : 'lines have'} the same problem as line ${firstLine} (not listed)`
				});
			}
		}
		return {
			election: {
				meta: this.#meta,
				projectColumns: this.#projectColumns,
				projects: this.#projects,
				voteColumns: this.#layout?.columns.slice() ?? [],
				voters: this.#voters
			},
			warnings: this.#warnings
		};
	}

	// --- issues ---

	#fatal(line: number, message: string): never {
		this.#errors.push({ file: this.#file, line, message });
		throw new PabulibError(this.#errors);
	}

	#error(line: number, message: string): void {
		this.#errors.push({ file: this.#file, line, message });
		if (this.#errors.length >= MAX_ERRORS) {
			this.#errors.push({
				file: this.#file,
				line,
				message: `stopped reading after ${MAX_ERRORS} errors`
			});
			throw new PabulibError(this.#errors);
		}
	}

	#warn(line: number, kind: IssueKind, message: string): void {
		const seen = this.#warningCounts.get(kind);
		const count = (seen?.count ?? 0) + 1;
		this.#warningCounts.set(kind, { count, firstLine: seen?.firstLine ?? line });
		if (count <= MAX_WARNINGS_PER_KIND) this.#warnings.push({ file: this.#file, line, message });
	}

	// --- lines and records ---

	#physicalLine(raw: string): void {
		this.#lineNo++;
		if (this.#pending !== undefined) {
			this.#pending += '\n' + raw;
			this.#pendingState = scanQuotes('\n' + raw, this.#pendingState);
			if (this.#pendingState === Q.Quoted) return;
			const record = this.#pending;
			this.#pending = undefined;
			this.#record(stripCr(record), this.#pendingLine);
			return;
		}
		if (raw.indexOf('"') >= 0) {
			const state = scanQuotes(raw, Q.FieldStart);
			if (state === Q.Quoted) {
				this.#pending = raw;
				this.#pendingLine = this.#lineNo;
				this.#pendingState = state;
				return;
			}
		}
		this.#record(stripCr(raw), this.#lineNo);
	}

	#record(text: string, line: number): void {
		const quoted = text.indexOf('"') >= 0;
		if (!quoted && text.trim() === '') return;
		const { fields, firstQuoted } = splitRecord(text);
		const title = firstQuoted ? undefined : sectionTitle(fields);
		if (title !== undefined) {
			this.#startSection(title, line);
			return;
		}
		switch (this.#section) {
			case 'start':
				this.#fatal(
					line,
					`missing META section: the file must start with a line "META", not "${clip(text)}"`
				);
				break;
			case 'meta':
				if (this.#needHeader) this.#metaHeader(fields, line);
				else this.#metaRow(fields, line);
				break;
			case 'projects':
				if (this.#needHeader) this.#projectHeader(fields, line);
				else this.#projectRow(fields, line);
				break;
			case 'votes':
				if (this.#needHeader) this.#voteHeader(fields, line);
				else this.#voteRow(fields, line);
				break;
		}
	}

	#startSection(title: Section, line: number): void {
		const expected = SECTIONS[this.#section === 'start' ? 0 : SECTIONS.indexOf(this.#section) + 1];
		if (title !== expected) {
			const found = title.toUpperCase();
			if (expected === undefined) this.#fatal(line, `a second ${found} section after VOTES`);
			if (this.#needHeader) {
				this.#fatal(line, `${this.#section.toString().toUpperCase()} section has no header line`);
			}
			this.#fatal(
				line,
				SECTIONS.indexOf(title) < SECTIONS.indexOf(expected)
					? `${found} section appears again; sections must be META, PROJECTS, VOTES in that order`
					: `missing ${expected.toUpperCase()} section before ${found} (sections must be META, PROJECTS, VOTES in that order)`
			);
		}
		if (this.#needHeader) {
			this.#fatal(line, `${this.#section.toString().toUpperCase()} section has no header line`);
		}
		if (title === 'projects') this.#checkMeta(line);
		this.#section = title;
		this.#needHeader = true;
		this.#sectionLine = line;
	}

	// --- META ---

	#metaHeader(fields: string[], line: number): void {
		const header = fields.map((f) => f.trim().toLowerCase());
		if (header.length !== 2 || header[0] !== 'key' || header[1] !== 'value') {
			this.#fatal(line, `META header must be "key;value", found "${clip(fields.join(';'))}"`);
		}
		this.#needHeader = false;
	}

	#metaRow(fields: string[], line: number): void {
		let value = fields[1] ?? '';
		const key = fields[0] as string;
		if (fields.length > 2) {
			// Older files sometimes leave a ';' unquoted inside a comment; the value is everything after the key.
			value = fields.slice(1).join(';');
			this.#warn(
				line,
				'meta-semicolon',
				`META value of "${clip(key)}" contains an unquoted ";"; reading it as part of the value`
			);
		} else if (fields.length < 2) {
			this.#warn(
				line,
				'meta-novalue',
				`META key "${clip(key)}" has no value (expected "key;value")`
			);
		}
		const normal = key.trim().toLowerCase();
		const seen = this.#metaIndex.get(normal);
		if (seen === undefined) this.#metaIndex.set(normal, this.#meta.length);
		else {
			this.#warn(
				line,
				`meta-dup`,
				`META key "${clip(key)}" appears again (first on line ${this.#metaLines[seen]}); the first value is used`
			);
		}
		this.#meta.push([key, value]);
		this.#metaLines.push(line);
	}

	#metaLine(key: string): number {
		const i = this.#meta.findIndex(([k]) => k.trim().toLowerCase() === key);
		return i >= 0 ? (this.#metaLines[i] as number) : this.#sectionLine;
	}

	/** Checks the META entries counting depends on, once the section is complete. */
	#checkMeta(projectsLine: number): void {
		const election = { meta: this.#meta };
		const budget = getMeta(election, 'budget');
		if (budget === undefined) {
			this.#error(projectsLine, 'META has no budget (a line "budget;<amount>" is required)');
		} else if (parseWholeNumber(budget) === undefined) {
			this.#error(
				this.#metaLine('budget'),
				NUMBER.test(budget.trim())
					? `budget "${clip(budget)}" is not a whole non-negative number`
					: `budget "${clip(budget)}" is not a number`
			);
		}
		const voteType = getMeta(election, 'vote_type');
		if (voteType === undefined) {
			this.#warn(
				projectsLine,
				'no-vote-type',
				'META has no vote_type; reading the votes as approval'
			);
		} else {
			const normal = voteType.trim().toLowerCase();
			if ((VOTE_TYPES as readonly string[]).includes(normal)) this.#voteType = normal as VoteType;
			else {
				this.#error(
					this.#metaLine('vote_type'),
					`unknown vote_type "${clip(voteType)}" (expected one of ${VOTE_TYPES.join(', ')})`
				);
			}
		}
	}

	// --- PROJECTS ---

	#projectHeader(fields: string[], line: number): void {
		const columns = this.#columns(fields, line, 'PROJECTS');
		this.#projectId = this.#required(columns, 'project_id', line, 'PROJECTS');
		this.#projectCost = this.#required(columns, 'cost', line, 'PROJECTS');
		this.#projectColumns = columns;
		this.#needHeader = false;
	}

	#projectRow(fields: string[], line: number): void {
		const values = this.#fit(fields, this.#projectColumns.length, line, 'project');
		if (values === undefined) return;
		const id = values[this.#projectId] as string;
		const costText = values[this.#projectCost] as string;
		if (id === '') {
			this.#error(line, 'project_id is empty');
			return;
		}
		if (id.includes(',')) {
			this.#error(line, `project id "${clip(id)}" contains a comma, so no vote could name it`);
			return;
		}
		const first = this.#projectLines.get(id);
		if (first !== undefined) {
			this.#error(line, `project id "${clip(id)}" appears twice (first on line ${first})`);
			return;
		}
		const cost = parseWholeNumber(costText);
		if (cost === undefined) {
			this.#rejectedProjects.add(id);
			const trimmed = costText.trim();
			this.#error(
				line,
				trimmed === ''
					? `cost of project "${clip(id)}" is empty`
					: NUMBER.test(trimmed)
						? `cost "${clip(costText)}" of project "${clip(id)}" is not a whole non-negative number`
						: `cost "${clip(costText)}" of project "${clip(id)}" is not a number`
			);
			return;
		}
		this.#projectLines.set(id, line);
		this.#projectIds.set(id, id);
		const entries: [string, string][] = this.#projectColumns.map((c, k) => [
			c,
			values[k] as string
		]);
		this.#projects.push({ id, cost, fields: Object.fromEntries(entries) });
	}

	// --- VOTES ---

	#voteHeader(fields: string[], line: number): void {
		const columns = this.#columns(fields, line, 'VOTES');
		const id = this.#required(columns, 'voter_id', line, 'VOTES');
		const vote = this.#required(columns, 'vote', line, 'VOTES');
		const points = columns.findIndex((c) => c.toLowerCase() === 'points');
		if (points < 0 && (this.#voteType === 'cumulative' || this.#voteType === 'scoring')) {
			this.#fatal(line, `VOTES header has no "points" column, which ${this.#voteType} votes need`);
		}
		const extra: number[] = [];
		for (let k = 0; k < columns.length; k++)
			if (k !== id && k !== vote && k !== points) extra.push(k);
		this.#layout = { columns, id, vote, points, extra };
		this.#needHeader = false;
	}

	#voteRow(fields: string[], line: number): void {
		const layout = this.#layout as VoteLayout;
		const values = this.#fit(fields, layout.columns.length, line, 'voter');
		if (values === undefined) return;
		const id = values[layout.id] as string;
		if (id === '') {
			this.#error(line, 'voter_id is empty');
			return;
		}
		const first = this.#voterLines.get(id);
		if (first !== undefined) {
			this.#error(line, `voter id "${clip(id)}" appears twice (first on line ${first})`);
			return;
		}
		this.#voterLines.set(id, line);

		const rawVote = values[layout.vote] as string;
		let vote: string[] = [];
		// Whether the text is exactly the ids joined by commas, so it need not be kept.
		let isPlain = rawVote === '';
		let ok = true;
		// A blank vote is an empty ballot, unless a project's id really is that blank text.
		if (rawVote.trim() !== '' || (rawVote !== '' && this.#projectIds.has(rawVote))) {
			// The split array becomes the vote: ids are swapped in place for the project's own
			// string, so 100,000 ballots share a few hundred id strings.
			vote = rawVote.split(',');
			isPlain = true;
			// Ballots list a handful of projects; only a long (garbage) one needs a set to stay linear.
			const listed = vote.length > 16 ? new Set<string>() : undefined;
			for (let k = 0; k < vote.length; k++) {
				const item = vote[k] as string;
				// Exact match first: ids are not trimmed, but a space after a comma is forgiven.
				let project = this.#projectIds.get(item);
				if (project === undefined) {
					isPlain = false;
					project = this.#projectIds.get(item.trim());
				}
				if (project === undefined) {
					ok = false;
					if (this.#rejectedProjects.has(item)) continue;
					this.#error(line, `vote of voter "${clip(id)}" names unknown project "${clip(item)}"`);
				} else if (listed ? listed.has(project) : isEarlier(vote, project, k)) {
					this.#error(line, `vote of voter "${clip(id)}" lists project "${clip(project)}" twice`);
					ok = false;
				} else {
					vote[k] = project;
					listed?.add(project);
				}
			}
		}
		if (!ok) return;
		if (this.#voteType === 'choose-1' && vote.length > 1) {
			this.#error(line, `voter "${clip(id)}" chose ${vote.length} projects in a choose-1 vote`);
			return;
		}

		let points: number[] | undefined;
		let rawPoints: string | undefined;
		if (layout.points >= 0) {
			rawPoints = values[layout.points] as string;
			points = [];
			if (rawPoints.trim() !== '') {
				for (const item of rawPoints.split(',')) {
					const text = item.trim();
					if (!NUMBER.test(text)) {
						this.#error(
							line,
							`points "${clip(rawPoints)}" of voter "${clip(id)}" are not all numbers ("${clip(item)}")`
						);
						return;
					}
					points.push(Number(text));
				}
			}
			if (points.length !== vote.length) {
				this.#error(
					line,
					`voter "${clip(id)}" has ${points.length} points for ${vote.length} voted projects`
				);
				return;
			}
			if (rawPoints === points.join(',')) rawPoints = undefined;
		}
		const extra =
			layout.extra.length > 0
				? layout.extra.map((k) => this.#intern(values[k] as string))
				: undefined;
		this.#voters.push(
			new ReadVoter(id, vote, points, layout, extra, isPlain ? undefined : rawVote, rawPoints)
		);
	}

	// --- shared ---

	/**
	 * Returns one shared copy of a repeated value. Extra voter columns (age, sex, district…) take
	 * a handful of values across 100,000 rows; sharing them keeps the election small.
	 */
	#intern(value: string): string {
		const known = this.#values.get(value);
		if (known !== undefined) return known;
		if (this.#values.size < MAX_INTERNED) this.#values.set(value, value);
		return value;
	}

	#columns(fields: string[], line: number, section: string): string[] {
		const columns = fields.map((f) => f.trim());
		const seen = new Set<string>();
		for (const c of columns) {
			if (c === '') this.#fatal(line, `${section} header has an empty column name`);
			if (seen.has(c)) this.#fatal(line, `${section} header has column "${clip(c)}" twice`);
			seen.add(c);
		}
		return columns;
	}

	#required(columns: string[], name: string, line: number, section: string): number {
		const k = columns.findIndex((c) => c.toLowerCase() === name);
		if (k < 0) {
			this.#fatal(
				line,
				`${section} header has no "${name}" column (found: ${clip(columns.join(';'))})`
			);
		}
		return k;
	}

	/** Matches a row to its header: extra fields are an error, missing trailing ones read as empty. */
	#fit(fields: string[], width: number, line: number, what: string): string[] | undefined {
		if (fields.length > width) {
			this.#error(
				line,
				`${what} row has ${fields.length} fields but the header has ${width} columns (quote values containing ";")`
			);
			return undefined;
		}
		if (fields.length < width) {
			this.#warn(
				line,
				`short-${what}`,
				`${what} row has ${fields.length} fields but the header has ${width} columns; the missing ones are read as empty`
			);
			while (fields.length < width) fields.push('');
		}
		return fields;
	}

	#checkCounts(): void {
		const election = { meta: this.#meta };
		const checks: [string, number, string][] = [
			['num_projects', this.#projects.length, 'projects'],
			['num_votes', this.#voters.length, 'voters']
		];
		for (const [key, actual, noun] of checks) {
			const declared = getMeta(election, key);
			if (declared === undefined) continue;
			const n = parseWholeNumber(declared);
			if (n === undefined || n !== BigInt(actual)) {
				this.#warn(
					this.#metaLine(key),
					`count-${key}`,
					`META ${key} is "${clip(declared)}" but the file has ${actual} ${noun}`
				);
			}
		}
	}
}

/** Whether `value` occurs in `list` before index `k`. */
function isEarlier(list: readonly string[], value: string, k: number): boolean {
	for (let j = 0; j < k; j++) if (list[j] === value) return true;
	return false;
}

function stripCr(text: string): string {
	return text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text;
}

/** The section a record announces ("META", "projects"…, other fields empty), if any. */
function sectionTitle(fields: string[]): Section | undefined {
	// Cheap tests first: this runs on every row of a 100,000-voter file.
	for (let k = 1; k < fields.length; k++) if ((fields[k] as string).trim() !== '') return undefined;
	const first = fields[0] as string;
	if (first.length < 4 || first.length > 40) return undefined;
	const word = first.trim().toLowerCase();
	return word === 'meta' || word === 'projects' || word === 'votes' ? word : undefined;
}

/** Shortens a value quoted in a message, so one garbage line cannot make a megabyte message. */
function clip(text: string): string {
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes an election as a Pabulib file (`\n` line ends, fields quoted only when they must be).
 * Every META entry and column is written in order; `id`, `cost`, `vote` and `points` win over
 * `fields` when the two disagree. Reading the result gives back an equal election.
 * @throws {PabulibError} when the election cannot be written faithfully (a project id that is
 * empty or contains a comma, which votes could not name; a points value that is not finite).
 */
export function writePabulib(election: PabulibElection): string {
	const out: string[] = ['META', 'key;value'];
	for (const [key, value] of election.meta) out.push(writeRecord([key, value]));

	out.push('PROJECTS', writeRecord(election.projectColumns));
	const columns = election.projectColumns;
	for (const project of election.projects) {
		if (project.id === '' || project.id.includes(',')) {
			throw writerError(`project id "${clip(project.id)}" is empty or contains a comma`);
		}
		const row = columns.map((c) => {
			const name = c.toLowerCase();
			const given = project.fields[c];
			if (name === 'project_id') return project.id;
			if (name === 'cost') {
				return given !== undefined && parseWholeNumber(given) === project.cost
					? given
					: project.cost.toString();
			}
			return given ?? '';
		});
		out.push(writeRecord(row));
	}

	out.push('VOTES', writeRecord(election.voteColumns));
	const voteColumns = election.voteColumns.map((c) => c.toLowerCase());
	const ids = new Set(election.projects.map((p) => p.id));
	for (const voter of election.voters) {
		if (voter.id === '') throw writerError('a voter id is empty');
		const fields = voter.fields;
		const row = voteColumns.map((name, k) => {
			const given = fields[election.voteColumns[k] as string];
			if (name === 'voter_id') return voter.id;
			if (name === 'vote') {
				return given !== undefined && sameList(given, voter.vote, ids)
					? given
					: voter.vote.join(',');
			}
			if (name === 'points' && voter.points !== undefined) {
				for (const p of voter.points) {
					if (!Number.isFinite(p)) throw writerError(`voter "${clip(voter.id)}" has points ${p}`);
				}
				return given !== undefined && samePoints(given, voter.points)
					? given
					: voter.points.join(',');
			}
			return given ?? '';
		});
		out.push(writeRecord(row));
	}
	return out.join('\n') + '\n';
}

function writerError(message: string): PabulibError {
	return new PabulibError([{ file: '(writing)', line: 0, message }]);
}

/**
 * Whether a vote as written reads back as `list`, following the reader's rules: an item names a
 * project exactly, or after trimming when it is not itself an id; blank text is an empty vote.
 */
function sameList(text: string, list: readonly string[], ids: ReadonlySet<string>): boolean {
	if (text.trim() === '' && !ids.has(text)) return list.length === 0;
	const items = text.split(',');
	return (
		items.length === list.length &&
		items.every((x, k) => x === list[k] || (!ids.has(x) && x.trim() === list[k]))
	);
}

function samePoints(text: string, points: readonly number[]): boolean {
	const items = text.trim() === '' ? [] : text.split(',');
	return (
		items.length === points.length &&
		items.every((x, k) => NUMBER.test(x.trim()) && Number(x.trim()) === points[k])
	);
}

function writeRecord(values: readonly string[]): string {
	return values
		.map((value, k) => {
			const mustQuote =
				/[;"\n\r]/.test(value) ||
				// A first field reading "META", "votes"… would be taken for a section title.
				(k === 0 && /^\s*(meta|projects|votes)\s*$/i.test(value));
			return mustQuote ? `"${value.replaceAll('"', '""')}"` : value;
		})
		.join(';');
}
