import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { version } from '../../../package.json';
import { getDatabase } from '$lib/server/db';
import { logger } from '$lib/server/platform';
import type { RequestHandler } from './$types';

async function checkDatabase(): Promise<'ok' | 'unavailable'> {
	try {
		const db = await getDatabase();
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
	const isHealthy = database === 'ok';
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
