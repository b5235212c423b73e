import { and, eq, inArray } from 'drizzle-orm';
import { hashInputs } from '../../core/sortition/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import type { Actor } from '../platform/permissions';
import {
	listSelections,
	listVolunteers,
	lotteryFileOf,
	poolOf,
	requireManagedPanel
} from './queries';
import { panelsPanels, panelsSelections } from './schema';

/**
 * Publishes the lottery of the latest finished review, before the draw: from then on the public
 * page shows it with its SHA-256 and anyone can download the file, and the pool, quotas and
 * lottery can no longer change. Only then can the public seed be announced and the panel drawn
 * (`drawPanel`), so whoever picks or sees the seed can no longer shape the lottery, and whoever
 * shapes the lottery cannot know the seed. The review must be of the pool and quotas as they are
 * now (the inputs' SHA-256 is compared), so what was reviewed is what is published.
 */
export async function publishLottery(
	db: Executor,
	actor: Actor,
	input: { panelId: string }
): Promise<{ lotterySha256: string }> {
	return db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		await tx
			.select({ id: panelsPanels.id })
			.from(panelsPanels)
			.where(eq(panelsPanels.id, panel.id))
			.for('update');
		if (panel.status !== 'draft')
			throw new DomainError('conflict', 'The lottery has already been published.');
		const running = await tx
			.select({ id: panelsSelections.id })
			.from(panelsSelections)
			.where(
				and(
					eq(panelsSelections.panelId, panel.id),
					inArray(panelsSelections.status, ['queued', 'running'])
				)
			);
		if (running.length > 0)
			throw new DomainError('conflict', 'A selection is running; wait for it to finish.');
		const [latest] = await listSelections(tx, panel.id, 1);
		const result = latest?.status === 'done' ? latest.result : null;
		if (!latest || !result || !result.lotterySha256)
			throw new DomainError(
				'invalid',
				'Run a review selection first: its lottery is what is published.'
			);
		const current = hashInputs(
			poolOf(panel, await listVolunteers(tx, panel.id)),
			panel.panelSize,
			panel.isOnePerHousehold
		);
		if (current !== result.inputsHash)
			throw new DomainError(
				'conflict',
				'The pool or quotas changed after the last review. Run a new review, then publish its lottery.'
			);
		const { sha256 } = lotteryFileOf(result);
		if (sha256 !== result.lotterySha256)
			throw new DomainError('conflict', 'The stored lottery does not match its fingerprint.');
		const now = new Date();
		await tx
			.update(panelsPanels)
			.set({
				status: 'published',
				lotterySelectionId: latest.id,
				lotterySha256: sha256,
				lotteryPublishedAt: now,
				updatedAt: now
			})
			.where(eq(panelsPanels.id, panel.id));
		await recordAudit(tx, actor, {
			action: 'panel.lottery_publish',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: {
				selectionId: latest.id,
				lotterySha256: sha256,
				inputsHash: result.inputsHash,
				methodUsed: result.methodUsed,
				lotterySize: result.lottery.size,
				engineVersion: result.engineVersion ?? null
			}
		});
		return { lotterySha256: sha256 };
	});
}
