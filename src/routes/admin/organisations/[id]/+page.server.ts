import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	can,
	getOrganisationById,
	listPlacesForAction,
	updateOrganisation,
	updateOrganisationSchema,
	validate
} from '$lib/server/platform';
import { actorOf, failFromError, invalid, requireSignedIn } from '../../form-helpers';
import { organisationValues } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const organisation = await getOrganisationById(db, params.id);
	if (!organisation) error(404, 'Organisation not found');
	if (!organisation.places.some((p) => can(actor, 'organisation.manage', p)))
		error(403, 'You cannot change this organisation.');
	const places = await listPlacesForAction(db, actor, 'organisation.manage');
	const mine = new Set(places.map((p) => p.id));
	return {
		organisation: {
			id: organisation.id,
			name: organisation.name,
			slug: organisation.slug,
			kind: organisation.kind,
			description: organisation.description,
			registrationNumber: organisation.registrationNumber,
			contactName: organisation.contactName,
			contactEmail: organisation.contactEmail,
			contactPhone: organisation.contactPhone,
			website: organisation.website,
			placeIds: organisation.places.map((p) => p.id)
		},
		places: places.map((p) => ({
			id: p.id,
			name: p.name,
			level: p.level,
			depth: p.path.split('/').length
		})),
		// Places it works in that this person does not look after: kept as they are.
		otherPlaces: organisation.places
			.filter((p) => !mine.has(p.id))
			.map((p) => ({ id: p.id, name: p.name })),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = { ...organisationValues(await request.formData()), organisationId: params.id };
		const parsed = validate(updateOrganisationSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await updateOrganisation(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/admin/organisations/${params.id}?saved`);
	}
};
