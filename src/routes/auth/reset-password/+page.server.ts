import { fail, redirect } from '@sveltejs/kit';
import { t } from '$lib/i18n';
import {
	resetPassword,
	getAuth,
	isDomainError,
	clientInfoOf,
	formValues,
	validate
} from '$lib/server/platform';
import { resetPasswordSchema } from '../schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	return { token, isMissing: token.length === 0 };
};

export const actions: Actions = {
	default: async (event) => {
		const values = formValues(await event.request.formData());
		const parsed = validate(resetPasswordSchema, values);
		if (!parsed.ok) {
			if (!values.token) return fail(400, { isInvalid: true, errors: [] });
			return fail(400, { isInvalid: false, errors: parsed.errors });
		}
		try {
			await resetPassword(
				await getAuth(),
				{ token: parsed.data.token, newPassword: parsed.data.password },
				clientInfoOf(event)
			);
		} catch (error) {
			if (!isDomainError(error)) throw error;
			if (error.code === 'rate_limited') {
				return fail(429, {
					isInvalid: false,
					errors: [{ field: 'password', message: t('auth.rateLimited') }]
				});
			}
			if (error.fieldErrors.some((e) => e.field === 'password')) {
				return fail(400, {
					isInvalid: false,
					errors: [{ field: 'password', message: t('auth.passwordTooShort') }]
				});
			}
			return fail(400, { isInvalid: true, errors: [] });
		}
		redirect(303, '/auth/sign-in?reset=1');
	}
};
