/**
 * What the transfer forms accept. Messages are keys of the `transfer.` catalogue, translated by
 * the platform's `validate`.
 */
import { z } from 'zod';
import { transferStages } from './schema';

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'transfer.validation.tooLong')
		.optional()
		.transform((v) => (v ? v : null));

const id = (message: string) => z.string().trim().min(1, message);

/** Pounds as typed ("1,250", "£1250.50") to whole pence; anything else fails. */
export function poundsToPence(value: string): number | null {
	const cleaned = value.replace(/[£,\s]/g, '');
	if (!/^\d{1,9}(\.\d{1,2})?$/.test(cleaned)) return null;
	const [whole, fraction = ''] = cleaned.split('.');
	return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** An organisation's expression of interest in taking on an asset. */
export const startTransferCaseSchema = z.object({
	assetId: id('transfer.validation.asset'),
	organisationId: id('transfer.validation.organisation'),
	proposal: z
		.string()
		.trim()
		.min(1, 'transfer.validation.proposalRequired')
		.max(5000, 'transfer.validation.tooLong')
});
export type StartTransferCaseInput = z.infer<typeof startTransferCaseSchema>;

/** An officer moving a case to another stage, with a note for the public timeline. */
export const advanceTransferCaseSchema = z.object({
	caseId: id('transfer.validation.case'),
	toStage: z.enum(transferStages, 'transfer.validation.stage'),
	note: optionalText(2000)
});
export type AdvanceTransferCaseInput = z.infer<typeof advanceTransferCaseSchema>;

/** The terms offered: freehold, or a lease with its length, rent and break clauses. */
export const setTransferTermsSchema = z
	.object({
		caseId: id('transfer.validation.case'),
		tenure: z.enum(['freehold', 'lease'], 'transfer.validation.tenure'),
		leaseYears: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null)),
		annualRent: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null)),
		breakClauses: optionalText(2000),
		otherConditions: optionalText(4000)
	})
	.transform((input, ctx) => {
		let leaseYears: number | null = null;
		if (input.tenure === 'lease') {
			const years = Number(input.leaseYears);
			if (!input.leaseYears || !Number.isInteger(years) || years < 1 || years > 999) {
				ctx.addIssue({
					code: 'custom',
					path: ['leaseYears'],
					message: 'transfer.validation.leaseYears'
				});
				return z.NEVER;
			}
			leaseYears = years;
		}
		let annualRentPence: number | null = null;
		if (input.annualRent !== null) {
			annualRentPence = poundsToPence(input.annualRent);
			if (annualRentPence === null) {
				ctx.addIssue({ code: 'custom', path: ['annualRent'], message: 'transfer.validation.rent' });
				return z.NEVER;
			}
		}
		return {
			caseId: input.caseId,
			tenure: input.tenure,
			leaseYears,
			annualRentPence,
			breakClauses: input.tenure === 'lease' ? input.breakClauses : null,
			otherConditions: input.otherConditions
		};
	});
export type SetTransferTermsInput = z.output<typeof setTransferTermsSchema>;

/** Approving or refusing the transfer, always with reasons, which are published. */
export const decideTransferSchema = z.object({
	caseId: id('transfer.validation.case'),
	decision: z.enum(['approved', 'refused'], 'transfer.validation.decision'),
	reasons: z
		.string()
		.trim()
		.min(1, 'transfer.validation.reasonsRequired')
		.max(4000, 'transfer.validation.tooLong')
});
export type DecideTransferInput = z.infer<typeof decideTransferSchema>;

/** A document of the case, given as a link for now (no uploads yet). */
export const addTransferDocumentSchema = z.object({
	caseId: id('transfer.validation.case'),
	title: z
		.string()
		.trim()
		.min(1, 'transfer.validation.documentTitle')
		.max(200, 'transfer.validation.tooLong'),
	url: z
		.string()
		.trim()
		.max(2000, 'transfer.validation.tooLong')
		.refine((v) => /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v), 'transfer.validation.documentUrl'),
	description: optionalText(2000),
	isPublic: z
		.union([z.boolean(), z.string()])
		.optional()
		.transform((v) => v === true || v === 'yes' || v === 'on')
});
export type AddTransferDocumentInput = z.output<typeof addTransferDocumentSchema>;
