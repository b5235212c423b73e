import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { currentPhase } from '../../../core/budgeting/phases';
import { budgetingProcesses } from '../schema';
import { requireResultsProcess } from './queries';
import { queueCountIfDue } from './queue-count';

/**
 * An organiser closes voting now: `votingClosesAt` becomes now (later phase dates that would
 * come before it move with it), the change is audited, and the count is queued, all in one
 * transaction. Refused unless voting is open.
 */
export async function closeVoting(
	db: Database,
	actor: Actor,
	input: { processId: string; now?: Date }
): Promise<{ jobId: string }> {
	const now = input.now ?? new Date();
	return db.transaction(async (tx) => {
		const { process, placePath } = await requireResultsProcess(tx, input.processId);
		requireCan(actor, 'budgeting.count', { path: placePath });
		if (process.status !== 'published' || process.importedFrom)
			throw new DomainError('conflict', 'This process is not open for voting.');
		if (currentPhase(process, now) !== 'voting')
			throw new DomainError('phase_closed', 'Voting is not open, so it cannot be closed now.');
		// A results or delivery date before the new close would make the dates run backwards.
		const resultsAt =
			process.resultsAt && process.resultsAt.getTime() < now.getTime() ? now : process.resultsAt;
		const deliveryAt =
			process.deliveryAt && process.deliveryAt.getTime() < now.getTime() ? now : process.deliveryAt;
		const [updated] = await tx
			.update(budgetingProcesses)
			.set({ votingClosesAt: now, resultsAt, deliveryAt, updatedAt: now })
			.where(eq(budgetingProcesses.id, process.id))
			.returning();
		await recordAudit(tx, actor, {
			action: 'budgeting.close_voting',
			placeId: process.placeId,
			subjectType: 'budgeting_process',
			subjectId: process.id,
			details: {
				title: process.title,
				scheduledClose: process.votingClosesAt?.toISOString() ?? null,
				closedAt: now.toISOString()
			}
		});
		const jobId = await queueCountIfDue(tx, updated!, now);
		return { jobId: jobId! };
	});
}
