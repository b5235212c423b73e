import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../lib/server/db/client';
import { platformAuditLog, platformPlaces } from '../lib/server/platform/schema';
import { createTestDatabase } from '../lib/server/testing/test-database';
import { hasSharedData, sharedDataDir } from '../lib/testing/shared-data';
import { run } from './import';

const geoDir = path.join(sharedDataDir, 'uk/geo');
const hasGeo = hasSharedData('uk/geo', 'the powershare import tests on Stevenage');

let t: DatabaseHandle;
let dir: string;
beforeAll(async () => {
	t = await createTestDatabase();
	dir = mkdtempSync(path.join(tmpdir(), 'powershare-import-'));
});
afterAll(async () => {
	await t?.close();
	rmSync(dir, { recursive: true, force: true });
});

/** Runs the command and returns its exit code and what it printed. */
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

async function counts() {
	const [places] = await t.db.select({ n: count() }).from(platformPlaces);
	const [audit] = await t.db.select({ n: count() }).from(platformAuditLog);
	return { places: places?.n, audit: audit?.n };
}

describe('powershare import', () => {
	it('explains its usage and refuses a missing level', async () => {
		expect((await cli('--help')).code).toBe(0);
		const result = await cli('places', 'x.geojson', '--parent', 'E07000243');
		expect(result.code).toBe(2);
		expect(result.err).toMatch(/^powershare import: --level must be ward or lsoa/);
	});

	it('names a file that does not exist', async () => {
		const result = await cli(
			'places',
			path.join(dir, 'nope.geojson'),
			'--level',
			'ward',
			'--parent',
			'E07000243'
		);
		expect(result).toMatchObject({
			code: 1,
			err: `powershare import: ${path.join(dir, 'nope.geojson')}: no such file`
		});
	});

	it.runIf(hasGeo)('imports Stevenage and prints one line', async () => {
		const file = path.join(geoDir, 'lsoa21_stevenage.geojson');
		const result = await cli(
			'places',
			file,
			'--level',
			'lsoa',
			'--parent',
			'E07000243',
			'--create-parent',
			'Stevenage'
		);
		expect(result.err).toBe('');
		expect(result.code).toBe(0);
		expect(result.out).toBe(
			'Imported 54 neighbourhoods under 13 wards of Stevenage (54 new, 0 updated; 13 new wards; created the council Stevenage)'
		);
		const again = await cli('places', file, '--level', 'lsoa', '--parent', 'stevenage');
		expect(again.out).toBe(
			'Imported 54 neighbourhoods under 13 wards of Stevenage (0 new, 54 updated; 0 new wards)'
		);
	});

	it('prints one line and changes nothing for a truncated file or one that is not GeoJSON', async () => {
		const before = await counts();
		const truncated = path.join(dir, 'truncated.geojson');
		writeFileSync(
			truncated,
			'{\n"type": "FeatureCollection",\n"features": [\n{ "type": "Feature", "properties": { "lsoa21_code": "E01023750"'
		);
		const notGeo = path.join(dir, 'wards.csv');
		writeFileSync(notGeo, 'code,name\nE05015625,Bandley Hill\n');
		const a = await cli(
			'places',
			truncated,
			'--level',
			'lsoa',
			'--parent',
			'E07000243',
			'--create-parent',
			'Stevenage'
		);
		expect(a).toEqual({
			code: 1,
			out: '',
			err: 'powershare import: truncated.geojson:4: the file ends too early; it may be truncated'
		});
		const b = await cli(
			'places',
			notGeo,
			'--level',
			'ward',
			'--parent',
			'E07000243',
			'--create-parent',
			'Stevenage'
		);
		expect(b).toEqual({
			code: 1,
			out: '',
			err: 'powershare import: wards.csv:1: not JSON, so not a GeoJSON file'
		});
		expect(await counts()).toEqual(before);
	});
});
