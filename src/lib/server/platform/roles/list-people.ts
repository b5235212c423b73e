import { and, asc, count, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../errors';
import { can, isWithin, requireCan, type Actor } from '../permissions';
import {
	platformInvitations,
	platformPlaces,
	platformRoleGrants,
	platformUsers,
	type RoleName
} from '../schema';
import { getPlaceById, pageOptions, toPage, type Page } from '../places/queries';
import { listManagedPlaces } from './queries';

/** A person and their grants on the places being looked at. */
export type PersonWithGrants = {
	id: string;
	name: string;
	email: string;
	grants: {
		id: string;
		role: RoleName;
		placeId: string;
		placeName: string;
		placeSlug: string;
		canRevoke: boolean;
	}[];
};

/** An invitation not yet accepted. */
export type PendingInvitation = {
	id: string;
	email: string;
	role: RoleName;
	placeName: string;
	expiresAt: Date;
	createdAt: Date;
};

/** People with roles on the places an actor administers, and the open invitations there. */
export type PeopleList = { people: Page<PersonWithGrants>; invitations: PendingInvitation[] };

/**
 * People who hold a role on a place the actor administers (`role.grant`), or only on `placeId`
 * and below when given, a page at a time by name, each with their grants there; and the
 * invitations still open there.
 */
export async function listPeople(
	db: Executor,
	actor: Actor,
	options: { placeId?: string; page?: number; pageSize?: number; now?: Date } = {}
): Promise<PeopleList> {
	let scopes: { path: string }[];
	if (options.placeId) {
		const place = await getPlaceById(db, options.placeId);
		if (!place) throw new DomainError('not_found', 'That place does not exist.');
		requireCan(actor, 'role.grant', place);
		scopes = [place];
	} else {
		scopes = await listManagedPlaces(db, actor, 'role.grant');
		if (scopes.length === 0) {
			if (actor.kind === 'anonymous')
				throw new DomainError('unauthenticated', 'Sign in to do this.');
			throw new DomainError('forbidden', 'You do not administer any place.');
		}
	}
	const within = or(
		...scopes.map((s) =>
			or(eq(platformPlaces.path, s.path), sql`starts_with(${platformPlaces.path}, ${s.path + '/'})`)
		)
	) as SQL;
	const { page, pageSize, offset } = pageOptions(options, 25);

	const holders = db
		.selectDistinct({ userId: platformRoleGrants.userId })
		.from(platformRoleGrants)
		.innerJoin(platformPlaces, eq(platformPlaces.id, platformRoleGrants.placeId))
		.where(within);
	const [total] = await db
		.select({ n: count() })
		.from(platformUsers)
		.where(inArray(platformUsers.id, holders));
	const users = await db
		.select({ id: platformUsers.id, name: platformUsers.name, email: platformUsers.email })
		.from(platformUsers)
		.where(inArray(platformUsers.id, holders))
		.orderBy(asc(platformUsers.name), asc(platformUsers.email))
		.limit(pageSize)
		.offset(offset);
	const grants = users.length
		? await db
				.select({
					id: platformRoleGrants.id,
					userId: platformRoleGrants.userId,
					role: platformRoleGrants.role,
					placeId: platformPlaces.id,
					placeName: platformPlaces.name,
					placeSlug: platformPlaces.slug,
					path: platformPlaces.path
				})
				.from(platformRoleGrants)
				.innerJoin(platformPlaces, eq(platformPlaces.id, platformRoleGrants.placeId))
				.where(
					and(
						within,
						inArray(
							platformRoleGrants.userId,
							users.map((u) => u.id)
						)
					)
				)
				.orderBy(asc(platformPlaces.name), asc(platformRoleGrants.role))
		: [];
	const people = users.map((user) => ({
		...user,
		grants: grants
			.filter((g) => g.userId === user.id)
			.map(({ userId: _userId, path, ...g }) => ({
				...g,
				canRevoke:
					can(actor, 'role.grant', { path }) &&
					!(actor.kind === 'person' && actor.userId === user.id && g.role === 'admin')
			}))
	}));

	const invitations = await db
		.select({
			id: platformInvitations.id,
			email: platformInvitations.email,
			role: platformInvitations.role,
			placeName: platformPlaces.name,
			path: platformPlaces.path,
			expiresAt: platformInvitations.expiresAt,
			createdAt: platformInvitations.createdAt
		})
		.from(platformInvitations)
		.innerJoin(platformPlaces, eq(platformPlaces.id, platformInvitations.placeId))
		.where(
			and(
				within,
				isNull(platformInvitations.acceptedAt),
				gt(platformInvitations.expiresAt, options.now ?? new Date())
			)
		)
		.orderBy(asc(platformInvitations.email))
		.limit(200);
	return {
		people: toPage(people, total?.n ?? 0, page, pageSize),
		invitations: invitations
			.filter((i) => scopes.some((s) => isWithin(i, s.path)))
			.map(({ path: _path, ...i }) => i)
	};
}
