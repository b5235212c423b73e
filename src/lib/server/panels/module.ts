/**
 * The Panels module's manifest: its background jobs, drawn panels on place pages, and the demo
 * town's panel.
 */
import { and, desc, eq } from 'drizzle-orm';
import { t } from '../../i18n/index';
import type { ModuleManifest } from '../platform/module-manifest';
import { withinPathCondition } from '../platform/places/queries';
import { platformPlaces } from '../platform/schema';
import { anonymisePanelJob, ANONYMISE_QUEUE } from './anonymise-panel';
import { seedPanelsDemo } from './demo';
import { runSelectionJob } from './run-selection';
import { panelsPanels } from './schema';
import { SELECT_QUEUE } from './start-selection';

export const panelsModule: ModuleManifest = {
	id: 'panels',
	jobHandlers: {
		[SELECT_QUEUE]: runSelectionJob,
		[ANONYMISE_QUEUE]: anonymisePanelJob
	},
	placeActivity: {
		id: 'panels',
		// Public: drawn panels only, by title, so every actor sees the same.
		async list(db, place) {
			const rows = await db
				.select({
					id: panelsPanels.id,
					title: panelsPanels.title,
					panelSize: panelsPanels.panelSize,
					drawnAt: panelsPanels.drawnAt,
					placeName: platformPlaces.name
				})
				.from(panelsPanels)
				.innerJoin(platformPlaces, eq(platformPlaces.id, panelsPanels.placeId))
				.where(and(withinPathCondition(place.path), eq(panelsPanels.status, 'drawn')))
				.orderBy(desc(panelsPanels.drawnAt))
				.limit(3);
			return rows.map((r) => ({
				title: r.title,
				href: `/panels/${r.id}`,
				summary: t('panels.activity.summary', { count: r.panelSize, place: r.placeName }),
				...(r.drawnAt ? { at: r.drawnAt } : {})
			}));
		}
	},
	seedDemo: seedPanelsDemo
};
