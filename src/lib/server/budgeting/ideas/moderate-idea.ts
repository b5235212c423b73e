import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingIdeas } from '../schema';
import { requireIdea } from './load';
import type { ModerateIdeaInput } from './validation';

/**
 * A moderator (organiser, officer or admin of the place) publishes an idea so everyone can see
 * and support it, or hides it with a reason that is shown in its place. A hidden idea can be
 * published again; one already reviewed (in a project, or turned down) cannot be moderated.
 */
export async function moderateIdea(
	db: Executor,
	actor: Actor,
	input: ModerateIdeaInput
): Promise<void> {
	await db.transaction(async (tx) => {
		const { idea, place } = await requireIdea(tx, input.ideaId);
		requireCan(actor, 'budgeting.moderate', place);
		if (idea.status === 'in_project' || idea.status === 'rejected')
			throw new DomainError('conflict', 'This idea has already been reviewed.');
		const status = input.decision === 'publish' ? 'published' : 'hidden';
		if (idea.status === status)
			throw new DomainError(
				'conflict',
				status === 'published' ? 'This idea is already published.' : 'This idea is already hidden.'
			);
		await tx
			.update(budgetingIdeas)
			.set({
				status,
				publicReason: status === 'hidden' ? input.reason : null,
				updatedAt: new Date()
			})
			.where(eq(budgetingIdeas.id, idea.id));
		await recordAudit(tx, actor, {
			action: status === 'published' ? 'budgeting.idea.publish' : 'budgeting.idea.hide',
			placeId: place.id,
			subjectType: 'budgeting_idea',
			subjectId: idea.id,
			details: { title: idea.title, reason: status === 'hidden' ? input.reason : undefined }
		});
	});
}
