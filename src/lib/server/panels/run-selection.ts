/**
 * The `panels.select` job: runs the selection engine on the stored pool and quotas and stores
 * the outcome: everyone's chances and the lottery, which the organiser may then publish. The
 * engine runs in a child process, through the very command the organiser's page tells observers
 * to re-run (`powershare panel select --json`), for three reasons: a long LEXIMIN run never
 * blocks the web server's event loop; its progress lines (stderr) reach the organiser through
 * `reportProgress` while it runs; and the stored lottery is, by construction, what the command
 * gives on the same files. No seed is passed: the lottery never depends on one.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { JobContext } from '../platform/jobs';
import { childLogger } from '../platform/logger';
import { featuresCsv, peopleCsv } from './pool-files';
import { findPanel, findSelection, listVolunteers, lotteryFileOf, poolOf } from './queries';
import { panelsSelections, type StoredRelaxation, type StoredSelection } from './schema';

const log = childLogger({ component: 'panels.select' });

/** Where `bin/powershare.js` is: POWERSHARE_HOME, else the working directory (a clone). */
export function commandPath(env: NodeJS.ProcessEnv = process.env): string {
	return path.join(env.POWERSHARE_HOME ?? process.cwd(), 'bin', 'powershare.js');
}

/**
 * The command's environment: only what Node needs. Never the server's secrets (database URL,
 * auth secret, SMTP password), which the engine has no use for, nor NODE_OPTIONS: the command
 * brings its own TypeScript loader and must not run under anyone else's.
 */
function commandEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
	const kept: NodeJS.ProcessEnv = {};
	for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TZ'])
		if (env[name] !== undefined) kept[name] = env[name];
	return kept;
}

const engineResult = z.union([
	z.object({
		status: z.literal('selected'),
		method: z.string(),
		methodUsed: z.string(),
		minProbability: z.number(),
		probabilities: z.array(
			z.object({ id: z.string(), probability: z.number(), lotteryProbability: z.number() })
		),
		lottery: z.object({
			size: z.number(),
			maxDeviation: z.number(),
			panels: z.array(
				z.object({ firstTicket: z.number(), tickets: z.number(), members: z.array(z.string()) })
			),
			sha256: z.string()
		}),
		rerun: z.object({
			inputsHash: z.string(),
			solver: z.string(),
			engineVersion: z.string(),
			timeLimitSeconds: z.number().nullable()
		}),
		notes: z.array(z.string()),
		seconds: z.number()
	}),
	z.object({
		status: z.literal('infeasible'),
		relaxation: z.union([
			z.object({
				isPossible: z.literal(true),
				changes: z.array(
					z.object({
						category: z.string(),
						value: z.string(),
						min: z.number(),
						max: z.number(),
						newMin: z.number(),
						newMax: z.number()
					})
				)
			}),
			z.object({ isPossible: z.literal(false), reason: z.string() })
		]),
		rerun: z.object({ inputsHash: z.string() }),
		notes: z.array(z.string())
	})
]);

type EngineResult = z.infer<typeof engineResult>;

/** Runs the command on the files; reports each progress line; resolves with the parsed JSON. */
async function runEngine(options: {
	people: string;
	features: string;
	args: string[];
	onProgress: (line: { seconds: number; message: string }) => void;
}): Promise<EngineResult> {
	const dir = await mkdtemp(path.join(tmpdir(), 'powershare-panel-'));
	try {
		const peopleFile = path.join(dir, 'people.csv');
		const featuresFile = path.join(dir, 'features.csv');
		await writeFile(peopleFile, options.people, { mode: 0o600 });
		await writeFile(featuresFile, options.features, { mode: 0o600 });
		const args = [
			commandPath(),
			'panel',
			'select',
			'--people',
			peopleFile,
			'--quotas',
			featuresFile,
			...options.args,
			'--json'
		];
		const { stdout, stderr, code } = await new Promise<{
			stdout: string;
			stderr: string;
			code: number | null;
		}>((resolve, reject) => {
			const child = spawn(process.execPath, args, {
				stdio: ['ignore', 'pipe', 'pipe'],
				env: commandEnv()
			});
			let out = '';
			let err = '';
			let partial = '';
			child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
			child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
				err += chunk;
				partial += chunk;
				const lines = partial.split('\n');
				partial = lines.pop() ?? '';
				for (const line of lines) {
					const match = /^\[(\d+(?:\.\d+)?) s\] (.*)$/.exec(line.trim());
					if (match) options.onProgress({ seconds: Number(match[1]), message: match[2]! });
				}
			});
			child.on('error', reject);
			child.on('close', (exitCode) => resolve({ stdout: out, stderr: err, code: exitCode }));
		});
		const start = stdout.indexOf('{');
		if (start < 0)
			throw new Error(
				`the selection command gave no result (exit ${code}): ${stderr.split('\n').filter(Boolean).slice(-1)[0] ?? ''}`
			);
		return engineResult.parse(JSON.parse(stdout.slice(start)));
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

