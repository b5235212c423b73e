import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { listManagedPanels } from '$lib/server/panels';
import { listManagedPlaces } from '$lib/server/platform';
import { requireSignedIn } from '../form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	if ((await listManagedPlaces(db, actor, 'panel.manage')).length === 0)
		error(403, 'You cannot run citizens’ panels in any place.');
	const panels = await listManagedPanels(db, actor);
	return {
		panels: panels.map((p) => ({
			id: p.id,
			title: p.title,
			placeName: p.placeName,
			panelSize: p.panelSize,
			poolSize: p.poolSize,
			status: p.status
		}))
	};
};
