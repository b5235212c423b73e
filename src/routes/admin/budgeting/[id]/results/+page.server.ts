import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	closeVoting,
	countingRules,
	formatPence,
	getCountStatus,
	previewRules,
	retryFailedCount,
	type CountingRule
} from '$lib/server/budgeting';
import { errorPage, failFromError, requireSignedIn } from '../../../form-helpers';
import { formatDate, resultsView } from '../../../../budgeting/[id]/results/view';
import type { Actions, PageServerLoad } from './$types';

/** The rules asked for in `?rule=…` (the comparison form is a GET form, so it works without JS). */
function rulesFrom(url: URL): CountingRule[] {
	return url.searchParams
		.getAll('rule')
		.filter((r): r is CountingRule => (countingRules as readonly string[]).includes(r));
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	try {
		const status = await getCountStatus(db, actor, { processId: params.id });
		const isClosed = status.state !== 'open';
		const asked = url.searchParams.has('compare');
		const rules = rulesFrom(url);
		const comparison =
			isClosed && asked && rules.length > 0
				? await previewRules(db, actor, { processId: params.id, rules })
				: null;
		return {
			...resultsView(status),
			closesAt: formatDate(status.process.votingClosesAt),
			job: status.job && {
				status: status.job.status,
				stage: String(status.job.progress?.['stage'] ?? ''),
				ballots: Number(status.job.progress?.['ballots'] ?? 0),
				lastError: status.job.lastError
			},
			compare: {
				asked,
				rules: asked ? rules : [...countingRules],
				isMissing: asked && rules.length === 0
			},
			comparison: comparison && {
				rules: comparison.rules,
				rows: comparison.rows.map((r) => ({
					label: `${r.number}. ${r.title}`,
					cost: formatPence(r.costPence),
					funded: r.funded
				})),
				totals: comparison.totals.map((x) => ({
					rule: x.rule,
					funded: x.funded,
					spent: formatPence(x.totalCostPence)
				}))
			}
		};
	} catch (cause) {
		errorPage(cause);
	}
};

export const actions: Actions = {
	close: async ({ params, locals, url }) => {
		const actor = requireSignedIn(locals, url);
		try {
			await closeVoting(await getDatabase(), actor, { processId: params.id });
		} catch (cause) {
			return failFromError(cause, {});
		}
		redirect(303, `/admin/budgeting/${params.id}/results?closed=1`);
	},
	retry: async ({ params, locals, url }) => {
		const actor = requireSignedIn(locals, url);
		try {
			await retryFailedCount(await getDatabase(), actor, { processId: params.id });
		} catch (cause) {
			return failFromError(cause, {});
		}
		redirect(303, `/admin/budgeting/${params.id}/results`);
	}
};
