import { and, count, eq, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PGlite } from '@electric-sql/pglite';
import type { Sql } from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DatabaseHandle } from '../../db/client';
import * as schema from '../../db/schema';
import { DomainError } from '../../platform/errors';
import { buildPerson, buildPlaceTree } from '../../platform/places/factories';
import { platformAuditLog, platformUsers } from '../../platform/schema';
import { createTestDatabase } from '../../testing/test-database';
import { buildProcess, buildProjects } from '../factories';
import {
	budgetingBallots,
	budgetingParticipations,
	budgetingProcesses,
	budgetingResults,
	budgetingVotingCodes
} from '../schema';
import type { Actor } from '../../platform/permissions';
import { putInBallotBox } from './ballot-box';
import { countProcess } from '../results/count-process';
import { cancelCodeBatch } from './cancel-code-batch';
import { castBallot, type CastBallotInput } from './cast-ballot';
import { checkReceipt } from './check-receipt';
import { hashCode, normaliseCode } from './codes';
import { createCodeBatch } from './create-code-batch';
import { enterPaperBallot } from './enter-paper-ballot';
import { issueBatchCodes } from './issue-batch-codes';
import { getBallotPage } from './ballot-page';
import { listCodeBatches } from './list-code-batches';
import { shuffleBallotBox } from './shuffle-ballot-box';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const anonymous = { kind: 'anonymous' } as const;

async function expectCode(promise: Promise<unknown>, code: string, message?: RegExp) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	expect((error as DomainError).code).toBe(code);
	if (message) expect((error as DomainError).message).toMatch(message);
	return error as DomainError;
}

/** A knapsack process in ward A with four projects and a batch of `codes` codes. */
async function votingSetup(
	db: Database,
	options: {
		codes?: number;
		overrides?: Parameters<typeof buildProcess>[1] extends infer O ? Partial<O> : never;
	} = {}
) {
	const tree = await buildPlaceTree(db);
	const organiser = await buildPerson(db, {
		grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
	});
	const process = await buildProcess(db, {
		placeId: tree.wardA.id,
		ballotType: 'knapsack',
		budgetPence: 1_000_000,
		maxChoices: null,
		...options.overrides
	});
	const projects = await buildProjects(db, process.id, [
		{ title: 'Benches', costPence: 240_000 },
		{ title: 'Play area', costPence: 600_000 },
		{ title: 'Trees', costPence: 400_000 },
		{ title: 'Library hours', costPence: 200_000 }
	]);
	const batch = await createCodeBatch(db, organiser.actor, {
		processId: process.id,
		label: 'Letters to Neighbourhood A1',
		size: options.codes ?? 5,
		placeId: tree.hoodA1.id
	});
	const { codes } = await issueBatchCodes(db, organiser.actor, {
		processId: process.id,
		batchId: batch.id
	});
	return { ...tree, organiser, process, projects, batchId: batch.id, codes };
}

const ticks = (...ids: string[]) => ({ choices: ids.map((projectId) => ({ projectId })) });

function cast(
	db: Database,
	processId: string,
	{
		actor = anonymous,
		...overrides
	}: Partial<CastBallotInput> & { submitted: CastBallotInput['submitted']; actor?: Actor }
) {
	return castBallot(db, actor, {
		processId,
		code: '',
		isAgeConfirmed: false,
		postcode: '',
		clientAddress: '192.0.2.1',
		...overrides
	});
}

