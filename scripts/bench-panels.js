#!/usr/bin/env node
// Times the panel selection engine (LEXIMIN and MAXIMIN on HiGHS) on the shared sortition
// instances and on synthetic pools generated here with a seeded generator, printing for each run
// the wall time, the CPU time of this process (the machine may be shared, so wall time alone is
// noisy), the 1-minute load average when the run ended, the lowest selection probability, the
// number of panels in the distribution, the LEXIMIN stages and the MIP (oracle) solves.
//
//   npm run bench:panels                                   every instance, both methods
//   npm run bench:panels -- --time-limit 120               stop each run after 120 s (default 300)
//   npm run bench:panels -- --methods leximin synth_1000_40 gen_1000_40
//
// A run that reaches its time limit falls back to MAXIMIN and is marked "(limit)". The shared data
// lives beside the repository in ../shared/data/sortition (never copied into it).
import { readFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const dataDir = path.resolve(repoRoot, '../shared/data/sortition');
const core = await tsImport('../src/lib/core/sortition/index.ts', import.meta.url);

const args = process.argv.slice(2);
let timeLimit = 300;
let methods = ['leximin', 'maximin'];
const only = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--time-limit') timeLimit = Number(args[++i]);
	else if (args[i] === '--methods') methods = args[++i].split(',');
	else only.push(args[i]);
}

/** Population shares for the synthetic pools (invented, roughly like an English district). */
const POPULATION = {
	gender: { Female: 0.51, Male: 0.48, Other: 0.01 },
	age: { '16-24': 0.13, '25-34': 0.17, '35-44': 0.16, '45-54': 0.17, '55-64': 0.15, '65+': 0.22 },
	area: Object.fromEntries(Array.from({ length: 8 }, (_, w) => [`Ward${w + 1}`, 1 / 8])),
	ethnicity: {
		'White British': 0.72,
		'White other': 0.08,
		Asian: 0.1,
		Black: 0.05,
		'Mixed/other': 0.05
	},
	tenure: { Owner: 0.6, 'Social rent': 0.17, 'Private rent': 0.2, Other: 0.03 },
	disability: { Yes: 0.18, No: 0.82 }
};
/** How much more likely each value is to volunteer: older owners and White British reply more. */
const RESPONSE = {
	age: { '16-24': 0.5, '25-34': 0.7, '35-44': 0.9, '45-54': 1.1, '55-64': 1.4, '65+': 1.8 },
	ethnicity: {
		'White British': 1.2,
		'White other': 0.8,
		Asian: 0.7,
		Black: 0.6,
		'Mixed/other': 0.8
	},
	tenure: { Owner: 1.4, 'Social rent': 0.6, 'Private rent': 0.6, Other: 0.8 }
};

/** A synthetic pool of n volunteers; quotas are floor/ceil of population share × k. */
function generatePool(n, k, seed) {
	const random = core.createRandom(seed);
	const pick = (shares) => {
		const entries = Object.entries(shares);
		const total = entries.reduce((s, [, w]) => s + w, 0);
		let x = random.next() * total;
		for (const [value, w] of entries) if ((x -= w) < 0) return value;
		return entries[entries.length - 1][0];
	};
	const categories = Object.keys(POPULATION);
	const skewed = Object.fromEntries(
		categories.map((c) => [
			c,
			Object.fromEntries(
				Object.entries(POPULATION[c]).map(([v, s]) => [v, s * (RESPONSE[c]?.[v] ?? 1)])
			)
		])
	);
	const people = Array.from({ length: n }, (_, i) => ({
		id: `g${i}`,
		features: Object.fromEntries(categories.map((c) => [c, pick(skewed[c])]))
	}));
	const quotas = categories.flatMap((c) =>
		Object.entries(POPULATION[c]).map(([value, share]) => ({
			category: c,
			value,
			min: Math.floor(share * k),
			max: Math.ceil(share * k)
		}))
	);
	return { categories, quotas, people };
}

function readInstance(quotasFile, peopleFile) {
	const result = core.readPool({
		quotas: { name: quotasFile, text: readFileSync(quotasFile, 'utf8') },
		people: { name: peopleFile, text: readFileSync(peopleFile, 'utf8') }
	});
	if (!result.ok) throw new Error(result.problems.map(core.formatProblem).join('\n'));
	return result.pool;
}

