import { error, fail } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { importProcessPb } from '$lib/server/budgeting';
import { listPlacesForAction } from '$lib/server/platform';
import { failFromError, requireSignedIn } from '../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

/** The request body limit (512 KB by default) bounds uploads; larger files use the command line. */
const maxFileBytes = 400 * 1024;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const places = await listPlacesForAction(await getDatabase(), actor, 'budgeting.manage');
	if (places.length === 0) error(403, 'You cannot import budgeting processes in any place.');
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
		const data = await request.formData();
		const file = data.get('file');
		const placeId = typeof data.get('placeId') === 'string' ? String(data.get('placeId')) : '';
		const values = { placeId };
		const errors: { field: string; message: string }[] = [];
		if (!placeId) errors.push({ field: 'placeId', message: 'Select the area the process was for' });
		if (!(file instanceof File) || file.size === 0)
			errors.push({ field: 'file', message: 'Select a .pb file' });
		else if (file.size > maxFileBytes)
			errors.push({ field: 'file', message: 'The file must be smaller than 400 KB' });
		if (errors.length) return fail(400, { errors, values });
		const upload = file as File;
		try {
			const report = await importProcessPb(await getDatabase(), actor, {
				text: await upload.text(),
				fileName: upload.name || 'upload.pb',
				placeId
			});
			return { report };
		} catch (cause) {
			return failFromError(cause, values);
		}
	}
};
