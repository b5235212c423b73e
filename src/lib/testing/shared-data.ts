/**
 * Test support for the shared data sets (Pabulib files, reference outcomes…). They live beside
 * the repository in `../shared/data` and are never copied into it. Tests of `src/lib/core` read
 * them through this module because core code, tests included, may not import Node built-ins.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The repository's root folder. */
export const repoRoot = path.resolve(import.meta.dirname, '../../..');

/** Where the shared data sets are: `../shared/data` next to the repository. */
export const sharedDataDir = path.resolve(repoRoot, '../shared/data');

/**
 * Whether `../shared/data/<folder>` exists. When it does not, says which tests are skipped, so a
 * green run without the data is never mistaken for a full one.
 */
export function hasSharedData(folder: string, tests: string): boolean {
	const dir = path.join(sharedDataDir, folder);
	if (existsSync(dir)) return true;
	// Test output is the right place for this notice; the app itself never logs to the console.
	// eslint-disable-next-line no-console
	console.warn(`Skipping ${tests}: ${dir} not found`);
	return false;
}

/** Names of the files in `../shared/data/<folder>` ending in `extension` (e.g. ".pb"), sorted. */
export function listSharedFiles(folder: string, extension: string): string[] {
	return readdirSync(path.join(sharedDataDir, folder))
		.filter((name) => name.endsWith(extension))
		.sort();
}

/** The text of `../shared/data/<folder>/<name>`, read as UTF-8. */
export function readSharedText(folder: string, name: string): string {
	return readFileSync(path.join(sharedDataDir, folder, name), 'utf8');
}
