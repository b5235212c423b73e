import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../core/assets/csv';
import type { DatabaseHandle } from '../db/client';
import { hasSharedData, sharedDataDir } from '../../testing/shared-data';
import { createTestDatabase } from '../testing/test-database';
import { listAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { buildPerson, buildPlaceTree, systemActor } from '../platform/places/factories';
import { importPlaces } from '../platform/places/import-places';
import { platformPlaces } from '../platform/schema';
import { bboxOf, type AreaGeometry } from '../../core/geo/index';
import { confirmAsset } from './confirm-asset';
import { createAsset } from './create-asset';
import { exportAssetsCsv, exportAssetsGeoJson } from './exports';
import { importAssetsCsv } from './import-assets';
import { importLibraries } from './import-libraries';
import {
	getOrukService,
	listOrukOrganizations,
	listOrukServiceAtLocations,
	listOrukServices
} from './open-referral';
import { getAsset, listAssets } from './queries';
import { rejectAsset } from './reject-asset';
import { assetsAssets } from './schema';
import { suggestAsset } from './suggest-asset';
import { updateAsset } from './update-asset';
import { createAssetSchema, suggestAssetSchema } from './validation';
import { createOrganisation } from '../platform/organisations/create-organisation';

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

const square = (minX: number, minY: number, size: number): AreaGeometry => ({
	type: 'Polygon',
	coordinates: [
		[
			[minX, minY],
			[minX + size, minY],
			[minX + size, minY + size],
			[minX, minY + size],
			[minX, minY]
		]
	]
});

async function setBoundary(id: string, boundary: AreaGeometry) {
	await t.db
		.update(platformPlaces)
		.set({ boundary, bbox: bboxOf(boundary) })
		.where(eq(platformPlaces.id, id));
}

const hall = (placeId: string, name = 'Corn Exchange Hall') =>
	createAssetSchema.parse({ placeId, name, kind: 'hall', postcode: 'zz1 4ab', address: '1 Yard' });

describe('the register', () => {
	it('lets a signed-in person suggest a space, hidden until an organiser of the place confirms it', async () => {
		const { wardA, hoodA1 } = await buildPlaceTree(t.db);
		const resident = await buildPerson(t.db); // no role anywhere
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const input = suggestAssetSchema.parse({
			placeId: hoodA1.id,
			name: 'Scout hut',
			kind: 'hall',
			postcode: 'zz14ab',
			latitude: '51.5',
			longitude: '-0.1'
		});
		expect(input.postcode).toBe('ZZ1 4AB');
		await expectCode(suggestAsset(t.db, { kind: 'anonymous' }, input), 'unauthenticated');
		const { id } = await suggestAsset(t.db, resident.actor, input);

		const anonymous = { kind: 'anonymous' } as const;
		expect(await getAsset(t.db, anonymous, id)).toBeNull();
		expect((await getAsset(t.db, resident.actor, id))?.status).toBe('suggested');
		expect((await getAsset(t.db, organiser.actor, id))?.canManage).toBe(true);
		const pending = await listAssets(t.db, organiser.actor, { statuses: ['suggested'] });
		expect(pending.items.map((a) => a.id)).toContain(id);
		expect((await listAssets(t.db, anonymous, { statuses: ['suggested'] })).items).toEqual([]);

		await confirmAsset(t.db, organiser.actor, { assetId: id });
		const confirmed = await getAsset(t.db, anonymous, id);
		expect(confirmed).toMatchObject({ status: 'confirmed', confirmedBy: organiser.id });
		await expectCode(confirmAsset(t.db, organiser.actor, { assetId: id }), 'conflict');

		const audit = await listAudit(t.db, systemActor, { place: wardA });
		expect(audit.entries.slice(0, 2).map((e) => e.action)).toEqual([
			'asset.confirm',
			'asset.suggest'
		]);
	});

	it('does not let an organiser of ward A confirm, reject, create or change assets in ward B', async () => {
		const { wardA, wardB } = await buildPlaceTree(t.db);
		const organiserA = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		const residentA = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'resident' }]
		});
		const suggestion = await suggestAsset(
			t.db,
			residentA.actor,
			suggestAssetSchema.parse({ placeId: wardB.id, name: 'Pub', kind: 'pub' })
		);
		await expectCode(confirmAsset(t.db, organiserA.actor, { assetId: suggestion.id }), 'forbidden');
		await expectCode(
			rejectAsset(t.db, organiserA.actor, { assetId: suggestion.id, reason: 'No' }),
			'forbidden'
		);
		await expectCode(createAsset(t.db, organiserA.actor, hall(wardB.id)), 'forbidden');
		await expectCode(createAsset(t.db, residentA.actor, hall(wardA.id)), 'forbidden');

		// Moving an asset from ward A to ward B needs the right in both.
		const own = await createAsset(t.db, organiserA.actor, hall(wardA.id));
		await expectCode(
			updateAsset(t.db, organiserA.actor, { ...hall(wardB.id), assetId: own.id }),
			'forbidden'
		);
		const [row] = await t.db.select().from(assetsAssets).where(eq(assetsAssets.id, suggestion.id));
		expect(row?.status).toBe('suggested');
	});

	it('rejects a suggestion with a reason its author can read', async () => {
		const { wardA } = await buildPlaceTree(t.db);
		const officer = await buildPerson(t.db, { grants: [{ placeId: wardA.id, role: 'officer' }] });
		const resident = await buildPerson(t.db);
		const { id } = await suggestAsset(
			t.db,
			resident.actor,
			suggestAssetSchema.parse({ placeId: wardA.id, name: 'My shed', kind: 'other' })
		);
		await rejectAsset(t.db, officer.actor, { assetId: id, reason: 'It is a private shed.' });
		expect(await getAsset(t.db, resident.actor, id)).toMatchObject({
			status: 'rejected',
			rejectionReason: 'It is a private shed.'
		});
	});

	it('creates and updates with a photo and an organisation, and filters the list', async () => {
		const { council, wardA, wardB, hoodA1 } = await buildPlaceTree(t.db, {
			councilName: 'Filterton'
		});
		const admin = await buildPerson(t.db, { grants: [{ placeId: council.id, role: 'admin' }] });
		const org = await createOrganisation(t.db, admin.actor, {
			name: 'Friends of the Hall',
			kind: 'community_group',
			description: null,
			registrationNumber: null,
			contactName: null,
			contactEmail: null,
			contactPhone: null,
			website: null,
			placeIds: [wardA.id]
		});
		const created = await createAsset(t.db, admin.actor, {
			...hall(hoodA1.id, 'Filterton Village Hall'),
			runBy: org.id,
			ownerType: 'council',
			photoUrl: 'https://example.org/hall.jpg',
			photoAlt: 'A brick hall'
		});
		await createAsset(
			t.db,
			admin.actor,
			createAssetSchema.parse({
				placeId: wardB.id,
				name: 'The Plough',
				kind: 'pub',
				ownerType: 'private'
			})
		);
		await createAsset(
			t.db,
			admin.actor,
			createAssetSchema.parse({
				placeId: wardB.id,
				name: 'Old Baths',
				kind: 'vacant_unit',
				status: 'closed'
			})
		);
		const anonymous = { kind: 'anonymous' } as const;
		const names = async (filters: Parameters<typeof listAssets>[2]) =>
			(await listAssets(t.db, anonymous, { placePath: council.path, ...filters })).items.map(
				(a) => a.name
			);

		expect(await names({})).toEqual(['Filterton Village Hall', 'The Plough']);
		expect(await names({ kinds: ['hall'] })).toEqual(['Filterton Village Hall']);
		expect(await names({ placePath: wardA.path })).toEqual(['Filterton Village Hall']);
		expect(await names({ ownerTypes: ['private'] })).toEqual(['The Plough']);
		expect(await names({ search: 'plou' })).toEqual(['The Plough']);
		expect(await names({ search: '100%_' })).toEqual([]);
		expect(await names({ statuses: ['confirmed', 'closed'] })).toEqual([
			'Filterton Village Hall',
			'Old Baths',
			'The Plough'
		]);
		const page = await listAssets(t.db, anonymous, {
			placePath: council.path,
			pageSize: 1,
			page: 2
		});
		expect(page).toMatchObject({ total: 2, totalPages: 2, page: 2 });

		const detail = await getAsset(t.db, anonymous, created.id);
		expect(detail?.runByOrganisation?.name).toBe('Friends of the Hall');
		expect(detail?.photos.map((p) => p.altText)).toEqual(['A brick hall']);
		expect(detail?.canManage).toBe(false);

		await updateAsset(t.db, admin.actor, {
			...hall(hoodA1.id, 'Filterton Hall'),
			assetId: created.id,
			condition: 'poor',
			runBy: org.id,
			ownerType: 'council'
		});
		expect(await getAsset(t.db, anonymous, created.id)).toMatchObject({
			name: 'Filterton Hall',
			condition: 'poor'
		});
		const audit = await listAudit(t.db, admin.actor, { place: council });
		const update = audit.entries.find((e) => e.action === 'asset.update');
		expect(update?.details).toMatchObject({ changed: ['name', 'condition'] });
	});
});

