import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { requireCan, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { budgetingCodeBatches, budgetingParticipations, budgetingVotingCodes } from '../schema';
import { requireVotingProcess, type VotingProcess } from './queries';

/** A batch of codes as the organiser sees it: how many were made, used and cancelled. */
export type CodeBatchSummary = {
	id: string;
	label: string;
	placeName: string | null;
	size: number;
	createdAt: Date;
	issued: number;
	used: number;
	cancelled: number;
};

/**
 * The process's code batches, oldest first, with how many codes were issued, used and cancelled.
 * "Used" comes from the roll of participations, which says which codes voted and never how.
 */
export async function listCodeBatches(
	db: Executor,
	actor: Actor,
	processId: string
): Promise<{ process: VotingProcess; batches: CodeBatchSummary[] }> {
	const process = await requireVotingProcess(db, processId);
	requireCan(actor, 'budgeting.manage', process.place);
	const batches = await db
		.select({
			id: budgetingCodeBatches.id,
			label: budgetingCodeBatches.label,
			placeName: platformPlaces.name,
			size: budgetingCodeBatches.size,
			createdAt: budgetingCodeBatches.createdAt
		})
		.from(budgetingCodeBatches)
		.leftJoin(platformPlaces, eq(platformPlaces.id, budgetingCodeBatches.placeId))
		.where(eq(budgetingCodeBatches.processId, process.id))
		.orderBy(asc(budgetingCodeBatches.createdAt), asc(budgetingCodeBatches.id));
	const codeCounts = await db
		.select({
			batchId: budgetingVotingCodes.batchId,
			issued: count(),
			cancelled: sql<number>`count(*) filter (where ${budgetingVotingCodes.isCancelled})`.mapWith(
				Number
			)
		})
		.from(budgetingVotingCodes)
		.where(eq(budgetingVotingCodes.processId, process.id))
		.groupBy(budgetingVotingCodes.batchId);
	const usedCounts = await db
		.select({ batchId: budgetingVotingCodes.batchId, used: count() })
		.from(budgetingParticipations)
		.innerJoin(
			budgetingVotingCodes,
			eq(budgetingVotingCodes.id, budgetingParticipations.votingCodeId)
		)
		.where(and(eq(budgetingParticipations.processId, process.id)))
		.groupBy(budgetingVotingCodes.batchId);
	const codesBy = new Map(codeCounts.map((c) => [c.batchId, c]));
	const usedBy = new Map(usedCounts.map((u) => [u.batchId, u.used]));
	return {
		process,
		batches: batches.map((b) => ({
			...b,
			issued: codesBy.get(b.id)?.issued ?? 0,
			cancelled: codesBy.get(b.id)?.cancelled ?? 0,
			used: usedBy.get(b.id) ?? 0
		}))
	};
}

/** One batch, for its letters page. */
export async function getCodeBatch(
	db: Executor,
	actor: Actor,
	input: { processId: string; batchId: string }
): Promise<{ process: VotingProcess; batch: CodeBatchSummary } | null> {
	const { process, batches } = await listCodeBatches(db, actor, input.processId);
	const batch = batches.find((b) => b.id === input.batchId);
	return batch ? { process, batch } : null;
}
