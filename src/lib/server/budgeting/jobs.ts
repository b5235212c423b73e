/** The budgeting module's background jobs, by queue name (`budgeting.<verb>`). */
import type { JobHandlers } from '../platform/jobs';

export const budgetingJobHandlers: JobHandlers = {};
