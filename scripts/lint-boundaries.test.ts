import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });

/** Lints `code` as if it lived at `filePath` and returns the boundary violations reported. */
async function boundaryMessages(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: `${root}${filePath}` });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

const nodeImport = "import fs from 'node:fs';\n\nexport const exists = fs.existsSync;\n";

describe('module boundary lint rules', () => {
	it('reports a Node built-in imported in core', async () => {
		expect(await boundaryMessages(nodeImport, 'src/lib/core/counting/example.ts')).toHaveLength(1);
	});

	it('allows the same import in server code', async () => {
		expect(await boundaryMessages(nodeImport, 'src/lib/server/db/example.ts')).toEqual([]);
	});

	it.each([
		"import { redirect } from '@sveltejs/kit';",
		"import { browser } from '$app/environment';",
		"import { env } from '$env/dynamic/private';",
		"import { writable } from 'svelte/store';",
		"import { eq } from 'drizzle-orm';",
		"import pino from 'pino';",
		"import postgres from 'postgres';",
		"import { PGlite } from '@electric-sql/pglite';",
		"import { randomUUID } from 'crypto';",
		"import { join } from 'path';",
		"import { db } from '$lib/server/db';",
		"import { castBallot } from '../../server/budgeting';"
	])('reports `%s` in core', async (line) => {
		expect(await boundaryMessages(`${line}\n`, 'src/lib/core/sortition/example.ts')).toHaveLength(
			1
		);
	});

	it('lets core import other core modules', async () => {
		const code = "import type { Election } from '../counting/types';\n";
		expect(await boundaryMessages(code, 'src/lib/core/sortition/example.ts')).toEqual([]);
	});

	it('lets a core test read fixtures from disk but not import server code', async () => {
		const path = 'src/lib/core/counting/example.test.ts';
		expect(await boundaryMessages(nodeImport, path)).toEqual([]);
		expect(await boundaryMessages("import { db } from '$lib/server/db';\n", path)).toHaveLength(1);
	});

	it('lets a route test use the medium-tier helpers', async () => {
		const code = "import { x } from '$lib/server/testing/test-database';\n";
		expect(await boundaryMessages(code, 'src/routes/places/places.test.ts')).toEqual([]);
		expect(await boundaryMessages(code, 'src/routes/places/+page.server.ts')).toHaveLength(1);
	});

	it("lets routes import a server module's index but not its files", async () => {
		const path = 'src/routes/budgeting/[processId]/+page.server.ts';
		expect(await boundaryMessages("import { x } from '$lib/server/budgeting';\n", path)).toEqual(
			[]
		);
		expect(await boundaryMessages("import { x } from '$lib/server/db/index';\n", path)).toEqual([]);
		expect(await boundaryMessages("import { x } from '$lib/server/platform';\n", path)).toEqual([]);
		expect(
			await boundaryMessages("import { x } from '$lib/server/budgeting/cast-ballot';\n", path)
		).toHaveLength(1);
		expect(
			await boundaryMessages("import { x } from '$lib/server/db/schema';\n", path)
		).toHaveLength(1);
	});

	it('reports server code imported by a shared component', async () => {
		const code = '<script lang="ts">\n\timport { db } from \'$lib/server/db\';\n</script>\n';
		expect(await boundaryMessages(code, 'src/lib/components/Example.svelte')).toHaveLength(1);
	});
});
