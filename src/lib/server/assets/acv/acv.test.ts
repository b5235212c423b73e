import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { listAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { buildPerson, buildPlaceTree, systemActor } from '../../platform/places/factories';
import { platformJobs } from '../../platform/schema';
import { createTestDatabase } from '../../testing/test-database';
import { buildAsset, buildOrganisation, queuedMailTo } from '../transfer/factories';
import { decideNomination } from './decide-nomination';
import { nominateAsset } from './nominate-asset';
import { getAcvSummary, listAcvs } from './queries';
import { recordBidRequest } from './record-bid-request';
import { recordDisposalNotice } from './record-disposal-notice';
import { recordExemptDisposal } from './record-exempt-disposal';
import { ACV_REMINDER_QUEUE, scheduleAcvReminders, sendAcvReminder } from './reminders';
import { assetsAcvNominations } from './schema';
import { nominateAssetSchema, type NominateAssetInput } from './validation';

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

/** A ward with an organiser and an officer, a group the organiser looks after, and a pub. */
async function setting() {
	const tree = await buildPlaceTree(t.db);
	const organiser = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
	});
	const officer = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'officer' }]
	});
	const outsider = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardB.id, role: 'organiser' }]
	});
	const group = await buildOrganisation(t.db, {
		placeIds: [tree.wardA.id],
		name: 'Friends of the Red Lion'
	});
	const pub = await buildAsset(t.db, { placeId: tree.hoodA1.id, name: 'The Red Lion' });
	return { ...tree, organiser, officer, outsider, group, pub };
}

type Setting = Awaited<ReturnType<typeof setting>>;

const nomination = (
	s: Setting,
	overrides: Partial<NominateAssetInput> = {}
): NominateAssetInput => ({
	assetId: s.pub.id,
	organisationId: s.group.id,
	kind: 'unincorporated_group',
	isLocal: true,
	localElectorMembers: 34,
	distributesNoSurplus: true,
	landInParish: null,
	reasons:
		'The only pub in the village; the darts league, the quiz and the Christmas lunch meet here.',
	...overrides
});

/** Nominated 10 January 2025, listed 20 February 2025, notice received 2 June 2025. */
async function pubForSale(s: Setting) {
	const { nominationId } = await nominateAsset(t.db, s.organiser.actor, nomination(s), {
		today: '2025-01-10'
	});
	await decideNomination(
		t.db,
		s.officer.actor,
		{
			nominationId,
			decision: 'listed',
			decisionDate: '2025-02-20',
			reasons: 'A hub of village life.'
		},
		{ today: '2025-02-20' }
	);
	await recordDisposalNotice(
		t.db,
		s.officer.actor,
		{ assetId: s.pub.id, receivedDate: '2025-06-02', ownerName: 'Brewery plc', notes: null },
		{ today: '2025-06-03' }
	);
	return nominationId;
}

async function reminderKeys(nominationId: string) {
	const rows = await t.db
		.select({ key: platformJobs.singletonKey, runAt: platformJobs.runAt })
		.from(platformJobs)
		.where(
			and(
				eq(platformJobs.queue, ACV_REMINDER_QUEUE),
				like(platformJobs.singletonKey, `acv-reminder:${nominationId}:%`)
			)
		);
	return rows
		.map((r) => `${r.key!.split(':').slice(2).join(':')}@${r.runAt.toISOString().slice(0, 10)}`)
		.sort();
}

