import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { createAsset, createAssetSchema } from '$lib/server/assets';
import { validate } from '$lib/server/platform';
import { failFromError, invalid, requireSignedIn } from '../../form-helpers';
import { assetValues, formChoices } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const choices = await formChoices(await getDatabase(), actor);
	if (choices.places.length === 0) error(403, 'You cannot add community spaces in any place.');
	return choices;
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireSignedIn(locals, url);
		const values = assetValues(await request.formData());
		const parsed = validate(createAssetSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		let id: string;
		try {
			({ id } = await createAsset(await getDatabase(), actor, parsed.data));
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/admin/assets/${id}?created`);
	}
};
