import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { t } from '$lib/i18n';
import {
	listNeighbourhoods,
	requestMagicLink,
	safeReturnTo,
	signUpWithPassword,
	getAuth,
	isDomainError,
	type DomainError,
	type FieldError,
	applySetCookies,
	clientInfoOf,
	formValues,
	validate
} from '$lib/server/platform';
import { rememberSentMail } from '../flash';
import { signUpByLinkSchema, signUpSchema } from '../schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const returnTo = safeReturnTo(url.searchParams.get('returnTo'));
	if (locals.user) redirect(303, returnTo);
	return { returnTo, neighbourhoods: await listNeighbourhoods(await getDatabase()) };
};

function shownValues(values: Record<string, string>) {
	return {
		name: values.name ?? '',
		email: values.email ?? '',
		homePlaceId: values.homePlaceId ?? '',
		returnTo: safeReturnTo(values.returnTo)
	};
}

/** Page messages for a refusal from the accounts module. */
function errorsOf(error: DomainError): FieldError[] {
	if (error.code === 'rate_limited') return [{ field: 'email', message: t('auth.rateLimited') }];
	if (error.code === 'conflict') return [{ field: 'email', message: t('auth.signUp.emailTaken') }];
	if (error.fieldErrors.some((e) => e.field === 'homePlaceId')) {
		return [{ field: 'homePlaceId', message: t('auth.homeInvalid') }];
	}
	if (error.fieldErrors.some((e) => e.field === 'password')) {
		return [{ field: 'password', message: t('auth.passwordTooShort') }];
	}
	throw error;
}

export const actions: Actions = {
	password: async (event) => {
		const values = formValues(await event.request.formData());
		const shown = shownValues(values);
		const parsed = validate(signUpSchema, values);
		if (!parsed.ok) return fail(400, { values: shown, errors: parsed.errors });
		try {
			const signedIn = await signUpWithPassword(
				await getAuth(),
				await getDatabase(),
				parsed.data,
				clientInfoOf(event)
			);
			applySetCookies(event.cookies, signedIn.setCookies);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			const errors = errorsOf(error);
			return fail(error.code === 'rate_limited' ? 429 : 400, { values: shown, errors });
		}
		redirect(303, shown.returnTo === '/' ? '/account' : shown.returnTo);
	},

	link: async (event) => {
		const values = formValues(await event.request.formData());
		const shown = shownValues(values);
		const parsed = validate(signUpByLinkSchema, values);
		if (!parsed.ok) return fail(400, { values: shown, errors: parsed.errors });
		try {
			await requestMagicLink(
				await getAuth(),
				await getDatabase(),
				{
					email: parsed.data.email,
					name: parsed.data.name,
					homePlaceId: parsed.data.homePlaceId,
					returnTo: shown.returnTo === '/' ? '/account' : shown.returnTo
				},
				clientInfoOf(event)
			);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			const errors = errorsOf(error);
			return fail(error.code === 'rate_limited' ? 429 : 400, { values: shown, errors });
		}
		rememberSentMail(event.cookies, { kind: 'link', email: parsed.data.email });
		redirect(303, '/auth/check-email');
	}
};
