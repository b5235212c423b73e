import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentPhase, type PhaseDates } from '../../../core/budgeting/phases';
import type { DatabaseHandle } from '../../db/client';
import { listAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { buildPerson, buildPlaceTree, systemActor } from '../../platform/places/factories';
import { validate } from '../../platform/validation';
import { createTestDatabase } from '../../testing/test-database';
import { buildProcess, datesForPhase } from '../factories';
import { budgetingParticipations, budgetingProcesses, budgetingResults } from '../schema';
import { newId } from '../../platform/ids';
import { createProcess } from './create-process';
import { ukMidnight } from './dates';
import { datesAfterMove, movePhase } from './move-phase';
import { publishProcess } from './publish-process';
import { getProcess, listProcesses } from './queries';
import { updateProcess } from './update-process';
import {
	createProcessSchema,
	phasesMovableFrom,
	updateProcessSchema,
	withPhaseDates
} from './validation';

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

const anonymous = { kind: 'anonymous' } as const;

/** The form as an organiser fills it in. */
const form = (placeId: string, extra: Record<string, string> = {}) => ({
	placeId,
	title: 'Northgate neighbourhood fund',
	description: 'Ideas for the parks and streets of Northgate.',
	budget: '£25,000',
	ballotType: 'approval',
	maxChoices: '3',
	countingRule: 'mes',
	allowAccounts: 'yes',
	allowCodes: 'yes',
	postcodeDistricts: 'zz1, ZZ2',
	...extra
});

describe('the process form', () => {
	it('reads pounds as pence, keeps only the limits of the ballot type and reads UK days', () => {
		const parsed = createProcessSchema.parse(
			withPhaseDates({
				...form('p', { minProjects: '2', totalPoints: '10' }),
				'ideasOpensAt-day': '1',
				'ideasOpensAt-month': '6',
				'ideasOpensAt-year': '2027',
				'votingOpensAt-day': '1',
				'votingOpensAt-month': '7',
				'votingOpensAt-year': '2027',
				'votingClosesAt-day': '14',
				'votingClosesAt-month': '7',
				'votingClosesAt-year': '2027'
			})
		);
		expect(parsed).toMatchObject({
			budgetPence: 2_500_000,
			maxChoices: 3,
			minProjects: null,
			totalPoints: null,
			postcodeDistricts: ['ZZ1', 'ZZ2']
		});
		// Midnight in June is 23:00 the day before in UTC (British Summer Time).
		expect(parsed.ideasOpensAt?.toISOString()).toBe('2027-05-31T23:00:00.000Z');
		// The last day of voting is the 14th: voting closes when it ends.
		expect(parsed.votingClosesAt?.toISOString()).toBe('2027-07-14T23:00:00.000Z');
		expect(ukMidnight('2027-01-10').toISOString()).toBe('2027-01-10T00:00:00.000Z');
	});

	it('names each field that is wrong, in plain English', () => {
		const result = validate(
			createProcessSchema,
			withPhaseDates({
				...form('p', { budget: 'lots', maxChoices: '0', postcodeDistricts: 'ZZ1, 12' }),
				'ideasOpensAt-day': '31',
				'ideasOpensAt-month': '2',
				'ideasOpensAt-year': '2027'
			})
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual([
			{ field: 'budget', message: 'Enter the budget as an amount in pounds, like 25000' },
			{ field: 'maxChoices', message: 'Enter the most projects as a whole number from 1' },
			{
				field: 'postcodeDistricts',
				message: 'Enter postcode districts like ZZ1 or ZZ12, separated by commas'
			},
			{ field: 'ideasOpensAt', message: 'Enter a real date, like 27 3 2027' }
		]);
	});

	it('asks for the limits of the chosen ballot, one way to vote, and dates in order', () => {
		const result = validate(
			createProcessSchema,
			withPhaseDates({
				...form('p', { ballotType: 'cumulative', maxPointsPerProject: '5', allowCodes: '' }),
				allowAccounts: '',
				'reviewOpensAt-day': '1',
				'reviewOpensAt-month': '3',
				'reviewOpensAt-year': '2027',
				'votingOpensAt-day': '1',
				'votingOpensAt-month': '2',
				'votingOpensAt-year': '2027'
			})
		);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.map((e) => e.field)).toEqual([
			'totalPoints',
			'allowAccounts',
			'votingOpensAt',
			'votingClosesAt'
		]);
		expect(result.errors[2]?.message).toBe('Voting must open after review starts');
	});
});

describe('setting up a process', () => {
	it('lets an organiser create a draft, hidden from the public until it is published', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const officer = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'officer' }] });
		const resident = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'resident' }] });
		const input = createProcessSchema.parse(form(wardA.id));

		await expectCode(createProcess(t.db, resident.actor, input), 'forbidden');
		await expectCode(createProcess(t.db, officer.actor, input), 'forbidden');
		const { id } = await createProcess(t.db, organiser.actor, input);

		expect(await getProcess(t.db, anonymous, id)).toBeNull();
		expect(await getProcess(t.db, resident.actor, id)).toBeNull();
		expect((await getProcess(t.db, officer.actor, id))?.canManage).toBe(false);
		const mine = await getProcess(t.db, organiser.actor, id);
		expect(mine).toMatchObject({ status: 'draft', budgetPence: 2_500_000, canManage: true });
		expect((await listProcesses(t.db, anonymous, { placePath: wardA.path })).total).toBe(0);
		const admin = await listProcesses(t.db, organiser.actor, {
			onlyManaged: true,
			includeDrafts: true
		});
		expect(admin.items.map((p) => p.id)).toEqual([id]);

		await expectCode(publishProcess(t.db, officer.actor, { processId: id }), 'forbidden');
		await publishProcess(t.db, organiser.actor, { processId: id });
		await expectCode(publishProcess(t.db, organiser.actor, { processId: id }), 'conflict');
		expect((await getProcess(t.db, anonymous, id))?.status).toBe('published');

		const audit = await listAudit(t.db, systemActor, { place: wardA });
		expect(audit.entries.slice(0, 2).map((e) => e.action)).toEqual([
			'budgeting.process.publish',
			'budgeting.process.create'
		]);
	});

	it('does not let an organiser of ward A run a process in ward B or move one there', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db);
		const organiserA = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		await expectCode(
			createProcess(t.db, organiserA.actor, createProcessSchema.parse(form(wardB.id))),
			'forbidden'
		);
		const { id } = await createProcess(
			t.db,
			organiserA.actor,
			createProcessSchema.parse(form(wardA.id))
		);
		await expectCode(
			updateProcess(
				t.db,
				organiserA.actor,
				updateProcessSchema.parse({ ...form(wardB.id), processId: id })
			),
			'forbidden'
		);
	});

	it('lists published processes that cover a place: on it, above it or below it, a page at a time', async () => {
		const { council, wardA, wardB, hoodA1 } = await buildPlaceTree(t.db);
		const councilWide = await buildProcess(t.db, { placeId: council.id, title: 'Council' });
		const inA = await buildProcess(t.db, { placeId: wardA.id, title: 'Ward A' });
		const inHood = await buildProcess(t.db, { placeId: hoodA1.id, title: 'Hood' });
		await buildProcess(t.db, { placeId: wardB.id, title: 'Ward B' });
		await buildProcess(t.db, { placeId: wardA.id, title: 'Draft', status: 'draft' });

		const forA = await listProcesses(t.db, anonymous, { placePath: wardA.path });
		expect(forA.items.map((p) => p.id).sort()).toEqual([councilWide.id, inA.id, inHood.id].sort());
		const first = await listProcesses(t.db, anonymous, { placePath: wardA.path, pageSize: 2 });
		const second = await listProcesses(t.db, anonymous, {
			placePath: wardA.path,
			pageSize: 2,
			page: 2
		});
		expect(first).toMatchObject({ total: 3, totalPages: 2 });
		expect([...first.items, ...second.items].map((p) => p.id).sort()).toEqual(
			forA.items.map((p) => p.id).sort()
		);
		expect(forA.items.every((p) => p.phase === 'voting')).toBe(true);
	});
});

