import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { budgetingProcesses } from '../schema';
import type { CreateProcessInput } from './validation';

/** The place a process goes on, with its path; an `invalid` error on the place field otherwise. */
export async function requireProcessPlace(db: Executor, placeId: string) {
	const [place] = await db
		.select({ id: platformPlaces.id, path: platformPlaces.path, name: platformPlaces.name })
		.from(platformPlaces)
		.where(eq(platformPlaces.id, placeId));
	if (!place)
		throw new DomainError('invalid', 'That place does not exist.', [
			{ field: 'placeId', message: 'Select a place that exists' }
		]);
	return place;
}

/**
 * An organiser (or admin) of a place sets up a participatory budgeting process on it. It starts
 * as a draft that only the people who run processes there can see, until it is published.
 */
export async function createProcess(
	db: Executor,
	actor: Actor,
	input: CreateProcessInput
): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const place = await requireProcessPlace(tx, input.placeId);
		requireCan(actor, 'budgeting.manage', place);
		const id = newId();
		await tx.insert(budgetingProcesses).values({
			id,
			...input,
			status: 'draft',
			createdBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'budgeting.process.create',
			placeId: place.id,
			subjectType: 'budgeting_process',
			subjectId: id,
			details: {
				title: input.title,
				budgetPence: input.budgetPence,
				ballotType: input.ballotType,
				countingRule: input.countingRule
			}
		});
		return { id };
	});
}
