/**
 * The asset a transfer or meanwhile action is about, with the path of its place, which is what
 * permission checks need.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { can, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { publicStatuses } from '../queries';
import { assetsAssets } from '../schema';

/** An asset as transfer and meanwhile use cases see it. */
export type AssetWithPlace = {
	id: string;
	name: string;
	kind: string;
	status: string;
	placeId: string;
	placeName: string;
	path: string;
};

/** The asset and its place's path, or `not_found`. */
export async function requireAssetWithPlace(
	db: Executor,
	assetId: string,
	options: { lock?: boolean } = {}
): Promise<AssetWithPlace> {
	const query = db
		.select({
			id: assetsAssets.id,
			name: assetsAssets.name,
			kind: assetsAssets.kind,
			status: assetsAssets.status,
			placeId: assetsAssets.placeId,
			placeName: platformPlaces.name,
			path: platformPlaces.path
		})
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(eq(assetsAssets.id, assetId));
	// Locking the asset's row serialises decisions about one asset (two officers approving
	// overlapping meanwhile bookings at once), on PostgreSQL where requests run in parallel.
	const [asset] = options.lock ? await query.for('update', { of: assetsAssets }) : await query;
	if (!asset) throw new DomainError('not_found', 'That asset does not exist.');
	return asset;
}

/**
 * The asset for a page anyone may read: suggested and rejected assets are not public, so they
 * are `not_found` except to people who keep the register there (as on the register's pages).
 */
export async function requireVisibleAsset(
	db: Executor,
	actor: Actor,
	assetId: string
): Promise<AssetWithPlace> {
	const asset = await requireAssetWithPlace(db, assetId);
	const isPublic = (publicStatuses as readonly string[]).includes(asset.status);
	if (!isPublic && !can(actor, 'asset.manage', asset)) {
		throw new DomainError('not_found', 'That asset does not exist.');
	}
	return asset;
}
