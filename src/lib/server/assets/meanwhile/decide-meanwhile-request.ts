import { and, eq, gte, lte, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { requireAssetWithPlace } from '../transfer/asset-place';
import { mailDay, queueApplicantMail, siteOrigin } from '../transfer/notify';
import { requesterAddress } from './request-meanwhile-use';
import { assetsMeanwhileRequests } from './schema';
import type { DecideMeanwhileRequestInput } from './validation';

/**
 * An officer approves or declines a request to use an asset. Approved bookings of one asset
 * never overlap: the asset's row is locked, so two approvals of the same asset run one after the
 * other, and an approval that would overlap an approved booking is refused. A decline needs a
 * reason. Needs `meanwhile.manage` on the asset's place. Mails the requester.
 */
export async function decideMeanwhileRequest(
	db: Executor,
	actor: Actor,
	input: DecideMeanwhileRequestInput,
	options: { origin?: string } = {}
): Promise<void> {
	await db.transaction(async (tx) => {
		const [found] = await tx
			.select({ assetId: assetsMeanwhileRequests.assetId })
			.from(assetsMeanwhileRequests)
			.where(eq(assetsMeanwhileRequests.id, input.requestId));
		if (!found) throw new DomainError('not_found', 'That request does not exist.');
		const asset = await requireAssetWithPlace(tx, found.assetId, { lock: true });
		requireCan(actor, 'meanwhile.manage', asset);
		// Read again under the lock: another officer may have decided it meanwhile.
		const [request] = await tx
			.select()
			.from(assetsMeanwhileRequests)
			.where(eq(assetsMeanwhileRequests.id, input.requestId));
		if (!request || request.status !== 'requested') {
			throw new DomainError('conflict', 'This request has already been decided.');
		}
		if (input.decision === 'approved') {
			const [clash] = await tx
				.select({
					startsOn: assetsMeanwhileRequests.startsOn,
					endsOn: assetsMeanwhileRequests.endsOn
				})
				.from(assetsMeanwhileRequests)
				.where(
					and(
						eq(assetsMeanwhileRequests.assetId, asset.id),
						eq(assetsMeanwhileRequests.status, 'approved'),
						ne(assetsMeanwhileRequests.id, request.id),
						lte(assetsMeanwhileRequests.startsOn, request.endsOn),
						gte(assetsMeanwhileRequests.endsOn, request.startsOn)
					)
				);
			if (clash) {
				const message = `It overlaps a booking already approved from ${mailDay(clash.startsOn)} to ${mailDay(clash.endsOn)}.`;
				throw new DomainError('conflict', message, [{ field: 'decision', message }]);
			}
		}
		await tx
			.update(assetsMeanwhileRequests)
			.set({
				status: input.decision,
				declineReason: input.decision === 'declined' ? input.reason : null,
				decidedBy: actorId(actor),
				decidedAt: new Date()
			})
			.where(eq(assetsMeanwhileRequests.id, request.id));
		await recordAudit(tx, actor, {
			action: 'meanwhile.decide',
			placeId: asset.placeId,
			subjectType: 'meanwhile_request',
			subjectId: request.id,
			details: {
				decision: input.decision,
				reason: input.reason,
				from: request.startsOn,
				to: request.endsOn
			}
		});
		await queueApplicantMail(tx, await requesterAddress(tx, request.requestedBy), {
			subject:
				input.decision === 'approved'
					? 'transfer.meanwhile.mail.approvedSubject'
					: 'transfer.meanwhile.mail.declinedSubject',
			body:
				input.decision === 'approved'
					? 'transfer.meanwhile.mail.approvedBody'
					: 'transfer.meanwhile.mail.declinedBody',
			params: {
				asset: asset.name,
				from: mailDay(request.startsOn),
				to: mailDay(request.endsOn),
				reason: input.reason ?? '',
				url: `${siteOrigin(options.origin)}/assets/${asset.id}/meanwhile`
			}
		});
	});
}
