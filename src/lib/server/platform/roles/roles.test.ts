import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import { listAudit } from '../audit';
import { DomainError } from '../errors';
import { readOutbox } from '../mail';
import { loadActor } from '../permissions';
import { platformInvitations, platformRoleGrants } from '../schema';
import { buildPerson, buildPlaceTree, systemActor } from '../places/factories';
import { acceptInvitations } from './accept-invitations';
import { grantRole } from './grant-role';
import { invitePerson } from './invite-person';
import { listPeople } from './list-people';
import { listManagedPlaces, listPlacesForAction } from './queries';
import { revokeRole } from './revoke-role';

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

describe('granting and revoking roles', () => {
	it('lets an administrator of ward A grant roles on ward A and below, and refuses ward B', async () => {
		const { council, wardA, wardB, hoodA1 } = await buildPlaceTree(t.db);
		const admin = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'admin' }] });
		const helper = await buildPerson(t.db);
		const { grant, isNew } = await grantRole(t.db, admin.actor, {
			userId: helper.id,
			placeId: wardA.id,
			role: 'organiser'
		});
		expect(isNew).toBe(true);
		await grantRole(t.db, admin.actor, { userId: helper.id, placeId: hoodA1.id, role: 'officer' });
		expect(
			(
				await grantRole(t.db, admin.actor, {
					userId: helper.id,
					placeId: wardA.id,
					role: 'organiser'
				})
			).isNew
		).toBe(false);

		await expectCode(
			grantRole(t.db, admin.actor, { userId: helper.id, placeId: wardB.id, role: 'organiser' }),
			'forbidden'
		);
		await expectCode(
			grantRole(t.db, admin.actor, { userId: helper.id, placeId: council.id, role: 'organiser' }),
			'forbidden'
		);

		const log = await listAudit(t.db, systemActor, { place: wardA });
		expect(log.entries.filter((e) => e.action === 'role.grant')).toHaveLength(2);
		await revokeRole(t.db, admin.actor, { grantId: grant.id });
		expect(
			await t.db.select().from(platformRoleGrants).where(eq(platformRoleGrants.id, grant.id))
		).toEqual([]);
		expect((await listAudit(t.db, systemActor, { place: wardA })).entries[0]?.action).toBe(
			'role.revoke'
		);
	});

	it('lets an organiser of ward A act on ward A only and grant nothing', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db);
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const other = await buildPerson(t.db);
		await expectCode(
			grantRole(t.db, organiser.actor, { userId: other.id, placeId: wardA.id, role: 'organiser' }),
			'forbidden'
		);
		await expectCode(
			grantRole(t.db, organiser.actor, { userId: other.id, placeId: wardB.id, role: 'organiser' }),
			'forbidden'
		);
		await expectCode(listPeople(t.db, organiser.actor), 'forbidden');
		expect(
			(await listManagedPlaces(t.db, organiser.actor, 'organisation.manage')).map((p) => p.id)
		).toEqual([wardA.id]);
	});

	it('refuses to revoke a grant on a sibling ward, and your own administrator role', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db);
		const adminA = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'admin' }] });
		const organiserB = await buildPerson(t.db, {
			grants: [{ placeId: wardB.id, role: 'organiser' }]
		});
		const [grantB] = await t.db
			.select()
			.from(platformRoleGrants)
			.where(eq(platformRoleGrants.userId, organiserB.id));
		await expectCode(revokeRole(t.db, adminA.actor, { grantId: grantB!.id }), 'forbidden');
		const [own] = await t.db
			.select()
			.from(platformRoleGrants)
			.where(eq(platformRoleGrants.userId, adminA.id));
		await expectCode(revokeRole(t.db, adminA.actor, { grantId: own!.id }), 'conflict');
	});

	it('lists the people with roles on places the actor administers, not elsewhere', async () => {
		const { wardA, wardB, hoodA1 } = await buildPlaceTree(t.db);
		const admin = await buildPerson(t.db, {
			name: 'Ada Admin',
			grants: [{ placeId: wardA.id, role: 'admin' }]
		});
		await buildPerson(t.db, {
			name: 'Bea Inside',
			grants: [{ placeId: hoodA1.id, role: 'resident' }]
		});
		await buildPerson(t.db, {
			name: 'Cal Outside',
			grants: [{ placeId: wardB.id, role: 'organiser' }]
		});
		const list = await listPeople(t.db, admin.actor);
		expect(list.people.items.map((p) => p.name)).toEqual(['Ada Admin', 'Bea Inside']);
		expect(list.people.items[0]?.grants[0]?.canRevoke).toBe(false);
		expect(list.people.items[1]?.grants[0]?.canRevoke).toBe(true);
		await expectCode(listPeople(t.db, admin.actor, { placeId: wardB.id }), 'forbidden');
		expect((await listPlacesForAction(t.db, admin.actor, 'role.grant')).map((p) => p.name)).toEqual(
			['Ward A', 'Neighbourhood A1']
		);
	});
});

