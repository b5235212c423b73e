import { and, eq, inArray, max } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { budgetingIdeas, budgetingProjects } from '../schema';
import { requireProcess } from '../processes/queries';
import { lockProcess, requireBallotOpenForChanges } from './load';
import type { CreateProjectInput } from './validation';

/**
 * An officer (or organiser) turns published ideas into one costed project, before voting opens.
 * One idea makes a project of its own; several ideas that say the same thing are merged into
 * one. Each idea becomes `in_project` and points to the project, so its author can follow it.
 * The project starts as a draft: it goes on the ballot when the officer puts it there.
 */
export async function createProject(
	db: Executor,
	actor: Actor,
	input: CreateProjectInput,
	now: Date = new Date()
): Promise<{ id: string }> {
	return db.transaction(async (tx) => {
		const { process, place } = await requireProcess(tx, input.processId);
		requireCan(actor, 'budgeting.review', place);
		requireBallotOpenForChanges(process, now);
		await lockProcess(tx, process.id);
		const ideaIds = [...new Set(input.ideaIds)];
		const ideas = await tx
			.select()
			.from(budgetingIdeas)
			.where(and(eq(budgetingIdeas.processId, process.id), inArray(budgetingIdeas.id, ideaIds)))
			.for('update');
		if (ideas.length !== ideaIds.length || ideas.some((i) => i.status !== 'published'))
			throw new DomainError(
				'conflict',
				'Only published ideas of this process can become a project.',
				[{ field: 'ideaIds', message: 'Choose published ideas that are not yet in a project' }]
			);
		const [last] = await tx
			.select({ n: max(budgetingProjects.number) })
			.from(budgetingProjects)
			.where(eq(budgetingProjects.processId, process.id));
		const id = newId();
		// The project is for the neighbourhood its ideas share, if they share one.
		const places = [...new Set(ideas.map((i) => i.placeId))];
		await tx.insert(budgetingProjects).values({
			id,
			processId: process.id,
			number: (last?.n ?? 0) + 1,
			title: input.title,
			description: input.description,
			costPence: input.costPence,
			placeId: places.length === 1 ? places[0]! : null,
			feasibilityNote: input.feasibilityNote,
			status: 'draft',
			createdBy: actorId(actor)
		});
		await tx
			.update(budgetingIdeas)
			.set({ status: 'in_project', projectId: id, updatedAt: now })
			.where(inArray(budgetingIdeas.id, ideaIds));
		await recordAudit(tx, actor, {
			action: 'budgeting.project.create',
			placeId: place.id,
			subjectType: 'budgeting_project',
			subjectId: id,
			details: {
				processId: process.id,
				title: input.title,
				costPence: input.costPence,
				ideaIds,
				merged: ideaIds.length > 1
			}
		});
		return { id };
	});
}
