import { getDatabase } from '$lib/server/db';
import { formatPence, listPublicProjects } from '$lib/server/budgeting';
import { actorOf } from '../../../admin/form-helpers';
import { loadProcessOr404, processHeader } from '../../process-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDatabase();
	const process = await loadProcessOr404(db, actorOf(locals), params.id);
	const projects = await listPublicProjects(db, process.id);
	const view = (p: (typeof projects.onBallot)[number]) => ({
		id: p.id,
		number: p.number,
		title: p.title,
		description: p.description,
		cost: formatPence(p.costPence),
		feasibilityNote: p.feasibilityNote,
		publicReason: p.publicReason,
		placeName: p.placeName,
		ideas: p.ideas
	});
	const total = projects.onBallot.reduce((sum, p) => sum + p.costPence, 0);
	return {
		process: processHeader(process),
		budget: formatPence(process.budgetPence),
		total: formatPence(total),
		onBallot: projects.onBallot.map(view),
		withdrawn: projects.withdrawn.map(view),
		rejected: projects.rejected
	};
};
