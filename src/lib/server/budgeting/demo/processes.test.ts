import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { generateDemoTown } from '../../platform/demo/generate-demo-town';
import { listPlaceActivity } from '../../platform/places/activity';
import { loadActor } from '../../platform/permissions';
import { platformPlaces, platformUsers } from '../../platform/schema';
import { createTestDatabase } from '../../testing/test-database';
import { getIdea, listIdeas, listPublicProjects } from '../ideas/queries';
import { budgetingModule } from '../module';
import { listProcesses } from '../processes/queries';
import { getBallotPage } from '../voting/ballot-page';
import { demoCumulativeProcess, demoRankedProcess, demoVotingProcess } from './voting';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
	await generateDemoTown(t.db, { password: 'demo-budgeting-test', modules: [budgetingModule] });
});
afterAll(async () => {
	await t?.close();
});

const anonymous = { kind: 'anonymous' } as const;

async function actorFor(email: string) {
	const [user] = await t.db.select().from(platformUsers).where(eq(platformUsers.email, email));
	return loadActor(t.db, user!.id);
}

describe('the demo town’s participatory budgets', () => {
	it('has a draft only organisers see, one open for ideas and one in review', async () => {
		// The voting and results demos add processes of their own; these are the early phases'.
		const published = await listProcesses(t.db, anonymous, { pageSize: 100 });
		const phases = published.items.map((p) => [p.title, p.phase]);
		expect(phases).toContainEqual(['Northgate Neighbourhood Fund', 'ideas']);
		expect(phases).toContainEqual(['Riverside Streets Budget', 'review']);
		expect(phases.map((p) => p[0])).not.toContain('Northgate Green Spaces Fund');
		const organiser = await actorFor('organiser@ashbrook.example');
		const managed = await listProcesses(t.db, organiser, {
			onlyManaged: true,
			includeDrafts: true,
			pageSize: 100
		});
		expect(managed.items.map((p) => [p.title, p.status])).toContainEqual([
			'Northgate Green Spaces Fund',
			'draft'
		]);
	});

	it('has supported ideas, a merged project on the ballot and an idea turned down with a reason', async () => {
		const { items } = await listProcesses(t.db, anonymous, { pageSize: 100 });
		const ideas = items.find((p) => p.title === 'Northgate Neighbourhood Fund')!;
		const review = items.find((p) => p.title === 'Riverside Streets Budget')!;
		const list = await listIdeas(t.db, anonymous, { processId: ideas.id });
		expect(list.total).toBe(3);
		expect(list.items.reduce((n, i) => n + i.supportCount, 0)).toBe(6);
		const benches = await getIdea(
			t.db,
			anonymous,
			list.items.find((i) => i.title.startsWith('Benches'))!.id
		);
		expect(benches?.latitude).not.toBeNull();

		const projects = await listPublicProjects(t.db, review.id);
		expect(projects.onBallot).toHaveLength(1);
		expect(projects.onBallot[0]!.ideas).toHaveLength(2);
		expect(projects.rejected).toEqual([
			expect.objectContaining({
				title: 'A new swimming pool',
				publicReason: expect.stringContaining('£40,000')
			})
		]);
	});

	it('shows the processes under "What is happening here" on the places they cover', async () => {
		const [oldMarket] = await t.db
			.select()
			.from(platformPlaces)
			.where(eq(platformPlaces.slug, 'old-market'));
		const activity = await listPlaceActivity(t.db, anonymous, oldMarket!, [
			budgetingModule.placeActivity!
		]);
		const fund = activity.find((a) => a.title === 'Northgate Neighbourhood Fund');
		expect(fund?.summary).toBe('Open for ideas · £25,000, Northgate');
		expect(activity.map((a) => a.title)).not.toContain('Riverside Streets Budget');
	});

	it('has a fund open for voting on each ballot a resident fills in: knapsack, ranked and cumulative', async () => {
		const organiser = await actorFor('organiser@ashbrook.example');
		const ballots = [];
		for (const { id } of [demoVotingProcess, demoRankedProcess, demoCumulativeProcess]) {
			const page = await getBallotPage(t.db, anonymous, { processId: id });
			expect(page?.isOpen).toBe(true);
			expect(page!.process.allowCodes).toBe(true);
			expect(page!.projects.length).toBeGreaterThanOrEqual(5);
			// The Northgate organiser can make voting codes for each of them.
			expect(
				await getBallotPage(t.db, organiser, { processId: id, withNeighbourhoods: true })
			).not.toBeNull();
			ballots.push([page!.process.place.name, page!.rules.ballotType]);
		}
		expect(ballots).toEqual([
			['Northgate', 'knapsack'],
			['Tanners Row', 'ranked'],
			['Chapel Fields', 'cumulative']
		]);
		const ranked = await getBallotPage(t.db, anonymous, { processId: demoRankedProcess.id });
		expect(ranked!.rules.maxChoices).toBe(3);
		expect(ranked!.rulesText).toBe(
			'Rank up to 3 projects: 1 for your favourite, 2 for your next, and so on.'
		);
		const points = await getBallotPage(t.db, anonymous, { processId: demoCumulativeProcess.id });
		expect(points!.rulesText).toBe('Share out up to 10 points between the projects you support.');
	});
});
