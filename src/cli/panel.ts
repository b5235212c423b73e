/**
 * `powershare panel select`: selects a citizens' panel by stratified sortition (LEXIMIN by
 * default) from a pool of volunteers and quotas, publishes the lottery of 1,000 tickets and draws
 * one ticket with the given seed. The algorithms live in `src/lib/core/sortition`; this file only
 * reads files, parses options and prints.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem, loadHighsSolver, readPool, selectPanel } from '../lib/core/sortition/index';
import type {
	SelectPanelResult,
	SelectionMethod,
	SelectionProgress
} from '../lib/core/sortition/index';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const METHODS: readonly SelectionMethod[] = ['leximin', 'maximin', 'legacy'];

/** Help text of `powershare panel`. */
export const USAGE = `Usage: powershare panel select --people <file.csv> --quotas <file.csv> --size <k> --seed <seed> [options]

Selects a citizens' panel: computes each volunteer's fairest possible chance of selection,
rounds it to a published lottery of 1,000 equally likely panels and draws one with the seed.

Files (either format; the quota file's header decides):
  paper format                 --quotas categories.csv (category,feature,min,max)
                               --people respondents.csv (one column per category, no id)
  sortition-algorithms format  --quotas features.csv (feature,value,min,max[,min_flex,max_flex])
                               --people people.csv (an id column, one column per feature)

Options:
  --size K                 panel size
  --seed S                 published seed; the same seed and files give the same draw
  --method M               leximin (default), maximin, or legacy (for comparison only)
  --time-limit SECONDS     stop LEXIMIN after this long and fall back to MAXIMIN
  --household COLUMNS      comma-separated columns identifying a household; at most one
                           member per household is chosen
  --id-column NAME         the people file's id column (default "id", else the first
                           column that is not a category)
  --json                   print the whole result as JSON (lottery and probabilities included)
  --quiet                  no progress messages on stderr
  -h, --help               show this help

Exit codes: 0 selected, 1 invalid files or no panel meets the quotas, 2 usage error.`;

class UsageError extends Error {}

type Options = {
	people: string;
	quotas: string;
	size: number;
	seed: string;
	method: SelectionMethod;
	timeLimit?: number;
	household?: string[];
	idColumn?: string;
	isJson: boolean;
	isQuiet: boolean;
};

const VALUE_OPTIONS = new Set([
	'people',
	'quotas',
	'size',
	'seed',
	'method',
	'time-limit',
	'household',
	'id-column'
]);
const FLAG_OPTIONS = new Set(['json', 'quiet', 'help']);

function parseOptions(args: string[]): Options | 'help' {
	const values = new Map<string, string>();
	const flags = new Set<string>();
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-h') {
			flags.add('help');
			continue;
		}
		if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"`);
		const [name, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
		if (FLAG_OPTIONS.has(name)) {
			flags.add(name);
		} else if (VALUE_OPTIONS.has(name)) {
			const value = inline ?? args[++i];
			if (value === undefined) throw new UsageError(`--${name} needs a value`);
			values.set(name, value);
		} else throw new UsageError(`unknown option --${name}`);
	}
	if (flags.has('help')) return 'help';
	for (const required of ['people', 'quotas', 'size', 'seed'])
		if (!values.has(required)) throw new UsageError(`--${required} is required`);
	const size = Number(values.get('size'));
	if (!Number.isInteger(size) || size < 1)
		throw new UsageError(
			`--size must be a whole number of at least 1, got "${values.get('size')}"`
		);
	const method = (values.get('method') ?? 'leximin') as SelectionMethod;
	if (!METHODS.includes(method))
		throw new UsageError(`--method must be one of ${METHODS.join(', ')}, got "${method}"`);
	const options: Options = {
		people: values.get('people')!,
		quotas: values.get('quotas')!,
		size,
		seed: values.get('seed')!,
		method,
		isJson: flags.has('json'),
		isQuiet: flags.has('quiet')
	};
	if (values.has('time-limit')) {
		const seconds = Number(values.get('time-limit'));
		if (!Number.isFinite(seconds) || seconds <= 0)
			throw new UsageError(
				`--time-limit must be a positive number of seconds, got "${values.get('time-limit')}"`
			);
		options.timeLimit = seconds;
	}
	if (values.has('household'))
		options.household = values
			.get('household')!
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean);
	if (values.has('id-column')) options.idColumn = values.get('id-column')!;
	return options;
}

async function readText(file: string): Promise<string | { error: string }> {
	try {
		return await readFile(file, 'utf8');
	} catch (e) {
		const code = (e as { code?: string }).code;
		return {
			error:
				code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'
		};
	}
}

