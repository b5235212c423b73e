import { and, eq, inArray } from 'drizzle-orm';
import { checkQuotas } from '../../core/panels/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import { enqueueJob } from '../platform/jobs';
import { actorId, type Actor } from '../platform/permissions';
import { requireManagedPanel } from './queries';
import { panelsPanels, panelsSelections } from './schema';

/** The queue selections run on. */
export const SELECT_QUEUE = 'panels.select';

/**
 * Queues a review run of the selection engine as a background job: it shows the organiser
 * everyone's chance of selection and builds the lottery that `publishLottery` can then publish.
 * No seed is involved: the lottery depends only on the pool, quotas and panel rules, and the
 * seed comes in only at the public draw (`drawPanel`), after the lottery is frozen.
 */
export async function startSelection(
	db: Executor,
	actor: Actor,
	input: { panelId: string }
): Promise<{ selectionId: string }> {
	return db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		// Lock the panel row so two clicks never queue two draws.
		await tx
			.select({ id: panelsPanels.id })
			.from(panelsPanels)
			.where(eq(panelsPanels.id, panel.id))
			.for('update');
		if (panel.status === 'drawn')
			throw new DomainError('conflict', 'The panel has already been drawn.');
		if (panel.status === 'published')
			throw new DomainError('conflict', 'The lottery has been published and can no longer change.');
		if (panel.poolSize < panel.panelSize || !panel.poolCounts)
			throw new DomainError(
				'invalid',
				'Import a pool of at least as many volunteers as the panel size first.'
			);
		if (checkQuotas(panel.quotas, panel.poolCounts, panel.panelSize).length > 0)
			throw new DomainError('invalid', 'The quotas need correcting before a selection can run.');
		const pending = await tx
			.select({ id: panelsSelections.id, purpose: panelsSelections.purpose })
			.from(panelsSelections)
			.where(
				and(
					eq(panelsSelections.panelId, panel.id),
					inArray(panelsSelections.status, ['queued', 'running'])
				)
			);
		if (pending.length > 0)
			throw new DomainError('conflict', 'A selection is already running; wait for it to finish.');
		const id = newId();
		const jobId = await enqueueJob(
			tx,
			SELECT_QUEUE,
			{ selectionId: id },
			{ singletonKey: `${SELECT_QUEUE}:${id}`, maxAttempts: 2 }
		);
		await tx.insert(panelsSelections).values({
			id,
			panelId: panel.id,
			purpose: 'review',
			jobId,
			requestedBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'panel.review_start',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: { selectionId: id }
		});
		return { selectionId: id };
	});
}
