/**
 * The demo town's assets: every demo asset placed at a point inside its neighbourhood's boundary,
 * found deterministically from the neighbourhood's outline.
 */
import { inArray } from 'drizzle-orm';
import { bboxOf, pointInGeometry, type AreaGeometry } from '../../core/geo/index';
import type { Executor } from '../db/client';
import { newId } from '../platform/ids';
import type { DemoTown } from '../platform/module-manifest';
import { platformPlaces } from '../platform/schema';
import { demoAssets, type DemoAssetKey } from './demo-data';
import { assetsAssets, assetsPhotos } from './schema';

/** Asset ids by demo key, for the ACV, transfer and meanwhile-use demos. */
export type DemoAssetIds = ReadonlyMap<DemoAssetKey, string>;

/**
 * A point inside `boundary`, starting at the fraction `at` of its bounding box and searching
 * outwards on a fine grid until one is inside. Rounded to 6 decimal places (about 10 cm).
 */
export function pointInside(
	boundary: AreaGeometry,
	at: readonly [number, number]
): [number, number] {
	const [minX, minY, maxX, maxY] = bboxOf(boundary);
	const round = (n: number) => Math.round(n * 1e6) / 1e6;
	const steps = 40;
	for (let ring = 0; ring <= steps; ring++) {
		for (let dx = -ring; dx <= ring; dx++) {
			for (let dy = -ring; dy <= ring; dy++) {
				if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
				const fx = at[0] + dx / steps;
				const fy = at[1] + dy / steps;
				if (fx <= 0 || fx >= 1 || fy <= 0 || fy >= 1) continue;
				const point: [number, number] = [
					round(minX + fx * (maxX - minX)),
					round(minY + fy * (maxY - minY))
				];
				if (pointInGeometry(boundary, point)) return point;
			}
		}
	}
	throw new Error('No point inside the boundary was found.');
}

/** Adds the demo assets; returns their ids by key. */
export async function seedAssetsDemo(db: Executor, town: DemoTown): Promise<DemoAssetIds> {
	const placeIds = [...new Set(demoAssets.map((a) => town.placeIdBySlug.get(a.placeSlug)!))];
	const boundaries = new Map(
		(
			await db
				.select({ id: platformPlaces.id, boundary: platformPlaces.boundary })
				.from(platformPlaces)
				.where(inArray(platformPlaces.id, placeIds))
		).map((p) => [p.id, p.boundary as AreaGeometry | null])
	);
	const ids = new Map<DemoAssetKey, string>();
	const confirmer = town.userIdByEmail.get('organiser@ashbrook.example') ?? null;
	for (const asset of demoAssets) {
		const placeId = town.placeIdBySlug.get(asset.placeSlug);
		if (!placeId) throw new Error(`The demo town has no place ${asset.placeSlug}.`);
		const boundary = boundaries.get(placeId);
		const [longitude, latitude] = boundary ? pointInside(boundary, asset.at) : [null, null];
		const id = newId();
		ids.set(asset.key, id);
		const extra = asset as Partial<{
			description: string;
			openingInfo: string;
			bookingInfo: string;
			runBySlug: string;
			suggestedByEmail: string;
			photo: { url: string; alt: string };
		}>;
		await db.insert(assetsAssets).values({
			id,
			placeId,
			name: asset.name,
			kind: asset.kind,
			description: extra.description ?? null,
			address: asset.address,
			postcode: asset.postcode,
			longitude,
			latitude,
			ownerType: asset.ownerType,
			ownerName: asset.ownerName,
			runBy: extra.runBySlug ? (town.organisationIdBySlug.get(extra.runBySlug) ?? null) : null,
			condition: asset.condition,
			openingInfo: extra.openingInfo ?? null,
			bookingInfo: extra.bookingInfo ?? null,
			status: asset.status,
			suggestedBy: extra.suggestedByEmail
				? (town.userIdByEmail.get(extra.suggestedByEmail) ?? null)
				: null,
			confirmedBy: asset.status === 'suggested' ? null : confirmer,
			confirmedAt: asset.status === 'suggested' ? null : new Date()
		});
		if (extra.photo)
			await db
				.insert(assetsPhotos)
				.values({ id: newId(), assetId: id, url: extra.photo.url, altText: extra.photo.alt });
	}
	return ids;
}
