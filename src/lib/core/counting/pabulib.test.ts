import { describe, expect, it } from 'vitest';
import { hasSharedData, listSharedFiles, readSharedText } from '../../testing/shared-data';
import {
	formatIssue,
	getMeta,
	PabulibError,
	parsePabulib,
	parsePabulibChunks,
	writePabulib
} from './pabulib';
import type { PabulibElection } from './types';

const hasData = hasSharedData('pabulib', 'tests on real Pabulib files');

/** The election as plain data, voters' computed `fields` included, for deep comparison. */
function plain(election: PabulibElection) {
	return {
		meta: election.meta,
		projectColumns: election.projectColumns,
		projects: election.projects.map((p) => ({ id: p.id, cost: p.cost, fields: { ...p.fields } })),
		voteColumns: election.voteColumns,
		voters: election.voters.map((v) => ({
			id: v.id,
			vote: v.vote,
			points: v.points,
			fields: { ...v.fields }
		}))
	};
}

function file(lines: string[]): string {
	return lines.join('\n') + '\n';
}

const META = [
	'META',
	'key;value',
	'description;test',
	'num_projects;3',
	'num_votes;3',
	'budget;100'
];

function approvalFile(votes: string[] = ['1;a,b;34', '2;c;', '3;;51']): string {
	return file([
		...META,
		'vote_type;approval',
		'PROJECTS',
		'project_id;cost;name',
		'a;60;Park',
		'b;30.0;"Bench; with ""quotes"""',
		'c;50;Lights',
		'VOTES',
		'voter_id;vote;age',
		...votes
	]);
}

/** The issues a parse fails with, formatted, or [] when it succeeds. */
function problems(text: string): string[] {
	try {
		parsePabulib(text, 'x.pb');
		return [];
	} catch (e) {
		if (!(e instanceof PabulibError)) throw e;
		return e.issues.map(formatIssue);
	}
}

