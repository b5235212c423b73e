// Whether the production build in build/ is missing or older than what it is built from, so
// `npm start` and the benchmarks never serve a build of older sources. Kept to syntax old Node
// versions can parse, like scripts/start.js, which imports it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Inputs of `vite build`: when any is newer than the build, the build is stale. */
const buildInputs = [
	'src',
	'static',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'vite.config.ts',
	'tsconfig.json'
];

/** Newest modification time (ms) of a file, or of any file below a folder. */
function newestMtime(target) {
	let stat;
	try {
		stat = statSync(target);
	} catch {
		return 0;
	}
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(target)) {
		newest = Math.max(newest, newestMtime(path.join(target, entry)));
	}
	return newest;
}

/** True when `<root>/build/index.js` is missing or older than any input of the build. */
export function isBuildStale(root) {
	const buildEntry = path.join(root, 'build', 'index.js');
	if (!existsSync(buildEntry)) return true;
	const built = statSync(buildEntry).mtimeMs;
	return buildInputs.some((input) => newestMtime(path.join(root, input)) > built);
}
