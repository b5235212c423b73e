/** The organisation a nomination or request to bid is made in the name of. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { can, type Actor } from '../../platform/permissions';
import {
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces
} from '../../platform/schema';

/**
 * The organisation, checking the actor may act for it: they look after it
 * (`organisation.manage` on a place it works in), or they are an officer recording what the
 * council received (`officerAction` on the asset's place), so an organiser cannot nominate or ask
 * to bid in the name of a group elsewhere.
 */
export async function requireActingFor(
	db: Executor,
	actor: Actor,
	organisationId: string,
	options: { isOfficer: boolean }
): Promise<{ id: string; name: string; kind: string }> {
	const [organisation] = await db
		.select({
			id: platformOrganisations.id,
			name: platformOrganisations.name,
			kind: platformOrganisations.kind
		})
		.from(platformOrganisations)
		.where(eq(platformOrganisations.id, organisationId));
	if (!organisation) {
		throw new DomainError('not_found', 'That organisation does not exist.', [
			{ field: 'organisationId', message: 'Select an organisation' }
		]);
	}
	if (options.isOfficer) return organisation;
	const places = await db
		.select({ path: platformPlaces.path })
		.from(platformOrganisationPlaces)
		.innerJoin(platformPlaces, eq(platformPlaces.id, platformOrganisationPlaces.placeId))
		.where(eq(platformOrganisationPlaces.organisationId, organisation.id));
	if (!places.some((p) => can(actor, 'organisation.manage', p))) {
		throw new DomainError('forbidden', 'You cannot act in the name of this organisation.');
	}
	return organisation;
}
