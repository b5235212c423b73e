import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { budgetingProcesses, budgetingResults } from '../schema';
import { countOptionsFor } from '../pabulib/to-election';
import { countElection } from './outcome';
import { loadProcessElection } from './process-election';
import { officialResult, requireResultsProcess } from './queries';
import { shuffleBallotBox } from '../voting/shuffle-ballot-box';

/** Who counts and shakes the box: the system, not a person. */
const countingActor = { kind: 'system', label: 'Counting' } as const;

/** What {@link countProcess} did. */
export type CountReport = {
	resultId: string;
	ballotCount: number;
	ballotsHash: string;
	/** False when the process had already been counted: the frozen result is left as it was. */
	isNew: boolean;
};

/**
 * Counts a process whose voting has closed with its rule and tie-break, and stores the official
 * result, frozen with the SHA-256 of its ballots and their number. Run by the `budgeting.count`
 * job; counting twice is harmless (the first result stays, enforced by a unique index).
 */
export async function countProcess(
	db: Database,
	processId: string,
	options: { now?: Date; progress?: (p: Record<string, unknown>) => Promise<void> } = {}
): Promise<CountReport> {
	const now = options.now ?? new Date();
	const progress = options.progress ?? (async () => {});
	const existing = await officialResult(db, processId);
	if (existing)
		return {
			resultId: existing.id,
			ballotCount: existing.ballotCount,
			ballotsHash: existing.ballotsHash,
			isNew: false
		};
	await progress({ stage: 'loading' });
	const { process } = await requireResultsProcess(db, processId);
	if (!process.votingClosesAt || process.votingClosesAt.getTime() > now.getTime())
		throw new DomainError('phase_closed', 'Voting has not closed yet, so it cannot be counted.');
	// A barrier: take the process row FOR UPDATE, which waits for every ballot that has passed its
	// check under the row's KEY SHARE lock (voting/ballot-box.ts) to commit or fail; every ballot
	// after it sees voting closed. So nothing enters the box from here on, and no voter who got a
	// receipt is left out of the count.
	await db.transaction(async (tx) => {
		await tx
			.select({ id: budgetingProcesses.id })
			.from(budgetingProcesses)
			.where(eq(budgetingProcesses.id, processId))
			.for('update');
	});
	// Shake the ballot box before counting, so the rows no longer line up with the roll of who
	// voted (voting/shuffle-ballot-box.ts says why; docs/ballot-secrecy.md, the threat). Then count
	// what is in the box after the shake: the same ballots, so the same hash.
	await shuffleBallotBox(db, countingActor, { processId });
	const { canonical } = await loadProcessElection(db, processId);
	const ballotCount = canonical.lines.length;
	await progress({ stage: 'counting', ballots: ballotCount });
	const options_ = countOptionsFor(process.countingRule, process.tieBreak);
	const { outcome } = countElection(canonical.election, options_, canonical.projectIdByNumber);
	await progress({ stage: 'saving', ballots: ballotCount });

	return db.transaction(async (tx) => {
		const id = newId();
		const inserted = await tx
			.insert(budgetingResults)
			.values({
				id,
				processId,
				kind: 'official',
				rule: outcome.rule,
				outcome,
				ballotsHash: canonical.ballotsHash,
				ballotCount,
				countedBy: 'budgeting.count',
				countedAt: now
			})
			.onConflictDoNothing()
			.returning({ id: budgetingResults.id });
		if (!inserted[0]) {
			const [row] = await tx
				.select()
				.from(budgetingResults)
				.where(
					and(eq(budgetingResults.processId, processId), eq(budgetingResults.kind, 'official'))
				);
			return {
				resultId: row!.id,
				ballotCount: row!.ballotCount,
				ballotsHash: row!.ballotsHash,
				isNew: false
			};
		}
		await recordAudit(tx, countingActor, {
			action: 'budgeting.count',
			placeId: process.placeId,
			subjectType: 'budgeting_process',
			subjectId: processId,
			details: {
				rule: outcome.rule,
				ballots: ballotCount,
				ballotsHash: canonical.ballotsHash,
				winners: outcome.selected
			}
		});
		return { resultId: id, ballotCount, ballotsHash: canonical.ballotsHash, isNew: true };
	});
}
