import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { confirmAsset, listAssets, rejectAsset, rejectAssetSchema } from '$lib/server/assets';
import { formValues, listManagedPlaces, validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid, pageParam, requireSignedIn } from '../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const managed = await listManagedPlaces(db, actor, 'asset.manage');
	if (managed.length === 0) error(403, 'You cannot look after community spaces in any place.');
	// Suggestions in the places the person looks after (not their own elsewhere), then the register.
	const [suggestionPages, registers] = await Promise.all([
		Promise.all(
			managed.map((m) =>
				listAssets(db, actor, { placePath: m.path, statuses: ['suggested'], pageSize: 50 })
			)
		),
		Promise.all(
			managed.map((m) =>
				listAssets(db, actor, {
					placePath: m.path,
					statuses: ['confirmed', 'closed'],
					page: pageParam(url),
					pageSize: 50
				})
			)
		)
	]);
	const suggestions = { items: suggestionPages.flatMap((p) => p.items) };
	return {
		suggestions: suggestions.items.map((a) => ({
			id: a.id,
			name: a.name,
			kind: a.kind,
			placeName: a.placeName,
			address: a.address
		})),
		registers: managed.map((m, i) => ({
			placeName: m.name,
			total: registers[i]!.total,
			totalPages: registers[i]!.totalPages,
			page: registers[i]!.page,
			assets: registers[i]!.items.map((a) => ({
				id: a.id,
				name: a.name,
				kind: a.kind,
				status: a.status,
				placeName: a.placeName
			}))
		}))
	};
};

export const actions: Actions = {
	confirm: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await confirmAsset(await getDatabase(), actorOf(locals), { assetId: values.assetId ?? '' });
			return { confirmed: { name: values.name ?? '' } };
		} catch (cause) {
			return failFromError(cause, values, values.assetId);
		}
	},
	reject: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = validate(rejectAssetSchema, values);
		if (!parsed.ok)
			return invalid(
				parsed.errors.map((e) => ({ ...e, field: `reason-${values.assetId}` })),
				values,
				values.assetId
			);
		try {
			await rejectAsset(await getDatabase(), actorOf(locals), parsed.data);
			return { rejected: { name: values.name ?? '' } };
		} catch (cause) {
			return failFromError(cause, values, values.assetId);
		}
	}
};
