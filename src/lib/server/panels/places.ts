/** Places as the panel use cases need them. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { platformPlaces } from '../platform/schema';

/** The place by id with its path and ONS code, or undefined. */
export async function findPlace(db: Executor, placeId: string) {
	const [place] = await db
		.select({
			id: platformPlaces.id,
			path: platformPlaces.path,
			name: platformPlaces.name,
			onsCode: platformPlaces.onsCode
		})
		.from(platformPlaces)
		.where(eq(platformPlaces.id, placeId));
	return place;
}
