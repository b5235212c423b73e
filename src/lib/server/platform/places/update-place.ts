import { and, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { requireCan, type Actor } from '../permissions';
import { platformPlaces } from '../schema';
import { getPlaceById, type Place } from './queries';
import type { UpdatePlaceInput } from './validation';

/**
 * Changes a place's name, ONS code or description. Needs `place.manage` on the place itself, so
 * an administrator of one ward cannot change a sibling ward or the council above. The slug stays,
 * so links to the place keep working.
 */
export async function updatePlace(
	db: Executor,
	actor: Actor,
	input: UpdatePlaceInput
): Promise<Place> {
	return db.transaction(async (tx) => {
		const place = await getPlaceById(tx, input.placeId);
		if (!place) throw new DomainError('not_found', 'That place does not exist.');
		requireCan(actor, 'place.manage', place);
		if (input.onsCode) {
			const [clash] = await tx
				.select({ name: platformPlaces.name })
				.from(platformPlaces)
				.where(and(eq(platformPlaces.onsCode, input.onsCode), ne(platformPlaces.id, place.id)));
			if (clash) {
				throw new DomainError('conflict', `${clash.name} already has the code ${input.onsCode}.`, [
					{ field: 'onsCode', message: `${clash.name} already has this code` }
				]);
			}
		}
		const changes: Record<string, { from: unknown; to: unknown }> = {};
		if (place.name !== input.name) changes.name = { from: place.name, to: input.name };
		if (place.onsCode !== input.onsCode)
			changes.onsCode = { from: place.onsCode, to: input.onsCode };
		if (place.description !== input.description)
			changes.description = { from: place.description, to: input.description };
		const [updated] = await tx
			.update(platformPlaces)
			.set({
				name: input.name,
				onsCode: input.onsCode,
				description: input.description,
				updatedAt: new Date()
			})
			.where(eq(platformPlaces.id, place.id))
			.returning();
		await recordAudit(tx, actor, {
			action: 'place.update',
			placeId: place.id,
			subjectType: 'place',
			subjectId: place.id,
			details: { changes }
		});
		return updated!;
	});
}
