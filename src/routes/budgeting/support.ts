/** The "support this idea" button's form action, shared by the ideas list and the idea page. */
import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { toggleSupport } from '$lib/server/budgeting';
import { formValues } from '$lib/server/platform';
import { errorPage, requireSignedIn } from '../admin/form-helpers';

/** Toggles the signed-in person's support, then goes back to the same place on the page. */
export async function supportAction({
	request,
	locals,
	url
}: {
	request: Request;
	locals: App.Locals;
	url: URL;
}) {
	const actor = requireSignedIn(locals, url);
	const values = formValues(await request.formData());
	const ideaId = values.ideaId ?? '';
	try {
		await toggleSupport(await getDatabase(), actor, { ideaId });
	} catch (cause) {
		errorPage(cause);
	}
	const back = new URL(url);
	back.search = '';
	const page = url.searchParams.get('page');
	if (page) back.searchParams.set('page', page);
	redirect(303, `${back.pathname}${back.search}#idea-${ideaId}`);
}
