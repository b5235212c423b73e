/**
 * Reading assets of community value: the events recorded against an asset, turned into its
 * timeline by `core/assets/acv-dates.ts`, for the asset page, the place's list and the open data
 * export.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import {
	acvTimeline,
	type AcvEvent,
	type AcvTimeline,
	type IsoDate
} from '../../../core/assets/acv-dates';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { platformOrganisations, platformPlaces } from '../../platform/schema';
import { assetsAssets } from '../schema';
import {
	assetsAcvBidRequests,
	assetsAcvDisposalNotices,
	assetsAcvExemptDisposals,
	assetsAcvNominations
} from './schema';

/** Today's date in UTC, `YYYY-MM-DD`: the one place the assets-of-community-value code reads the clock. */
export function todayUtc(now: Date = new Date()): IsoDate {
	return now.toISOString().slice(0, 10);
}

/** The asset an action is about, with its place's path for permission checks. */
export type AcvAsset = {
	id: string;
	name: string;
	kind: string;
	placeId: string;
	placeName: string;
	path: string;
};

/** The asset and its place, or `not_found`. */
export async function requireAcvAsset(db: Executor, assetId: string): Promise<AcvAsset> {
	const [asset] = await db
		.select({
			id: assetsAssets.id,
			name: assetsAssets.name,
			kind: assetsAssets.kind,
			placeId: assetsAssets.placeId,
			placeName: platformPlaces.name,
			path: platformPlaces.path
		})
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(eq(assetsAssets.id, assetId))
		.for('update', { of: assetsAssets });
	if (!asset) throw new DomainError('not_found', 'That asset does not exist.');
	return asset;
}

/** A nomination as the pages show it. */
export type AcvNomination = typeof assetsAcvNominations.$inferSelect & {
	organisationName: string;
	organisationSlug: string;
};

/** Everything recorded against an asset, oldest first. */
export type AcvRecord = {
	nominations: AcvNomination[];
	notices: (typeof assetsAcvDisposalNotices.$inferSelect)[];
	bidRequests: (typeof assetsAcvBidRequests.$inferSelect)[];
	exemptDisposals: (typeof assetsAcvExemptDisposals.$inferSelect)[];
};

/** Loads every nomination, notice, request and exempt disposal of some assets. */
async function loadRecords(db: Executor, assetIds: string[]): Promise<Map<string, AcvRecord>> {
	const records = new Map<string, AcvRecord>();
	if (assetIds.length === 0) return records;
	const nominations = await db
		.select({
			nomination: assetsAcvNominations,
			organisationName: platformOrganisations.name,
			organisationSlug: platformOrganisations.slug
		})
		.from(assetsAcvNominations)
		.innerJoin(
			platformOrganisations,
			eq(platformOrganisations.id, assetsAcvNominations.nominatingOrganisationId)
		)
		.where(inArray(assetsAcvNominations.assetId, assetIds))
		.orderBy(asc(assetsAcvNominations.receivedDate), asc(assetsAcvNominations.createdAt));
	const byNomination = new Map<string, string>();
	for (const row of nominations) {
		const record = records.get(row.nomination.assetId) ?? {
			nominations: [],
			notices: [],
			bidRequests: [],
			exemptDisposals: []
		};
		record.nominations.push({
			...row.nomination,
			organisationName: row.organisationName,
			organisationSlug: row.organisationSlug
		});
		records.set(row.nomination.assetId, record);
		byNomination.set(row.nomination.id, row.nomination.assetId);
	}
	const ids = [...byNomination.keys()];
	if (ids.length === 0) return records;
	const recordOf = (nominationId: string) => records.get(byNomination.get(nominationId)!)!;
	for (const notice of await db
		.select()
		.from(assetsAcvDisposalNotices)
		.where(inArray(assetsAcvDisposalNotices.nominationId, ids))
		.orderBy(asc(assetsAcvDisposalNotices.receivedDate), asc(assetsAcvDisposalNotices.createdAt))) {
		recordOf(notice.nominationId).notices.push(notice);
	}
	for (const request of await db
		.select()
		.from(assetsAcvBidRequests)
		.where(inArray(assetsAcvBidRequests.nominationId, ids))
		.orderBy(asc(assetsAcvBidRequests.receivedDate), asc(assetsAcvBidRequests.createdAt))) {
		recordOf(request.nominationId).bidRequests.push(request);
	}
	for (const exempt of await db
		.select()
		.from(assetsAcvExemptDisposals)
		.where(inArray(assetsAcvExemptDisposals.nominationId, ids))
		.orderBy(asc(assetsAcvExemptDisposals.disposalDate), asc(assetsAcvExemptDisposals.createdAt))) {
		recordOf(exempt.nominationId).exemptDisposals.push(exempt);
	}
	return records;
}

