import { env } from '$env/dynamic/public';
import { getDatabase } from '$lib/server/db';
import { exportAssetsGeoJson } from '$lib/server/assets';
import { listChildBoundaries, listPlaceTree } from '$lib/server/platform';
import { actorOf } from '../../admin/form-helpers';
import { filterQuery } from '../filters';
import { loadFilters } from '../load-filters';
import type { PageServerLoad } from './$types';

/**
 * The map: the same spaces as the list (same filters), as points, over the boundaries of the
 * areas inside the chosen place (or each council's wards). No tiles are needed; a tile server can
 * be set with PUBLIC_MAP_TILE_URL.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDatabase();
	const { values, place, filters } = await loadFilters(db, url);
	const assets = await exportAssetsGeoJson(db, actorOf(locals), filters, url.origin);
	const areas = place
		? await listChildBoundaries(db, place.id)
		: (
				await Promise.all(
					(await listPlaceTree(db, { pageSize: 20 })).items.map((c) =>
						listChildBoundaries(db, c.id)
					)
				)
			).flat();
	if (place?.boundary && areas.length === 0)
		areas.push({
			name: place.name,
			boundary: place.boundary as (typeof areas)[number]['boundary']
		});
	return {
		placeName: place?.name ?? null,
		query: filterQuery(values),
		tileUrl: env.PUBLIC_MAP_TILE_URL || null,
		points: {
			type: 'FeatureCollection' as const,
			features: assets.features
				.filter((f) => f.geometry.type === 'Point')
				.map((f) => ({
					type: 'Feature' as const,
					geometry: f.geometry,
					properties: { id: f.properties.id, name: f.properties.name, kind: f.properties.kind }
				}))
		},
		areas: {
			type: 'FeatureCollection' as const,
			features: areas.map((a) => ({
				type: 'Feature' as const,
				geometry: a.boundary,
				properties: { name: a.name }
			}))
		}
	};
};