describe('voting codes', () => {
	it('are unguessable, grouped in fours, stored only as hashes, and shown once', async () => {
		const { organiser, process, batchId, codes } = await votingSetup(t.db, { codes: 50 });
		expect(new Set(codes).size).toBe(50);
		for (const code of codes)
			expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
		const stored = await t.db
			.select()
			.from(budgetingVotingCodes)
			.where(eq(budgetingVotingCodes.batchId, batchId));
		expect(stored.map((r) => r.codeHash).sort()).toEqual(
			codes.map((c) => hashCode(normaliseCode(c)!)).sort()
		);
		const everything = JSON.stringify(stored);
		for (const code of codes) {
			expect(everything).not.toContain(code);
			expect(everything).not.toContain(code.replaceAll('-', ''));
		}
		// The audit says how many, never which.
		const audit = JSON.stringify(
			await t.db.select().from(platformAuditLog).where(eq(platformAuditLog.subjectId, batchId))
		);
		expect(audit).toContain('budgeting.codes.issue');
		for (const code of codes) expect(audit).not.toContain(code.replaceAll('-', '').slice(0, 8));
		await expectCode(
			issueBatchCodes(t.db, organiser.actor, { processId: process.id, batchId }),
			'conflict',
			/already been printed/
		);
	});

	it('accept a code typed in lower case, with spaces instead of dashes', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		const typed = ` ${codes[0]!.toLowerCase().replaceAll('-', ' ')} `;
		const { receipt } = await cast(t.db, process.id, {
			code: typed,
			submitted: ticks(projects[0]!.id)
		});
		expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
	});

	it('may be made only by an organiser of the place', async () => {
		const { process, hoodA1 } = await votingSetup(t.db);
		const resident = await buildPerson(t.db, {
			grants: [{ placeId: hoodA1.id, role: 'resident' }]
		});
		await expectCode(
			createCodeBatch(t.db, resident.actor, {
				processId: process.id,
				label: 'x',
				size: 1,
				placeId: null
			}),
			'forbidden'
		);
	});

	it('can be cancelled, and a cancelled code cannot vote', async () => {
		const { organiser, process, projects, batchId, codes } = await votingSetup(t.db);
		expect(
			await cancelCodeBatch(t.db, organiser.actor, { processId: process.id, batchId })
		).toEqual({
			cancelled: 5
		});
		await expectCode(
			cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[0]!.id) }),
			'invalid',
			/cancelled/
		);
		const { batches } = await listCodeBatches(t.db, organiser.actor, process.id);
		expect(batches).toMatchObject([{ size: 5, issued: 5, cancelled: 5, used: 0 }]);
	});
});

