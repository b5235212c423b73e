import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	createPlace,
	createPlaceSchema,
	formValues,
	listPlacesForAction,
	validate
} from '$lib/server/platform';
import { actorOf, failFromError, invalid, pageParam, requireSignedIn } from '../form-helpers';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const places = await listPlacesForAction(await getDatabase(), actor, 'place.manage');
	if (places.length === 0) error(403, 'You cannot change any place.');
	const page = pageParam(url);
	const totalPages = Math.max(1, Math.ceil(places.length / PAGE_SIZE));
	return {
		places: places.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((p) => ({
			id: p.id,
			name: p.name,
			slug: p.slug,
			level: p.level,
			onsCode: p.onsCode,
			depth: p.path.split('/').length
		})),
		parents: places
			.filter((p) => p.level !== 'neighbourhood')
			.map((p) => ({ id: p.id, name: p.name, level: p.level })),
		page,
		totalPages
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = validate(createPlaceSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			const place = await createPlace(await getDatabase(), actorOf(locals), parsed.data);
			return { created: { name: place.name, slug: place.slug } };
		} catch (cause) {
			return failFromError(cause, values);
		}
	}
};
