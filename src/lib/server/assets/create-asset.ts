import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { newId } from '../platform/ids';
import { actorId, requireCan, type Actor } from '../platform/permissions';
import { requireOrganisation, requirePlace } from './places';
import { assetsAssets, assetsPhotos } from './schema';
import type { CreateAssetInput } from './validation';

/**
 * An organiser, officer or admin of the place adds an asset to the register directly (confirmed
 * unless they choose otherwise). A photo is a URL with its alt text for now; uploads come later.
 */
export async function createAsset(
	db: Executor,
	actor: Actor,
	input: CreateAssetInput
): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const place = await requirePlace(tx, input.placeId);
		requireCan(actor, 'asset.manage', place);
		await requireOrganisation(tx, input.runBy);
		const id = newId();
		const { photoUrl, photoAlt, ...fields } = input;
		const confirmed = fields.status === 'confirmed';
		await tx.insert(assetsAssets).values({
			id,
			...fields,
			confirmedBy: confirmed ? actorId(actor) : null,
			confirmedAt: confirmed ? new Date() : null
		});
		if (photoUrl && photoAlt)
			await tx.insert(assetsPhotos).values({
				id: newId(),
				assetId: id,
				url: photoUrl,
				altText: photoAlt,
				addedBy: actorId(actor)
			});
		await recordAudit(tx, actor, {
			action: 'asset.create',
			placeId: place.id,
			subjectType: 'asset',
			subjectId: id,
			details: { name: input.name, kind: input.kind, status: input.status }
		});
		return { id };
	});
}
