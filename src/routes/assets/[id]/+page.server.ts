import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getAcvSummary, getAsset, getTransferSummary } from '$lib/server/assets';
import { getPlaceById, listAncestors } from '$lib/server/platform';
import { svgOutlines, type AreaGeometry } from '$lib/core/geo';
import { actorOf } from '../../admin/form-helpers';
import type { PageServerLoad } from './$types';

/** A tiny square around a point, drawn with a thick round stroke as the marker. */
function marker(lon: number, lat: number): AreaGeometry {
	const d = 1e-6;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lon - d, lat - d],
				[lon + d, lat - d],
				[lon + d, lat + d],
				[lon - d, lat + d],
				[lon - d, lat - d]
			]
		]
	};
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const db = await getDatabase();
	const actor = actorOf(locals);
	const asset = await getAsset(db, actor, params.id);
	if (!asset) error(404, 'Page not found');
	const [place, acv, transfer] = await Promise.all([
		getPlaceById(db, asset.placeId),
		getAcvSummary(db, asset.id),
		getTransferSummary(db, asset.id)
	]);
	const ancestors = place ? await listAncestors(db, place) : [];
	const hasPoint = asset.longitude !== null && asset.latitude !== null;
	const area = place?.boundary as AreaGeometry | null | undefined;
	const drawing =
		hasPoint && area ? svgOutlines([area, marker(asset.longitude!, asset.latitude!)], 300) : null;
	return {
		asset: {
			id: asset.id,
			name: asset.name,
			kind: asset.kind,
			description: asset.description,
			address: asset.address,
			postcode: asset.postcode,
			latitude: asset.latitude,
			longitude: asset.longitude,
			ownerType: asset.ownerType,
			ownerName: asset.ownerName,
			condition: asset.condition,
			openingInfo: asset.openingInfo,
			bookingInfo: asset.bookingInfo,
			status: asset.status,
			rejectionReason: asset.rejectionReason,
			runBy: asset.runByOrganisation
				? { name: asset.runByOrganisation.name, slug: asset.runByOrganisation.slug }
				: null,
			photos: asset.photos.map((p) => ({
				id: p.id,
				url: p.url,
				alt: p.altText,
				caption: p.caption
			}))
		},
		place: { name: asset.place.name, slug: asset.place.slug },
		ancestors: ancestors.map((a) => ({ name: a.name, slug: a.slug })),
		drawing: drawing
			? { viewBox: drawing.viewBox, area: drawing.paths[0]!, marker: drawing.paths[1]! }
			: null,
		canManage: asset.canManage,
		// The panels of the other parts of the module: community value, transfer, meanwhile use.
		acv: acv ? { state: acv.timeline.state, until: acv.timeline.stateUntil } : null,
		transfer: transfer
			? {
					stage: transfer.stage,
					organisationName: transfer.organisationName,
					href: transfer.href
				}
			: null,
		isPublic: asset.status === 'confirmed' || asset.status === 'closed'
	};
};
