import { getDatabase } from '$lib/server/db';
import { listOrganisations } from '$lib/server/platform';
import { pageParam } from '../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const list = await listOrganisations(await getDatabase(), { page: pageParam(url), pageSize: 25 });
	return {
		organisations: list.items.map((o) => ({ name: o.name, slug: o.slug, kind: o.kind })),
		page: list.page,
		totalPages: list.totalPages
	};
};
