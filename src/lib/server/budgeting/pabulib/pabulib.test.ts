import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	count,
	optionsFromMeta,
	toInstance,
	type CountOptions
} from '../../../core/counting/index';
import { parsePabulib } from '../../../core/counting/pabulib';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import { DomainError } from '../../platform/errors';
import { runDueJobs } from '../../platform/jobs';
import { buildPerson, buildPlaceTree } from '../../platform/places/factories';
import { platformAuditLog } from '../../platform/schema';
import { generateVoters, insertVoters } from '../demo/results';
import { buildProcess, buildProjects } from '../factories';
import { budgetingJobHandlers } from '../jobs';
import {
	budgetingBallots,
	budgetingProcesses,
	budgetingProjects,
	budgetingResults,
	type BallotType
} from '../schema';
import { closeVoting } from '../results/close-voting';
import { getResults } from '../results/get-results';
import { officialResult } from '../results/queries';
import { exportProcessPb } from './export-process';
import { importProcessPb } from './import-process';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const fixtures = path.resolve(import.meta.dirname, '../../../core/counting/fixtures');

async function processCount() {
	return (await t.db.select({ id: budgetingProcesses.id }).from(budgetingProcesses)).length;
}

async function counted(ballotType: BallotType, rule: 'greedy' | 'mes' | 'phragmen') {
	const { wardA, hoodA1 } = await buildPlaceTree(t.db);
	const organiser = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'organiser' }] });
	const process = await buildProcess(t.db, {
		placeId: wardA.id,
		ballotType,
		countingRule: rule,
		maxChoices: ballotType === 'cumulative' ? null : 3,
		totalPoints: ballotType === 'cumulative' ? 10 : null
	});
	const projects = await buildProjects(
		t.db,
		process.id,
		[300_000, 220_000, 150_000, 90_000, 410_000, 60_000].map((costPence, i) => ({
			costPence,
			title: `Project; "${i + 1}"`
		}))
	);
	await insertVoters(
		t.db,
		process.id,
		generateVoters({
			seed: 5,
			count: 150,
			projects: projects.map((p, i) => ({
				id: p.id,
				popularity: 1 + i * 0.1,
				placeId: null,
				costPence: p.costPence
			})),
			placeIds: [hoodA1.id],
			ballotType,
			maxChoices: 3,
			totalPoints: 10,
			budgetPence: 1_000_000
		})
	);
	await closeVoting(t.db, organiser.actor, { processId: process.id });
	await runDueJobs(t.db, budgetingJobHandlers);
	return { process, organiser, wardA };
}

