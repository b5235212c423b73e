/**
 * `powershare count <file.pb> [--rule …]`: counts a Pabulib election with the rule its META names
 * (or one chosen with `--rule`) and shows the winners with a plain-English reason for every
 * project (or JSON with `--json`). A file Powershare exports names the rule and tie-break of its
 * official count, so counting it with no flags gives the official winners.
 */
import { count, META_RULES, optionsFromMeta, toInstance } from '../lib/core/counting/index';
import type { CountOptions, CountResult, Instance, TieBreak } from '../lib/core/counting/index';
import { getMeta, parseWholeNumber } from '../lib/core/counting/pabulib';
import { EXIT, money, parseArgs, readElection, toJson, UsageError } from './pabulib-file';

const RULES = ['greedy', 'mes', 'phragmen', 'from-meta'] as const;
const TIE_BREAKS: readonly TieBreak[] = ['id', 'votes-cost-id', 'cost-votes-id'];

const SPEC = {
	rule: 'value',
	utility: 'value',
	'no-skip': 'flag',
	threshold: 'value',
	completion: 'value',
	'integral-start': 'flag',
	'exhaustive-stop': 'flag',
	'utilitarian-completion': 'flag',
	comparison: 'flag',
	'tie-break': 'value',
	json: 'flag',
	help: 'flag'
} as const;

/** Options that only make sense for one rule, to reject e.g. `--utility` with greedy. */
const RULE_OF_OPTION: Record<string, 'greedy' | 'mes'> = {
	'no-skip': 'greedy',
	threshold: 'greedy',
	utility: 'mes',
	completion: 'mes',
	'integral-start': 'mes',
	'exhaustive-stop': 'mes',
	'utilitarian-completion': 'mes',
	comparison: 'mes'
};

export const USAGE = `Usage: powershare count <file.pb> [--rule <greedy|mes|phragmen|from-meta>] [options]

Counts a Pabulib election and explains why each project was or was not funded.

Without --rule (or with --rule from-meta) the count uses the file's META: its "rule" line
(${META_RULES.join(', ')}),
"min_project_score_threshold", "tie_break" and, for equalshares rules, "mes_utility",
"mes_integral_start", "mes_exhaustive_stop" and "mes_utilitarian_completion". A file exported by
Powershare names all it needs, so it recounts to the published winners with no flags.

Rules:
  greedy       most votes first; fund each project that still fits
  mes          Method of Equal Shares (Peters & Skowron)
  phragmen     sequential Phragmén (stops at the first project that does not fit)
  from-meta    the rule named in the file's META (the default)

Greedy options:
  --no-skip                 stop at the first project that does not fit
  --threshold N             fund only projects with at least N votes (or points)
MES options:
  --utility cost|approval   what a funded project is worth to a supporter (default cost)
  --completion none|add1    raise every voter's share by 1 unit while the outcome fits (default none)
  --integral-start          start add1 from each voter's whole-unit share of the budget
  --exhaustive-stop         stop add1 as soon as no further project could be afforded
  --utilitarian-completion  then fund remaining projects by votes while they fit
  --comparison              switch to the greedy outcome if more voters prefer it
Any rule:
  --tie-break id|votes-cost-id|cost-votes-id
                            how exact ties are broken (default id for a named rule;
                            from META: its "tie_break", else cost-votes-id as Pabulib's checker)
  --json                    print the result as JSON
  -h, --help                show this help

Exit codes: 0 counted, 1 the file is invalid or its rule unsupported, 2 usage error.`;

/** Runs `powershare count` and returns the exit code. */
export async function run(args: string[]): Promise<number> {
	try {
		return await countCommand(args);
	} catch (e) {
		// A bug, not a problem with the input: say so in one line rather than a stack trace.
		console.error(
			`powershare count: unexpected error: ${e instanceof Error ? e.message : String(e)}`
		);
		return EXIT.failed;
	}
}

async function countCommand(args: string[]): Promise<number> {
	let request: {
		file: string;
		options: CountOptions | 'from-meta';
		tieBreak?: TieBreak;
		json: boolean;
	};
	try {
		const parsed = parseArgs(args, SPEC);
		if (parsed.values.has('help')) {
			console.log(USAGE);
			return EXIT.ok;
		}
		request = understand(parsed.values, parsed.positional);
	} catch (e) {
		if (e instanceof UsageError) {
			console.error(`powershare count: ${e.message}\nRun "powershare count --help" for usage.`);
			return EXIT.usage;
		}
		throw e;
	}

	const read = await readElection(request.file);
	if (typeof read === 'number') return read;
	const { election } = read;

	let options: CountOptions;
	let metaRule: string | undefined;
	if (request.options === 'from-meta') {
		const overrides = request.tieBreak ? { tieBreak: request.tieBreak } : {};
		const fromMeta = safely(() => optionsFromMeta(election.meta, overrides), request.file);
		if (typeof fromMeta === 'number') return fromMeta;
		if ('unsupported' in fromMeta) {
			console.error(
				`${request.file}: cannot count with the file's META rule: ${fromMeta.unsupported}; fix the file or name a rule with --rule greedy|mes|phragmen`
			);
			return EXIT.failed;
		}
		options = fromMeta;
		metaRule = (getMeta(election, 'rule') ?? '').trim();
	} else options = request.options;

	const instance = safely(() => toInstance(election), request.file);
	if (typeof instance === 'number') return instance;
	const result = safely(() => count(instance, options), request.file);
	if (typeof result === 'number') return result;

	if (request.json) {
		console.log(
			toJson({
				...(metaRule !== undefined ? { metaRule } : {}),
				rule: result.rule,
				options: result.options,
				tieBreak: result.tieBreak,
				selected: result.selected,
				totalCost: result.totalCost,
				explanations: result.explanations
			})
		);
	} else {
		console.log(report(request.file, instance, result, getMeta(election, 'currency'), metaRule));
	}
	return EXIT.ok;
}

