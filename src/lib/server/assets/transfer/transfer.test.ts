import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import { listAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { buildPerson, buildPlaceTree, systemActor } from '../../platform/places/factories';
import { assetsAssets } from '../schema';
import { addTransferDocument } from './add-transfer-document';
import { advanceTransferCase } from './advance-transfer-case';
import { decideTransfer } from './decide-transfer';
import { buildAsset, buildOrganisation, queuedMailTo } from './factories';
import { getAssetTransfer, getTransferSummary, listTransferCasesForPlace } from './queries';
import { setTransferTerms } from './set-transfer-terms';
import { startTransferCase } from './start-transfer-case';
import {
	decideTransferSchema,
	poundsToPence,
	setTransferTermsSchema,
	type SetTransferTermsInput
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

/** Two wards, an organiser and an officer of ward A, an officer of ward B, a group and a hall in A. */
async function setting() {
	const tree = await buildPlaceTree(t.db);
	const organiser = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
	});
	const officer = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'officer' }]
	});
	const officerB = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardB.id, role: 'officer' }]
	});
	const group = await buildOrganisation(t.db, { placeIds: [tree.wardA.id] });
	const hall = await buildAsset(t.db, { placeId: tree.hoodA1.id, name: 'Chapel Fields Hall' });
	return { ...tree, organiser, officer, officerB, group, hall };
}

async function startCase(s: Awaited<ReturnType<typeof setting>>) {
	return startTransferCase(t.db, s.organiser.actor, {
		assetId: s.hall.id,
		organisationId: s.group.id,
		proposal: 'A youth club on weekday evenings and a lunch club for older residents.'
	});
}

const lease = (caseId: string, years: number): SetTransferTermsInput => ({
	caseId,
	tenure: 'lease',
	leaseYears: years,
	annualRentPence: 100,
	breakClauses: 'Either side may end the lease after 10 years with 12 months’ notice.',
	otherConditions: null
});

async function auditActions(place: { id: string; path: string }) {
	return (await listAudit(t.db, systemActor, { place })).entries.map((e) => e.action);
}

describe('starting a transfer case', () => {
	it('lets an organiser of the ward send an expression of interest for a group they look after', async () => {
		const s = await setting();
		expect(await getTransferSummary(t.db, s.hall.id)).toBeNull();
		const { caseId } = await startCase(s);

		const summary = await getTransferSummary(t.db, s.hall.id);
		expect(summary).toMatchObject({
			caseId,
			stage: 'expression_of_interest',
			isOpen: true,
			organisationName: s.group.name,
			caseCount: 1,
			href: `/assets/${s.hall.id}/transfer`
		});
		const page = await getAssetTransfer(t.db, { kind: 'anonymous' }, s.hall.id);
		expect(page.cases[0]!.events.map((e) => e.toStage)).toEqual(['expression_of_interest']);
		expect(page.canManage).toBe(false);
		expect(await auditActions(s.hoodA1)).toContain('transfer.start');
		expect(await queuedMailTo(t.db, s.organiser.email)).toEqual([
			'Your expression of interest in Chapel Fields Hall'
		]);
		expect((await listTransferCasesForPlace(t.db, s.wardA)).map((c) => c.id)).toEqual([caseId]);
		expect(await listTransferCasesForPlace(t.db, s.wardB)).toEqual([]);
	});

	it('refuses an organiser of ward A for an asset in ward B, or for a group they do not look after', async () => {
		const s = await setting();
		const hallB = await buildAsset(t.db, { placeId: s.wardB.id });
		const groupB = await buildOrganisation(t.db, { placeIds: [s.wardB.id] });
		const proposal = 'A community café.';
		await expectCode(
			startTransferCase(t.db, s.organiser.actor, {
				assetId: hallB.id,
				organisationId: s.group.id,
				proposal
			}),
			'forbidden'
		);
		await expectCode(
			startTransferCase(t.db, s.organiser.actor, {
				assetId: s.hall.id,
				organisationId: groupB.id,
				proposal
			}),
			'forbidden'
		);
		await expectCode(
			startTransferCase(
				t.db,
				{ kind: 'anonymous' },
				{
					assetId: s.hall.id,
					organisationId: s.group.id,
					proposal
				}
			),
			'unauthenticated'
		);
		await expectCode(
			startTransferCase(t.db, s.organiser.actor, {
				assetId: 'no-such-asset',
				organisationId: s.group.id,
				proposal
			}),
			'not_found'
		);
	});

	it('allows one open case per group and asset, and another once it has closed', async () => {
		const s = await setting();
		const { caseId } = await startCase(s);
		await expectCode(startCase(s), 'conflict');
		await advanceTransferCase(t.db, s.officer.actor, {
			caseId,
			toStage: 'withdrawn',
			note: 'The group has found another home.'
		});
		await expect(startCase(s)).resolves.toHaveProperty('caseId');
	});
});

