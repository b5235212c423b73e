/** Places as the asset use cases need them: existing, with their path for permission checks. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { DomainError } from '../platform/errors';
import { platformOrganisations, platformPlaces } from '../platform/schema';

/** The place by id with its path; an `invalid` error on the place field when it does not exist. */
export async function requirePlace(db: Executor, placeId: string) {
	const [place] = await db
		.select({ id: platformPlaces.id, path: platformPlaces.path, name: platformPlaces.name })
		.from(platformPlaces)
		.where(eq(platformPlaces.id, placeId));
	if (!place)
		throw new DomainError('invalid', 'That place does not exist.', [
			{ field: 'placeId', message: 'Select a place that exists' }
		]);
	return place;
}

/** Checks the organisation exists (when one is given). */
export async function requireOrganisation(db: Executor, organisationId: string | null) {
	if (!organisationId) return;
	const [row] = await db
		.select({ id: platformOrganisations.id })
		.from(platformOrganisations)
		.where(eq(platformOrganisations.id, organisationId));
	if (!row)
		throw new DomainError('invalid', 'That organisation does not exist.', [
			{ field: 'runBy', message: 'Select an organisation that exists' }
		]);
}
