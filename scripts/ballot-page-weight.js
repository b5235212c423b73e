#!/usr/bin/env node
/**
 * The ballot page's weight: starts the production build on a throwaway PGlite with the demo town,
 * loads the demo's ballot page (/budgeting/<id>/vote) in Chromium with JavaScript on, and prints,
 * for the document and every stylesheet and script it loaded, each one's size raw and gzip-compressed (level 9), and
 * the totals, against the goal of 60 kB compressed. Builds the app first when build/ is missing
 * or older than the sources.
 *
 *   npm run bench:ballot-page -- [--port 4185]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isBuildStale } from './build-freshness.js';
import { gzipSync } from 'node:zlib';

const { values: args } = parseArgs({ options: { port: { type: 'string', default: '4185' } } });
const origin = `http://127.0.0.1:${args.port}`;
const processId = createHash('sha256')
	.update('ashbrook-demo:budgeting-voting:process')
	.digest('hex')
	.slice(0, 32);
if (isBuildStale(process.cwd()) && spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' }).status)
	throw new Error('the build failed');
const dataDir = mkdtempSync(join(tmpdir(), 'powershare-weight-'));
const server = spawn('node', ['build/index.js'], {
	env: {
		...process.env,
		PORT: args.port,
		HOST: '127.0.0.1',
		ORIGIN: origin,
		BETTER_AUTH_SECRET: randomBytes(32).toString('hex'),
		POWERSHARE_DEMO: '1',
		POWERSHARE_DATA_DIR: dataDir,
		DATABASE_URL: ''
	},
	stdio: 'ignore'
});
try {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			// Starting.
		}
		if (i > 1200) throw new Error('the server did not start');
		await new Promise((r) => setTimeout(r, 100));
	}
	const pageUrl = `${origin}/budgeting/${processId}/vote`;
	// Chromium loads the page as a visitor's browser would, scripts and all; every response of a
	// stylesheet, script or document is counted.
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox']
	});
	const rows = [];
	try {
		const page = await browser.newPage();
		const pending = [];
		page.on('response', (response) => {
			const type = response.request().resourceType();
			if (['document', 'stylesheet', 'script'].includes(type))
				pending.push(
					response.body().then((body) => [`${type} ${new URL(response.url()).pathname}`, body])
				);
		});
		await page.goto(pageUrl);
		await page.waitForLoadState('networkidle');
		rows.push(...(await Promise.all(pending)));
	} finally {
		await browser.close();
	}
	let raw = 0;
	let gz = 0;
	for (const [name, body] of rows) {
		const z = gzipSync(body, { level: 9 }).length;
		raw += body.length;
		gz += z;
		console.log(
			`${(z / 1024).toFixed(1).padStart(7)} kB gz ${(body.length / 1024).toFixed(1).padStart(7)} kB  ${name}`
		);
	}
	console.log(
		`${(gz / 1024).toFixed(1).padStart(7)} kB gz ${(raw / 1024).toFixed(1).padStart(7)} kB  total (${rows.length} responses; fonts and images not counted)`
	);
	console.log(`goal (under 60 kB compressed): ${gz < 60 * 1024 ? 'met' : 'not met'}`);
} finally {
	server.kill('SIGTERM');
	await new Promise((r) => server.once('exit', r));
	rmSync(dataDir, { recursive: true, force: true });
}
