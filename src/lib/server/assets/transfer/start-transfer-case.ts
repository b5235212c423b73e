import { and, eq, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { actorId, can, requireCan, type Actor } from '../../platform/permissions';
import {
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces
} from '../../platform/schema';
import { requireAssetWithPlace } from './asset-place';
import { applicantAddress, queueApplicantMail, siteOrigin } from './notify';
import { assetsTransferCases, assetsTransferEvents, closedTransferStages } from './schema';
import type { StartTransferCaseInput } from './validation';

/** Asset statuses a group may ask to take on: on the register, open or closed. */
const transferableStatuses = ['confirmed', 'closed'];

/**
 * An organisation's expression of interest in taking on an asset, which opens a transfer case.
 * Needs `transfer.start` on the asset's place, and the actor must look after the organisation
 * (`organisation.manage` on a place it works in), so an organiser cannot apply in the name of a
 * group elsewhere. Mails the applicant a receipt.
 */
export async function startTransferCase(
	db: Executor,
	actor: Actor,
	input: StartTransferCaseInput,
	options: { origin?: string } = {}
): Promise<{ caseId: string }> {
	return db.transaction(async (tx) => {
		const asset = await requireAssetWithPlace(tx, input.assetId);
		requireCan(actor, 'transfer.start', asset);
		if (!transferableStatuses.includes(asset.status)) {
			throw new DomainError('conflict', 'This asset cannot be taken on through the platform.');
		}
		const [organisation] = await tx
			.select({ id: platformOrganisations.id, name: platformOrganisations.name })
			.from(platformOrganisations)
			.where(eq(platformOrganisations.id, input.organisationId));
		if (!organisation) {
			throw new DomainError('not_found', 'That organisation does not exist.', [
				{ field: 'organisationId', message: 'Select an organisation' }
			]);
		}
		const places = await tx
			.select({ path: platformPlaces.path })
			.from(platformOrganisationPlaces)
			.innerJoin(platformPlaces, eq(platformPlaces.id, platformOrganisationPlaces.placeId))
			.where(eq(platformOrganisationPlaces.organisationId, organisation.id));
		const mayActFor =
			actor.kind === 'system' ||
			(actor.kind === 'person' && actor.isPlatformAdmin) ||
			places.some((p) => can(actor, 'organisation.manage', p));
		if (!mayActFor) {
			throw new DomainError('forbidden', 'You cannot apply in the name of this organisation.');
		}
		const [open] = await tx
			.select({ id: assetsTransferCases.id })
			.from(assetsTransferCases)
			.where(
				and(
					eq(assetsTransferCases.assetId, asset.id),
					eq(assetsTransferCases.organisationId, organisation.id),
					notInArray(assetsTransferCases.stage, [...closedTransferStages])
				)
			);
		if (open) {
			throw new DomainError(
				'conflict',
				`${organisation.name} has already asked to take on ${asset.name}.`,
				[{ field: 'organisationId', message: `${organisation.name} has already asked` }]
			);
		}

		const caseId = newId();
		await tx.insert(assetsTransferCases).values({
			id: caseId,
			assetId: asset.id,
			organisationId: organisation.id,
			proposal: input.proposal,
			submittedBy: actorId(actor)
		});
		await tx.insert(assetsTransferEvents).values({
			caseId,
			fromStage: null,
			toStage: 'expression_of_interest',
			actorId: actorId(actor)
		});
		await recordAudit(tx, actor, {
			action: 'transfer.start',
			placeId: asset.placeId,
			subjectType: 'transfer_case',
			subjectId: caseId,
			details: { assetId: asset.id, asset: asset.name, organisation: organisation.name }
		});
		await queueApplicantMail(
			tx,
			await applicantAddress(tx, { submittedBy: actorId(actor), organisationId: organisation.id }),
			{
				subject: 'transfer.mail.startedSubject',
				body: 'transfer.mail.startedBody',
				params: {
					asset: asset.name,
					organisation: organisation.name,
					url: `${siteOrigin(options.origin)}/assets/${asset.id}/transfer`
				}
			}
		);
		return { caseId };
	});
}
