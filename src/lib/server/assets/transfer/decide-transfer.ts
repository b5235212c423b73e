import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { applicantAddress, queueApplicantMail, siteOrigin } from './notify';
import { requireTransferCase } from './queries';
import { assetsTransferCases, assetsTransferEvents } from './schema';
import { isOpenStage } from './stages';
import type { DecideTransferInput } from './validation';

/**
 * The council's decision, with reasons that are published on the status page. Approval is made
 * at the decision stage (terms are set by then) and leaves the case there until the transfer
 * completes; refusal may come at any open stage and closes the case. Needs `transfer.manage` on
 * the asset's place. Mails the applicant.
 */
export async function decideTransfer(
	db: Executor,
	actor: Actor,
	input: DecideTransferInput,
	options: { origin?: string } = {}
): Promise<void> {
	await db.transaction(async (tx) => {
		const transferCase = await requireTransferCase(tx, input.caseId, { lock: true });
		requireCan(actor, 'transfer.manage', transferCase.asset);
		if (!isOpenStage(transferCase.stage) || transferCase.decision !== null) {
			throw new DomainError('conflict', 'This case has already been decided or has closed.');
		}
		if (input.decision === 'approved' && transferCase.stage !== 'decision') {
			throw new DomainError(
				'conflict',
				'A transfer can be approved only at the decision stage, once terms are set.',
				[{ field: 'decision', message: 'Move the case to the decision stage first' }]
			);
		}
		const now = new Date();
		const toStage = input.decision === 'refused' ? 'refused' : transferCase.stage;
		await tx
			.update(assetsTransferCases)
			.set({
				decision: input.decision,
				decisionReasons: input.reasons,
				decidedAt: now,
				decidedBy: actorId(actor),
				stage: toStage,
				updatedAt: now
			})
			.where(eq(assetsTransferCases.id, transferCase.id));
		if (toStage !== transferCase.stage) {
			await tx.insert(assetsTransferEvents).values({
				caseId: transferCase.id,
				fromStage: transferCase.stage,
				toStage,
				note: input.reasons,
				actorId: actorId(actor)
			});
		}
		await recordAudit(tx, actor, {
			action: 'transfer.decide',
			placeId: transferCase.asset.placeId,
			subjectType: 'transfer_case',
			subjectId: transferCase.id,
			details: { decision: input.decision, reasons: input.reasons }
		});
		await queueApplicantMail(tx, await applicantAddress(tx, transferCase), {
			subject:
				input.decision === 'approved'
					? 'transfer.mail.approvedSubject'
					: 'transfer.mail.refusedSubject',
			body: 'transfer.mail.decisionBody',
			params: {
				asset: transferCase.asset.name,
				reasons: input.reasons,
				url: `${siteOrigin(options.origin)}/assets/${transferCase.assetId}/transfer`
			}
		});
	});
}