/** Runs `powershare panel …` and returns the exit code. */
export async function run(args: string[]): Promise<number> {
	try {
		return await panelCommand(args);
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`powershare panel: ${e.message}\n\n${USAGE}`);
			return EXIT.usage;
		}
		// A bug, not a problem with the input: one line, not a stack trace.
		console.error(
			`powershare panel: unexpected error: ${e instanceof Error ? e.message : String(e)}`
		);
		return EXIT.failed;
	}
}

async function panelCommand(args: string[]): Promise<number> {
	const [sub, ...rest] = args;
	if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
		console.log(USAGE);
		return sub === undefined ? EXIT.usage : EXIT.ok;
	}
	if (sub !== 'select') throw new UsageError(`unknown sub-command "${sub}"`);
	const options = parseOptions(rest);
	if (options === 'help') {
		console.log(USAGE);
		return EXIT.ok;
	}
	const [quotasText, peopleText] = await Promise.all([
		readText(options.quotas),
		readText(options.people)
	]);
	for (const [file, text] of [
		[options.quotas, quotasText],
		[options.people, peopleText]
	] as const) {
		if (typeof text !== 'string') {
			console.error(`${file}: ${text.error}`);
			return EXIT.failed;
		}
	}
	const read = readPool(
		{
			quotas: { name: options.quotas, text: quotasText as string },
			people: { name: options.people, text: peopleText as string }
		},
		{
			...(options.idColumn ? { idColumn: options.idColumn } : {}),
			...(options.household ? { householdColumns: options.household } : {})
		}
	);
	if (!read.ok) {
		for (const problem of read.problems) console.error(formatProblem(problem));
		return EXIT.failed;
	}
	const n = read.pool.people.length;
	if (options.size > n) {
		console.error(
			`${options.people}: the pool has ${n} volunteers, fewer than the panel size ${options.size}`
		);
		return EXIT.failed;
	}
	const solver = await loadHighsSolver();
	const started = performance.now();
	const onProgress = options.isQuiet
		? undefined
		: (p: SelectionProgress) =>
				console.error(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${p.message}`);
	const result = selectPanel({
		pool: read.pool,
		k: options.size,
		method: options.method,
		seed: options.seed,
		solver,
		isOnePerHousehold: options.household !== undefined,
		now: () => performance.now(),
		...(options.timeLimit !== undefined ? { timeLimitSeconds: options.timeLimit } : {}),
		...(onProgress ? { onProgress } : {})
	});
	const seconds = (performance.now() - started) / 1000;
	if (options.isJson)
		console.log(
			JSON.stringify(
				{
					...result,
					seconds: Math.round(seconds * 10) / 10,
					files: { quotas: path.basename(options.quotas), people: path.basename(options.people) }
				},
				null,
				2
			)
		);
	else printResult(result, seconds);
	return result.status === 'selected' ? EXIT.ok : EXIT.failed;
}

function percent(p: number): string {
	return `${(p * 100).toFixed(2)}%`;
}

function printResult(result: SelectPanelResult, seconds: number): void {
	if (result.status === 'infeasible') {
		console.log('No panel meets every quota.');
		if (result.relaxation.isPossible) {
			console.log(`Smallest relaxation (${result.relaxation.totalChange} place(s) in total):`);
			for (const c of result.relaxation.changes)
				console.log(
					`  ${c.category}: ${c.value}  min ${c.min} → ${c.newMin}, max ${c.max} → ${c.newMax}`
				);
		} else console.log(result.relaxation.reason);
		return;
	}
	const sorted = [...result.probabilities].sort((a, b) => a.probability - b.probability);
	console.log(
		`Method: ${result.methodUsed}${result.methodUsed !== result.method ? ` (asked for ${result.method})` : ''}, ${seconds.toFixed(1)} s`
	);
	console.log(
		`Lowest selection probability: ${percent(result.minProbability)} (highest ${percent(sorted[sorted.length - 1]!.probability)})`
	);
	console.log(
		`Lottery: ${result.lottery.size} tickets over ${result.lottery.panels.length} distinct panels; rounding moved any probability by at most ${percent(result.lottery.maxDeviation)}`
	);
	console.log(`Drawn ticket: ${result.drawn.ticket}`);
	console.log(`Panel (${result.drawn.members.length}): ${result.drawn.members.join(', ')}`);
	console.log(
		`Re-run with: seed ${JSON.stringify(result.rerun.seed)}, method ${result.rerun.method}, size ${result.rerun.k}${result.rerun.isOnePerHousehold ? ', one per household' : ''}; inputs SHA-256 ${result.rerun.inputsHash}`
	);
	for (const note of result.notes) console.log(`Note: ${note}`);
	console.log('Use --json for the whole lottery and every volunteer’s probability.');
}
