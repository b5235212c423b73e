import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { requireCan, type Actor } from '../permissions';
import { platformOrganisationPlaces, platformOrganisations, platformPlaces } from '../schema';
import { freeSlugs } from '../places/slugs';
import type { OrganisationWithPlaces } from './queries';
import { getOrganisationById } from './queries';
import type { CreateOrganisationInput } from './validation';

/**
 * Loads the places by id and checks the actor may manage organisations in every one of them, so
 * an organiser of one ward cannot list a group as working in another.
 */
export async function requirePlacesForOrganisation(db: Executor, actor: Actor, placeIds: string[]) {
	const ids = [...new Set(placeIds)];
	const places = ids.length
		? await db
				.select({ id: platformPlaces.id, path: platformPlaces.path, name: platformPlaces.name })
				.from(platformPlaces)
				.where(inArray(platformPlaces.id, ids))
		: [];
	if (places.length !== ids.length) {
		throw new DomainError('not_found', 'One of those places does not exist.', [
			{ field: 'placeIds', message: 'Select places that exist' }
		]);
	}
	for (const place of places) requireCan(actor, 'organisation.manage', place);
	return places;
}

/**
 * Adds an organisation working in one or more places. Needs `organisation.manage` on each place.
 * One audit entry per place, so each place's administrators see it in their log.
 */
export async function createOrganisation(
	db: Executor,
	actor: Actor,
	input: CreateOrganisationInput
): Promise<OrganisationWithPlaces> {
	return db.transaction(async (tx) => {
		const places = await requirePlacesForOrganisation(tx, actor, input.placeIds);
		const id = newId();
		const [slug] = await freeSlugs(tx, 'organisations', [
			{ name: input.name, suffix: places[0]?.name }
		]);
		const { placeIds: _placeIds, ...fields } = input;
		await tx.insert(platformOrganisations).values({ id, slug: slug!, ...fields });
		await tx
			.insert(platformOrganisationPlaces)
			.values(places.map((p) => ({ organisationId: id, placeId: p.id })));
		for (const place of places) {
			await recordAudit(tx, actor, {
				action: 'organisation.create',
				placeId: place.id,
				subjectType: 'organisation',
				subjectId: id,
				details: { name: input.name, kind: input.kind }
			});
		}
		return (await getOrganisationById(tx, id))!;
	});
}
