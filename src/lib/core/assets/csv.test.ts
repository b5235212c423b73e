import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';
import { guessMapping, kindFromText, validateRows } from './import-rows';

describe('parseCsv', () => {
	it('reads plain fields and drops blank lines', () => {
		expect(parseCsv('a,b\n1,2\n\n3,4\n').records).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
	});

	it('strips a byte order mark and accepts CRLF and lone CR line endings', () => {
		expect(parseCsv('\uFEFFname,kind\r\nHall,hall\rPub,pub').records).toEqual([
			['name', 'kind'],
			['Hall', 'hall'],
			['Pub', 'pub']
		]);
	});

	it('reads quoted fields with commas, doubled quotes and line breaks', () => {
		const parsed = parseCsv('name,address\n"The ""Kiln""","1 High St,\r\nAshbrook"\nNext,x\n');
		expect(parsed.records).toEqual([
			['name', 'address'],
			['The "Kiln"', '1 High St,\nAshbrook'],
			['Next', 'x']
		]);
		expect(parsed.lines).toEqual([1, 2, 4]);
		expect(parsed.problems).toEqual([]);
	});

	it('keeps empty fields, including a quoted empty last field', () => {
		expect(parseCsv('a,,""\n').records).toEqual([['a', '', '']]);
	});

	it('reports a quote that is never closed and a stray quote', () => {
		expect(parseCsv('a,"b\nc').problems).toEqual([{ line: 1, problem: 'unclosedQuote' }]);
		expect(parseCsv('a,b"c\n').problems).toEqual([{ line: 1, problem: 'strayQuote' }]);
	});

	it('stops after maxRecords and says so', () => {
		const parsed = parseCsv('a\n1\n2\n3\n', { maxRecords: 2 });
		expect(parsed.records).toEqual([['a'], ['1']]);
		expect(parsed.problems).toEqual([{ line: 3, problem: 'tooManyRecords' }]);
	});

	it('reads back what toCsv writes', () => {
		const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', 'é', 'x') });
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { maxLength: 5 }),
				(rows) => {
					const safe = rows.map((r) => r.map((c) => c.replace(/^[=+\-@]/, '')));
					const nonBlank = safe.filter((r) => !(r.length === 1 && r[0] === ''));
					expect(parseCsv(toCsv(safe)).records).toEqual(nonBlank);
				}
			)
		);
	});

	it('never throws on arbitrary text', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\uFEFF', ' ') }),
				(text) => {
					const parsed = parseCsv(text);
					expect(parsed.records.length).toBe(parsed.lines.length);
				}
			)
		);
		fc.assert(fc.property(fc.string(), (text) => void parseCsv(text)));
	});
});

describe('toCsv', () => {
	it('quotes fields that need it and defuses spreadsheet formulas', () => {
		expect(toCsv([['a,b', 'say "hi"', '=SUM(A1)', '-0.12', 3, null]])).toBe(
			'"a,b","say ""hi""",\'=SUM(A1),-0.12,3,\r\n'
		);
	});
});

describe('validateRows', () => {
	const header = ['Name', 'Type', 'Lat', 'Lng', 'Owner type'];
	const mapping = guessMapping(header);

	it('guesses the mapping from the header', () => {
		expect(mapping).toEqual({ name: 0, kind: 1, latitude: 2, longitude: 3, ownerType: 4 });
	});

	it('reads words for kinds', () => {
		expect(kindFromText('Village hall')).toBe('hall');
		expect(kindFromText('green_space')).toBe('green_space');
		expect(kindFromText('spaceship')).toBeNull();
	});

	it('reports each problem by row and column, and keeps the good rows', () => {
		const result = validateRows(
			header,
			[
				['Hall', 'hall', '51.5', '-0.1', 'council'],
				['', 'spaceship', 'north', '', 'mine'],
				['Park', 'park', '95', '0', '']
			],
			mapping
		);
		expect(result.valid.map((v) => v.row)).toEqual([2]);
		expect(result.valid[0]!.asset).toMatchObject({ name: 'Hall', latitude: 51.5, longitude: -0.1 });
		expect(result.problems).toEqual([
			{ row: 3, column: 'Name', problem: 'required' },
			{ row: 3, column: 'Type', problem: 'unknownKind', value: 'spaceship' },
			{ row: 3, column: 'Owner type', problem: 'unknownOwnerType', value: 'mine' },
			{ row: 3, column: 'Lat', problem: 'notANumber', value: 'north' },
			{ row: 3, column: 'Lng', problem: 'pointIncomplete' },
			{ row: 4, column: 'Lat', problem: 'latitudeRange', value: '95' }
		]);
		expect(result.badRows).toEqual([3, 4]);
	});

	it('needs a name column and a kind column or a default kind', () => {
		expect(validateRows(['x'], [['a']], {}).problems[0]!.problem).toBe('missingColumns');
		expect(
			validateRows(['x'], [['a']], { name: 0 }, { defaultKind: 'library' }).valid[0]!.asset.kind
		).toBe('library');
	});

	it('never throws on arbitrary rows and mappings', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(fc.string(), { maxLength: 6 }), { maxLength: 8 }),
				fc.record({ name: fc.nat(7), kind: fc.nat(7), latitude: fc.nat(7), longitude: fc.nat(7) }),
				(rows, map) => {
					const result = validateRows(['a', 'b'], rows, map);
					expect(result.valid.length + result.badRows.length).toBe(rows.length);
				}
			)
		);
	});
});
