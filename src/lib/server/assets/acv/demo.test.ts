import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { generateDemoTown } from '../../platform/demo/generate-demo-town';
import { createTestDatabase } from '../../testing/test-database';
import { assetsModule } from '../module';
import { acvCsv, acvCsvColumns } from './planning-data';
import { listAcvs, todayUtc } from './queries';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
	await generateDemoTown(t.db, { password: 'demo-password-for-tests', modules: [assetsModule] });
});
afterAll(async () => {
	await t?.close();
});

describe('the demo town’s assets of community value', () => {
	it('has a pub in a full moratorium, a listed pub and a nomination awaiting a decision', async () => {
		const items = await listAcvs(t.db);
		expect(Object.fromEntries(items.map((i) => [i.assetName, i.summary.timeline.state]))).toEqual({
			'Foxley End Village Hall': 'nominated',
			'The Ferryman': 'full_moratorium',
			'The Kiln': 'listed'
		});
		const ferryman = items.find((i) => i.assetName === 'The Ferryman')!;
		expect(ferryman.summary.timeline.interestedGroups).toEqual(['Riverside Food Bank']);
	});

	it('exports them as planning data CSV', async () => {
		const csv = await acvCsv(t.db, { today: todayUtc() });
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toBe(acvCsvColumns.join(','));
		expect(lines).toHaveLength(4);
		const ferryman = lines.find((l) => l.includes('The Ferryman'))!;
		expect(ferryman).toContain('Riverside Food Bank');
		expect(ferryman).toMatch(/POINT \(-?\d/);
		expect(ferryman).toMatch(/,listed,/);
	});
});
