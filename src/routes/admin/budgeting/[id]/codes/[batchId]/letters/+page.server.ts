import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getCodeBatch, issueBatchCodes } from '$lib/server/budgeting';
import { errorPage, failFromError, requireSignedIn } from '../../../../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const found = await getCodeBatch(await getDatabase(), actor, {
		processId: params.id,
		batchId: params.batchId
	}).catch(errorPage);
	if (!found) error(404, 'There is no such batch of codes.');
	const { process, batch } = found;
	return {
		process: {
			id: process.id,
			title: process.title,
			placeName: process.place.name,
			budgetPence: process.budgetPence,
			votingClosesAt: process.votingClosesAt
		},
		batch,
		voteUrl: `${url.origin}/budgeting/${process.id}/vote`
	};
};

export const actions: Actions = {
	// The codes exist only in this response: the page shows them once, to print.
	issue: async ({ params, locals, url }) => {
		const actor = requireSignedIn(locals, url);
		try {
			const { codes } = await issueBatchCodes(await getDatabase(), actor, {
				processId: params.id,
				batchId: params.batchId
			});
			return { codes };
		} catch (cause) {
			return failFromError(cause, {});
		}
	}
};
