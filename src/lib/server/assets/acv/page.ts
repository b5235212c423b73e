/**
 * What the asset-of-community-value pages need: the asset, its summary, what the reader may do,
 * and the timeline as rows (recorded events and statutory dates together, in date order).
 */
import type { AcvDeadlineKind, IsoDate } from '../../../core/assets/acv-dates';
import { compareDates } from '../../../core/assets/acv-dates';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { can, type Actor } from '../../platform/permissions';
import { eq } from 'drizzle-orm';
import { platformPlaces } from '../../platform/schema';
import { assetsAssets } from '../schema';
import { getAcvSummary, todayUtc, type AcvSummary } from './queries';

/** One row of the public timeline. */
export type AcvTimelineRow =
	| {
			type: 'event';
			date: IsoDate;
			event:
				| 'nominated'
				| 'listed'
				| 'not_listed'
				| 'notice'
				| 'bidRequest'
				| 'bidRequestLate'
				| 'exempt'
				| 'completed'
				| 'removed';
			group?: string;
			exemption?: string;
	  }
	| {
			type: 'deadline';
			date: IsoDate;
			kind: AcvDeadlineKind;
			citation: string;
			isPast: boolean;
	  };

/** The rows of an asset's current nomination, oldest first; on the same day events come first. */
export function acvTimelineRows(summary: AcvSummary): AcvTimelineRow[] {
	const { nomination, record, timeline } = summary;
	const rows: AcvTimelineRow[] = [
		{
			type: 'event',
			date: nomination.receivedDate,
			event: 'nominated',
			group: nomination.organisationName
		}
	];
	if (nomination.decision && nomination.decisionDate) {
		rows.push({ type: 'event', date: nomination.decisionDate, event: nomination.decision });
	}
	const current = record.notices.filter((n) => n.nominationId === nomination.id);
	for (const notice of current) {
		rows.push({ type: 'event', date: notice.receivedDate, event: 'notice' });
		if (notice.completedDate)
			rows.push({ type: 'event', date: notice.completedDate, event: 'completed' });
	}
	for (const request of record.bidRequests.filter((r) => r.nominationId === nomination.id)) {
		const isInTime = timeline.interestedGroups.includes(request.groupName);
		rows.push({
			type: 'event',
			date: request.receivedDate,
			event: isInTime ? 'bidRequest' : 'bidRequestLate',
			group: request.groupName
		});
	}
	for (const exempt of record.exemptDisposals.filter((e) => e.nominationId === nomination.id)) {
		rows.push({
			type: 'event',
			date: exempt.disposalDate,
			event: 'exempt',
			exemption: exempt.exemption
		});
	}
	if (nomination.removedDate)
		rows.push({ type: 'event', date: nomination.removedDate, event: 'removed' });
	for (const d of timeline.deadlines) {
		// The decision date is only worth showing as a deadline until the decision is made.
		if (d.kind === 'decision_due' && nomination.decision) continue;
		rows.push({
			type: 'deadline',
			date: d.date,
			kind: d.kind,
			citation: d.rule.citation,
			isPast: d.isPast
		});
	}
	return rows
		.map((row, index) => ({ row, index }))
		.sort(
			(a, b) =>
				compareDates(a.row.date, b.row.date) ||
				(a.row.type === b.row.type ? 0 : a.row.type === 'event' ? -1 : 1) ||
				a.index - b.index
		)
		.map(({ row }) => row);
}

/** The asset-of-community-value page of an asset. */
export type AcvPage = {
	asset: { id: string; name: string; kind: string; placeId: string };
	summary: AcvSummary | null;
	rows: AcvTimelineRow[];
	may: { nominate: boolean; decide: boolean; record: boolean; bidRequest: boolean };
};

/** The page of an asset, or `not_found`. Public; `may` says which actions to offer the reader. */
export async function getAcvPage(
	db: Executor,
	actor: Actor,
	assetId: string,
	options: { today?: IsoDate } = {}
): Promise<AcvPage> {
	const [asset] = await db
		.select({
			id: assetsAssets.id,
			name: assetsAssets.name,
			kind: assetsAssets.kind,
			status: assetsAssets.status,
			placeId: assetsAssets.placeId,
			path: platformPlaces.path
		})
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(eq(assetsAssets.id, assetId));
	if (!asset || asset.status === 'suggested' || asset.status === 'rejected') {
		throw new DomainError('not_found', 'That asset does not exist.');
	}
	const summary = await getAcvSummary(db, asset.id, { today: options.today ?? todayUtc() });
	return {
		asset: { id: asset.id, name: asset.name, kind: asset.kind, placeId: asset.placeId },
		summary,
		rows: summary ? acvTimelineRows(summary) : [],
		may: {
			nominate: can(actor, 'acv.nominate', asset),
			decide: can(actor, 'acv.decide', asset),
			record: can(actor, 'acv.record', asset),
			bidRequest: can(actor, 'acv.bid_request', asset)
		}
	};
}
