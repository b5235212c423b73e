import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { t } from '../../../i18n/index';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { queueMail } from '../job-handlers';
import { sendMail, type MailMessage } from '../mail';
import { requireCan, type Actor } from '../permissions';
import { platformInvitations, platformUsers } from '../schema';
import { getPlaceById } from '../places/queries';
import { grantRole, type RoleGrant } from './grant-role';
import type { InvitePersonInput } from './validation';

/**
 * Sends an invitation email as part of the transaction: with a mail server it is queued for the
 * job worker, so it goes only if the invitation is saved and a slow server never holds up the
 * page; without one it is written to the outbox in the same transaction.
 */
async function deliver(db: Executor, message: MailMessage): Promise<void> {
	const hasSmtp = Boolean(process.env.SMTP_URL) && process.env.MAIL_TRANSPORT !== 'outbox';
	if (hasSmtp) await queueMail(db, message);
	else await sendMail(db, message);
}

/** How long an invitation can be accepted for. */
export const INVITATION_DAYS = 14;

/** An invitation as stored. */
export type Invitation = typeof platformInvitations.$inferSelect;

/** What inviting did: granted the role at once (the person has an account) or sent an invitation. */
export type InvitePersonResult =
	| { kind: 'granted'; grant: RoleGrant; isNew: boolean }
	| { kind: 'invited'; invitation: Invitation };

/**
 * Invites someone by email to a role on a place. Needs `person.invite` there. When the email
 * belongs to an account the role is granted at once; otherwise an invitation is stored and
 * emailed, and the role is granted when they sign in with that email ({@link acceptInvitations}).
 * `origin` is the site's address, for the link in the email.
 */
export async function invitePerson(
	db: Executor,
	actor: Actor,
	input: InvitePersonInput,
	options: { origin: string; now?: Date }
): Promise<InvitePersonResult> {
	return db.transaction(async (tx) => {
		const place = await getPlaceById(tx, input.placeId);
		if (!place)
			throw new DomainError('not_found', 'That place does not exist.', [
				{ field: 'placeId', message: 'Select a place that exists' }
			]);
		requireCan(actor, 'person.invite', place);
		const email = input.email.trim().toLowerCase();
		const roleName = t(`admin.role.${input.role}`);
		const signInUrl = `${options.origin.replace(/\/$/, '')}/auth/sign-in`;
		const [user] = await tx
			.select({ id: platformUsers.id })
			.from(platformUsers)
			.where(eq(platformUsers.email, email));
		if (user) {
			const { grant, isNew } = await grantRole(tx, actor, {
				userId: user.id,
				placeId: place.id,
				role: input.role
			});
			if (isNew) {
				await deliver(tx, {
					to: email,
					subject: t('admin.invite.grantedSubject', { role: roleName, place: place.name }),
					text: t('admin.invite.grantedBody', { role: roleName, place: place.name, url: signInUrl })
				});
			}
			return { kind: 'granted', grant, isNew };
		}
		const now = options.now ?? new Date();
		const [invitation] = await tx
			.insert(platformInvitations)
			.values({
				id: newId(),
				email,
				placeId: place.id,
				role: input.role,
				invitedBy: actor.kind === 'person' ? actor.userId : 'system',
				expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000)
			})
			.returning();
		await deliver(tx, {
			to: email,
			subject: t('admin.invite.subject', { role: roleName, place: place.name }),
			text: t('admin.invite.body', {
				role: roleName,
				place: place.name,
				url: signInUrl,
				days: INVITATION_DAYS
			})
		});
		await recordAudit(tx, actor, {
			action: 'person.invite',
			placeId: place.id,
			subjectType: 'invitation',
			subjectId: invitation!.id,
			details: { email, role: input.role }
		});
		return { kind: 'invited', invitation: invitation! };
	});
}
