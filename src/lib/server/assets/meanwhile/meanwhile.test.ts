import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import { listAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { buildPerson, buildPlaceTree, systemActor } from '../../platform/places/factories';
import { buildAsset, buildOrganisation, queuedMailTo } from '../transfer/factories';
import { decideMeanwhileRequest } from './decide-meanwhile-request';
import { offerMeanwhileUse } from './offer-meanwhile-use';
import { getAssetMeanwhile } from './queries';
import { requestMeanwhileUse } from './request-meanwhile-use';
import { dateFromParts, decideMeanwhileRequestSchema, offerMeanwhileUseSchema } from './validation';

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

const today = '2027-03-01';

/** A vacant unit in ward A offered from March to June 2027, an officer of each ward, a resident. */
async function setting() {
	const tree = await buildPlaceTree(t.db);
	const officer = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'officer' }]
	});
	const officerB = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardB.id, role: 'officer' }]
	});
	const organiser = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
	});
	// A resident who signed up without any role.
	const resident = await buildPerson(t.db);
	const unit = await buildAsset(t.db, {
		placeId: tree.hoodA1.id,
		name: '12 High Street',
		kind: 'vacant_unit'
	});
	const { offerId } = await offerMeanwhileUse(t.db, officer.actor, {
		assetId: unit.id,
		availableFrom: '2027-03-01',
		availableTo: '2027-06-30',
		conditions: 'Users bring their own public liability insurance.'
	});
	return { ...tree, officer, officerB, organiser, resident, unit, offerId };
}

type Setting = Awaited<ReturnType<typeof setting>>;

function ask(s: Setting, actor: Setting['resident']['actor'], startsOn: string, endsOn: string) {
	return requestMeanwhileUse(
		t.db,
		actor,
		{
			offerId: s.offerId,
			organisationId: null,
			purpose: 'A pop-up repair café.',
			startsOn,
			endsOn
		},
		{ today }
	);
}

