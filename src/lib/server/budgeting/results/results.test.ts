import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
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
import { platformAuditLog, platformJobs } from '../../platform/schema';
import { generateVoters, insertVoters } from '../demo/results';
import { buildProcess, buildProjects } from '../factories';
import { budgetingJobHandlers } from '../jobs';
import { budgetingBallots, budgetingProcesses, budgetingResults, type BallotType } from '../schema';
import { exportProcessPb } from '../pabulib/export-process';
import { closeVoting } from './close-voting';
import { countProcess } from './count-process';
import { closedUncounted, sweepJob, sweepJobQueue } from './count-job';
import { budgetingModule } from '../module';
import { ballotLine } from '../pabulib/to-election';
import { retryFailedCount } from './retry-count';
import { latestCountJob } from './queue-count';
import { getCountStatus } from './get-count-status';
import { getResults } from './get-results';
import { previewRules } from './preview-rules';
import { officialResult } from './queries';

const exec = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../../..');

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

async function expectCode(promise: Promise<unknown>, code: string) {
	await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

const costs = [400_000, 250_000, 180_000, 150_000, 90_000, 60_000, 300_000, 120_000];

/** A process on ward A with projects and generated ballots; its organiser and a resident. */
async function votingProcess(
	options: {
		ballotType?: BallotType;
		rule?: 'greedy' | 'mes' | 'phragmen';
		voters?: number;
		phase?: 'voting' | 'counting';
	} = {}
) {
	const { wardA, wardB, hoodA1 } = await buildPlaceTree(t.db);
	const organiser = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'organiser' }] });
	const elsewhere = await buildPerson(t.db, { grants: [{ placeId: wardB.id, role: 'organiser' }] });
	const resident = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'resident' }] });
	const ballotType = options.ballotType ?? 'approval';
	const process = await buildProcess(t.db, {
		placeId: wardA.id,
		phase: options.phase ?? 'voting',
		budgetPence: 1_000_000,
		ballotType,
		maxChoices: ballotType === 'cumulative' ? null : 3,
		totalPoints: ballotType === 'cumulative' ? 10 : null,
		countingRule: options.rule ?? 'mes'
	});
	const projects = await buildProjects(
		t.db,
		process.id,
		costs.map((costPence, i) => ({
			costPence,
			title: `Project ${i + 1}`,
			placeId: i % 2 ? hoodA1.id : null
		}))
	);
	const voters = generateVoters({
		seed: 11,
		count: options.voters ?? 300,
		projects: projects.map((p, i) => ({
			id: p.id,
			popularity: 1 + (i % 3) * 0.3,
			placeId: p.placeId,
			costPence: p.costPence
		})),
		placeIds: [hoodA1.id, wardA.id],
		ballotType,
		maxChoices: 3,
		totalPoints: 10,
		budgetPence: 1_000_000
	});
	await insertVoters(t.db, process.id, voters);
	return { process, projects, organiser, elsewhere, resident, voters, hoodA1, wardA };
}

/** Counts a process by running the queued job, as the worker would. */
async function runCountJobs() {
	return runDueJobs(t.db, budgetingJobHandlers);
}

