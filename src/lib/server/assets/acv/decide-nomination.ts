import { eq } from 'drizzle-orm';
import { compareDates, endOfMonthsBeginningWith } from '../../../core/assets/acv-dates';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { requireAcvAsset, todayUtc } from './queries';
import { scheduleAcvReminders } from './reminders';
import { assetsAcvNominations } from './schema';
import type { DecideNominationInput } from './validation';

/**
 * An officer decides a nomination: list the asset or not, with reasons (given to the nominator
 * and the owner under s.91–s.92 of the Localism Act 2011). A listing is entered on the decision
 * date and lasts 5 years beginning with it (s.87(3)). Needs `acv.decide` on the asset's place, so
 * a group's organiser never decides their own nomination.
 */
export async function decideNomination(
	db: Executor,
	actor: Actor,
	input: DecideNominationInput,
	options: { today?: string } = {}
): Promise<{ listingDate: string | null; expiryDate: string | null }> {
	const today = options.today ?? todayUtc();
	return db.transaction(async (tx) => {
		const [nomination] = await tx
			.select()
			.from(assetsAcvNominations)
			.where(eq(assetsAcvNominations.id, input.nominationId));
		if (!nomination) throw new DomainError('not_found', 'That nomination does not exist.');
		const asset = await requireAcvAsset(tx, nomination.assetId);
		requireCan(actor, 'acv.decide', asset);
		if (nomination.decision) {
			throw new DomainError('conflict', 'This nomination has already been decided.');
		}
		if (compareDates(input.decisionDate, nomination.receivedDate) < 0) {
			throw new DomainError('invalid', 'The decision cannot be before the nomination.', [
				{
					field: 'decisionDate',
					message: 'The decision date must be on or after the date the nomination was received'
				}
			]);
		}
		if (compareDates(input.decisionDate, today) > 0) {
			throw new DomainError('invalid', 'The decision date cannot be in the future.', [
				{ field: 'decisionDate', message: 'The decision date must be today or in the past' }
			]);
		}
		const isListed = input.decision === 'listed';
		const listingDate = isListed ? input.decisionDate : null;
		const expiryDate = isListed ? endOfMonthsBeginningWith(input.decisionDate, 60) : null;
		await tx
			.update(assetsAcvNominations)
			.set({
				decision: input.decision,
				decisionDate: input.decisionDate,
				decisionReasons: input.reasons,
				decidedBy: actorId(actor),
				listingDate,
				expiryDate,
				updatedAt: new Date()
			})
			.where(eq(assetsAcvNominations.id, nomination.id));
		await recordAudit(tx, actor, {
			action: 'acv.decide',
			placeId: asset.placeId,
			subjectType: 'acv_nomination',
			subjectId: nomination.id,
			details: {
				assetId: asset.id,
				asset: asset.name,
				decision: input.decision,
				decisionDate: input.decisionDate
			}
		});
		await scheduleAcvReminders(tx, asset.id, { today });
		return { listingDate, expiryDate };
	});
}
