import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { pointInGeometry, type AreaGeometry } from '../../../core/geo/index';
import { currentPhase } from '../../../core/budgeting/phases';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { isWithin, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { budgetingIdeaPhotos, budgetingIdeas } from '../schema';
import { requireProcess } from '../processes/queries';
import type { SubmitIdeaInput } from './validation';

/**
 * A signed-in person puts forward an idea while the process is open for ideas. It waits for a
 * moderator before it is public. The neighbourhood must be in the process's area, and so must a
 * map point when the area has a boundary. A photo is stored with the idea, in the database.
 */
export async function submitIdea(
	db: Executor,
	actor: Actor,
	input: SubmitIdeaInput,
	now: Date = new Date()
): Promise<{ id: string }> {
	if (actor.kind !== 'person')
		throw new DomainError('unauthenticated', 'Sign in to put forward an idea.');
	return db.transaction(async (tx) => {
		const { process, place } = await requireProcess(tx, input.processId);
		if (process.status !== 'published')
			throw new DomainError('not_found', 'That process does not exist.');
		if (currentPhase(process, now) !== 'ideas')
			throw new DomainError('phase_closed', 'This process is not taking ideas at the moment.');
		if (input.placeId) {
			const [chosen] = await tx
				.select({ path: platformPlaces.path })
				.from(platformPlaces)
				.where(eq(platformPlaces.id, input.placeId));
			if (!chosen || !isWithin(chosen, place.path))
				throw new DomainError('invalid', 'That neighbourhood is not in this area.', [
					{ field: 'placeId', message: 'Choose a neighbourhood from the list' }
				]);
		}
		if (input.latitude !== null && input.longitude !== null) {
			const [area] = await tx
				.select({ boundary: platformPlaces.boundary })
				.from(platformPlaces)
				.where(and(eq(platformPlaces.id, place.id)));
			const boundary = area?.boundary as AreaGeometry | null | undefined;
			if (boundary && !pointInGeometry(boundary, [input.longitude, input.latitude]))
				throw new DomainError('invalid', 'That point is outside the area.', [
					{ field: 'latitude', message: `The point is outside ${place.name}` }
				]);
		}
		const id = newId();
		await tx.insert(budgetingIdeas).values({
			id,
			processId: process.id,
			title: input.title,
			description: input.description,
			placeId: input.placeId,
			latitude: input.latitude,
			longitude: input.longitude,
			roughCostPence: input.roughCostPence,
			authorId: actor.userId,
			status: 'submitted'
		});
		if (input.photo && input.photoAlt)
			await tx.insert(budgetingIdeaPhotos).values({
				id: newId(),
				ideaId: id,
				contentType: input.photo.contentType,
				bytes: input.photo.bytes,
				byteSize: input.photo.bytes.byteLength,
				alt: input.photoAlt
			});
		await recordAudit(tx, actor, {
			action: 'budgeting.idea.submit',
			placeId: place.id,
			subjectType: 'budgeting_idea',
			subjectId: id,
			details: { processId: process.id, title: input.title, hasPhoto: Boolean(input.photo) }
		});
		return { id };
	});
}