describe('closing voting and counting', () => {
	it('closes voting now with an audit entry and queues the count, which freezes the result with the ballots hash', async () => {
		const { process, organiser, voters } = await votingProcess();
		const before = Date.now();
		const { jobId } = await closeVoting(t.db, organiser.actor, { processId: process.id });
		const [row] = await t.db
			.select()
			.from(budgetingProcesses)
			.where(eq(budgetingProcesses.id, process.id));
		expect(row!.votingClosesAt!.getTime()).toBeGreaterThanOrEqual(before);
		const audit = await t.db
			.select()
			.from(platformAuditLog)
			.where(
				and(
					eq(platformAuditLog.subjectId, process.id),
					eq(platformAuditLog.action, 'budgeting.close_voting')
				)
			);
		expect(audit).toHaveLength(1);
		expect(audit[0]!.actorId).toBe(organiser.id);

		expect(await officialResult(t.db, process.id)).toBeNull();
		expect(await runCountJobs()).toBeGreaterThanOrEqual(1);
		const [job] = await t.db.select().from(platformJobs).where(eq(platformJobs.id, jobId));
		expect(job!.status).toBe('done');
		const result = await officialResult(t.db, process.id);
		expect(result).not.toBeNull();
		expect(result!.ballotCount).toBe(voters.length);
		expect(result!.rule).toBe('mes/cost/add1');

		// The hash is the SHA-256 of the ballots' canonical lines, recomputed here from the rows.
		const ballots = await t.db
			.select({ ballot: budgetingBallots.ballot })
			.from(budgetingBallots)
			.where(eq(budgetingBallots.processId, process.id));
		const { projects } = await votingProcessProjects(process.id);
		const numberOf = new Map(projects.map((p) => [p.id, p.number]));
		const lines = ballots
			.map((b) =>
				b.ballot.projectIds
					.map((id) => numberOf.get(id)!)
					.sort((a, b) => a - b)
					.join(',')
			)
			.sort();
		const expected = createHash('sha256')
			.update(lines.map((l) => `${l}\n`).join(''))
			.digest('hex');
		expect(result!.ballotsHash).toBe(expected);

		// Counting again leaves the frozen result alone.
		const again = await countProcess(t.db, process.id);
		expect(again).toMatchObject({ isNew: false, resultId: result!.id });
		const rows = await t.db
			.select()
			.from(budgetingResults)
			.where(eq(budgetingResults.processId, process.id));
		expect(rows).toHaveLength(1);
	});

	it('refuses to close voting for a resident, an organiser of another ward, or when voting is not open', async () => {
		const { process, resident, elsewhere, organiser } = await votingProcess({ voters: 5 });
		await expectCode(closeVoting(t.db, resident.actor, { processId: process.id }), 'forbidden');
		await expectCode(closeVoting(t.db, elsewhere.actor, { processId: process.id }), 'forbidden');
		await expectCode(
			closeVoting(t.db, { kind: 'anonymous' }, { processId: process.id }),
			'unauthenticated'
		);
		const audit = await t.db
			.select()
			.from(platformAuditLog)
			.where(eq(platformAuditLog.subjectId, process.id));
		expect(audit).toHaveLength(0);
		await closeVoting(t.db, organiser.actor, { processId: process.id });
		await expectCode(closeVoting(t.db, organiser.actor, { processId: process.id }), 'phase_closed');
	});

	it('refuses to count a process whose voting is still open', async () => {
		const { process } = await votingProcess({ voters: 5 });
		await expectCode(countProcess(t.db, process.id), 'phase_closed');
	});

	it('queues the count of a process that closed on its date when the sweep runs or an organiser looks', async () => {
		const { process, organiser } = await votingProcess({ phase: 'counting', voters: 20 });
		expect((await closedUncounted(t.db, new Date())).map((p) => p.id)).toContain(process.id);
		const status = await getCountStatus(t.db, organiser.actor, { processId: process.id });
		expect(status.state).toBe('counting');
		expect(status.job?.status).toBe('queued');
		await sweepJob({}, { db: t.db, job: null as never, progress: async () => {} });
		await runCountJobs();
		expect((await closedUncounted(t.db, new Date())).map((p) => p.id)).not.toContain(process.id);
		const counted = await getCountStatus(t.db, organiser.actor, { processId: process.id });
		expect(counted.state).toBe('counted');
		expect(counted.job?.status).toBe('done');
	});
});