const toNumbers = (ids: string[]) => ids.map(Number);

/** The job handler of `panels.select`. */
export async function runSelectionJob(payload: Record<string, unknown>, ctx: JobContext) {
	const { selectionId } = z.object({ selectionId: z.string() }).parse(payload);
	const selection = await findSelection(ctx.db, selectionId);
	if (!selection || !['queued', 'running'].includes(selection.status)) return { skipped: true };
	await ctx.db
		.update(panelsSelections)
		.set({ status: 'running' })
		.where(eq(panelsSelections.id, selectionId));
	const panel = await findPanel(ctx.db, selection.panelId);
	const pool = poolOf(panel, await listVolunteers(ctx.db, panel.id));
	await ctx.progress({ message: 'starting the selection', seconds: 0 });
	// Progress lines arrive faster than they are worth storing; keep the latest, write in order.
	let writing: Promise<void> = Promise.resolve();
	let latest: { seconds: number; message: string } | undefined;
	const onProgress = (line: { seconds: number; message: string }) => {
		latest = line;
		writing = writing.then(async () => {
			if (!latest) return;
			const next = latest;
			latest = undefined;
			await ctx.progress(next).catch(() => {});
		});
	};
	let result: EngineResult;
	try {
		result = await runEngine({
			people: peopleCsv(pool, { isOnePerHousehold: panel.isOnePerHousehold }),
			features: featuresCsv(pool),
			args: [
				'--size',
				String(panel.panelSize),
				...(panel.isOnePerHousehold ? ['--household', 'household'] : []),
				...(panel.timeLimitSeconds ? ['--time-limit', String(panel.timeLimitSeconds)] : [])
			],
			onProgress
		});
	} catch (error) {
		await writing;
		const message = error instanceof Error ? error.message : String(error);
		log.warn({ err: error, selectionId }, 'selection failed');
		await ctx.db
			.update(panelsSelections)
			.set({ status: 'failed', error: message, finishedAt: new Date() })
			.where(eq(panelsSelections.id, selectionId));
		return { status: 'failed' };
	}
	await writing;
	return storeResult(ctx.db, { selectionId, result });
}

async function storeResult(
	db: JobContext['db'],
	input: { selectionId: string; result: EngineResult }
) {
	const { result } = input;
	if (result.status === 'infeasible') {
		const relaxation: StoredRelaxation = result.relaxation.isPossible
			? { isPossible: true, changes: result.relaxation.changes }
			: { isPossible: false, reason: result.relaxation.reason, changes: [] };
		await db
			.update(panelsSelections)
			.set({
				status: 'infeasible',
				relaxation,
				inputsHash: result.rerun.inputsHash,
				finishedAt: new Date()
			})
			.where(eq(panelsSelections.id, input.selectionId));
		return { status: 'infeasible' };
	}
	const stored: StoredSelection = {
		method: result.method,
		methodUsed: result.methodUsed,
		minProbability: result.minProbability,
		probabilities: result.probabilities.map((p) => [
			Number(p.id),
			p.probability,
			p.lotteryProbability
		]),
		lottery: {
			size: result.lottery.size,
			maxDeviation: result.lottery.maxDeviation,
			panels: result.lottery.panels.map((e) => ({
				firstTicket: e.firstTicket,
				tickets: e.tickets,
				members: toNumbers(e.members)
			}))
		},
		lotterySha256: result.lottery.sha256,
		inputsHash: result.rerun.inputsHash,
		solver: result.rerun.solver,
		engineVersion: result.rerun.engineVersion,
		timeLimitSeconds: result.rerun.timeLimitSeconds,
		notes: result.notes,
		seconds: result.seconds
	};
	// The file the public will download is rebuilt from the stored numbers: it must be the very
	// file whose SHA-256 the engine computed, or the published fingerprint would not check.
	if (lotteryFileOf(stored).sha256 !== result.lottery.sha256) {
		await db
			.update(panelsSelections)
			.set({
				status: 'failed',
				error: 'the stored lottery does not give the SHA-256 the engine computed',
				finishedAt: new Date()
			})
			.where(eq(panelsSelections.id, input.selectionId));
		return { status: 'failed' };
	}
	await db
		.update(panelsSelections)
		.set({
			status: 'done',
			result: stored,
			inputsHash: stored.inputsHash,
			minProbability: stored.minProbability,
			finishedAt: new Date()
		})
		.where(eq(panelsSelections.id, input.selectionId));
	return { status: 'done', lotterySha256: stored.lotterySha256 };
}
