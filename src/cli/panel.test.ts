import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProblem, panelViolations, readPool } from '../lib/core/sortition/index';
import { run as panel } from './panel';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const dataDir = path.resolve(repoRoot, '../shared/data/sortition');
const hasData = existsSync(dataDir);
if (!hasData) console.warn(`Skipping CLI tests on the sortition data: ${dataDir} not found`);
/** The open-source library's own test files (Sortition Foundation, GPL-3.0; see NOTICE.md there). */
const libraryDir = path.join(dataDir, 'sortition-algorithms-fixtures');
const hasLibraryFiles = existsSync(libraryDir);
if (!hasLibraryFiles)
	console.warn(
		`Skipping \`panel select\` on the sortition-algorithms files: ${libraryDir} not found`
	);

const dir = mkdtempSync(path.join(tmpdir(), 'powershare-panel-'));
const file = (name: string, text: string) => {
	const full = path.join(dir, name);
	writeFileSync(full, text);
	return full;
};
const quotas = file('features.csv', 'feature,value,min,max\ngender,f,1,2\ngender,m,1,2\n');
const people = file('people.csv', 'id,name,gender\na,Ann,f\nb,Bea,f\nc,Cal,m\nd,Dan,m\ne,Eve,f\n');
const tightQuotas = file('tight.csv', 'feature,value,min,max\ngender,f,3,3\ngender,m,3,3\n');
const badQuotas = file('bad.csv', 'feature,value,min,max\ngender,f,2,1\n');

