import { redirect } from '@sveltejs/kit';
import {
	formatAcvDate,
	listApplicantOrganisations,
	recordBidRequest,
	recordBidRequestSchema
} from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { formValues, validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid } from '../../../../admin/form-helpers';
import { dateFrom, requireAcvAction } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, parent }) => {
	const { locale } = await parent();
	const page = await requireAcvAction(locals, url, params.id, 'bidRequest');
	const interimEnd = page.summary?.timeline.deadlines.find(
		(d) => d.kind === 'interim_moratorium_ends'
	);
	return {
		asset: page.asset,
		isOfficer: page.may.record,
		interimEnd: interimEnd ? formatAcvDate(interimEnd.date, locale) : null,
		organisations: await listApplicantOrganisations(await getDatabase(), actorOf(locals))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const parsed = validate(recordBidRequestSchema, {
			...values,
			assetId: params.id,
			receivedDate: dateFrom(values, 'receivedDate')
		});
		if (!parsed.ok) return invalid(parsed.errors, values);
		let saved = 'bidRequest';
		try {
			const result = await recordBidRequest(await getDatabase(), actorOf(locals), parsed.data);
			if (!result.isInTime) saved = 'bidRequestLate';
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/assets/${params.id}/acv?saved=${saved}`);
	}
};
