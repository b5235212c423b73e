import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../audit';
import { newId } from '../ids';
import type { Actor } from '../permissions';
import { platformInvitations, platformRoleGrants } from '../schema';

/**
 * Grants the roles of every open invitation to the user's email. Call it after each sign-in (the
 * person has just proved they own the email). Returns how many invitations were accepted.
 */
export async function acceptInvitations(
	db: Executor,
	user: { id: string; email: string; name?: string | null },
	options: { now?: Date } = {}
): Promise<number> {
	const now = options.now ?? new Date();
	const email = user.email.trim().toLowerCase();
	return db.transaction(async (tx) => {
		const open = await tx
			.select()
			.from(platformInvitations)
			.where(
				and(
					eq(platformInvitations.email, email),
					isNull(platformInvitations.acceptedAt),
					gt(platformInvitations.expiresAt, now)
				)
			);
		if (open.length === 0) return 0;
		const actor: Actor = {
			kind: 'person',
			userId: user.id,
			label: user.name || email,
			isPlatformAdmin: false,
			grants: []
		};
		for (const invitation of open) {
			await tx
				.insert(platformRoleGrants)
				.values({
					id: newId(),
					userId: user.id,
					placeId: invitation.placeId,
					role: invitation.role,
					grantedBy: invitation.invitedBy
				})
				.onConflictDoNothing();
			await tx
				.update(platformInvitations)
				.set({ acceptedAt: now })
				.where(eq(platformInvitations.id, invitation.id));
			await recordAudit(tx, actor, {
				action: 'invitation.accept',
				placeId: invitation.placeId,
				subjectType: 'invitation',
				subjectId: invitation.id,
				details: { email, role: invitation.role }
			});
		}
		return open.length;
	});
}
