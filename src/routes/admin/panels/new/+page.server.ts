import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { createPanel, createPanelSchema } from '$lib/server/panels';
import { formValues, listPlacesForAction, validate } from '$lib/server/platform';
import { failFromError, invalid, requireSignedIn } from '../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const places = await listPlacesForAction(await getDatabase(), actor, 'panel.manage');
	if (places.length === 0) error(403, 'You cannot run citizens’ panels in any place.');
	return {
		places: places.map((p) => ({
			value: p.id,
			text: `${'— '.repeat(p.path.split('/').length - 1)}${p.name}`
		}))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		const parsed = validate(createPanelSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		let id: string;
		try {
			({ id } = await createPanel(await getDatabase(), actor, parsed.data));
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/admin/panels/${id}`);
	}
};
