/**
 * `powershare import assets <file.csv> --place <code> [--mapping libraries]`: imports community
 * spaces from a CSV file into the register, as the system, and prints what it did.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { guessMapping } from '../lib/core/assets/import-rows';
import { kindFromText, type ImportKind } from '../lib/core/assets/import-rows';
import { parseCsv } from '../lib/core/assets/csv';
import type { DatabaseHandle } from '../lib/server/db/client';
import { importAssetsCsv, type ImportReport } from '../lib/server/assets/import-assets';
import { importLibraries } from '../lib/server/assets/import-libraries';
import { isDomainError } from '../lib/server/platform/errors';
import type { Actor } from '../lib/server/platform/permissions';
import { findPlaceByCodeOrSlug } from '../lib/server/platform/places/queries';
import { EXIT, parseArgs, UsageError } from './pabulib-file';

export const USAGE = `Usage: powershare import assets <file.csv> --place <code> [options]

Imports community spaces from a CSV file into the register, in a place and the places below it.
Spaces with a latitude and longitude go into the neighbourhood whose boundary holds their point.

  --place <code>      ONS code or slug of the place (usually a council) the spaces are in
  --mapping libraries the Libraries Taskforce's list of libraries in England (2016): imports the
                      libraries whose point is inside the place; closed ones are left out
  --include-closed    with --mapping libraries, import closed libraries with status closed
  --kind <kind>       the type of space for rows without one (hall, pub, library, …)
  --skip-invalid      import the good rows when some have problems (otherwise nothing is imported)
  --dry-run           check every row and report, but import nothing
  -h, --help          show this help

Without --mapping, columns are matched by their headings (name, type, address, postcode, lat,
lng, owner, id…). Importing the libraries again adds nothing twice.

Uses the app's database: DATABASE_URL, or the embedded one under POWERSHARE_DATA_DIR (./data).

Exit codes: 0 imported (or checked), 1 the file or the database refused, 2 usage error.`;

const SPEC = {
	place: 'value',
	mapping: 'value',
	kind: 'value',
	'include-closed': 'flag',
	'skip-invalid': 'flag',
	'dry-run': 'flag',
	help: 'flag'
} as const;

/** What the import did, in a few lines. */
export function summariseAssets(
	report: ImportReport & { closedLeftOut?: number },
	placeName: string,
	dryRun = false
): string {
	const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	const lines = [
		`${dryRun ? 'Would import' : report.problems.length && !report.written && !report.skipped ? 'Would import' : 'Imported'} ${plural(report.imported, 'space', 'spaces')} in ${placeName} (${plural(report.rowsRead, 'row', 'rows')} read)`
	];
	if (report.alreadyThere)
		lines.push(`${plural(report.alreadyThere, 'row was', 'rows were')} already on the register`);
	if (report.outside)
		lines.push(`${plural(report.outside, 'row is', 'rows are')} outside ${placeName}`);
	if (report.closedLeftOut)
		lines.push(`${plural(report.closedLeftOut, 'closed library', 'closed libraries')} left out`);
	if (report.problems.length) {
		lines.push(
			report.written || report.skipped
				? `${plural(report.skipped, 'row', 'rows')} with problems skipped:`
				: `Nothing imported: ${plural(new Set(report.problems.map((p) => p.row)).size, 'row has', 'rows have')} problems:`
		);
		for (const p of report.problems.slice(0, 50))
			lines.push(`  row ${p.row}, ${p.column}: ${p.problem}${p.value ? ` (${p.value})` : ''}`);
		if (report.problems.length > 50) lines.push(`  … and ${report.problems.length - 50} more`);
	}
	return lines.join('\n');
}

/** Runs `powershare import assets …` (arguments after "assets") and returns the exit code. */
export async function runImportAssets(
	args: string[],
	open: () => Promise<DatabaseHandle>,
	closeAfter: boolean
): Promise<number> {
	let file: string;
	let place: string;
	let mapping: string | undefined;
	let kind: ImportKind | undefined;
	let flags: { includeClosed: boolean; skipInvalid: boolean; dryRun: boolean };
	try {
		const parsed = parseArgs(args, SPEC);
		if (parsed.values.has('help')) {
			console.log(USAGE);
			return EXIT.ok;
		}
		const [filePath, ...extra] = parsed.positional;
		if (!filePath) throw new UsageError('give the CSV file to import');
		if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
		const placeValue = parsed.values.get('place');
		if (typeof placeValue !== 'string' || !placeValue.trim())
			throw new UsageError('--place needs the ONS code or slug of a place');
		const mappingValue = parsed.values.get('mapping');
		if (mappingValue !== undefined && mappingValue !== 'libraries')
			throw new UsageError('--mapping can only be libraries');
		const kindValue = parsed.values.get('kind');
		if (kindValue !== undefined) {
			kind = typeof kindValue === 'string' ? (kindFromText(kindValue) ?? undefined) : undefined;
			if (!kind) throw new UsageError(`--kind "${String(kindValue)}" is not a type of space`);
		}
		file = filePath;
		place = placeValue.trim();
		mapping = mappingValue as string | undefined;
		flags = {
			includeClosed: parsed.values.has('include-closed'),
			skipInvalid: parsed.values.has('skip-invalid'),
			dryRun: parsed.values.has('dry-run')
		};
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`powershare import assets: ${error.message}\n\n${USAGE}`);
			return EXIT.usage;
		}
		throw error;
	}

	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		console.error(
			`powershare import assets: ${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}`
		);
		return EXIT.failed;
	}

	let handle: DatabaseHandle | undefined;
	try {
		handle = await open();
		const target = await findPlaceByCodeOrSlug(handle.db, place);
		if (!target) {
			console.error(`powershare import assets: no place has the code or slug "${place}"`);
			return EXIT.failed;
		}
		const actor: Actor = { kind: 'system', label: 'powershare import' };
		const report =
			mapping === 'libraries'
				? await importLibraries(handle.db, actor, {
						csv: text,
						placeId: target.id,
						includeClosed: flags.includeClosed,
						dryRun: flags.dryRun
					})
				: await importAssetsCsv(handle.db, actor, {
						csv: text,
						mapping: guessMapping(parseCsv(text, { maxRecords: 1 }).records[0] ?? []),
						defaultKind: kind,
						placeId: target.id,
						skipInvalid: flags.skipInvalid,
						dryRun: flags.dryRun,
						source: `csv:${path.basename(file)}`
					});
		console.log(summariseAssets(report, target.name, flags.dryRun));
		const refused =
			!report.written && !flags.dryRun && report.problems.length > 0 && mapping !== 'libraries';
		return refused ? EXIT.failed : EXIT.ok;
	} catch (error) {
		const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
		console.error(
			`powershare import assets: ${isDomainError(error) ? message : `could not import: ${message}`}`
		);
		return EXIT.failed;
	} finally {
		if (closeAfter && handle) await handle.close().catch(() => {});
	}
}
