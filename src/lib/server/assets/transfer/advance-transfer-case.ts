import { eq } from 'drizzle-orm';
import { t } from '../../../i18n/index';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { platformOrganisations } from '../../platform/schema';
import { applicantAddress, queueApplicantMail, siteOrigin } from './notify';
import { requireTransferCase } from './queries';
import { assetsTransferCases, assetsTransferEvents } from './schema';
import { transitionProblem } from './stages';
import type { AdvanceTransferCaseInput } from './validation';

/**
 * An officer moves a case to another stage with a note for the public timeline. Only the moves
 * in `stages.ts` are allowed: one stage forward (or from terms back to the business plan), or
 * withdrawn; the decision stage needs terms, and completion an approved decision. Needs
 * `transfer.manage` on the asset's place. Mails the applicant.
 */
export async function advanceTransferCase(
	db: Executor,
	actor: Actor,
	input: AdvanceTransferCaseInput,
	options: { origin?: string } = {}
): Promise<void> {
	await db.transaction(async (tx) => {
		const transferCase = await requireTransferCase(tx, input.caseId, { lock: true });
		requireCan(actor, 'transfer.manage', transferCase.asset);
		const problem = transitionProblem(transferCase, input.toStage);
		if (problem) {
			const message = t(problem, {
				from: t(`transfer.stage.${transferCase.stage}`),
				to: t(`transfer.stage.${input.toStage}`)
			});
			throw new DomainError('conflict', message, [{ field: 'toStage', message }]);
		}
		const now = new Date();
		await tx
			.update(assetsTransferCases)
			.set({
				stage: input.toStage,
				updatedAt: now,
				...(input.toStage === 'completed' ? { completedAt: now } : {})
			})
			.where(eq(assetsTransferCases.id, transferCase.id));
		await tx.insert(assetsTransferEvents).values({
			caseId: transferCase.id,
			fromStage: transferCase.stage,
			toStage: input.toStage,
			note: input.note,
			actorId: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'transfer.advance',
			placeId: transferCase.asset.placeId,
			subjectType: 'transfer_case',
			subjectId: transferCase.id,
			details: { from: transferCase.stage, to: input.toStage, note: input.note }
		});
		const [organisation] = await tx
			.select({ name: platformOrganisations.name })
			.from(platformOrganisations)
			.where(eq(platformOrganisations.id, transferCase.organisationId));
		await queueApplicantMail(tx, await applicantAddress(tx, transferCase), {
			subject: 'transfer.mail.stageSubject',
			body: 'transfer.mail.stageBody',
			params: {
				asset: transferCase.asset.name,
				organisation: organisation?.name ?? '',
				stage: t(`transfer.stage.${input.toStage}`),
				note: input.note ? `${input.note}\n\n` : '',
				url: `${siteOrigin(options.origin)}/assets/${transferCase.assetId}/transfer`
			}
		});
	});
}
