import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkQuotas } from '../../core/panels/index';
import type { DatabaseHandle } from '../db/client';
import { runDueJobs } from '../platform/jobs';
import { generateDemoTown } from '../platform/demo/generate-demo-town';
import { loadActor } from '../platform/permissions';
import { platformUsers } from '../platform/schema';
import { createTestDatabase } from '../testing/test-database';
import { eq } from 'drizzle-orm';
import { demoPanel } from './demo';
import { panelsModule } from './module';
import { getOrganiserPanel } from './organiser-view';
import { listManagedPanels } from './queries';
import { startSelection } from './start-selection';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
	await generateDemoTown(t.db, { password: 'demo-panels-test', modules: [panelsModule] });
});
afterAll(async () => {
	await t?.close();
});

async function organiser() {
	const [user] = await t.db
		.select({ id: platformUsers.id })
		.from(platformUsers)
		.where(eq(platformUsers.email, 'organiser@ashbrook.example'));
	return loadActor(t.db, user!.id);
}

describe('the demo town’s citizens’ panel', () => {
	it('is ready for the Northgate organiser to review: pool and quotas set, not yet selected', async () => {
		const actor = await organiser();
		const [summary] = await listManagedPanels(t.db, actor);
		expect(summary).toMatchObject({
			title: demoPanel.title,
			status: 'draft',
			panelSize: 12,
			poolSize: 120,
			placeName: 'Northgate'
		});
		const view = await getOrganiserPanel(t.db, actor, summary!.id);
		expect(view.selections).toEqual([]);
		expect(checkQuotas(view.panel.quotas, view.panel.poolCounts!, 12)).toEqual([]);
		expect(new Set(view.volunteers.map((v) => v.features.Neighbourhood))).toEqual(
			new Set(['Old Market', 'Chapel Fields', 'Tanners Row'])
		);
	});

	it('selects a panel meeting its quotas, with owners and the over-65s the least likely', async () => {
		const actor = await organiser();
		const [summary] = await listManagedPanels(t.db, actor);
		await startSelection(t.db, actor, { panelId: summary!.id });
		await runDueJobs(t.db, panelsModule.jobHandlers!);
		const view = await getOrganiserPanel(t.db, actor, summary!.id, { leastLikely: 5 });
		expect(view.latest?.status).toBe('done');
		for (const entry of view.latest!.result!.lottery.panels) expect(entry.members).toHaveLength(12);
		// Owners and the over-65s reply more than the quotas let onto the panel.
		for (const person of view.leastLikely) {
			expect(person.crowded.length).toBeGreaterThan(0);
			for (const c of person.crowded)
				expect(['Tenure: Owner', 'Age band: 65 and over']).toContain(`${c.category}: ${c.value}`);
		}
	});
});
