import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { listAudit, listManagedPlaces, listPlacesForAction } from '$lib/server/platform';
import { errorPage, pageParam, requireSignedIn } from '../form-helpers';
import type { PageServerLoad } from './$types';

/** The parts of an entry's details worth showing: who or what was involved. */
function describe(details: Record<string, unknown>) {
	const text = (key: string) => {
		const value = details[key];
		return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
	};
	return {
		name: text('name'),
		email: text('email'),
		role: text('role'),
		fileName: text('fileName')
	};
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const [managed, places] = await Promise.all([
		listManagedPlaces(db, actor, 'audit.view'),
		listPlacesForAction(db, actor, 'audit.view')
	]);
	if (managed.length === 0) error(403, 'You cannot read the audit log of any place.');
	const wanted = url.searchParams.get('place');
	const place = places.find((p) => p.id === wanted) ?? managed[0]!;
	try {
		const log = await listAudit(db, actor, { place, page: pageParam(url), pageSize: 50 });
		return {
			place: { id: place.id, name: place.name },
			places: places.map((p) => ({ id: p.id, name: p.name, depth: p.path.split('/').length })),
			entries: log.entries.map((e) => ({
				id: e.id,
				at: e.at.toISOString(),
				actorLabel: e.actorLabel,
				action: e.action,
				placeName: e.placeName,
				details: describe(e.details)
			})),
			page: log.page,
			totalPages: Math.max(1, Math.ceil(log.total / log.pageSize))
		};
	} catch (cause) {
		errorPage(cause);
	}
};
