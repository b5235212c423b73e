import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../lib/server/db/client';
import { budgetingProcesses } from '../lib/server/budgeting/schema';
import { buildPlaceTree } from '../lib/server/platform/places/factories';
import { createTestDatabase } from '../lib/server/testing/test-database';
import { run } from './import';

const fixtures = path.resolve(import.meta.dirname, '../lib/core/counting/fixtures');

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

async function cli(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const log = vi.spyOn(console, 'log').mockImplementation((m: unknown) => void out.push(String(m)));
	const error = vi
		.spyOn(console, 'error')
		.mockImplementation((m: unknown) => void err.push(String(m)));
	try {
		const code = await run(args, { open: async () => t });
		return { code, out: out.join('\n'), err: err.join('\n') };
	} finally {
		log.mockRestore();
		error.mockRestore();
	}
}

async function processes() {
	const [row] = await t.db.select({ n: count() }).from(budgetingProcesses);
	return row!.n;
}

describe('powershare import pb', () => {
	it('needs a place', async () => {
		const result = await cli('pb', path.join(fixtures, 'small-greedy.pb'));
		expect(result.code).toBe(2);
		expect(result.err).toMatch(/^powershare import pb: --place needs/);
	});

	it('imports a file as a past process on a place given by id', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const result = await cli('pb', path.join(fixtures, 'small-greedy.pb'), '--place', wardA.id);
		expect(result.err).toBe('');
		expect(result.code).toBe(0);
		expect(result.out).toMatch(
			/^Imported "Small hand-written test election": 4 projects, 4 ballots, 2 funded/
		);
		const id = /process ([0-9a-f]+)\)/.exec(result.out)![1]!;
		const [row] = await t.db.select().from(budgetingProcesses).where(eq(budgetingProcesses.id, id));
		expect(row).toMatchObject({ placeId: wardA.id, importedFrom: 'small-greedy.pb' });
	});

	it('prints file:line problems and imports nothing from a broken file', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const before = await processes();
		const result = await cli(
			'pb',
			path.join(fixtures, 'small-greedy-broken.pb'),
			'--place',
			wardA.id
		);
		expect(result.code).toBe(1);
		expect(result.err).toMatch(/^small-greedy-broken\.pb:\d+: /);
		expect(result.err).toContain('Nothing was imported.');
		expect(await processes()).toBe(before);
	});
});
