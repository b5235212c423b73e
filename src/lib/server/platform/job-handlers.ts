/**
 * The registry of background job handlers, by queue name. The worker started by `startPlatform`
 * runs whatever is registered here; a module adds its queues when it is loaded:
 *
 *     jobHandlers['budgeting.count'] = countResultsJob;
 *
 * and queues work inside the transaction of the action that needs it, with `enqueueJob`. Queue
 * names are `<module>.<verb>`.
 */
import { z } from 'zod';
import type { Executor } from '../db/client';
import { enqueueJob, type JobHandlers } from './jobs';
import { sendMail, type MailMessage } from './mail';

const mailPayload = z.object({
	to: z.string().min(3),
	subject: z.string().min(1),
	text: z.string(),
	html: z.string().optional()
});

/** Sends one queued message; a failed SMTP send is thrown, so the job is retried with back-off. */
async function sendQueuedMail(payload: Record<string, unknown>, { db }: { db: Executor }) {
	const message = mailPayload.parse(payload);
	const sent = await sendMail(db, message);
	if (sent.status === 'failed') throw new Error(`mail to ${sent.to} not sent: ${sent.error}`);
	return { outboxId: sent.id, status: sent.status };
}

/** Handlers by queue name; the worker reads it on every poll, so handlers added later run too. */
export const jobHandlers: JobHandlers = {
	'mail.send': sendQueuedMail
};

/**
 * Queues a message to be sent by the worker, so a slow or failing mail server never holds up a
 * request; call it inside the transaction of the action that needs the mail.
 */
export function queueMail(
	db: Executor,
	message: MailMessage,
	options: { singletonKey?: string } = {}
): Promise<string> {
	return enqueueJob(db, 'mail.send', message, options);
}
