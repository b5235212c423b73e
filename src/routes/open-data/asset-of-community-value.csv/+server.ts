import { acvCsv } from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import type { RequestHandler } from './$types';

/**
 * The list of assets of community value in the planning data platform's
 * `asset-of-community-value` format. Public: the list is a public register.
 */
export const GET: RequestHandler = async () => {
	const csv = await acvCsv(await getDatabase());
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="asset-of-community-value.csv"',
			'cache-control': 'public, max-age=300'
		}
	});
};
