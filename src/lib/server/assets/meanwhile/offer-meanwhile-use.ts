import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { requireAssetWithPlace } from '../transfer/asset-place';
import { assetsMeanwhileOffers } from './schema';
import type { OfferMeanwhileUseInput } from './validation';

/**
 * An officer offers a vacant asset for short-term community use between two dates, on
 * conditions. Offers of one asset may not overlap. Needs `meanwhile.manage` on its place.
 */
export async function offerMeanwhileUse(
	db: Executor,
	actor: Actor,
	input: OfferMeanwhileUseInput
): Promise<{ offerId: string }> {
	return db.transaction(async (tx) => {
		const asset = await requireAssetWithPlace(tx, input.assetId, { lock: true });
		requireCan(actor, 'meanwhile.manage', asset);
		const [overlapping] = await tx
			.select({ id: assetsMeanwhileOffers.id })
			.from(assetsMeanwhileOffers)
			.where(
				and(
					eq(assetsMeanwhileOffers.assetId, asset.id),
					isNull(assetsMeanwhileOffers.withdrawnAt),
					lte(assetsMeanwhileOffers.availableFrom, input.availableTo),
					gte(assetsMeanwhileOffers.availableTo, input.availableFrom)
				)
			);
		if (overlapping) {
			throw new DomainError('conflict', 'This asset is already offered for some of those dates.', [
				{ field: 'availableFrom', message: 'The asset is already offered for some of those dates' }
			]);
		}
		const offerId = newId();
		await tx.insert(assetsMeanwhileOffers).values({
			id: offerId,
			assetId: asset.id,
			availableFrom: input.availableFrom,
			availableTo: input.availableTo,
			conditions: input.conditions,
			offeredBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'meanwhile.offer',
			placeId: asset.placeId,
			subjectType: 'meanwhile_offer',
			subjectId: offerId,
			details: {
				assetId: asset.id,
				asset: asset.name,
				from: input.availableFrom,
				to: input.availableTo
			}
		});
		return { offerId };
	});
}