describe('parsePabulib', () => {
	it('reads META, projects with exact costs, and approval votes including an empty one', () => {
		const { election, warnings } = parsePabulib(approvalFile(), 'x.pb');
		expect(warnings).toEqual([]);
		expect(getMeta(election, 'budget')).toBe('100');
		expect(election.projects.map((p) => [p.id, p.cost])).toEqual([
			['a', 60n],
			['b', 30n],
			['c', 50n]
		]);
		expect(election.projects[1]?.fields).toEqual({
			project_id: 'b',
			cost: '30.0',
			name: 'Bench; with "quotes"'
		});
		expect(election.voters.map((v) => v.vote)).toEqual([['a', 'b'], ['c'], []]);
		expect(election.voteColumns).toEqual(['voter_id', 'vote', 'age']);
		expect(election.voters[0]?.fields).toEqual({ voter_id: '1', vote: 'a,b', age: '34' });
		expect(election.voters[2]?.fields).toEqual({ voter_id: '3', vote: '', age: '51' });
	});

	it('keeps META entries and columns in file order', () => {
		const { election } = parsePabulib(approvalFile(), 'x.pb');
		expect(election.meta.map(([k]) => k)).toEqual([
			'description',
			'num_projects',
			'num_votes',
			'budget',
			'vote_type'
		]);
		expect(Object.keys(election.projects[0]?.fields ?? {})).toEqual(['project_id', 'cost', 'name']);
	});

	it('reads cumulative votes with their points', () => {
		const text = file([
			...META.slice(0, 3),
			'num_votes;2',
			'budget;100',
			'vote_type;cumulative',
			'PROJECTS',
			'project_id;cost',
			'a;10',
			'b;20',
			'c;30',
			'VOTES',
			'voter_id;vote;points',
			'v1;b,a;7,3',
			'v2;c;10'
		]);
		const { election } = parsePabulib(text, 'x.pb');
		expect(election.voters.map((v) => [v.vote, v.points])).toEqual([
			[
				['b', 'a'],
				[7, 3]
			],
			[['c'], [10]]
		]);
	});

	it('reads ordinal, scoring and choose-1 votes', () => {
		const make = (type: string, header: string, rows: string[]) =>
			file([
				'META',
				'key;value',
				'budget;10',
				`vote_type;${type}`,
				'PROJECTS',
				'project_id;cost',
				'x;1',
				'y;2',
				'VOTES',
				header,
				...rows
			]);
		expect(
			parsePabulib(make('ordinal', 'voter_id;vote', ['1;y,x']), 'o').election.voters[0]?.vote
		).toEqual(['y', 'x']);
		expect(
			parsePabulib(make('scoring', 'voter_id;vote;points', ['1;x;5']), 's').election.voters[0]
				?.points
		).toEqual([5]);
		expect(
			parsePabulib(make('choose-1', 'voter_id;vote', ['1;y']), 'c').election.voters[0]?.vote
		).toEqual(['y']);
		expect(problems(make('choose-1', 'voter_id;vote', ['1;x,y']))).toEqual([
			'x.pb:11: voter "1" chose 2 projects in a choose-1 vote'
		]);
	});

	it('tolerates \\r\\n line ends, a byte-order mark, blank lines and lower-case section titles', () => {
		const text =
			'\uFEFF' +
			approvalFile().replaceAll('\n', '\r\n').replace('PROJECTS', 'projects') +
			'\r\n\r\n';
		expect(plain(parsePabulib(text, 'x.pb').election)).toEqual(
			plain(parsePabulib(approvalFile(), 'x.pb').election)
		);
	});

	it('reads a quoted field that spans lines', () => {
		const text = approvalFile().replace('name\na;60;Park', 'name\na;60;"Park\nwith ""trees"""');
		const { election } = parsePabulib(text, 'x.pb');
		expect(election.projects[0]?.fields.name).toBe('Park\nwith "trees"');
		expect(election.projects[1]?.fields.name).toBe('Bench; with "quotes"');
	});

	it('gives the same election whatever the chunk boundaries', async () => {
		const text = approvalFile().replaceAll('\n', '\r\n');
		const whole = plain(parsePabulib(text, 'x.pb').election);
		for (const size of [1, 2, 3, 7, 64]) {
			const chunks: string[] = [];
			for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
			expect(plain((await parsePabulibChunks(chunks, 'x.pb')).election)).toEqual(whole);
		}
	});

	it('decodes UTF-8 bytes split inside a character', async () => {
		const text = approvalFile().replace('Park', 'Łąka ő 🙂');
		const bytes = new TextEncoder().encode('\uFEFF' + text);
		const chunks: Uint8Array[] = [];
		for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
		const { election } = await parsePabulibChunks(chunks, 'x.pb');
		expect(election.projects[0]?.fields.name).toBe('Łąka ő 🙂');
		expect(plain(election)).toEqual(plain(parsePabulib(text, 'x.pb').election));
	});

	it('rejects bytes that are not UTF-8, naming the line', async () => {
		const bytes = new TextEncoder().encode(approvalFile());
		const broken = Uint8Array.from([...bytes.subarray(0, 20), 0xff, ...bytes.subarray(20)]);
		await expect(parsePabulibChunks([broken], 'x.pb')).rejects.toThrow(
			'x.pb:3: the file is not valid UTF-8 text'
		);
	});

	it('accepts async chunk sources', async () => {
		async function* source() {
			yield approvalFile().slice(0, 50);
			yield approvalFile().slice(50);
		}
		expect((await parsePabulibChunks(source(), 'x.pb')).election.voters).toHaveLength(3);
	});
});

