import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { createProcess, createProcessSchema, withPhaseDates } from '$lib/server/budgeting';
import { formValues, validate } from '$lib/server/platform';
import { failFromError, invalid, requireSignedIn } from '../../form-helpers';
import { placeChoices } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const places = await placeChoices(await getDatabase(), actor);
	if (places.length === 0) error(403, 'You cannot set up participatory budgeting in any place.');
	return { places };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireSignedIn(locals, url);
		const values = withPhaseDates(formValues(await request.formData()));
		const parsed = validate(createProcessSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		let id: string;
		try {
			({ id } = await createProcess(await getDatabase(), actor, parsed.data));
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/admin/budgeting/${id}?created`);
	}
};
