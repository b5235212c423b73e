import path from 'node:path';
import { readFileSync } from 'node:fs';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { hasSharedData, sharedDataDir } from '../../../testing/shared-data';
import { createTestDatabase } from '../../testing/test-database';
import { listAudit } from '../audit';
import { DomainError } from '../errors';
import { platformAuditLog, platformPlaces } from '../schema';
import { createPlace } from './create-place';
import { buildPerson, buildPlaceTree, systemActor } from './factories';
import { importPlaces } from './import-places';
import { listPlaceActivity } from './activity';
import {
	findNeighbourhoodForPoint,
	getPlaceBySlug,
	listAncestors,
	listChildren,
	listPlaces,
	listPlaceTree
} from './queries';
import { updatePlace } from './update-place';

const geoDir = path.join(sharedDataDir, 'uk/geo');
const hasGeo = hasSharedData('uk/geo', 'the Stevenage import tests');

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

describe('places', () => {
	it('creates wards under a council and neighbourhoods under a ward, with paths and slugs', async () => {
		const { council, wardA, hoodA1 } = await buildPlaceTree(t.db, {
			councilName: 'Alpha',
			councilCode: 'E07900001'
		});
		expect(wardA.level).toBe('ward');
		expect(hoodA1.level).toBe('neighbourhood');
		expect(hoodA1.path).toBe(`${council.id}/${wardA.id}/${hoodA1.id}`);
		expect(hoodA1.slug).toBe('neighbourhood-a1');
		expect((await listAncestors(t.db, hoodA1)).map((p) => p.name)).toEqual(['Alpha', 'Ward A']);
		expect((await listChildren(t.db, council.id)).items.map((p) => p.name)).toEqual([
			'Ward A',
			'Ward B'
		]);
	});

	it('gives a second place of the same name a different slug', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db, {
			councilName: 'Beta',
			councilCode: 'E07900002'
		}).catch(() => {
			throw new Error('tree');
		});
		expect(wardA.slug).not.toBe('ward-a');
		expect(wardB.slug).toMatch(/^ward-b-/);
	});

	it('lets an administrator of ward A change ward A and add places in it, never ward B', async () => {
		const { council, wardA, wardB } = await buildPlaceTree(t.db, {
			councilName: 'Gamma',
			councilCode: 'E07900003'
		});
		const admin = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'admin' }] });
		const renamed = await updatePlace(t.db, admin.actor, {
			placeId: wardA.id,
			name: 'Ward A North',
			onsCode: wardA.onsCode,
			description: 'The north'
		});
		expect(renamed.name).toBe('Ward A North');
		await createPlace(t.db, admin.actor, {
			parentId: wardA.id,
			name: 'New Close',
			onsCode: null,
			description: null
		});

		await expectCode(
			updatePlace(t.db, admin.actor, {
				placeId: wardB.id,
				name: 'Taken',
				onsCode: null,
				description: null
			}),
			'forbidden'
		);
		await expectCode(
			createPlace(t.db, admin.actor, {
				parentId: wardB.id,
				name: 'Sneaky',
				onsCode: null,
				description: null
			}),
			'forbidden'
		);
		await expectCode(
			updatePlace(t.db, admin.actor, {
				placeId: council.id,
				name: 'Mine now',
				onsCode: null,
				description: null
			}),
			'forbidden'
		);
		expect((await getPlaceBySlug(t.db, wardB.slug))?.name).toBe('Ward B');
	});

	it('refuses an organiser and an anonymous visitor', async () => {
		const { wardA } = await buildPlaceTree(t.db, {
			councilName: 'Delta',
			councilCode: 'E07900004'
		});
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		await expectCode(
			updatePlace(t.db, organiser.actor, {
				placeId: wardA.id,
				name: 'X',
				onsCode: null,
				description: null
			}),
			'forbidden'
		);
		await expectCode(
			updatePlace(
				t.db,
				{ kind: 'anonymous' },
				{ placeId: wardA.id, name: 'X', onsCode: null, description: null }
			),
			'unauthenticated'
		);
	});

	it('refuses an ONS code another place already has', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db, {
			councilName: 'Epsilon',
			councilCode: 'E07900005'
		});
		await expectCode(
			updatePlace(t.db, systemActor, {
				placeId: wardB.id,
				name: 'Ward B',
				onsCode: wardA.onsCode,
				description: null
			}),
			'conflict'
		);
	});

	it('records every change in the audit log of the place', async () => {
		const { council, wardA } = await buildPlaceTree(t.db, {
			councilName: 'Zeta',
			councilCode: 'E07900006'
		});
		await updatePlace(t.db, systemActor, {
			placeId: wardA.id,
			name: 'Ward A2',
			onsCode: wardA.onsCode,
			description: null
		});
		const log = await listAudit(t.db, systemActor, { place: council });
		expect(log.entries.map((e) => e.action)).toEqual([
			'place.update',
			'place.create',
			'place.create',
			'place.create',
			'place.create'
		]);
	});

	it('shows an empty activity list until a module registers a provider', async () => {
		const { wardA } = await buildPlaceTree(t.db, { councilName: 'Eta', councilCode: 'E07900007' });
		expect(await listPlaceActivity(t.db, { kind: 'anonymous' }, wardA)).toEqual([]);
		const later = new Date('2026-06-01');
		const activity = await listPlaceActivity(t.db, { kind: 'anonymous' }, wardA, [
			{ id: 'a', list: async () => [{ title: 'Old', href: '/a', at: new Date('2026-01-01') }] },
			{ id: 'b', list: async () => [{ title: 'New', href: '/b', at: later }] },
			{
				id: 'broken',
				list: async () => {
					throw new Error('boom');
				}
			}
		]);
		expect(activity.map((a) => a.title)).toEqual(['New', 'Old']);
	});
});

