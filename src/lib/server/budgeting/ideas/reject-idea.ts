import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingIdeas } from '../schema';
import { requireBallotOpenForChanges, requireIdea } from './load';
import type { RejectIdeaInput } from './validation';

/**
 * An officer turns down an idea at review, with a reason shown publicly on the projects page
 * ("you said, we did"): the author and everyone else can see why it did not go forward.
 */
export async function rejectIdea(
	db: Executor,
	actor: Actor,
	input: RejectIdeaInput,
	now: Date = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const { idea, process, place } = await requireIdea(tx, input.ideaId);
		requireCan(actor, 'budgeting.review', place);
		requireBallotOpenForChanges(process, now);
		if (idea.status !== 'published' && idea.status !== 'submitted')
			throw new DomainError('conflict', 'Only ideas waiting for review can be turned down.');
		await tx
			.update(budgetingIdeas)
			.set({ status: 'rejected', publicReason: input.reason, updatedAt: now })
			.where(eq(budgetingIdeas.id, idea.id));
		await recordAudit(tx, actor, {
			action: 'budgeting.idea.reject',
			placeId: place.id,
			subjectType: 'budgeting_idea',
			subjectId: idea.id,
			details: { title: idea.title, reason: input.reason }
		});
	});
}