describe('moving a case through its stages', () => {
	it('goes one stage at a time, needs terms for the decision and an approval to complete', async () => {
		const s = await setting();
		const { caseId } = await startCase(s);
		const move = (toStage: 'business_plan' | 'terms' | 'decision' | 'completed') =>
			advanceTransferCase(t.db, s.officer.actor, { caseId, toStage, note: null });

		await expectCode(move('terms'), 'conflict');
		await expectCode(move('completed'), 'conflict');
		await move('business_plan');
		await move('terms');
		await expect(move('decision')).rejects.toSatisfy(
			(e) => e instanceof DomainError && e.fieldErrors[0]?.field === 'toStage'
		);
		await setTransferTerms(t.db, s.officer.actor, lease(caseId, 30));
		await move('decision');
		await expectCode(move('completed'), 'conflict');
		await decideTransfer(t.db, s.officer.actor, {
			caseId,
			decision: 'approved',
			reasons: 'A sound plan with support from the neighbourhood.'
		});
		await move('completed');
		await expectCode(move('business_plan'), 'conflict');

		const page = await getAssetTransfer(t.db, { kind: 'anonymous' }, s.hall.id);
		const shown = page.cases[0]!;
		expect(shown.stage).toBe('completed');
		expect(shown.completedAt).not.toBeNull();
		expect(shown.events.map((e) => e.toStage)).toEqual([
			'expression_of_interest',
			'business_plan',
			'terms',
			'decision',
			'completed'
		]);
		expect(shown.decision).toMatchObject({ decision: 'approved' });
		expect(shown.terms).toMatchObject({ tenure: 'lease', leaseYears: 30, isShortLease: false });
		const actions = await auditActions(s.hoodA1);
		expect(actions.filter((a) => a === 'transfer.advance')).toHaveLength(4);
		expect(actions).toEqual(expect.arrayContaining(['transfer.terms', 'transfer.decide']));
		expect(await queuedMailTo(t.db, s.organiser.email)).toEqual(
			expect.arrayContaining([
				'Asset transfer of Chapel Fields Hall: Business plan',
				'Terms for the transfer of Chapel Fields Hall',
				'The transfer of Chapel Fields Hall has been approved',
				'Asset transfer of Chapel Fields Hall: Transfer completed'
			])
		);
	});

	it('lets only officers of the asset’s ward manage its case', async () => {
		const s = await setting();
		const { caseId } = await startCase(s);
		const input = { caseId, toStage: 'business_plan' as const, note: null };
		await expectCode(advanceTransferCase(t.db, s.officerB.actor, input), 'forbidden');
		await expectCode(advanceTransferCase(t.db, s.organiser.actor, input), 'forbidden');
		await expectCode(
			decideTransfer(t.db, s.officerB.actor, { caseId, decision: 'refused', reasons: 'No.' }),
			'forbidden'
		);
		await expectCode(
			addTransferDocument(t.db, s.officerB.actor, {
				caseId,
				title: 'Plan',
				url: 'https://example.org/plan.pdf',
				description: null,
				isPublic: true
			}),
			'forbidden'
		);
		await advanceTransferCase(t.db, s.officer.actor, input);
		await advanceTransferCase(t.db, s.officer.actor, { ...input, toStage: 'terms' });
		await expectCode(setTransferTerms(t.db, s.officerB.actor, lease(caseId, 30)), 'forbidden');
		await expectCode(setTransferTerms(t.db, s.organiser.actor, lease(caseId, 30)), 'forbidden');
	});
});

