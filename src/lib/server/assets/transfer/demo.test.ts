import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import { generateDemoTown } from '../../platform/demo/generate-demo-town';
import { seedAssetsDemo } from '../demo';
import { assetsAssets } from '../schema';
import { getAssetMeanwhile } from '../meanwhile/queries';
import { seedTransferDemo } from './demo';
import { getAssetTransfer } from './queries';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
	await generateDemoTown(t.db, {
		password: 'demo-password-for-tests',
		modules: [
			{
				id: 'assets',
				async seedDemo(db, town) {
					await seedAssetsDemo(db, town);
					await seedTransferDemo(db, town);
				}
			}
		]
	});
});
afterAll(async () => {
	await t?.close();
});

async function assetId(name: string) {
	const [row] = await t.db
		.select({ id: assetsAssets.id })
		.from(assetsAssets)
		.where(eq(assetsAssets.name, name));
	return row!.id;
}

describe('the transfer demo', () => {
	it('has a case at each stage, one with a 30-year lease', async () => {
		const stageOf = async (name: string) =>
			(await getAssetTransfer(t.db, { kind: 'anonymous' }, await assetId(name))).cases[0];
		expect((await stageOf('Eastfield Playing Fields'))?.stage).toBe('expression_of_interest');
		expect((await stageOf('Willow Bank Library'))?.stage).toBe('business_plan');
		const garden = await stageOf('Willow Bank Community Garden');
		expect(garden).toMatchObject({
			stage: 'terms',
			terms: { tenure: 'lease', leaseYears: 30, isShortLease: false }
		});
		expect(garden?.documents).toHaveLength(1);
		const club = await stageOf('Hawthorn Green Youth Club');
		expect(club?.stage).toBe('completed');
		expect(club?.decision?.decision).toBe('approved');
		expect(club?.events.map((e) => e.toStage)).toEqual([
			'expression_of_interest',
			'business_plan',
			'terms',
			'decision',
			'completed'
		]);
	});

	it('offers a vacant unit with one approved and one pending request', async () => {
		const unit = await getAssetMeanwhile(
			t.db,
			{ kind: 'system', label: 'test' },
			await assetId('Unit 4, Tanners Row Arcade')
		);
		expect(unit.offers).toHaveLength(1);
		expect(unit.offers[0]!.booked).toHaveLength(1);
		expect(unit.requests.map((r) => r.status).sort()).toEqual(['approved', 'requested']);
	});
});
