/**
 * `powershare import pb <file.pb> --place <id>`: imports a Pabulib file as a past budgeting
 * process on a place, as the system, and prints what it did (import-process.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatabaseHandle } from '../lib/server/db/client';
import { importProcessPb } from '../lib/server/budgeting/pabulib/import-process';
import { isDomainError } from '../lib/server/platform/errors';
import type { Actor } from '../lib/server/platform/permissions';
import { findPlaceByCodeOrSlug } from '../lib/server/platform/places/queries';
import { EXIT, parseArgs, UsageError } from './pabulib-file';

export const USAGE = `Usage: powershare import pb <file.pb> --place <place>

Imports a Pabulib (.pb) file as a past participatory budgeting process, for research and
demonstration: its projects, its anonymous ballots, and its result counted with the rule the
file's META names. Nobody can vote in an imported process. A file with any problem imports
nothing; problems are printed as file:line: what is wrong.

  --place <place>   id, ONS code or slug of the place the process was for
  -h, --help        show this help

Uses the app's database: DATABASE_URL, or the embedded one under POWERSHARE_DATA_DIR (./data).

Exit codes: 0 imported, 1 the file or the database refused, 2 usage error.`;

/** Runs `powershare import pb …` (arguments after "pb") and returns the exit code. */
export async function runImportPb(
	args: string[],
	open: () => Promise<DatabaseHandle>,
	closeAfter: boolean
): Promise<number> {
	let file: string;
	let place: string;
	try {
		const parsed = parseArgs(args, { place: 'value', help: 'flag' });
		if (parsed.values.has('help')) {
			console.log(USAGE);
			return EXIT.ok;
		}
		const [filePath, ...extra] = parsed.positional;
		if (!filePath) throw new UsageError('give the .pb file to import');
		if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
		const placeValue = parsed.values.get('place');
		if (typeof placeValue !== 'string' || !placeValue.trim())
			throw new UsageError('--place needs the id, ONS code or slug of a place');
		file = filePath;
		place = placeValue.trim();
	} catch (error) {
		if (error instanceof UsageError) {
			console.error(`powershare import pb: ${error.message}\n\n${USAGE}`);
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
			`powershare import pb: ${file}: ${code === 'ENOENT' ? 'no such file' : String(error)}`
		);
		return EXIT.failed;
	}

	let handle: DatabaseHandle | undefined;
	try {
		handle = await open();
		const { platformPlaces } = await import('../lib/server/platform/schema');
		const { eq } = await import('drizzle-orm');
		const [byId] = await handle.db
			.select({ id: platformPlaces.id })
			.from(platformPlaces)
			.where(eq(platformPlaces.id, place));
		const target = byId ?? (await findPlaceByCodeOrSlug(handle.db, place));
		if (!target) {
			console.error(`powershare import pb: no place has the id, code or slug "${place}"`);
			return EXIT.failed;
		}
		const actor: Actor = { kind: 'system', label: 'powershare import' };
		const report = await importProcessPb(handle.db, actor, {
			text,
			fileName: path.basename(file),
			placeId: target.id
		});
		console.log(
			`Imported "${report.title}": ${report.projects} projects, ${report.ballots} ballots, ${report.winners} funded (process ${report.processId})`
		);
		return EXIT.ok;
	} catch (error) {
		if (isDomainError(error)) {
			const lines = error.fieldErrors.length
				? error.fieldErrors.map((f) => f.message)
				: [error.message];
			for (const line of lines) console.error(line);
			console.error('Nothing was imported.');
		} else {
			console.error(
				`powershare import pb: could not import: ${error instanceof Error ? error.message : String(error)}`
			);
		}
		return EXIT.failed;
	} finally {
		if (closeAfter && handle) await handle.close().catch(() => {});
	}
}
