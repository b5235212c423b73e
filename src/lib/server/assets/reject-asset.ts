import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { requireCan, type Actor } from '../platform/permissions';
import { requireAsset } from './confirm-asset';
import { assetsAssets } from './schema';
import type { RejectAssetInput } from './validation';

/**
 * An organiser of the place turns down a suggestion (a duplicate, say, or not a community space),
 * with a reason the person who suggested it can read.
 */
export async function rejectAsset(
	db: Executor,
	actor: Actor,
	input: RejectAssetInput
): Promise<void> {
	await db.transaction(async (tx) => {
		const { asset, placePath } = await requireAsset(tx, input.assetId);
		requireCan(actor, 'asset.manage', { path: placePath });
		if (asset.status !== 'suggested')
			throw new DomainError('conflict', 'Only suggestions can be turned down.');
		await tx
			.update(assetsAssets)
			.set({ status: 'rejected', rejectionReason: input.reason, updatedAt: new Date() })
			.where(eq(assetsAssets.id, asset.id));
		await recordAudit(tx, actor, {
			action: 'asset.reject',
			placeId: asset.placeId,
			subjectType: 'asset',
			subjectId: asset.id,
			details: { name: asset.name, reason: input.reason }
		});
	});
}