describe('results', () => {
	it('explains every project in plain English and shows turnout by channel and neighbourhood', async () => {
		const { process, organiser, voters, hoodA1, projects } = await votingProcess();
		await closeVoting(t.db, organiser.actor, { processId: process.id });
		await runCountJobs();
		const results = await getResults(t.db, { kind: 'anonymous' }, { processId: process.id });
		expect(results.state).toBe('counted');
		const outcome = results.result!.outcome;
		expect(outcome.projects).toHaveLength(projects.length);
		for (const p of outcome.projects) {
			expect(p.sentence).toMatch(p.isFunded ? /^Funded/ : /^Not funded/);
			expect(p.sentence).toMatch(/£/);
		}
		expect(outcome.selected.length).toBeGreaterThan(0);
		expect(BigInt(outcome.totalCostPence)).toBeLessThanOrEqual(1_000_000n);
		expect(results.turnout.total).toBe(voters.length);
		const byChannel = Object.fromEntries(
			results.turnout.byChannel.map((c) => [c.channel, c.count])
		);
		for (const channel of ['online_account', 'online_code', 'paper'] as const)
			expect(byChannel[channel]).toBe(voters.filter((v) => v.channel === channel).length);
		const hood = results.turnout.byPlace.find((p) => p.placeName === hoodA1.name);
		expect(hood?.count).toBe(voters.filter((v) => v.placeId === hoodA1.id).length);
	});

	it('previews other rules side by side for organisers only, after voting has closed', async () => {
		const { process, organiser, resident, projects } = await votingProcess();
		await expectCode(
			previewRules(t.db, organiser.actor, { processId: process.id, rules: ['greedy'] }),
			'phase_closed'
		);
		await closeVoting(t.db, organiser.actor, { processId: process.id });
		await expectCode(
			previewRules(t.db, resident.actor, { processId: process.id, rules: ['greedy'] }),
			'forbidden'
		);
		const comparison = await previewRules(t.db, organiser.actor, {
			processId: process.id,
			rules: ['greedy', 'mes', 'phragmen']
		});
		expect(comparison.rows).toHaveLength(projects.length);
		expect(comparison.totals.map((x) => x.rule)).toEqual(['greedy', 'mes', 'phragmen']);
		comparison.totals.forEach((total, k) => {
			const funded = comparison.rows.filter((r) => r.funded[k]);
			expect(funded.length).toBe(total.funded);
			expect(funded.reduce((s, r) => s + BigInt(r.costPence), 0n)).toBe(
				BigInt(total.totalCostPence)
			);
		});
		// Greedy funds by votes: the most-voted project is funded under greedy.
		const top = [...comparison.rows].sort((a, b) => Number(BigInt(b.votes) - BigInt(a.votes)))[0]!;
		expect(top.funded[0]).toBe(true);
		// The preview is not stored.
		const rows = await t.db
			.select()
			.from(budgetingResults)
			.where(eq(budgetingResults.processId, process.id));
		expect(rows.filter((r) => r.kind === 'preview')).toHaveLength(0);
	});
});

async function votingProcessProjects(processId: string) {
	const { budgetingProjects } = await import('../schema');
	const projects = await t.db
		.select()
		.from(budgetingProjects)
		.where(eq(budgetingProjects.processId, processId));
	return { projects };
}

