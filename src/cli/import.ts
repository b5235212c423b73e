/**
 * `powershare import places <file.geojson> --level ward|lsoa --parent <code>`: imports ONS-coded
 * boundaries into the place tree of the app's database, as the system, and prints one line.
 * `powershare import assets <file.csv> --place <code>` imports community spaces (import-assets.ts).
 * `powershare import pb <file.pb> --place <id>` imports a past budgeting process (import-pb.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseHandle } from '../lib/server/db/client';
import { isDomainError } from '../lib/server/platform/errors';
import type { Actor } from '../lib/server/platform/permissions';
import { importPlaces, type ImportPlacesResult } from '../lib/server/platform/places/import-places';
import { runImportAssets } from './import-assets';
import { runImportPb } from './import-pb';
import { EXIT, parseArgs, UsageError } from './pabulib-file';

export const USAGE = `Usage: powershare import places <file.geojson> --level ward|lsoa --parent <code> [--create-parent <name>]

Imports ONS-coded boundaries (GeoJSON FeatureCollection) into the place tree.

  --level ward            each feature is a ward (properties like WD22CD and WD22NM)
  --level lsoa            each feature is a neighbourhood (LSOA21CD, LSOA21NM), placed in the
                          ward its properties name (WD24CD, WD24NM); missing wards are created
  --parent <code>         ONS code or slug of the council the areas belong to
  --create-parent <name>  create the council with that name when no place has the code
  -h, --help              show this help

Places are matched by ONS code, so importing a file again updates them instead of adding
duplicates. A file with any problem changes nothing.

Uses the app's database: DATABASE_URL, or the embedded one under POWERSHARE_DATA_DIR (./data).

Exit codes: 0 imported, 1 the file or the database refused, 2 usage error.

Community spaces from a CSV file: powershare import assets --help
A past budgeting process from a Pabulib file: powershare import pb --help`;

const SPEC = { level: 'value', parent: 'value', 'create-parent': 'value', help: 'flag' } as const;

/** The one-line summary printed after an import. */
export function summarise(result: ImportPlacesResult): string {
	const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
	const detail = `${result.created} new, ${result.updated} updated`;
	const council = result.parent.created ? `; created the council ${result.parent.name}` : '';
	if (result.level === 'ward') {
		return `Imported ${plural(result.areas, 'ward', 'wards')} of ${result.parent.name} (${detail}${council})`;
	}
	return `Imported ${plural(result.areas, 'neighbourhood', 'neighbourhoods')} under ${plural(result.wards, 'ward', 'wards')} of ${result.parent.name} (${detail}; ${plural(result.wardsCreated, 'new ward', 'new wards')}${council})`;
}

async function openAppDatabase(): Promise<DatabaseHandle> {
	// Migrations live in the repository, wherever the command is run from.
	process.env.POWERSHARE_MIGRATIONS_DIR ??= path.resolve(import.meta.dirname, '../../drizzle');
	const { getDatabaseHandle } = await import('../lib/server/db/index');
	return getDatabaseHandle();
}

function firstLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0] ?? message;
}

/** Runs `powershare import …` and returns the exit code. `open` replaces the app database in tests. */
export async function run(
	args: string[],
	options: { open?: () => Promise<DatabaseHandle> } = {}
): Promise<number> {
	if (args[0] === 'pb')
		return runImportPb(args.slice(1), options.open ?? openAppDatabase, !options.open);
	if (args[0] === 'assets')
		return runImportAssets(args.slice(1), options.open ?? openAppDatabase, !options.open);
	let file: string;
	let level: 'ward' | 'lsoa';
	let parent: string;
	let createParent: string | undefined;
	try {
		const parsed = parseArgs(args, SPEC);
		if (parsed.values.has('help')) {
			console.log(USAGE);
			return EXIT.ok;
		}
		const [what, filePath, ...extra] = parsed.positional;
		if (what !== 'places')
			throw new UsageError(
				what
					? `cannot import "${what}"; only "places", "assets" or "pb"`
					: 'say what to import: places, assets or pb'
			);
		if (!filePath) throw new UsageError('give the GeoJSON file to import');
		if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
		const levelValue = parsed.values.get('level');
		if (levelValue !== 'ward' && levelValue !== 'lsoa')
			throw new UsageError('--level must be ward or lsoa');
		const parentValue = parsed.values.get('parent');
		if (typeof parentValue !== 'string' || !parentValue.trim())
			throw new UsageError('--parent needs the ONS code or slug of the council');
		const createValue = parsed.values.get('create-parent');
		file = filePath;
		level = levelValue;
		parent = parentValue.trim();
		createParent = typeof createValue === 'string' ? createValue : undefined;
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`powershare import: ${error.message}\n\n${USAGE}`);
			return EXIT.usage;
		}
		throw error;
	}

	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EISDIR'
					? 'is a folder, not a file'
					: firstLine(error);
		console.error(`powershare import: ${file}: ${reason}`);
		return EXIT.failed;
	}

	let handle: DatabaseHandle | undefined;
	try {
		handle = await (options.open ?? openAppDatabase)();
		const actor: Actor = { kind: 'system', label: 'powershare import' };
		const result = await importPlaces(handle.db, actor, {
			geojson: text,
			fileName: path.basename(file),
			level,
			parentCode: parent,
			createParent: createParent !== undefined ? { name: createParent } : undefined
		});
		console.log(summarise(result));
		return EXIT.ok;
	} catch (error) {
		if (isDomainError(error)) {
			console.error(`powershare import: ${firstLine(error)}`);
		} else {
			console.error(`powershare import: could not import: ${firstLine(error)}`);
		}
		return EXIT.failed;
	} finally {
		if (!options.open && handle) await handle.close().catch(() => {});
	}
}
