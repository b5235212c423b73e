import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { enqueueJob } from '../platform/jobs';
import type { Actor } from '../platform/permissions';
import { afterRetention, ANONYMISE_QUEUE } from './anonymise-panel';
import { requireManagedPanel } from './queries';
import { panelsPanels } from './schema';
import type { RetentionInput } from './validation';

/**
 * The organiser says until when the pool's personal data is kept. A job is queued for the end
 * of that day; when it runs it wipes the data unless the date has since moved later (a new date
 * queues its own job, one per panel and date).
 */
export async function setRetention(
	db: Executor,
	actor: Actor,
	input: RetentionInput & { panelId: string },
	now = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		if (panel.anonymisedAt)
			throw new DomainError('conflict', 'The pool has already been anonymised.');
		const today = now.toISOString().slice(0, 10);
		if (input.retentionDate < today)
			throw new DomainError('invalid', 'The date must be today or later.', [
				{ field: 'retentionDate', message: 'The date must be today or later' }
			]);
		await tx
			.update(panelsPanels)
			.set({ retentionDate: input.retentionDate, updatedAt: now })
			.where(eq(panelsPanels.id, panel.id));
		await enqueueJob(
			tx,
			ANONYMISE_QUEUE,
			{ panelId: panel.id },
			{
				runAt: afterRetention(input.retentionDate),
				singletonKey: `${ANONYMISE_QUEUE}:${panel.id}:${input.retentionDate}`
			}
		);
		await recordAudit(tx, actor, {
			action: 'panel.retention_set',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: { retentionDate: input.retentionDate }
		});
	});
}
