import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
	bboxOf,
	GeoJsonError,
	isOnsCode,
	parseAreaCollection,
	readOnsAreas,
	type AreaGeometry,
	type OnsArea
} from '../../../core/geo/index';
import { recordAudit } from '../audit';
import { DomainError } from '../errors';
import { newId } from '../ids';
import { requireCan, isWithin, type Actor } from '../permissions';
import { platformPlaces, type PlaceLevel } from '../schema';
import { createCouncil } from './create-place';
import { findPlaceByCodeOrSlug, type Place } from './queries';
import { freeSlugs } from './slugs';

/** What to import. */
export type ImportPlacesInput = {
	/** The text of a GeoJSON FeatureCollection. */
	geojson: string;
	/** The file's name, for messages. */
	fileName: string;
	/** `ward`: each feature is a ward; `lsoa`: each is a neighbourhood, placed in the ward it names. */
	level: 'ward' | 'lsoa';
	/** ONS code or slug of the council the areas belong to. */
	parentCode: string;
	/** When no place has `parentCode`, create the council with this name (`parentCode` is then its ONS code). */
	createParent?: { name: string };
};

/** What an import did. */
export type ImportPlacesResult = {
	parent: { id: string; name: string; slug: string; created: boolean };
	level: 'ward' | 'lsoa';
	/** Areas in the file (wards for `ward`, neighbourhoods for `lsoa`). */
	areas: number;
	created: number;
	updated: number;
	/** Wards the areas are in (for `ward`, the areas themselves). */
	wards: number;
	wardsCreated: number;
};

const CHUNK = 200;

type Row = typeof platformPlaces.$inferInsert;

/**
 * Imports ONS-coded areas from GeoJSON under a council, creating or updating places by ONS code,
 * so importing the same file again changes names and boundaries but adds nothing. Everything
 * happens in one transaction: a bad file, or a code already used elsewhere, changes nothing.
 * Needs `place.import` on the council.
 */
