import { getDatabase } from '$lib/server/db';
import { listAssets } from '$lib/server/assets';
import { actorOf, pageParam } from '../admin/form-helpers';
import { filterQuery } from './filters';
import { loadFilters } from './load-filters';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDatabase();
	const { values, place, places, filters } = await loadFilters(db, url);
	const list = await listAssets(db, actorOf(locals), {
		...filters,
		page: pageParam(url),
		pageSize: 20
	});
	return {
		values,
		placeName: place?.name ?? null,
		places,
		query: filterQuery(values),
		assets: list.items.map((a) => ({
			id: a.id,
			name: a.name,
			kind: a.kind,
			address: a.address,
			postcode: a.postcode,
			status: a.status,
			placeName: a.placeName
		})),
		total: list.total,
		page: list.page,
		totalPages: list.totalPages
	};
};
