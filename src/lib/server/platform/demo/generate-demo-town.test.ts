import { verifyPassword } from 'better-auth/crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import type { DemoTown } from '../module-manifest';
import {
	platformAccounts,
	platformAuditLog,
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces,
	platformRoleGrants,
	platformUsers,
	organisationKinds
} from '../schema';
import {
	demoAccounts,
	demoCouncil,
	demoWards,
	formatDemoCredentials,
	generateDemoTown,
	type DemoTownResult
} from './generate-demo-town';
import { signedArea, type BBox, type Polygon } from './geometry';

const password = 'demo-town-test-password';

let t: DatabaseHandle;
let first: DemoTownResult;
beforeAll(async () => {
	t = await createTestDatabase();
	first = await generateDemoTown(t.db, { password });
});
afterAll(async () => {
	await t?.close();
});

const isInside = (inner: BBox, outer: BBox) =>
	inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];

describe('generateDemoTown', () => {
	it('creates the council, its wards and the neighbourhoods of each ward', async () => {
		expect(first.isGenerated).toBe(true);
		const places = await t.db.select().from(platformPlaces);
		const council = places.find((p) => p.level === 'council')!;
		expect(council).toMatchObject({
			name: demoCouncil.name,
			slug: demoCouncil.slug,
			parentId: null
		});
		const wards = places.filter((p) => p.level === 'ward');
		expect(wards.map((w) => w.slug).sort()).toEqual(demoWards.map((w) => w.slug).sort());
		for (const ward of wards) {
			expect(ward.parentId).toBe(council.id);
			expect(ward.path).toBe(`${council.id}/${ward.id}`);
			const hoods = places.filter((p) => p.parentId === ward.id);
			expect(hoods.length).toBe(3);
			for (const hood of hoods) {
				expect(hood.level).toBe('neighbourhood');
				expect(hood.path).toBe(`${ward.path}/${hood.id}`);
			}
		}
		expect(places.length).toBe(1 + 4 + 12);
	});

	it('gives every place a closed counter-clockwise boundary inside its parent’s box', async () => {
		const places = await t.db.select().from(platformPlaces);
		const byId = new Map(places.map((p) => [p.id, p]));
		for (const place of places) {
			const ring = (place.boundary as Polygon).coordinates[0]!;
			expect(ring[0]).toEqual(ring.at(-1));
			expect(signedArea(ring)).toBeGreaterThan(0);
			if (place.parentId) {
				expect(isInside(place.bbox!, byId.get(place.parentId)!.bbox!), place.name).toBe(true);
			}
		}
	});

	it('tiles each ward with its neighbourhoods: their areas add up to the ward’s', async () => {
		const places = await t.db.select().from(platformPlaces);
		const area = (p: (typeof places)[number]) =>
			signedArea((p.boundary as Polygon).coordinates[0]!);
		const council = places.find((p) => p.level === 'council')!;
		const wards = places.filter((p) => p.level === 'ward');
		expect(wards.reduce((sum, w) => sum + area(w), 0)).toBeCloseTo(area(council), 8);
		for (const ward of wards) {
			const hoods = places.filter((p) => p.parentId === ward.id);
			expect(hoods.reduce((sum, h) => sum + area(h), 0)).toBeCloseTo(area(ward), 8);
		}
	});

	it('uses codes that cannot be mistaken for real ONS codes', async () => {
		const places = await t.db.select({ onsCode: platformPlaces.onsCode }).from(platformPlaces);
		for (const { onsCode } of places) expect(onsCode).toMatch(/^X\d{8}$/);
	});

	it('creates organisations of every kind, each with a point of contact and a place', async () => {
		const organisations = await t.db.select().from(platformOrganisations);
		expect(new Set(organisations.map((o) => o.kind))).toEqual(new Set(organisationKinds));
		const links = await t.db.select().from(platformOrganisationPlaces);
		for (const organisation of organisations) {
			expect(organisation.contactEmail).toMatch(/\.example$/);
			expect(organisation.contactName).toBeTruthy();
			expect(links.some((l) => l.organisationId === organisation.id)).toBe(true);
		}
	});

	it('creates one account per role whose password verifies with better-auth', async () => {
		for (const account of demoAccounts) {
			const [user] = await t.db
				.select()
				.from(platformUsers)
				.where(eq(platformUsers.email, account.email));
			expect(user, account.email).toBeDefined();
			expect(user!.isPlatformAdmin).toBe(account.role === 'platform-admin');
			const [credential] = await t.db
				.select()
				.from(platformAccounts)
				.where(eq(platformAccounts.userId, user!.id));
			expect(credential).toMatchObject({ providerId: 'credential', accountId: user!.id });
			expect(await verifyPassword({ hash: credential!.password!, password })).toBe(true);
			expect(await verifyPassword({ hash: credential!.password!, password: 'wrong' })).toBe(false);
			const grants = await t.db
				.select({ role: platformRoleGrants.role, slug: platformPlaces.slug })
				.from(platformRoleGrants)
				.innerJoin(platformPlaces, eq(platformPlaces.id, platformRoleGrants.placeId))
				.where(eq(platformRoleGrants.userId, user!.id));
			expect(grants).toEqual(
				account.role === 'platform-admin' ? [] : [{ role: account.role, slug: account.placeSlug }]
			);
		}
		const [resident] = await t.db
			.select({ home: platformPlaces.slug })
			.from(platformUsers)
			.innerJoin(platformPlaces, eq(platformPlaces.id, platformUsers.homePlaceId))
			.where(eq(platformUsers.email, 'resident@ashbrook.example'));
		expect(resident?.home).toBe('old-market');
	});

	it('records the generation in the audit log without passwords', async () => {
		const entries = await t.db
			.select()
			.from(platformAuditLog)
			.where(eq(platformAuditLog.action, 'demo.generate'));
		expect(entries).toHaveLength(1);
		expect(JSON.stringify(entries[0])).not.toContain(password);
	});

	it('does nothing when places exist, so a second start duplicates nothing', async () => {
		const again = await generateDemoTown(t.db, { password });
		expect(again).toEqual({ isGenerated: false, reason: 'places_exist' });
		const [places] = await t.db.select({ n: count() }).from(platformPlaces);
		const [users] = await t.db.select({ n: count() }).from(platformUsers);
		expect(places?.n).toBe(17);
		expect(users?.n).toBe(demoAccounts.length);
	});

	it('creates one town when two servers start on the same empty database at once', async () => {
		const other = await createTestDatabase();
		try {
			const results = await Promise.all([
				generateDemoTown(other.db, { password }),
				generateDemoTown(other.db, { password })
			]);
			expect(results.map((r) => r.isGenerated).sort()).toEqual([false, true]);
			const [places] = await other.db.select({ n: count() }).from(platformPlaces);
			expect(places?.n).toBe(17);
		} finally {
			await other.close();
		}
	});

	it('lets each module add its demo data with the town’s places, organisations and people', async () => {
		const other = await createTestDatabase();
		try {
			const seen: DemoTown[] = [];
			await generateDemoTown(other.db, {
				password,
				modules: [{ id: 'example', seedDemo: async (_db, town) => void seen.push(town) }]
			});
			expect(seen).toHaveLength(1);
			const town = seen[0]!;
			const [council] = await other.db
				.select({ id: platformPlaces.id })
				.from(platformPlaces)
				.where(eq(platformPlaces.slug, 'ashbrook'));
			expect(town.councilId).toBe(council!.id);
			expect(town.placeIdBySlug.get('ashbrook')).toBe(council!.id);
			expect(town.userIdByEmail.get('resident@ashbrook.example')).toBeTruthy();
			expect(town.organisationIdBySlug.size).toBeGreaterThan(4);
		} finally {
			await other.close();
		}
	});

	it('lays out the same town every time, apart from ids', async () => {
		const other = await createTestDatabase();
		try {
			await generateDemoTown(other.db, { password });
			const shape = async (db: DatabaseHandle['db']) =>
				(await db.select().from(platformPlaces))
					.map((p) => ({ slug: p.slug, boundary: p.boundary, onsCode: p.onsCode }))
					.sort((a, b) => a.slug.localeCompare(b.slug));
			expect(await shape(other.db)).toEqual(await shape(t.db));
		} finally {
			await other.close();
		}
	});

	it('prints a table with each account’s place, role, email and password', () => {
		if (!first.isGenerated) throw new Error('expected a generated town');
		const table = formatDemoCredentials(first.credentials);
		expect(table.split('\n')[0]).toMatch(/^Place\s+Role\s+Email\s+Password$/);
		for (const account of demoAccounts) expect(table).toContain(account.email);
		expect(table).toContain('Northgate (ward)');
	});
});
