import { json } from '@sveltejs/kit';
import { version } from '../../../package.json';
import { logger } from '$lib/server/platform';
import type { RequestHandler } from './$types';

type DatabaseModule = { getDatabase?: () => unknown };
type Executable = { execute: (query: unknown) => Promise<unknown> };

/**
 * The database module, if the app has one. Found at build time by glob so this route works (and
 * reports `database: 'skipped'`) before the database layer exists, and checks it once it does.
 */
const databaseModules = import.meta.glob<DatabaseModule>('/src/lib/server/db/index.ts');

function hasExecute(value: unknown): value is Executable {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as Partial<Executable>).execute === 'function'
	);
}

/** Accepts either a Drizzle database or a handle holding one as `db` (see `db/client.ts`). */
function asExecutable(value: unknown): Executable | null {
	if (hasExecute(value)) return value;
	if (typeof value === 'object' && value !== null && 'db' in value && hasExecute(value.db)) {
		return value.db;
	}
	return null;
}

async function checkDatabase(): Promise<'ok' | 'skipped' | 'unavailable'> {
	const load = databaseModules['/src/lib/server/db/index.ts'];
	if (!load) return 'skipped';
	try {
		const { getDatabase } = await load();
		if (typeof getDatabase !== 'function') return 'skipped';
		const db = asExecutable(await getDatabase());
		if (!db) return 'skipped';
		const { sql } = await import('drizzle-orm');
		await db.execute(sql`select 1`);
		return 'ok';
	} catch (error) {
		logger.error({ err: error }, 'health check: database did not answer select 1');
		return 'unavailable';
	}
}

/**
 * `GET /healthz` for load balancers and uptime monitors: 200 with `status: 'ok'` when the app
 * and its database answer, 503 with `status: 'unavailable'` when the database does not.
 */
export const GET: RequestHandler = async () => {
	const database = await checkDatabase();
	const isHealthy = database !== 'unavailable';
	return json(
		{
			status: isHealthy ? 'ok' : 'unavailable',
			version,
			uptimeSeconds: Math.round(process.uptime()),
			database
		},
		{ status: isHealthy ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};
