import { count, like } from 'drizzle-orm';
import { acvNominatorEligibility } from '../../../core/assets/acv-eligibility';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { actorId, can, requireCan, type Actor } from '../../platform/permissions';
import { eligibilityMessage } from './messages';
import { requireActingFor } from './organisation';
import { getAcvSummary, requireAcvAsset, todayUtc } from './queries';
import { scheduleAcvReminders } from './reminders';
import { assetsAcvNominations } from './schema';
import type { NominateAssetInput } from './validation';

/** States in which a new nomination would duplicate a live one. */
const liveStates = new Set([
	'nominated',
	'decision_overdue',
	'listed',
	'interim_moratorium',
	'full_moratorium',
	'protected_period'
]);

/**
 * An organisation nominates an asset as being of community value. The eligibility answers are
 * checked (Localism Act 2011 s.89(2)(b); SI 2012/2421 regs 4–5) and an ineligible body is told
 * why. The nomination is received today, which starts the council's 8 weeks to decide (reg. 7).
 * Needs `acv.nominate` on the asset's place, and the actor must look after the organisation.
 */
export async function nominateAsset(
	db: Executor,
	actor: Actor,
	input: NominateAssetInput,
	options: { today?: string } = {}
): Promise<{ nominationId: string; reference: string }> {
	const today = options.today ?? todayUtc();
	return db.transaction(async (tx) => {
		const asset = await requireAcvAsset(tx, input.assetId);
		requireCan(actor, 'acv.nominate', asset);
		const organisation = await requireActingFor(tx, actor, input.organisationId, {
			isOfficer: can(actor, 'acv.decide', asset)
		});
		const eligibility = acvNominatorEligibility({
			kind: input.kind,
			isLocal: input.isLocal,
			localElectorMembers: input.localElectorMembers,
			distributesNoSurplus: input.distributesNoSurplus,
			landInParish: input.landInParish
		});
		if (!eligibility.isEligible) {
			const message = eligibilityMessage(eligibility.reason);
			throw new DomainError('invalid', message, [{ field: 'kind', message }]);
		}
		const existing = await getAcvSummary(tx, asset.id, { today });
		if (existing && liveStates.has(existing.timeline.state)) {
			throw new DomainError(
				'conflict',
				`${asset.name} has already been nominated or is on the list of assets of community value.`
			);
		}

		const year = today.slice(0, 4);
		const [{ n } = { n: 0 }] = await tx
			.select({ n: count() })
			.from(assetsAcvNominations)
			.where(like(assetsAcvNominations.reference, `ACV-${year}-%`));
		const reference = `ACV-${year}-${String(n + 1).padStart(4, '0')}`;
		const nominationId = newId();
		await tx.insert(assetsAcvNominations).values({
			id: nominationId,
			reference,
			assetId: asset.id,
			nominatingOrganisationId: organisation.id,
			eligibility: {
				kind: input.kind,
				isLocal: input.isLocal,
				localElectorMembers: input.localElectorMembers,
				distributesNoSurplus: input.distributesNoSurplus,
				landInParish: input.landInParish
			},
			eligibilityReason: eligibility.reason,
			reasons: input.reasons,
			receivedDate: today,
			nominatedBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'acv.nominate',
			placeId: asset.placeId,
			subjectType: 'acv_nomination',
			subjectId: nominationId,
			details: { assetId: asset.id, asset: asset.name, organisation: organisation.name, reference }
		});
		await scheduleAcvReminders(tx, asset.id, { today });
		return { nominationId, reference };
	});
}