describe('nominating an asset', () => {
	it('stores the nomination with the eligibility reason and a reference', async () => {
		const s = await setting();
		const { nominationId, reference } = await nominateAsset(
			t.db,
			s.organiser.actor,
			nomination(s),
			{
				today: '2025-01-10'
			}
		);
		expect(reference).toMatch(/^ACV-2025-\d{4}$/);
		const [row] = await t.db
			.select()
			.from(assetsAcvNominations)
			.where(eq(assetsAcvNominations.id, nominationId));
		expect(row).toMatchObject({
			receivedDate: '2025-01-10',
			eligibilityReason: 'group_with_21_electors',
			decision: null,
			listingDate: null
		});
		const summary = await getAcvSummary(t.db, s.pub.id, { today: '2025-01-11' });
		expect(summary?.timeline.state).toBe('nominated');
		expect(summary?.timeline.nextDeadline).toMatchObject({
			kind: 'decision_due',
			date: '2025-03-06'
		});
		expect(summary?.nomination.organisationName).toBe('Friends of the Red Lion');
	});

	it('refuses a group with fewer than 21 local electors, saying why', async () => {
		const s = await setting();
		const attempt = nominateAsset(
			t.db,
			s.organiser.actor,
			nomination(s, { localElectorMembers: 20 }),
			{
				today: '2025-01-10'
			}
		);
		await expect(attempt).rejects.toSatisfy(
			(e) =>
				e instanceof DomainError &&
				e.code === 'invalid' &&
				e.fieldErrors[0]?.field === 'kind' &&
				e.message.includes('at least 21 members')
		);
		expect(await getAcvSummary(t.db, s.pub.id)).toBeNull();
	});

	it.each([
		[
			{ kind: 'company_limited_by_guarantee', distributesNoSurplus: false } as const,
			'share their profits'
		],
		[{ kind: 'charity', isLocal: false } as const, 'work in the council’s area'],
		[{ kind: 'other' } as const, 'Only parish councils']
	])('refuses an ineligible body (%o) with the reason', async (overrides, reason) => {
		const s = await setting();
		await expect(nominateAsset(t.db, s.organiser.actor, nomination(s, overrides))).rejects.toThrow(
			reason
		);
	});

	it('accepts a parish council for land in its parish', async () => {
		const s = await setting();
		const result = await nominateAsset(
			t.db,
			s.organiser.actor,
			nomination(s, { kind: 'parish_council', landInParish: true, localElectorMembers: null })
		);
		expect(result.reference).toMatch(/^ACV-/);
	});

	it('refuses an organiser acting for a group they do not look after', async () => {
		const s = await setting();
		const other = await buildOrganisation(t.db, { placeIds: [s.wardB.id] });
		await expectCode(
			nominateAsset(t.db, s.organiser.actor, nomination(s, { organisationId: other.id })),
			'forbidden'
		);
		await expectCode(nominateAsset(t.db, s.outsider.actor, nomination(s)), 'forbidden');
		await expectCode(nominateAsset(t.db, { kind: 'anonymous' }, nomination(s)), 'unauthenticated');
	});

	it('refuses a second nomination while the first is live', async () => {
		const s = await setting();
		await nominateAsset(t.db, s.organiser.actor, nomination(s), { today: '2025-01-10' });
		await expectCode(
			nominateAsset(t.db, s.organiser.actor, nomination(s), { today: '2025-01-20' }),
			'conflict'
		);
	});

	it('validates the form: members needed for an unincorporated group', () => {
		const parsed = nominateAssetSchema.safeParse({
			assetId: 'a',
			organisationId: 'o',
			kind: 'unincorporated_group',
			isLocal: 'yes',
			reasons: 'x'
		});
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => i.path[0])).toContain('localElectorMembers');
	});
});

describe('deciding a nomination', () => {
	it('does not let an organiser decide', async () => {
		const s = await setting();
		const { nominationId } = await nominateAsset(t.db, s.organiser.actor, nomination(s), {
			today: '2025-01-10'
		});
		await expectCode(
			decideNomination(t.db, s.organiser.actor, {
				nominationId,
				decision: 'listed',
				decisionDate: '2025-02-01',
				reasons: 'Ours.'
			}),
			'forbidden'
		);
	});

	it('stores the listing and expiry dates and audits the decision', async () => {
		const s = await setting();
		const { nominationId } = await nominateAsset(t.db, s.organiser.actor, nomination(s), {
			today: '2025-01-10'
		});
		const result = await decideNomination(
			t.db,
			s.officer.actor,
			{
				nominationId,
				decision: 'listed',
				decisionDate: '2025-02-20',
				reasons: 'A hub of village life.'
			},
			{ today: '2025-02-21' }
		);
		expect(result).toEqual({ listingDate: '2025-02-20', expiryDate: '2030-02-19' });
		const audit = await listAudit(t.db, systemActor, { place: s.council });
		expect(audit.entries.map((e) => e.action)).toEqual(
			expect.arrayContaining(['acv.nominate', 'acv.decide'])
		);
		await expectCode(
			decideNomination(t.db, s.officer.actor, {
				nominationId,
				decision: 'not_listed',
				decisionDate: '2025-02-21',
				reasons: 'Again.'
			}),
			'conflict'
		);
	});

	it('refuses a decision dated before the nomination or in the future', async () => {
		const s = await setting();
		const { nominationId } = await nominateAsset(t.db, s.organiser.actor, nomination(s), {
			today: '2025-01-10'
		});
		const decide = (decisionDate: string) =>
			decideNomination(
				t.db,
				s.officer.actor,
				{ nominationId, decision: 'listed', decisionDate, reasons: 'r' },
				{ today: '2025-01-20' }
			);
		await expectCode(decide('2025-01-09'), 'invalid');
		await expectCode(decide('2025-01-21'), 'invalid');
	});
});

