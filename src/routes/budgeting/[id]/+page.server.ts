import { getDatabase } from '$lib/server/db';
import { formatPence } from '$lib/server/budgeting';
import { actorOf } from '../../admin/form-helpers';
import { loadProcessOr404, processHeader, timeline } from '../process-view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const process = await loadProcessOr404(await getDatabase(), actorOf(locals), params.id);
	return {
		process: {
			...processHeader(process),
			description: process.description,
			budget: formatPence(process.budgetPence),
			ballotType: process.ballotType,
			maxChoices: process.maxChoices ?? 0,
			totalPoints: process.totalPoints ?? 0,
			isImported: process.importedFrom !== null
		},
		steps: timeline(process),
		canManage: process.canManage || process.canReview
	};
};