describe('changing a process', () => {
	it('records what changed, and keeps the time of a date typed as the same day', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const now = new Date('2027-03-10T15:30:00Z');
		const process = await buildProcess(t.db, {
			placeId: wardA.id,
			status: 'draft',
			...datesForPhase('draft', now),
			ideasOpensAt: now
		});
		await updateProcess(
			t.db,
			organiser.actor,
			updateProcessSchema.parse(
				withPhaseDates({
					...form(wardA.id, { budget: '30000' }),
					processId: process.id,
					'ideasOpensAt-day': '10',
					'ideasOpensAt-month': '3',
					'ideasOpensAt-year': '2027'
				})
			),
			now
		);
		const [row] = await t.db
			.select()
			.from(budgetingProcesses)
			.where(eq(budgetingProcesses.id, process.id));
		expect(row?.budgetPence).toBe(3_000_000);
		expect(row?.ideasOpensAt?.toISOString()).toBe(now.toISOString());
		expect(row?.reviewOpensAt).toBeNull();
		const audit = await listAudit(t.db, systemActor, { place: wardA });
		expect(audit.entries[0]?.details).toMatchObject({
			changed: expect.arrayContaining(['budgetPence', 'title', 'reviewOpensAt'])
		});
		expect((audit.entries[0]?.details as { changed: string[] }).changed).not.toContain(
			'ideasOpensAt'
		);
	});

	it('fixes the ballot, budget and who can vote once voting has opened', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const now = new Date();
		const process = await buildProcess(t.db, { placeId: wardA.id, phase: 'voting' });
		const day = (d: Date | null, name: string) => {
			if (!d) return {};
			const [y, m, dd] = new Date(d.getTime() - (name === 'votingClosesAt' ? 1 : 0))
				.toLocaleDateString('en-CA', { timeZone: 'Europe/London' })
				.split('-');
			return { [`${name}-day`]: dd!, [`${name}-month`]: m!, [`${name}-year`]: y! };
		};
		const dates = {
			...day(process.ideasOpensAt, 'ideasOpensAt'),
			...day(process.reviewOpensAt, 'reviewOpensAt'),
			...day(process.votingOpensAt, 'votingOpensAt'),
			...day(process.votingClosesAt, 'votingClosesAt'),
			...day(process.resultsAt, 'resultsAt')
		};
		const base = {
			...form(wardA.id, { budget: '10000', postcodeDistricts: '' }),
			title: process.title,
			description: process.description,
			processId: process.id,
			...dates
		};
		const error = await updateProcess(
			t.db,
			organiser.actor,
			updateProcessSchema.parse(
				withPhaseDates({ ...base, budget: '20000', countingRule: 'greedy' })
			),
			now
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DomainError);
		expect((error as DomainError).code).toBe('phase_closed');
		expect((error as DomainError).fieldErrors.map((f) => f.field)).toEqual([
			'budget',
			'countingRule'
		]);
		// The description may still change.
		await updateProcess(
			t.db,
			organiser.actor,
			updateProcessSchema.parse(withPhaseDates({ ...base, description: 'Now with a map.' })),
			now
		);
		expect((await getProcess(t.db, anonymous, process.id))?.description).toBe('Now with a map.');
	});
});