describe.runIf(hasGeo)('importing the Stevenage boundaries', () => {
	const lsoaFile = path.join(geoDir, 'lsoa21_stevenage.geojson');
	const lsoaText = () => readFileSync(lsoaFile, 'utf8');
	const expected = () => {
		const features = JSON.parse(lsoaText()).features as { properties: Record<string, string> }[];
		return new Map(features.map((f) => [f.properties.lsoa21_code!, f.properties.ward24_code!]));
	};

	async function counts() {
		const [places] = await t.db.select({ n: count() }).from(platformPlaces);
		const [audit] = await t.db.select({ n: count() }).from(platformAuditLog);
		return { places: places?.n, audit: audit?.n };
	}

	it('creates the 54 neighbourhoods, each under the ward the file names, and the council', async () => {
		const result = await importPlaces(t.db, systemActor, {
			geojson: lsoaText(),
			fileName: 'lsoa21_stevenage.geojson',
			level: 'lsoa',
			parentCode: 'E07000243',
			createParent: { name: 'Stevenage' }
		});
		expect(result).toMatchObject({
			areas: 54,
			created: 54,
			updated: 0,
			wards: 13,
			wardsCreated: 13,
			parent: { name: 'Stevenage', created: true }
		});

		const hoods = await t.db
			.select({
				code: platformPlaces.onsCode,
				wardCode: sql<string>`w.ons_code`,
				path: platformPlaces.path,
				wardPath: sql<string>`w.path`
			})
			.from(platformPlaces)
			.innerJoin(sql`platform_places w`, sql`w.id = ${platformPlaces.parentId}`)
			.where(eq(platformPlaces.level, 'neighbourhood'));
		const council = await getPlaceBySlug(t.db, 'stevenage');
		const stevenage = hoods.filter((h) => h.path.startsWith(`${council!.path}/`));
		expect(stevenage).toHaveLength(54);
		const wardOf = expected();
		for (const hood of stevenage) {
			expect(hood.wardCode).toBe(wardOf.get(hood.code!));
			expect(hood.path.startsWith(`${hood.wardPath}/`)).toBe(true);
		}
		const wards = await listChildren(t.db, council!.id);
		expect(wards.total).toBe(13);
		expect(wards.items.find((w) => w.onsCode === 'E05015625')?.name).toBe('Bandley Hill & Poplars');
		const tree = await listPlaceTree(t.db);
		expect(tree.items.find((c) => c.name === 'Stevenage')?.wards).toHaveLength(13);
		expect(
			(await listPlaces(t.db, { level: 'neighbourhood', withinPath: council!.path })).total
		).toBe(54);
	});

	it('finds the neighbourhood a point lies in from the boundaries', async () => {
		// A point well inside Stevenage 009A (E01023750): the centre of three of its corners.
		const found = await findNeighbourhoodForPoint(t.db, [-0.159, 51.8915]);
		expect(found?.onsCode).toBe('E01023750');
		expect(await findNeighbourhoodForPoint(t.db, [-1.5, 53.5])).toBeNull();
	});

	it('updates by code when the file is imported again, adding nothing', async () => {
		const before = await counts();
		const result = await importPlaces(t.db, systemActor, {
			geojson: lsoaText(),
			fileName: 'lsoa21_stevenage.geojson',
			level: 'lsoa',
			parentCode: 'stevenage'
		});
		expect(result).toMatchObject({ created: 0, updated: 54, wardsCreated: 0 });
		expect((await counts()).places).toBe(before.places);
	});

	it('imports wards under the council by their own code', async () => {
		const text = readFileSync(path.join(geoDir, 'wards22_stevenage.geojson'), 'utf8');
		const result = await importPlaces(t.db, systemActor, {
			geojson: text,
			fileName: 'wards22_stevenage.geojson',
			level: 'ward',
			parentCode: 'E07000243'
		});
		// The 2022 wards have other codes than the 2024 wards the LSOA file names.
		expect(result).toMatchObject({ areas: 13, created: 13, wards: 13 });
		const council = await getPlaceBySlug(t.db, 'stevenage');
		expect((await listChildren(t.db, council!.id)).total).toBe(26);
	});

	it('changes nothing when the file is truncated or not GeoJSON, and says why in one line', async () => {
		const before = await counts();
		const text = lsoaText();
		const truncated = text.slice(0, Math.floor(text.length * 0.6));
		for (const [geojson, pattern] of [
			[truncated, /^lsoa21_stevenage\.geojson:\d+: the file ends too early; it may be truncated$/],
			[
				'lsoa21_code,lsoa21_name\nE01023750,Stevenage 009A\n',
				/^lsoa21_stevenage\.geojson:1: not JSON, so not a GeoJSON file$/
			]
		] as const) {
			const error = await importPlaces(t.db, systemActor, {
				geojson,
				fileName: 'lsoa21_stevenage.geojson',
				level: 'lsoa',
				parentCode: 'E07000243'
			}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(DomainError);
			expect((error as Error).message).toMatch(pattern);
			expect((error as Error).message).not.toContain('\n');
		}
		expect(await counts()).toEqual(before);
	});

	it('rolls back everything when a feature late in the file is bad', async () => {
		const before = await counts();
		const data = JSON.parse(lsoaText());
		data.features[53].properties.lsoa21_code = 'E01999000';
		data.features[0].properties.lsoa21_code = 'E01999001';
		delete data.features[53].geometry;
		const error = await importPlaces(t.db, systemActor, {
			geojson: JSON.stringify(data),
			fileName: 'bad.geojson',
			level: 'lsoa',
			parentCode: 'E07000243'
		}).catch((e: unknown) => e);
		expect((error as Error).message).toBe('bad.geojson: feature 54 has no geometry');
		expect(await counts()).toEqual(before);
	});

	it('needs place.import on the council, and refuses an unknown parent', async () => {
		const council = await getPlaceBySlug(t.db, 'stevenage');
		const ward = (await listChildren(t.db, council!.id)).items[0]!;
		const wardAdmin = await buildPerson(t.db, { grants: [{ placeId: ward.id, role: 'admin' }] });
		await expectCode(
			importPlaces(t.db, wardAdmin.actor, {
				geojson: lsoaText(),
				fileName: 'f',
				level: 'lsoa',
				parentCode: 'E07000243'
			}),
			'forbidden'
		);
		await expectCode(
			importPlaces(t.db, systemActor, {
				geojson: lsoaText(),
				fileName: 'f',
				level: 'lsoa',
				parentCode: 'E07000000'
			}),
			'not_found'
		);
		await expectCode(
			importPlaces(t.db, wardAdmin.actor, {
				geojson: lsoaText(),
				fileName: 'f',
				level: 'lsoa',
				parentCode: 'E07000001',
				createParent: { name: 'Elsewhere' }
			}),
			'forbidden'
		);
	});
});
