import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import { actorId, requireCan, type Actor } from '../platform/permissions';
import { findPlace } from './places';
import { panelsPanels } from './schema';
import type { CreatePanelInput } from './validation';

/** An organiser or admin of a place sets up a citizens' panel for it, with no pool yet. */
export async function createPanel(
	db: Executor,
	actor: Actor,
	input: CreatePanelInput
): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const place = await findPlace(tx, input.placeId);
		if (!place)
			throw new DomainError('invalid', 'That place does not exist.', [
				{ field: 'placeId', message: 'Select a place that exists' }
			]);
		requireCan(actor, 'panel.manage', place);
		const id = newId();
		await tx.insert(panelsPanels).values({
			id,
			placeId: place.id,
			title: input.title,
			question: input.question,
			panelSize: input.panelSize,
			isOnePerHousehold: input.isOnePerHousehold,
			timeLimitSeconds: input.timeLimitSeconds,
			createdBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'panel.create',
			placeId: place.id,
			subjectType: 'panel',
			subjectId: id,
			details: { title: input.title, panelSize: input.panelSize }
		});
		return { id };
	});
}
