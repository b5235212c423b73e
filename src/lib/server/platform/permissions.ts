/**
 * The one permissions function every use case calls: `can(actor, action, place)`.
 *
 * A role granted on a place applies to that place and every place below it, and nowhere else:
 * a grant on ward W covers W's neighbourhoods but not W's council or a sibling ward. Places
 * carry `path` (ids from the root joined by '/'), so "is below" is a prefix test on paths.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { DomainError } from './errors';
import { platformPlaces, platformRoleGrants, platformUsers, type RoleName } from './schema';

/** What a person may be allowed to do. Modules add their actions here, with the roles allowed. */
export const actionRoles = {
	'place.view': ['resident', 'organiser', 'officer', 'admin'],
	'place.manage': ['admin'],
	'place.import': ['admin'],
	'role.grant': ['admin'],
	'person.invite': ['admin'],
	'organisation.manage': ['organiser', 'officer', 'admin'],
	'audit.view': ['admin'],
	'outbox.view': ['organiser', 'admin'],
	'job.view': ['organiser', 'officer', 'admin'],
	// Assets: any signed-in person may suggest an asset (the suggest use case lets people without
	// a grant through too); organisers, officers and admins keep the register.
	'asset.suggest': ['resident', 'organiser', 'officer', 'admin'],
	'asset.manage': ['organiser', 'officer', 'admin'],
	// Community asset transfer: an organiser asks for a group; the council's officers run the
	// case and decide it, so a group's organiser never decides their own group's case.
	'transfer.start': ['organiser', 'officer', 'admin'],
	'transfer.manage': ['officer', 'admin'],
	// Meanwhile use: officers offer vacant assets and decide requests; any signed-in person may
	// ask (the request use case checks that itself).
	'meanwhile.manage': ['officer', 'admin'],
	// Assets of community value: a group's organiser nominates and asks to bid for its group;
	// the council's officers decide nominations and record owners' notices and exempt disposals.
	'acv.nominate': ['organiser', 'officer', 'admin'],
	'acv.decide': ['officer', 'admin'],
	'acv.record': ['officer', 'admin'],
	'acv.bid_request': ['organiser', 'officer', 'admin'],
	// Participatory budgeting: organisers run a process (settings, phases, voting codes, closing
	// and counting); organisers and officers moderate ideas and cost them into projects; officers
	// enter paper ballots in assisted mode. Any signed-in person may put forward an idea (the use
	// case checks that itself).
	'budgeting.manage': ['organiser', 'admin'],
	'budgeting.moderate': ['organiser', 'officer', 'admin'],
	'budgeting.review': ['organiser', 'officer', 'admin'],
	'budgeting.paper_ballot': ['officer', 'admin'],
	'budgeting.count': ['organiser', 'admin'],
	// Citizens' panels: the organisers and admins of the place run them and alone see the pool.
	'panel.manage': ['organiser', 'admin']
} as const satisfies Record<string, readonly RoleName[]>;

/** An action name. */
export type Action = keyof typeof actionRoles;

/** One of the actor's grants, with the path of the place it was granted on. */
export type ActorGrant = { placeId: string; placePath: string; role: RoleName };

/** Who is acting: a signed-in person with their grants, or nobody. */
export type Actor =
	| {
			kind: 'person';
			userId: string;
			label: string;
			isPlatformAdmin: boolean;
			grants: ActorGrant[];
	  }
	| { kind: 'anonymous' }
	| { kind: 'system'; label: string };

/** The place being acted on: its path is enough. */
export type PlaceRef = { path: string };

/** True when `inner` is `outer` or lies below it in the place tree. */
export function isWithin(inner: PlaceRef, outerPath: string): boolean {
	return inner.path === outerPath || inner.path.startsWith(`${outerPath}/`);
}

/**
 * May `actor` do `action` on `place`? Platform admins and the system may do everything; a person
 * may when one of their grants is on the place or above it with a role the action allows.
 */
export function can(actor: Actor, action: Action, place: PlaceRef): boolean {
	if (actor.kind === 'system') return true;
	if (actor.kind === 'anonymous') return false;
	if (actor.isPlatformAdmin) return true;
	const allowed: readonly RoleName[] = actionRoles[action];
	return actor.grants.some((g) => allowed.includes(g.role) && isWithin(place, g.placePath));
}

/** Throws `forbidden` (or `unauthenticated` for nobody) unless {@link can} allows it. */
export function requireCan(actor: Actor, action: Action, place: PlaceRef): void {
	if (can(actor, action, place)) return;
	if (actor.kind === 'anonymous') {
		throw new DomainError('unauthenticated', 'Sign in to do this.');
	}
	throw new DomainError('forbidden', 'You do not have permission to do this here.');
}

/** Roles the actor holds on a place (through grants on it or above it). */
export function rolesOn(actor: Actor, place: PlaceRef): RoleName[] {
	if (actor.kind !== 'person') return [];
	return [...new Set(actor.grants.filter((g) => isWithin(place, g.placePath)).map((g) => g.role))];
}

/** Loads a person as an actor, with every grant and the path of its place. */
export async function loadActor(db: Executor, userId: string): Promise<Actor> {
	const [user] = await db
		.select({
			id: platformUsers.id,
			name: platformUsers.name,
			email: platformUsers.email,
			isPlatformAdmin: platformUsers.isPlatformAdmin
		})
		.from(platformUsers)
		.where(eq(platformUsers.id, userId));
	if (!user) return { kind: 'anonymous' };
	const grants = await db
		.select({
			placeId: platformRoleGrants.placeId,
			placePath: platformPlaces.path,
			role: platformRoleGrants.role
		})
		.from(platformRoleGrants)
		.innerJoin(platformPlaces, eq(platformPlaces.id, platformRoleGrants.placeId))
		.where(eq(platformRoleGrants.userId, userId));
	return {
		kind: 'person',
		userId: user.id,
		label: user.name || user.email,
		isPlatformAdmin: user.isPlatformAdmin,
		grants
	};
}

/** Paths of places, by id, for permission checks on several places at once. */
export async function placePaths(db: Executor, ids: string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.select({ id: platformPlaces.id, path: platformPlaces.path })
		.from(platformPlaces)
		.where(and(inArray(platformPlaces.id, ids)));
	return new Map(rows.map((r) => [r.id, r.path]));
}

/** A label for the audit log. */
export function actorLabel(actor: Actor): string {
	if (actor.kind === 'person' || actor.kind === 'system') return actor.label;
	return 'anonymous';
}

/** The actor's user id, if a person. */
export function actorId(actor: Actor): string | null {
	return actor.kind === 'person' ? actor.userId : null;
}
