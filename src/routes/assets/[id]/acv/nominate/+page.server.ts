import { redirect } from '@sveltejs/kit';
import {
	getAcvSummary,
	listApplicantOrganisations,
	nominateAsset,
	nominateAssetSchema
} from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { formValues, validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid } from '../../../../admin/form-helpers';
import { requireAcvAction } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const page = await requireAcvAction(locals, url, params.id, 'nominate');
	return {
		asset: page.asset,
		organisations: await listApplicantOrganisations(await getDatabase(), actorOf(locals))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const parsed = validate(nominateAssetSchema, { ...values, assetId: params.id });
		if (!parsed.ok) return invalid(parsed.errors, values);
		let due = '';
		try {
			const db = await getDatabase();
			await nominateAsset(db, actorOf(locals), parsed.data);
			const summary = await getAcvSummary(db, params.id);
			due = summary?.timeline.nextDeadline?.date ?? '';
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/assets/${params.id}/acv?saved=nominated&date=${due}`);
	}
};