describe('parsePabulib reports problems as file:line', () => {
	it('rejects an empty file', () => {
		expect(problems('')).toEqual(['x.pb:1: missing META section (the file is empty)']);
	});

	it('rejects a file that does not start with META', () => {
		expect(problems('PROJECTS\nproject_id;cost\n')).toEqual([
			'x.pb:1: missing META section before PROJECTS (sections must be META, PROJECTS, VOTES in that order)'
		]);
		expect(problems('hello;world\n')[0]).toMatch(/^x\.pb:1: missing META section/);
	});

	it('rejects a missing PROJECTS or VOTES section', () => {
		expect(problems(file(['META', 'key;value', 'budget;1']))).toEqual([
			'x.pb:3: missing PROJECTS section'
		]);
		const noVotes = approvalFile().split('VOTES')[0] as string;
		expect(problems(noVotes)).toEqual(['x.pb:12: missing VOTES section']);
	});

	it('rejects sections out of order', () => {
		const text = file(['META', 'key;value', 'budget;1', 'VOTES', 'voter_id;vote']);
		expect(problems(text)).toEqual([
			'x.pb:4: missing PROJECTS section before VOTES (sections must be META, PROJECTS, VOTES in that order)'
		]);
	});

	it('rejects a wrong META header', () => {
		expect(problems(file(['META', 'budget;1']))).toEqual([
			'x.pb:2: META header must be "key;value", found "budget;1"'
		]);
	});

	it('names a missing header column', () => {
		expect(
			problems(approvalFile().replace('project_id;cost;name', 'project_id;price;name'))
		).toEqual(['x.pb:9: PROJECTS header has no "cost" column (found: project_id;price;name)']);
		expect(problems(approvalFile().replace('voter_id;vote;age', 'voter;vote;age'))).toEqual([
			'x.pb:14: VOTES header has no "voter_id" column (found: voter;vote;age)'
		]);
		expect(problems(approvalFile().replace('voter_id;vote;age', 'voter_id;ballot;age'))).toEqual([
			'x.pb:14: VOTES header has no "vote" column (found: voter_id;ballot;age)'
		]);
	});

	it('requires a points column for cumulative votes', () => {
		const text = approvalFile().replace('vote_type;approval', 'vote_type;cumulative');
		expect(problems(text)).toEqual([
			'x.pb:14: VOTES header has no "points" column, which cumulative votes need'
		]);
	});

	it('rejects a META without budget, and a budget that is not a whole number', () => {
		expect(problems(approvalFile().replace('budget;100\n', ''))).toEqual([
			'x.pb:7: META has no budget (a line "budget;<amount>" is required)'
		]);
		expect(problems(approvalFile().replace('budget;100', 'budget;lots'))).toEqual([
			'x.pb:6: budget "lots" is not a number'
		]);
	});

	it('rejects an unknown vote_type', () => {
		expect(problems(approvalFile().replace('vote_type;approval', 'vote_type;plurality'))).toEqual([
			'x.pb:7: unknown vote_type "plurality" (expected one of approval, ordinal, cumulative, scoring, choose-1)'
		]);
	});

	it('rejects a cost that is not a number or not whole, naming the value', () => {
		expect(problems(approvalFile().replace('a;60;Park', 'a;sixty;Park'))).toEqual([
			'x.pb:10: cost "sixty" of project "a" is not a number'
		]);
		expect(problems(approvalFile().replace('a;60;Park', 'a;60.5;Park'))).toEqual([
			'x.pb:10: cost "60.5" of project "a" is not a whole non-negative number'
		]);
	});

	it('rejects duplicate project and voter ids', () => {
		expect(problems(approvalFile(['1;a;']).replace('c;50;Lights', 'a;50;Lights'))).toEqual([
			'x.pb:12: project id "a" appears twice (first on line 10)'
		]);
		expect(problems(approvalFile(['1;a;', '1;b;']))).toEqual([
			'x.pb:16: voter id "1" appears twice (first on line 15)'
		]);
	});

	it('rejects a vote for an unknown project', () => {
		expect(problems(approvalFile(['1;a,z;', '2;c;', '3;;']))).toEqual([
			'x.pb:15: vote of voter "1" names unknown project "z"'
		]);
	});

	it('rejects a project listed twice in one vote, even with a space before it', () => {
		expect(problems(approvalFile(['1;a, a;', '2;b, c;', '3;c,b,c;']))).toEqual([
			'x.pb:15: vote of voter "1" lists project "a" twice',
			'x.pb:17: vote of voter "3" lists project "c" twice'
		]);
	});

	it('rejects points that do not match the vote or are not numbers', () => {
		const cumulative = (row: string) =>
			file([
				'META',
				'key;value',
				'budget;10',
				'vote_type;cumulative',
				'PROJECTS',
				'project_id;cost',
				'x;1',
				'y;2',
				'VOTES',
				'voter_id;vote;points',
				row
			]);
		expect(problems(cumulative('1;x,y;3'))).toEqual([
			'x.pb:11: voter "1" has 1 points for 2 voted projects'
		]);
		expect(problems(cumulative('1;x,y;3,lots'))).toEqual([
			'x.pb:11: points "3,lots" of voter "1" are not all numbers ("lots")'
		]);
	});

	it('reads missing trailing fields as empty, with a warning', () => {
		const { election, warnings } = parsePabulib(approvalFile(['1;a', '2;b;', '3;c;']), 'x.pb');
		expect(election.voters[0]?.fields).toEqual({ voter_id: '1', vote: 'a', age: '' });
		expect(warnings.map(formatIssue)).toEqual([
			'x.pb:15: voter row has 2 fields but the header has 3 columns; the missing ones are read as empty'
		]);
	});

	it('lists a warning repeated on many rows only a few times, then says how many more', () => {
		const votes = Array.from({ length: 15 }, (_, k) => `${k + 1};a`);
		const { warnings } = parsePabulib(approvalFile(votes), 'x.pb');
		const short = warnings.filter((w) => w.message.startsWith('voter row has 2 fields'));
		expect(short).toHaveLength(10);
		expect(warnings.map(formatIssue)).toContain(
			'x.pb: 5 more lines have the same problem as line 15 (not listed)'
		);
	});

	it('rejects a row with more fields than its header', () => {
		expect(problems(approvalFile(['1;a;30;extra']))).toEqual([
			'x.pb:15: voter row has 4 fields but the header has 3 columns (quote values containing ";")'
		]);
	});

	it('rejects a quoted field that is never closed', () => {
		expect(problems(approvalFile().replace('c;50;Lights', 'c;50;"Lights'))[0]).toBe(
			'x.pb:12: a quoted field starting on this line is never closed'
		);
	});

	it('warns, without failing, when num_projects or num_votes disagree with the rows', () => {
		const { warnings } = parsePabulib(approvalFile(['1;a;']), 'x.pb');
		expect(warnings.map(formatIssue)).toEqual([
			'x.pb:5: META num_votes is "3" but the file has 1 voters'
		]);
	});

	it('collects several errors before stopping', () => {
		const issues = problems(approvalFile(['1;z;', '2;y;', '2;c;']));
		expect(issues).toEqual([
			'x.pb:15: vote of voter "1" names unknown project "z"',
			'x.pb:16: vote of voter "2" names unknown project "y"',
			'x.pb:17: voter id "2" appears twice (first on line 16)'
		]);
	});

	it('leaves out the line number for problems with the whole file', () => {
		expect(formatIssue({ file: 'x.pb', line: 0, message: 'summary' })).toBe('x.pb: summary');
	});

	it('puts the first problem in the error message', () => {
		expect(() => parsePabulib(approvalFile(['1;z;']), 'x.pb')).toThrow(
			'x.pb:15: vote of voter "1" names unknown project "z"'
		);
	});
});

