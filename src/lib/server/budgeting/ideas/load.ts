/** Loading an idea or a project with its process and place, for the use cases to check. */
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { currentPhase, type Phase } from '../../../core/budgeting/phases';
import { DomainError } from '../../platform/errors';
import { budgetingIdeas, budgetingProcesses, budgetingProjects } from '../schema';
import { requireProcess, type Process } from '../processes/queries';

/** The idea, its process and the process's place; throws `not_found`. */
export async function requireIdea(db: Executor, ideaId: string) {
	const [idea] = await db.select().from(budgetingIdeas).where(eq(budgetingIdeas.id, ideaId));
	if (!idea) throw new DomainError('not_found', 'That idea does not exist.');
	return { idea, ...(await requireProcess(db, idea.processId)) };
}

/** The project, its process and the process's place; throws `not_found`. */
export async function requireProject(db: Executor, projectId: string) {
	const [project] = await db
		.select()
		.from(budgetingProjects)
		.where(eq(budgetingProjects.id, projectId));
	if (!project) throw new DomainError('not_found', 'That project does not exist.');
	return { project, ...(await requireProcess(db, project.processId)) };
}

/** Phases in which officers may still shape the ballot. */
const beforeVoting: readonly Phase[] = ['draft', 'ideas', 'review'];

/** Throws `phase_closed` once voting has opened: the ballot is fixed from then on. */
export function requireBallotOpenForChanges(process: Process, now: Date): void {
	if (!beforeVoting.includes(currentPhase(process, now)))
		throw new DomainError(
			'phase_closed',
			'Voting has opened, so the projects on the ballot can no longer change.'
		);
}

/**
 * Locks the process's row until the transaction ends, so two officers changing the ballot at
 * once take turns: project numbers are computed from the others and must not collide.
 */
export async function lockProcess(db: Executor, processId: string): Promise<void> {
	await db
		.select({ id: budgetingProcesses.id })
		.from(budgetingProcesses)
		.where(eq(budgetingProcesses.id, processId))
		.for('update');
}
