import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	can,
	formValues,
	getPlaceById,
	updatePlace,
	updatePlaceSchema,
	validate
} from '$lib/server/platform';
import { actorOf, failFromError, invalid, requireSignedIn } from '../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	const place = await getPlaceById(await getDatabase(), params.id);
	if (!place) error(404, 'Place not found');
	if (!can(actor, 'place.manage', place)) error(403, 'You cannot change this place.');
	return {
		place: {
			id: place.id,
			name: place.name,
			slug: place.slug,
			level: place.level,
			onsCode: place.onsCode,
			description: place.description
		},
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = { ...formValues(await request.formData()), placeId: params.id };
		const parsed = validate(updatePlaceSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await updatePlace(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/admin/places/${params.id}?saved`);
	}
};
