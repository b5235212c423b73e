/**
 * CSV reading and writing (RFC 4180), for imports and exports.
 *
 * Reading accepts what spreadsheets and open data portals really produce: a UTF-8 byte order
 * mark, CRLF, LF or lone CR line endings, quoted fields with doubled quotes, and line breaks
 * inside quoted fields. It never throws: a quote that is never closed ends the field at the end of
 * the text and is reported as a problem, and so is a stray quote inside an unquoted field.
 */

/** What {@link parseCsv} found. */
export type ParsedCsv = {
	/** Every record, the header first; each is an array of fields. Blank lines are dropped. */
	records: string[][];
	/**
	 * The line (1-based, counting line breaks inside quoted fields) each record starts on, so a
	 * report can point at the right place in the file.
	 */
	lines: number[];
	/** Problems with the text itself (not its values), in plain words, with the line. */
	problems: { line: number; problem: 'unclosedQuote' | 'strayQuote' | 'tooManyRecords' }[];
};

/** Parses CSV text. `maxRecords` stops early (and says so) to bound the work on huge uploads. */
export function parseCsv(text: string, options: { maxRecords?: number } = {}): ParsedCsv {
	const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY;
	const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	const records: string[][] = [];
	const lines: number[] = [];
	const problems: ParsedCsv['problems'] = [];

	let record: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let inQuotes = false;
	let quoteLine = 1;
	let fieldStarted = false; // anything (even "") seen for this field
	let i = 0;

	const endField = () => {
		record.push(field);
		field = '';
		fieldStarted = false;
	};
	const endRecord = () => {
		endField();
		const blank = record.length === 1 && record[0] === '';
		if (!blank) {
			records.push(record);
			lines.push(recordLine);
		}
		record = [];
	};

	while (i < input.length) {
		const ch = input[i]!;
		if (inQuotes) {
			if (ch === '"') {
				if (input[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				inQuotes = false;
				i++;
				continue;
			}
			if (ch === '\r' || ch === '\n') {
				// Keep the line break in the field, normalised to \n.
				field += '\n';
				line++;
				i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
				continue;
			}
			field += ch;
			i++;
			continue;
		}
		if (ch === '"') {
			if (!fieldStarted && field === '') {
				inQuotes = true;
				fieldStarted = true;
				quoteLine = line;
			} else {
				// A quote in the middle of an unquoted field: keep it, but say so.
				if (!problems.some((p) => p.line === line && p.problem === 'strayQuote'))
					problems.push({ line, problem: 'strayQuote' });
				field += ch;
			}
			i++;
			continue;
		}
		if (ch === ',') {
			endField();
			i++;
			continue;
		}
		if (ch === '\r' || ch === '\n') {
			endRecord();
			i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
			line++;
			recordLine = line;
			if (records.length >= maxRecords) {
				if (i < input.length && input.slice(i).trim() !== '')
					problems.push({ line, problem: 'tooManyRecords' });
				return { records, lines, problems };
			}
			continue;
		}
		field += ch;
		fieldStarted = true;
		i++;
	}
	if (inQuotes) problems.push({ line: quoteLine, problem: 'unclosedQuote' });
	if (field !== '' || fieldStarted || record.length > 0) endRecord();
	return { records, lines, problems };
}

/** A field as CSV: quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	// Spreadsheets run cells that start with these as formulas; a leading apostrophe stops that.
	if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV text with CRLF line endings (RFC 4180). */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
	return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
