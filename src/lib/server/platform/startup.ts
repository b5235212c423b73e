/**
 * Starting and stopping the platform in a server process. `startPlatform()` is called once by
 * the `init` hook in `src/hooks.server.ts`, before the first request:
 *
 * 1. open the database and apply migrations (PGlite under ./data, or DATABASE_URL);
 * 2. on an empty database, create the Ashbrook demo town and print its accounts (see
 *    {@link isDemoEnabled});
 * 3. start the background job worker with the handlers in {@link jobHandlers};
 * 4. on SIGTERM or SIGINT, stop the worker, and close the database once the HTTP server has
 *    finished its last request.
 */
import { building } from '$app/environment';
import type { EventEmitter } from 'node:events';
import { count, inArray } from 'drizzle-orm';
import { getDatabaseHandle, closeDatabase } from '../db/index';
import type { DatabaseHandle } from '../db/client';
import { demoAccounts, formatDemoCredentials, generateDemoTown } from './demo/generate-demo-town';
import { jobHandlers } from './job-handlers';
import type { ModuleManifest } from './module-manifest';
import { placeActivityProviders } from './places/activity';
import { startWorker } from './jobs';
import { childLogger } from './logger';
import { platformPlaces, platformUsers } from './schema';

export { jobHandlers, queueMail } from './job-handlers';

const log = childLogger({ component: 'startup' });

let starting: Promise<void> | undefined;
let stopWorker: (() => Promise<void>) | undefined;

/**
 * Opens and migrates the database, creates the demo town on an empty database and starts the
 * job worker. Safe to call more than once: later calls wait for the first.
 */
export function startPlatform(
	options: { modules?: readonly ModuleManifest[] } = {}
): Promise<void> {
	if (building) return Promise.resolve();
	starting ??= start(options.modules ?? []).catch((error: unknown) => {
		starting = undefined;
		throw error;
	});
	return starting;
}

async function start(modules: readonly ModuleManifest[]): Promise<void> {
	const startedAt = Date.now();
	registerModules(modules);
	const handle = await getDatabaseHandle();
	log.info({ engine: handle.engine }, 'database open and migrated');

	if (isDemoEnabled()) await seedDemo(handle, modules);

	stopWorker = startWorker(handle.db, jobHandlers, {
		pollMs: Number(process.env.POWERSHARE_JOB_POLL_MS) || 1000
	});
	for (const module of modules) {
		try {
			await module.onStart?.(handle.db);
		} catch (error) {
			log.error({ err: error, module: module.id }, 'module start-up step failed');
		}
	}
	stopOnSignals();
	log.info({ ms: Date.now() - startedAt, queues: Object.keys(jobHandlers) }, 'platform started');
}

/** Adds each module's job handlers and place-activity provider to the platform's registries. */
export function registerModules(modules: readonly ModuleManifest[]): void {
	for (const module of modules) {
		Object.assign(jobHandlers, module.jobHandlers ?? {});
		const provider = module.placeActivity;
		if (provider && !placeActivityProviders.some((p) => p.id === provider.id)) {
			placeActivityProviders.push(provider);
		}
	}
}

/**
 * Whether an empty database gets the demo town. `POWERSHARE_DEMO=0` turns it off and `=1` on;
 * unset, it is on except when `NODE_ENV=production`, so a production server that was not told
 * otherwise never creates accounts with known roles or prints their passwords into its logs.
 */
export function isDemoEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.POWERSHARE_DEMO === '0') return false;
	if (env.POWERSHARE_DEMO === '1') return true;
	return env.NODE_ENV !== 'production';
}

/** Creates the demo town when the database has no places, and says how to sign in. */
async function seedDemo(handle: DatabaseHandle, modules: readonly ModuleManifest[]): Promise<void> {
	const password = process.env.POWERSHARE_DEMO_PASSWORD || undefined;
	if (password && password.length < 8) {
		log.warn(
			'POWERSHARE_DEMO_PASSWORD is shorter than 8 characters; the sign-in form will refuse it'
		);
	}
	const startedAt = Date.now();
	const result = await generateDemoTown(handle.db, { password, modules });
	if (result.isGenerated) {
		log.info({ ms: Date.now() - startedAt }, 'demo town generated');
		// The table goes to the terminal as plain text, not through the JSON logger: it is for the
		// person who just ran `npm start`, and the logger would (rightly) redact the passwords.
		process.stdout.write(
			[
				'',
				'Demo town "Ashbrook" created. Sign in with one of these accounts:',
				'',
				formatDemoCredentials(result.credentials),
				'',
				'These passwords are shown only now. Set POWERSHARE_DEMO_PASSWORD before the first start',
				'to choose one, or delete the data folder and start again for new ones.',
				'Set POWERSHARE_DEMO=0 in production.',
				'',
				''
			].join('\n')
		);
		return;
	}
	const [demo] = await handle.db
		.select({ n: count() })
		.from(platformUsers)
		.where(
			inArray(
				platformUsers.email,
				demoAccounts.map((a) => a.email)
			)
		);
	const [places] = await handle.db.select({ n: count() }).from(platformPlaces);
	if ((demo?.n ?? 0) > 0) {
		log.info(
			{ accounts: demoAccounts.map((a) => a.email) },
			'demo accounts exist; their passwords were printed on first start'
		);
	} else {
		log.info({ places: places?.n ?? 0 }, 'places exist; no demo town created');
	}
}

let isStopping = false;

/**
 * Stops background work on SIGTERM or SIGINT. Under adapter-node, which shuts its HTTP server
 * down on the same signals, the database stays open until the last request has finished
 * (`sveltekit:shutdown`); with nothing else listening for the signal, this stops the process.
 */
function stopOnSignals(): void {
	const onSignal = async (signal: NodeJS.Signals) => {
		if (isStopping) return;
		isStopping = true;
		const isServerShuttingDown = process.listenerCount(signal) > 0;
		log.info({ signal }, 'stopping the job worker');
		await stopWorker?.();
		if (!isServerShuttingDown) {
			await closeDatabase();
			process.exit(0);
		}
	};
	process.once('SIGTERM', onSignal);
	process.once('SIGINT', onSignal);
	// adapter-node emits this once its HTTP server has closed; it is not one of Node's own events.
	(process as EventEmitter).once('sveltekit:shutdown', async () => {
		await stopWorker?.();
		await closeDatabase();
		log.info('database closed');
	});
}
