/** Reading meanwhile use: the public page of an asset and what officers see to decide requests. */
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { can, type Actor } from '../../platform/permissions';
import { platformOrganisations, platformUsers } from '../../platform/schema';
import { requireVisibleAsset } from '../transfer/asset-place';
import { todayIso } from './request-meanwhile-use';
import {
	assetsMeanwhileOffers,
	assetsMeanwhileRequests,
	type MeanwhileRequestStatus
} from './schema';

/** A request as the manage page (all of them) or its requester (their own) sees it. */
export type MeanwhileRequestView = {
	id: string;
	offerId: string;
	requesterName: string | null;
	organisationName: string | null;
	purpose: string;
	startsOn: string;
	endsOn: string;
	status: MeanwhileRequestStatus;
	declineReason: string | null;
	isMine: boolean;
};

/** Meanwhile use of one asset. */
export type AssetMeanwhile = {
	asset: { id: string; name: string; kind: string; placeName: string };
	/** Offers that have not ended or been withdrawn, soonest first. */
	offers: {
		id: string;
		availableFrom: string;
		availableTo: string;
		conditions: string | null;
		/** Dates already approved for someone, so people ask for other days. */
		booked: { startsOn: string; endsOn: string }[];
	}[];
	/** Every request for managers; the viewer's own requests for everyone else. */
	requests: MeanwhileRequestView[];
	canManage: boolean;
};

/** The asset's open offers, approved bookings and the requests the viewer may see. */
export async function getAssetMeanwhile(
	db: Executor,
	actor: Actor,
	assetId: string,
	options: { today?: string } = {}
): Promise<AssetMeanwhile> {
	const asset = await requireVisibleAsset(db, actor, assetId);
	const canManage = can(actor, 'meanwhile.manage', asset);
	const today = options.today ?? todayIso();
	const offers = await db
		.select()
		.from(assetsMeanwhileOffers)
		.where(
			and(
				eq(assetsMeanwhileOffers.assetId, asset.id),
				isNull(assetsMeanwhileOffers.withdrawnAt),
				gte(assetsMeanwhileOffers.availableTo, today)
			)
		)
		.orderBy(asc(assetsMeanwhileOffers.availableFrom));
	const requests = offers.length
		? await db
				.select({
					r: assetsMeanwhileRequests,
					requesterName: platformUsers.name,
					organisationName: platformOrganisations.name
				})
				.from(assetsMeanwhileRequests)
				.leftJoin(platformUsers, eq(platformUsers.id, assetsMeanwhileRequests.requestedBy))
				.leftJoin(
					platformOrganisations,
					eq(platformOrganisations.id, assetsMeanwhileRequests.organisationId)
				)
				.where(
					inArray(
						assetsMeanwhileRequests.offerId,
						offers.map((o) => o.id)
					)
				)
				.orderBy(asc(assetsMeanwhileRequests.startsOn), asc(assetsMeanwhileRequests.createdAt))
		: [];
	const me = actor.kind === 'person' ? actor.userId : null;
	return {
		asset: { id: asset.id, name: asset.name, kind: asset.kind, placeName: asset.placeName },
		canManage,
		offers: offers.map((o) => ({
			id: o.id,
			availableFrom: o.availableFrom,
			availableTo: o.availableTo,
			conditions: o.conditions,
			booked: requests
				.filter(({ r }) => r.offerId === o.id && r.status === 'approved')
				.map(({ r }) => ({ startsOn: r.startsOn, endsOn: r.endsOn }))
		})),
		requests: requests
			.filter(({ r }) => canManage || (me !== null && r.requestedBy === me))
			.map(({ r, requesterName, organisationName }) => ({
				id: r.id,
				offerId: r.offerId,
				requesterName,
				organisationName,
				purpose: r.purpose,
				startsOn: r.startsOn,
				endsOn: r.endsOn,
				status: r.status,
				declineReason: r.declineReason,
				isMine: me !== null && r.requestedBy === me
			}))
	};
}