export async function importPlaces(
	db: Executor,
	actor: Actor,
	input: ImportPlacesInput
): Promise<ImportPlacesResult> {
	let areas: OnsArea[];
	try {
		areas = readOnsAreas(parseAreaCollection(input.geojson, input.fileName), {
			fileName: input.fileName,
			level: input.level
		});
	} catch (error) {
		if (error instanceof GeoJsonError) throw new DomainError('invalid', error.message);
		throw error;
	}
	return db.transaction(async (tx) => {
		const { parent, created: parentCreated } = await resolveParent(tx, actor, input);
		requireCan(actor, 'place.import', parent);
		if (parent.level !== 'council') {
			throw new DomainError(
				'invalid',
				`${parent.name} is a ${parent.level}; wards and neighbourhoods are imported under a council.`
			);
		}

		const wardsInFile = new Map<string, { name: string; geometry?: AreaGeometry }>();
		if (input.level === 'ward') {
			for (const area of areas)
				wardsInFile.set(area.code, { name: area.name, geometry: area.geometry });
		} else {
			for (const area of areas)
				if (area.ward && !wardsInFile.has(area.ward.code))
					wardsInFile.set(area.ward.code, { name: area.ward.name });
		}
		const neighbourhoods = input.level === 'lsoa' ? areas : [];

		const existing = await placesByCode(tx, [
			...wardsInFile.keys(),
			...neighbourhoods.map((a) => a.code)
		]);
		const check = (code: string, level: PlaceLevel) => {
			const place = existing.get(code);
			if (!place) return;
			if (place.level !== level || !isWithin(place, parent.path)) {
				throw new DomainError(
					'conflict',
					`${code} is already used by ${place.name} (a ${place.level}) outside ${parent.name}; nothing was imported.`
				);
			}
		};
		for (const code of wardsInFile.keys()) check(code, 'ward');
		for (const area of neighbourhoods) check(area.code, 'neighbourhood');

		// Wards: create the missing ones under the council, update the rest.
		const newWards = [...wardsInFile].filter(([code]) => !existing.has(code));
		const wardSlugs = await freeSlugs(
			tx,
			'places',
			newWards.map(([, w]) => ({ name: w.name, suffix: parent.name }))
		);
		const wardRows: Row[] = newWards.map(([code, ward], i) => {
			const id = newId();
			return {
				id,
				parentId: parent.id,
				path: `${parent.path}/${id}`,
				level: 'ward',
				name: ward.name,
				slug: wardSlugs[i]!,
				onsCode: code,
				...shape(ward.geometry)
			};
		});
		await insertRows(tx, wardRows);
		const wardByCode = new Map<string, Pick<Place, 'id' | 'path'>>();
		for (const row of wardRows) wardByCode.set(row.onsCode!, { id: row.id, path: row.path });
		let wardsUpdated = 0;
		for (const [code, ward] of wardsInFile) {
			const place = existing.get(code);
			if (!place) continue;
			wardByCode.set(code, place);
			await tx
				.update(platformPlaces)
				.set({
					name: ward.name,
					...(ward.geometry ? shape(ward.geometry) : {}),
					updatedAt: new Date()
				})
				.where(eq(platformPlaces.id, place.id));
			wardsUpdated++;
		}

		// Neighbourhoods: each under the ward the file names; one that moved ward moves with it.
		const newHoods = neighbourhoods.filter((a) => !existing.has(a.code));
		const hoodSlugs = await freeSlugs(
			tx,
			'places',
			newHoods.map((a) => ({ name: a.name, suffix: a.code }))
		);
		await insertRows(
			tx,
			newHoods.map((area, i): Row => {
				const ward = wardByCode.get(area.ward!.code)!;
				const id = newId();
				return {
					id,
					parentId: ward.id,
					path: `${ward.path}/${id}`,
					level: 'neighbourhood',
					name: area.name,
					slug: hoodSlugs[i]!,
					onsCode: area.code,
					...shape(area.geometry)
				};
			})
		);
		let hoodsUpdated = 0;
		for (const area of neighbourhoods) {
			const place = existing.get(area.code);
			if (!place) continue;
			const ward = wardByCode.get(area.ward!.code)!;
			await tx
				.update(platformPlaces)
				.set({
					name: area.name,
					parentId: ward.id,
					path: `${ward.path}/${place.id}`,
					...shape(area.geometry),
					updatedAt: new Date()
				})
				.where(eq(platformPlaces.id, place.id));
			hoodsUpdated++;
		}

		const result: ImportPlacesResult = {
			parent: { id: parent.id, name: parent.name, slug: parent.slug, created: parentCreated },
			level: input.level,
			areas: areas.length,
			created: input.level === 'ward' ? wardRows.length : newHoods.length,
			updated: input.level === 'ward' ? wardsUpdated : hoodsUpdated,
			wards: wardsInFile.size,
			wardsCreated: wardRows.length
		};
		await recordAudit(tx, actor, {
			action: 'place.import',
			placeId: parent.id,
			subjectType: 'place',
			subjectId: parent.id,
			details: {
				fileName: input.fileName,
				level: input.level,
				areas: result.areas,
				created: result.created,
				updated: result.updated,
				wardsCreated: result.wardsCreated
			}
		});
		return result;
	});
}

async function resolveParent(
	db: Executor,
	actor: Actor,
	input: ImportPlacesInput
): Promise<{ parent: Place; created: boolean }> {
	const found = await findPlaceByCodeOrSlug(db, input.parentCode);
	if (found) return { parent: found, created: false };
	if (!input.createParent) {
		throw new DomainError(
			'not_found',
			`No place has the code or slug "${input.parentCode}"; to create the council, give its name too.`
		);
	}
	const code = input.parentCode.toUpperCase();
	if (!isOnsCode(code)) {
		throw new DomainError(
			'invalid',
			`"${input.parentCode}" is not an ONS code like E07000243, so a council cannot be created with it.`
		);
	}
	const name = input.createParent.name.trim();
	if (!name) throw new DomainError('invalid', 'Give the new council a name.');
	return { parent: await createCouncil(db, actor, { name, onsCode: code }), created: true };
}

async function placesByCode(db: Executor, codes: string[]): Promise<Map<string, Place>> {
	const found = new Map<string, Place>();
	for (let i = 0; i < codes.length; i += 500) {
		const rows = await db
			.select()
			.from(platformPlaces)
			.where(inArray(platformPlaces.onsCode, codes.slice(i, i + 500)));
		for (const row of rows) if (row.onsCode) found.set(row.onsCode, row);
	}
	return found;
}

async function insertRows(db: Executor, rows: Row[]): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK)
		await db.insert(platformPlaces).values(rows.slice(i, i + CHUNK));
}

function shape(geometry: AreaGeometry | undefined): Pick<Row, 'boundary' | 'bbox'> {
	return geometry ? { boundary: geometry, bbox: bboxOf(geometry) } : { boundary: null, bbox: null };
}
