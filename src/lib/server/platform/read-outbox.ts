/**
 * Reading the mail outbox: organisers and admins (the `outbox.view` permission on any place, or a
 * platform admin) can read every recorded email, so a demo runs without a mail server.
 *
 * Mail that really went out through SMTP was delivered to its owner; its sign-in and reset tokens
 * are hidden here, so reading the outbox never lets anyone sign in as someone else on a live site.
 * Mail that stayed in the outbox (no SMTP) shows its links: there, the outbox is the mailbox.
 */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { DomainError } from './errors';
import { readOutbox, type OutboxMessage } from './mail';
import { can, type Actor } from './permissions';
import { platformOutbox } from './schema';

/** May this person read the outbox? */
export function canReadOutbox(actor: Actor): boolean {
	if (actor.kind === 'system') return true;
	if (actor.kind !== 'person') return false;
	if (actor.isPlatformAdmin) return true;
	return actor.grants.some((g) => can(actor, 'outbox.view', { path: g.placePath }));
}

function requireOutboxReader(actor: Actor): void {
	if (canReadOutbox(actor)) return;
	if (actor.kind === 'anonymous') throw new DomainError('unauthenticated', 'Sign in to do this.');
	throw new DomainError('forbidden', 'You do not have permission to read the outbox.');
}

const tokenParam = /([?&](?:token)=)[^&\s]+/g;

/** The message as a reader may see it: tokens hidden when it was delivered by SMTP. */
function asShown(message: OutboxMessage): OutboxMessage {
	if (message.transport !== 'smtp') return message;
	return {
		...message,
		text: message.text.replace(tokenParam, '$1[hidden]'),
		html: message.html?.replace(tokenParam, '$1[hidden]') ?? null
	};
}

/** A page of the outbox, newest first, optionally for one address. */
export async function listOutbox(
	db: Executor,
	actor: Actor,
	options: { to?: string; page?: number; pageSize?: number } = {}
): Promise<{ messages: OutboxMessage[]; total: number; page: number; pageSize: number }> {
	requireOutboxReader(actor);
	const pageSize = options.pageSize ?? 25;
	const page = Math.max(1, Math.floor(options.page ?? 1));
	const { messages, total } = await readOutbox(db, { to: options.to, page, pageSize });
	return { messages: messages.map(asShown), total, page, pageSize };
}

/** One outbox message. */
export async function getOutboxMessage(
	db: Executor,
	actor: Actor,
	id: string
): Promise<OutboxMessage> {
	requireOutboxReader(actor);
	const [message] = await db.select().from(platformOutbox).where(eq(platformOutbox.id, id));
	if (!message) throw new DomainError('not_found', 'There is no such message.');
	return asShown(message);
}

/** Web links in a message's text, for showing as links. */
export function linksIn(text: string): string[] {
	return [...new Set(text.match(/https?:\/\/[^\s<>"']+/g) ?? [])];
}
