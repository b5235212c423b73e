import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { exportAssetsGeoJson } from '$lib/server/assets';
import { actorOf } from '../../admin/form-helpers';
import { loadFilters } from '../load-filters';
import type { RequestHandler } from './$types';

/** The register (as filtered on the list page) as a GeoJSON FeatureCollection. */
export const GET: RequestHandler = async ({ url, locals }) => {
	const db = await getDatabase();
	const { filters } = await loadFilters(db, url);
	const collection = await exportAssetsGeoJson(db, actorOf(locals), filters, url.origin);
	return json(collection, {
		headers: {
			'content-type': 'application/geo+json; charset=utf-8',
			'content-disposition': 'attachment; filename="community-spaces.geojson"',
			'cache-control': 'public, max-age=300'
		}
	});
};