let out: string[];
let err: string[];
beforeEach(() => {
	out = [];
	err = [];
	vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
	vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const stdout = () => out.join('\n');
const stderr = () => err.join('\n');

describe('powershare panel select', () => {
	it('selects a panel, prints the draw and how to re-run it', async () => {
		expect(
			await panel([
				'select',
				'--people',
				people,
				'--quotas',
				quotas,
				'--size',
				'3',
				'--seed',
				'town hall',
				'--quiet'
			])
		).toBe(0);
		expect(stdout()).toContain('Method: leximin');
		expect(stdout()).toMatch(/Drawn ticket: \d+/);
		expect(stdout()).toContain(
			'Re-run with: seed "town hall", method leximin, size 3, no time limit'
		);
		expect(stdout()).toMatch(/engine \d+\.\d+\.\d+; inputs SHA-256 [0-9a-f]{64}/);
		expect(stdout()).toMatch(/Lottery file SHA-256: [0-9a-f]{64}/);
		expect(stderr()).toBe('');
	});

	it('builds the lottery without a seed, the same lottery as with one, and draws nothing', async () => {
		const base = ['select', '--people', people, '--quotas', quotas, '--size', '3', '--quiet'];
		const without = path.join(dir, 'without-seed.csv');
		const withSeed = path.join(dir, 'with-seed.csv');
		expect(await panel([...base, '--lottery-out', without, '--time-limit', '60'])).toBe(0);
		expect(stdout()).toContain('No seed given: nothing drawn.');
		expect(stdout()).toContain('time limit 60 s');
		expect(stdout()).not.toContain('Drawn ticket');
		expect(await panel([...base, '--lottery-out', withSeed, '--seed', 'any seed at all'])).toBe(0);
		expect(readFileSync(withSeed, 'utf8')).toBe(readFileSync(without, 'utf8'));
		expect(readFileSync(without, 'utf8').split('\r\n')[0]).toBe(
			'first_ticket,last_ticket,tickets,member_1,member_2,member_3'
		);
	});

	it('prints JSON whose draw is the same for the same seed', async () => {
		const args = [
			'select',
			'--people',
			people,
			'--quotas',
			quotas,
			'--size',
			'3',
			'--seed',
			's1',
			'--json',
			'--method',
			'maximin'
		];
		expect(await panel(args)).toBe(0);
		const first = JSON.parse(stdout());
		out = [];
		expect(await panel(args)).toBe(0);
		const second = JSON.parse(stdout());
		expect(second.drawn).toEqual(first.drawn);
		expect(first.lottery.size).toBe(1000);
		expect(
			first.probabilities.reduce((s: number, p: { probability: number }) => s + p.probability, 0)
		).toBeCloseTo(3, 6);
	});

	it('suggests a relaxation and exits 1 when no panel meets the quotas', async () => {
		expect(
			await panel([
				'select',
				'--people',
				people,
				'--quotas',
				tightQuotas,
				'--size',
				'4',
				'--seed',
				's',
				'--quiet'
			])
		).toBe(1);
		expect(stdout()).toContain('No panel meets every quota.');
		expect(stdout()).toContain('Smallest relaxation');
	});

	it.each([
		[
			'a bad quota row',
			['select', '--people', people, '--quotas', badQuotas, '--size', '2', '--seed', 's'],
			1,
			`${badQuotas}:2: min 2 is larger than max 1`
		],
		[
			'a missing file',
			[
				'select',
				'--people',
				path.join(dir, 'none.csv'),
				'--quotas',
				quotas,
				'--size',
				'2',
				'--seed',
				's'
			],
			1,
			'none.csv: no such file'
		],
		[
			'a panel larger than the pool',
			['select', '--people', people, '--quotas', quotas, '--size', '9', '--seed', 's'],
			1,
			'fewer than the panel size 9'
		],
		[
			'a missing size',
			['select', '--people', people, '--quotas', quotas, '--seed', 's'],
			2,
			'--size is required'
		],
		[
			'an unknown method',
			[
				'select',
				'--people',
				people,
				'--quotas',
				quotas,
				'--size',
				'2',
				'--seed',
				's',
				'--method',
				'nash'
			],
			2,
			'--method must be one of'
		],
		['an unknown sub-command', ['shuffle'], 2, 'unknown sub-command "shuffle"'],
		['a draw without a seed', ['draw', '--lottery', 'x.csv'], 2, '--seed is required'],
		[
			'a draw with an option of select',
			['draw', '--lottery', 'x.csv', '--seed', 's', '--size', '3'],
			2,
			'--size is not an option of `panel draw`'
		],
		[
			'a missing lottery file',
			['draw', '--lottery', path.join(dir, 'none.csv'), '--seed', 's'],
			1,
			'none.csv: no such file'
		],
		[
			'a lottery file with a gap',
			[
				'draw',
				'--lottery',
				file('gap.csv', 'first_ticket,last_ticket,tickets,member_1\n1,5,5,a\n7,1000,994,b\n'),
				'--seed',
				's'
			],
			1,
			'gap.csv:3: the tickets should continue from 6, not 7'
		]
	])('reports %s without a stack trace', async (_, args, code, message) => {
		expect(await panel(args)).toBe(code);
		expect(stderr()).toContain(message);
		expect(stderr()).not.toMatch(/\n\s+at /);
	});

	it.skipIf(!hasData)('reads the paper format and reaches 10% on example_small_20', async () => {
		const instance = path.join(dataDir, 'flanigan-replication/example_small_20');
		const args = [
			'select',
			'--people',
			path.join(instance, 'respondents.csv'),
			'--quotas',
			path.join(instance, 'categories.csv'),
			'--size',
			'20',
			'--seed',
			'x',
			'--json',
			'--quiet'
		];
		expect(await panel(args)).toBe(0);
		expect(JSON.parse(stdout()).minProbability).toBeGreaterThanOrEqual(0.0999);
	});

	/** The panel drawn must meet every quota of the files it was drawn from. */
	function expectQuotasMet(peopleFile: string, quotasFile: string, k: number, members: string[]) {
		const read = readPool({
			people: { name: peopleFile, text: readFileSync(peopleFile, 'utf8') },
			quotas: { name: quotasFile, text: readFileSync(quotasFile, 'utf8') }
		});
		if (!read.ok) throw new Error('unreadable files');
		const index = new Map(read.pool.people.map((p, i) => [p.id, i]));
		expect(members).toHaveLength(k);
		expect(
			panelViolations(
				buildProblem(read.pool, k),
				members.map((id) => index.get(id)!)
			)
		).toEqual([]);
	}

	describe.skipIf(!hasLibraryFiles)('on the sortition-algorithms library’s own files', () => {
		const features = path.join(libraryDir, 'features.csv');
		const candidates = path.join(libraryDir, 'candidates.csv');
		const select = (method: string, seed: string) => [
			'select',
			'--people',
			candidates,
			'--quotas',
			features,
			'--size',
			'22',
			'--seed',
			seed,
			'--method',
			method,
			'--json',
			'--quiet'
		];

		it('selects 22 of the 150 candidates by MAXIMIN, meeting every quota, and `panel draw` agrees', async () => {
			const lotteryFile = path.join(dir, 'library-lottery.csv');
			expect(await panel([...select('maximin', 'library'), '--lottery-out', lotteryFile])).toBe(0);
			const result = JSON.parse(stdout());
			expect(result.methodUsed).toBe('maximin');
			// The library's fixture: every candidate can sit on some panel (9.09% by LEXIMIN).
			expect(result.minProbability).toBeGreaterThan(0.05);
			expect(result.drawn.members[0]).toMatch(/^p\d+$/);
			expectQuotasMet(candidates, features, 22, result.drawn.members);
			expect(result.rerun).toMatchObject({ method: 'maximin', timeLimitSeconds: null });

			out = [];
			expect(await panel(['draw', '--lottery', lotteryFile, '--seed', 'library', '--json'])).toBe(
				0
			);
			const drawn = JSON.parse(stdout());
			expect(drawn.lotterySha256).toBe(result.lottery.sha256);
			expect(drawn.ticket).toBe(result.drawn.ticket);
			expect(drawn.members).toEqual(result.drawn.members);
		}, 60_000);

		it('selects by LEGACY (for comparison), meeting every quota, with a note saying so', async () => {
			expect(await panel(select('legacy', 'library'))).toBe(0);
			const result = JSON.parse(stdout());
			expect(result.methodUsed).toBe('legacy');
			expect(result.notes.join(' ')).toContain('LEGACY is for comparison only');
			expectQuotasMet(candidates, features, 22, result.drawn.members);
			expect(
				result.lottery.panels.reduce((s: number, e: { tickets: number }) => s + e.tickets, 0)
			).toBe(1000);
		}, 60_000);
	});
});

describe('powershare panel draw', () => {
	it('prints the file’s SHA-256, the ticket and the members, as `panel select` drew them', async () => {
		const lotteryFile = path.join(dir, 'draw-lottery.csv');
		const seed = 'hall: 4 8 15';
		expect(
			await panel([
				'select',
				'--people',
				people,
				'--quotas',
				quotas,
				'--size',
				'3',
				'--seed',
				seed,
				'--lottery-out',
				lotteryFile,
				'--json',
				'--quiet'
			])
		).toBe(0);
		const selected = JSON.parse(stdout());
		out = [];
		expect(await panel(['draw', '--lottery', lotteryFile, '--seed', seed])).toBe(0);
		const sha = createHash('sha256').update(readFileSync(lotteryFile)).digest('hex');
		expect(stdout()).toContain(`Lottery file SHA-256: ${sha}`);
		expect(sha).toBe(selected.lottery.sha256);
		expect(stdout()).toContain(`Ticket: ${selected.drawn.ticket}`);
		expect(stdout()).toContain(`Panel (3): ${selected.drawn.members.join(', ')}`);
		// The recipe, with nothing but the file: SHA-256("<file SHA-256>:<seed>") mod 1000 + 1.
		const digest = createHash('sha256').update(`${sha}:${seed}`).digest('hex');
		expect(Number(BigInt(`0x${digest}`) % 1000n) + 1).toBe(selected.drawn.ticket);
	});

	it('gives the same ticket for the same seed and generally another for another seed', async () => {
		const lotteryFile = file(
			'hand.csv',
			'first_ticket,last_ticket,tickets,member_1,member_2\r\n1,500,500,1,2\r\n501,1000,500,3,4\r\n'
		);
		const tickets = new Set<number>();
		for (const seed of ['a', 'a', 'b', 'c', 'd', 'e']) {
			out = [];
			expect(await panel(['draw', '--lottery', lotteryFile, '--seed', seed, '--json'])).toBe(0);
			const { ticket, members } = JSON.parse(stdout());
			expect(members).toEqual(ticket <= 500 ? ['1', '2'] : ['3', '4']);
			tickets.add(ticket);
		}
		expect(tickets.size).toBe(5);
	});
});
