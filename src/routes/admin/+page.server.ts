import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { can, listManagedPlaces } from '$lib/server/platform';
import { requireSignedIn } from './form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	// Organisers, officers and administrators look after places; residents have nothing to run.
	const places = await listManagedPlaces(await getDatabase(), actor, 'organisation.manage');
	if (places.length === 0 && !(actor.kind === 'person' && actor.isPlatformAdmin)) {
		error(403, 'You do not look after any place.');
	}
	return {
		places: places.map((p) => ({
			id: p.id,
			name: p.name,
			slug: p.slug,
			level: p.level,
			roles: p.roles,
			canManage: can(actor, 'place.manage', p),
			canGrant: can(actor, 'role.grant', p),
			canAudit: can(actor, 'audit.view', p)
		}))
	};
};
