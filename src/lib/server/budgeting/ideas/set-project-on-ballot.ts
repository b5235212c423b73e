import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingProjects } from '../schema';
import { lockProcess, requireBallotOpenForChanges, requireProject } from './load';
import { numberProjects } from './number-projects';
import type { WithdrawProjectInput } from './validation';

/**
 * An officer puts a costed project on the ballot (a withdrawn one may come back). A project
 * that costs more than the whole budget could never be funded, so it is refused. Projects are
 * numbered again so the ballot reads 1..n.
 */
export async function putProjectOnBallot(
	db: Executor,
	actor: Actor,
	input: { projectId: string },
	now: Date = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const { project, process, place } = await requireProject(tx, input.projectId);
		requireCan(actor, 'budgeting.review', place);
		requireBallotOpenForChanges(process, now);
		await lockProcess(tx, process.id);
		if (project.status === 'on_ballot')
			throw new DomainError('conflict', 'This project is already on the ballot.');
		if (project.costPence > process.budgetPence)
			throw new DomainError(
				'invalid',
				'This project costs more than the whole budget, so it could never be funded.',
				[{ field: `cost-${project.id}`, message: 'The cost is more than the whole budget' }]
			);
		await tx
			.update(budgetingProjects)
			.set({ status: 'on_ballot', publicReason: null, updatedAt: now })
			.where(eq(budgetingProjects.id, project.id));
		await numberProjects(tx, process.id);
		await recordAudit(tx, actor, {
			action: 'budgeting.project.put_on_ballot',
			placeId: place.id,
			subjectType: 'budgeting_project',
			subjectId: project.id,
			details: { title: project.title, costPence: project.costPence }
		});
	});
}

/**
 * An officer takes a project off the ballot (or decides not to put it there), with a reason
 * shown publicly. Projects are numbered again so the ballot has no gaps.
 */
export async function withdrawProject(
	db: Executor,
	actor: Actor,
	input: WithdrawProjectInput,
	now: Date = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const { project, process, place } = await requireProject(tx, input.projectId);
		requireCan(actor, 'budgeting.review', place);
		requireBallotOpenForChanges(process, now);
		await lockProcess(tx, process.id);
		if (project.status === 'withdrawn')
			throw new DomainError('conflict', 'This project has already been withdrawn.');
		await tx
			.update(budgetingProjects)
			.set({ status: 'withdrawn', publicReason: input.reason, updatedAt: now })
			.where(eq(budgetingProjects.id, project.id));
		await numberProjects(tx, process.id);
		await recordAudit(tx, actor, {
			action: 'budgeting.project.withdraw',
			placeId: place.id,
			subjectType: 'budgeting_project',
			subjectId: project.id,
			details: { title: project.title, reason: input.reason }
		});
	});
}
