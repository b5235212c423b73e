import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { bboxOf, checkAreaGeometry } from '../../../core/geo/index';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { requireCan, type Actor } from '../permissions';
import { platformPlaces, type PlaceLevel } from '../schema';
import { getPlaceById, type Place } from './queries';
import { freeSlugs } from './slugs';
import type { CreatePlaceInput } from './validation';

/** The level of a place's children: a council holds wards, a ward holds neighbourhoods. */
export function childLevelOf(level: PlaceLevel): PlaceLevel | null {
	if (level === 'council') return 'ward';
	if (level === 'ward') return 'neighbourhood';
	return null;
}

/**
 * Creates a place below a parent the actor may manage (`place.manage` there). The level follows
 * from the parent's. A council, which has no parent, is created by {@link createCouncil}.
 */
export async function createPlace(
	db: Executor,
	actor: Actor,
	input: CreatePlaceInput
): Promise<Place> {
	return db.transaction(async (tx) => {
		const parent = await getPlaceById(tx, input.parentId);
		if (!parent)
			throw new DomainError('not_found', 'That place does not exist.', [
				{ field: 'parentId', message: 'Select a place that exists' }
			]);
		requireCan(actor, 'place.manage', parent);
		const level = childLevelOf(parent.level);
		if (!level) {
			throw new DomainError('invalid', 'A neighbourhood cannot contain other places.', [
				{ field: 'parentId', message: 'Select a council or a ward' }
			]);
		}
		return insertPlace(tx, actor, { ...input, parent, level });
	});
}

/**
 * Creates a council: a place at the top of the tree. Only platform administrators (and the
 * system, for imports and the demo) may, since no grant can cover a place that does not exist yet.
 */
export async function createCouncil(
	db: Executor,
	actor: Actor,
	input: { name: string; onsCode?: string | null; description?: string | null }
): Promise<Place> {
	if (!(actor.kind === 'system' || (actor.kind === 'person' && actor.isPlatformAdmin))) {
		throw new DomainError(
			actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden',
			'Only a platform administrator can add a council.'
		);
	}
	return db.transaction((tx) =>
		insertPlace(tx, actor, { ...input, parent: null, level: 'council' })
	);
}

async function insertPlace(
	db: Executor,
	actor: Actor,
	input: {
		name: string;
		onsCode?: string | null;
		description?: string | null;
		boundary?: unknown;
		parent: Place | null;
		level: PlaceLevel;
	}
): Promise<Place> {
	if (input.onsCode) {
		const [clash] = await db
			.select({ name: platformPlaces.name })
			.from(platformPlaces)
			.where(eq(platformPlaces.onsCode, input.onsCode));
		if (clash) {
			throw new DomainError('conflict', `${clash.name} already has the code ${input.onsCode}.`, [
				{ field: 'onsCode', message: `${clash.name} already has this code` }
			]);
		}
	}
	let boundary: unknown = null;
	if (input.boundary !== undefined && input.boundary !== null) {
		const checked = checkAreaGeometry(input.boundary);
		if ('problem' in checked)
			throw new DomainError('invalid', `The boundary ${checked.problem}.`, [
				{ field: 'boundary', message: `The boundary ${checked.problem}` }
			]);
		boundary = checked.geometry;
	}
	const id = newId();
	const [slug] = await freeSlugs(db, 'places', [{ name: input.name, suffix: input.parent?.name }]);
	const [place] = await db
		.insert(platformPlaces)
		.values({
			id,
			parentId: input.parent?.id ?? null,
			path: input.parent ? `${input.parent.path}/${id}` : id,
			level: input.level,
			name: input.name,
			slug: slug!,
			onsCode: input.onsCode ?? null,
			description: input.description ?? null,
			boundary,
			bbox: boundary ? bboxOf(boundary as never) : null
		})
		.returning();
	await recordAudit(db, actor, {
		action: 'place.create',
		placeId: id,
		subjectType: 'place',
		subjectId: id,
		details: {
			name: input.name,
			level: input.level,
			onsCode: input.onsCode ?? null,
			parentId: input.parent?.id ?? null
		}
	});
	return place!;
}
