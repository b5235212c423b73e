/** The budgeting module's background jobs, by queue name (`budgeting.<verb>`). */
import type { JobHandlers } from '../platform/jobs';
import { countJob, countJobQueue, sweepJob, sweepJobQueue } from './results/count-job';

export const budgetingJobHandlers: JobHandlers = {
	// Counts a process once voting has closed, and looks for processes that closed on their date.
	[countJobQueue]: countJob,
	[sweepJobQueue]: sweepJob
};