describe('importing a CSV', () => {
	const header = 'Name,Type,Address,Postcode,Lat,Lng\r\n';
	const good1 = '"The ""Old"" Hall",hall,"1 High St,\nAshbrook",ZZ1 1AA,51.05,-0.05\r\n';
	const good2 = 'Green Park,park,,,,\r\n';
	const bad1 = ',hall,,,51.05,-0.05\r\n';
	const bad2 = 'Spaceport,rocket,,,95,0\r\n';
	const outside = 'Far Pub,pub,,,40,10\r\n';
	const mapping = { name: 0, kind: 1, address: 2, postcode: 3, latitude: 4, longitude: 5 };

	async function setUp() {
		const tree = await buildPlaceTree(t.db);
		await setBoundary(tree.council.id, square(-1, 50, 2));
		await setBoundary(tree.wardA.id, square(-0.1, 51, 0.2));
		await setBoundary(tree.hoodA1.id, square(-0.1, 51, 0.1));
		const admin = await buildPerson(t.db, {
			grants: [{ placeId: tree.council.id, role: 'admin' }]
		});
		const total = async () =>
			(
				await t.db
					.select({ n: count() })
					.from(assetsAssets)
					.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
					.where(eq(platformPlaces.parentId, tree.council.id))
			)[0]!.n +
			(
				await t.db
					.select({ n: count() })
					.from(assetsAssets)
					.where(eq(assetsAssets.placeId, tree.council.id))
			)[0]!.n +
			(
				await t.db
					.select({ n: count() })
					.from(assetsAssets)
					.where(eq(assetsAssets.placeId, tree.hoodA1.id))
			)[0]!.n;
		return { ...tree, admin, total };
	}

	it('imports nothing when any row is invalid, and reports each problem by row and column', async () => {
		const { council, admin, total } = await setUp();
		const csv = '\uFEFF' + header + good1 + bad1 + good2 + bad2 + outside;
		const report = await importAssetsCsv(t.db, admin.actor, { csv, mapping, placeId: council.id });
		expect(report.written).toBe(false);
		expect(report.imported).toBe(0);
		expect(report.problems).toEqual([
			{ row: 3, column: 'Name', problem: 'required' },
			{ row: 5, column: 'Type', problem: 'unknownKind', value: 'rocket' },
			{ row: 5, column: 'Lat', problem: 'latitudeRange', value: '95' },
			{ row: 6, column: 'latitude', problem: 'outsidePlace', value: '40, 10' }
		]);
		expect(await total()).toBe(0);
	});

	it('with "skip the bad rows", imports only the good rows in the right places and lists what it skipped', async () => {
		const { council, hoodA1, admin, total } = await setUp();
		const csv = header + good1 + bad1 + good2 + bad2 + outside;
		const preview = await importAssetsCsv(t.db, admin.actor, {
			csv,
			mapping,
			placeId: council.id,
			skipInvalid: true,
			dryRun: true
		});
		expect(preview).toMatchObject({ written: false, imported: 2, skipped: 3 });
		expect(await total()).toBe(0);

		const report = await importAssetsCsv(t.db, admin.actor, {
			csv,
			mapping,
			placeId: council.id,
			skipInvalid: true
		});
		expect(report).toMatchObject({ written: true, imported: 2, skipped: 3, rowsRead: 5 });
		expect(report.problems.map((p) => p.row)).toEqual([3, 5, 5, 6]);
		const rows = await t.db
			.select()
			.from(assetsAssets)
			.where(eq(assetsAssets.name, 'The "Old" Hall'));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({
			placeId: hoodA1.id,
			address: '1 High St,\nAshbrook',
			status: 'confirmed'
		});
		const park = await t.db.select().from(assetsAssets).where(eq(assetsAssets.name, 'Green Park'));
		expect(park.find((p) => p.placeId === council.id)?.kind).toBe('green_space');
		expect(await total()).toBe(2);
	});

	it('refuses people who cannot manage assets in the place', async () => {
		const { wardA, council } = await setUp();
		const organiser = await buildPerson(t.db, {
			grants: [{ placeId: wardA.id, role: 'organiser' }]
		});
		await expectCode(
			importAssetsCsv(t.db, organiser.actor, { csv: header + good2, mapping, placeId: council.id }),
			'forbidden'
		);
	});
});