describe('offering meanwhile use', () => {
	it('lets an officer of the ward offer a vacant unit, once for any dates', async () => {
		const s = await setting();
		const shown = await getAssetMeanwhile(t.db, { kind: 'anonymous' }, s.unit.id, { today });
		expect(shown.offers).toEqual([
			{
				id: s.offerId,
				availableFrom: '2027-03-01',
				availableTo: '2027-06-30',
				conditions: 'Users bring their own public liability insurance.',
				booked: []
			}
		]);
		expect(shown.canManage).toBe(false);
		const offer = {
			assetId: s.unit.id,
			availableFrom: '2027-06-01',
			availableTo: '2027-08-31',
			conditions: null
		};
		await expectCode(offerMeanwhileUse(t.db, s.officer.actor, offer), 'conflict');
		await expectCode(offerMeanwhileUse(t.db, s.officerB.actor, offer), 'forbidden');
		await expectCode(offerMeanwhileUse(t.db, s.organiser.actor, offer), 'forbidden');
		await expect(
			offerMeanwhileUse(t.db, s.officer.actor, { ...offer, availableFrom: '2027-07-01' })
		).resolves.toHaveProperty('offerId');
		const actions = (await listAudit(t.db, systemActor, { place: s.hoodA1 })).entries.map(
			(e) => e.action
		);
		expect(actions.filter((a) => a === 'meanwhile.offer')).toHaveLength(2);
	});

	it('reads offer dates: real days, the end not before the start', () => {
		expect(dateFromParts('27', '3', '2027')).toBe('2027-03-27');
		expect(dateFromParts('30', '2', '2027')).toBe('');
		expect(dateFromParts('', '3', '2027')).toBe('');
		const parsed = offerMeanwhileUseSchema.safeParse({
			assetId: 'a',
			availableFrom: '2027-04-01',
			availableTo: '2027-03-01'
		});
		expect(parsed.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toEqual([
			'availableTo:transfer.validation.toBeforeFrom'
		]);
	});
});

describe('asking to use an asset', () => {
	it('lets any signed-in person ask for dates within the offer, and mails them', async () => {
		const s = await setting();
		await ask(s, s.resident.actor, '2027-04-01', '2027-04-30');
		await expectCode(ask(s, { kind: 'anonymous' }, '2027-04-01', '2027-04-30'), 'unauthenticated');
		await expectCode(ask(s, s.resident.actor, '2027-06-01', '2027-07-31'), 'invalid');
		await expectCode(
			requestMeanwhileUse(
				t.db,
				s.resident.actor,
				{
					offerId: s.offerId,
					organisationId: null,
					purpose: 'Too late',
					startsOn: '2027-03-10',
					endsOn: '2027-03-12'
				},
				{ today: '2027-03-11' }
			),
			'invalid'
		);
		const mine = await getAssetMeanwhile(t.db, s.resident.actor, s.unit.id, { today });
		expect(mine.requests).toMatchObject([
			{ startsOn: '2027-04-01', endsOn: '2027-04-30', status: 'requested', isMine: true }
		]);
		expect(
			(await getAssetMeanwhile(t.db, { kind: 'anonymous' }, s.unit.id, { today })).requests
		).toEqual([]);
		expect(await queuedMailTo(t.db, s.resident.email)).toEqual([
			'Your request to use 12 High Street'
		]);
	});

	it('lets an organiser ask for a group they look after, and not for a group elsewhere', async () => {
		const s = await setting();
		const group = await buildOrganisation(t.db, { placeIds: [s.hoodA1.id] });
		const groupB = await buildOrganisation(t.db, { placeIds: [s.wardB.id] });
		const input = {
			offerId: s.offerId,
			purpose: 'An exhibition of local photographs.',
			startsOn: '2027-05-01',
			endsOn: '2027-05-07'
		};
		await requestMeanwhileUse(
			t.db,
			s.organiser.actor,
			{ ...input, organisationId: group.id },
			{ today }
		);
		await expectCode(
			requestMeanwhileUse(
				t.db,
				s.organiser.actor,
				{ ...input, organisationId: groupB.id },
				{ today }
			),
			'forbidden'
		);
		await expectCode(
			requestMeanwhileUse(
				t.db,
				s.resident.actor,
				{ ...input, organisationId: group.id },
				{ today }
			),
			'forbidden'
		);
		const managed = await getAssetMeanwhile(t.db, s.officer.actor, s.unit.id, { today });
		expect(managed.canManage).toBe(true);
		expect(managed.requests.map((r) => r.organisationName)).toEqual([group.name]);
	});
});

describe('deciding requests', () => {
	it('approves a request and refuses to approve another that overlaps it', async () => {
		const s = await setting();
		const first = await ask(s, s.resident.actor, '2027-04-01', '2027-04-30');
		const overlapping = await ask(s, s.organiser.actor, '2027-04-30', '2027-05-10');
		const after = await ask(s, s.organiser.actor, '2027-05-01', '2027-05-10');

		await decideMeanwhileRequest(t.db, s.officer.actor, {
			requestId: first.requestId,
			decision: 'approved',
			reason: null
		});
		await expectCode(
			decideMeanwhileRequest(t.db, s.officer.actor, {
				requestId: overlapping.requestId,
				decision: 'approved',
				reason: null
			}),
			'conflict'
		);
		await decideMeanwhileRequest(t.db, s.officer.actor, {
			requestId: after.requestId,
			decision: 'approved',
			reason: null
		});
		await decideMeanwhileRequest(t.db, s.officer.actor, {
			requestId: overlapping.requestId,
			decision: 'declined',
			reason: 'Those dates are already booked.'
		});
		await expectCode(
			decideMeanwhileRequest(t.db, s.officer.actor, {
				requestId: first.requestId,
				decision: 'declined',
				reason: 'Changed our mind.'
			}),
			'conflict'
		);

		const shown = await getAssetMeanwhile(t.db, { kind: 'anonymous' }, s.unit.id, { today });
		expect(shown.offers[0]!.booked).toEqual([
			{ startsOn: '2027-04-01', endsOn: '2027-04-30' },
			{ startsOn: '2027-05-01', endsOn: '2027-05-10' }
		]);
		const mine = await getAssetMeanwhile(t.db, s.organiser.actor, s.unit.id, { today });
		expect(mine.requests.find((r) => r.status === 'declined')?.declineReason).toBe(
			'Those dates are already booked.'
		);
		expect(await queuedMailTo(t.db, s.resident.email)).toContain(
			'You can use 12 High Street from 1 April 2027 to 30 April 2027'
		);
		const actions = (await listAudit(t.db, systemActor, { place: s.hoodA1 })).entries.map(
			(e) => e.action
		);
		expect(actions.filter((a) => a === 'meanwhile.decide')).toHaveLength(3);
		expect(actions.filter((a) => a === 'meanwhile.request')).toHaveLength(3);
	});

	it('lets only officers of the asset’s ward decide, and needs a reason to decline', async () => {
		const s = await setting();
		const { requestId } = await ask(s, s.resident.actor, '2027-04-01', '2027-04-30');
		const approve = { requestId, decision: 'approved' as const, reason: null };
		await expectCode(decideMeanwhileRequest(t.db, s.officerB.actor, approve), 'forbidden');
		await expectCode(decideMeanwhileRequest(t.db, s.organiser.actor, approve), 'forbidden');
		await expectCode(decideMeanwhileRequest(t.db, s.resident.actor, approve), 'forbidden');
		await expectCode(
			decideMeanwhileRequest(t.db, s.officer.actor, { ...approve, requestId: 'nope' }),
			'not_found'
		);
		const noReason = decideMeanwhileRequestSchema.safeParse({
			requestId,
			decision: 'declined',
			reason: ''
		});
		expect(noReason.error?.issues.map((i) => i.path[0])).toEqual(['reason']);
	});
});
