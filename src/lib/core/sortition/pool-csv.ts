/**
 * Reads a pool of volunteers and its quotas from CSV text, in either of the two formats in use:
 *
 * - the paper format (Flanigan et al., Nature 2021, replication data): `categories.csv` with
 *   `category,feature,min,max` and `respondents.csv` with one column per category and no id;
 * - the sortition-algorithms format (Sortition Foundation): `features.csv` with
 *   `feature,value,min,max[,min_flex,max_flex]` and `people.csv` with an id column.
 *
 * Pure string → data: the caller reads the files. Every problem is reported as
 * `file:line: what is wrong`; garbage input gives problems, never an exception.
 */
import type { Pool, Quota, Volunteer } from './types';

/** One parsed CSV record and the (1-based) line it starts on. */
export type CsvRow = { line: number; cells: string[] };

/** A problem in an input file, located by file name and line. */
export type FileProblem = { file: string; line: number; message: string };

/** A CSV file's name (used in messages) and its text. */
export type NamedText = { name: string; text: string };

/** Result of {@link readPool}: a pool, or the problems that prevented reading it. */
export type PoolReadResult =
	| { ok: true; pool: Pool; format: 'paper' | 'sortition-algorithms' }
	| { ok: false; problems: FileProblem[] };

/** Options of {@link readPool}. */
export type ReadPoolOptions = {
	/** Column holding each volunteer's id; by default `id`, else the first non-category column. */
	idColumn?: string;
	/** Columns whose joined values identify a household (for "at most one per household"). */
	householdColumns?: string[];
};

const MAX_PROBLEMS = 20;

/** Formats a problem as `file:line: message`. */
export function formatProblem(problem: FileProblem): string {
	return `${problem.file}:${problem.line}: ${problem.message}`;
}

/**
 * Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF, optional BOM) into rows.
 * Blank lines are skipped. An unterminated quote is reported at the line where it opened.
 */
export function parseCsv(text: string): {
	rows: CsvRow[];
	problems: { line: number; message: string }[];
} {
	const rows: CsvRow[] = [];
	const problems: { line: number; message: string }[] = [];
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let line = 1;
	let cells: string[] = [];
	let cell = '';
	let rowLine = 1;
	let quoteLine = 0;
	let inQuotes = false;
	let touched = false;
	const endRow = () => {
		cells.push(cell);
		if (touched || cells.length > 1 || cell.trim() !== '') rows.push({ line: rowLine, cells });
		cells = [];
		cell = '';
		touched = false;
	};
	for (; i < text.length; i++) {
		const ch = text[i]!;
		if (inQuotes) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i++;
				} else inQuotes = false;
			} else {
				if (ch === '\n') line++;
				cell += ch;
			}
			continue;
		}
		if (ch === '"') {
			inQuotes = true;
			touched = true;
			quoteLine = line;
		} else if (ch === ',') {
			cells.push(cell);
			cell = '';
			touched = true;
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			endRow();
			line++;
			rowLine = line;
		} else {
			cell += ch;
		}
	}
	if (inQuotes) problems.push({ line: quoteLine, message: 'a quoted field is never closed' });
	else if (cell !== '' || cells.length > 0 || touched) endRow();
	return { rows, problems };
}

function normaliseHeader(cell: string): string {
	return cell.trim().toLowerCase();
}

function readCount(cell: string | undefined): number | undefined {
	const text = (cell ?? '').trim();
	if (!/^\d+$/.test(text)) return undefined;
	return Number(text);
}

type QuotaFile = {
	format: 'paper' | 'sortition-algorithms';
	categories: string[];
	quotas: Quota[];
};

