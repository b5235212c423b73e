/**
 * What a module tells the platform about itself. The app's composition root
 * (`src/lib/server/modules.ts`) lists every module's manifest; `startPlatform` registers their job
 * handlers and place-activity providers, and the demo town lets each add its own demo data.
 */
import type { Executor } from '../db/client';
import type { JobHandlers } from './jobs';
import type { PlaceActivityProvider } from './places/activity';

/** The demo town as modules see it when they add their demo data. */
export type DemoTown = {
	councilId: string;
	/** Place ids by slug (council, wards and neighbourhoods). */
	placeIdBySlug: ReadonlyMap<string, string>;
	/** Organisation ids by slug. */
	organisationIdBySlug: ReadonlyMap<string, string>;
	/** User ids by demo account email. */
	userIdByEmail: ReadonlyMap<string, string>;
};

/** A module's manifest. */
export type ModuleManifest = {
	id: string;
	/** Background job handlers by queue name (`<module>.<verb>`). */
	jobHandlers?: JobHandlers;
	/** What the module shows under "What is happening here" on place pages. */
	placeActivity?: PlaceActivityProvider;
	/** Adds the module's demo data, inside the demo town's transaction. Must be deterministic. */
	seedDemo?: (db: Executor, town: DemoTown) => Promise<void>;
	/** Runs once when the server starts, after the job worker (e.g. to queue a recurring job). */
	onStart?: (db: Executor) => Promise<void>;
};
