import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInGeometry, type AreaGeometry } from '../../core/geo/index';
import type { DatabaseHandle } from '../db/client';
import { createTestDatabase } from '../testing/test-database';
import { generateDemoTown } from '../platform/demo/generate-demo-town';
import { platformPlaces } from '../platform/schema';
import { demoAssets } from './demo-data';
import { assetsModule } from './module';
import { listAssets } from './queries';
import { assetKinds, assetsAssets } from './schema';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
	await generateDemoTown(t.db, { password: 'demo-assets-test', modules: [assetsModule] });
});
afterAll(async () => {
	await t?.close();
});

describe('the demo town’s community spaces', () => {
	it('has every kind, each at a point inside its neighbourhood', async () => {
		const rows = await t.db
			.select({ asset: assetsAssets, slug: platformPlaces.slug, boundary: platformPlaces.boundary })
			.from(assetsAssets)
			.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId));
		expect(rows.length).toBeGreaterThanOrEqual(demoAssets.length);
		expect(new Set(rows.map((r) => r.asset.kind))).toEqual(new Set(assetKinds));
		for (const { asset, slug, boundary } of rows) {
			expect(slug, asset.name).toBe(demoAssets.find((d) => d.name === asset.name)!.placeSlug);
			expect(
				pointInGeometry(boundary as AreaGeometry, [asset.longitude!, asset.latitude!]),
				asset.name
			).toBe(true);
		}
	});

	it('lets anyone find the hall in Old Market with the filters', async () => {
		const [oldMarket] = await t.db
			.select()
			.from(platformPlaces)
			.where(eq(platformPlaces.slug, 'northgate'));
		const halls = await listAssets(
			t.db,
			{ kind: 'anonymous' },
			{ kinds: ['hall'], placePath: oldMarket!.path }
		);
		expect(halls.items.map((a) => a.name)).toEqual([
			'Old Market Community Hall',
			"St Anne's Church Hall"
		]);
	});

	it('filters by listing as an asset of community value', async () => {
		const anonymous = { kind: 'anonymous' } as const;
		const listed = await listAssets(t.db, anonymous, { acvListed: true });
		expect(listed.items.map((a) => a.name)).toEqual(['The Ferryman', 'The Kiln']);
		const notListed = await listAssets(t.db, anonymous, { acvListed: false, pageSize: 100 });
		expect(notListed.total + listed.total).toBe((await listAssets(t.db, anonymous)).total);
	});

	it('lists the spaces of a place under "What is happening here"', async () => {
		const [northgate] = await t.db
			.select()
			.from(platformPlaces)
			.where(eq(platformPlaces.slug, 'northgate'));
		const activity = await assetsModule.placeActivity!.list(t.db, northgate!, {
			kind: 'anonymous'
		});
		expect(activity[0]).toMatchObject({
			title: '7 community spaces on the register',
			href: `/assets?place=${northgate!.id}`
		});
		expect(activity).toHaveLength(4);
	});
});