describe('open data', () => {
	it('refuses to export a process that has not been counted', async () => {
		const { process } = await votingProcess({ voters: 5 });
		await expectCode(exportProcessPb(t.db, { processId: process.id }), 'not_found');
	});

	for (const [ballotType, rule] of [
		['approval', 'mes'],
		['knapsack', 'greedy'],
		['cumulative', 'mes'],
		['ranked', 'phragmen'],
		['ranked', 'mes']
	] as const) {
		it(`exports a counted ${ballotType} process (${rule}) that recounts to the same winners`, async () => {
			const { process, organiser } = await votingProcess({ ballotType, rule });
			await closeVoting(t.db, organiser.actor, { processId: process.id });
			await runCountJobs();
			const result = (await officialResult(t.db, process.id))!;
			const file = await exportProcessPb(t.db, { processId: process.id });
			expect(file.ballotsHash).toBe(result.ballotsHash);

			const { election } = parsePabulib(file.text, file.fileName);
			expect(election.voters).toHaveLength(result.ballotCount);
			expect(election.voters.map((v) => v.id)).toEqual(
				election.voters.map((_, k) => String(k + 1))
			);
			const selected = election.projects
				.filter((p) => p.fields['selected'] === '1')
				.map((p) => p.id);
			expect([...selected].sort()).toEqual([...result.outcome.selected].sort());

			// The CLI's code path with no flags: the options come from the file's META alone.
			const fromMeta = optionsFromMeta(election.meta);
			expect(fromMeta).not.toHaveProperty('unsupported');
			const recount = count(toInstance(election), fromMeta as CountOptions);
			expect(recount.rule).toBe(result.outcome.rule);
			expect(recount.tieBreak).toBe(process.tieBreak);
			expect(recount.selected).toEqual(result.outcome.selected);

			// The hash can be recomputed from the file alone, as the results page explains.
			const votes = file.text.split('\nVOTES\n')[1]!.split('\n').slice(1, -1);
			const lines = votes.map((l) => l.slice(l.indexOf(';') + 1)).sort();
			const hash = createHash('sha256')
				.update(lines.map((l) => `${l}\n`).join(''))
				.digest('hex');
			expect(hash).toBe(result.ballotsHash);
		});
	}

	// The command with no flags, in its own process, as someone who downloaded the file would run it.
	for (const [ballotType, rule] of [
		['approval', 'mes'],
		['knapsack', 'greedy'],
		['cumulative', 'mes'],
		['ranked', 'phragmen'],
		['ranked', 'mes']
	] as const) {
		it(`recounts an exported ${ballotType} file (${rule}) with "powershare count file.pb" and no flags to the same winners`, async () => {
			const { process, organiser } = await votingProcess({ ballotType, rule });
			// A tie-break other than the default, so the file must carry it.
			await t.db
				.update(budgetingProcesses)
				.set({ tieBreak: 'votes-cost-id' })
				.where(eq(budgetingProcesses.id, process.id));
			await closeVoting(t.db, organiser.actor, { processId: process.id });
			await runCountJobs();
			const result = (await officialResult(t.db, process.id))!;
			const file = await exportProcessPb(t.db, { processId: process.id });
			const dir = mkdtempSync(path.join(tmpdir(), 'powershare-export-'));
			try {
				const pb = path.join(dir, file.fileName);
				writeFileSync(pb, file.text);
				const { stdout } = await exec(
					globalThis.process.execPath,
					[path.join(repoRoot, 'bin/powershare.js'), 'count', pb, '--json'],
					{ cwd: repoRoot }
				);
				const json = JSON.parse(stdout) as {
					rule: string;
					tieBreak: string;
					selected: string[];
				};
				expect(json.rule).toBe(result.outcome.rule);
				expect(json.tieBreak).toBe('votes-cost-id');
				expect(json.selected).toEqual(result.outcome.selected);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}, 60_000);
	}
});

describe('canonical ballots', () => {
	const numbers = new Map([
		['a', 1],
		['b', 2],
		['c', 10]
	]);
	it('lists approval sets by number, keeps rankings in order, and drops unknown or repeated ids', () => {
		expect(ballotLine({ projectIds: ['c', 'a', 'x', 'a'] }, 'approval', numbers)).toBe('1,10');
		expect(ballotLine({ projectIds: ['c', 'a', 'x', 'a'] }, 'ranked', numbers)).toBe('10,1');
		expect(ballotLine({ projectIds: [] }, 'knapsack', numbers)).toBe('');
	});
	it('lists cumulative votes by decreasing points, then number, without zero points', () => {
		expect(
			ballotLine({ projectIds: ['a', 'b', 'c'], points: [3, 0, 7] }, 'cumulative', numbers)
		).toBe('10,1;7,3');
		expect(
			ballotLine({ projectIds: ['c', 'b', 'a'], points: [5, 5, 0] }, 'cumulative', numbers)
		).toBe('2,10;5,5');
	});
});

describe('the sweep and retries', () => {
	it('is queued when the server starts, once per time slot, and queues the next slot when it runs', async () => {
		const sweeps = () =>
			t.db.select().from(platformJobs).where(eq(platformJobs.queue, sweepJobQueue));
		const before = (await sweeps()).length;
		await budgetingModule.onStart!(t.db);
		await budgetingModule.onStart!(t.db);
		const queued = await sweeps();
		expect(queued.length).toBe(before + 1);
		await runCountJobs();
		const after = await sweeps();
		expect(after.filter((j) => j.status === 'done').length).toBeGreaterThanOrEqual(1);
		const next = after.filter((j) => j.status === 'queued');
		expect(next).toHaveLength(1);
		expect(next[0]!.runAt.getTime()).toBeGreaterThan(Date.now());
	});

	it('lets an organiser retry a count that failed for good, with an audit entry', async () => {
		const { process, organiser, resident } = await votingProcess({ voters: 10 });
		await closeVoting(t.db, organiser.actor, { processId: process.id });
		await expectCode(
			retryFailedCount(t.db, organiser.actor, { processId: process.id }),
			'conflict'
		);
		const failed = (await latestCountJob(t.db, process.id))!;
		await t.db
			.update(platformJobs)
			.set({ status: 'failed', lastError: 'the machine ran out of memory' })
			.where(eq(platformJobs.id, failed.id));
		const status = await getCountStatus(t.db, organiser.actor, { processId: process.id });
		expect(status.job).toMatchObject({
			status: 'failed',
			lastError: 'the machine ran out of memory'
		});
		await expectCode(
			retryFailedCount(t.db, resident.actor, { processId: process.id }),
			'forbidden'
		);
		const { jobId } = await retryFailedCount(t.db, organiser.actor, { processId: process.id });
		expect(jobId).not.toBe(failed.id);
		expect((await latestCountJob(t.db, process.id))!.id).toBe(jobId);
		await runCountJobs();
		expect(await officialResult(t.db, process.id)).not.toBeNull();
		const audit = await t.db
			.select()
			.from(platformAuditLog)
			.where(
				and(
					eq(platformAuditLog.subjectId, process.id),
					eq(platformAuditLog.action, 'budgeting.retry_count')
				)
			);
		expect(audit).toHaveLength(1);
	});
});
