/**
 * The database of the running app: PostgreSQL when DATABASE_URL is set, otherwise embedded
 * PGlite under ./data (or POWERSHARE_DATA_DIR). Opened once per process; migrations run first.
 */
import { connect, type DatabaseHandle } from './client';
import { runMigrations } from './migrate';

export { connect, defaultDataDir } from './client';
export type { Database, DatabaseHandle, Executor, Transaction } from './client';
export { runMigrations } from './migrate';
export * as schema from './schema';

let opening: Promise<DatabaseHandle> | undefined;

/** Opens (once) and migrates the app's database. */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
	opening ??= (async () => {
		const handle = await connect({ url: process.env.DATABASE_URL || undefined });
		await runMigrations(handle);
		return handle;
	})();
	return opening;
}

/** The app's database, opened and migrated on first use. */
export async function getDatabase() {
	return (await getDatabaseHandle()).db;
}

/** Closes the app's database (on shutdown). */
export async function closeDatabase(): Promise<void> {
	if (!opening) return;
	const handle = await opening;
	opening = undefined;
	await handle.close();
}