function readQuotas(file: NamedText, problems: FileProblem[]): QuotaFile | undefined {
	const parsed = parseCsv(file.text);
	for (const p of parsed.problems) problems.push({ file: file.name, ...p });
	const [header, ...rows] = parsed.rows;
	if (!header) {
		problems.push({ file: file.name, line: 1, message: 'the quota file is empty' });
		return undefined;
	}
	const names = header.cells.map(normaliseHeader);
	const column = (name: string) => names.indexOf(name);
	let format: QuotaFile['format'];
	let categoryColumn: number;
	let valueColumn: number;
	if (column('category') >= 0 && column('feature') >= 0) {
		format = 'paper';
		categoryColumn = column('category');
		valueColumn = column('feature');
	} else if (column('feature') >= 0 && column('value') >= 0) {
		format = 'sortition-algorithms';
		categoryColumn = column('feature');
		valueColumn = column('value');
	} else {
		problems.push({
			file: file.name,
			line: header.line,
			message:
				'expected a header "category,feature,min,max" or "feature,value,min,max[,min_flex,max_flex]"'
		});
		return undefined;
	}
	const minColumn = column('min');
	const maxColumn = column('max');
	if (minColumn < 0 || maxColumn < 0) {
		problems.push({
			file: file.name,
			line: header.line,
			message: 'the header needs "min" and "max" columns'
		});
		return undefined;
	}
	const minFlexColumn = column('min_flex');
	const maxFlexColumn = column('max_flex');
	const categories: string[] = [];
	const quotas: Quota[] = [];
	const seen = new Set<string>();
	for (const row of rows) {
		if (problems.length >= MAX_PROBLEMS) break;
		const at = (message: string) => problems.push({ file: file.name, line: row.line, message });
		if (row.cells.length !== header.cells.length) {
			at(`expected ${header.cells.length} fields, found ${row.cells.length}`);
			continue;
		}
		const category = (row.cells[categoryColumn] ?? '').trim();
		const value = (row.cells[valueColumn] ?? '').trim();
		const min = readCount(row.cells[minColumn]);
		const max = readCount(row.cells[maxColumn]);
		if (category === '' || value === '') {
			at('the category and its value must not be empty');
			continue;
		}
		if (min === undefined || max === undefined) {
			at(
				`min and max must be whole numbers ≥ 0, found "${row.cells[minColumn]}" and "${row.cells[maxColumn]}"`
			);
			continue;
		}
		if (min > max) {
			at(`min ${min} is larger than max ${max}`);
			continue;
		}
		const key = `${category}\u0000${value}`;
		if (seen.has(key)) {
			at(`"${category}: ${value}" is listed twice`);
			continue;
		}
		seen.add(key);
		if (!categories.includes(category)) categories.push(category);
		const quota: Quota = { category, value, min, max };
		if (minFlexColumn >= 0 && (row.cells[minFlexColumn] ?? '').trim() !== '') {
			const minFlex = readCount(row.cells[minFlexColumn]);
			if (minFlex === undefined || minFlex > min) {
				at(`min_flex must be a whole number ≤ min (${min}), found "${row.cells[minFlexColumn]}"`);
				continue;
			}
			quota.minFlex = minFlex;
		}
		if (maxFlexColumn >= 0 && (row.cells[maxFlexColumn] ?? '').trim() !== '') {
			const maxFlex = readCount(row.cells[maxFlexColumn]);
			if (maxFlex === undefined || maxFlex < max) {
				at(`max_flex must be a whole number ≥ max (${max}), found "${row.cells[maxFlexColumn]}"`);
				continue;
			}
			quota.maxFlex = maxFlex;
		}
		quotas.push(quota);
	}
	if (quotas.length === 0 && problems.length === 0)
		problems.push({ file: file.name, line: header.line, message: 'no quotas are listed' });
	return { format, categories, quotas };
}

/**
 * Reads the quota file and the people file into a {@link Pool}. The format is recognised from the
 * quota file's header. Every volunteer's value must have a quota row in its category (matched
 * exactly, then ignoring case and surrounding spaces).
 */
