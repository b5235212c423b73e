#!/usr/bin/env node
/**
 * `npm run bench:ballots`: casts ballots over HTTP against the production build, with voting
 * codes, from many concurrent clients, and checks that every acknowledged ballot was stored
 * exactly once. Runs on PostgreSQL (a fresh database on the server at 127.0.0.1:5432, or
 * BENCH_DATABASE_URL's server, dropped afterwards) and then on PGlite (a temporary directory).
 *
 *   npm run bench:ballots -- [--ballots 20000] [--clients 50] [--replays 1000]
 *                            [--engines postgres,pglite]
 *
 * Besides one ballot per code, `--replays` codes are sent a second time, right after their
 * first use, so that the two requests race each other from different clients, as a double
 * click or a shared letter would. Prints ballots per second, p50/p99/max latency, refusals, the
 * goals (at least 500 ballots/s on PostgreSQL with p99 under 250 ms), and the integrity check:
 * every code acknowledged exactly once (so every replay refused, and no first use refused),
 * ballots and participations counted in the database equal to the acknowledgements, every
 * receipt found once, no code or receipt in the server's log. Exits non-zero when the integrity
 * check fails (not when a speed goal is missed). Builds the app first when build/ is missing or
 * older than the sources.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { isBuildStale } from './build-freshness.js';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';

const { values: args } = parseArgs({
	options: {
		ballots: { type: 'string', default: '20000' },
		clients: { type: 'string', default: '50' },
		replays: { type: 'string', default: '1000' },
		engines: { type: 'string', default: 'postgres,pglite' },
		port: { type: 'string', default: '4184' }
	}
});
const ballots = Number(args.ballots);
const clients = Number(args.clients);
const replays = Number(args.replays);
const port = Number(args.port);
const origin = `http://127.0.0.1:${port}`;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function run(command, argv, env = {}) {
	const result = spawnSync(command, argv, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed`);
}

function withDatabase(url, name) {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

const normalise = (code) => code.toUpperCase().replace(/[\s-]/g, '');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

async function waitForServer(child) {
	for (let i = 0; i < 600; i++) {
		if (child.exitCode !== null) throw new Error('the server stopped while starting');
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.ok) return;
		} catch (error) {
			// Not listening yet.
			if (process.env.BENCH_DEBUG) console.error(error);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the server did not start');
}

/** A knapsack ballot within the budget: two or three projects chosen at random. */
function randomBallot(setup) {
	const ids = [];
	let spent = 0;
	const order = [...setup.projects].sort(() => Math.random() - 0.5);
	for (const p of order) {
		if (ids.length >= 3) break;
		if (spent + p.costPence <= setup.budgetPence) {
			ids.push(p.id);
			spent += p.costPence;
		}
	}
	return ids;
}

/**
 * The requests to send: every code once, and `replays` of them (spread evenly) a second time
 * straight after the first, so the two are in flight together.
 */
function requestsOf(codes) {
	const every = replays > 0 ? Math.max(1, Math.floor(codes.length / replays)) : Infinity;
	const requests = [];
	let replayed = 0;
	codes.forEach((code, i) => {
		requests.push(code);
		if (replayed < replays && i % every === 0) {
			requests.push(code);
			replayed++;
		}
	});
	return { requests, replayed };
}

async function cast(setup) {
	const latencies = [];
	const receipts = [];
	const refusals = new Map();
	const acknowledged = new Map();
	const { requests, replayed } = requestsOf(setup.codes);
	let next = 0;
	async function client() {
		for (;;) {
			const i = next++;
			if (i >= requests.length) return;
			const code = requests[i];
			const body = new URLSearchParams();
			for (const id of randomBallot(setup)) body.append('projects', id);
			body.set('code', code);
			const started = performance.now();
			let status = 0;
			let cookie = '';
			try {
				const response = await fetch(`${origin}/budgeting/${setup.processId}/vote`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						// As a browser's form post: HTML, not the JSON SvelteKit gives its own scripts.
						accept: 'text/html,application/xhtml+xml',
						// SvelteKit refuses cross-site form posts: a browser sends its origin.
						origin
					},
					body
				});
				status = response.status;
				cookie = response.headers.get('set-cookie') ?? '';
				await response.arrayBuffer();
			} catch (error) {
				status = `error ${error.cause?.code ?? error.message}`;
			}
			latencies.push(performance.now() - started);
			const receipt = /ps_receipt=([^;]+)/.exec(cookie)?.[1];
			if (status === 303 && receipt) {
				receipts.push(decodeURIComponent(receipt));
				acknowledged.set(code, (acknowledged.get(code) ?? 0) + 1);
			} else refusals.set(String(status), (refusals.get(String(status)) ?? 0) + 1);
		}
	}
	const started = performance.now();
	await Promise.all(Array.from({ length: clients }, client));
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
	const codesOnce = setup.codes.filter((c) => acknowledged.get(c) === 1).length;
	const codesTwice = setup.codes.filter((c) => (acknowledged.get(c) ?? 0) > 1).length;
	return {
		seconds,
		requests: requests.length,
		replayed,
		receipts,
		refusals,
		codesOnce,
		codesTwice,
		p50: at(0.5),
		p99: at(0.99),
		max: latencies.at(-1)
	};
}