describe('the moratorium', () => {
	it('a request on the last day of the interim period starts the full moratorium', async () => {
		const s = await setting();
		await pubForSale(s);
		const result = await recordBidRequest(
			t.db,
			s.organiser.actor,
			{
				assetId: s.pub.id,
				organisationId: s.group.id,
				groupName: null,
				receivedDate: '2025-07-13'
			},
			{ today: '2025-07-14' }
		);
		expect(result).toMatchObject({ startsFullMoratorium: true, isInTime: true });
		const summary = await getAcvSummary(t.db, s.pub.id, { today: '2025-07-20' });
		expect(summary?.timeline).toMatchObject({
			state: 'full_moratorium',
			stateUntil: '2025-12-01',
			noticeDate: '2025-06-02',
			listingDate: '2025-02-20',
			expiryDate: '2030-02-19',
			interestedGroups: ['Friends of the Red Lion']
		});
		expect(summary?.timeline.nextDeadline).toMatchObject({
			kind: 'full_moratorium_ends',
			date: '2025-12-01'
		});
	});

	it('a request the day after is recorded but starts nothing', async () => {
		const s = await setting();
		await pubForSale(s);
		const result = await recordBidRequest(
			t.db,
			s.officer.actor,
			{
				assetId: s.pub.id,
				organisationId: null,
				groupName: 'Latecomers',
				receivedDate: '2025-07-14'
			},
			{ today: '2025-07-14' }
		);
		expect(result).toMatchObject({ startsFullMoratorium: false, isInTime: false });
		const summary = await getAcvSummary(t.db, s.pub.id, { today: '2025-07-20' });
		expect(summary?.timeline.state).toBe('protected_period');
		expect(summary?.record.bidRequests).toHaveLength(1);
	});

	it('an organiser cannot record a notice, and cannot ask to bid for a group they do not run', async () => {
		const s = await setting();
		await pubForSale(s);
		await expectCode(
			recordDisposalNotice(t.db, s.organiser.actor, {
				assetId: s.pub.id,
				receivedDate: '2025-06-05',
				ownerName: null,
				notes: null
			}),
			'forbidden'
		);
		await expectCode(
			recordBidRequest(
				t.db,
				s.organiser.actor,
				{
					assetId: s.pub.id,
					organisationId: null,
					groupName: 'Anyone',
					receivedDate: '2025-06-05'
				},
				{ today: '2025-06-06' }
			),
			'invalid'
		);
	});

	it('refuses a new notice within the protected period', async () => {
		const s = await setting();
		await pubForSale(s);
		await expectCode(
			recordDisposalNotice(
				t.db,
				s.officer.actor,
				{ assetId: s.pub.id, receivedDate: '2026-03-01', ownerName: null, notes: null },
				{ today: '2026-03-02' }
			),
			'conflict'
		);
	});

	it('refuses a request to bid before any notice, and a notice for land not listed', async () => {
		const s = await setting();
		const { nominationId } = await nominateAsset(t.db, s.organiser.actor, nomination(s), {
			today: '2025-01-10'
		});
		await expectCode(
			recordDisposalNotice(
				t.db,
				s.officer.actor,
				{ assetId: s.pub.id, receivedDate: '2025-01-20', ownerName: null, notes: null },
				{ today: '2025-01-21' }
			),
			'conflict'
		);
		await decideNomination(
			t.db,
			s.officer.actor,
			{ nominationId, decision: 'listed', decisionDate: '2025-02-20', reasons: 'r' },
			{ today: '2025-02-20' }
		);
		await expectCode(
			recordBidRequest(
				t.db,
				s.organiser.actor,
				{
					assetId: s.pub.id,
					organisationId: s.group.id,
					groupName: null,
					receivedDate: '2025-03-01'
				},
				{ today: '2025-03-01' }
			),
			'conflict'
		);
	});

	it('records an exempt disposal without starting a moratorium', async () => {
		const s = await setting();
		const { nominationId } = await nominateAsset(t.db, s.organiser.actor, nomination(s), {
			today: '2025-01-10'
		});
		await decideNomination(
			t.db,
			s.officer.actor,
			{ nominationId, decision: 'listed', decisionDate: '2025-02-20', reasons: 'r' },
			{ today: '2025-02-20' }
		);
		await recordExemptDisposal(
			t.db,
			s.officer.actor,
			{
				assetId: s.pub.id,
				disposalDate: '2025-05-01',
				exemption: 'Gift to the landlord’s daughter',
				notes: null
			},
			{ today: '2025-05-02' }
		);
		const summary = await getAcvSummary(t.db, s.pub.id, { today: '2025-05-03' });
		expect(summary?.timeline.state).toBe('listed');
		expect(summary?.timeline.notes.map((n) => n.kind)).toEqual(['exempt_disposal']);
		await expectCode(
			recordExemptDisposal(t.db, s.organiser.actor, {
				assetId: s.pub.id,
				disposalDate: '2025-05-01',
				exemption: 'x',
				notes: null
			}),
			'forbidden'
		);
	});

	it('lists the assets of community value in a place', async () => {
		const s = await setting();
		await pubForSale(s);
		const inWard = await listAcvs(t.db, { placePath: s.wardA.path, today: '2025-06-10' });
		expect(inWard.map((a) => [a.assetName, a.summary.timeline.state])).toEqual([
			['The Red Lion', 'interim_moratorium']
		]);
		expect(await listAcvs(t.db, { placePath: s.wardB.path })).toEqual([]);
	});
});

