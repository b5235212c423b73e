import { and, desc, eq, like, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { enqueueJob } from '../../platform/jobs';
import { platformJobs } from '../../platform/schema';
import type { ProcessRow } from './queries';

/** Queue names. */
export const countJobQueue = 'budgeting.count';
export const sweepJobQueue = 'budgeting.sweep';

/** The singleton key of a process's count: one count job per process, ever (unless retried). */
export function countJobKey(processId: string): string {
	return `budgeting.count:${processId}`;
}

/** True when voting has closed on a process that is run here (not imported). */
export function isVotingClosed(
	process: Pick<ProcessRow, 'votingClosesAt' | 'importedFrom' | 'status'>,
	now: Date
) {
	return (
		process.status === 'published' &&
		!process.importedFrom &&
		process.votingClosesAt !== null &&
		process.votingClosesAt.getTime() <= now.getTime()
	);
}

/**
 * Queues the count of a process whose voting has closed, once: a second call returns the first
 * job. Returns null when voting is still open. Call it inside the transaction that closed voting,
 * or whenever a closed process is looked at, so a process that closed on its date is counted too.
 */
export async function queueCountIfDue(
	db: Executor,
	process: Pick<ProcessRow, 'id' | 'votingClosesAt' | 'importedFrom' | 'status'>,
	now = new Date()
): Promise<string | null> {
	if (!isVotingClosed(process, now)) return null;
	return enqueueJob(
		db,
		countJobQueue,
		{ processId: process.id },
		{ singletonKey: countJobKey(process.id), maxAttempts: 3 }
	);
}

/** The latest count job of a process (its retries included), or null. */
export async function latestCountJob(db: Executor, processId: string) {
	const key = countJobKey(processId);
	const [job] = await db
		.select()
		.from(platformJobs)
		.where(
			and(
				eq(platformJobs.queue, countJobQueue),
				or(eq(platformJobs.singletonKey, key), like(platformJobs.singletonKey, `${key}:retry:%`))
			)
		)
		.orderBy(desc(platformJobs.createdAt), desc(platformJobs.id))
		.limit(1);
	return job ?? null;
}

/** Queues the count again after the last count job failed for good. */
export async function retryCount(db: Executor, processId: string, failedJobId: string) {
	return enqueueJob(
		db,
		countJobQueue,
		{ processId },
		{ singletonKey: `${countJobKey(processId)}:retry:${failedJobId}`, maxAttempts: 3 }
	);
}
