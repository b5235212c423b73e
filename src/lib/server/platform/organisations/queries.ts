/** Reading organisations and the places they work in. Organisations are public. */
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces,
	type OrganisationKind
} from '../schema';
import { pageOptions, toPage, type Page, type PlaceSummary } from '../places/queries';

/** An organisation as stored. */
export type Organisation = typeof platformOrganisations.$inferSelect;

/** An organisation with the places it works in. */
export type OrganisationWithPlaces = Organisation & { places: PlaceSummary[] };

/** A line in a list of organisations. */
export type OrganisationSummary = Pick<
	Organisation,
	'id' | 'name' | 'slug' | 'kind' | 'description'
>;

const placeSummary = {
	id: platformPlaces.id,
	parentId: platformPlaces.parentId,
	path: platformPlaces.path,
	level: platformPlaces.level,
	name: platformPlaces.name,
	slug: platformPlaces.slug,
	onsCode: platformPlaces.onsCode
};

const orgSummary = {
	id: platformOrganisations.id,
	name: platformOrganisations.name,
	slug: platformOrganisations.slug,
	kind: platformOrganisations.kind,
	description: platformOrganisations.description
};

/** The places an organisation works in, by name. */
export async function listOrganisationPlaces(
	db: Executor,
	organisationId: string
): Promise<PlaceSummary[]> {
	return db
		.select(placeSummary)
		.from(platformOrganisationPlaces)
		.innerJoin(platformPlaces, eq(platformPlaces.id, platformOrganisationPlaces.placeId))
		.where(eq(platformOrganisationPlaces.organisationId, organisationId))
		.orderBy(asc(platformPlaces.name));
}

/** An organisation by slug, with its places, or null. */
export async function getOrganisationBySlug(
	db: Executor,
	slug: string
): Promise<OrganisationWithPlaces | null> {
	const [row] = await db
		.select()
		.from(platformOrganisations)
		.where(eq(platformOrganisations.slug, slug));
	return row ? { ...row, places: await listOrganisationPlaces(db, row.id) } : null;
}

/** An organisation by id, with its places, or null. */
export async function getOrganisationById(
	db: Executor,
	id: string
): Promise<OrganisationWithPlaces | null> {
	const [row] = await db
		.select()
		.from(platformOrganisations)
		.where(eq(platformOrganisations.id, id));
	return row ? { ...row, places: await listOrganisationPlaces(db, row.id) } : null;
}

/**
 * Organisations by name, a page at a time: all of them, or those working in any of the places
 * at `withinPaths` or below (a ward's page lists groups working in its neighbourhoods too).
 */
export async function listOrganisations(
	db: Executor,
	options: {
		withinPaths?: string[];
		kind?: OrganisationKind;
		page?: number;
		pageSize?: number;
	} = {}
): Promise<Page<OrganisationSummary>> {
	const { page, pageSize, offset } = pageOptions(options, 25);
	const conditions: SQL[] = [];
	if (options.withinPaths) {
		if (options.withinPaths.length === 0) return toPage([], 0, page, pageSize);
		const places = db
			.select({ id: platformOrganisationPlaces.organisationId })
			.from(platformOrganisationPlaces)
			.innerJoin(platformPlaces, eq(platformPlaces.id, platformOrganisationPlaces.placeId))
			.where(
				or(
					...options.withinPaths.map((p) =>
						or(eq(platformPlaces.path, p), sql`starts_with(${platformPlaces.path}, ${p + '/'})`)
					)
				)
			);
		conditions.push(inArray(platformOrganisations.id, places));
	}
	if (options.kind) conditions.push(eq(platformOrganisations.kind, options.kind));
	const where = conditions.length ? and(...conditions) : undefined;
	const [total] = await db.select({ n: count() }).from(platformOrganisations).where(where);
	const items = await db
		.select(orgSummary)
		.from(platformOrganisations)
		.where(where)
		.orderBy(asc(platformOrganisations.name), asc(platformOrganisations.id))
		.limit(pageSize)
		.offset(offset);
	return toPage(items, total?.n ?? 0, page, pageSize);
}