describe('moving a process to a phase now', () => {
	it('sets the phase date to now, skips earlier phases and clears later dates already passed', () => {
		const now = new Date('2027-03-10T12:00:00Z');
		const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
		const moved = datesAfterMove(
			{
				ideasOpensAt: at('2027-04-01'),
				reviewOpensAt: at('2027-05-01'),
				votingOpensAt: at('2027-06-01'),
				votingClosesAt: at('2027-06-15'),
				resultsAt: null,
				deliveryAt: null
			},
			'review',
			now
		);
		expect(moved.ideasOpensAt).toEqual(now);
		expect(moved.reviewOpensAt).toEqual(now);
		expect(moved.votingOpensAt).toEqual(at('2027-06-01'));
		expect(currentPhase(moved, now)).toBe('review');

		// Back from voting to ideas: review and voting dates that have passed are cleared.
		const back = datesAfterMove(
			{ ...datesForPhase('voting', now), deliveryAt: null } as PhaseDates,
			'ideas',
			now
		);
		expect(back.reviewOpensAt).toBeNull();
		expect(back.votingOpensAt).toBeNull();
		expect(back.votingClosesAt).not.toBeNull();
		expect(currentPhase(back, now)).toBe('ideas');
	});

	it('moves the phase with an audit entry, and opens voting only with a closing date to come', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const officer = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'officer' }] });
		const process = await buildProcess(t.db, {
			placeId: wardA.id,
			ideasOpensAt: null,
			reviewOpensAt: null,
			votingOpensAt: null,
			votingClosesAt: null,
			resultsAt: null
		});
		const now = new Date();
		await expectCode(
			movePhase(t.db, officer.actor, { processId: process.id, phase: 'ideas' }, now),
			'forbidden'
		);
		await movePhase(t.db, organiser.actor, { processId: process.id, phase: 'ideas' }, now);
		expect((await getProcess(t.db, anonymous, process.id, now))?.phase).toBe('ideas');
		await expectCode(
			movePhase(t.db, organiser.actor, { processId: process.id, phase: 'ideas' }, now),
			'conflict'
		);
		const refused = await movePhase(t.db, organiser.actor, {
			processId: process.id,
			phase: 'voting'
		}).catch((e: unknown) => e);
		expect((refused as DomainError).fieldErrors).toEqual([
			{ field: 'votingClosesAt', message: 'Enter the last day of voting, after today' }
		]);
		const audit = await listAudit(t.db, systemActor, { place: wardA });
		expect(audit.entries[0]).toMatchObject({
			action: 'budgeting.process.move_phase',
			details: { from: 'draft', to: 'ideas', after: { ideasOpensAt: now.toISOString() } }
		});
	});

	it('never reopens a closed vote, moves a counted one on to delivery, and keeps voting once someone voted', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const now = new Date();
		expect(phasesMovableFrom('results')).toEqual(['delivery']);
		expect(phasesMovableFrom('delivery')).toEqual([]);
		expect(phasesMovableFrom('voting')).toEqual(['ideas', 'review']);

		const voting = await buildProcess(t.db, { placeId: wardA.id, ...datesForPhase('voting', now) });
		await t.db
			.insert(budgetingParticipations)
			.values({ id: newId(), processId: voting.id, channel: 'paper' });
		await expectCode(
			movePhase(t.db, organiser.actor, { processId: voting.id, phase: 'review' }, now),
			'conflict'
		);
		await expectCode(
			movePhase(t.db, organiser.actor, { processId: voting.id, phase: 'delivery' }, now),
			'conflict'
		);

		const closed = await buildProcess(t.db, {
			placeId: wardA.id,
			...datesForPhase('results', now)
		});
		await expectCode(
			movePhase(t.db, organiser.actor, { processId: closed.id, phase: 'voting' }, now),
			'conflict'
		);
		// Not counted yet: delivery waits for the result.
		await expect(
			movePhase(t.db, organiser.actor, { processId: closed.id, phase: 'delivery' }, now)
		).rejects.toThrow(/not been counted/);
		await t.db.insert(budgetingResults).values({
			id: newId(),
			processId: closed.id,
			kind: 'official',
			rule: 'greedy',
			outcome: {},
			ballotsHash: '0'.repeat(64),
			ballotCount: 0
		});
		await movePhase(t.db, organiser.actor, { processId: closed.id, phase: 'delivery' }, now);
		expect((await getProcess(t.db, anonymous, closed.id, now))?.phase).toBe('delivery');
		await expectCode(
			movePhase(t.db, organiser.actor, { processId: closed.id, phase: 'ideas' }, now),
			'conflict'
		);
	});
});
