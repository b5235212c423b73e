import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { applicantAddress, queueApplicantMail, siteOrigin } from './notify';
import { requireTransferCase } from './queries';
import { assetsTransferCases } from './schema';
import { isShortLease, LONG_LEASE_YEARS } from './stages';
import type { SetTransferTermsInput } from './validation';

/** What setting terms tells the officer. */
export type SetTransferTermsResult = {
	/** A lease shorter than {@link LONG_LEASE_YEARS}: the page warns it may stop the group raising funds. */
	isShortLease: boolean;
	longLeaseYears: number;
};

/**
 * An officer sets (or changes) the terms on offer: freehold, or a lease with its length, annual
 * rent and break clauses, and any other conditions. Only at the terms or decision stage, before
 * a decision. Needs `transfer.manage` on the asset's place. Mails the applicant.
 */
export async function setTransferTerms(
	db: Executor,
	actor: Actor,
	input: SetTransferTermsInput,
	options: { origin?: string } = {}
): Promise<SetTransferTermsResult> {
	return db.transaction(async (tx) => {
		const transferCase = await requireTransferCase(tx, input.caseId, { lock: true });
		requireCan(actor, 'transfer.manage', transferCase.asset);
		if (
			!(transferCase.stage === 'terms' || transferCase.stage === 'decision') ||
			transferCase.decision !== null
		) {
			throw new DomainError(
				'conflict',
				'Terms can be set only at the terms or decision stage, before a decision.',
				[{ field: 'tenure', message: 'Move the case to the terms stage first' }]
			);
		}
		await tx
			.update(assetsTransferCases)
			.set({
				tenure: input.tenure,
				leaseYears: input.leaseYears,
				annualRentPence: input.annualRentPence,
				breakClauses: input.breakClauses,
				otherConditions: input.otherConditions,
				termsSetAt: new Date(),
				updatedAt: new Date()
			})
			.where(eq(assetsTransferCases.id, transferCase.id));
		const short = isShortLease(input);
		await recordAudit(tx, actor, {
			action: 'transfer.terms',
			placeId: transferCase.asset.placeId,
			subjectType: 'transfer_case',
			subjectId: transferCase.id,
			details: {
				tenure: input.tenure,
				leaseYears: input.leaseYears,
				annualRentPence: input.annualRentPence,
				isShortLease: short
			}
		});
		await queueApplicantMail(tx, await applicantAddress(tx, transferCase), {
			subject: 'transfer.mail.termsSubject',
			body: 'transfer.mail.termsBody',
			params: {
				asset: transferCase.asset.name,
				url: `${siteOrigin(options.origin)}/assets/${transferCase.assetId}/transfer`
			}
		});
		return { isShortLease: short, longLeaseYears: LONG_LEASE_YEARS };
	});
}
