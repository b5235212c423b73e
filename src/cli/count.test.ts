import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as count } from './count';
import { run as verify } from './verify';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const fixtures = path.join(repoRoot, 'src/lib/core/counting/fixtures');
const small = path.join(fixtures, 'small-greedy.pb');
const disputed = path.join(fixtures, 'small-greedy-disputed.pb');
const broken = path.join(fixtures, 'small-greedy-broken.pb');
const dataDir = path.resolve(repoRoot, '../shared/data/pabulib');
const hasData = existsSync(dataDir);
if (!hasData) console.warn(`Skipping CLI tests on real Pabulib files: ${dataDir} not found`);

let out: string[];
let err: string[];

beforeEach(() => {
	out = [];
	err = [];
	vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
	vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
	vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => {
	vi.restoreAllMocks();
});

const stdout = () => out.join('\n');
const stderr = () => err.join('\n');

describe('powershare count', () => {
	it('prints the winners, the total and every project’s reason', async () => {
		expect(await count([small, '--rule', 'greedy'])).toBe(0);
		const text = stdout();
		expect(text).toContain('rule greedy, ties broken by id');
		expect(text).toMatch(/1\s+a\s+60\s+Park; with benches/);
		expect(text).toMatch(/2\s+b\s+30\s+Library books/);
		expect(text).toContain('Total 90 GBP of 100 GBP (10 GBP left)');
		expect(text).toContain('c (not funded): Not funded:');
		expect(text).toContain('d (not funded):');
		expect(stderr()).toBe('');
	});

	it('prints JSON with the selection order, an exact total and explanations', async () => {
		expect(await count([small, '--rule', 'greedy', '--json'])).toBe(0);
		const result = JSON.parse(stdout());
		expect(result.rule).toBe('greedy');
		expect(result.options).toEqual({ rule: 'greedy', tieBreak: 'id' });
		expect(result.selected).toEqual(['a', 'b']);
		expect(result.totalCost).toBe('90');
		expect(Object.keys(result.explanations).sort()).toEqual(['a', 'b', 'c', 'd']);
		expect(result.explanations.c.status).toBe('not_funded');
		expect(typeof result.explanations.a.sentence).toBe('string');
	});

	it('passes rule options through to the count', async () => {
		expect(
			await count([
				small,
				'--rule=mes',
				'--utility',
				'approval',
				'--completion',
				'add1',
				'--integral-start',
				'--tie-break',
				'cost-votes-id',
				'--json'
			])
		).toBe(0);
		const result = JSON.parse(stdout());
		expect(result.options).toMatchObject({
			rule: 'mes',
			utility: 'approval',
			completion: 'add1',
			integralStart: true,
			tieBreak: 'cost-votes-id'
		});
	});

	it('reads a greedy threshold and no-skip', async () => {
		expect(
			await count([small, '--rule', 'greedy', '--threshold', '3', '--no-skip', '--json'])
		).toBe(0);
		const result = JSON.parse(stdout());
		expect(result.options).toEqual({
			rule: 'greedy',
			tieBreak: 'id',
			noSkip: true,
			threshold: '3'
		});
		expect(result.selected).toEqual(['a']);
	});

	it('takes the rule from META with --rule from-meta', async () => {
		expect(await count([small, '--rule', 'from-meta', '--json'])).toBe(0);
		expect(JSON.parse(stdout()).selected).toEqual(['a', 'b']);
	});

	describe('with no --rule', () => {
		let dir: string;
		beforeEach(() => {
			dir = mkdtempSync(path.join(tmpdir(), 'powershare-count-'));
		});
		afterEach(() => {
			rmSync(dir, { recursive: true, force: true });
		});
		/** The small election with its META rule line replaced (or removed) and lines added. */
		const withMeta = (rule: string | null, extra: string[] = []) => {
			const text = readFileSync(small, 'utf8').replace(
				'rule;greedy\n',
				(rule === null ? '' : `rule;${rule}\n`) + extra.map((l) => `${l}\n`).join('')
			);
			const file = path.join(dir, 'election.pb');
			writeFileSync(file, text);
			return file;
		};

		it('counts with the META rule and says so', async () => {
			expect(await count([small])).toBe(0);
			expect(stdout()).toContain(
				"rule greedy (the file's META rule greedy), ties broken by cost-votes-id"
			);
			expect(stdout()).toMatch(/1\s+a\s+60/);
		});

		it('names the META rule in JSON and honours META tie_break', async () => {
			expect(await count([withMeta('phragmen', ['tie_break;votes-cost-id']), '--json'])).toBe(0);
			const result = JSON.parse(stdout());
			expect(result.metaRule).toBe('phragmen');
			expect(result.rule).toBe('phragmen');
			expect(result.tieBreak).toBe('votes-cost-id');
		});

		it('reads the MES options META names', async () => {
			const file = withMeta('equalshares/add1', [
				'mes_utility;approval',
				'mes_integral_start;0',
				'mes_exhaustive_stop;1',
				'tie_break;id'
			]);
			expect(await count([file, '--json'])).toBe(0);
			expect(JSON.parse(stdout()).options).toMatchObject({
				rule: 'mes',
				utility: 'approval',
				completion: 'add1',
				integralStart: false,
				exhaustiveStop: true,
				tieBreak: 'id'
			});
		});

		it('lets --tie-break override META tie_break', async () => {
			const file = withMeta('greedy', ['tie_break;votes-cost-id']);
			expect(await count([file, '--tie-break', 'id', '--json'])).toBe(0);
			expect(JSON.parse(stdout()).tieBreak).toBe('id');
		});

		it.each([
			[null, [], 'META has no "rule" line'],
			['borda-count', [], 'META "rule" is "borda-count"'],
			['greedy', ['tie_break;coin-toss'], 'META "tie_break" is "coin-toss"']
		] as const)(
			'refuses META rule %s %j, naming the META line, with exit code 1',
			async (rule, extra, message) => {
				expect(await count([withMeta(rule, [...extra])])).toBe(1);
				expect(stderr()).toContain("cannot count with the file's META rule");
				expect(stderr()).toContain(message);
				expect(stderr()).toContain('--rule greedy|mes|phragmen');
				expect(stdout()).toBe('');
			}
		);

		it('rejects options that belong to a named rule', async () => {
			expect(await count([small, '--utility', 'cost'])).toBe(2);
			expect(stderr()).toContain(
				"--utility applies only to --rule mes; without --rule the file's META rule is used"
			);
		});
	});

	it.each([
		[[small, '--rule', 'greedy', '--fast'], 'unknown option "--fast"'],
		[
			[small, '--rule', 'quadratic'],
			'--rule must be one of greedy, mes, phragmen, from-meta, not "quadratic"'
		],
		[['--rule', 'greedy'], 'missing the .pb file to count'],
		[
			[small, '--rule', 'greedy', '--threshold', 'ten'],
			'--threshold must be a whole number, not "ten"'
		],
		[[small, '--rule', 'greedy', '--utility', 'cost'], '--utility applies only to --rule mes'],
		[[small, '--rule', 'mes', '--no-skip'], '--no-skip applies only to --rule greedy'],
		[
			[small, '--rule', 'mes', '--integral-start'],
			'--integral-start applies only with --completion add1'
		],
		[
			[small, '--rule', 'from-meta', '--utility', 'cost'],
			'--utility cannot be combined with --rule from-meta'
		],
		[
			[small, '--rule', 'greedy', '--tie-break', 'random'],
			'--tie-break must be one of id, votes-cost-id, cost-votes-id'
		],
		[[small, '--rule'], 'option --rule needs a value'],
		[[small, '--rule', 'greedy', '--json=yes'], 'option --json takes no value']
	])('rejects %j with exit code 2', async (args, message) => {
		expect(await count(args)).toBe(2);
		expect(stderr()).toContain(message);
		expect(stderr()).toContain('powershare count --help');
		expect(stdout()).toBe('');
	});

	it('reports a missing file with exit code 2', async () => {
		expect(await count(['no/such/file.pb', '--rule', 'greedy'])).toBe(2);
		expect(stderr()).toBe('no/such/file.pb: no such file');
	});

	it('reports a directory with exit code 2', async () => {
		expect(await count([fixtures, '--rule', 'greedy'])).toBe(2);
		expect(stderr()).toBe(`${fixtures}: not a file`);
	});

	it('reports every problem in an invalid file as file:line with exit code 1, never a stack trace', async () => {
		expect(await count([broken, '--rule', 'greedy'])).toBe(1);
		expect(err).toEqual([
			`${broken}:19: cost "fifty" of project "c" is not a number`,
			`${broken}:25: vote of voter "3" names unknown project "z"`
		]);
		expect(stderr()).not.toMatch(/\bat\s.*\.ts:\d+/);
	});

	it('shows the help', async () => {
		expect(await count(['--help'])).toBe(0);
		expect(stdout()).toContain('Usage: powershare count <file.pb>');
	});
});

describe('powershare verify', () => {
	it('reports agreement with the selected column', async () => {
		expect(await verify([small])).toBe(0);
		expect(stdout()).toContain(
			'Agreement: the count funds exactly the projects the file marks as selected.'
		);
	});

	it('lists each disagreement with the reason and exits 1', async () => {
		expect(await verify([disputed])).toBe(1);
		const text = stdout();
		expect(text).toContain('Disagreement on 2 projects:');
		expect(text).toContain(
			'funded by the count but not selected in the file: b "Library books" (cost 30)'
		);
		expect(text).toContain(
			'selected in the file but not funded by the count: c "The "big" mural" (cost 50)'
		);
	});

	it('prints the comparison as JSON', async () => {
		expect(await verify([disputed, '--json'])).toBe(1);
		const result = JSON.parse(stdout());
		expect(result).toMatchObject({
			agree: false,
			onlyCount: ['b'],
			onlyFile: ['c'],
			metaRule: 'greedy'
		});
	});

	it('reports an invalid file with exit code 1 and a usage problem with exit code 2', async () => {
		expect(await verify([broken])).toBe(1);
		expect(err[0]).toBe(`${broken}:19: cost "fifty" of project "c" is not a number`);
		err.length = 0;
		expect(await verify([])).toBe(2);
		expect(stderr()).toContain('missing the .pb file to verify');
	});
});

describe.skipIf(!hasData)('the CLI on real Pabulib files', { timeout: 120_000 }, () => {
	it('counts Łódź 2022 with its META rule and reproduces the city’s winners', async () => {
		const file = path.join(dataDir, 'Poland_Lodz_2022.pb');
		expect(await verify([file])).toBe(0);
		out.length = 0;
		expect(await count([file, '--rule', 'from-meta', '--json'])).toBe(0);
		const result = JSON.parse(stdout());
		expect(result.rule).toBe('greedy-threshold');
		expect(result.selected).toHaveLength(16);
	});

	it('verifies every shared file with a supported META rule and agrees with its selected column', async () => {
		const files = readdirSync(dataDir).filter((f) => f.endsWith('.pb'));
		const codes: Record<string, number> = {};
		for (const name of files) {
			// The shared files using add1 are small (at most 6,586 voters), so this takes seconds.
			codes[name] = await verify([path.join(dataDir, name), '--json']);
		}
		// Every file whose META rule is supported agrees with its selected column (21 of 26 today);
		// the rest (unknown, greedy-custom, greedy-exclusive) are reported as not verifiable.
		for (const [name, code] of Object.entries(codes)) expect([0, 3], name).toContain(code);
		expect(Object.values(codes).filter((code) => code === 0).length).toBeGreaterThanOrEqual(21);
		expect(stderr()).not.toMatch(/unexpected error/);
	});

	it('says which META rules it cannot verify, with exit code 3', async () => {
		expect(await verify([path.join(dataDir, 'Poland_Warszawa_2024_Bielany.pb')])).toBe(3);
		expect(stderr()).toContain('cannot verify: META "rule" is "greedy-exclusive"');
	});

	it('refuses from-meta for an unsupported rule with exit code 1', async () => {
		expect(
			await count([path.join(dataDir, 'Hungary_Budapest_2024.pb'), '--rule', 'from-meta'])
		).toBe(1);
		expect(stderr()).toContain(
			'cannot count with the file\'s META rule: META "rule" is "unknown", which is not a rule Powershare can count'
		);
	});
});
