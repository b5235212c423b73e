import { error, redirect } from '@sveltejs/kit';
import {
	dateFromParts,
	decideMeanwhileRequest,
	decideMeanwhileRequestSchema,
	getAssetMeanwhile,
	offerMeanwhileUse,
	offerMeanwhileUseSchema
} from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { formValues, validate, type FieldError } from '$lib/server/platform';
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
	const meanwhile = await getAssetMeanwhile(await getDatabase(), actor, params.id).catch(errorPage);
	if (!meanwhile.canManage) error(403, 'You cannot manage meanwhile use of this asset.');
	return { ...meanwhile, saved: url.searchParams.has('saved') };
};

/**
 * Each request has its own decision form, so its fields carry the request's id
 * (`decision-<id>`, `reason-<id>`) for the error summary to link to the right one.
 */
function forRequest(errors: FieldError[], requestId: string): FieldError[] {
	return errors.map((e) => ({ ...e, field: `${e.field}-${requestId}` }));
}

export const actions: Actions = {
	offer: async ({ request, locals, params }) => {
		const values = formValues(await request.formData());
		const from = dateParts(values, 'availableFrom');
		const to = dateParts(values, 'availableTo');
		const parsed = validate(offerMeanwhileUseSchema, {
			assetId: params.id,
			availableFrom: dateFromParts(from.day, from.month, from.year),
			availableTo: dateFromParts(to.day, to.month, to.year),
			conditions: values.conditions
		});
		if (!parsed.ok) return invalid(parsed.errors, values, 'offer');
		try {
			await offerMeanwhileUse(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values, 'offer');
		}
		redirect(303, `/assets/${params.id}/meanwhile/manage?saved`);
	},
	decide: async ({ request, locals, params, url }) => {
		const values = formValues(await request.formData());
		const requestId = values.requestId ?? '';
		const parsed = validate(decideMeanwhileRequestSchema, values);
		if (!parsed.ok) return invalid(forRequest(parsed.errors, requestId), values, requestId);
		try {
			await decideMeanwhileRequest(await getDatabase(), actorOf(locals), parsed.data, {
				origin: url.origin
			});
		} catch (cause) {
			const failure = failFromError(cause, values, requestId);
			failure.data.errors = forRequest(failure.data.errors, requestId);
			return failure;
		}
		redirect(303, `/assets/${params.id}/meanwhile/manage?saved`);
	}
};
