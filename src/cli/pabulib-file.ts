/**
 * Shared by `powershare count` and `powershare verify`: reading a .pb file from disk with
 * compiler-style messages, a small option parser, and JSON that can carry bigints.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { formatIssue, PabulibError, parsePabulibChunks } from '../lib/core/counting/pabulib';
import type { PabulibParseResult } from '../lib/core/counting/pabulib';

/** A problem with the command line itself: printed with the usage hint, exit code 2. */
export class UsageError extends Error {}

/** Exit codes shared by the counting commands. */
export const EXIT = { ok: 0, failed: 1, usage: 2, cannotVerify: 3 } as const;

/**
 * Reads and parses a Pabulib file, streaming it so a city-wide file never sits in memory twice.
 * Returns the parse result, or an exit code after printing why the file could not be read:
 * 2 when the path is not a readable file (a usage problem), 1 when its contents are invalid.
 */
export async function readElection(file: string): Promise<PabulibParseResult | number> {
	try {
		const info = await stat(file);
		if (!info.isFile()) {
			console.error(`${file}: not a file`);
			return EXIT.usage;
		}
	} catch (e) {
		const code = (e as NodeJS.ErrnoException).code;
		console.error(
			code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(e)})`
		);
		return EXIT.usage;
	}
	try {
		const result = await parsePabulibChunks(createReadStream(file), file);
		for (const w of result.warnings)
			console.error(formatIssue({ ...w, message: `warning: ${w.message}` }));
		return result;
	} catch (e) {
		if (e instanceof PabulibError) {
			for (const issue of e.issues) console.error(formatIssue(issue));
			return EXIT.failed;
		}
		const code = (e as NodeJS.ErrnoException).code;
		if (code) {
			console.error(`${file}: cannot read (${code})`);
			return EXIT.usage;
		}
		throw e;
	}
}

/** What {@link parseArgs} understood: option values by name, and positional arguments. */
export type ParsedArgs = { values: Map<string, string | true>; positional: string[] };

/**
 * Parses `--name value`, `--name=value` and boolean `--flag` options. `spec` maps each known
 * option to whether it takes a value; anything else is a {@link UsageError}.
 */
export function parseArgs(args: string[], spec: Record<string, 'value' | 'flag'>): ParsedArgs {
	const values = new Map<string, string | true>();
	const positional: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i] as string;
		if (arg === '--') {
			positional.push(...args.slice(i + 1));
			break;
		}
		if (!arg.startsWith('-') || arg === '-') {
			positional.push(arg);
			continue;
		}
		if (arg === '-h' || arg === '--help') {
			values.set('help', true);
			continue;
		}
		const eq = arg.indexOf('=');
		const name = (eq >= 0 ? arg.slice(0, eq) : arg).slice(2);
		const kind = spec[name];
		if (!arg.startsWith('--') || kind === undefined) {
			throw new UsageError(`unknown option "${eq >= 0 ? arg.slice(0, eq) : arg}"`);
		}
		if (values.has(name)) throw new UsageError(`option --${name} is given twice`);
		if (kind === 'flag') {
			if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
			values.set(name, true);
		} else if (eq >= 0) {
			values.set(name, arg.slice(eq + 1));
		} else {
			const next = args[i + 1];
			if (next === undefined || next.startsWith('--'))
				throw new UsageError(`option --${name} needs a value`);
			values.set(name, next);
			i++;
		}
	}
	return { values, positional };
}

/** JSON with bigints written as decimal strings, so exact money survives the trip. */
export function toJson(value: unknown): string {
	return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

/** Groups digits by thousands: 1234567n → "1,234,567". */
export function money(amount: bigint): string {
	return amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
