#!/usr/bin/env node
// Times the counting engine on the largest shared Pabulib files: for each file and rule variant,
// how long reading the file takes, how long the count takes, and the peak memory of the process.
//
// Each (file, rule) pair runs in a child process of its own, so the peak resident set size
// (process.resourceUsage().maxRSS) belongs to that count alone and a slow rule can be stopped
// without losing the rest of the table.
//
//   npm run bench:count                                  every file, every rule, 120 s limit each
//   npm run bench:count -- --timeout 60                  stop each count after 60 s
//   npm run bench:count -- --rules greedy,mes-cost Poland_Lodz_2022
//
// The data lives beside the repository in ../shared/data/pabulib (never copied into it).
import { execFile } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const dataDir = path.resolve(repoRoot, '../shared/data/pabulib');

const FILES = [
	'Poland_Lodz_2022',
	'Poland_Warszawa_2026',
	'Hungary_Budapest_2024',
	'Poland_Wroclaw_2015_150_-_500'
];

/** Rule variants, in table order. `parse-only` measures reading alone, as a baseline. */
const VARIANTS = {
	'parse-only': null,
	greedy: { rule: 'greedy', tieBreak: 'id' },
	'greedy-no-skip': { rule: 'greedy', tieBreak: 'id', noSkip: true },
	'mes-cost': { rule: 'mes', tieBreak: 'id', utility: 'cost', completion: 'none' },
	'mes-approval': { rule: 'mes', tieBreak: 'id', utility: 'approval', completion: 'none' },
	// The Pabulib checker's equalshares/add1: whole-unit start, ties by lower cost then votes.
	'mes-cost-add1': {
		rule: 'mes',
		tieBreak: 'cost-votes-id',
		utility: 'cost',
		completion: 'add1',
		integralStart: true
	},
	// equalshares.net's default: add1 until exhaustive, then a utilitarian completion.
	'mes-add1-exhaustive-utilitarian': {
		rule: 'mes',
		tieBreak: 'votes-cost-id',
		utility: 'cost',
		completion: 'add1',
		exhaustiveStop: true,
		utilitarianCompletion: true
	},
	phragmen: { rule: 'phragmen', tieBreak: 'id' }
};

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4]);
else await main(process.argv.slice(2));

/** Runs one (file, variant) and prints its measurements as one JSON line. */
async function child(file, variant) {
	const { tsImport } = await import('tsx/esm/api');
	const pabulib = await tsImport('../src/lib/core/counting/pabulib.ts', import.meta.url);
	const counting = await tsImport('../src/lib/core/counting/index.ts', import.meta.url);
	const startRss = process.resourceUsage().maxRSS;

	let t = performance.now();
	let cpu = process.cpuUsage();
	const { election } = await pabulib.parsePabulibChunks(
		createReadStream(file, { encoding: 'utf8' }),
		path.basename(file)
	);
	const parseMs = performance.now() - t;
	const parseCpuMs = cpuMs(process.cpuUsage(cpu));

	let countMs = null;
	let countCpuMs = null;
	let selected = null;
	let totalCost = null;
	const options = VARIANTS[variant];
	if (options) {
		const opts = { ...options };
		t = performance.now();
		cpu = process.cpuUsage();
		const instance = counting.toInstance(election);
		const result = counting.count(instance, opts);
		countMs = performance.now() - t;
		countCpuMs = cpuMs(process.cpuUsage(cpu));
		selected = result.selected.length;
		totalCost = result.totalCost.toString();
	}
	const line = {
		voters: election.voters.length,
		projects: election.projects.length,
		parseMs,
		parseCpuMs,
		countMs,
		countCpuMs,
		selected,
		totalCost,
		startRssKb: startRss,
		maxRssKb: process.resourceUsage().maxRSS
	};
	process.stdout.write(JSON.stringify(line) + '\n');
}

/** CPU time (user + system) in milliseconds; steadier than wall time on a shared machine. */
function cpuMs(usage) {
	return (usage.user + usage.system) / 1000;
}

