import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { newId } from '../../platform/ids';
import { actorId, requireCan, type Actor } from '../../platform/permissions';
import { applicantAddress, queueApplicantMail, siteOrigin } from './notify';
import { requireTransferCase } from './queries';
import { assetsTransferDocuments } from './schema';
import type { AddTransferDocumentInput } from './validation';

/**
 * An officer adds a document to a case: a link to it for now (file uploads are not built yet),
 * public on the status page unless marked private. Needs `transfer.manage` on the asset's place.
 * Mails the applicant when the document is public.
 */
export async function addTransferDocument(
	db: Executor,
	actor: Actor,
	input: AddTransferDocumentInput,
	options: { origin?: string } = {}
): Promise<{ documentId: string }> {
	return db.transaction(async (tx) => {
		const transferCase = await requireTransferCase(tx, input.caseId);
		requireCan(actor, 'transfer.manage', transferCase.asset);
		const documentId = newId();
		await tx.insert(assetsTransferDocuments).values({
			id: documentId,
			caseId: transferCase.id,
			title: input.title,
			url: input.url,
			description: input.description,
			isPublic: input.isPublic,
			addedBy: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'transfer.document',
			placeId: transferCase.asset.placeId,
			subjectType: 'transfer_case',
			subjectId: transferCase.id,
			details: { documentId, title: input.title, isPublic: input.isPublic }
		});
		if (input.isPublic) {
			await queueApplicantMail(tx, await applicantAddress(tx, transferCase), {
				subject: 'transfer.mail.documentSubject',
				body: 'transfer.mail.documentBody',
				params: {
					asset: transferCase.asset.name,
					title: input.title,
					url: `${siteOrigin(options.origin)}/assets/${transferCase.assetId}/transfer`
				}
			});
		}
		return { documentId };
	});
}
