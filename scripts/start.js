#!/usr/bin/env node
// `npm start`: build the app when the build is missing or older than the sources, then run it.
//
//   npm start                         http://localhost:3000 with the demo town on first start
//   PORT=8080 npm start               another port (ORIGIN follows unless set)
//   DATABASE_URL=postgres://… npm start
//
// npm runs this with node_modules/.bin first on PATH, so `node` is the project's own Node 24
// (the `node` devDependency, see docs/decisions/0001-sveltekit-2-and-node-24.md). This file is
// kept to syntax old Node versions can parse, so that on the wrong Node it can say what to do
// instead of failing with a syntax error.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildStale } from './build-freshness.js';

const MINIMUM_NODE_MAJOR = 24;

const major = Number(process.versions.node.split('.')[0]);
if (major < MINIMUM_NODE_MAJOR) {
	console.error(
		`Powershare needs Node ${MINIMUM_NODE_MAJOR} or later but this is Node ${process.versions.node}; ` +
			'the project brings its own Node 24: run `npm install` (without --ignore-scripts), then `npm start` again.'
	);
	process.exit(1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildEntry = path.join(root, 'build', 'index.js');

/**
 * Runs a Node script with this same Node and resolves with its exit code and output. The output
 * is kept rather than shown: a successful build's warnings about dependencies are noise to
 * someone starting the app, and would push the demo accounts off the screen.
 */
function runNode(args) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		const output = [];
		child.stdout.on('data', (chunk) => output.push(chunk));
		child.stderr.on('data', (chunk) => output.push(chunk));
		child.on('close', (code, signal) =>
			resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(output).toString() })
		);
	});
}

if (isBuildStale(root)) {
	console.log('Building Powershare (first start, or the sources changed)…');
	const started = Date.now();
	// Generate .svelte-kit/ first so the build does not warn that tsconfig's base is missing.
	const steps = [
		[path.join(root, 'node_modules', '@sveltejs', 'kit', 'svelte-kit.js'), 'sync'],
		[path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']
	];
	for (const step of steps) {
		const { code, output } = await runNode(step);
		if (code !== 0) {
			process.stderr.write(output);
			console.error('The build failed; see the errors above.');
			process.exit(code);
		}
	}
	console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

const port = process.env.PORT || '3000';
// Listen on loopback unless told otherwise: a dev machine should not expose the demo (and its
// printed passwords) to the local network. Set HOST=0.0.0.0 behind a proxy or in a container.
const host = process.env.HOST || '127.0.0.1';
const origin = process.env.ORIGIN || `http://localhost:${port}`;

const env = {
	...process.env,
	PORT: port,
	HOST: host,
	// adapter-node builds request URLs from ORIGIN; better-auth needs the same base URL to build
	// links and check the origin of sign-in requests.
	ORIGIN: origin,
	BETTER_AUTH_URL: process.env.BETTER_AUTH_URL || origin,
	// adapter-node refuses request bodies over 512 KB by default; an idea may carry a photo of up
	// to 5 MB, and a form post adds its other fields and multipart framing to that.
	BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT || '6M'
};

const server = spawn(process.execPath, [buildEntry], { cwd: root, stdio: 'inherit', env });

let isStopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		isStopping = true;
		// The child may already have this signal from the terminal (Ctrl-C reaches the whole
		// process group); adapter-node's shutdown ignores a second one.
		if (server.exitCode === null) server.kill(signal);
	});
}

server.on('exit', (code, signal) => {
	if (!isStopping && code !== 0)
		console.error(`Powershare stopped (${signal ?? `exit code ${code}`}).`);
	process.exit(code ?? (isStopping ? 0 : 1));
});

/** Waits for /healthz to answer 200, then says where the app is. */
async function announceWhenHealthy() {
	const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
	const url = `http://${probeHost.includes(':') ? `[${probeHost}]` : probeHost}:${port}/healthz`;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline && server.exitCode === null && !isStopping) {
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
			if (response.ok) {
				console.log(`\nPowershare is running at ${origin}\n`);
				return;
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	if (server.exitCode === null && !isStopping) {
		console.error(`Powershare started but ${url} has not answered; see the log above.`);
	}
}

await announceWhenHealthy();
