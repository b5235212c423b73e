import { redirect } from '@sveltejs/kit';
import { decideNomination, decideNominationSchema, formatAcvDate } from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { formValues, validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid } from '../../../../admin/form-helpers';
import { dateFrom, requireAcvAction } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, parent }) => {
	const { locale } = await parent();
	const page = await requireAcvAction(locals, url, params.id, 'decide');
	const n = page.summary?.nomination;
	const pending = n && n.decision === null ? n : null;
	const due = page.summary?.timeline.deadlines.find((d) => d.kind === 'decision_due')?.date;
	return {
		asset: page.asset,
		pending: pending
			? {
					received: formatAcvDate(pending.receivedDate, locale),
					group: pending.organisationName,
					reasons: pending.reasons,
					due: due ? formatAcvDate(due, locale) : ''
				}
			: null
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const values = formValues(await request.formData());
		const page = await requireAcvAction(locals, url, params.id, 'decide');
		const nominationId = page.summary?.nomination.id ?? '';
		const parsed = validate(decideNominationSchema, {
			...values,
			nominationId,
			decisionDate: dateFrom(values, 'decisionDate')
		});
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await decideNomination(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/assets/${params.id}/acv?saved=decided`);
	}
};
