import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { checkReceipt, getBallotPage } from '$lib/server/budgeting';
import { formValues } from '$lib/server/platform';
import { t } from '$lib/i18n';
import { actorOf, invalid } from '../../../admin/form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const page = await getBallotPage(await getDatabase(), actorOf(locals), { processId: params.id });
	if (!page) error(404, 'There is no such budget.');
	return { process: { id: page.process.id, title: page.process.title } };
};

// A POST, so the receipt code is never in a URL.
export const actions: Actions = {
	default: async ({ params, request }) => {
		const values = formValues(await request.formData());
		const receipt = values.receipt ?? '';
		const result = await checkReceipt(await getDatabase(), { processId: params.id, receipt });
		if (result.status === 'malformed')
			return invalid(
				[{ field: 'receipt', message: t('budgeting.vote.receipt.malformed') }],
				values
			);
		if (result.status === 'not_found')
			return invalid([{ field: 'receipt', message: t('budgeting.vote.receipt.notFound') }], values);
		return {
			found: {
				counted: result.result
					? { ballotCount: result.result.ballotCount, countedAt: result.result.countedAt }
					: null
			},
			values
		};
	}
};
