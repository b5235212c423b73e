import { inArray } from 'drizzle-orm';
import { getDatabase, schema } from '$lib/server/db';
import type { PageServerLoad } from './$types';

/** A place listed on the home page. */
export type HomePlace = { slug: string; name: string; level: 'council' | 'ward' };

/** The home page lists each council followed by its wards, both in name order. */
export const load: PageServerLoad = async () => {
	const db = await getDatabase();
	const { platformPlaces } = schema;
	const rows = await db
		.select({
			id: platformPlaces.id,
			parentId: platformPlaces.parentId,
			slug: platformPlaces.slug,
			name: platformPlaces.name,
			level: platformPlaces.level
		})
		.from(platformPlaces)
		.where(inArray(platformPlaces.level, ['council', 'ward']))
		.orderBy(platformPlaces.name);
	const places: HomePlace[] = [];
	for (const council of rows.filter((r) => r.level === 'council')) {
		places.push({ slug: council.slug, name: council.name, level: 'council' });
		for (const ward of rows.filter((r) => r.level === 'ward' && r.parentId === council.id)) {
			places.push({ slug: ward.slug, name: ward.name, level: 'ward' });
		}
	}
	return { places };
};
