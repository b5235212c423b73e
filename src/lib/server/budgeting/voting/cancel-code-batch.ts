import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingCodeBatches, budgetingVotingCodes } from '../schema';
import { requireVotingProcess } from './queries';

/**
 * Cancels every unused code of a batch (letters lost, misprinted or sent to the wrong street):
 * they can no longer vote. Ballots already cast with them stay in the box.
 */
export async function cancelCodeBatch(
	db: Executor,
	actor: Actor,
	input: { processId: string; batchId: string }
): Promise<{ cancelled: number }> {
	return db.transaction(async (tx) => {
		const process = await requireVotingProcess(tx, input.processId);
		requireCan(actor, 'budgeting.manage', process.place);
		const [batch] = await tx
			.select({ id: budgetingCodeBatches.id })
			.from(budgetingCodeBatches)
			.where(
				and(
					eq(budgetingCodeBatches.id, input.batchId),
					eq(budgetingCodeBatches.processId, process.id)
				)
			);
		if (!batch) throw new DomainError('not_found', 'There is no such batch of codes.');
		const rows = await tx
			.update(budgetingVotingCodes)
			.set({ isCancelled: true })
			.where(
				and(eq(budgetingVotingCodes.batchId, batch.id), eq(budgetingVotingCodes.isCancelled, false))
			)
			.returning({ id: budgetingVotingCodes.id });
		await recordAudit(tx, actor, {
			action: 'budgeting.codes.cancel_batch',
			placeId: process.placeId,
			subjectType: 'budgeting_code_batch',
			subjectId: batch.id,
			details: { processId: process.id, cancelled: rows.length }
		});
		return { cancelled: rows.length };
	});
}
