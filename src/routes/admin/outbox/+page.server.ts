import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { httpStatusOf, isDomainError, listOutbox } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor.kind === 'anonymous') {
		redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	const to = (url.searchParams.get('to') ?? '').trim();
	const page = Number(url.searchParams.get('page') ?? 1) || 1;
	try {
		const result = await listOutbox(await getDatabase(), locals.actor, {
			to: to || undefined,
			page
		});
		return {
			to,
			canSeeTokens: locals.actor.kind === 'person' && locals.actor.isPlatformAdmin,
			messages: result.messages.map((m) => ({
				id: m.id,
				to: m.to,
				subject: m.subject,
				status: m.status,
				transport: m.transport,
				createdAt: m.createdAt.toISOString()
			})),
			total: result.total,
			page: result.page,
			totalPages: Math.max(1, Math.ceil(result.total / result.pageSize))
		};
	} catch (cause) {
		if (isDomainError(cause)) error(httpStatusOf(cause.code), cause.message);
		throw cause;
	}
};
