import { acvTimeline } from '../../../core/assets/acv-dates';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { requireListedOn, requireNotFuture } from './current-listing';
import { acvEventsOf, requireAcvAsset, todayUtc } from './queries';
import { scheduleAcvReminders } from './reminders';
import { assetsAcvDisposalNotices } from './schema';
import type { RecordDisposalNoticeInput } from './validation';

/**
 * An officer records an owner's written notice of a wish to make a relevant disposal (Localism Act
 * 2011 s.95(2)), on the date the council received it, which starts the 6-week interim moratorium
 * and fixes the 6-month and 18-month dates (s.95(6)). A notice received within the protected
 * period of an earlier notice starts no new moratorium (s.95(4)), so it is refused with that
 * reason. Needs `acv.record` on the asset's place.
 */
export async function recordDisposalNotice(
	db: Executor,
	actor: Actor,
	input: RecordDisposalNoticeInput,
	options: { today?: string } = {}
): Promise<{ noticeId: string }> {
	const today = options.today ?? todayUtc();
	return db.transaction(async (tx) => {
		const asset = await requireAcvAsset(tx, input.assetId);
		requireCan(actor, 'acv.record', asset);
		requireNotFuture(input.receivedDate, today, 'receivedDate');
		const summary = await requireListedOn(tx, asset.id, input.receivedDate, today);
		const events = [
			...acvEventsOf(summary.record),
			{ kind: 'disposal_notice' as const, date: input.receivedDate }
		];
		const notes = acvTimeline(events, today).notes.filter(
			(n) => n.eventIndex === events.length - 1
		);
		if (notes.some((n) => n.kind === 'notice_in_protected_period')) {
			throw new DomainError(
				'conflict',
				'This notice falls within the protected period of an earlier notice, so it starts no new moratorium.',
				[
					{
						field: 'receivedDate',
						message: 'The date is within the protected period of an earlier notice'
					}
				]
			);
		}
		const noticeId = newId();
		await tx.insert(assetsAcvDisposalNotices).values({
			id: noticeId,
			nominationId: summary.nomination.id,
			receivedDate: input.receivedDate,
			ownerName: input.ownerName,
			notes: input.notes,
			recordedBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'acv.disposal_notice',
			placeId: asset.placeId,
			subjectType: 'acv_nomination',
			subjectId: summary.nomination.id,
			details: { assetId: asset.id, asset: asset.name, receivedDate: input.receivedDate }
		});
		await scheduleAcvReminders(tx, asset.id, { today });
		return { noticeId };
	});
}
