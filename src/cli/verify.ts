/**
 * `powershare verify <file.pb>`: recounts a Pabulib election with the rule its META names and
 * compares the outcome with the file's `selected` column, project by project.
 */
import { count, optionsFromMeta, toInstance } from '../lib/core/counting/index';
import type { CountOptions, CountResult, TieBreak } from '../lib/core/counting/index';
import { getMeta } from '../lib/core/counting/pabulib';
import type { PabulibElection } from '../lib/core/counting/types';
import { EXIT, money, parseArgs, readElection, toJson, UsageError } from './pabulib-file';

const TIE_BREAKS: readonly TieBreak[] = ['id', 'votes-cost-id', 'cost-votes-id'];

export const USAGE = `Usage: powershare verify <file.pb> [--tie-break id|votes-cost-id|cost-votes-id] [--json]

Recounts the election with the rule named in the file's META "rule" line and compares the result
with the file's "selected" column (1 or more counts as funded: 2 and 3 mark special cases such as
projects funded later from reserves).

Exit codes: 0 the count agrees with the file, 1 it disagrees or the file is invalid,
2 usage error, 3 the file cannot be verified (unsupported rule or no "selected" column).`;

/** What the file says and what the count says, project by project. */
type Comparison = {
	agree: boolean;
	rule: string;
	metaRule: string;
	tieBreak: TieBreak;
	/** Projects the file marks as funded (selected ≥ 1), in file order, with the value written. */
	fileSelected: { id: string; selected: string }[];
	countSelected: string[];
	/** Funded by the count, not marked selected in the file. */
	onlyCount: string[];
	/** Marked selected in the file, not funded by the count. */
	onlyFile: string[];
};

/** Runs `powershare verify` and returns the exit code. */
export async function run(args: string[]): Promise<number> {
	try {
		return await verifyCommand(args);
	} catch (e) {
		// A bug, not a problem with the input: say so in one line rather than a stack trace.
		console.error(
			`powershare verify: unexpected error: ${e instanceof Error ? e.message : String(e)}`
		);
		return EXIT.failed;
	}
}

async function verifyCommand(args: string[]): Promise<number> {
	let file: string;
	let tieBreak: TieBreak | undefined;
	let json: boolean;
	try {
		const { values, positional } = parseArgs(args, {
			'tie-break': 'value',
			json: 'flag',
			help: 'flag'
		});
		if (values.has('help')) {
			console.log(USAGE);
			return EXIT.ok;
		}
		if (positional.length !== 1) {
			throw new UsageError(
				positional.length === 0
					? 'missing the .pb file to verify'
					: `expected one file, got ${positional.length}`
			);
		}
		file = positional[0] as string;
		json = values.has('json');
		if (values.has('tie-break')) {
			const value = values.get('tie-break');
			if (typeof value !== 'string' || !(TIE_BREAKS as readonly string[]).includes(value)) {
				throw new UsageError(
					`--tie-break must be one of ${TIE_BREAKS.join(', ')}, not "${String(value)}"`
				);
			}
			tieBreak = value as TieBreak;
		}
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`powershare verify: ${e.message}\nRun "powershare verify --help" for usage.`);
			return EXIT.usage;
		}
		throw e;
	}

	const read = await readElection(file);
	if (typeof read === 'number') return read;
	const { election } = read;
	const metaRule = getMeta(election, 'rule')?.trim() ?? '';

	const selectedColumn = election.projectColumns.find((c) => c.toLowerCase() === 'selected');
	if (selectedColumn === undefined) {
		console.error(`${file}: cannot verify: the PROJECTS section has no "selected" column`);
		return EXIT.cannotVerify;
	}
	let options: CountOptions;
	let result: CountResult;
	try {
		const fromMeta = optionsFromMeta(election.meta, tieBreak ? { tieBreak } : {});
		if ('unsupported' in fromMeta) {
			console.error(`${file}: cannot verify: ${fromMeta.unsupported}`);
			return EXIT.cannotVerify;
		}
		options = fromMeta;
		result = count(toInstance(election), options);
	} catch (e) {
		if (e instanceof RangeError) {
			console.error(`${file}: cannot verify: ${e.message}`);
			return EXIT.failed;
		}
		throw e;
	}

	const comparison = compare(election, selectedColumn, metaRule, result);
	if (json) console.log(toJson({ file, ...comparison }));
	else console.log(describe(file, election, comparison, result));
	return comparison.agree ? EXIT.ok : EXIT.failed;
}

function compare(
	election: PabulibElection,
	column: string,
	metaRule: string,
	result: CountResult
): Comparison {
	const fileSelected = election.projects
		.map((p) => ({ id: p.id, selected: (p.fields[column] ?? '').trim() }))
		.filter((p) => Number(p.selected) >= 1);
	const inFile = new Set(fileSelected.map((p) => p.id));
	const inCount = new Set(result.selected);
	const onlyCount = result.selected.filter((id) => !inFile.has(id));
	const onlyFile = fileSelected.map((p) => p.id).filter((id) => !inCount.has(id));
	return {
		agree: onlyCount.length === 0 && onlyFile.length === 0,
		rule: result.rule,
		metaRule,
		tieBreak: result.tieBreak,
		fileSelected,
		countSelected: result.selected,
		onlyCount,
		onlyFile
	};
}

function describe(
	file: string,
	election: PabulibElection,
	c: Comparison,
	result: CountResult
): string {
	const byId = new Map(election.projects.map((p) => [p.id, p]));
	const label = (id: string) => {
		const p = byId.get(id);
		const name = p?.fields['name'];
		return `${id}${name ? ` "${name.length > 50 ? name.slice(0, 49) + '…' : name}"` : ''} (cost ${money(p?.cost ?? 0n)})`;
	};
	const lines = [
		`${file}: META rule ${c.metaRule}, counted as ${c.rule} with ties broken by ${c.tieBreak}`,
		`The file marks ${projects(c.fileSelected.length)} as funded; the count funds ${c.countSelected.length}.`
	];
	if (c.agree) {
		lines.push('Agreement: the count funds exactly the projects the file marks as selected.');
		return lines.join('\n');
	}
	lines.push(`Disagreement on ${projects(c.onlyCount.length + c.onlyFile.length)}:`);
	for (const id of c.onlyCount) {
		lines.push(`  funded by the count but not selected in the file: ${label(id)}`);
		lines.push(`    ${result.explanations[id]?.sentence ?? ''}`);
	}
	for (const id of c.onlyFile) {
		const value = c.fileSelected.find((p) => p.id === id)?.selected ?? '';
		const note =
			value === '1' ? '' : ` [selected=${value}: a special case, see the file's comment]`;
		lines.push(`  selected in the file but not funded by the count: ${label(id)}${note}`);
		lines.push(`    ${result.explanations[id]?.sentence ?? ''}`);
	}
	return lines.join('\n');
}

function projects(n: number): string {
	return `${n} ${n === 1 ? 'project' : 'projects'}`;
}
