/**
 * A grep over the application's source, beside the query log test in voting.test.ts: no
 * statement in any server module, route or command mentions both the roll of participations and
 * the ballot box. Comments and import lines are left out; each remaining statement (up to its
 * semicolon, which Prettier always writes) may name one of the two tables, never both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../../..');
const roots = ['src/lib/server', 'src/routes', 'src/cli', 'scripts'];

function sourceFiles(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...sourceFiles(full));
		else if (/\.(ts|js|svelte)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name))
			out.push(full);
	}
	return out;
}

const ballots = /budgetingBallots|budgeting_ballots/;
const roll = /budgetingParticipations|budgeting_participations/;

/** Statements of a source file that name both tables. */
function statementsNamingBoth(source: string): string[] {
	const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
	return code
		.split(';')
		.filter((s) => !/^\s*(import|export)\b[^=]*\bfrom\b/.test(s))
		.filter((s) => ballots.test(s) && roll.test(s))
		.map((s) => s.trim());
}

describe('the source', () => {
	it('finds a statement naming both tables when there is one', () => {
		expect(
			statementsNamingBoth(
				'import { budgetingBallots, budgetingParticipations } from "./schema";\n' +
					'// budgetingBallots and budgetingParticipations in a comment\n' +
					'await db.select().from(budgetingBallots).innerJoin(budgetingParticipations, x);'
			)
		).toHaveLength(1);
	});

	it('has no statement that names both the roll and the ballot box', () => {
		const offenders: string[] = [];
		for (const dir of roots)
			for (const file of sourceFiles(path.join(root, dir)))
				for (const statement of statementsNamingBoth(readFileSync(file, 'utf8')))
					offenders.push(`${path.relative(root, file)}: ${statement.slice(0, 120)}`);
		expect(offenders).toEqual([]);
	});

	it('keeps the logger out of the voting use cases', () => {
		const voting = sourceFiles(import.meta.dirname);
		expect(voting.length).toBeGreaterThan(5);
		for (const file of voting)
			expect(readFileSync(file, 'utf8'), file).not.toMatch(/logger|console\./);
	});
});