describe('casting a ballot', () => {
	it('puts the ballot in the box, the voter on the roll, and the receipt finds it', async () => {
		const { organiser, process, projects, codes, hoodA1 } = await votingSetup(t.db);
		const { receipt } = await cast(t.db, process.id, {
			code: codes[0]!,
			submitted: ticks(projects[2]!.id, projects[0]!.id)
		});
		const ballots = await t.db
			.select()
			.from(budgetingBallots)
			.where(eq(budgetingBallots.processId, process.id));
		expect(ballots.map((b) => b.ballot)).toEqual([
			{ projectIds: [projects[0]!.id, projects[2]!.id] }
		]);
		const roll = await t.db
			.select()
			.from(budgetingParticipations)
			.where(eq(budgetingParticipations.processId, process.id));
		expect(roll).toMatchObject([{ channel: 'online_code', placeId: hoodA1.id, userId: null }]);
		expect(
			await checkReceipt(t.db, { processId: process.id, receipt: receipt.toLowerCase() })
		).toEqual({
			status: 'in_box',
			result: null
		});
		expect(
			await checkReceipt(t.db, { processId: process.id, receipt: 'AAAA-AAAA-AAAA-AAAA' })
		).toEqual({ status: 'not_found' });
		expect(await checkReceipt(t.db, { processId: process.id, receipt: 'nonsense' })).toEqual({
			status: 'malformed'
		});
		const { batches } = await listCodeBatches(t.db, organiser.actor, process.id);
		expect(batches[0]).toMatchObject({ used: 1 });
	});

	it('says the box was counted once an official result is frozen', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		const { receipt } = await cast(t.db, process.id, {
			code: codes[0]!,
			submitted: ticks(projects[0]!.id)
		});
		await t.db.insert(budgetingResults).values({
			id: 'result-' + process.id,
			processId: process.id,
			kind: 'official',
			rule: 'greedy',
			outcome: {},
			ballotsHash: 'ab'.repeat(32),
			ballotCount: 1
		});
		expect(await checkReceipt(t.db, { processId: process.id, receipt })).toMatchObject({
			status: 'in_box',
			result: { ballotCount: 1, ballotsHash: 'ab'.repeat(32) }
		});
	});

	it('refuses a second ballot with a used code', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		await cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[0]!.id) });
		await expectCode(
			cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[1]!.id) }),
			'conflict',
			/This code has already been used/
		);
	});

	it('counts exactly one of ten ballots cast at once with one code', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, (_, i) =>
				cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[i % 4]!.id) })
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		for (const r of results)
			if (r.status === 'rejected') expect((r.reason as DomainError).code).toBe('conflict');
		const [ballots] = await t.db
			.select({ n: count() })
			.from(budgetingBallots)
			.where(eq(budgetingBallots.processId, process.id));
		const [roll] = await t.db
			.select({ n: count() })
			.from(budgetingParticipations)
			.where(eq(budgetingParticipations.processId, process.id));
		expect([ballots?.n, roll?.n]).toEqual([1, 1]);
	});

	it('counts exactly one of ten ballots cast at once by one account', async () => {
		const { process, projects, hoodA1 } = await votingSetup(t.db);
		const voter = await buildPerson(t.db);
		await t.db
			.update(platformUsers)
			.set({ homePlaceId: hoodA1.id })
			.where(eq(platformUsers.id, voter.id));
		const results = await Promise.allSettled(
			Array.from({ length: 10 }, () =>
				castBallot(t.db, voter.actor, {
					processId: process.id,
					code: '',
					isAgeConfirmed: false,
					postcode: '',
					clientAddress: '192.0.2.2',
					submitted: ticks(projects[0]!.id)
				})
			)
		);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
		expect((rejected.reason as DomainError).message).toMatch(/already voted/);
		const roll = await t.db
			.select()
			.from(budgetingParticipations)
			.where(eq(budgetingParticipations.processId, process.id));
		expect(roll).toMatchObject([
			{ channel: 'online_account', userId: voter.id, placeId: hoodA1.id }
		]);
	});

	it('refuses an account living outside the area', async () => {
		const { process, projects, wardB } = await votingSetup(t.db);
		const voter = await buildPerson(t.db);
		await t.db
			.update(platformUsers)
			.set({ homePlaceId: wardB.id })
			.where(eq(platformUsers.id, voter.id));
		await expectCode(
			castBallot(t.db, voter.actor, {
				processId: process.id,
				code: '',
				isAgeConfirmed: false,
				postcode: '',
				clientAddress: '192.0.2.2',
				submitted: ticks(projects[0]!.id)
			}),
			'invalid',
			/people living in Ward A/
		);
	});

	it('refuses a ballot over the budget with a message, and the code stays unused', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		const error = await expectCode(
			cast(t.db, process.id, {
				code: codes[0]!,
				submitted: ticks(projects[0]!.id, projects[1]!.id, projects[2]!.id)
			}),
			'invalid'
		);
		expect(error.fieldErrors).toEqual([
			{
				field: 'projects',
				message:
					'You chose projects costing £12,400; the budget is £10,000. Remove £2,400 of projects.'
			}
		]);
		await cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[0]!.id) });
	});

	it('refuses an approval ballot over k with a message', async () => {
		const { process, projects, codes } = await votingSetup(t.db, {
			overrides: { ballotType: 'approval', maxChoices: 2 }
		});
		const error = await expectCode(
			cast(t.db, process.id, {
				code: codes[0]!,
				submitted: ticks(projects[0]!.id, projects[1]!.id, projects[2]!.id)
			}),
			'invalid'
		);
		expect(error.fieldErrors[0]?.message).toBe(
			'You chose 3 projects; you can choose up to 2. Untick 1 project.'
		);
	});

	it('asks for the age declaration and a postcode in the districts, and stores neither', async () => {
		const { process, projects, codes } = await votingSetup(t.db, {
			overrides: { minAge: 16, postcodeDistricts: ['ZZ1', 'ZZ2'] }
		});
		const error = await expectCode(
			cast(t.db, process.id, {
				code: codes[0]!,
				postcode: 'ZZ9 1AA',
				submitted: ticks(projects[0]!.id)
			}),
			'invalid'
		);
		expect(error.fieldErrors.map((e) => e.field)).toEqual(['age', 'postcode']);
		expect(error.fieldErrors[0]?.message).toBe(
			'Confirm that you are 16 or older to vote in this budget.'
		);
		await cast(t.db, process.id, {
			code: codes[0]!,
			isAgeConfirmed: true,
			postcode: 'zz1 4ab',
			submitted: ticks(projects[0]!.id)
		});
		const dump = JSON.stringify([
			await rows(sql`select * from budgeting_participations`),
			await rows(sql`select * from budgeting_ballots`)
		]);
		expect(dump).not.toMatch(/ZZ1 ?4AB/i);
	});

	it('refuses ballots when voting is not open', async () => {
		const { process, projects, codes } = await votingSetup(t.db, {
			overrides: { ...closedDates() }
		});
		await expectCode(
			cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[0]!.id) }),
			'phase_closed',
			/Voting has closed/
		);
	});
});

