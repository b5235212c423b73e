import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { requireCan, type Actor } from '../permissions';
import { platformPlaces, platformRoleGrants, platformUsers } from '../schema';
import type { RevokeRoleInput } from './validation';

/**
 * Takes a grant away. Needs `role.grant` on the grant's place. A person cannot take away their
 * own administrator grant, so nobody locks themselves out by mistake; another administrator can.
 */
export async function revokeRole(
	db: Executor,
	actor: Actor,
	input: RevokeRoleInput
): Promise<void> {
	await db.transaction(async (tx) => {
		const [grant] = await tx
			.select({
				id: platformRoleGrants.id,
				userId: platformRoleGrants.userId,
				role: platformRoleGrants.role,
				placeId: platformRoleGrants.placeId,
				path: platformPlaces.path,
				email: platformUsers.email
			})
			.from(platformRoleGrants)
			.innerJoin(platformPlaces, eq(platformPlaces.id, platformRoleGrants.placeId))
			.innerJoin(platformUsers, eq(platformUsers.id, platformRoleGrants.userId))
			.where(eq(platformRoleGrants.id, input.grantId));
		if (!grant) throw new DomainError('not_found', 'That role has already been taken away.');
		requireCan(actor, 'role.grant', grant);
		if (actor.kind === 'person' && actor.userId === grant.userId && grant.role === 'admin') {
			throw new DomainError(
				'conflict',
				'You cannot take away your own administrator role. Ask another administrator.'
			);
		}
		await tx.delete(platformRoleGrants).where(eq(platformRoleGrants.id, grant.id));
		await recordAudit(tx, actor, {
			action: 'role.revoke',
			placeId: grant.placeId,
			subjectType: 'user',
			subjectId: grant.userId,
			details: { role: grant.role, email: grant.email, grantId: grant.id }
		});
	});
}
