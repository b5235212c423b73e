// Fails when src/lib/server/db/schema.ts and the committed migrations in drizzle/ disagree:
// it regenerates migrations into a scratch copy of drizzle/ and reports any new file.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'powershare-drift-'));
const out = path.join(scratch, 'drizzle');
cpSync(path.join(root, 'drizzle'), out, { recursive: true });
const config = path.join(scratch, 'drizzle.config.mjs');
writeFileSync(
	config,
	`export default ${JSON.stringify({
		dialect: 'postgresql',
		schema: path.join(root, 'src/lib/server/db/schema.ts'),
		// drizzle-kit only accepts an output folder relative to its working directory.
		out: path.relative(root, out)
	})};\n`
);
const before = new Set(readdirSync(out));
let output = '';
try {
	output = execFileSync(
		path.join(root, 'node_modules/.bin/drizzle-kit'),
		['generate', '--config', config],
		{ cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' }
	);
} catch (error) {
	output = `${error.stdout ?? ''}${error.stderr ?? error.message}`;
}
const added = readdirSync(out).filter((name) => !before.has(name) && name.endsWith('.sql'));
rmSync(scratch, { recursive: true, force: true });
if (added.length === 0 && !/No schema changes/.test(output)) {
	// drizzle-kit sometimes reports a failure and still exits 0: only its own "no changes" counts.
	console.error('Migration drift check could not run drizzle-kit generate:');
	console.error(output.trim());
	process.exit(1);
}
if (added.length > 0) {
	console.error(
		`Migration drift: the schema has changes with no committed migration (drizzle-kit would write ${added.join(', ')}).\nRun \`npm run db:generate\` and commit the new file in drizzle/.`
	);
	process.exit(1);
}
console.log('Migrations match the schema.');
