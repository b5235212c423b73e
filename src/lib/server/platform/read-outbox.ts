/**
 * Reading the mail outbox: organisers and admins (the `outbox.view` permission on any place, or a
 * platform admin) can read every recorded email, so a demo runs without a mail server.
 *
 * Links in mail carry one-time tokens that sign someone in or reset their password. Only a
 * platform admin sees them, and only in mail that stayed in the outbox (no SMTP): there the outbox
 * is the mailbox, and a platform admin can act everywhere anyway. Everyone else sees the tokens
 * hidden; otherwise an organiser could ask for a link to an admin's address and sign in as them.
 * Mail delivered through SMTP went to its owner, so its tokens are hidden from everyone.
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

/** May this reader see the sign-in and reset tokens in this message? */
function canSeeTokens(actor: Actor, message: OutboxMessage): boolean {
	if (message.transport === 'smtp') return false;
	return actor.kind === 'system' || (actor.kind === 'person' && actor.isPlatformAdmin);
}

/** The message as this reader may see it (see the module comment). */
function asShown(actor: Actor, message: OutboxMessage): OutboxMessage {
	if (canSeeTokens(actor, message)) return message;
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
	return { messages: messages.map((m) => asShown(actor, m)), total, page, pageSize };
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
	return asShown(actor, message);
}

/** Web links in a message's text, for showing as links. */
export function linksIn(text: string): string[] {
	return [...new Set(text.match(/https?:\/\/[^\s<>"']+/g) ?? [])];
}
