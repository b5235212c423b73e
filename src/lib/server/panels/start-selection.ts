import { and, eq, inArray } from 'drizzle-orm';
import { checkQuotas } from '../../core/panels/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import { enqueueJob } from '../platform/jobs';
import { actorId, type Actor } from '../platform/permissions';
import { requireManagedPanel } from './queries';
import { panelsPanels, panelsSelections, type SelectionPurpose } from './schema';

/** The queue selections run on. */
export const SELECT_QUEUE = 'panels.select';

/**
 * Queues a run of the selection engine as a background job. A `review` run shows the organiser
 * everyone's chance of selection before anything is public; its seed is only for the review. A
 * `draw` run is the public draw: the seed is the one announced (say, numbers drawn from a hat at
 * a public meeting), and its outcome is published the moment it is done. A panel is drawn once,
 * so a seed cannot be tried until the result pleases.
 */
export async function startSelection(
	db: Executor,
	actor: Actor,
	input: { panelId: string; purpose: SelectionPurpose; seed: string }
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
		if (pending.some((p) => p.purpose === 'draw'))
			throw new DomainError('conflict', 'The draw is already running.');
		if (input.purpose === 'review' && pending.length > 0)
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
			purpose: input.purpose,
			seed: input.seed,
			jobId,
			requestedBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: input.purpose === 'draw' ? 'panel.draw_start' : 'panel.review_start',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: { selectionId: id, seed: input.seed }
		});
		return { selectionId: id };
	});
}
