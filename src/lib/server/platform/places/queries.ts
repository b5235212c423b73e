/**
 * Reading places: by slug or code, their children and ancestors, pages of places, and the
 * neighbourhood a point lies in. Places are public, so these take no actor.
 */
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { pointInGeometry, type AreaGeometry } from '../../../core/geo/index';
import { platformPlaces, type PlaceLevel } from '../schema';

/** A place with everything stored about it. */
export type Place = typeof platformPlaces.$inferSelect;

/** A place without its boundary, for lists. */
export type PlaceSummary = Pick<
	Place,
	'id' | 'parentId' | 'path' | 'level' | 'name' | 'slug' | 'onsCode'
>;

/** One page of a list. */
export type Page<T> = {
	items: T[];
	total: number;
	page: number;
	pageSize: number;
	totalPages: number;
};

const summary = {
	id: platformPlaces.id,
	parentId: platformPlaces.parentId,
	path: platformPlaces.path,
	level: platformPlaces.level,
	name: platformPlaces.name,
	slug: platformPlaces.slug,
	onsCode: platformPlaces.onsCode
};

/** Normalises page options: page from 1, page size between 1 and 200. */
export function pageOptions(options: { page?: number; pageSize?: number } = {}, defaultSize = 50) {
	const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? defaultSize), 1), 200);
	const page = Math.max(Math.trunc(options.page ?? 1) || 1, 1);
	return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Builds a {@link Page}. */