/** The recorded events of an asset, in the form the date function takes. */
export function acvEventsOf(record: AcvRecord): AcvEvent[] {
	const events: AcvEvent[] = [];
	for (const n of record.nominations) {
		events.push({ kind: 'nominated', date: n.receivedDate });
		if (n.decision && n.decisionDate) {
			events.push({ kind: 'decided', date: n.decisionDate, outcome: n.decision });
		}
		if (n.removedDate) events.push({ kind: 'removed', date: n.removedDate });
	}
	for (const notice of record.notices) {
		events.push({ kind: 'disposal_notice', date: notice.receivedDate });
		if (notice.completedDate)
			events.push({ kind: 'disposal_completed', date: notice.completedDate });
	}
	for (const r of record.bidRequests)
		events.push({ kind: 'bid_request', date: r.receivedDate, group: r.groupName });
	for (const e of record.exemptDisposals) {
		events.push({ kind: 'exempt_disposal', date: e.disposalDate, exemption: e.exemption });
	}
	return events;
}

/** What the asset page shows about an asset's community value. */
export type AcvSummary = {
	/** The current (latest) nomination. */
	nomination: AcvNomination;
	timeline: AcvTimeline;
	record: AcvRecord;
	today: IsoDate;
};

/**
 * The current state, next deadline and every date of an asset's listing, or null when it has
 * never been nominated. Public: anyone may read the list of assets of community value (s.87).
 */
export async function getAcvSummary(
	db: Executor,
	assetId: string,
	options: { today?: IsoDate } = {}
): Promise<AcvSummary | null> {
	const today = options.today ?? todayUtc();
	const record = (await loadRecords(db, [assetId])).get(assetId);
	if (!record || record.nominations.length === 0) return null;
	return {
		nomination: record.nominations[record.nominations.length - 1]!,
		timeline: acvTimeline(acvEventsOf(record), today),
		record,
		today
	};
}

/** One asset of community value in a list. */
export type AcvListItem = {
	assetId: string;
	assetName: string;
	assetKind: string;
	placeId: string;
	placeName: string;
	longitude: number | null;
	latitude: number | null;
	polygon: unknown;
	summary: AcvSummary;
};

/**
 * Every nominated asset in a place and the places below it (or everywhere, without a place),
 * with its summary, by asset name.
 */
export async function listAcvs(
	db: Executor,
	options: { placePath?: string; today?: IsoDate } = {}
): Promise<AcvListItem[]> {
	const today = options.today ?? todayUtc();
	const assets = await db
		.selectDistinct({
			id: assetsAssets.id,
			name: assetsAssets.name,
			kind: assetsAssets.kind,
			placeId: assetsAssets.placeId,
			placeName: platformPlaces.name,
			path: platformPlaces.path,
			longitude: assetsAssets.longitude,
			latitude: assetsAssets.latitude,
			polygon: assetsAssets.polygon
		})
		.from(assetsAcvNominations)
		.innerJoin(assetsAssets, eq(assetsAssets.id, assetsAcvNominations.assetId))
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.orderBy(asc(assetsAssets.name), desc(assetsAssets.id));
	const within = assets.filter(
		(a) =>
			!options.placePath ||
			a.path === options.placePath ||
			a.path.startsWith(`${options.placePath}/`)
	);
	const records = await loadRecords(
		db,
		within.map((a) => a.id)
	);
	return within.map((a) => {
		const record = records.get(a.id)!;
		return {
			assetId: a.id,
			assetName: a.name,
			assetKind: a.kind,
			placeId: a.placeId,
			placeName: a.placeName,
			longitude: a.longitude,
			latitude: a.latitude,
			polygon: a.polygon,
			summary: {
				nomination: record.nominations[record.nominations.length - 1]!,
				timeline: acvTimeline(acvEventsOf(record), today),
				record,
				today
			}
		};
	});
}
