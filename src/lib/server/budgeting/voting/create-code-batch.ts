import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { isWithin, requireCan, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { eq } from 'drizzle-orm';
import { budgetingCodeBatches } from '../schema';
import { requireVotingProcess } from './queries';
import type { CreateCodeBatchInput } from './validation';

/**
 * An organiser plans a batch of voting codes: a label, how many, and optionally the
 * neighbourhood whose households get the letters. The codes themselves are made when the
 * letters are printed ({@link issueBatchCodes}), so they are shown once, on the letters page.
 */
export async function createCodeBatch(
	db: Executor,
	actor: Actor,
	input: CreateCodeBatchInput
): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const process = await requireVotingProcess(tx, input.processId);
		requireCan(actor, 'budgeting.manage', process.place);
		if (!process.allowCodes)
			throw new DomainError('invalid', 'This budget does not use voting codes.', [
				{ field: 'size', message: 'Turn on voting codes in the budget’s settings first.' }
			]);
		if (input.placeId) {
			const [place] = await tx
				.select({ path: platformPlaces.path })
				.from(platformPlaces)
				.where(eq(platformPlaces.id, input.placeId));
			if (!place || !isWithin(place, process.place.path))
				throw new DomainError('invalid', 'Choose a neighbourhood in this budget’s area.', [
					{ field: 'placeId', message: 'Choose a neighbourhood in this budget’s area.' }
				]);
		}
		const id = newId();
		await tx.insert(budgetingCodeBatches).values({
			id,
			processId: process.id,
			label: input.label,
			placeId: input.placeId,
			size: input.size,
			createdBy: actor.kind === 'person' ? actor.userId : null
		});
		await recordAudit(tx, actor, {
			action: 'budgeting.codes.create_batch',
			placeId: process.placeId,
			subjectType: 'budgeting_code_batch',
			subjectId: id,
			details: { processId: process.id, label: input.label, size: input.size }
		});
		return { id };
	});
}