const librariesFile = path.join(sharedDataDir, 'uk/facilities/libraries_england_taskforce2016.csv');

describe.runIf(hasSharedData('uk', 'the libraries import'))(
	'importing the libraries of England',
	() => {
		it("imports Southwark's open libraries: those whose point is in the borough's neighbourhoods", async () => {
			await importPlaces(t.db, systemActor, {
				geojson: readFileSync(path.join(sharedDataDir, 'uk/geo/lsoa21_southwark.geojson'), 'utf8'),
				fileName: 'lsoa21_southwark.geojson',
				level: 'lsoa',
				parentCode: 'E09000028',
				createParent: { name: 'Southwark' }
			});
			const [southwark] = await t.db
				.select()
				.from(platformPlaces)
				.where(eq(platformPlaces.onsCode, 'E09000028'));
			const csv = readFileSync(librariesFile, 'utf8');

			// What the file says: Southwark is library authority 118.
			const [head, ...records] = parseCsv(csv).records;
			const col = (name: string) => head!.indexOf(name);
			expect(records.length).toBeGreaterThan(3200);
			const southwarkOpen = records.filter(
				(r) => r[col('authority_id')] === '118' && !['XL', 'XLR', 'XLT'].includes(r[col('closed')]!)
			);

			const report = await importLibraries(t.db, systemActor, { csv, placeId: southwark!.id });
			expect(report.written).toBe(true);
			expect(report.imported).toBe(southwarkOpen.length);
			expect(report.imported).toBeGreaterThan(10);
			expect(report.closedLeftOut).toBeGreaterThan(0);
			const again = await importLibraries(t.db, systemActor, { csv, placeId: southwark!.id });
			expect(again).toMatchObject({ imported: 0, alreadyThere: report.imported });

			const list = await listAssets(
				t.db,
				{ kind: 'anonymous' },
				{ placePath: southwark!.path, kinds: ['library'], pageSize: 200 }
			);
			expect(list.total).toBe(report.imported);
			expect(list.items.every((a) => a.placeName !== 'Southwark')).toBe(true);
		});
	}
);