describe('reminders', () => {
	it('queues a reminder 7 days before and on the day of each deadline, once', async () => {
		const s = await setting();
		const { nominationId } = await nominateAsset(t.db, s.organiser.actor, nomination(s), {
			today: '2025-01-10'
		});
		expect(await reminderKeys(nominationId)).toEqual([
			'decision_due:2025-03-06:0@2025-03-06',
			'decision_due:2025-03-06:7@2025-02-27'
		]);
		await scheduleAcvReminders(t.db, s.pub.id, { today: '2025-01-11' });
		await scheduleAcvReminders(t.db, s.pub.id, { today: '2025-01-12' });
		expect(await reminderKeys(nominationId)).toHaveLength(2);
	});

	it('queues the moratorium reminders when the owner gives notice', async () => {
		const s = await setting();
		const nominationId = await pubForSale(s);
		expect(await reminderKeys(nominationId)).toEqual([
			'decision_due:2025-03-06:0@2025-03-06',
			'decision_due:2025-03-06:7@2025-02-27',
			'interim_moratorium_ends:2025-07-13:0@2025-07-13',
			'interim_moratorium_ends:2025-07-13:7@2025-07-06',
			'listing_expires:2030-02-19:0@2030-02-19',
			'listing_expires:2030-02-19:7@2030-02-12',
			'protected_period_ends:2026-12-01:0@2026-12-01',
			'protected_period_ends:2026-12-01:7@2026-11-24'
		]);
	});

	it('mails organisers, officers and the group when a deadline still applies, and skips one that no longer does', async () => {
		const s = await setting();
		const nominationId = await pubForSale(s);
		const payload = {
			assetId: s.pub.id,
			nominationId,
			kind: 'interim_moratorium_ends',
			date: '2025-07-13',
			daysBefore: 7
		};
		const result = await sendAcvReminder(payload, { db: t.db, today: '2025-07-06' });
		expect(result).toEqual({ sent: 3 });
		expect(await queuedMailTo(t.db, s.officer.email)).toContain(
			'The Red Lion: Interim moratorium ends on 13 July 2025'
		);
		await sendAcvReminder(payload, { db: t.db, today: '2025-07-06' });
		expect(await queuedMailTo(t.db, s.organiser.email)).toHaveLength(1);
		const stale = await sendAcvReminder(
			{ ...payload, kind: 'decision_due', date: '2025-03-06', daysBefore: 0 },
			{ db: t.db, today: '2025-03-06' }
		);
		expect(stale).toMatchObject({ sent: 0 });
	});
});
