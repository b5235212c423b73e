import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { actorId, requireCan, type Actor } from '../platform/permissions';
import { loadAssetWithPlace } from './queries';
import { assetsAssets } from './schema';

/** Loads an asset for a change, or throws `not_found`. */
export async function requireAsset(db: Executor, assetId: string) {
	const row = await loadAssetWithPlace(db, assetId);
	if (!row) throw new DomainError('not_found', 'That asset does not exist.');
	return row;
}

/**
 * An organiser (or officer, or admin) of the place confirms a suggested asset: it joins the
 * public register. A rejected suggestion can be confirmed later if it was turned down by mistake.
 */
export async function confirmAsset(
	db: Executor,
	actor: Actor,
	input: { assetId: string }
): Promise<void> {
	await db.transaction(async (tx) => {
		const { asset, placePath } = await requireAsset(tx, input.assetId);
		requireCan(actor, 'asset.manage', { path: placePath });
		if (asset.status !== 'suggested' && asset.status !== 'rejected')
			throw new DomainError('conflict', 'This asset is already on the register.');
		const now = new Date();
		await tx
			.update(assetsAssets)
			.set({
				status: 'confirmed',
				confirmedBy: actorId(actor),
				confirmedAt: now,
				rejectionReason: null,
				updatedAt: now
			})
			.where(eq(assetsAssets.id, asset.id));
		await recordAudit(tx, actor, {
			action: 'asset.confirm',
			placeId: asset.placeId,
			subjectType: 'asset',
			subjectId: asset.id,
			details: { name: asset.name, from: asset.status }
		});
	});
}
