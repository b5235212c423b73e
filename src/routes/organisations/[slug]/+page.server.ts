import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { can, getOrganisationBySlug } from '$lib/server/platform';
import { actorOf } from '../../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const organisation = await getOrganisationBySlug(await getDatabase(), params.slug);
	if (!organisation) error(404, 'Organisation not found');
	const actor = actorOf(locals);
	return {
		organisation: {
			id: organisation.id,
			name: organisation.name,
			kind: organisation.kind,
			description: organisation.description,
			registrationNumber: organisation.registrationNumber,
			contactName: organisation.contactName,
			contactEmail: organisation.contactEmail,
			contactPhone: organisation.contactPhone,
			website: organisation.website,
			places: organisation.places.map((p) => ({ name: p.name, slug: p.slug, level: p.level }))
		},
		canManage: organisation.places.some((p) => can(actor, 'organisation.manage', p))
	};
};