function closedDates() {
	const day = 86_400_000;
	const now = Date.now();
	return {
		votingOpensAt: new Date(now - 20 * day),
		votingClosesAt: new Date(now - 10 * day),
		resultsAt: new Date(now + 10 * day)
	};
}

describe('the rate limit on code entry', () => {
	it('refuses codes, even right ones, after ten wrong codes from one address', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		const from = { clientAddress: '198.51.100.7', submitted: ticks(projects[0]!.id) };
		for (let i = 0; i < 10; i++)
			await expectCode(
				cast(t.db, process.id, { ...from, code: 'AAAA-AAAA-AAAA' }),
				'invalid',
				/not right/
			);
		await expectCode(cast(t.db, process.id, { ...from, code: codes[0]! }), 'rate_limited');
		// Another address is not held up, and the window passes.
		await cast(t.db, process.id, { ...from, clientAddress: '198.51.100.8', code: codes[0]! });
		await cast(t.db, process.id, {
			...from,
			code: codes[1]!,
			now: new Date(Date.now() + 16 * 60 * 1000)
		});
	});

	it('never locks out a right code, however many wrong ones other addresses type', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		const limits = { perAddress: 3, windowMs: 60_000 };
		for (let i = 0; i < 30; i++)
			await expectCode(
				cast(t.db, process.id, {
					clientAddress: `203.0.113.${i}`,
					code: 'AAAA-AAAA-AAAA',
					limits,
					submitted: ticks(projects[0]!.id)
				}),
				'invalid'
			);
		await cast(t.db, process.id, {
			clientAddress: '203.0.113.99',
			code: codes[0]!,
			limits,
			submitted: ticks(projects[0]!.id)
		});
	});

	it('counts every address in one IPv6 /64 as one network', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		const limits = { perAddress: 3, windowMs: 60_000 };
		for (const clientAddress of [
			'2001:db8:1:2::1',
			'2001:db8:1:2:a:b:c:d',
			'2001:DB8:1:2:0:0:0:FFFF'
		])
			await expectCode(
				cast(t.db, process.id, {
					clientAddress,
					code: 'AAAA-AAAA-AAAA',
					limits,
					submitted: ticks(projects[0]!.id)
				}),
				'invalid'
			);
		await expectCode(
			cast(t.db, process.id, {
				clientAddress: '2001:0db8:0001:0002::99',
				code: codes[0]!,
				limits,
				submitted: ticks(projects[0]!.id)
			}),
			'rate_limited'
		);
		// The next /64 is another network.
		await cast(t.db, process.id, {
			clientAddress: '2001:db8:1:3::99',
			code: codes[0]!,
			limits,
			submitted: ticks(projects[0]!.id)
		});
	});
});

