import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { createTestDatabase } from '../testing/test-database';
import { jobHandlers, queueMail } from './job-handlers';
import { getJob, runDueJobs } from './jobs';
import { readOutbox } from './mail';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

describe('mail.send', () => {
	it('sends a queued message through the outbox when the worker runs', async () => {
		const id = await queueMail(t.db, {
			to: 'Resident@Ashbrook.example',
			subject: 'Hello',
			text: 'Welcome'
		});
		expect((await readOutbox(t.db)).total).toBe(0);
		expect(await runDueJobs(t.db, jobHandlers)).toBe(1);
		const { messages } = await readOutbox(t.db, { to: 'resident@ashbrook.example' });
		expect(messages).toMatchObject([{ subject: 'Hello', text: 'Welcome', status: 'stored' }]);
		expect(await getJob(t.db, id)).toMatchObject({
			status: 'done',
			result: { outboxId: messages[0]!.id }
		});
	});

	it('fails a job whose payload is not a message, without sending anything', async () => {
		const id = await queueMail(t.db, { to: '', subject: '', text: 'x' });
		await runDueJobs(t.db, jobHandlers);
		expect(await getJob(t.db, id)).toMatchObject({ status: 'queued', attempts: 1 });
		expect((await getJob(t.db, id))!.lastError).toBeTruthy();
	});
});
