import { getDatabase } from '$lib/server/db';
import { formatPence, listHiddenIdeas, listIdeas } from '$lib/server/budgeting';
import { actorOf, pageParam } from '../../../admin/form-helpers';
import { loadProcessOr404, processHeader } from '../../process-view';
import { formatDate } from '../results/view';
import { supportAction } from '../../support';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDatabase();
	const actor = actorOf(locals);
	const process = await loadProcessOr404(db, actor, params.id);
	const list = await listIdeas(db, actor, {
		processId: process.id,
		page: pageParam(url),
		pageSize: 20
	});
	const hidden = await listHiddenIdeas(db, process.id);
	return {
		process: processHeader(process),
		ideas: list.items.map((i) => ({
			id: i.id,
			title: i.title,
			description: i.description,
			status: i.status,
			placeName: i.placeName,
			roughCost: i.roughCostPence ? formatPence(i.roughCostPence) : null,
			supportCount: i.supportCount,
			isSupported: i.isSupported
		})),
		// When and why, never the title or text: an idea may be hidden for what it says.
		hidden: hidden.map((h) => ({
			id: h.id,
			hiddenOn: formatDate(h.hiddenAt),
			reason: h.publicReason ?? ''
		})),
		total: list.total,
		page: list.page,
		totalPages: list.totalPages,
		isSignedIn: actor.kind === 'person',
		canSupport: process.phase === 'ideas' || process.phase === 'review',
		isOpenForIdeas: process.phase === 'ideas' && process.status === 'published',
		signInHref: `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`
	};
};

export const actions: Actions = { support: supportAction };
