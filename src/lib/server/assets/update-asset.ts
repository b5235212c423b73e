import { count, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { newId } from '../platform/ids';
import { actorId, requireCan, type Actor } from '../platform/permissions';
import { requireAsset } from './confirm-asset';
import { requireOrganisation, requirePlace } from './places';
import { assetsAssets, assetsPhotos } from './schema';
import type { UpdateAssetInput } from './validation';

/**
 * An organiser changes an asset's details. Moving it to another place needs `asset.manage` on both
 * places. A photo URL with alt text adds a photo. The audit entry lists the fields that changed.
 */
export async function updateAsset(
	db: Executor,
	actor: Actor,
	input: UpdateAssetInput
): Promise<void> {
	await db.transaction(async (tx) => {
		const { asset, placePath } = await requireAsset(tx, input.assetId);
		requireCan(actor, 'asset.manage', { path: placePath });
		const place = await requirePlace(tx, input.placeId);
		requireCan(actor, 'asset.manage', place);
		await requireOrganisation(tx, input.runBy);
		const { assetId: _assetId, photoUrl, photoAlt, ...fields } = input;
		const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
			(key) => fields[key] !== asset[key]
		);
		const becomesConfirmed = fields.status === 'confirmed' && asset.status !== 'confirmed';
		await tx
			.update(assetsAssets)
			.set({
				...fields,
				...(becomesConfirmed ? { confirmedBy: actorId(actor), confirmedAt: new Date() } : {}),
				updatedAt: new Date()
			})
			.where(eq(assetsAssets.id, asset.id));
		if (photoUrl && photoAlt) {
			const [photos] = await tx
				.select({ n: count() })
				.from(assetsPhotos)
				.where(eq(assetsPhotos.assetId, asset.id));
			await tx.insert(assetsPhotos).values({
				id: newId(),
				assetId: asset.id,
				url: photoUrl,
				altText: photoAlt,
				position: photos?.n ?? 0,
				addedBy: actorId(actor)
			});
			changed.push('photos' as never);
		}
		await recordAudit(tx, actor, {
			action: 'asset.update',
			placeId: place.id,
			subjectType: 'asset',
			subjectId: asset.id,
			details: { name: input.name, changed }
		});
	});
}
