/**
 * Where a magic link lands. Opening the link only shows a button; the token is spent when the
 * person presses it. Mail scanners that open every link in a message would otherwise use up the
 * token before the person gets there.
 */
import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { t } from '$lib/i18n';
import {
	safeReturnTo,
	verifyMagicLink,
	getAuth,
	isDomainError,
	applySetCookies,
	clientInfoOf,
	formValues
} from '$lib/server/platform';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	return {
		token,
		returnTo: safeReturnTo(url.searchParams.get('returnTo')),
		place: url.searchParams.get('place') ?? '',
		isMissing: token.length === 0
	};
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const token = values.token ?? '';
		const returnTo = safeReturnTo(values.returnTo);
		if (!token) return fail(400, { isInvalid: true, message: null });
		try {
			const signedIn = await verifyMagicLink(
				await getAuth(),
				await getDatabase(),
				{ token, homePlaceId: values.place || null },
				clientInfoOf(event)
			);
			applySetCookies(event.cookies, signedIn.setCookies);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			if (error.code === 'rate_limited') {
				return fail(429, { isInvalid: false, message: t('auth.rateLimited') });
			}
			return fail(400, { isInvalid: true, message: null });
		}
		redirect(303, returnTo);
	}
};