describe('invitations', () => {
	it('emails an invitation to a new address and grants the role when they sign in', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const admin = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'admin' }] });
		const result = await invitePerson(
			t.db,
			admin.actor,
			{ email: 'New.Person@Example.org', placeId: wardA.id, role: 'organiser' },
			{ origin: 'https://powershare.example' }
		);
		expect(result.kind).toBe('invited');
		const { messages } = await readOutbox(t.db, { to: 'new.person@example.org' });
		expect(messages[0]?.subject).toBe(
			`You have been invited to be Organiser of ${wardA.name} on Powershare`
		);
		expect(messages[0]?.text).toContain('https://powershare.example/auth/sign-in');
		expect((await listPeople(t.db, admin.actor)).invitations.map((i) => i.email)).toEqual([
			'new.person@example.org'
		]);

		const newcomer = await buildPerson(t.db, { email: 'new.person@example.org' });
		expect(
			await acceptInvitations(t.db, { id: newcomer.id, email: 'NEW.person@example.org' })
		).toBe(1);
		const actor = await loadActor(t.db, newcomer.id);
		expect(actor.kind === 'person' && actor.grants.map((g) => [g.placeId, g.role])).toEqual([
			[wardA.id, 'organiser']
		]);
		expect(
			await acceptInvitations(t.db, { id: newcomer.id, email: 'new.person@example.org' })
		).toBe(0);
		const [invitation] = await t.db
			.select()
			.from(platformInvitations)
			.where(and(eq(platformInvitations.email, 'new.person@example.org')));
		expect(invitation?.acceptedAt).not.toBeNull();
		expect(
			(await listAudit(t.db, systemActor, { place: wardA })).entries
				.map((e) => e.action)
				.slice(0, 2)
		).toEqual(['invitation.accept', 'person.invite']);
	});

	it('grants at once when the email already has an account', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const admin = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'admin' }] });
		const existing = await buildPerson(t.db);
		const result = await invitePerson(
			t.db,
			admin.actor,
			{ email: existing.email, placeId: wardA.id, role: 'officer' },
			{ origin: 'http://localhost' }
		);
		expect(result.kind).toBe('granted');
		expect((await readOutbox(t.db, { to: existing.email })).messages[0]?.subject).toContain(
			'You are now Officer of'
		);
	});

	it('does not accept an expired invitation', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		await invitePerson(
			t.db,
			systemActor,
			{ email: 'late@example.org', placeId: wardA.id, role: 'resident' },
			{ origin: 'http://x', now: new Date('2020-01-01') }
		);
		const late = await buildPerson(t.db, { email: 'late@example.org' });
		expect(await acceptInvitations(t.db, late)).toBe(0);
	});

	it('refuses to invite to a sibling ward', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db);
		const admin = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'admin' }] });
		await expectCode(
			invitePerson(
				t.db,
				admin.actor,
				{ email: 'x@example.org', placeId: wardB.id, role: 'admin' },
				{ origin: 'http://x' }
			),
			'forbidden'
		);
		expect((await readOutbox(t.db, { to: 'x@example.org' })).total).toBe(0);
	});
});
