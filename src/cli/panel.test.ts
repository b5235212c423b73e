import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run as panel } from './panel';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const dataDir = path.resolve(repoRoot, '../shared/data/sortition');
const hasData = existsSync(dataDir);
if (!hasData) console.warn(`Skipping CLI tests on the sortition data: ${dataDir} not found`);

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
		expect(stdout()).toContain('Re-run with: seed "town hall"');
		expect(stderr()).toBe('');
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
			'a missing seed',
			['select', '--people', people, '--quotas', quotas, '--size', '2'],
			2,
			'--seed is required'
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
		['an unknown sub-command', ['draw'], 2, 'unknown sub-command "draw"']
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
});
