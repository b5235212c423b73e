import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { httpStatusOf, isDomainError, getOutboxMessage, linksIn } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (locals.actor.kind === 'anonymous') {
		redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname)}`);
	}
	try {
		const message = await getOutboxMessage(await getDatabase(), locals.actor, params.id);
		return {
			message: {
				id: message.id,
				to: message.to,
				subject: message.subject,
				text: message.text,
				status: message.status,
				error: message.error,
				createdAt: message.createdAt.toISOString()
			},
			links: linksIn(message.text)
		};
	} catch (cause) {
		if (isDomainError(cause)) error(httpStatusOf(cause.code), cause.message);
		throw cause;
	}
};
