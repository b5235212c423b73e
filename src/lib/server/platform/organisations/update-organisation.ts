import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { can, type Actor } from '../permissions';
import { platformOrganisationPlaces, platformOrganisations } from '../schema';
import { requirePlacesForOrganisation } from './create-organisation';
import { getOrganisationById, type OrganisationWithPlaces } from './queries';
import type { UpdateOrganisationInput } from './validation';

/**
 * Changes an organisation's details and where it works. The actor needs `organisation.manage` on
 * at least one place the organisation works in to change its details, and on every place they
 * add or remove; places they do not look after stay as they are.
 */
export async function updateOrganisation(
	db: Executor,
	actor: Actor,
	input: UpdateOrganisationInput
): Promise<OrganisationWithPlaces> {
	return db.transaction(async (tx) => {
		const organisation = await getOrganisationById(tx, input.organisationId);
		if (!organisation) throw new DomainError('not_found', 'That organisation does not exist.');
		const mayEdit =
			actor.kind === 'system' ||
			(actor.kind === 'person' && actor.isPlatformAdmin) ||
			organisation.places.some((p) => can(actor, 'organisation.manage', p));
		if (!mayEdit) {
			throw new DomainError(
				actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden',
				'You do not have permission to change this organisation.'
			);
		}
		const before = new Set(organisation.places.map((p) => p.id));
		const after = new Set(input.placeIds);
		const added = [...after].filter((id) => !before.has(id));
		const removed = organisation.places.filter((p) => !after.has(p.id));
		await requirePlacesForOrganisation(tx, actor, added);
		for (const place of removed) {
			if (!can(actor, 'organisation.manage', place)) {
				throw new DomainError(
					'forbidden',
					`You cannot remove ${place.name}: you do not look after it.`,
					[{ field: 'placeIds', message: `You cannot remove ${place.name}` }]
				);
			}
		}
		const { organisationId: _id, placeIds: _placeIds, ...fields } = input;
		await tx
			.update(platformOrganisations)
			.set({ ...fields, updatedAt: new Date() })
			.where(eq(platformOrganisations.id, organisation.id));
		if (removed.length) {
			await tx.delete(platformOrganisationPlaces).where(
				and(
					eq(platformOrganisationPlaces.organisationId, organisation.id),
					inArray(
						platformOrganisationPlaces.placeId,
						removed.map((p) => p.id)
					)
				)
			);
		}
		if (added.length)
			await tx
				.insert(platformOrganisationPlaces)
				.values(added.map((placeId) => ({ organisationId: organisation.id, placeId })));
		const changed = Object.keys(fields).filter(
			(k) => (fields as Record<string, unknown>)[k] !== (organisation as Record<string, unknown>)[k]
		);
		for (const placeId of new Set([...before, ...after])) {
			await recordAudit(tx, actor, {
				action: 'organisation.update',
				placeId,
				subjectType: 'organisation',
				subjectId: organisation.id,
				details: {
					name: input.name,
					changed,
					addedPlaces: added,
					removedPlaces: removed.map((p) => p.id)
				}
			});
		}
		return (await getOrganisationById(tx, organisation.id))!;
	});
}
