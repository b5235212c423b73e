import { redirect } from '@sveltejs/kit';
import { recordDisposalNotice, recordDisposalNoticeSchema } from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { formValues, validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid } from '../../../../admin/form-helpers';
import { dateFrom, requireAcvAction } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const page = await requireAcvAction(locals, url, params.id, 'record');
	return { asset: page.asset };
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const parsed = validate(recordDisposalNoticeSchema, {
			...values,
			assetId: params.id,
			receivedDate: dateFrom(values, 'receivedDate')
		});
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await recordDisposalNotice(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/assets/${params.id}/acv?saved=notice`);
	}
};
