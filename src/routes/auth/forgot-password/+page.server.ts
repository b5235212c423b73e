import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import {
	requestPasswordReset,
	getAuth,
	isDomainError,
	clientInfoOf,
	formValues,
	validate
} from '$lib/server/platform';
import { rememberSentMail } from '../flash';
import { forgotPasswordSchema } from '../schema';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const shown = { email: values.email ?? '' };
		const parsed = validate(forgotPasswordSchema, values);
		if (!parsed.ok) return fail(400, { values: shown, errors: parsed.errors });
		try {
			await requestPasswordReset(await getAuth(), parsed.data, clientInfoOf(event));
		} catch (error) {
			if (!isDomainError(error)) throw error;
			if (error.code === 'rate_limited') {
				return fail(429, {
					values: shown,
					errors: [{ field: 'email', message: t('auth.rateLimited') }]
				});
			}
			// Any other refusal looks the same as success, so nobody learns who has an account.
		}
		rememberSentMail(event.cookies, { kind: 'reset', email: parsed.data.email });
		redirect(303, '/auth/check-email');
	}
};
