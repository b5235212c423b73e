/**
 * `powershare panel select`: selects a citizens' panel by stratified sortition (LEXIMIN by
 * default) from a pool of volunteers and quotas and builds the lottery of 1,000 tickets, which
 * does not depend on the seed; with `--seed` it also draws the ticket.
 *
 * `powershare panel draw`: the public draw on a published lottery file alone: the ticket for a
 * seed and the members it names, so anyone can check a draw without the organisers' pool files.
 *
 * The algorithms live in `src/lib/core/sortition`; this file only reads files, parses options
 * and prints.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
	drawFromPublishedLottery,
	formatLotteryCsv,
	formatProblem,
	loadHighsSolver,
	readLotteryCsv,
	readPool,
	selectPanel
} from '../lib/core/sortition/index';
import type {
	SelectPanelResult,
	SelectionMethod,
	SelectionProgress
} from '../lib/core/sortition/index';

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
const METHODS: readonly SelectionMethod[] = ['leximin', 'maximin', 'legacy'];

/** Help text of `powershare panel`. */
export const USAGE = `Usage: powershare panel select --people <file.csv> --quotas <file.csv> --size <k> [--seed <seed>] [options]
       powershare panel draw --lottery <lottery.csv> --seed <seed> [--json]

select  computes each volunteer's fairest possible chance of selection and rounds it to a
        lottery of 1,000 equally likely panels. The lottery depends only on the files and
        options, never on the seed, so it can be published before the seed is announced.
        With --seed it also draws the ticket, as \`panel draw\` does on the lottery file.
draw    the public draw on a published lottery file alone: prints the file's SHA-256, the
        ticket for the seed and the volunteers that ticket names. The ticket is
          (SHA-256 of the text "<lottery file's SHA-256>:<seed>" as a hexadecimal number)
          mod (number of tickets) + 1

Files (either format; the quota file's header decides):
  paper format                 --quotas categories.csv (category,feature,min,max)
                               --people respondents.csv (one column per category, no id)
  sortition-algorithms format  --quotas features.csv (feature,value,min,max[,min_flex,max_flex])
                               --people people.csv (an id column, one column per feature)

Options:
  --size K                 panel size
  --seed S                 the public seed; draws the ticket (never changes the lottery)
  --lottery-out FILE       write the lottery file (CSV) to publish before the draw
  --lottery FILE           (draw) the published lottery file
  --method M               leximin (default), maximin, or legacy (for comparison only)
  --time-limit SECONDS     stop LEXIMIN after this long and fall back to MAXIMIN
  --household COLUMNS      comma-separated columns identifying a household; at most one
                           member per household is chosen
  --id-column NAME         the people file's id column (default "id", else the first
                           column that is not a category)
  --json                   print the whole result as JSON (lottery and probabilities included)
  --quiet                  no progress messages on stderr
  -h, --help               show this help

Exit codes: 0 selected or drawn, 1 invalid files or no panel meets the quotas, 2 usage error.`;

class UsageError extends Error {}

type Options = {
	people: string;
	quotas: string;
	size: number;
	seed?: string;
	lotteryOut?: string;
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
	'id-column',
	'lottery-out',
	'lottery'
]);
const FLAG_OPTIONS = new Set(['json', 'quiet', 'help']);

function parseArgs(args: string[]): { values: Map<string, string>; flags: Set<string> } {
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
	return { values, flags };
}

function parseOptions(args: string[]): Options | 'help' {
	const { values, flags } = parseArgs(args);
	if (flags.has('help')) return 'help';
	if (values.has('lottery'))
		throw new UsageError(
			'--lottery is an option of `panel draw`; `panel select` writes one with --lottery-out'
		);
	for (const required of ['people', 'quotas', 'size'])
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
	if (values.has('seed')) options.seed = values.get('seed')!;
	if (values.has('lottery-out')) options.lotteryOut = values.get('lottery-out')!;
	return options;
}

