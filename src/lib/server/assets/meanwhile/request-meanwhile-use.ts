import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { can, type Actor } from '../../platform/permissions';
import {
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces,
	platformUsers
} from '../../platform/schema';
import { requireAssetWithPlace } from '../transfer/asset-place';
import { mailDay, queueApplicantMail, siteOrigin } from '../transfer/notify';
import { assetsMeanwhileOffers, assetsMeanwhileRequests } from './schema';
import type { RequestMeanwhileUseInput } from './validation';

/** Today as `YYYY-MM-DD` in UTC. */
export function todayIso(now = new Date()): string {
	return now.toISOString().slice(0, 10);
}

/**
 * A resident, or someone asking for an organisation they look after, asks to use an offered
 * asset between two dates within the offer. Any signed-in person may ask: meanwhile use is open
 * to residents who hold no role. Mails the requester a receipt.
 */
export async function requestMeanwhileUse(
	db: Executor,
	actor: Actor,
	input: RequestMeanwhileUseInput,
	options: { origin?: string; today?: string } = {}
): Promise<{ requestId: string }> {
	if (actor.kind === 'anonymous') throw new DomainError('unauthenticated', 'Sign in to do this.');
	const today = options.today ?? todayIso();
	return db.transaction(async (tx) => {
		const [offer] = await tx
			.select()
			.from(assetsMeanwhileOffers)
			.where(eq(assetsMeanwhileOffers.id, input.offerId));
		if (!offer || offer.withdrawnAt || offer.availableTo < today) {
			throw new DomainError('not_found', 'This asset is not offered for meanwhile use now.');
		}
		const asset = await requireAssetWithPlace(tx, offer.assetId);
		if (input.startsOn < offer.availableFrom || input.endsOn > offer.availableTo) {
			throw new DomainError('invalid', 'Choose dates within the offer.', [
				{ field: 'startsOn', message: 'Choose dates within the dates it is offered' }
			]);
		}
		if (input.startsOn < today) {
			throw new DomainError('invalid', 'The start date must be today or later.', [
				{ field: 'startsOn', message: 'The start date must be today or in the future' }
			]);
		}
		let organisationName: string | null = null;
		if (input.organisationId) {
			const places = await tx
				.select({ name: platformOrganisations.name, path: platformPlaces.path })
				.from(platformOrganisations)
				.innerJoin(
					platformOrganisationPlaces,
					eq(platformOrganisationPlaces.organisationId, platformOrganisations.id)
				)
				.innerJoin(platformPlaces, eq(platformPlaces.id, platformOrganisationPlaces.placeId))
				.where(eq(platformOrganisations.id, input.organisationId));
			const mayActFor =
				actor.kind === 'system' ||
				actor.isPlatformAdmin ||
				places.some((p) => can(actor, 'organisation.manage', p));
			if (places.length === 0 || !mayActFor) {
				throw new DomainError('forbidden', 'You cannot ask in the name of this organisation.');
			}
			organisationName = places[0]!.name;
		}
		const requestedBy = actor.kind === 'person' ? actor.userId : `system:${actor.label}`;
		const requestId = newId();
		await tx.insert(assetsMeanwhileRequests).values({
			id: requestId,
			offerId: offer.id,
			assetId: asset.id,
			requestedBy,
			organisationId: input.organisationId,
			purpose: input.purpose,
			startsOn: input.startsOn,
			endsOn: input.endsOn
		});
		await recordAudit(tx, actor, {
			action: 'meanwhile.request',
			placeId: asset.placeId,
			subjectType: 'meanwhile_request',
			subjectId: requestId,
			details: {
				assetId: asset.id,
				asset: asset.name,
				organisation: organisationName,
				from: input.startsOn,
				to: input.endsOn
			}
		});
		await queueApplicantMail(tx, await requesterAddress(tx, requestedBy), {
			subject: 'transfer.meanwhile.mail.requestedSubject',
			body: 'transfer.meanwhile.mail.requestedBody',
			params: {
				asset: asset.name,
				from: mailDay(input.startsOn),
				to: mailDay(input.endsOn),
				url: `${siteOrigin(options.origin)}/assets/${asset.id}/meanwhile`
			}
		});
		return { requestId };
	});
}

/** The email address of the person who made a request, if they have an account. */
export async function requesterAddress(db: Executor, userId: string): Promise<string | null> {
	const [user] = await db
		.select({ email: platformUsers.email })
		.from(platformUsers)
		.where(eq(platformUsers.id, userId));
	return user?.email ?? null;
}
