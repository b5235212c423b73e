import { and, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingCodeBatches, budgetingVotingCodes } from '../schema';
import { hashCode, newVotingCode, normaliseCode } from './codes';
import { requireVotingProcess } from './queries';

/** Rows per insert statement when storing code hashes. */
const chunk = 1000;

/**
 * Makes a batch's codes, stores only their hashes, and returns the codes, formatted, for the
 * letters page: the one time anyone sees them. A batch is issued once; asking again is refused
 * (the row lock makes two printers at once get one set of codes, not two).
 */
export async function issueBatchCodes(
	db: Executor,
	actor: Actor,
	input: { processId: string; batchId: string }
): Promise<{ codes: string[] }> {
	return db.transaction(async (tx) => {
		const process = await requireVotingProcess(tx, input.processId);
		requireCan(actor, 'budgeting.manage', process.place);
		const [batch] = await tx
			.select()
			.from(budgetingCodeBatches)
			.where(
				and(
					eq(budgetingCodeBatches.id, input.batchId),
					eq(budgetingCodeBatches.processId, process.id)
				)
			)
			.for('update');
		if (!batch) throw new DomainError('not_found', 'There is no such batch of codes.');
		const [issued] = await tx
			.select({ n: count() })
			.from(budgetingVotingCodes)
			.where(eq(budgetingVotingCodes.batchId, batch.id));
		if ((issued?.n ?? 0) > 0)
			throw new DomainError(
				'conflict',
				'The codes for this batch have already been printed and cannot be shown again.'
			);
		const codes: string[] = [];
		for (let i = 0; i < batch.size; i++) codes.push(newVotingCode());
		for (let i = 0; i < codes.length; i += chunk) {
			await tx.insert(budgetingVotingCodes).values(
				codes.slice(i, i + chunk).map((code) => ({
					id: newId(),
					processId: process.id,
					batchId: batch.id,
					codeHash: hashCode(normaliseCode(code)!)
				}))
			);
		}
		// The audit says that codes were issued and how many, never the codes.
		await recordAudit(tx, actor, {
			action: 'budgeting.codes.issue',
			placeId: process.placeId,
			subjectType: 'budgeting_code_batch',
			subjectId: batch.id,
			details: { processId: process.id, size: batch.size }
		});
		return { codes };
	});
}