/** The version in package.json, recorded with every selection so a re-run can use the same. */
async function engineVersion(): Promise<string> {
	try {
		const text = await readFile(new URL('../../package.json', import.meta.url), 'utf8');
		const version = (JSON.parse(text) as { version?: unknown }).version;
		return typeof version === 'string' ? version : 'unknown';
	} catch {
		return 'unknown';
	}
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
	if (sub === 'draw') return drawCommand(rest);
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
		...(options.seed !== undefined ? { seed: options.seed } : {}),
		engineVersion: await engineVersion(),
		solver,
		isOnePerHousehold: options.household !== undefined,
		now: () => performance.now(),
		...(options.timeLimit !== undefined ? { timeLimitSeconds: options.timeLimit } : {}),
		...(onProgress ? { onProgress } : {})
	});
	const seconds = (performance.now() - started) / 1000;
	if (options.lotteryOut && result.status === 'selected')
		await writeFile(options.lotteryOut, formatLotteryCsv(result.lottery));
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
	console.log(`Lottery file SHA-256: ${result.lottery.sha256}`);
	if (result.drawn) {
		console.log(`Drawn ticket: ${result.drawn.ticket}`);
		console.log(`Panel (${result.drawn.members.length}): ${result.drawn.members.join(', ')}`);
	} else console.log('No seed given: nothing drawn. Publish the lottery, then draw with the seed.');
	const { rerun } = result;
	console.log(
		`Re-run with: ${rerun.seed !== null ? `seed ${JSON.stringify(rerun.seed)}, ` : ''}method ${rerun.method}, size ${rerun.k}${rerun.isOnePerHousehold ? ', one per household' : ''}, ${rerun.timeLimitSeconds !== null ? `time limit ${rerun.timeLimitSeconds} s` : 'no time limit'}, engine ${rerun.engineVersion}; inputs SHA-256 ${rerun.inputsHash}`
	);
	for (const note of result.notes) console.log(`Note: ${note}`);
	console.log(
		'Use --lottery-out to write the lottery file, --json for every volunteer’s probability.'
	);
}

/** `panel draw --lottery FILE --seed S [--json]`: the public draw on the lottery file alone. */
async function drawCommand(args: string[]): Promise<number> {
	const { values, flags } = parseArgs(args);
	if (flags.has('help')) {
		console.log(USAGE);
		return EXIT.ok;
	}
	for (const name of values.keys())
		if (name !== 'lottery' && name !== 'seed')
			throw new UsageError(`--${name} is not an option of \`panel draw\``);
	for (const required of ['lottery', 'seed'])
		if (!values.has(required)) throw new UsageError(`--${required} is required`);
	const file = values.get('lottery')!;
	const seed = values.get('seed')!;
	let bytes: Buffer;
	try {
		bytes = await readFile(file);
	} catch (e) {
		const code = (e as { code?: string }).code;
		console.error(`${file}: ${code === 'ENOENT' ? 'no such file' : 'cannot be read'}`);
		return EXIT.failed;
	}
	// The fingerprint is of the file's bytes exactly as published (node:crypto, independently of
	// the engine's own SHA-256).
	const lotterySha256 = createHash('sha256').update(bytes).digest('hex');
	const read = readLotteryCsv(bytes.toString('utf8'), file);
	if (!read.ok) {
		for (const problem of read.problems) console.error(formatProblem(problem));
		return EXIT.failed;
	}
	const drawn = drawFromPublishedLottery({ lottery: read.lottery, lotterySha256, seed });
	if (flags.has('json')) {
		console.log(
			JSON.stringify(
				{
					lotterySha256,
					seed,
					size: read.lottery.size,
					ticket: drawn.ticket,
					members: drawn.members
				},
				null,
				2
			)
		);
		return EXIT.ok;
	}
	console.log(`Lottery file SHA-256: ${lotterySha256}`);
	console.log(
		`Lottery: ${read.lottery.size} tickets over ${read.lottery.panels.length} distinct panels`
	);
	console.log(`Seed: ${JSON.stringify(seed)}`);
	console.log(`Ticket: ${drawn.ticket}`);
	console.log(`Panel (${drawn.members.length}): ${drawn.members.join(', ')}`);
	return EXIT.ok;
}
