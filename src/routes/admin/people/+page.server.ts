import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	formValues,
	invitePerson,
	invitePersonSchema,
	listPeople,
	listPlacesForAction,
	revokeRole,
	revokeRoleSchema,
	validate
} from '$lib/server/platform';
import {
	actorOf,
	errorPage,
	failFromError,
	invalid,
	pageParam,
	requireSignedIn
} from '../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const places = await listPlacesForAction(db, actor, 'role.grant');
	if (places.length === 0) error(403, 'You cannot give roles on any place.');
	const placeId = url.searchParams.get('place') || undefined;
	try {
		const list = await listPeople(db, actor, { placeId, page: pageParam(url) });
		return {
			placeId: placeId ?? '',
			places: places.map((p) => ({
				id: p.id,
				name: p.name,
				level: p.level,
				depth: p.path.split('/').length
			})),
			people: list.people.items,
			page: list.people.page,
			totalPages: list.people.totalPages,
			invitations: list.invitations.map((i) => ({
				...i,
				expiresAt: i.expiresAt.toISOString(),
				createdAt: i.createdAt.toISOString()
			}))
		};
	} catch (cause) {
		errorPage(cause);
	}
};

export const actions: Actions = {
	invite: async ({ request, locals, url }) => {
		const values = formValues(await request.formData());
		const parsed = validate(invitePersonSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values, 'invite');
		try {
			const result = await invitePerson(await getDatabase(), actorOf(locals), parsed.data, {
				origin: url.origin
			});
			return {
				invited: {
					email: parsed.data.email,
					role: parsed.data.role,
					placeId: parsed.data.placeId,
					kind: result.kind,
					isNew: result.kind === 'invited' || result.isNew
				}
			};
		} catch (cause) {
			return failFromError(cause, values, 'invite');
		}
	},
	revoke: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = validate(revokeRoleSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values, 'revoke');
		try {
			await revokeRole(await getDatabase(), actorOf(locals), parsed.data);
			return { revoked: true };
		} catch (cause) {
			return failFromError(cause, values, 'revoke');
		}
	}
};
