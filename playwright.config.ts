import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// POWERSHARE_E2E_PORT lets two runs on one machine (say, a clone's CI run) keep out of each other's way.
const port = Number(process.env.POWERSHARE_E2E_PORT) || 4173;
const origin = `http://127.0.0.1:${port}`;

// Playwright loads this file in the runner and again in each worker. The runner creates the data
// directory and the secret once and leaves them in its environment, which the workers inherit, so
// every process agrees on one server and the runner alone removes the directory when it exits.
if (!process.env.POWERSHARE_E2E_DATA_DIR) {
	const dataDir = mkdtempSync(join(tmpdir(), 'powershare-e2e-'));
	process.env.POWERSHARE_E2E_DATA_DIR = dataDir;
	process.env.POWERSHARE_E2E_AUTH_SECRET = randomBytes(32).toString('hex');
	// One password for every demo account, known to the journeys that sign in as them.
	process.env.POWERSHARE_DEMO_PASSWORD ??= randomBytes(12).toString('base64url');
	process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
}

/** Environment of the server under test. `undefined` removes a variable inherited from the shell. */
const serverEnv: Record<string, string | undefined> = {
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	POWERSHARE_DATA_DIR: process.env.POWERSHARE_E2E_DATA_DIR,
	POWERSHARE_DEMO: '1',
	POWERSHARE_DEMO_PASSWORD: process.env.POWERSHARE_DEMO_PASSWORD,
	// A secret for this run only; sessions signed with it are worthless anywhere else.
	BETTER_AUTH_SECRET: process.env.POWERSHARE_E2E_AUTH_SECRET,
	MAIL_TRANSPORT: 'outbox',
	// As `npm start` sets it: room for an idea's photo (5 MB) and the rest of its form.
	BODY_SIZE_LIMIT: '6M',
	// The embedded database (PGlite) unless E2E_DATABASE_URL names a PostgreSQL server; a
	// DATABASE_URL from the developer's shell must never point the tests at their own database.
	DATABASE_URL: process.env.E2E_DATABASE_URL
};

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	fullyParallel: false,
	// Two cores: one worker next to the server is as fast as it gets and keeps timings stable.
	workers: 1,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	reporter: 'list',
	// Generous: a journey of many pages with axe checks on a busy 2-core machine can take a minute.
	timeout: 90_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: origin,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		browserName: 'chromium',
		launchOptions: {
			// Debian's Chromium; Playwright never downloads a browser of its own here.
			executablePath: '/usr/bin/chromium',
			// The background-networking flags stop Chromium calling home, which the machine's
			// closed network refuses many times a second.
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	webServer: {
		// The production build, as deployed: run `npm run build` first (`npm test` does).
		command: 'node build/index.js',
		url: `${origin}/`,
		env: serverEnv as Record<string, string>,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe'
	}
});
