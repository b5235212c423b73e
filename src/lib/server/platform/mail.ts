/**
 * Outgoing mail. Every message is recorded in the outbox table. With SMTP_URL set it is also sent
 * through SMTP (nodemailer); without it, the outbox is where mail goes: organisers read it in the
 * app during a demo, and tests read it to follow magic links.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Executor } from '../db/client';
import { newId } from './ids';
import { childLogger } from './logger';
import { platformOutbox } from './schema';

const log = childLogger({ component: 'mail' });

/** A message to send. */
export type MailMessage = { to: string; subject: string; text: string; html?: string };

/** A stored outbox row. */
export type OutboxMessage = typeof platformOutbox.$inferSelect;

let transporter: Transporter | undefined;

function smtpTransport(): Transporter | undefined {
	const url = process.env.SMTP_URL;
	if (!url || process.env.MAIL_TRANSPORT === 'outbox') return undefined;
	transporter ??= nodemailer.createTransport(url);
	return transporter;
}

/** Sends (or stores) a message and records it in the outbox. */
export async function sendMail(db: Executor, message: MailMessage): Promise<OutboxMessage> {
	const smtp = smtpTransport();
	let status: OutboxMessage['status'] = 'stored';
	let error: string | null = null;
	if (smtp) {
		try {
			await smtp.sendMail({
				from: process.env.MAIL_FROM ?? 'Powershare <no-reply@localhost>',
				to: message.to,
				subject: message.subject,
				text: message.text,
				html: message.html
			});
			status = 'sent';
		} catch (cause) {
			status = 'failed';
			error = cause instanceof Error ? cause.message : String(cause);
			log.error({ err: cause, to: message.to }, 'SMTP send failed');
		}
	}
	const [row] = await db
		.insert(platformOutbox)
		.values({
			id: newId(),
			to: message.to.toLowerCase(),
			subject: message.subject,
			text: message.text,
			html: message.html ?? null,
			transport: smtp ? 'smtp' : 'outbox',
			status,
			error
		})
		.returning();
	return row!;
}

/** Outbox messages, newest first, optionally for one address. Permission is the caller's check. */
export async function readOutbox(
	db: Executor,
	options: { to?: string; page?: number; pageSize?: number } = {}
): Promise<{ messages: OutboxMessage[]; total: number }> {
	const pageSize = Math.min(options.pageSize ?? 25, 100);
	const page = Math.max(options.page ?? 1, 1);
	const where = options.to ? and(eq(platformOutbox.to, options.to.toLowerCase())) : undefined;
	const [totalRow] = await db.select({ n: count() }).from(platformOutbox).where(where);
	const messages = await db
		.select()
		.from(platformOutbox)
		.where(where)
		.orderBy(desc(platformOutbox.createdAt), desc(platformOutbox.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return { messages, total: totalRow?.n ?? 0 };
}
