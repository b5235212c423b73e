import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

/** The schema every use case sees. */
export type Schema = typeof schema;

/**
 * A Drizzle database on either engine. Use cases take this type, never an engine-specific one,
 * so the same code runs on embedded PGlite and on PostgreSQL.
 */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction handle; use cases accept `Database | Transaction` through {@link Executor}. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** Anything a query can run on. */
export type Executor = Database | Transaction;

/** An open database and how to close it. */
export type DatabaseHandle = {
	db: Database;
	engine: 'pglite' | 'postgres';
	close: () => Promise<void>;
};

/** Where and how to connect. */
export type ConnectOptions = {
	/** A PostgreSQL URL; when absent the embedded PGlite is used. */
	url?: string;
	/** PGlite data directory (file-backed). `memory://` keeps it in memory. */
	dataDir?: string;
	/** A PGlite data-directory dump to start from (fast clones in tests). */
	loadDataDir?: Blob | File;
	/** PostgreSQL pool size. */
	maxConnections?: number;
};

/** Default PGlite data directory: `./data/pglite` under the working directory. */
export function defaultDataDir(): string {
	return path.resolve(process.env.POWERSHARE_DATA_DIR ?? 'data', 'pglite');
}

/** Opens a database: PostgreSQL when a URL is given, otherwise file-backed PGlite. */
export async function connect(options: ConnectOptions = {}): Promise<DatabaseHandle> {
	if (options.url) {
		const client = postgres(options.url, {
			max: options.maxConnections ?? 10,
			onnotice: () => {}
		});
		const db = drizzlePostgres(client, { schema }) as unknown as Database;
		return { db, engine: 'postgres', close: () => client.end({ timeout: 5 }) };
	}
	const dataDir = options.dataDir ?? defaultDataDir();
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const client = options.loadDataDir
		? new PGlite({ loadDataDir: options.loadDataDir })
		: new PGlite(dataDir);
	await client.waitReady;
	const db = drizzlePglite(client, { schema }) as unknown as Database;
	return { db, engine: 'pglite', close: () => client.close() };
}
