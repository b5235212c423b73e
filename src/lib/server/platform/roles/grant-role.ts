import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { requireCan, type Actor } from '../permissions';
import { platformRoleGrants, platformUsers } from '../schema';
import { getPlaceById } from '../places/queries';
import type { GrantRoleInput } from './validation';

/** A grant as stored. */
export type RoleGrant = typeof platformRoleGrants.$inferSelect;

/**
 * Gives a person a role on a place. Needs `role.grant` on that place: an administrator of one
 * ward can grant roles on it and the places below, never on a sibling ward or the council.
 * Granting a role the person already has there changes nothing and returns the existing grant.
 */
export async function grantRole(
	db: Executor,
	actor: Actor,
	input: GrantRoleInput
): Promise<{ grant: RoleGrant; isNew: boolean }> {
	return db.transaction(async (tx) => {
		const place = await getPlaceById(tx, input.placeId);
		if (!place)
			throw new DomainError('not_found', 'That place does not exist.', [
				{ field: 'placeId', message: 'Select a place that exists' }
			]);
		requireCan(actor, 'role.grant', place);
		const [user] = await tx
			.select({ id: platformUsers.id, email: platformUsers.email })
			.from(platformUsers)
			.where(eq(platformUsers.id, input.userId));
		if (!user)
			throw new DomainError('not_found', 'That person does not have an account.', [
				{ field: 'userId', message: 'Select a person who has an account' }
			]);
		const [existing] = await tx
			.select()
			.from(platformRoleGrants)
			.where(
				and(
					eq(platformRoleGrants.userId, user.id),
					eq(platformRoleGrants.placeId, place.id),
					eq(platformRoleGrants.role, input.role)
				)
			);
		if (existing) return { grant: existing, isNew: false };
		const [grant] = await tx
			.insert(platformRoleGrants)
			.values({
				id: newId(),
				userId: user.id,
				placeId: place.id,
				role: input.role,
				grantedBy: actor.kind === 'person' ? actor.userId : null
			})
			.returning();
		await recordAudit(tx, actor, {
			action: 'role.grant',
			placeId: place.id,
			subjectType: 'user',
			subjectId: user.id,
			details: { role: input.role, email: user.email, grantId: grant!.id }
		});
		return { grant: grant!, isNew: true };
	});
}
