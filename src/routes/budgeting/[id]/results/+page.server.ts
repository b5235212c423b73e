import { getDatabase } from '$lib/server/db';
import { formatPence, getResults } from '$lib/server/budgeting';
import { actorOf, errorPage } from '../../../admin/form-helpers';
import { resultsView } from './view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDatabase();
	try {
		const results = await getResults(db, actorOf(locals), { processId: params.id });
		return { ...resultsView(results), budget: formatPence(results.process.budgetPence) };
	} catch (cause) {
		errorPage(cause);
	}
};
