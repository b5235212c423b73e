import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingBallots } from '../schema';
import { requireVotingProcess } from './queries';

/**
 * Shakes the ballot box once voting has closed: every ballot of the process is taken out and
 * put back in one transaction, in the order of a fresh random key from node:crypto, so the order
 * owes nothing to when ballots were cast.
 *
 * Why: PostgreSQL keeps, for every row, the id of the transaction that wrote it (`xmin`) and its
 * place in the table file (`ctid`). A ballot and its voter's participation are written in one
 * transaction, in the same order, so anyone who can run SQL against the database could line the
 * two up during voting. After this, every ballot carries the same `xmin` and sits in random
 * order. The old row versions stay in the table file until VACUUM reclaims them, and in the WAL
 * and backups (docs/ballot-secrecy.md says what that means and what to do).
 */
export async function shuffleBallotBox(
	db: Executor,
	actor: Actor,
	input: { processId: string }
): Promise<{ ballots: number }> {
	return db.transaction(async (tx) => {
		const process = await requireVotingProcess(tx, input.processId);
		requireCan(actor, 'budgeting.count', process.place);
		const rows = await tx
			.delete(budgetingBallots)
			.where(eq(budgetingBallots.processId, process.id))
			.returning();
		// A random key per ballot, then sort: a uniform shuffle (ties in 64 bits are negligible).
		const key = new Map(rows.map((r) => [r.id, randomBytes(8).readBigUInt64BE()]));
		rows.sort((a, b) => (key.get(a.id)! < key.get(b.id)! ? -1 : 1));
		for (let i = 0; i < rows.length; i += 1000)
			await tx.insert(budgetingBallots).values(rows.slice(i, i + 1000));
		await recordAudit(tx, actor, {
			action: 'budgeting.ballots.shuffle',
			placeId: process.placeId,
			subjectType: 'budgeting_process',
			subjectId: process.id,
			details: { ballots: rows.length }
		});
		return { ballots: rows.length };
	});
}