describe('terms', () => {
	it('flags a lease shorter than 25 years, since it can stop a group raising funds', async () => {
		const s = await setting();
		const { caseId } = await startCase(s);
		await expectCode(setTransferTerms(t.db, s.officer.actor, lease(caseId, 30)), 'conflict');
		for (const toStage of ['business_plan', 'terms'] as const)
			await advanceTransferCase(t.db, s.officer.actor, { caseId, toStage, note: null });

		expect(await setTransferTerms(t.db, s.officer.actor, lease(caseId, 10))).toEqual({
			isShortLease: true,
			longLeaseYears: 25
		});
		expect(
			(await getAssetTransfer(t.db, { kind: 'anonymous' }, s.hall.id)).cases[0]!.terms
		).toMatchObject({ leaseYears: 10, isShortLease: true, annualRentPence: 100 });
		expect((await setTransferTerms(t.db, s.officer.actor, lease(caseId, 25))).isShortLease).toBe(
			false
		);
		const freehold = await setTransferTerms(t.db, s.officer.actor, {
			caseId,
			tenure: 'freehold',
			leaseYears: null,
			annualRentPence: null,
			breakClauses: null,
			otherConditions: 'Used for community benefit for 25 years.'
		});
		expect(freehold.isShortLease).toBe(false);
		expect((await auditActions(s.hoodA1)).filter((a) => a === 'transfer.terms')).toHaveLength(3);
	});

	it('reads the terms form: years for a lease, rent in pounds', () => {
		const base = { caseId: 'c', breakClauses: '', otherConditions: '' };
		const noYears = setTransferTermsSchema.safeParse({ ...base, tenure: 'lease', leaseYears: '' });
		expect(noYears.error?.issues.map((i) => `${String(i.path[0])}:${i.message}`)).toEqual([
			'leaseYears:transfer.validation.leaseYears'
		]);
		const badRent = setTransferTermsSchema.safeParse({
			...base,
			tenure: 'freehold',
			annualRent: 'lots'
		});
		expect(badRent.error?.issues[0]?.path).toEqual(['annualRent']);
		expect(
			setTransferTermsSchema.parse({
				...base,
				tenure: 'lease',
				leaseYears: '30',
				annualRent: '£1,200.50'
			})
		).toMatchObject({ leaseYears: 30, annualRentPence: 120050, breakClauses: null });
		expect(poundsToPence('0')).toBe(0);
		expect(poundsToPence('12.5')).toBe(1250);
		expect(poundsToPence('-3')).toBeNull();
	});
});

describe('decisions and documents', () => {
	it('approves only at the decision stage, refuses with reasons at any open stage', async () => {
		const s = await setting();
		const { caseId } = await startCase(s);
		await expectCode(
			decideTransfer(t.db, s.officer.actor, { caseId, decision: 'approved', reasons: 'Good.' }),
			'conflict'
		);
		await advanceTransferCase(t.db, s.officer.actor, {
			caseId,
			toStage: 'business_plan',
			note: null
		});
		await decideTransfer(t.db, s.officer.actor, {
			caseId,
			decision: 'refused',
			reasons: 'The building needs repairs the plan cannot pay for.'
		});
		const shown = (await getAssetTransfer(t.db, { kind: 'anonymous' }, s.hall.id)).cases[0]!;
		expect(shown.stage).toBe('refused');
		expect(shown.decision?.reasons).toBe('The building needs repairs the plan cannot pay for.');
		expect(shown.events.at(-1)).toMatchObject({ fromStage: 'business_plan', toStage: 'refused' });
		await expectCode(
			decideTransfer(t.db, s.officer.actor, { caseId, decision: 'refused', reasons: 'Again.' }),
			'conflict'
		);
		expect(await queuedMailTo(t.db, s.organiser.email)).toContain(
			'The transfer of Chapel Fields Hall has been refused'
		);
		expect(
			decideTransferSchema.safeParse({ caseId, decision: 'refused', reasons: ' ' }).success
		).toBe(false);
	});

	it('shows public documents to everyone and private ones only to officers', async () => {
		const s = await setting();
		const { caseId } = await startCase(s);
		const document = {
			caseId,
			url: 'https://example.org/plan.pdf',
			description: null
		};
		await addTransferDocument(t.db, s.officer.actor, {
			...document,
			title: 'Business plan',
			isPublic: true
		});
		await addTransferDocument(t.db, s.officer.actor, {
			...document,
			title: 'Valuation',
			isPublic: false
		});
		const titles = async (actor: Parameters<typeof getAssetTransfer>[1]) =>
			(await getAssetTransfer(t.db, actor, s.hall.id)).cases[0]!.documents.map((d) => d.title);
		expect(await titles({ kind: 'anonymous' })).toEqual(['Business plan']);
		expect(await titles(s.organiser.actor)).toEqual(['Business plan']);
		expect((await titles(s.officer.actor)).sort()).toEqual(['Business plan', 'Valuation']);
		expect((await auditActions(s.hoodA1)).filter((a) => a === 'transfer.document')).toHaveLength(2);
	});
});

describe('the status page', () => {
	it('hides assets that are not on the public register from everyone but its keepers', async () => {
		const s = await setting();
		const suggested = await buildAsset(t.db, { placeId: s.hoodA1.id });
		await t.db
			.update(assetsAssets)
			.set({ status: 'suggested' })
			.where(eq(assetsAssets.id, suggested.id));
		await expectCode(getAssetTransfer(t.db, { kind: 'anonymous' }, suggested.id), 'not_found');
		await expectCode(getAssetTransfer(t.db, s.officerB.actor, suggested.id), 'not_found');
		const shown = await getAssetTransfer(t.db, s.officer.actor, suggested.id);
		expect(shown).toMatchObject({ cases: [], canManage: true, canStart: false });
	});
});
