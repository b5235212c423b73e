import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { budgetingProjects } from '../schema';

const rank = { on_ballot: 0, draft: 1, withdrawn: 2 } as const;

/**
 * Numbers a process's projects 1..n in ballot order: the projects on the ballot first, in the
 * order they already had, then those being costed, then withdrawn ones. The number is the order
 * on the ballot paper and the Pabulib `project_id`, so the ballot reads 1, 2, 3… with no gaps.
 * Two steps, because (process, number) is unique and a swap would collide half way.
 */
export async function numberProjects(db: Executor, processId: string): Promise<void> {
	const projects = await db
		.select({ id: budgetingProjects.id, status: budgetingProjects.status })
		.from(budgetingProjects)
		.where(eq(budgetingProjects.processId, processId))
		.orderBy(asc(budgetingProjects.number), asc(budgetingProjects.id));
	const ordered = [...projects].sort((a, b) => rank[a.status] - rank[b.status]);
	await db
		.update(budgetingProjects)
		.set({ number: sql`-${budgetingProjects.number}` })
		.where(eq(budgetingProjects.processId, processId));
	for (const [i, project] of ordered.entries())
		await db
			.update(budgetingProjects)
			.set({ number: i + 1 })
			.where(eq(budgetingProjects.id, project.id));
}
