import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { createTestDatabase } from '../testing/test-database';
import { listAudit, recordAudit } from './audit';
import { claimJob, enqueueJob, getJob, runDueJobs } from './jobs';
import { can, type Actor } from './permissions';
import { platformAuditLog, platformPlaces } from './schema';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const council = { path: 'c' };
const wardA = { path: 'c/a' };
const wardB = { path: 'c/b' };
const hoodA1 = { path: 'c/a/a1' };

function person(
	grants: Actor extends infer A ? (A extends { grants: infer G } ? G : never) : never
): Actor {
	return { kind: 'person', userId: 'u', label: 'U', isPlatformAdmin: false, grants };
}

describe('can', () => {
	const organiserOfA = person([{ placeId: 'a', placePath: 'c/a', role: 'organiser' }]);

	it('applies a role to the place it was granted on and the places below it', () => {
		expect(can(organiserOfA, 'organisation.manage', wardA)).toBe(true);
		expect(can(organiserOfA, 'organisation.manage', hoodA1)).toBe(true);
	});

	it('gives no power over a sibling or the place above', () => {
		expect(can(organiserOfA, 'organisation.manage', wardB)).toBe(false);
		expect(can(organiserOfA, 'organisation.manage', council)).toBe(false);
	});

	it('does not treat a place whose id starts the same as being below', () => {
		expect(can(organiserOfA, 'organisation.manage', { path: 'c/ab' })).toBe(false);
	});

	it('refuses actions the role does not allow', () => {
		expect(can(organiserOfA, 'role.grant', wardA)).toBe(false);
	});

	it('refuses everything to anonymous visitors', () => {
		expect(can({ kind: 'anonymous' }, 'place.view', council)).toBe(false);
	});
});

describe('audit log', () => {
	it('records entries and refuses to change or delete them', async () => {
		await t.db
			.insert(platformPlaces)
			.values({ id: 'c', path: 'c', level: 'council', name: 'Council', slug: 'council' });
		const system: Actor = { kind: 'system', label: 'test' };
		await recordAudit(t.db, system, {
			action: 'place.create',
			placeId: 'c',
			details: { name: 'Council' }
		});
		const page = await listAudit(t.db, system, { place: { id: 'c', path: 'c' } });
		expect(page.entries.map((e) => e.action)).toEqual(['place.create']);
		await expect(t.db.execute(sql`update platform_audit_log set action = 'x'`)).rejects.toThrow();
		await expect(t.db.delete(platformAuditLog)).rejects.toThrow();
		await expect(t.db.execute(sql`truncate platform_audit_log`)).rejects.toThrow();
	});

	it('is readable only by admins of the place', async () => {
		const organiser = person([{ placeId: 'c', placePath: 'c', role: 'organiser' }]);
		await expect(listAudit(t.db, organiser, { place: { id: 'c', path: 'c' } })).rejects.toThrow(
			/permission/
		);
	});
});

describe('background jobs', () => {
	it('runs a queued job once and records its result', async () => {
		const id = await enqueueJob(t.db, 'test-ok', { n: 2 });
		const ran = await runDueJobs(t.db, { 'test-ok': async (p) => ({ doubled: Number(p.n) * 2 }) });
		expect(ran).toBe(1);
		expect(await getJob(t.db, id)).toMatchObject({
			status: 'done',
			result: { doubled: 4 },
			attempts: 1
		});
	});

	it('picks up a job again when the worker that claimed it stopped (lease expired)', async () => {
		const id = await enqueueJob(t.db, 'test-crash', {});
		const claimed = await claimJob(t.db, ['test-crash'], { leaseMs: 1 });
		expect(claimed?.id).toBe(id);
		await new Promise((r) => setTimeout(r, 20));
		const again = await claimJob(t.db, ['test-crash']);
		expect(again).toMatchObject({ id, attempts: 2 });
	});

	it('retries a failing job later and keeps the error', async () => {
		const id = await enqueueJob(t.db, 'test-fail', {}, { maxAttempts: 2 });
		await runDueJobs(t.db, {
			'test-fail': async () => {
				throw new Error('boom');
			}
		});
		expect(await getJob(t.db, id)).toMatchObject({ status: 'queued', lastError: 'boom' });
	});

	it('queues a job with a singleton key only once', async () => {
		const a = await enqueueJob(t.db, 'reminder', {}, { singletonKey: 'acv-1-deadline' });
		const b = await enqueueJob(t.db, 'reminder', {}, { singletonKey: 'acv-1-deadline' });
		expect(b).toBe(a);
	});
});
