import { and, eq, inArray } from 'drizzle-orm';
import { drawFromPublishedLottery } from '../../core/sortition/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import type { Actor } from '../platform/permissions';
import { findSelection, publishedLotteryOf, requireManagedPanel } from './queries';
import { panelsPanels, panelsVolunteers } from './schema';

/**
 * The public draw: with the seed announced in public (say, numbers drawn from a hat at a public
 * meeting) after the lottery was published, the ticket is `drawTicket` of the seed and the
 * published lottery file's SHA-256, which anyone can recompute from the file alone
 * (`powershare panel draw`). It takes no time, so it runs at once; a panel is drawn once (the
 * panel row is locked), and the draw is published and audited the moment it is made.
 */
export async function drawPanel(
	db: Executor,
	actor: Actor,
	input: { panelId: string; seed: string }
): Promise<{ ticket: number; members: number[] }> {
	return db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		const [locked] = await tx
			.select({ status: panelsPanels.status })
			.from(panelsPanels)
			.where(eq(panelsPanels.id, panel.id))
			.for('update');
		if (locked?.status === 'drawn')
			throw new DomainError('conflict', 'The panel has already been drawn.');
		if (locked?.status !== 'published' || !panel.lotterySelectionId || !panel.lotterySha256)
			throw new DomainError('conflict', 'Publish the lottery before the draw.');
		const result = (await findSelection(tx, panel.lotterySelectionId))?.result;
		if (!result) throw new DomainError('conflict', 'Publish the lottery before the draw.');
		const drawn = drawFromPublishedLottery({
			lottery: publishedLotteryOf(result),
			lotterySha256: panel.lotterySha256,
			seed: input.seed
		});
		const members = drawn.members.map(Number);
		const now = new Date();
		await tx
			.update(panelsPanels)
			.set({
				status: 'drawn',
				seed: input.seed,
				drawnSelectionId: panel.lotterySelectionId,
				drawnTicket: drawn.ticket,
				drawnAt: now,
				updatedAt: now
			})
			.where(eq(panelsPanels.id, panel.id));
		await tx
			.update(panelsVolunteers)
			.set({ role: 'member', joinedBy: 'draw' })
			.where(
				and(eq(panelsVolunteers.panelId, panel.id), inArray(panelsVolunteers.number, members))
			);
		await recordAudit(tx, actor, {
			action: 'panel.draw',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: {
				seed: input.seed,
				lotterySha256: panel.lotterySha256,
				ticket: drawn.ticket,
				members
			}
		});
		return { ticket: drawn.ticket, members };
	});
}
