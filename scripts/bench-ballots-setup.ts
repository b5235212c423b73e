/**
 * Set-up for `npm run bench:ballots` (scripts/bench-ballots.js), run through tsx before the
 * server starts: migrates the database, creates a council, a process in the voting phase with
 * ten projects on a knapsack ballot, and a batch of voting codes made by the module's own use
 * cases. Writes the process, the projects and the codes as JSON to the file it is given.
 */
import { writeFileSync } from 'node:fs';
import { connect } from '../src/lib/server/db/client';
import { runMigrations } from '../src/lib/server/db/migrate';
import { createCouncil } from '../src/lib/server/platform/places/create-place';
import { buildProcess, buildProjects } from '../src/lib/server/budgeting/factories';
import { createCodeBatch } from '../src/lib/server/budgeting/voting/create-code-batch';
import { issueBatchCodes } from '../src/lib/server/budgeting/voting/issue-batch-codes';

const [out, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const handle = await connect(
	process.env.DATABASE_URL
		? { url: process.env.DATABASE_URL }
		: { dataDir: process.env.BENCH_PGLITE_DIR }
);
await runMigrations(handle);
const system = { kind: 'system', label: 'bench:ballots' } as const;
const council = await createCouncil(handle.db, system, { name: 'Benchton', onsCode: 'X07999999' });
const process_ = await buildProcess(handle.db, {
	placeId: council.id,
	ballotType: 'knapsack',
	budgetPence: 5_000_000,
	maxChoices: null
});
const projects = await buildProjects(
	handle.db,
	process_.id,
	Array.from({ length: 10 }, (_, i) => ({
		title: `Project ${i + 1}`,
		costPence: 500_000 + i * 100_000
	}))
);
const batch = await createCodeBatch(handle.db, system, {
	processId: process_.id,
	label: 'Benchmark',
	size,
	placeId: null
});
const { codes } = await issueBatchCodes(handle.db, system, {
	processId: process_.id,
	batchId: batch.id
});
writeFileSync(
	out!,
	JSON.stringify({
		processId: process_.id,
		budgetPence: process_.budgetPence,
		projects: projects.map((p) => ({ id: p.id, costPence: p.costPence })),
		codes
	})
);
await handle.close();
