import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseCsv, readPool } from './pool-csv';

const paperQuotas =
	'category,feature,min,max\ngender,female,1,2\ngender,male,1,2\nage,young,1,3\nage,old,0,2\n';
const paperPeople = 'gender,age\nfemale,young\nmale,old\nmale,young\n';
const saQuotas =
	'feature,value,min,max,min_flex,max_flex\nGender,Female,1,2,0,3\nGender,Male,1,2,0,3\n';
const saPeople =
	'nationbuilder_id,first_name,primary_address1,primary_zip,Gender\np0,Ann,"1 High St, Leeds",LS1,Female\np1,Bob,2 Low St,LS2,male\np2,Cy,"1 High St, Leeds",LS1,Male\n';

function read(quotas: string, people: string, options = {}) {
	return readPool(
		{ quotas: { name: 'quotas.csv', text: quotas }, people: { name: 'people.csv', text: people } },
		options
	);
}

describe('parseCsv', () => {
	it.each([
		[
			'plain fields',
			'a,b\n1,2\n',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		['quoted commas and doubled quotes', 'a,"b, ""c"""\n', [['a', 'b, "c"']]],
		[
			'CRLF line ends and a BOM',
			'\ufeffa,b\r\n1,2\r\n',
			[
				['a', 'b'],
				['1', '2']
			]
		],
		['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
		[
			'a last line without newline',
			'a,b\n1,2',
			[
				['a', 'b'],
				['1', '2']
			]
		]
	])('reads %s', (_, text, expected) => {
		expect(parseCsv(text).rows.map((r) => r.cells)).toEqual(expected);
	});

	it('numbers rows by the line they start on, across quoted newlines', () => {
		expect(parseCsv('a\n"x\ny"\nb\n').rows.map((r) => r.line)).toEqual([1, 2, 4]);
	});

	it('reports an unclosed quote at the line where it opened', () => {
		expect(parseCsv('a\n"open\nmore\n').problems).toEqual([
			{ line: 2, message: 'a quoted field is never closed' }
		]);
	});
});

describe('readPool', () => {
	it('reads the paper format, numbering volunteers from 1', () => {
		const result = read(paperQuotas, paperPeople);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.format).toBe('paper');
		expect(result.pool.categories).toEqual(['gender', 'age']);
		expect(result.pool.people.map((p) => p.id)).toEqual(['1', '2', '3']);
		expect(result.pool.people[1]!.features).toEqual({ gender: 'male', age: 'old' });
	});

	it('reads the sortition-algorithms format with its id column, flex limits and case-insensitive values', () => {
		const result = read(saQuotas, saPeople, {
			householdColumns: ['primary_address1', 'primary_zip']
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.format).toBe('sortition-algorithms');
		expect(result.pool.quotas[0]).toEqual({
			category: 'Gender',
			value: 'Female',
			min: 1,
			max: 2,
			minFlex: 0,
			maxFlex: 3
		});
		expect(result.pool.people.map((p) => p.id)).toEqual(['p0', 'p1', 'p2']);
		expect(result.pool.people[1]!.features.Gender).toBe('Male');
		expect(result.pool.people[0]!.household).toBe(result.pool.people[2]!.household);
		expect(result.pool.people[1]!.household).not.toBe(result.pool.people[0]!.household);
	});

	it.each([
		[
			'an unknown quota header',
			'a,b,c\n',
			paperPeople,
			'quotas.csv:1: expected a header "category,feature,min,max" or "feature,value,min,max[,min_flex,max_flex]"'
		],
		[
			'a minimum above its maximum',
			'category,feature,min,max\ngender,female,3,2\n',
			paperPeople,
			'quotas.csv:2: min 3 is larger than max 2'
		],
		[
			'a non-numeric bound',
			'category,feature,min,max\ngender,female,one,2\n',
			paperPeople,
			'quotas.csv:2: min and max must be whole numbers ≥ 0, found "one" and "2"'
		],
		[
			'a duplicated quota',
			'category,feature,min,max\ngender,female,1,2\ngender,female,1,2\n',
			paperPeople,
			'quotas.csv:3: "gender: female" is listed twice'
		],
		[
			'a missing category column',
			paperQuotas,
			'gender\nfemale\n',
			'people.csv:1: no column for the category "age"'
		],
		[
			'a value without a quota',
			paperQuotas,
			'gender,age\nfemale,young\nother,old\n',
			'people.csv:3: "other" is not a value of "gender" in quotas.csv'
		],
		[
			'a short row',
			paperQuotas,
			'gender,age\nfemale\n',
			'people.csv:2: expected 2 fields, found 1'
		],
		[
			'a duplicated id',
			'feature,value,min,max\ng,a,0,1\n',
			'id,g\nx,a\nx,a\n',
			'people.csv:3: the id "x" appears twice'
		],
		['an empty people file', paperQuotas, '', 'people.csv:1: the people file is empty']
	])('reports %s as file:line', (_, quotas, people, message) => {
		const result = read(quotas, people);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map(formatProblem)).toContain(message);
	});

	it('never throws on garbage input', () => {
		fc.assert(
			fc.property(fc.string(), fc.string(), (quotas, people) => {
				expect(() => read(quotas, people)).not.toThrow();
				expect(() => read(paperQuotas, people)).not.toThrow();
			})
		);
	});
});
