/**
 * Which places an actor looks after: the places of their grants that allow an action, or every
 * council for a platform administrator. Admin pages list and filter by these.
 */
import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { actionRoles, isWithin, type Action, type Actor } from '../permissions';
import { platformPlaces, type RoleName } from '../schema';
import type { PlaceSummary } from '../places/queries';

const summary = {
	id: platformPlaces.id,
	parentId: platformPlaces.parentId,
	path: platformPlaces.path,
	level: platformPlaces.level,
	name: platformPlaces.name,
	slug: platformPlaces.slug,
	onsCode: platformPlaces.onsCode
};

/** A place the actor looks after, with the roles that give them power there. */
export type ManagedPlace = PlaceSummary & { roles: RoleName[] };

/**
 * The highest places where `actor` may do `action`: for a person, the places of their grants
 * whose role allows it (leaving out any place below another in the list); for a platform
 * administrator or the system, every council. Sorted by name.
 */
export async function listManagedPlaces(
	db: Executor,
	actor: Actor,
	action: Action
): Promise<ManagedPlace[]> {
	if (actor.kind === 'anonymous') return [];
	if (actor.kind === 'system' || actor.isPlatformAdmin) {
		const councils = await db
			.select(summary)
			.from(platformPlaces)
			.where(eq(platformPlaces.level, 'council'))
			.orderBy(asc(platformPlaces.name));
		return councils.map((c) => ({ ...c, roles: actor.kind === 'person' ? ['admin'] : [] }));
	}
	const allowed: readonly RoleName[] = actionRoles[action];
	const grants = actor.grants.filter((g) => allowed.includes(g.role));
	const top = grants.filter(
		(g) =>
			!grants.some(
				(other) =>
					other.placePath !== g.placePath && isWithin({ path: g.placePath }, other.placePath)
			)
	);
	const ids = [...new Set(top.map((g) => g.placeId))];
	if (ids.length === 0) return [];
	const places = await db
		.select(summary)
		.from(platformPlaces)
		.where(inArray(platformPlaces.id, ids))
		.orderBy(asc(platformPlaces.name));
	return places.map((p) => ({
		...p,
		roles: [...new Set(grants.filter((g) => g.placeId === p.id).map((g) => g.role))]
	}));
}

/**
 * Every place at or below the places where `actor` may do `action`, in tree order (council, its
 * wards, each ward's neighbourhoods), for choosing a place in an admin form. At most `limit`.
 */
export async function listPlacesForAction(
	db: Executor,
	actor: Actor,
	action: Action,
	limit = 1000
): Promise<PlaceSummary[]> {
	const managed = await listManagedPlaces(db, actor, action);
	if (managed.length === 0) return [];
	const rows = await db
		.select(summary)
		.from(platformPlaces)
		.where(
			or(
				...managed.map((m) =>
					or(
						eq(platformPlaces.path, m.path),
						sql`starts_with(${platformPlaces.path}, ${m.path + '/'})`
					)
				)
			)
		)
		.limit(limit);
	const byId = new Map(rows.map((r) => [r.id, r]));
	// Sort by the chain of names from the root, so children follow their parent.
	const key = (p: PlaceSummary) =>
		p.path
			.split('/')
			.map((id) => byId.get(id)?.name ?? '')
			.join('\u0000');
	return rows.sort((a, b) => key(a).localeCompare(key(b), 'en'));
}
