/**
 * Importing assets from a CSV file. The person importing chooses a place (their council or ward)
 * and which column holds which field; every row is checked first, and the report says what is
 * wrong where (row N, column, problem). Nothing is imported while any row has a problem, unless
 * they choose to skip the bad rows and import the rest. The import is one transaction: all the
 * rows it takes go in together, or none do.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { parseCsv } from '../../core/assets/csv';
import {
	validateRows,
	type ColumnMapping,
	type ImportedAsset,
	type ImportKind,
	type RowProblem
} from '../../core/assets/import-rows';
import {
	bboxContains,
	bboxOf,
	pointInGeometry,
	type AreaGeometry,
	type BBox
} from '../../core/geo/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import { actorId, requireCan, type Actor } from '../platform/permissions';
import { withinPathCondition } from '../platform/places/queries';
import { platformPlaces } from '../platform/schema';
import { requirePlace } from './places';
import { assetsAssets, type AssetStatus } from './schema';

/** The most rows one upload may have. */
export const maxImportRows = 20_000;

/** A row ready to import, with what the caller decided about it. */
export type ImportRow = { row: number; asset: ImportedAsset; status?: AssetStatus };

/** What an import did, or would do on a preview. */
export type ImportReport = {
	/** Rows read from the file (not counting the header). */
	rowsRead: number;
	/** Rows that are (or would be) added. */
	imported: number;
	/** Rows already in the register from an earlier import of the same source, left as they are. */
	alreadyThere: number;
	/** Rows with points outside the chosen place, left out when `outside` is 'skip'. */
	outside: number;
	/** Rows left out because of problems (only when skipping bad rows). */
	skipped: number;
	problems: RowProblem[];
	/** True when the rows were written. */
	written: boolean;
	/** The first few rows as they would be imported, for the preview. */
	sample: (ImportedAsset & { row: number; placeName: string })[];
};

/** The options of an import. */
export type ImportOptions = {
	/** The place the assets are in: every asset goes in this place or the one below it that holds its point. */
	placeId: string;
	/** Skip rows with problems and import the rest, instead of importing nothing. */
	skipInvalid?: boolean;
	/** Only check and report; write nothing. */
	dryRun?: boolean;
	/** Rows whose point is outside the place: a problem (default), or quietly left out. */
	outside?: 'problem' | 'skip';
	/** Where the rows come from, so importing the same file again adds nothing twice. */
	source?: string | null;
	/** Status of the imported assets; defaults to confirmed. */
	status?: AssetStatus;
};

type Area = { id: string; name: string; depth: number; bbox: BBox; boundary: AreaGeometry };

/** The place and the places below it that have boundaries, deepest first. */
async function loadAreas(db: Executor, place: { path: string }): Promise<Area[]> {
	const rows = await db
		.select({
			id: platformPlaces.id,
			name: platformPlaces.name,
			path: platformPlaces.path,
			boundary: platformPlaces.boundary
		})
		.from(platformPlaces)
		.where(and(withinPathCondition(place.path), isNotNull(platformPlaces.boundary)));
	return rows
		.map((r) => {
			const boundary = r.boundary as AreaGeometry;
			return {
				id: r.id,
				name: r.name,
				depth: r.path.split('/').length,
				boundary,
				bbox: bboxOf(boundary)
			};
		})
		.sort((a, b) => b.depth - a.depth || a.id.localeCompare(b.id));
}

