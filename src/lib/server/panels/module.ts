/** The Panels module's manifest: its background jobs and the demo town's panel. */
import type { ModuleManifest } from '../platform/module-manifest';
import { anonymisePanelJob, ANONYMISE_QUEUE } from './anonymise-panel';
import { seedPanelsDemo } from './demo';
import { runSelectionJob } from './run-selection';
import { SELECT_QUEUE } from './start-selection';

export const panelsModule: ModuleManifest = {
	id: 'panels',
	jobHandlers: {
		[SELECT_QUEUE]: runSelectionJob,
		[ANONYMISE_QUEUE]: anonymisePanelJob
	},
	seedDemo: seedPanelsDemo
};
