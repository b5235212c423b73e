import { getDatabase } from '$lib/server/db';
import { listPlaceTree } from '$lib/server/platform';
import { pageParam } from '../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const tree = await listPlaceTree(await getDatabase(), { page: pageParam(url), pageSize: 20 });
	return {
		councils: tree.items.map((c) => ({
			name: c.name,
			slug: c.slug,
			wards: c.wards.map((w) => ({ name: w.name, slug: w.slug }))
		})),
		page: tree.page,
		totalPages: tree.totalPages
	};
};