/** Imports rows already read (the CSV upload and the libraries import both come here). */
export async function importRows(
	db: Executor,
	actor: Actor,
	rows: ImportRow[],
	problemsSoFar: RowProblem[],
	rowsRead: number,
	options: ImportOptions
): Promise<ImportReport> {
	return db.transaction(async (tx) => {
		const place = await requirePlace(tx, options.placeId);
		requireCan(actor, 'asset.manage', place);
		const areas = await loadAreas(tx, place);
		const problems = [...problemsSoFar];
		let outside = 0;
		const placed: (ImportRow & { placeId: string; placeName: string })[] = [];
		for (const r of rows) {
			const { latitude, longitude } = r.asset;
			if (latitude === null || longitude === null || areas.length === 0) {
				placed.push({ ...r, placeId: place.id, placeName: place.name });
				continue;
			}
			const point: [number, number] = [longitude, latitude];
			const area = areas.find(
				(a) => bboxContains(a.bbox, point) && pointInGeometry(a.boundary, point)
			);
			if (area) placed.push({ ...r, placeId: area.id, placeName: area.name });
			else if (options.outside === 'skip') outside++;
			else
				problems.push({
					row: r.row,
					column: 'latitude',
					problem: 'outsidePlace',
					value: `${latitude}, ${longitude}`
				});
		}
		const badRows = new Set(problems.map((p) => p.row));
		const good = placed.filter((r) => !badRows.has(r.row));
		problems.sort((a, b) => a.row - b.row);

		const source = options.source ?? null;
		let existing = new Set<string>();
		const references = good.map((r) => r.asset.reference).filter((v): v is string => !!v);
		if (source && references.length) {
			const found: string[] = [];
			for (let i = 0; i < references.length; i += 1000) {
				const rowsFound = await tx
					.select({ ref: assetsAssets.sourceRef })
					.from(assetsAssets)
					.where(
						and(
							eq(assetsAssets.source, source),
							inArray(assetsAssets.sourceRef, references.slice(i, i + 1000))
						)
					);
				found.push(...rowsFound.map((f) => f.ref!));
			}
			existing = new Set(found);
		}
		const fresh = good.filter((r) => !(r.asset.reference && existing.has(r.asset.reference)));
		const report: ImportReport = {
			rowsRead,
			imported: fresh.length,
			alreadyThere: good.length - fresh.length,
			outside,
			skipped: badRows.size,
			problems,
			written: false,
			sample: fresh.slice(0, 10).map((r) => ({ ...r.asset, row: r.row, placeName: r.placeName }))
		};
		if (badRows.size > 0 && !options.skipInvalid) return { ...report, imported: 0, skipped: 0 };
		if (options.dryRun || fresh.length === 0) return report;

		const status = options.status ?? 'confirmed';
		const now = new Date();
		const values = fresh.map((r) => {
			const rowStatus = r.status ?? status;
			return {
				id: newId(),
				placeId: r.placeId,
				name: r.asset.name,
				kind: r.asset.kind,
				description: r.asset.description,
				address: r.asset.address,
				postcode: r.asset.postcode,
				latitude: r.asset.latitude,
				longitude: r.asset.longitude,
				ownerType: r.asset.ownerType,
				ownerName: r.asset.ownerName,
				openingInfo: r.asset.openingInfo,
				bookingInfo: r.asset.bookingInfo,
				status: rowStatus,
				source,
				sourceRef: source ? r.asset.reference : null,
				confirmedBy: rowStatus === 'confirmed' ? actorId(actor) : null,
				confirmedAt: rowStatus === 'confirmed' ? now : null
			};
		});
		for (let i = 0; i < values.length; i += 500)
			await tx.insert(assetsAssets).values(values.slice(i, i + 500));
		await recordAudit(tx, actor, {
			action: 'asset.import',
			placeId: place.id,
			subjectType: 'place',
			subjectId: place.id,
			details: {
				source,
				imported: fresh.length,
				alreadyThere: report.alreadyThere,
				skippedRows: [...badRows].sort((a, b) => a - b).slice(0, 200),
				outside
			}
		});
		return { ...report, written: true };
	});
}

/** What the CSV upload sends, after the mapping step. */
export type ImportCsvInput = ImportOptions & {
	csv: string;
	mapping: ColumnMapping;
	/** The kind of every row when no column is mapped to kind (and of rows whose kind is blank). */
	defaultKind?: ImportKind;
};

/** Reads the CSV's header, to choose the mapping. Throws `invalid` when there is no header. */
export function readCsvHeader(csv: string): {
	header: string[];
	rowCount: number;
	firstRows: string[][];
} {
	const parsed = parseCsv(csv, { maxRecords: maxImportRows + 1 });
	const [header, ...rows] = parsed.records;
	if (!header || header.every((h) => h.trim() === ''))
		throw new DomainError('invalid', 'The file is empty.', [
			{ field: 'file', message: 'The selected file is empty' }
		]);
	return { header, rowCount: rows.length, firstRows: rows.slice(0, 3) };
}

/** Checks (and unless `dryRun`, imports) the rows of a CSV file with a column mapping. */
export async function importAssetsCsv(
	db: Executor,
	actor: Actor,
	input: ImportCsvInput
): Promise<ImportReport> {
	const parsed = parseCsv(input.csv, { maxRecords: maxImportRows + 1 });
	const [header, ...records] = parsed.records;
	if (!header)
		throw new DomainError('invalid', 'The file is empty.', [
			{ field: 'file', message: 'The selected file is empty' }
		]);
	if (parsed.problems.some((p) => p.problem === 'tooManyRecords'))
		throw new DomainError('invalid', `The file has more than ${maxImportRows} rows.`, [
			{
				field: 'file',
				message: `The file must have ${maxImportRows.toLocaleString('en-GB')} rows or fewer`
			}
		]);
	// Rows are numbered as a spreadsheet shows them: the header is row 1, and a cell with line
	// breaks in it is still one row.
	const checked = validateRows(header, records, input.mapping, { defaultKind: input.defaultKind });
	const problems = [...checked.problems];
	// A quote never closed swallows the rest of the file into the last row's cell.
	if (parsed.problems.some((p) => p.problem === 'unclosedQuote'))
		problems.push({ row: records.length + 1, column: 'file', problem: 'unclosedQuote' });
	return importRows(db, actor, checked.valid, problems, records.length, input);
}
