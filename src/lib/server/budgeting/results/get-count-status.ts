import type { Executor } from '../../db/client';
import { requireCan, type Actor } from '../../platform/permissions';
import { getResults, type ProcessResults } from './get-results';
import { latestCountJob } from './queue-count';

/** The organiser's view of a count: the results (or their absence) and the count job's state. */
export type CountStatus = ProcessResults & {
	job: {
		id: string;
		status: string;
		progress: Record<string, unknown> | null;
		lastError: string | null;
	} | null;
};

/** What an organiser sees on the results admin page. Needs `budgeting.count` on the place. */
export async function getCountStatus(
	db: Executor,
	actor: Actor,
	input: { processId: string; now?: Date }
): Promise<CountStatus> {
	const results = await getResults(db, actor, input);
	requireCan(actor, 'budgeting.count', { path: results.process.placePath });
	const job = await latestCountJob(db, input.processId);
	return {
		...results,
		job: job
			? {
					id: job.id,
					status: job.status,
					progress: (job.progress as Record<string, unknown> | null) ?? null,
					lastError: job.lastError
				}
			: null
	};
}
