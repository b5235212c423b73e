import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	createOrganisation,
	createOrganisationSchema,
	listManagedPlaces,
	listOrganisations,
	listPlacesForAction,
	validate
} from '$lib/server/platform';
import { actorOf, failFromError, invalid, pageParam, requireSignedIn } from '../form-helpers';
import { organisationValues } from './form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const managed = await listManagedPlaces(db, actor, 'organisation.manage');
	if (managed.length === 0) error(403, 'You cannot add organisations in any place.');
	const [places, organisations] = await Promise.all([
		listPlacesForAction(db, actor, 'organisation.manage'),
		listOrganisations(db, { withinPaths: managed.map((m) => m.path), page: pageParam(url) })
	]);
	return {
		places: places.map((p) => ({
			id: p.id,
			name: p.name,
			level: p.level,
			depth: p.path.split('/').length
		})),
		organisations: organisations.items.map((o) => ({
			id: o.id,
			name: o.name,
			slug: o.slug,
			kind: o.kind
		})),
		page: organisations.page,
		totalPages: organisations.totalPages
	};
};

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const values = organisationValues(await request.formData());
		const parsed = validate(createOrganisationSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			const organisation = await createOrganisation(
				await getDatabase(),
				actorOf(locals),
				parsed.data
			);
			return { created: { name: organisation.name, slug: organisation.slug } };
		} catch (cause) {
			return failFromError(cause, values);
		}
	}
};
