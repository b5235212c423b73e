import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingProcesses } from '../schema';
import { requireProcess } from './queries';

/**
 * An organiser publishes a draft process: it becomes public, and its phases run on their dates.
 * There is no way back to draft: people may already have put forward ideas.
 */
export async function publishProcess(
	db: Executor,
	actor: Actor,
	input: { processId: string }
): Promise<void> {
	await db.transaction(async (tx) => {
		const { process, place } = await requireProcess(tx, input.processId);
		requireCan(actor, 'budgeting.manage', place);
		if (process.status === 'published')
			throw new DomainError('conflict', 'This process is already published.');
		await tx
			.update(budgetingProcesses)
			.set({ status: 'published', updatedAt: new Date() })
			.where(eq(budgetingProcesses.id, process.id));
		await recordAudit(tx, actor, {
			action: 'budgeting.process.publish',
			placeId: place.id,
			subjectType: 'budgeting_process',
			subjectId: process.id,
			details: { title: process.title }
		});
	});
}
