/**
 * The list of assets of community value as CSV in the planning data platform's
 * `asset-of-community-value` dataset format (planning.data.gov.uk): kebab-case field names,
 * dates `YYYY-MM-DD`, geometry as WKT in WGS84. Public: the list is a public register (s.87).
 *
 * `entry-date` is the date of the entry (the listing, or the nomination while undecided);
 * `start-date` the listing date; `end-date` when the entry stopped being in force (expired or
 * removed). `interested-group` lists every group whose request came in time, separated by `;`.
 */
import { toCsv } from '../../../core/assets/csv';
import { multiPolygonWkt, pointWkt } from '../../../core/assets/wkt';
import type { Executor } from '../../db/client';
import { listAcvs } from './queries';

/** The columns, in order. */
export const acvCsvColumns = [
	'reference',
	'name',
	'nominating-group',
	'nomination-date',
	'decision',
	'decision-date',
	'notification-to-sell-date',
	'protected-period-start-date',
	'interested-group',
	'expiry-date',
	'geometry',
	'point',
	'entry-date',
	'start-date',
	'end-date'
] as const;

/** Every asset of community value as planning data CSV, one row per asset's current nomination. */
export async function acvCsv(db: Executor, options: { today?: string } = {}): Promise<string> {
	const items = await listAcvs(db, { today: options.today });
	const rows = items.map((item) => {
		const { nomination, timeline } = item.summary;
		const point =
			item.longitude !== null && item.latitude !== null
				? pointWkt(item.longitude, item.latitude)
				: null;
		const endDate =
			timeline.state === 'removed'
				? nomination.removedDate
				: timeline.state === 'expired'
					? nomination.expiryDate
					: null;
		return [
			nomination.reference,
			item.assetName,
			nomination.organisationName,
			nomination.receivedDate,
			nomination.decision === 'listed'
				? 'listed'
				: nomination.decision === 'not_listed'
					? 'not-listed'
					: '',
			nomination.decisionDate,
			timeline.noticeDate,
			timeline.noticeDate,
			timeline.interestedGroups.join(';'),
			nomination.expiryDate,
			multiPolygonWkt(item.polygon) ?? point,
			point,
			nomination.listingDate ?? nomination.receivedDate,
			nomination.listingDate,
			endDate
		];
	});
	return toCsv([[...acvCsvColumns], ...rows]);
}
