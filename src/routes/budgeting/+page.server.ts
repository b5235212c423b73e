import { getDatabase } from '$lib/server/db';
import { formatPence, listProcesses } from '$lib/server/budgeting';
import { getPlaceById, listPlaceTree } from '$lib/server/platform';
import { actorOf, pageParam } from '../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const db = await getDatabase();
	const placeId = url.searchParams.get('place') ?? '';
	const [place, tree] = await Promise.all([
		placeId ? getPlaceById(db, placeId) : Promise.resolve(null),
		listPlaceTree(db, { pageSize: 50 })
	]);
	const list = await listProcesses(db, actorOf(locals), {
		placePath: place?.path,
		page: pageParam(url),
		pageSize: 20
	});
	const places: { value: string; text: string }[] = [];
	for (const council of tree.items) {
		places.push({ value: council.id, text: council.name });
		for (const ward of council.wards)
			places.push({ value: ward.id, text: `${ward.name}, ${council.name}` });
	}
	if (place && !places.some((p) => p.value === place.id))
		places.push({ value: place.id, text: place.name });
	return {
		place: place ? { id: place.id, name: place.name } : null,
		places,
		processes: list.items.map((p) => ({
			id: p.id,
			title: p.title,
			phase: p.phase,
			budget: formatPence(p.budgetPence),
			placeName: p.placeName
		})),
		total: list.total,
		page: list.page,
		totalPages: list.totalPages
	};
};
