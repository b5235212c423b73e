import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../lib/server/db/client';
import { assetsAssets } from '../lib/server/assets/schema';
import { createTestDatabase } from '../lib/server/testing/test-database';
import { hasSharedData, sharedDataDir } from '../lib/testing/shared-data';
import { run } from './import';

let t: DatabaseHandle;
let dir: string;
beforeAll(async () => {
	t = await createTestDatabase();
	dir = mkdtempSync(path.join(tmpdir(), 'powershare-import-assets-'));
});
afterAll(async () => {
	await t?.close();
	rmSync(dir, { recursive: true, force: true });
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

const hasData = hasSharedData('uk', 'the powershare import assets tests on Stevenage');

describe.runIf(hasData)('powershare import assets', () => {
	it('imports the libraries of Stevenage from the libraries of England, and nothing twice', async () => {
		const places = await cli(
			'places',
			path.join(sharedDataDir, 'uk/geo/lsoa21_stevenage.geojson'),
			'--level',
			'lsoa',
			'--parent',
			'E07000243',
			'--create-parent',
			'Stevenage'
		);
		expect(places.code, places.err).toBe(0);
		const file = path.join(sharedDataDir, 'uk/facilities/libraries_england_taskforce2016.csv');
		const first = await cli('assets', file, '--mapping', 'libraries', '--place', 'E07000243');
		expect(first.code, first.err).toBe(0);
		expect(first.out).toMatch(/^Imported \d+ spaces? in Stevenage \(3\d{3} rows read\)/);
		const [row] = await t.db
			.select({ n: count() })
			.from(assetsAssets)
			.where(eq(assetsAssets.kind, 'library'));
		expect(row!.n).toBeGreaterThan(0);
		const again = await cli('assets', file, '--mapping', 'libraries', '--place', 'stevenage');
		expect(again.out).toMatch(/^Imported 0 spaces in Stevenage/);
		expect(again.out).toContain(`${row!.n} ${row!.n === 1 ? 'row was' : 'rows were'} already`);
	});

	it('refuses a file with bad rows, row by row, unless told to skip them', async () => {
		const csv = path.join(dir, 'spaces.csv');
		writeFileSync(csv, 'name,type\nGood Hall,hall\n,pub\nBad,rocket\n');
		const refused = await cli('assets', csv, '--place', 'stevenage');
		expect(refused.code).toBe(1);
		expect(refused.out).toContain('Nothing imported: 2 rows have problems:');
		expect(refused.out).toContain('row 3, name: required');
		expect(refused.out).toContain('row 4, type: unknownKind (rocket)');
		const skipped = await cli('assets', csv, '--place', 'stevenage', '--skip-invalid');
		expect(skipped.code).toBe(0);
		expect(skipped.out).toMatch(/^Imported 1 space in Stevenage/);
		expect((await cli('assets', csv)).code).toBe(2);
	});
});