export function toPage<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
	return { items, total, page, pageSize, totalPages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** A place by its slug, or null. */
export async function getPlaceBySlug(db: Executor, slug: string): Promise<Place | null> {
	const [row] = await db.select().from(platformPlaces).where(eq(platformPlaces.slug, slug));
	return row ?? null;
}

/** A place by id, or null. */
export async function getPlaceById(db: Executor, id: string): Promise<Place | null> {
	const [row] = await db.select().from(platformPlaces).where(eq(platformPlaces.id, id));
	return row ?? null;
}

/** A place by its ONS code or its slug (as typed on the command line), or null. */
export async function findPlaceByCodeOrSlug(
	db: Executor,
	reference: string
): Promise<Place | null> {
	const [row] = await db
		.select()
		.from(platformPlaces)
		.where(
			or(
				eq(platformPlaces.onsCode, reference.toUpperCase()),
				eq(platformPlaces.slug, reference.toLowerCase())
			)
		);
	return row ?? null;
}

/** The places above `place`, from the root down to its parent: the breadcrumbs. */
export async function listAncestors(
	db: Executor,
	place: Pick<Place, 'path' | 'id'>
): Promise<PlaceSummary[]> {
	const ids = place.path.split('/').filter((id) => id !== place.id);
	if (ids.length === 0) return [];
	const rows = await db.select(summary).from(platformPlaces).where(inArray(platformPlaces.id, ids));
	return rows.sort((a, b) => a.path.length - b.path.length);
}

/** The places directly below a place, by name, a page at a time. */
export async function listChildren(
	db: Executor,
	placeId: string,
	options: { page?: number; pageSize?: number } = {}
): Promise<Page<PlaceSummary>> {
	const { page, pageSize, offset } = pageOptions(options);
	const where = eq(platformPlaces.parentId, placeId);
	const [total] = await db.select({ n: count() }).from(platformPlaces).where(where);
	const items = await db
		.select(summary)
		.from(platformPlaces)
		.where(where)
		.orderBy(asc(platformPlaces.name), asc(platformPlaces.id))
		.limit(pageSize)
		.offset(offset);
	return toPage(items, total?.n ?? 0, page, pageSize);
}

/**
 * The boundaries of a place's children that have one (at most `limit`), to draw a place that has
 * no boundary of its own as the areas inside it.
 */
export async function listChildBoundaries(
	db: Executor,
	placeId: string,
	limit = 500
): Promise<{ name: string; boundary: AreaGeometry }[]> {
	const rows = await db
		.select({ name: platformPlaces.name, boundary: platformPlaces.boundary })
		.from(platformPlaces)
		.where(and(eq(platformPlaces.parentId, placeId), sql`${platformPlaces.boundary} is not null`))
		.orderBy(asc(platformPlaces.name))
		.limit(limit);
	return rows.map((r) => ({ name: r.name, boundary: r.boundary as AreaGeometry }));
}

/** Places by name, optionally of one level, below one place, or whose name contains some text. */
export async function listPlaces(
	db: Executor,
	options: {
		level?: PlaceLevel;
		withinPath?: string;
		search?: string;
		page?: number;
		pageSize?: number;
	} = {}
): Promise<Page<PlaceSummary>> {
	const { page, pageSize, offset } = pageOptions(options);
	const conditions: SQL[] = [];
	if (options.level) conditions.push(eq(platformPlaces.level, options.level));
	if (options.withinPath) conditions.push(withinPathCondition(options.withinPath));
	if (options.search?.trim())
		conditions.push(
			sql`${platformPlaces.name} ilike ${'%' + escapeLike(options.search.trim()) + '%'}`
		);
	const where = conditions.length ? and(...conditions) : undefined;
	const [total] = await db.select({ n: count() }).from(platformPlaces).where(where);
	const items = await db
		.select(summary)
		.from(platformPlaces)
		.where(where)
		.orderBy(asc(platformPlaces.name), asc(platformPlaces.id))
		.limit(pageSize)
		.offset(offset);
	return toPage(items, total?.n ?? 0, page, pageSize);
}

/** SQL for "the place at `path` or below it" (a prefix test on paths, as in permissions.ts). */
export function withinPathCondition(path: string): SQL {
	return or(
		eq(platformPlaces.path, path),
		sql`starts_with(${platformPlaces.path}, ${path + '/'})`
	)!;
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A council with its wards, for the place tree. */
export type CouncilWithWards = PlaceSummary & { wards: PlaceSummary[] };

/** Councils, a page at a time, each with all its wards (a council has tens of wards, not thousands). */
export async function listPlaceTree(
	db: Executor,
	options: { page?: number; pageSize?: number } = {}
): Promise<Page<CouncilWithWards>> {
	const councils = await listPlaces(db, {
		level: 'council',
		page: options.page,
		pageSize: options.pageSize ?? 20
	});
	const ids = councils.items.map((c) => c.id);
	const wards = ids.length
		? await db
				.select(summary)
				.from(platformPlaces)
				.where(and(eq(platformPlaces.level, 'ward'), inArray(platformPlaces.parentId, ids)))
				.orderBy(asc(platformPlaces.name))
		: [];
	return {
		...councils,
		items: councils.items.map((c) => ({ ...c, wards: wards.filter((w) => w.parentId === c.id) }))
	};
}

/**
 * The neighbourhood containing a point [longitude, latitude], or null. Bounding boxes in the
 * database narrow the candidates to a handful; the exact test is point-in-polygon on each.
 */
export async function findNeighbourhoodForPoint(
	db: Executor,
	point: [number, number]
): Promise<PlaceSummary | null> {
	const [lon, lat] = point;
	const candidates = await db
		.select({ ...summary, boundary: platformPlaces.boundary })
		.from(platformPlaces)
		.where(
			and(
				eq(platformPlaces.level, 'neighbourhood'),
				sql`${platformPlaces.bbox} is not null`,
				sql`(${platformPlaces.bbox}->>0)::float8 <= ${lon} and (${platformPlaces.bbox}->>2)::float8 >= ${lon}`,
				sql`(${platformPlaces.bbox}->>1)::float8 <= ${lat} and (${platformPlaces.bbox}->>3)::float8 >= ${lat}`
			)
		)
		.orderBy(asc(platformPlaces.id));
	for (const { boundary, ...place } of candidates) {
		if (boundary && pointInGeometry(boundary as AreaGeometry, point)) return place;
	}
	return null;
}

/** Counts of places by level, for summaries. */
export async function countPlaces(db: Executor): Promise<Record<PlaceLevel, number>> {
	const rows = await db
		.select({ level: platformPlaces.level, n: count() })
		.from(platformPlaces)
		.groupBy(platformPlaces.level);
	const counts: Record<PlaceLevel, number> = { council: 0, ward: 0, neighbourhood: 0 };
	for (const row of rows) counts[row.level] = row.n;
	return counts;
}
