/**
 * The budgeting module's manifest: its background jobs and the demo town's processes, one in
 * each phase.
 */
import type { ModuleManifest } from '../platform/module-manifest';
import { seedProcessesDemo } from './demo/processes';
import { seedResultsDemo } from './demo/results';
import { seedVotingDemo } from './demo/voting';
import { budgetingJobHandlers } from './jobs';
import { queueSweep } from './results/count-job';

export const budgetingModule: ModuleManifest = {
	id: 'budgeting',
	jobHandlers: { ...budgetingJobHandlers },
	// The sweep queues the count of every process whose voting closed on its date; it queues
	// itself again each time it runs, and this starts it (again) whenever the server starts.
	onStart: (db) => queueSweep(db),
	async seedDemo(db, town) {
		// Processes in draft, ideas and review; one open for voting; closed ones with results.
		await seedProcessesDemo(db, town);
		await seedVotingDemo(db, town);
		await seedResultsDemo(db, town);
	}
};
