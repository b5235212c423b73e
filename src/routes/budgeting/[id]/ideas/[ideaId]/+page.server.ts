import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { formatPence, getIdea } from '$lib/server/budgeting';
import { actorOf } from '../../../../admin/form-helpers';
import { loadProcessOr404, processHeader } from '../../../process-view';
import { supportAction } from '../../../support';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const db = await getDatabase();
	const actor = actorOf(locals);
	const process = await loadProcessOr404(db, actor, params.id);
	const idea = await getIdea(db, actor, params.ideaId);
	if (!idea || idea.processId !== process.id) error(404, 'Page not found');
	return {
		process: processHeader(process),
		idea: {
			id: idea.id,
			title: idea.title,
			description: idea.description,
			status: idea.status,
			publicReason: idea.publicReason,
			placeName: idea.placeName,
			latitude: idea.latitude,
			longitude: idea.longitude,
			roughCost: idea.roughCostPence ? formatPence(idea.roughCostPence) : null,
			photo: idea.photo
				? { src: `/budgeting/${process.id}/ideas/${idea.id}/photo`, alt: idea.photo.alt }
				: null,
			authorName: idea.authorName,
			isAuthor: idea.isAuthor,
			project: idea.project,
			supportCount: idea.supportCount,
			isSupported: idea.isSupported
		},
		canModerate: idea.canModerate,
		isSignedIn: actor.kind === 'person',
		canSupport:
			idea.status === 'published' && (process.phase === 'ideas' || process.phase === 'review'),
		sent: url.searchParams.has('sent'),
		signInHref: `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname)}`
	};
};

export const actions: Actions = { support: supportAction };
