import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { newId } from '../../platform/ids';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { requireListedOn, requireNotFuture } from './current-listing';
import { requireAcvAsset, todayUtc } from './queries';
import { assetsAcvExemptDisposals } from './schema';
import type { RecordExemptDisposalInput } from './validation';

/**
 * An officer records a disposal that is exempt from the moratorium (Localism Act 2011 s.95(5);
 * Schedule 3 of SI 2012/2421): a gift, an inheritance, a transfer between family members, a sale
 * of a business as a going concern and so on. It is recorded as such and starts no moratorium.
 * Needs `acv.record` on the asset's place.
 */
export async function recordExemptDisposal(
	db: Executor,
	actor: Actor,
	input: RecordExemptDisposalInput,
	options: { today?: string } = {}
): Promise<{ exemptDisposalId: string }> {
	const today = options.today ?? todayUtc();
	return db.transaction(async (tx) => {
		const asset = await requireAcvAsset(tx, input.assetId);
		requireCan(actor, 'acv.record', asset);
		requireNotFuture(input.disposalDate, today, 'disposalDate');
		const summary = await requireListedOn(tx, asset.id, input.disposalDate, today);
		const exemptDisposalId = newId();
		await tx.insert(assetsAcvExemptDisposals).values({
			id: exemptDisposalId,
			nominationId: summary.nomination.id,
			disposalDate: input.disposalDate,
			exemption: input.exemption,
			notes: input.notes,
			recordedBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'acv.exempt_disposal',
			placeId: asset.placeId,
			subjectType: 'acv_nomination',
			subjectId: summary.nomination.id,
			details: {
				assetId: asset.id,
				asset: asset.name,
				disposalDate: input.disposalDate,
				exemption: input.exemption
			}
		});
		return { exemptDisposalId };
	});
}