describe('one person, one ballot across ways of voting', () => {
	async function residentOf(placeId: string) {
		const voter = await buildPerson(t.db);
		await t.db
			.update(platformUsers)
			.set({ homePlaceId: placeId })
			.where(eq(platformUsers.id, voter.id));
		return voter;
	}
	const byAccount = (actor: Actor, processId: string, submitted: CastBallotInput['submitted']) =>
		cast(t.db, processId, { actor, submitted });

	it('refuses an account that voted with a code while signed in, and another code after it', async () => {
		const { process, projects, codes, hoodA1 } = await votingSetup(t.db);
		const voter = await residentOf(hoodA1.id);
		await cast(t.db, process.id, {
			actor: voter.actor,
			code: codes[0]!,
			submitted: ticks(projects[0]!.id)
		});
		await expectCode(
			byAccount(voter.actor, process.id, ticks(projects[1]!.id)),
			'conflict',
			/already voted/
		);
		const second = await expectCode(
			cast(t.db, process.id, {
				actor: voter.actor,
				code: codes[1]!,
				submitted: ticks(projects[1]!.id)
			}),
			'conflict',
			/already voted/
		);
		expect(second.fieldErrors[0]?.field).toBe('form');
		// The used code is refused as a code, whoever types it.
		await expectCode(
			cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[1]!.id) }),
			'conflict',
			/code has already been used/
		);
		const roll = await t.db
			.select()
			.from(budgetingParticipations)
			.where(eq(budgetingParticipations.processId, process.id));
		expect(roll).toMatchObject([{ channel: 'online_code', userId: voter.id }]);
		// An unused code still votes, signed out.
		await cast(t.db, process.id, { code: codes[1]!, submitted: ticks(projects[1]!.id) });
	});

	it('refuses a code while signed in once the account has voted, and keeps the code unused', async () => {
		const { process, projects, codes, hoodA1 } = await votingSetup(t.db);
		const voter = await residentOf(hoodA1.id);
		await byAccount(voter.actor, process.id, ticks(projects[0]!.id));
		await expectCode(
			cast(t.db, process.id, {
				actor: voter.actor,
				code: codes[0]!,
				submitted: ticks(projects[1]!.id)
			}),
			'conflict',
			/already voted/
		);
		await cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[1]!.id) });
	});

	it('does not tie a code to the account where accounts cannot vote', async () => {
		const { process, projects, codes, hoodA1 } = await votingSetup(t.db, {
			overrides: { allowAccounts: false }
		});
		const helper = await residentOf(hoodA1.id);
		for (const code of codes.slice(0, 2))
			await castBallot(t.db, helper.actor, {
				processId: process.id,
				code,
				isAgeConfirmed: false,
				postcode: '',
				clientAddress: '192.0.2.3',
				submitted: ticks(projects[0]!.id)
			});
		const roll = await t.db
			.select({ userId: budgetingParticipations.userId })
			.from(budgetingParticipations)
			.where(eq(budgetingParticipations.processId, process.id));
		expect(roll).toEqual([{ userId: null }, { userId: null }]);
	});

	it('uses up the code of a letter brought to a paper ballot, and refuses a code used online', async () => {
		const { process, projects, codes, council } = await votingSetup(t.db);
		const officer = await buildPerson(t.db, { grants: [{ placeId: council.id, role: 'officer' }] });
		await enterPaperBallot(t.db, officer.actor, {
			processId: process.id,
			submitted: ticks(projects[0]!.id),
			placeId: null,
			code: codes[0]!.toLowerCase()
		});
		await expectCode(
			cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[1]!.id) }),
			'conflict',
			/already been used/
		);
		await cast(t.db, process.id, { code: codes[1]!, submitted: ticks(projects[1]!.id) });
		const refused = await expectCode(
			enterPaperBallot(t.db, officer.actor, {
				processId: process.id,
				submitted: ticks(projects[0]!.id),
				placeId: null,
				code: codes[1]!
			}),
			'conflict',
			/already been used/
		);
		expect(refused.fieldErrors[0]?.field).toBe('code');
		await expectCode(
			enterPaperBallot(t.db, officer.actor, {
				processId: process.id,
				submitted: ticks(projects[0]!.id),
				placeId: null,
				code: 'ZZZZ-ZZZZ-ZZZZ'
			}),
			'invalid',
			/not one of this budget/
		);
		const roll = await t.db
			.select({ channel: budgetingParticipations.channel })
			.from(budgetingParticipations)
			.where(eq(budgetingParticipations.processId, process.id));
		expect(roll.map((r) => r.channel).sort()).toEqual(['online_code', 'paper']);
	});
});

describe('the close of voting', () => {
	it('refuses a ballot whose transaction starts after the close, even if its page loaded before', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		// The voter's request began while voting was open (the use case's `now`), but the box
		// checks the close again under its lock, at the moment the ballot goes in.
		const closes = new Date(Date.now() + 60_000);
		await t.db
			.update(budgetingProcesses)
			.set({ votingClosesAt: closes })
			.where(eq(budgetingProcesses.id, process.id));
		await expectCode(
			putInBallotBox(t.db, {
				processId: process.id,
				participant: { channel: 'online_code', votingCodeId: null },
				ballot: { projectIds: [projects[0]!.id] },
				at: new Date(closes.getTime() + 1)
			}),
			'phase_closed',
			/Voting has closed/
		);
		await cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[0]!.id) });
	});

	it('counts a ballot that was going in as voting closed: the count waits for it', async () => {
		const { process, projects, codes } = await votingSetup(t.db);
		await cast(t.db, process.id, { code: codes[0]!, submitted: ticks(projects[0]!.id) });
		const closedAt = new Date(Date.now() - 1000);
		await t.db
			.update(budgetingProcesses)
			.set({ votingClosesAt: closedAt, resultsAt: closedAt })
			.where(eq(budgetingProcesses.id, process.id));
		let countDone = false;
		let counting: Promise<{ ballotCount: number }> | undefined;
		await t.db.transaction(async (tx) => {
			// A ballot past its check (as at a moment before the close) but not yet committed...
			await putInBallotBox(tx, {
				processId: process.id,
				participant: { channel: 'paper' },
				ballot: { projectIds: [projects[1]!.id] },
				at: new Date(closedAt.getTime() - 1)
			});
			// ...when the count starts, on another connection.
			counting = countProcess(t.db, process.id).then((r) => {
				countDone = true;
				return r;
			});
			await new Promise((r) => setTimeout(r, 300));
			expect(countDone).toBe(false);
		});
		const report = await counting!;
		expect(report.ballotCount).toBe(2);
	});
});

