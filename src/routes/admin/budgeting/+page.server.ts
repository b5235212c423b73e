import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { formatPence, listProcesses } from '$lib/server/budgeting';
import { listManagedPlaces } from '$lib/server/platform';
import { pageParam, requireSignedIn } from '../form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const [reviewing, managing] = await Promise.all([
		listManagedPlaces(db, actor, 'budgeting.review'),
		listManagedPlaces(db, actor, 'budgeting.manage')
	]);
	if (reviewing.length === 0) error(403, 'You cannot run participatory budgeting in any place.');
	const list = await listProcesses(db, actor, {
		onlyManaged: true,
		includeDrafts: true,
		page: pageParam(url),
		pageSize: 25
	});
	return {
		canCreate: managing.length > 0,
		processes: list.items.map((p) => ({
			id: p.id,
			title: p.title,
			placeName: p.placeName,
			status: p.status,
			phase: p.phase,
			budget: formatPence(p.budgetPence)
		})),
		page: list.page,
		totalPages: list.totalPages
	};
};