describe('importing a Pabulib file', () => {
	for (const [ballotType, rule] of [
		['approval', 'mes'],
		['cumulative', 'greedy'],
		['ranked', 'phragmen']
	] as const) {
		it(`round-trips an exported ${ballotType} process (${rule}): same projects, ballots, hash and winners`, async () => {
			const { process, organiser, wardA } = await counted(ballotType, rule);
			const original = (await officialResult(t.db, process.id))!;
			const file = await exportProcessPb(t.db, { processId: process.id });
			const report = await importProcessPb(t.db, organiser.actor, {
				text: file.text,
				fileName: file.fileName,
				placeId: wardA.id
			});
			const [imported] = await t.db
				.select()
				.from(budgetingProcesses)
				.where(eq(budgetingProcesses.id, report.processId));
			expect(imported!.importedFrom).toBe(file.fileName);
			expect(imported!.ballotType).toBe(ballotType);
			expect(imported!.countingRule).toBe(rule);
			expect(imported!.budgetPence).toBe(process.budgetPence);
			const projects = await t.db
				.select()
				.from(budgetingProjects)
				.where(eq(budgetingProjects.processId, report.processId));
			expect(projects.map((p) => p.title).sort()).toEqual(
				original.outcome.projects.map((p) => p.title).sort()
			);
			const result = (await officialResult(t.db, report.processId))!;
			expect(result.ballotCount).toBe(original.ballotCount);
			expect(result.ballotsHash).toBe(original.ballotsHash);
			expect(result.outcome.selected).toEqual(original.outcome.selected);
			expect(result.outcome.totalCostPence).toBe(original.outcome.totalCostPence);
			// Exporting the import gives the same file again.
			const again = await exportProcessPb(t.db, { processId: report.processId });
			expect(again.ballotsHash).toBe(file.ballotsHash);
			const results = await getResults(
				t.db,
				{ kind: 'anonymous' },
				{ processId: report.processId }
			);
			expect(results.state).toBe('counted');
			for (const p of results.result!.outcome.projects) expect(p.sentence).not.toBe('');
		});
	}

	it('imports a foreign file in whole currency units as pence and counts it with the META rule', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const text = readFileSync(path.join(fixtures, 'small-greedy.pb'), 'utf8');
		const report = await importProcessPb(t.db, organiser.actor, {
			text,
			fileName: 'small-greedy.pb',
			placeId: wardA.id
		});
		expect(report).toMatchObject({ projects: 4, ballots: 4, winners: 2 });
		const [row] = await t.db
			.select()
			.from(budgetingProcesses)
			.where(eq(budgetingProcesses.id, report.processId));
		expect(row!.budgetPence).toBe(10_000);
		const result = (await officialResult(t.db, report.processId))!;
		expect(result.outcome.selected).toEqual(['1', '2']);
		expect(result.outcome.projects[0]!.title).toBe('Park; with benches');
		expect(result.outcome.projects[0]!.costPence).toBe('6000');
		expect(result.outcome.projects[0]!.sentence).toContain('£60');
		const audit = await t.db
			.select()
			.from(platformAuditLog)
			.where(eq(platformAuditLog.subjectId, report.processId));
		expect(audit.map((a) => a.action)).toEqual(['budgeting.import']);
	});

	it('exports an imported process with the rule variant its result was counted with', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		// Greedy with a threshold of 3 votes funds only project a; plain greedy would add b.
		const text = readFileSync(path.join(fixtures, 'small-greedy.pb'), 'utf8').replace(
			'rule;greedy\n',
			'rule;greedy-threshold\nmin_project_score_threshold;3\ntie_break;id\n'
		);
		const report = await importProcessPb(t.db, organiser.actor, {
			text,
			fileName: 'threshold.pb',
			placeId: wardA.id
		});
		const result = (await officialResult(t.db, report.processId))!;
		expect(result.outcome.selected).toEqual(['1']);
		const file = await exportProcessPb(t.db, { processId: report.processId });
		const { election } = parsePabulib(file.text, file.fileName);
		expect(election.meta).toEqual(
			expect.arrayContaining([
				['rule', 'greedy-threshold'],
				['min_project_score_threshold', '3'],
				['tie_break', 'id']
			])
		);
		const options = optionsFromMeta(election.meta) as CountOptions;
		expect(count(toInstance(election), options).selected).toEqual(['1']);
	});

	it('refuses a broken file with file:line problems and imports nothing', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const text = readFileSync(path.join(fixtures, 'small-greedy-broken.pb'), 'utf8');
		const before = await processCount();
		const ballotsBefore = (await t.db.select({ id: budgetingBallots.id }).from(budgetingBallots))
			.length;
		const error = await importProcessPb(t.db, organiser.actor, {
			text,
			fileName: 'broken.pb',
			placeId: wardA.id
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DomainError);
		const problems = (error as DomainError).fieldErrors;
		expect(problems.length).toBeGreaterThan(0);
		for (const p of problems) {
			expect(p.field).toBe('file');
			expect(p.message).toMatch(/^broken\.pb:\d+: /);
		}
		expect(await processCount()).toBe(before);
		expect((await t.db.select({ id: budgetingBallots.id }).from(budgetingBallots)).length).toBe(
			ballotsBefore
		);
	});

	it('refuses a file it cannot count, and a resident, and imports nothing', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const resident = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'resident' }] });
		const good = readFileSync(path.join(fixtures, 'small-greedy.pb'), 'utf8');
		const before = await processCount();
		const resultsBefore = (await t.db.select({ id: budgetingResults.id }).from(budgetingResults))
			.length;
		await expect(
			importProcessPb(t.db, resident.actor, { text: good, fileName: 'a.pb', placeId: wardA.id })
		).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'forbidden');
		const custom = good.replace('rule;greedy', 'rule;greedy-custom');
		await expect(
			importProcessPb(t.db, organiser.actor, { text: custom, fileName: 'c.pb', placeId: wardA.id })
		).rejects.toSatisfy((e) => e instanceof DomainError && /^c\.pb: cannot count/.test(e.message));
		const free = good.replace('d;10;0;Bike rack;0', 'd;0;0;Bike rack;0');
		await expect(
			importProcessPb(t.db, organiser.actor, { text: free, fileName: 'f.pb', placeId: wardA.id })
		).rejects.toSatisfy((e) => e instanceof DomainError && e.code === 'invalid');
		expect(await processCount()).toBe(before);
		expect((await t.db.select({ id: budgetingResults.id }).from(budgetingResults)).length).toBe(
			resultsBefore
		);
	});
});