function runChild(file, variant, timeoutSeconds) {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[fileURLToPath(import.meta.url), '--child', file, variant],
			{ timeout: timeoutSeconds * 1000, maxBuffer: 1 << 20 },
			(error, stdout, stderr) => {
				if (error) {
					resolve({
						error: error.killed
							? `stopped after ${timeoutSeconds} s`
							: firstLine(stderr) || error.message
					});
					return;
				}
				try {
					resolve(JSON.parse(stdout.trim().split('\n').pop()));
				} catch {
					resolve({ error: firstLine(stderr) || 'no result' });
				}
			}
		);
	});
}

function firstLine(text) {
	return (text || '')
		.split('\n')
		.find((l) => l.trim() !== '')
		?.trim()
		.slice(0, 80);
}

async function main(args) {
	let timeoutSeconds = 120;
	let variants = Object.keys(VARIANTS);
	const files = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--timeout') timeoutSeconds = Number(args[++i]);
		else if (args[i] === '--rules')
			variants = ['parse-only', ...args[++i].split(',').filter((v) => v !== 'parse-only')];
		else if (args[i] === '--help' || args[i] === '-h') {
			console.log(
				'Usage: npm run bench:count -- [--timeout SECONDS] [--rules a,b,…] [file names…]'
			);
			console.log(`Rules: ${Object.keys(VARIANTS).join(', ')}`);
			return;
		} else files.push(args[i].replace(/\.pb$/, ''));
	}
	const unknown = variants.filter((v) => !(v in VARIANTS));
	if (unknown.length > 0 || !(timeoutSeconds > 0)) {
		console.error(
			unknown.length > 0
				? `unknown rule variants: ${unknown.join(', ')}`
				: '--timeout needs a number of seconds'
		);
		process.exitCode = 2;
		return;
	}
	if (!existsSync(dataDir)) {
		console.error(`bench:count needs the shared Pabulib files in ${dataDir}`);
		process.exitCode = 1;
		return;
	}

	console.log(
		`Node ${process.version}; each row is a separate process; counts stop after ${timeoutSeconds} s.`
	);
	console.log(
		'Peak RSS includes the baseline of loading Node, tsx and the engine (the "start" column);'
	);
	const header = [
		'file',
		'rule',
		'voters',
		'parse s',
		'parse cpu',
		'count s',
		'count cpu',
		'start MB',
		'peak MB',
		'winners',
		'total cost'
	];
	const right = [false, false, true, true, true, true, true, true, true, true, true];
	const rows = [];
	const widths = header.map((h) => h.length);
	widths[0] = Math.max(widths[0], ...(files.length ? files : FILES).map((f) => f.length));
	widths[1] = Math.max(widths[1], ...variants.map((v) => v.length));
	const print = (cells) =>
		console.log(
			cells
				.map((c, k) => (right[k] ? String(c).padStart(widths[k]) : String(c).padEnd(widths[k])))
				.join('  ')
		);
	const fixed = [0, 0, 8, 7, 9, 7, 9, 8, 8, 7, 14];
	fixed.forEach((w, k) => (widths[k] = Math.max(widths[k], w)));
	console.log('"cpu" is user + system CPU time, steadier than wall time on a busy machine.\n');
	print(header);
	print(widths.map((w) => '-'.repeat(w)));

	for (const name of files.length ? files : FILES) {
		const file = path.join(dataDir, `${name}.pb`);
		if (!existsSync(file)) {
			print([name, '-', '', '', '', '', '', '', '', '', 'file not found']);
			continue;
		}
		for (const variant of variants) {
			const r = await runChild(file, variant, timeoutSeconds);
			const row = r.error
				? [name, variant, '', '', '', '', '', '', '', '', r.error]
				: [
						name,
						variant,
						r.voters.toLocaleString('en-GB'),
						(r.parseMs / 1000).toFixed(2),
						(r.parseCpuMs / 1000).toFixed(2),
						r.countMs === null ? '-' : (r.countMs / 1000).toFixed(2),
						r.countCpuMs === null ? '-' : (r.countCpuMs / 1000).toFixed(2),
						(r.startRssKb / 1024).toFixed(0),
						(r.maxRssKb / 1024).toFixed(0),
						r.selected ?? '-',
						r.totalCost ?? '-'
					];
			rows.push(row);
			print(row);
		}
	}
}
