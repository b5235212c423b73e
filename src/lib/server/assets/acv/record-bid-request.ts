import { acvTimeline } from '../../../core/assets/acv-dates';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { actorId, can, requireCan, type Actor } from '../../platform/permissions';
import { requireListedOn, requireNotFuture } from './current-listing';
import { requireActingFor } from './organisation';
import { acvEventsOf, requireAcvAsset, todayUtc } from './queries';
import { scheduleAcvReminders } from './reminders';
import { assetsAcvBidRequests } from './schema';
import type { RecordBidRequestInput } from './validation';

/**
 * Records a community interest group's written request to be treated as a potential bidder
 * (Localism Act 2011 s.95(3)(a); the council passes it on to the owner under s.98). A request
 * received on or before the last day of the interim moratorium starts the full moratorium of
 * 6 months beginning with the notice date (s.95(6)); a later one is recorded but starts nothing,
 * and the result says so. A group's organiser records it for their own group (`acv.bid_request`);
 * an officer (`acv.record`) may record one for any group, named or on the platform.
 */
export async function recordBidRequest(
	db: Executor,
	actor: Actor,
	input: RecordBidRequestInput,
	options: { today?: string } = {}
): Promise<{ requestId: string; startsFullMoratorium: boolean; isInTime: boolean }> {
	const today = options.today ?? todayUtc();
	return db.transaction(async (tx) => {
		const asset = await requireAcvAsset(tx, input.assetId);
		requireCan(actor, 'acv.bid_request', asset);
		const isOfficer = can(actor, 'acv.record', asset);
		if (!isOfficer && !input.organisationId) {
			throw new DomainError('invalid', 'Choose the group asking to bid.', [
				{ field: 'organisationId', message: 'Select your group' }
			]);
		}
		const organisation = input.organisationId
			? await requireActingFor(tx, actor, input.organisationId, { isOfficer })
			: null;
		const groupName = organisation?.name ?? input.groupName!;
		requireNotFuture(input.receivedDate, today, 'receivedDate');
		const summary = await requireListedOn(tx, asset.id, input.receivedDate, today);
		const events = [
			...acvEventsOf(summary.record),
			{ kind: 'bid_request' as const, date: input.receivedDate, group: groupName }
		];
		const notes = acvTimeline(events, today).notes.filter(
			(n) => n.eventIndex === events.length - 1
		);
		if (notes.some((n) => n.kind === 'request_without_notice')) {
			throw new DomainError(
				'conflict',
				'The owner has not given notice of a sale, so there is nothing to bid for yet.',
				[{ field: 'receivedDate', message: 'There is no owner’s notice before this date' }]
			);
		}
		const startsFullMoratorium = notes.some((n) => n.kind === 'request_starts_full_moratorium');
		const isInTime = startsFullMoratorium || notes.some((n) => n.kind === 'further_request');
		const requestId = newId();
		await tx.insert(assetsAcvBidRequests).values({
			id: requestId,
			nominationId: summary.nomination.id,
			organisationId: organisation?.id ?? null,
			groupName,
			receivedDate: input.receivedDate,
			recordedBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'acv.bid_request',
			placeId: asset.placeId,
			subjectType: 'acv_nomination',
			subjectId: summary.nomination.id,
			details: {
				assetId: asset.id,
				asset: asset.name,
				group: groupName,
				receivedDate: input.receivedDate,
				isInTime
			}
		});
		await scheduleAcvReminders(tx, asset.id, { today });
		return { requestId, startsFullMoratorium, isInTime };
	});
}
