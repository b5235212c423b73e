import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { officialResult, requireResultsProcess } from './queries';
import { latestCountJob, retryCount } from './queue-count';

/** An organiser queues the count again after it failed for good (a bug fixed, say). Audited. */
export async function retryFailedCount(
	db: Executor,
	actor: Actor,
	input: { processId: string }
): Promise<{ jobId: string }> {
	return db.transaction(async (tx) => {
		const { process, placePath } = await requireResultsProcess(tx, input.processId);
		requireCan(actor, 'budgeting.count', { path: placePath });
		if (await officialResult(tx, process.id))
			throw new DomainError('conflict', 'This process has been counted already.');
		const job = await latestCountJob(tx, process.id);
		if (!job || job.status !== 'failed')
			throw new DomainError('conflict', 'The count has not failed, so there is nothing to retry.');
		const jobId = await retryCount(tx, process.id, job.id);
		await recordAudit(tx, actor, {
			action: 'budgeting.retry_count',
			placeId: process.placeId,
			subjectType: 'budgeting_process',
			subjectId: process.id,
			details: { failedJob: job.id, error: job.lastError }
		});
		return { jobId };
	});
}
