/**
 * The background jobs of counting: `budgeting.count` counts one process; `budgeting.sweep` looks
 * for processes whose voting closed on its date and queues their counts, then queues itself again.
 */
import { and, eq, isNotNull, isNull, lte, notExists, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../../db/client';
import { enqueueJob, type JobContext } from '../../platform/jobs';
import { budgetingProcesses, budgetingResults } from '../schema';
import { countProcess } from './count-process';
import { countJobQueue, queueCountIfDue, sweepJobQueue } from './queue-count';

export { countJobQueue, sweepJobQueue };

/** How often the sweep runs. */
const sweepEveryMs = 5 * 60_000;

const countPayload = z.object({ processId: z.string().min(1) });

/** Counts one process; progress is shown on the organiser's results page. */
export async function countJob(payload: Record<string, unknown>, ctx: JobContext) {
	const { processId } = countPayload.parse(payload);
	const report = await countProcess(ctx.db, processId, { progress: ctx.progress });
	return { ...report };
}

/**
 * Queues a count for every published process whose voting has closed and that has no official
 * result yet, then queues the next sweep. The next sweep's key names its time slot, so however
 * many sweeps are queued (one per start, one per run), at most one runs per slot.
 */
export async function sweepJob(_payload: Record<string, unknown>, ctx: JobContext) {
	const now = new Date();
	const due = await closedUncounted(ctx.db, now);
	for (const process of due) await queueCountIfDue(ctx.db, process, now);
	await queueSweep(ctx.db, new Date(now.getTime() + sweepEveryMs));
	return { queued: due.length };
}

/** Queues the sweep for the time slot that contains `at`. */
export async function queueSweep(db: Executor, at = new Date()): Promise<void> {
	const slot = Math.floor(at.getTime() / sweepEveryMs);
	await enqueueJob(
		db,
		sweepJobQueue,
		{},
		{
			singletonKey: `${sweepJobQueue}:${slot}`,
			runAt: new Date(slot * sweepEveryMs),
			maxAttempts: 1
		}
	);
}

/** Published, not imported processes whose voting closed and that have no official result. */
export async function closedUncounted(db: Database | Executor, now: Date) {
	return db
		.select({
			id: budgetingProcesses.id,
			votingClosesAt: budgetingProcesses.votingClosesAt,
			importedFrom: budgetingProcesses.importedFrom,
			status: budgetingProcesses.status
		})
		.from(budgetingProcesses)
		.where(
			and(
				eq(budgetingProcesses.status, 'published'),
				isNull(budgetingProcesses.importedFrom),
				isNotNull(budgetingProcesses.votingClosesAt),
				lte(budgetingProcesses.votingClosesAt, now),
				notExists(
					db
						.select({ one: sql`1` })
						.from(budgetingResults)
						.where(
							and(
								eq(budgetingResults.processId, budgetingProcesses.id),
								eq(budgetingResults.kind, 'official')
							)
						)
				)
			)
		);
}
