/**
 * Importing public libraries from the Libraries Taskforce's 2016 dataset of libraries in England
 * (as published by LibrariesHacked, OGL): the libraries whose point lies in a council's area,
 * found by point-in-polygon against the place boundaries. Closed libraries (type XL, XLR or XLT in
 * the `closed` column) are left out, or imported with status closed when asked.
 */
import { parseCsv } from '../../core/assets/csv';
import { validateRows, type ColumnMapping, type RowProblem } from '../../core/assets/import-rows';
import type { Executor } from '../db/client';
import { DomainError } from '../platform/errors';
import type { Actor } from '../platform/permissions';
import { importRows, type ImportReport, type ImportRow } from './import-assets';

/** The source name stored on imported libraries, so a second import adds nothing twice. */
export const librariesSource = 'libraries-taskforce-2016';

/** Closed library codes in the dataset's `closed` column. */
const closedCodes = new Set(['XL', 'XLR', 'XLT']);

/** Who runs each type of library: local authority libraries are the council's. */
const ownerTypeByLibraryType: Record<string, 'council' | 'community'> = {
	LAL: 'council',
	CL: 'community',
	CRL: 'community',
	ICL: 'community'
};

/** What importing libraries did. */
export type LibrariesReport = ImportReport & { closedLeftOut: number };

/**
 * Imports the libraries in the place (usually a council). Libraries outside it are not counted as
 * problems: the file covers all of England.
 */
export async function importLibraries(
	db: Executor,
	actor: Actor,
	input: { csv: string; placeId: string; includeClosed?: boolean; dryRun?: boolean }
): Promise<LibrariesReport> {
	const parsed = parseCsv(input.csv);
	const [header, ...records] = parsed.records;
	const column = (name: string) => header?.indexOf(name) ?? -1;
	const needed = ['name', 'id', 'address', 'postcode', 'lat', 'lng', 'type', 'closed'];
	if (!header || needed.some((n) => column(n) < 0))
		throw new DomainError(
			'invalid',
			`This is not the libraries file: it needs the columns ${needed.join(', ')}.`
		);
	const mapping: ColumnMapping = {
		name: column('name'),
		address: column('address'),
		postcode: column('postcode'),
		latitude: column('lat'),
		longitude: column('lng'),
		reference: column('id')
	};
	const checked = validateRows(header, records, mapping, { defaultKind: 'library' });
	const byRow = new Map(records.map((r, i) => [i + 2, r]));
	let closedLeftOut = 0;
	const rows: ImportRow[] = [];
	for (const { row, asset } of checked.valid) {
		const cells = byRow.get(row)!;
		const closed = closedCodes.has((cells[column('closed')] ?? '').trim().toUpperCase());
		if (closed && !input.includeClosed) {
			closedLeftOut++;
			continue;
		}
		const type = (cells[column('type')] ?? '').trim().toUpperCase();
		rows.push({
			row,
			status: closed ? 'closed' : 'confirmed',
			asset: {
				...asset,
				// The dataset keeps line breaks inside some addresses; one line reads better.
				address: asset.address?.replace(/\s*\n\s*/g, ', ') ?? null,
				ownerType: ownerTypeByLibraryType[type] ?? asset.ownerType
			}
		});
	}
	// Rows without a usable point cannot be placed in an area; they are not this place's problem.
	const placeable = rows.filter((r) => r.asset.latitude !== null);
	const problems: RowProblem[] = [];
	const report = await importRows(db, actor, placeable, problems, records.length, {
		placeId: input.placeId,
		outside: 'skip',
		skipInvalid: true,
		dryRun: input.dryRun,
		source: librariesSource
	});
	return { ...report, closedLeftOut, skipped: report.skipped + checked.badRows.length };
}