describe('paper ballots', () => {
	it('are entered by an officer, counted in turnout, and audited without their content', async () => {
		const { process, projects, council, hoodA1 } = await votingSetup(t.db);
		const officer = await buildPerson(t.db, { grants: [{ placeId: council.id, role: 'officer' }] });
		const { receipt } = await enterPaperBallot(t.db, officer.actor, {
			processId: process.id,
			submitted: ticks(projects[3]!.id),
			placeId: hoodA1.id
		});
		await enterPaperBallot(t.db, officer.actor, {
			processId: process.id,
			submitted: ticks(projects[1]!.id),
			placeId: null
		});
		const roll = await t.db
			.select({ channel: budgetingParticipations.channel, n: count() })
			.from(budgetingParticipations)
			.where(eq(budgetingParticipations.processId, process.id))
			.groupBy(budgetingParticipations.channel);
		expect(roll).toEqual([{ channel: 'paper', n: 2 }]);
		expect(await checkReceipt(t.db, { processId: process.id, receipt })).toMatchObject({
			status: 'in_box'
		});
		const audit = await t.db
			.select()
			.from(platformAuditLog)
			.where(
				and(
					eq(platformAuditLog.subjectId, process.id),
					eq(platformAuditLog.action, 'budgeting.paper_ballot')
				)
			);
		expect(audit).toHaveLength(2);
		const text = JSON.stringify(audit);
		for (const p of projects) expect(text).not.toContain(p.id);
		expect(text).not.toContain(receipt);
	});

	it('are refused to a resident and over-budget paper ballots are refused', async () => {
		const { process, projects, council, hoodA1 } = await votingSetup(t.db);
		const resident = await buildPerson(t.db, {
			grants: [{ placeId: hoodA1.id, role: 'resident' }]
		});
		await expectCode(
			enterPaperBallot(t.db, resident.actor, {
				processId: process.id,
				submitted: ticks(projects[0]!.id),
				placeId: null
			}),
			'forbidden'
		);
		const officer = await buildPerson(t.db, { grants: [{ placeId: council.id, role: 'officer' }] });
		await expectCode(
			enterPaperBallot(t.db, officer.actor, {
				processId: process.id,
				submitted: ticks(projects[0]!.id, projects[1]!.id, projects[2]!.id),
				placeId: null
			}),
			'invalid',
			/budget is £10,000/
		);
	});
});

