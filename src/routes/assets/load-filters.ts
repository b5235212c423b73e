/** Loading what the filter form needs: the chosen place and the places to choose from. */
import type { Database } from '$lib/server/db';
import { getPlaceById, listPlaceTree } from '$lib/server/platform';
import { readFilters, toAssetFilters } from './filters';

/** A place to choose in the filter form. */
export type PlaceChoice = { value: string; text: string };

/** The filters from the URL, the chosen place (if it exists) and the place choices. */
export async function loadFilters(db: Database, url: URL) {
	const values = readFilters(url);
	const [place, tree] = await Promise.all([
		values.place ? getPlaceById(db, values.place) : Promise.resolve(null),
		listPlaceTree(db, { pageSize: 50 })
	]);
	if (values.place && !place) values.place = '';
	const places: PlaceChoice[] = [];
	for (const council of tree.items) {
		places.push({ value: council.id, text: council.name });
		for (const ward of council.wards)
			places.push({ value: ward.id, text: `${ward.name}, ${council.name}` });
	}
	// A neighbourhood chosen from a link (a place page, say) is offered too, so the form keeps it.
	if (place && !places.some((p) => p.value === place.id))
		places.push({ value: place.id, text: place.name });
	return {
		values,
		place: place
			? { id: place.id, name: place.name, path: place.path, boundary: place.boundary }
			: null,
		places,
		filters: toAssetFilters(values, place?.path)
	};
}
