/**
 * Test factories for places, people and grants: a council with two wards and a neighbourhood,
 * and people with roles on them, built through the use cases themselves.
 */
import type { Executor } from '../../db/client';
import { newId } from '../ids';
import { loadActor, type Actor } from '../permissions';
import { platformRoleGrants, platformUsers, type RoleName } from '../schema';
import { createCouncil, createPlace } from './create-place';

/** The system actor, as the command line and the demo use. */
export const systemActor: Actor = { kind: 'system', label: 'test' };

let trees = 0;

/** A council with wards A and B and a neighbourhood in A. */
export async function buildPlaceTree(
	db: Executor,
	overrides: { councilName?: string; councilCode?: string } = {}
) {
	const n = String(++trees).padStart(5, '0');
	const council = await createCouncil(db, systemActor, {
		name: overrides.councilName ?? 'Testborough',
		onsCode: overrides.councilCode ?? `E0799${n}`
	});
	const wardA = await createPlace(db, systemActor, {
		parentId: council.id,
		name: 'Ward A',
		onsCode: `E0591${n}`,
		description: null
	});
	const wardB = await createPlace(db, systemActor, {
		parentId: council.id,
		name: 'Ward B',
		onsCode: `E0592${n}`,
		description: null
	});
	const hoodA1 = await createPlace(db, systemActor, {
		parentId: wardA.id,
		name: 'Neighbourhood A1',
		onsCode: `E0191${n}`,
		description: null
	});
	return { council, wardA, wardB, hoodA1 };
}

/** A person with an account and the given grants, loaded as an actor. */
export async function buildPerson(
	db: Executor,
	options: {
		name?: string;
		email?: string;
		grants?: { placeId: string; role: RoleName }[];
		isPlatformAdmin?: boolean;
	} = {}
): Promise<{ id: string; email: string; actor: Actor }> {
	const id = newId();
	const email = options.email ?? `${id.slice(0, 8)}@example.org`;
	await db.insert(platformUsers).values({
		id,
		name: options.name ?? `Person ${id.slice(0, 4)}`,
		email,
		emailVerified: true,
		isPlatformAdmin: options.isPlatformAdmin ?? false
	});
	for (const grant of options.grants ?? []) {
		await db
			.insert(platformRoleGrants)
			.values({ id: newId(), userId: id, placeId: grant.placeId, role: grant.role });
	}
	return { id, email, actor: await loadActor(db, id) };
}