export function readPool(
	files: { quotas: NamedText; people: NamedText },
	options: ReadPoolOptions = {}
): PoolReadResult {
	const problems: FileProblem[] = [];
	const quotaFile = readQuotas(files.quotas, problems);
	if (!quotaFile || problems.length > 0) return { ok: false, problems };
	const { categories, quotas } = quotaFile;
	const file = files.people.name;
	const parsed = parseCsv(files.people.text);
	for (const p of parsed.problems) problems.push({ file, ...p });
	const [header, ...rows] = parsed.rows;
	if (!header) {
		problems.push({ file, line: 1, message: 'the people file is empty' });
		return { ok: false, problems };
	}
	const headerCells = header.cells.map((c) => c.trim());
	const lowered = headerCells.map((c) => c.toLowerCase());
	const categoryColumns: number[] = [];
	for (const category of categories) {
		let index = headerCells.indexOf(category);
		if (index < 0) index = lowered.indexOf(category.toLowerCase());
		if (index < 0)
			problems.push({
				file,
				line: header.line,
				message: `no column for the category "${category}"`
			});
		categoryColumns.push(index);
	}
	let idColumn = -1;
	if (options.idColumn !== undefined) {
		idColumn = headerCells.indexOf(options.idColumn);
		if (idColumn < 0)
			problems.push({ file, line: header.line, message: `no id column "${options.idColumn}"` });
	} else if (lowered.includes('id')) {
		idColumn = lowered.indexOf('id');
	} else if (quotaFile.format === 'sortition-algorithms') {
		idColumn = headerCells.findIndex((_, i) => !categoryColumns.includes(i));
	}
	const householdColumns = (options.householdColumns ?? []).map((name) => {
		const index = headerCells.indexOf(name);
		if (index < 0)
			problems.push({ file, line: header.line, message: `no household column "${name}"` });
		return index;
	});
	if (problems.length > 0) return { ok: false, problems };

	const valueLookup = categories.map((category) => {
		const exact = new Map<string, string>();
		const loose = new Map<string, string>();
		for (const q of quotas) {
			if (q.category !== category) continue;
			exact.set(q.value, q.value);
			loose.set(q.value.trim().toLowerCase(), q.value);
		}
		return { exact, loose };
	});
	const people: Volunteer[] = [];
	const ids = new Set<string>();
	for (const row of rows) {
		if (problems.length >= MAX_PROBLEMS) break;
		const at = (message: string) => problems.push({ file, line: row.line, message });
		if (row.cells.length !== header.cells.length) {
			at(`expected ${header.cells.length} fields, found ${row.cells.length}`);
			continue;
		}
		const id = idColumn >= 0 ? (row.cells[idColumn] ?? '').trim() : String(people.length + 1);
		if (id === '') {
			at('the id is empty');
			continue;
		}
		if (ids.has(id)) {
			at(`the id "${id}" appears twice`);
			continue;
		}
		const features: Record<string, string> = {};
		let isValid = true;
		categories.forEach((category, c) => {
			const raw = row.cells[categoryColumns[c]!] ?? '';
			const lookup = valueLookup[c]!;
			const value = lookup.exact.get(raw) ?? lookup.loose.get(raw.trim().toLowerCase());
			if (value === undefined) {
				if (isValid) at(`"${raw}" is not a value of "${category}" in ${files.quotas.name}`);
				isValid = false;
			} else features[category] = value;
		});
		if (!isValid) continue;
		ids.add(id);
		const person: Volunteer = { id, features };
		if (householdColumns.length > 0) {
			const key = householdColumns
				.map((c) => (row.cells[c] ?? '').trim().toLowerCase())
				.join('\u0000');
			if (key.replaceAll('\u0000', '') !== '') person.household = key;
		}
		people.push(person);
	}
	if (people.length === 0 && problems.length === 0)
		problems.push({ file, line: header.line, message: 'no volunteers are listed' });
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, pool: { categories, quotas, people }, format: quotaFile.format };
}
