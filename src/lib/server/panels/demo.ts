/**
 * The demo town's citizens' panel: "Northgate residents' panel on the high street", a panel of 12
 * from a made-up pool of 120 volunteers in Northgate's three neighbourhoods, with quotas set,
 * not yet selected, so the demo shows the journey from review to public draw. Small, so the demo
 * starts quickly and a selection takes seconds.
 */
import { countPool, demoFeatures, generateDemoPool } from '../../core/panels/index';
import type { Quota } from '../../core/sortition/index';
import type { Executor } from '../db/client';
import { newId } from '../platform/ids';
import type { DemoTown } from '../platform/module-manifest';
import { panelsPanels, panelsVolunteers } from './schema';

/** The demo panel's fixed facts, for tests. */
export const demoPanel = {
	title: 'Northgate residents’ panel on the high street',
	question: 'How should the empty shops on Northgate high street be used over the next five years?',
	placeSlug: 'northgate',
	poolSize: 120,
	panelSize: 12,
	seed: 'ashbrook-demo-panel-2026'
} as const;

const neighbourhoods = ['Old Market', 'Chapel Fields', 'Tanners Row'];

/**
 * The organiser's quotas: the town's (made-up) profile has more renters and younger people than
 * reply to invitations, so owners and older volunteers are crowded and a little less likely to
 * be selected, which the review explains.
 */
const demoQuotas: Quota[] = [
	{ category: 'Gender', value: 'Woman', min: 5, max: 7 },
	{ category: 'Gender', value: 'Man', min: 5, max: 7 },
	{ category: 'Gender', value: 'Non-binary', min: 0, max: 1 },
	{ category: 'Age band', value: '16-29', min: 2, max: 3 },
	{ category: 'Age band', value: '30-44', min: 3, max: 4 },
	{ category: 'Age band', value: '45-64', min: 3, max: 4 },
	{ category: 'Age band', value: '65 and over', min: 2, max: 3 },
	{ category: 'Neighbourhood', value: 'Old Market', min: 3, max: 5 },
	{ category: 'Neighbourhood', value: 'Chapel Fields', min: 3, max: 5 },
	{ category: 'Neighbourhood', value: 'Tanners Row', min: 3, max: 5 },
	{ category: 'Tenure', value: 'Owner', min: 6, max: 7 },
	{ category: 'Tenure', value: 'Renter', min: 5, max: 6 }
];

/** Adds the demo panel with its pool and quotas. */
export async function seedPanelsDemo(db: Executor, town: DemoTown): Promise<void> {
	const placeId = town.placeIdBySlug.get(demoPanel.placeSlug);
	if (!placeId) return;
	const people = generateDemoPool({
		seed: demoPanel.seed,
		count: demoPanel.poolSize,
		neighbourhoods
	});
	const categories = [...Object.keys(demoFeatures).slice(0, 2), 'Neighbourhood', 'Tenure'];
	const id = newId();
	await db.insert(panelsPanels).values({
		id,
		placeId,
		title: demoPanel.title,
		question: demoPanel.question,
		panelSize: demoPanel.panelSize,
		isOnePerHousehold: true,
		categories,
		quotas: demoQuotas,
		quotaSource: 'organiser',
		poolCounts: countPool(categories, people),
		poolSize: people.length,
		createdBy: town.userIdByEmail.get('organiser@ashbrook.example') ?? null
	});
	await db.insert(panelsVolunteers).values(
		people.map((p, i) => ({
			id: newId(),
			panelId: id,
			number: i + 1,
			name: p.name,
			email: p.email,
			household: p.household,
			features: p.features
		}))
	);
}
