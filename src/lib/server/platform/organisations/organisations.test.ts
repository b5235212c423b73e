import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import { listAudit } from '../audit';
import { DomainError } from '../errors';
import { buildPerson, buildPlaceTree, systemActor } from '../places/factories';
import { createOrganisation } from './create-organisation';
import { getOrganisationBySlug, listOrganisations } from './queries';
import { updateOrganisation } from './update-organisation';
import { createOrganisationSchema } from './validation';

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

const base = {
	kind: 'community_group' as const,
	description: null,
	registrationNumber: null,
	contactName: 'Sam',
	contactEmail: 'sam@example.org',
	contactPhone: null,
	website: null
};

describe('organisations', () => {
	it('lets an organiser of ward A add a group working in ward A, and refuses ward B', async () => {
		const { wardA, wardB, hoodA1 } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const group = await createOrganisation(t.db, organiser.actor, {
			...base,
			name: 'Friends of A',
			placeIds: [wardA.id, hoodA1.id]
		});
		expect(group.places.map((p) => p.name).sort()).toEqual(['Neighbourhood A1', 'Ward A']);
		expect((await getOrganisationBySlug(t.db, group.slug))?.contactEmail).toBe('sam@example.org');
		expect(
			(await listAudit(t.db, systemActor, { place: wardA })).entries.filter(
				(e) => e.action === 'organisation.create'
			)
		).toHaveLength(2);

		await expectCode(
			createOrganisation(t.db, organiser.actor, { ...base, name: 'Sneaky', placeIds: [wardB.id] }),
			'forbidden'
		);
		await expectCode(
			createOrganisation(t.db, organiser.actor, {
				...base,
				name: 'Half sneaky',
				placeIds: [wardA.id, wardB.id]
			}),
			'forbidden'
		);
		expect((await listOrganisations(t.db, { withinPaths: [wardB.path] })).total).toBe(0);
	});

	it('lets only people who look after one of its places change it, and only link their own places', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db);
		const organiserA = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const organiserB = await buildPerson(t.db, {
			grants: [{ placeId: wardB.id, role: 'organiser' }]
		});
		const group = await createOrganisation(t.db, organiserA.actor, {
			...base,
			name: 'Ward A Allotments',
			placeIds: [wardA.id]
		});
		const input = {
			...base,
			organisationId: group.id,
			name: 'Ward A Allotment Society',
			placeIds: [wardA.id]
		};
		expect((await updateOrganisation(t.db, organiserA.actor, input)).name).toBe(
			'Ward A Allotment Society'
		);
		await expectCode(
			updateOrganisation(t.db, organiserB.actor, { ...input, name: 'Taken over' }),
			'forbidden'
		);
		await expectCode(
			updateOrganisation(t.db, organiserA.actor, { ...input, placeIds: [wardA.id, wardB.id] }),
			'forbidden'
		);
		await expectCode(updateOrganisation(t.db, { kind: 'anonymous' }, input), 'unauthenticated');
		expect((await getOrganisationBySlug(t.db, group.slug))?.name).toBe('Ward A Allotment Society');
	});

	it('lists the organisations working in a place or below it', async () => {
		const { wardA, hoodA1 } = await buildPlaceTree(t.db);
		await createOrganisation(t.db, systemActor, {
			...base,
			name: 'Zed Club',
			placeIds: [hoodA1.id]
		});
		await createOrganisation(t.db, systemActor, {
			...base,
			name: 'Alpha Club',
			placeIds: [wardA.id]
		});
		expect(
			(await listOrganisations(t.db, { withinPaths: [wardA.path] })).items.map((o) => o.name)
		).toEqual(['Alpha Club', 'Zed Club']);
		expect(
			(await listOrganisations(t.db, { withinPaths: [hoodA1.path] })).items.map((o) => o.name)
		).toEqual(['Zed Club']);
	});

	it('validates the form: a name, a kind, at least one place and a real email', () => {
		const result = createOrganisationSchema.safeParse({
			name: ' ',
			kind: 'club',
			contactEmail: 'nope',
			placeIds: []
		});
		expect(result.success).toBe(false);
		const fields = result.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
		expect(fields).toEqual(
			expect.arrayContaining([
				'name:admin.validation.orgNameRequired',
				'kind:admin.validation.orgKind',
				'contactEmail:admin.validation.emailFormat',
				'placeIds:admin.validation.orgPlaces'
			])
		);
	});
});
