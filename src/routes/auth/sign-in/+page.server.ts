import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { t } from '$lib/i18n';
import {
	requestMagicLink,
	safeReturnTo,
	signInWithPassword,
	getAuth,
	isDomainError,
	applySetCookies,
	clientInfoOf,
	formValues,
	validate
} from '$lib/server/platform';
import { rememberSentMail } from '../flash';
import { magicLinkSchema, signInSchema } from '../schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
	if (locals.user) redirect(303, returnTo);
	// After a password reset the form says the new password is ready to use.
	return { returnTo, isAfterReset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	password: async (event) => {
		const values = formValues(await event.request.formData());
		const returnTo = safeReturnTo(values.returnTo);
		const shown = { email: values.email ?? '', returnTo };
		const parsed = validate(signInSchema, values);
		if (!parsed.ok) return fail(400, { form: 'password', values: shown, errors: parsed.errors });
		try {
			const signedIn = await signInWithPassword(
				await getAuth(),
				await getDatabase(),
				parsed.data,
				clientInfoOf(event)
			);
			applySetCookies(event.cookies, signedIn.setCookies);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			const message =
				error.code === 'rate_limited' ? t('auth.rateLimited') : t('auth.signIn.wrongPassword');
			return fail(error.code === 'rate_limited' ? 429 : 400, {
				form: 'password',
				values: shown,
				errors: [{ field: 'email', message }]
			});
		}
		redirect(303, returnTo);
	},

	link: async (event) => {
		const values = formValues(await event.request.formData());
		const returnTo = safeReturnTo(values.returnTo);
		const shown = { email: values.email ?? '', returnTo };
		const parsed = validate(magicLinkSchema, values);
		if (!parsed.ok) {
			const errors = parsed.errors.map((e) => ({ ...e, field: 'link-email' }));
			return fail(400, { form: 'link', values: shown, errors });
		}
		try {
			await requestMagicLink(
				await getAuth(),
				await getDatabase(),
				{ email: parsed.data.email, returnTo },
				clientInfoOf(event)
			);
		} catch (error) {
			if (!isDomainError(error) || error.code !== 'rate_limited') throw error;
			return fail(429, {
				form: 'link',
				values: shown,
				errors: [{ field: 'link-email', message: t('auth.rateLimited') }]
			});
		}
		rememberSentMail(event.cookies, { kind: 'link', email: parsed.data.email });
		redirect(303, '/auth/check-email');
	}
};
