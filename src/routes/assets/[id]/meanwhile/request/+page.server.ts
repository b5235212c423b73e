import { redirect } from '@sveltejs/kit';
import {
	dateFromParts,
	getAssetMeanwhile,
	listApplicantOrganisations,
	requestMeanwhileUse,
	requestMeanwhileUseSchema
} from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { formValues, validate } from '$lib/server/platform';
import {
	actorOf,
	errorPage,
	failFromError,
	invalid,
	requireSignedIn
} from '../../../../admin/form-helpers';
import { dateParts } from '../dates';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const meanwhile = await getAssetMeanwhile(db, actor, params.id).catch(errorPage);
	return {
		asset: meanwhile.asset,
		offers: meanwhile.offers.map((o) => ({
			id: o.id,
			availableFrom: o.availableFrom,
			availableTo: o.availableTo
		})),
		organisations: await listApplicantOrganisations(db, actor)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const values = formValues(await request.formData());
		const from = dateParts(values, 'startsOn');
		const to = dateParts(values, 'endsOn');
		const parsed = validate(requestMeanwhileUseSchema, {
			offerId: values.offerId,
			organisationId: values.organisationId,
			purpose: values.purpose,
			startsOn: dateFromParts(from.day, from.month, from.year),
			endsOn: dateFromParts(to.day, to.month, to.year)
		});
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await requestMeanwhileUse(await getDatabase(), actorOf(locals), parsed.data, {
				origin: url.origin
			});
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/assets/${params.id}/meanwhile?sent`);
	}
};