describe('ballot secrecy', () => {
	it('the ballots table has no column that could name, time or order a voter', async () => {
		const columns = await rows<{
			column_name: string;
			data_type: string;
			column_default: string | null;
			is_identity: string;
		}>(
			sql`select column_name, data_type, column_default, is_identity from information_schema.columns where table_name = 'budgeting_ballots' order by column_name`
		);
		expect(columns.map((c) => c.column_name)).toEqual([
			'ballot',
			'id',
			'process_id',
			'receipt_hash'
		]);
		for (const c of columns) {
			expect(c.data_type).not.toMatch(/time|date|serial|interval/);
			expect(c.column_default).toBeNull();
			expect(c.is_identity).toBe('NO');
		}
		const references = await rows<{ foreign_table: string }>(
			sql`select ccu.table_name as foreign_table from information_schema.table_constraints tc join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name where tc.table_name = 'budgeting_ballots' and tc.constraint_type = 'FOREIGN KEY'`
		);
		expect(references.map((r) => r.foreign_table)).toEqual(['budgeting_processes']);
		// The Drizzle schema agrees with the database.
		expect(
			Object.keys(schema.budgetingBallots)
				.filter((k) => !k.startsWith('_'))
				.sort()
		).toEqual(['ballot', 'enableRLS', 'id', 'processId', 'receiptHash']);
	});

	it('the roll of participations has no time or sequence either', async () => {
		const columns = await rows<{
			column_name: string;
			data_type: string;
			column_default: string | null;
		}>(
			sql`select column_name, data_type, column_default from information_schema.columns where table_name = 'budgeting_participations'`
		);
		for (const c of columns) {
			expect(c.data_type).not.toMatch(/time|date|serial|interval/);
			expect(c.column_default).toBeNull();
		}
	});

	it('no statement the voting flow sends mentions both the roll and the ballot box', async () => {
		const statements: string[] = [];
		const logger = { logQuery: (query: string) => statements.push(query) };
		const logged = (t.engine === 'pglite'
			? drizzlePglite((t.db as unknown as { $client: PGlite }).$client, { schema, logger })
			: drizzlePostgres((t.db as unknown as { $client: Sql }).$client, {
					schema,
					logger
				})) as unknown as Database;
		const { process, projects, codes, organiser, council, hoodA1, batchId } = await votingSetup(
			logged,
			{
				codes: 3
			}
		);
		const officer = await buildPerson(logged, {
			grants: [{ placeId: council.id, role: 'officer' }]
		});
		const voter = await buildPerson(logged);
		await logged
			.update(platformUsers)
			.set({ homePlaceId: hoodA1.id })
			.where(eq(platformUsers.id, voter.id));
		await getBallotPage(logged, anonymous, { processId: process.id, withNeighbourhoods: true });
		const { receipt } = await cast(logged, process.id, {
			code: codes[0]!,
			submitted: ticks(projects[0]!.id)
		});
		await expectCode(
			cast(logged, process.id, { code: codes[0]!, submitted: ticks(projects[0]!.id) }),
			'conflict'
		);
		await expectCode(
			cast(logged, process.id, { code: 'AAAA-AAAA-AAAA', submitted: ticks(projects[0]!.id) }),
			'invalid'
		);
		await castBallot(logged, voter.actor, {
			processId: process.id,
			code: '',
			isAgeConfirmed: false,
			postcode: '',
			clientAddress: '192.0.2.3',
			submitted: ticks(projects[1]!.id)
		});
		await enterPaperBallot(logged, officer.actor, {
			processId: process.id,
			submitted: ticks(projects[2]!.id),
			placeId: null
		});
		await checkReceipt(logged, { processId: process.id, receipt });
		await listCodeBatches(logged, organiser.actor, process.id);
		await cancelCodeBatch(logged, organiser.actor, { processId: process.id, batchId });
		await shuffleBallotBox(logged, organiser.actor, { processId: process.id });

		expect(statements.some((s) => s.includes('"budgeting_ballots"'))).toBe(true);
		expect(statements.some((s) => s.includes('"budgeting_participations"'))).toBe(true);
		const both = statements.filter(
			(s) => s.includes('budgeting_ballots') && s.includes('budgeting_participations')
		);
		expect(both).toEqual([]);
	});

	it('shaking the box leaves nothing in the rows that lines ballots up with the roll', async () => {
		const { process, projects, codes, organiser } = await votingSetup(t.db, { codes: 4 });
		for (const [i, code] of codes.entries())
			await cast(t.db, process.id, { code, submitted: ticks(projects[i]!.id) });
		const xmins = async (table: string) =>
			(
				await rows<{ x: string }>(
					sql`select xmin::text as x from ${sql.identifier(table)} where process_id = ${process.id}`
				)
			).map((r) => r.x);
		// The threat: each ballot was written by the same transaction as its participation.
		expect((await xmins('budgeting_ballots')).sort()).toEqual(
			(await xmins('budgeting_participations')).sort()
		);
		const before = await t.db
			.select()
			.from(budgetingBallots)
			.where(eq(budgetingBallots.processId, process.id));
		expect(await shuffleBallotBox(t.db, organiser.actor, { processId: process.id })).toEqual({
			ballots: 4
		});
		const after = await t.db
			.select()
			.from(budgetingBallots)
			.where(eq(budgetingBallots.processId, process.id));
		const ballotXmins = await xmins('budgeting_ballots');
		expect(new Set(ballotXmins).size).toBe(1);
		expect(await xmins('budgeting_participations')).not.toContain(ballotXmins[0]);
		const sortById = (rs: typeof before) => [...rs].sort((a, b) => a.id.localeCompare(b.id));
		expect(sortById(after)).toEqual(sortById(before));
	});
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	const result = (await t.db.execute(query)) as unknown as { rows?: T[] } & T[];
	return result.rows ?? [...result];
}
