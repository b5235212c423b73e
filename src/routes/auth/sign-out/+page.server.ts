import { redirect } from '@sveltejs/kit';
import { signOut, getAuth, applySetCookies, clientInfoOf } from '$lib/server/platform';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const setCookies = await signOut(await getAuth(), clientInfoOf(event));
		applySetCookies(event.cookies, setCookies);
		event.locals.user = null;
		event.locals.actor = { kind: 'anonymous' };
		redirect(303, '/');
	}
};
