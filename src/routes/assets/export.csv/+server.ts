import { getDatabase } from '$lib/server/db';
import { exportAssetsCsv } from '$lib/server/assets';
import { actorOf } from '../../admin/form-helpers';
import { loadFilters } from '../load-filters';
import type { RequestHandler } from './$types';

/** The register (as filtered on the list page) as CSV. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const db = await getDatabase();
	const { filters } = await loadFilters(db, url);
	const csv = await exportAssetsCsv(db, actorOf(locals), filters, url.origin);
	return new Response('\uFEFF' + csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="community-spaces.csv"',
			'cache-control': 'public, max-age=300'
		}
	});
};
