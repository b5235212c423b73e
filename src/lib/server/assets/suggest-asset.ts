import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Actor } from '../platform/permissions';
import { requirePlace } from './places';
import { assetsAssets } from './schema';
import type { SuggestAssetInput } from './validation';

/**
 * A signed-in person suggests a space for the register. Anyone signed in may, with or without a
 * role (`asset.suggest` is every role, and people without one may suggest too): the suggestion is
 * not public until an organiser of the place confirms it.
 */
export async function suggestAsset(
	db: Executor,
	actor: Actor,
	input: SuggestAssetInput
): Promise<{ id: string }> {
	if (actor.kind === 'anonymous')
		throw new DomainError('unauthenticated', 'Sign in to suggest a space.');
	return db.transaction(async (tx) => {
		const place = await requirePlace(tx, input.placeId);
		const id = newId();
		await tx.insert(assetsAssets).values({
			id,
			placeId: place.id,
			name: input.name,
			kind: input.kind,
			description: input.description,
			address: input.address,
			postcode: input.postcode,
			latitude: input.latitude,
			longitude: input.longitude,
			status: 'suggested',
			suggestedBy: actor.kind === 'person' ? actor.userId : null
		});
		await recordAudit(tx, actor, {
			action: 'asset.suggest',
			placeId: place.id,
			subjectType: 'asset',
			subjectId: id,
			details: { name: input.name, kind: input.kind }
		});
		return { id };
	});
}
