/**
 * The budgeting module's manifest: its background jobs, what it shows on place pages and the
 * demo town's processes, one in each phase.
 */
import { formatPence } from '../../core/budgeting/money';
import { t } from '../../i18n/index';
import type { ModuleManifest } from '../platform/module-manifest';
import { listProcesses } from './processes/queries';
import { seedProcessesDemo } from './demo/processes';
import { seedResultsDemo } from './demo/results';
import { seedVotingDemo } from './demo/voting';
import { budgetingJobHandlers } from './jobs';
import { queueSweep } from './results/count-job';

export const budgetingModule: ModuleManifest = {
	id: 'budgeting',
	jobHandlers: { ...budgetingJobHandlers },
	placeActivity: {
		id: 'budgeting',
		// Published processes that cover the place: on it, above it (council-wide) or below it.
		async list(db, place, actor) {
			const page = await listProcesses(db, actor, { placePath: place.path, pageSize: 5 });
			return page.items.map((p) => ({
				title: p.title,
				href: `/budgeting/${p.id}`,
				summary: t('budgeting.process.activity.summary', {
					phase: t(`budgeting.process.phase.${p.phase}`),
					budget: `${formatPence(p.budgetPence)}, ${p.placeName}`
				}),
				at: p.updatedAt
			}));
		}
	},
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
