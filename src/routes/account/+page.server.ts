import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { t } from '$lib/i18n';
import {
	getAccount,
	listNeighbourhoods,
	updateAccount,
	isDomainError,
	formValues,
	validate
} from '$lib/server/platform';
import { accountSchema } from '../auth/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor.kind !== 'person') {
		redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname)}`);
	}
	const db = await getDatabase();
	const [account, neighbourhoods] = await Promise.all([
		getAccount(db, locals.actor),
		listNeighbourhoods(db)
	]);
	const isOutboxReader =
		locals.actor.isPlatformAdmin ||
		locals.actor.grants.some((g) => g.role === 'organiser' || g.role === 'admin');
	return { account, neighbourhoods, isSaved: url.searchParams.has('saved'), isOutboxReader };
};

export const actions: Actions = {
	default: async ({ locals, request, url }) => {
		if (locals.actor.kind !== 'person') {
			redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname)}`);
		}
		const values = formValues(await request.formData());
		const shown = { name: values.name ?? '', homePlaceId: values.homePlaceId ?? '' };
		const parsed = validate(accountSchema, values);
		if (!parsed.ok) return fail(400, { values: shown, errors: parsed.errors });
		try {
			await updateAccount(await getDatabase(), locals.actor, parsed.data);
		} catch (error) {
			if (!isDomainError(error) || error.code !== 'invalid') throw error;
			return fail(400, {
				values: shown,
				errors: [{ field: 'homePlaceId', message: t('auth.homeInvalid') }]
			});
		}
		redirect(303, '/account?saved=1');
	}
};
