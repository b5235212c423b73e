/**
 * Medium-tier set-up, run once per test run. A fresh PGlite database takes several seconds to
 * create, so this migrates one template and every test clones it (about half a second). With
 * TEST_DB=postgres it instead migrates a template database on TEST_DATABASE_URL, and each test
 * file creates its own database from that template.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { connect } from '../db/client';
import { runMigrations } from '../db/migrate';
import { randomSuffix, testEngine } from './engine';

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string;
		postgresTemplate: string;
	}
}

export default async function setup(project: TestProject) {
	const engine = testEngine();
	if (engine === 'postgres') {
		const url = process.env.TEST_DATABASE_URL;
		if (!url) throw new Error('TEST_DB=postgres needs TEST_DATABASE_URL');
		const template = `powershare_tmpl_${randomSuffix()}`;
		const admin = postgres(url, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${template}`);
		const handle = await connect({ url: withDatabase(url, template), maxConnections: 2 });
		await runMigrations(handle);
		await handle.close();
		project.provide('postgresTemplate', template);
		project.provide('pgliteTemplate', '');
		return async () => {
			await admin.unsafe(`drop database if exists ${template} with (force)`);
			await admin.end();
		};
	}
	const dir = mkdtempSync(path.join(tmpdir(), 'powershare-test-'));
	const handle = await connect({ dataDir: 'memory://' });
	await runMigrations(handle);
	const client = (
		handle.db as unknown as { $client: { dumpDataDir: (c: 'none') => Promise<Blob> } }
	).$client;
	const dump = await client.dumpDataDir('none');
	await handle.close();
	const file = path.join(dir, 'template.tar');
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	project.provide('pgliteTemplate', file);
	project.provide('postgresTemplate', '');
	return () => rmSync(dir, { recursive: true, force: true });
}

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${database}`;
	return parsed.toString();
}
