import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { budgetingBallots, budgetingResults } from '../schema';
import { hashCode, normaliseCode, receiptCodeLength } from './codes';
import { requireVotingProcess } from './queries';

/** What a receipt check tells the voter. */
export type ReceiptCheck =
	| { status: 'malformed' }
	| { status: 'not_found' }
	| {
			status: 'in_box';
			/** The frozen official result, when the process has been counted. */
			result: { ballotCount: number; ballotsHash: string; countedAt: Date } | null;
	  };

/**
 * Checks a receipt code: is a ballot with this receipt in this process's ballot box, and has
 * the box been counted? Anyone may ask (the receipt is the secret), and the answer never shows
 * the ballot's content, so a receipt cannot be used to prove to someone else how one voted.
 */
export async function checkReceipt(
	db: Executor,
	input: { processId: string; receipt: string }
): Promise<ReceiptCheck> {
	const process = await requireVotingProcess(db, input.processId);
	const normalised = normaliseCode(input.receipt, receiptCodeLength);
	if (!normalised) return { status: 'malformed' };
	const [ballot] = await db
		.select({ id: budgetingBallots.id })
		.from(budgetingBallots)
		.where(
			and(
				eq(budgetingBallots.processId, process.id),
				eq(budgetingBallots.receiptHash, hashCode(normalised))
			)
		);
	if (!ballot) return { status: 'not_found' };
	const [result] = await db
		.select({
			ballotCount: budgetingResults.ballotCount,
			ballotsHash: budgetingResults.ballotsHash,
			countedAt: budgetingResults.countedAt
		})
		.from(budgetingResults)
		.where(and(eq(budgetingResults.processId, process.id), eq(budgetingResults.kind, 'official')))
		.orderBy(desc(budgetingResults.countedAt))
		.limit(1);
	return { status: 'in_box', result: result ?? null };
}
