import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getAsset, updateAsset, updateAssetSchema } from '$lib/server/assets';
import { validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid, requireSignedIn } from '../../form-helpers';
import { assetValues, formChoices } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const asset = await getAsset(db, actor, params.id);
	if (!asset) error(404, 'Page not found');
	if (!asset.canManage) error(403, 'You cannot change this community space.');
	const choices = await formChoices(db, actor);
	const text = (v: string | number | null) => (v === null ? '' : String(v));
	return {
		...choices,
		asset: {
			id: asset.id,
			name: asset.name,
			values: {
				name: asset.name,
				kind: asset.kind,
				placeId: asset.placeId,
				status: asset.status,
				description: text(asset.description),
				address: text(asset.address),
				postcode: text(asset.postcode),
				latitude: text(asset.latitude),
				longitude: text(asset.longitude),
				ownerType: text(asset.ownerType),
				ownerName: text(asset.ownerName),
				runBy: text(asset.runBy),
				condition: asset.condition,
				openingInfo: text(asset.openingInfo),
				bookingInfo: text(asset.bookingInfo)
			}
		},
		saved: url.searchParams.has('saved'),
		created: url.searchParams.has('created')
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const values = { ...assetValues(await request.formData()), assetId: params.id };
		const parsed = validate(updateAssetSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			await updateAsset(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/admin/assets/${params.id}?saved`);
	}
};