/** Runs a step of the count, turning a rule's complaint about the file into a message. */
function safely<T>(step: () => T, file: string): T | number {
	try {
		return step();
	} catch (e) {
		if (e instanceof RangeError) {
			console.error(`${file}: cannot count: ${e.message}`);
			return EXIT.failed;
		}
		throw e;
	}
}

function understand(
	values: Map<string, string | true>,
	positional: string[]
): { file: string; options: CountOptions | 'from-meta'; tieBreak?: TieBreak; json: boolean } {
	if (positional.length === 0) throw new UsageError('missing the .pb file to count');
	if (positional.length > 1)
		throw new UsageError(`expected one file, got ${positional.length}: ${positional.join(' ')}`);
	const file = positional[0] as string;
	const rule = values.get('rule');
	// No --rule: the file says which rule it was counted with.
	const ruleName = rule === undefined ? 'from-meta' : oneOf('rule', rule, RULES);
	const tieBreak = values.has('tie-break')
		? oneOf('tie-break', values.get('tie-break'), TIE_BREAKS)
		: undefined;
	const json = values.has('json');

	for (const [name, owner] of Object.entries(RULE_OF_OPTION)) {
		if (!values.has(name)) continue;
		if (ruleName === 'from-meta') {
			throw new UsageError(
				rule === undefined
					? `--${name} applies only to --rule ${owner}; without --rule the file's META rule is used`
					: `--${name} cannot be combined with --rule from-meta, which takes the rule from the file`
			);
		}
		if (owner !== ruleName) throw new UsageError(`--${name} applies only to --rule ${owner}`);
	}
	if (ruleName === 'from-meta')
		return { file, options: 'from-meta', json, ...(tieBreak ? { tieBreak } : {}) };

	const base = { tieBreak: tieBreak ?? 'id' } as const;
	if (ruleName === 'phragmen') return { file, options: { rule: 'phragmen', ...base }, json };
	if (ruleName === 'greedy') {
		const options: CountOptions = { rule: 'greedy', ...base };
		if (values.has('no-skip')) options.noSkip = true;
		if (values.has('threshold')) {
			const text = values.get('threshold') as string;
			const threshold = parseWholeNumber(text);
			if (threshold === undefined)
				throw new UsageError(`--threshold must be a whole number, not "${text}"`);
			options.threshold = threshold;
		}
		return { file, options, json };
	}
	const options: CountOptions = {
		rule: 'mes',
		...base,
		utility: values.has('utility')
			? oneOf('utility', values.get('utility'), ['cost', 'approval'] as const)
			: 'cost',
		completion: values.has('completion')
			? oneOf('completion', values.get('completion'), ['none', 'add1'] as const)
			: 'none'
	};
	const add1Only = ['integral-start', 'exhaustive-stop'] as const;
	for (const name of add1Only) {
		if (values.has(name) && options.completion !== 'add1') {
			throw new UsageError(`--${name} applies only with --completion add1`);
		}
	}
	if (values.has('integral-start')) options.integralStart = true;
	if (values.has('exhaustive-stop')) options.exhaustiveStop = true;
	if (values.has('utilitarian-completion')) options.utilitarianCompletion = true;
	if (values.has('comparison')) options.comparison = true;
	return { file, options, json };
}

function oneOf<T extends string>(
	name: string,
	value: string | true | undefined,
	allowed: readonly T[]
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
		return value as T;
	throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${String(value)}"`);
}

/** The readable report: winners with costs, the total, and every project's reason. */
function report(
	file: string,
	instance: Instance,
	result: CountResult,
	currency: string | undefined,
	metaRule: string | undefined
): string {
	const unit = currency ? ` ${currency}` : '';
	const byId = new Map(instance.projects.map((p) => [p.id, p]));
	const lines: string[] = [];
	const source = metaRule === undefined ? '' : ` (the file's META rule ${metaRule})`;
	lines.push(`${file}: rule ${result.rule}${source}, ties broken by ${result.tieBreak}`);
	lines.push(
		`Budget ${money(instance.budget)}${unit}, ${instance.ballots.length.toLocaleString('en-GB')} voters, ${instance.projects.length} projects`
	);
	lines.push('');
	lines.push(
		`Selected ${result.selected.length} ${result.selected.length === 1 ? 'project' : 'projects'}, in selection order:`
	);
	const rows = result.selected.map((id, k) => {
		const p = byId.get(id);
		return [String(k + 1), id, money(p?.cost ?? 0n), clip(p?.name ?? '', 50)];
	});
	lines.push(...table(['#', 'Project', `Cost${unit}`, 'Name'], rows, [false, false, true, false]));
	const left = instance.budget - result.totalCost;
	lines.push(
		`Total ${money(result.totalCost)}${unit} of ${money(instance.budget)}${unit} (${money(left)}${unit} left)`
	);
	lines.push('');
	lines.push('Why each project was or was not funded:');
	const order = [
		...result.selected,
		...instance.projects.map((p) => p.id).filter((id) => !result.selected.includes(id))
	];
	for (const id of order) {
		const e = result.explanations[id];
		if (!e) continue;
		lines.push(`  ${id} (${e.status === 'funded' ? 'funded' : 'not funded'}): ${e.sentence}`);
	}
	return lines.join('\n');
}

function table(header: string[], rows: string[][], right: boolean[]): string[] {
	const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
	const line = (cells: string[]) =>
		'  ' +
		cells
			.map((cell, c) => (right[c] ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line)];
}

function clip(text: string, max: number): string {
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