describe('writePabulib', () => {
	it('quotes fields containing ; or " and doubles inner quotes', () => {
		const text = writePabulib(parsePabulib(approvalFile(), 'x.pb').election);
		expect(text).toContain('b;30.0;"Bench; with ""quotes"""\n');
	});

	it('writes back a hand-made file as it was read', () => {
		expect(writePabulib(parsePabulib(approvalFile(), 'x.pb').election)).toBe(approvalFile());
	});

	it('keeps votes and points written with spaces or decimals as they were', () => {
		const text = file([
			'META',
			'key;value',
			'budget;10',
			'vote_type;cumulative',
			'PROJECTS',
			'project_id;cost',
			'x;1',
			'y;2',
			'VOTES',
			'voter_id;vote;points',
			'1;x, y;3.0, 2',
			'2; ;'
		]);
		const { election } = parsePabulib(text, 'x.pb');
		expect(election.voters.map((v) => [v.vote, v.points])).toEqual([
			[
				['x', 'y'],
				[3, 2]
			],
			[[], []]
		]);
		expect(writePabulib(election)).toBe(text);
	});

	it('refuses a project id that votes could not name', () => {
		const { election } = parsePabulib(approvalFile(), 'x.pb');
		const broken = { ...election, projects: [{ ...election.projects[0]!, id: 'a,b' }] };
		expect(() => writePabulib(broken)).toThrow(PabulibError);
	});
});

// Reading every shared file takes a few seconds, more on a busy machine.
describe.skipIf(!hasData)('real Pabulib files', { timeout: 60_000 }, () => {
	const files = hasData ? listSharedFiles('pabulib', '.pb') : [];

	it.each(files)(
		'%s reads back identically after writing, byte for byte apart from line ends',
		(name) => {
			const text = readSharedText('pabulib', name);
			const { election } = parsePabulib(text, name);
			const written = writePabulib(election);
			expect(plain(parsePabulib(written, name).election)).toEqual(plain(election));
			const normalised = text.replaceAll('\r\n', '\n');
			expect(written).toBe(normalised.endsWith('\n') ? normalised : normalised + '\n');
		}
	);

	it('reads every file without warnings and with the voters index.csv lists', () => {
		const index = readSharedText('pabulib', 'index.csv').trim().split('\n').slice(1);
		for (const row of index) {
			const [name, , , voters, projects] = row.split(',');
			const { election, warnings } = parsePabulib(readSharedText('pabulib', name!), name!);
			expect(warnings, name).toEqual([]);
			expect(election.voters.length, name).toBe(Number(voters));
			expect(election.projects.length, name).toBe(Number(projects));
		}
	});

	it('streams the 130,000-voter Wrocław file in well under a few seconds', async () => {
		const text = readSharedText('pabulib', 'Poland_Wroclaw_2015_150_-_500.pb');
		const chunks: string[] = [];
		for (let i = 0; i < text.length; i += 65536) chunks.push(text.slice(i, i + 65536));
		const start = performance.now();
		const { election } = await parsePabulibChunks(chunks, 'wroclaw.pb');
		const seconds = (performance.now() - start) / 1000;
		expect(election.voters).toHaveLength(131_778);
		// Typically 0.2 s; the bound is loose because the test machine is shared.
		expect(seconds).toBeLessThan(3);
	});
});