const paper = (dir) => () =>
	readInstance(
		path.join(dataDir, dir, 'categories.csv'),
		path.join(dataDir, dir, 'respondents.csv')
	);
const INSTANCES = [
	{
		name: 'example_small_20',
		k: 20,
		load: paper('flanigan-replication/example_small_20'),
		isShared: true
	},
	{
		name: 'sa_fixture_22',
		k: 22,
		load: () =>
			readInstance(
				path.join(dataDir, 'sortition-algorithms-fixtures/features.csv'),
				path.join(dataDir, 'sortition-algorithms-fixtures/candidates.csv')
			),
		isShared: true
	},
	{ name: 'synth_300_30', k: 30, load: paper('synthetic/synth_300_30'), isShared: true },
	{ name: 'synth_1000_40', k: 40, load: paper('synthetic/synth_1000_40'), isShared: true },
	{
		name: 'example_large_200',
		k: 200,
		load: paper('flanigan-replication/example_large_200'),
		isShared: true
	},
	{ name: 'gen_300_30', k: 30, load: () => generatePool(300, 30, 'bench-300') },
	{ name: 'gen_1000_40', k: 40, load: () => generatePool(1000, 40, 'bench-1000') },
	{ name: 'gen_2000_110', k: 110, load: () => generatePool(2000, 110, 'bench-2000') }
];

const solver = await core.loadHighsSolver();
const hasData = existsSync(dataDir);
if (!hasData) console.warn(`${dataDir} not found: running the generated pools only`);
console.log(`solver ${solver.name}; time limit ${timeLimit} s per run\n`);
console.log(
	[
		'instance'.padEnd(18),
		'n'.padStart(5),
		'k'.padStart(4),
		'method'.padEnd(8),
		'time s'.padStart(8),
		'cpu s'.padStart(7),
		'load'.padStart(5),
		'min prob'.padStart(9),
		'panels'.padStart(7),
		'stages'.padStart(7),
		'MIPs'.padStart(6),
		'  result'
	].join(' ')
);
for (const instance of INSTANCES) {
	if (only.length > 0 && !only.includes(instance.name)) continue;
	if (instance.isShared && !hasData) continue;
	const pool = instance.load();
	const problem = core.buildProblem(pool, instance.k);
	for (const method of methods) {
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		const cpu = () => {
			const used = process.cpuUsage(cpuStarted);
			return ((used.user + used.system) / 1e6).toFixed(1).padStart(7);
		};
		const load = () => loadavg()[0].toFixed(1).padStart(5);
		let row;
		try {
			const fair = core.findFairDistribution({
				problem,
				solver,
				objective: method,
				now: () => performance.now(),
				deadline: started + timeLimit * 1000
			});
			const seconds = (performance.now() - started) / 1000;
			const min = Math.min(...fair.probabilities);
			// Checks that cost nothing next to the solve: probabilities add up to k, every panel is valid.
			const sum = fair.probabilities.reduce((a, b) => a + b, 0);
			const invalid = fair.distribution.panels.filter(
				(panel) => core.panelViolations(problem, panel).length > 0
			).length;
			const checks =
				Math.abs(sum - instance.k) < 1e-6 && invalid === 0
					? ''
					: ` CHECK FAILED (sum ${sum}, ${invalid} invalid panels)`;
			const result = `${fair.isComplete ? fair.achieved : `${fair.achieved} (limit)`}${checks}`;
			row = [
				seconds.toFixed(1).padStart(8),
				cpu(),
				load(),
				`${(min * 100).toFixed(2)}%`.padStart(9),
				String(fair.distribution.panels.length).padStart(7),
				String(fair.stages).padStart(7),
				String(fair.oracleCalls).padStart(6),
				`  ${result}`
			];
		} catch (error) {
			row = [
				((performance.now() - started) / 1000).toFixed(1).padStart(8),
				cpu(),
				load(),
				'-'.padStart(9),
				'-'.padStart(7),
				'-'.padStart(7),
				'-'.padStart(6),
				`  failed: ${error.message}`
			];
		}
		console.log(
			[
				instance.name.padEnd(18),
				String(problem.n).padStart(5),
				String(instance.k).padStart(4),
				method.padEnd(8),
				...row
			].join(' ')
		);
	}
}
