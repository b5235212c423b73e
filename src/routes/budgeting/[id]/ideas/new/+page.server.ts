import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { listIdeaPlaces, readUpload, submitIdea, submitIdeaSchema } from '$lib/server/budgeting';
import { formValues, validate } from '$lib/server/platform';
import { failFromError, invalid, requireSignedIn } from '../../../../admin/form-helpers';
import { loadProcessOr404, processHeader } from '../../../process-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const process = await loadProcessOr404(db, actor, params.id);
	const places = await listIdeaPlaces(db, process.place);
	return {
		process: processHeader(process),
		isOpen: process.phase === 'ideas' && process.status === 'published',
		places: places.map((p) => ({ value: p.id, text: p.name }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		const form = await request.formData();
		const photo = await readUpload(form.get('photo'));
		// The typed answers go back to the form on an error; a chosen file cannot (browsers never
		// prefill a file input), so the page is told one was sent and asks for it again.
		const values = {
			...formValues(form),
			processId: params.id,
			...(photo ? { photoChosen: '1' } : {})
		};
		const parsed = validate(submitIdeaSchema, { ...values, photo });
		if (!parsed.ok) return invalid(parsed.errors, values);
		let id: string;
		try {
			({ id } = await submitIdea(await getDatabase(), actor, parsed.data));
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/budgeting/${params.id}/ideas/${id}?sent`);
	}
};
