import { error, redirect } from '@sveltejs/kit';
import {
	getAssetTransfer,
	listApplicantOrganisations,
	startTransferCase,
	startTransferCaseSchema
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
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const transfer = await getAssetTransfer(db, actor, params.id).catch(errorPage);
	if (!transfer.canStart) error(403, 'You cannot ask to take on this asset.');
	return {
		asset: transfer.asset,
		organisations: await listApplicantOrganisations(db, actor)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url }) => {
		const values = formValues(await request.formData());
		const parsed = validate(startTransferCaseSchema, { ...values, assetId: params.id });
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await startTransferCase(await getDatabase(), actorOf(locals), parsed.data, {
				origin: url.origin
			});
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/assets/${params.id}/transfer?sent`);
	}
};