describe('open data', () => {
	const orukSchema = (name: string) =>
		JSON.parse(
			readFileSync(
				path.join(sharedDataDir, 'uk/standards/openreferral-uk/schema/compiled', `${name}.json`),
				'utf8'
			)
		);

	it.runIf(hasSharedData('uk/standards', 'the Open Referral UK validation'))(
		'exports services, locations and organisations that validate against the Open Referral UK schema',
		async () => {
			const { council, hoodA1 } = await buildPlaceTree(t.db);
			const org = await createOrganisation(t.db, systemActor, {
				name: 'Hall Trust',
				kind: 'charity',
				description: 'Runs the hall.',
				registrationNumber: null,
				contactName: null,
				contactEmail: 'hall@example.org',
				contactPhone: null,
				website: 'https://hall.example.org',
				placeIds: [council.id]
			});
			const { id } = await createAsset(t.db, systemActor, {
				...hall(hoodA1.id, 'ORUK Hall'),
				runBy: org.id,
				latitude: 51.5,
				longitude: -0.1,
				openingInfo: 'Daily'
			});
			await createAsset(
				t.db,
				systemActor,
				createAssetSchema.parse({ placeId: council.id, name: 'Bare Space', kind: 'other' })
			);
			const base = 'https://powershare.example';
			const ajv = new Ajv({ strict: false, allErrors: true });
			addFormats(ajv);
			const check = (schema: string, value: unknown) => {
				const validate = ajv.compile(orukSchema(schema));
				const ok = validate(value);
				expect(validate.errors ?? [], schema).toEqual([]);
				expect(ok).toBe(true);
			};

			const services = await listOrukServices(t.db, base, { perPage: 200 });
			expect(services.contents.length).toBeGreaterThanOrEqual(2);
			for (const s of services.contents) check('service_list', s);
			const uuid = services.contents.find((s) => s.name === 'ORUK Hall')!.id;
			const full = await getOrukService(t.db, base, uuid);
			expect(full?.service_at_locations[0]?.location.latitude).toBe(51.5);
			check('service', full);
			const bare = await getOrukService(
				t.db,
				base,
				services.contents.find((s) => s.name === 'Bare Space')!.id
			);
			check('service', bare);
			for (const sal of (await listOrukServiceAtLocations(t.db, base, { perPage: 200 })).contents)
				check('service_at_location_list', sal);
			const organisations = await listOrukOrganizations(t.db, base);
			expect(organisations.contents.map((o) => o.name)).toContain('Hall Trust');
			for (const o of organisations.contents) check('organization_list', o);
			expect(id).toMatch(/^[0-9a-f]{32}$/);
		}
	);

	it('exports GeoJSON and CSV of public assets only', async () => {
		const { council, hoodA1 } = await buildPlaceTree(t.db);
		await createAsset(t.db, systemActor, {
			...hall(hoodA1.id, 'Mapped Hall'),
			latitude: 51.5,
			longitude: -0.1
		});
		await createAsset(t.db, systemActor, {
			...hall(hoodA1.id, '=Formula, "quoted"'),
			status: 'suggested'
		});
		const anonymous = { kind: 'anonymous' } as const;
		const geo = await exportAssetsGeoJson(
			t.db,
			anonymous,
			{ placePath: council.path },
			'https://x.example'
		);
		expect(geo.features).toHaveLength(1);
		expect(geo.features[0]).toMatchObject({
			geometry: { type: 'Point', coordinates: [-0.1, 51.5] },
			properties: { name: 'Mapped Hall', kind: 'hall' }
		});
		const csv = await exportAssetsCsv(
			t.db,
			systemActor,
			{ placePath: council.path, statuses: ['suggested', 'confirmed'] },
			'https://x.example'
		);
		const rows = parseCsv(csv).records;
		expect(rows[0]![0]).toBe('id');
		expect(rows.map((r) => r[1])).toEqual(['name', 'Mapped Hall']);
	});
});
