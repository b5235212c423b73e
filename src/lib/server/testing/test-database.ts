/**
 * A migrated, empty database for one test file, on the engine the run was started with.
 *
 *     const t = await useTestDatabase();   // in beforeAll
 *     await t.close();                     // in afterAll
 */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { connect, type DatabaseHandle } from '../db/client';
import { withDatabase } from './global-setup';
import { randomSuffix, testEngine } from './engine';

/** Opens a fresh copy of the migrated template database. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
	if (testEngine() === 'postgres') {
		const url = process.env.TEST_DATABASE_URL!;
		const name = `powershare_test_${randomSuffix()}`;
		const admin = postgres(url, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
		const handle = await connect({ url: withDatabase(url, name), maxConnections: 5 });
		return {
			...handle,
			close: async () => {
				await handle.close();
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			}
		};
	}
	const bytes = readFileSync(inject('pgliteTemplate'));
	return connect({ dataDir: 'memory://', loadDataDir: new Blob([bytes]) });
}
