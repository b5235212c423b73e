import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { currentPhase } from '../../../core/budgeting/phases';
import { DomainError } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { budgetingIdeaSupports } from '../schema';
import { requireIdea } from './load';

/**
 * A signed-in person supports a published idea, or takes their support back: one support per
 * person per idea (the table's primary key makes that hold when two clicks race). Open while
 * the process takes ideas and while they are reviewed. Not audited: it is not a privileged act.
 */
export async function toggleSupport(
	db: Executor,
	actor: Actor,
	input: { ideaId: string },
	now: Date = new Date()
): Promise<{ isSupported: boolean }> {
	if (actor.kind !== 'person')
		throw new DomainError('unauthenticated', 'Sign in to support ideas.');
	return db.transaction(async (tx) => {
		const { idea, process } = await requireIdea(tx, input.ideaId);
		if (process.status !== 'published' || idea.status !== 'published')
			throw new DomainError('not_found', 'That idea is not open for support.');
		const phase = currentPhase(process, now);
		if (phase !== 'ideas' && phase !== 'review')
			throw new DomainError('phase_closed', 'Ideas can no longer be supported in this process.');
		const removed = await tx
			.delete(budgetingIdeaSupports)
			.where(
				and(
					eq(budgetingIdeaSupports.ideaId, idea.id),
					eq(budgetingIdeaSupports.userId, actor.userId)
				)
			)
			.returning({ ideaId: budgetingIdeaSupports.ideaId });
		if (removed.length > 0) return { isSupported: false };
		await tx
			.insert(budgetingIdeaSupports)
			.values({ ideaId: idea.id, userId: actor.userId })
			.onConflictDoNothing();
		return { isSupported: true };
	});
}
