/**
 * What the assets-of-community-value forms accept. Messages are keys of the `acv.` catalogue,
 * translated by the platform's `validate`. Dates are calendar dates `YYYY-MM-DD` (the form's
 * day, month and year boxes are joined by the route).
 */
import { z } from 'zod';
import { isIsoDate } from '../../../core/assets/acv-dates';

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'acv.validation.tooLong')
		.optional()
		.transform((v) => (v ? v : null));

const requiredText = (message: string, max = 5000) =>
	z.string().trim().min(1, message).max(max, 'acv.validation.tooLong');

const legalDate = (message: string) =>
	z
		.string()
		.trim()
		.refine((v) => isIsoDate(v), message);

const yesNo = (message: string) => z.enum(['yes', 'no'], { message }).transform((v) => v === 'yes');

const optionalYesNo = z
	.enum(['yes', 'no', ''])
	.optional()
	.transform((v) => (v === 'yes' ? true : v === 'no' ? false : null));

export const nominatorKinds = [
	'parish_council',
	'neighbourhood_forum',
	'unincorporated_group',
	'charity',
	'community_interest_company',
	'company_limited_by_guarantee',
	'community_benefit_society',
	'other'
] as const;

/** A group's nomination of an asset: who it is (the eligibility questions) and why. */
export const nominateAssetSchema = z
	.object({
		assetId: requiredText('acv.validation.asset', 100),
		organisationId: requiredText('acv.validation.organisation', 100),
		kind: z.enum(nominatorKinds, { message: 'acv.validation.kind' }),
		isLocal: yesNo('acv.validation.isLocal'),
		localElectorMembers: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null))
			.refine((v) => v === null || /^\d{1,6}$/.test(v), 'acv.validation.members')
			.transform((v) => (v === null ? null : Number(v))),
		distributesNoSurplus: optionalYesNo,
		landInParish: optionalYesNo,
		reasons: requiredText('acv.validation.reasons')
	})
	.superRefine((value, ctx) => {
		if (value.kind === 'unincorporated_group' && value.localElectorMembers === null) {
			ctx.addIssue({
				code: 'custom',
				path: ['localElectorMembers'],
				message: 'acv.validation.members'
			});
		}
	});
export type NominateAssetInput = z.infer<typeof nominateAssetSchema>;

/** An officer's decision on a nomination. */
export const decideNominationSchema = z.object({
	nominationId: requiredText('acv.validation.nomination', 100),
	decision: z.enum(['listed', 'not_listed'], { message: 'acv.validation.decision' }),
	decisionDate: legalDate('acv.validation.date'),
	reasons: requiredText('acv.validation.decisionReasons')
});
export type DecideNominationInput = z.infer<typeof decideNominationSchema>;

/** An owner's notice of a relevant disposal, as received by the council. */
export const recordDisposalNoticeSchema = z.object({
	assetId: requiredText('acv.validation.asset', 100),
	receivedDate: legalDate('acv.validation.date'),
	ownerName: optionalText(200),
	notes: optionalText(2000)
});
export type RecordDisposalNoticeInput = z.infer<typeof recordDisposalNoticeSchema>;

/** A community interest group's written request to be treated as a potential bidder. */
export const recordBidRequestSchema = z
	.object({
		assetId: requiredText('acv.validation.asset', 100),
		organisationId: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null)),
		groupName: optionalText(200),
		receivedDate: legalDate('acv.validation.date')
	})
	.superRefine((value, ctx) => {
		if (!value.organisationId && !value.groupName) {
			ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'acv.validation.group' });
		}
	});
export type RecordBidRequestInput = z.infer<typeof recordBidRequestSchema>;

/** A disposal that is exempt from the moratorium. */
export const recordExemptDisposalSchema = z.object({
	assetId: requiredText('acv.validation.asset', 100),
	disposalDate: legalDate('acv.validation.date'),
	exemption: requiredText('acv.validation.exemption', 500),
	notes: optionalText(2000)
});
export type RecordExemptDisposalInput = z.infer<typeof recordExemptDisposalSchema>;