async function verify(engine, databaseUrl, dataDir, setup, receipts) {
	let query, close;
	if (engine === 'postgres') {
		const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
		query = (text, params) => sql.unsafe(text, params);
		close = () => sql.end();
	} else {
		const { PGlite } = await import('@electric-sql/pglite');
		const db = new PGlite(join(dataDir, 'pglite'));
		query = async (text, params) => (await db.query(text, params)).rows;
		close = () => db.close();
	}
	try {
		const [b] = await query(
			'select count(*)::int as n from budgeting_ballots where process_id = $1',
			[setup.processId]
		);
		const [p] = await query(
			'select count(*)::int as n from budgeting_participations where process_id = $1',
			[setup.processId]
		);
		const stored = await query('select receipt_hash from budgeting_ballots where process_id = $1', [
			setup.processId
		]);
		const hashes = new Map();
		for (const r of stored) hashes.set(r.receipt_hash, (hashes.get(r.receipt_hash) ?? 0) + 1);
		let lost = 0;
		let duplicated = 0;
		for (const receipt of receipts) {
			const n = hashes.get(sha256(normalise(receipt))) ?? 0;
			if (n === 0) lost++;
			if (n > 1) duplicated++;
		}
		return { ballots: b.n, participations: p.n, lost, duplicated };
	} finally {
		await close();
	}
}

async function bench(engine) {
	const work = mkdtempSync(join(tmpdir(), 'powershare-bench-ballots-'));
	const setupFile = join(work, 'setup.json');
	const name = `powershare_bench_${randomBytes(4).toString('hex')}`;
	const admin = engine === 'postgres' ? postgres(serverUrl, { max: 1, onnotice: () => {} }) : null;
	const databaseUrl = engine === 'postgres' ? withDatabase(serverUrl, name) : undefined;
	let server;
	try {
		if (admin) await admin.unsafe(`create database ${name}`);
		const dbEnv = databaseUrl
			? { DATABASE_URL: databaseUrl }
			: { BENCH_PGLITE_DIR: join(work, 'pglite') };
		const t0 = performance.now();
		run('npx', ['tsx', 'scripts/bench-ballots-setup.ts', setupFile, String(ballots)], dbEnv);
		const setup = JSON.parse(readFileSync(setupFile, 'utf8'));
		console.log(
			`${engine}: ${setup.codes.length} codes made in ${((performance.now() - t0) / 1000).toFixed(1)} s`
		);

		let log = '';
		server = spawn('node', ['build/index.js'], {
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				BETTER_AUTH_URL: origin,
				BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
				POWERSHARE_DEMO: '0',
				MAIL_TRANSPORT: 'outbox',
				DATABASE_URL: databaseUrl ?? '',
				POWERSHARE_DATA_DIR: work
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		server.stdout.on('data', (d) => (log += d));
		server.stderr.on('data', (d) => (log += d));
		await waitForServer(server).catch((error) => {
			throw new Error(`${error.message}:\n${log}`);
		});

		const load = loadavg()[0].toFixed(2);
		const result = await cast(setup);
		server.kill('SIGTERM');
		await new Promise((r) => server.once('exit', r));
		server = null;
		const check = await verify(engine, databaseUrl, work, setup, result.receipts);
		const leaked =
			setup.codes.filter((c) => log.includes(c) || log.includes(normalise(c))).length +
			result.receipts.filter((r) => log.includes(r)).length;

		const rate = result.receipts.length / result.seconds;
		const refused = [...result.refusals.values()].reduce((a, b) => a + b, 0);
		const isGoalMet = rate >= 500 && result.p99 < 250;
		console.log(
			[
				`${engine}: ${result.receipts.length} ballots acknowledged of ${setup.codes.length} codes, ${result.requests} requests (${result.replayed} codes sent twice at once) from ${clients} clients in ${result.seconds.toFixed(1)} s`,
				`  ${rate.toFixed(0)} ballots/s (${(result.requests / result.seconds).toFixed(0)} requests/s); latency p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`,
				`  refused or failed: ${[...result.refusals].map(([s, n]) => `${n} × ${s}`).join(', ') || 'none'}`,
				`  codes acknowledged exactly once: ${result.codesOnce} of ${setup.codes.length}; more than once: ${result.codesTwice}`,
				`  stored: ${check.ballots} ballots, ${check.participations} participations; lost ${check.lost}, duplicated ${check.duplicated}`,
				`  codes or receipts in the server log: ${leaked}`,
				`  goal (≥ 500 ballots/s, p99 < 250 ms): ${isGoalMet ? 'met' : 'not met'}`,
				`  load average before the run: ${load} on ${cpus().length} cores`
			].join('\n')
		);
		const ok =
			result.codesOnce === setup.codes.length &&
			result.codesTwice === 0 &&
			refused === result.replayed &&
			check.lost === 0 &&
			check.duplicated === 0 &&
			check.ballots === result.receipts.length &&
			check.participations === result.receipts.length &&
			leaked === 0;
		if (!ok) {
			console.error(`${engine}: INTEGRITY CHECK FAILED`);
			process.exitCode = 1;
		}
	} finally {
		if (server) server.kill('SIGTERM');
		if (admin) {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
		rmSync(work, { recursive: true, force: true });
	}
}

if (isBuildStale(process.cwd())) run('npx', ['vite', 'build']);
for (const engine of args.engines.split(',')) await bench(engine);
