import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingProjects } from '../schema';
import { requireBallotOpenForChanges, requireProject } from './load';
import type { UpdateProjectInput } from './validation';

/** An officer changes a project's title, description, cost or feasibility note, before voting. */
export async function updateProject(
	db: Executor,
	actor: Actor,
	input: UpdateProjectInput,
	now: Date = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const { project, process, place } = await requireProject(tx, input.projectId);
		requireCan(actor, 'budgeting.review', place);
		requireBallotOpenForChanges(process, now);
		const { projectId: _projectId, ...fields } = input;
		const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
			(key) => fields[key] !== project[key]
		);
		if (changed.length === 0) return;
		await tx
			.update(budgetingProjects)
			.set({ ...fields, updatedAt: now })
			.where(eq(budgetingProjects.id, project.id));
		await recordAudit(tx, actor, {
			action: 'budgeting.project.update',
			placeId: place.id,
			subjectType: 'budgeting_project',
			subjectId: project.id,
			details: { title: input.title, changed, costPence: input.costPence }
		});
	});
}
