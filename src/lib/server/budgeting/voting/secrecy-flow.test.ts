import { and, eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/client';
import * as schema from '../../db/schema';
import { buildPerson, buildPlaceTree } from '../../platform/places/factories';
import { platformAuditLog, platformUsers } from '../../platform/schema';
import { createTestDatabase } from '../../testing/test-database';
import { buildProcess, buildProjects } from '../factories';
import { exportProcessPb } from '../pabulib/export-process';
import { closeVoting } from '../results/close-voting';
import { countProcess } from '../results/count-process';
import { getResults } from '../results/get-results';
import { previewRules } from '../results/preview-rules';
import { castBallot } from './cast-ballot';
import { checkReceipt } from './check-receipt';
import { createCodeBatch } from './create-code-batch';
import { enterPaperBallot } from './enter-paper-ballot';
import { issueBatchCodes } from './issue-batch-codes';

/**
 * Ballot secrecy across a whole process, from the first ballot to the published result: every SQL
 * statement the application sends is logged, and none names both the roll of who voted
 * (`budgeting_participations`) and the ballot box (`budgeting_ballots`); and the count shakes the
 * box, so afterwards no ballot row shares its writing transaction with a participation.
 */

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const anonymous = { kind: 'anonymous' } as const;
const ticks = (...ids: string[]) => ({ choices: ids.map((projectId) => ({ projectId })) });

/** The test database, with every statement it is sent recorded in `statements`. */
function loggedDatabase(statements: string[]): Database {
	const logger = { logQuery: (query: string) => statements.push(query) };
	return (t.engine === 'pglite'
		? drizzlePglite((t.db as unknown as { $client: PGlite }).$client, { schema, logger })
		: drizzlePostgres((t.db as unknown as { $client: Sql }).$client, {
				schema,
				logger
			})) as unknown as Database;
}

async function xmins(table: string, processId: string): Promise<string[]> {
	const result = (await t.db.execute(
		sql`select xmin::text as x from ${sql.identifier(table)} where process_id = ${processId}`
	)) as unknown as { rows?: { x: string }[] } & { x: string }[];
	return (result.rows ?? [...result]).map((r) => r.x);
}

describe('ballot secrecy from voting to the published result', () => {
	it('sends no statement naming both the roll and the ballot box, and counts a shaken box', async () => {
		const statements: string[] = [];
		const db = loggedDatabase(statements);
		const tree = await buildPlaceTree(db);
		const organiser = await buildPerson(db, {
			grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
		});
		const officer = await buildPerson(db, {
			grants: [{ placeId: tree.council.id, role: 'officer' }]
		});
		const voter = await buildPerson(db);
		await db
			.update(platformUsers)
			.set({ homePlaceId: tree.hoodA1.id })
			.where(eq(platformUsers.id, voter.id));
		const process = await buildProcess(db, {
			placeId: tree.wardA.id,
			ballotType: 'knapsack',
			budgetPence: 1_000_000,
			maxChoices: null
		});
		const projects = await buildProjects(db, process.id, [
			{ title: 'Benches', costPence: 240_000 },
			{ title: 'Play area', costPence: 600_000 },
			{ title: 'Trees', costPence: 400_000 }
		]);
		const batch = await createCodeBatch(db, organiser.actor, {
			processId: process.id,
			label: 'Letters',
			size: 4,
			placeId: tree.hoodA1.id
		});
		const { codes } = await issueBatchCodes(db, organiser.actor, {
			processId: process.id,
			batchId: batch.id
		});
		const receipts: string[] = [];
		for (const [i, code] of codes.entries()) {
			const { receipt } = await castBallot(db, anonymous, {
				processId: process.id,
				code,
				isAgeConfirmed: false,
				postcode: '',
				clientAddress: '192.0.2.1',
				submitted: ticks(projects[i % 3]!.id, ...(i % 2 ? [projects[2]!.id] : []))
			});
			receipts.push(receipt);
		}
		await castBallot(db, voter.actor, {
			processId: process.id,
			code: '',
			isAgeConfirmed: false,
			postcode: '',
			clientAddress: '192.0.2.2',
			submitted: ticks(projects[1]!.id)
		});
		await enterPaperBallot(db, officer.actor, {
			processId: process.id,
			submitted: ticks(projects[0]!.id, projects[2]!.id),
			placeId: tree.hoodA1.id
		});
		await checkReceipt(db, { processId: process.id, receipt: receipts[0]! });
		// The threat the shake answers: each ballot was written in its voter's transaction.
		expect((await xmins('budgeting_ballots', process.id)).sort()).toEqual(
			(await xmins('budgeting_participations', process.id)).sort()
		);

		await closeVoting(db, organiser.actor, { processId: process.id });
		const report = await countProcess(db, process.id);
		expect(report.ballotCount).toBe(6);
		const results = await getResults(db, anonymous, { processId: process.id });
		expect(results.turnout.total).toBe(6);
		await previewRules(db, organiser.actor, {
			processId: process.id,
			rules: ['greedy', 'mes']
		});
		await exportProcessPb(db, { processId: process.id });
		const check = await checkReceipt(db, { processId: process.id, receipt: receipts[1]! });
		// The receipt still finds its ballot after the shake, now with the frozen result.
		expect(check).toMatchObject({
			status: 'in_box',
			result: { ballotCount: 6, ballotsHash: report.ballotsHash }
		});

		// Both tables were used; no statement named both.
		expect(statements.some((s) => s.includes('budgeting_ballots'))).toBe(true);
		expect(statements.some((s) => s.includes('budgeting_participations'))).toBe(true);
		expect(
			statements.filter(
				(s) => s.includes('budgeting_ballots') && s.includes('budgeting_participations')
			)
		).toEqual([]);

		// The count shook the box first, as the system: the ballots now share one writing
		// transaction that wrote no participation.
		const ballotXmins = await xmins('budgeting_ballots', process.id);
		expect(ballotXmins).toHaveLength(6);
		expect(new Set(ballotXmins).size).toBe(1);
		expect(await xmins('budgeting_participations', process.id)).not.toContain(ballotXmins[0]);
		const [shake] = await t.db
			.select()
			.from(platformAuditLog)
			.where(
				and(
					eq(platformAuditLog.subjectId, process.id),
					eq(platformAuditLog.action, 'budgeting.ballots.shuffle')
				)
			);
		expect(shake).toMatchObject({ actorId: null, actorLabel: 'Counting', details: { ballots: 6 } });
	});
});
