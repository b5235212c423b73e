/**
 * What the meanwhile use forms accept. Dates arrive as `YYYY-MM-DD` (pages build them from the
 * GOV.UK day, month and year fields with {@link dateFromParts}). Messages are keys of the
 * `transfer.` catalogue.
 */
import { z } from 'zod';

/** `YYYY-MM-DD` from day, month and year as typed, or '' when any is missing or not a date. */
export function dateFromParts(day = '', month = '', year = ''): string {
	const [d, m, y] = [day, month, year].map((v) => v.trim());
	if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return '';
	const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
	return isRealDate(iso) ? iso : '';
}

/** True for a `YYYY-MM-DD` string naming a day that exists (no 30 February). */
export function isRealDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isoDate = (message: string) => z.string().trim().refine(isRealDate, message);

const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'transfer.validation.tooLong')
		.optional()
		.transform((v) => (v ? v : null));

/** Offering a vacant asset for meanwhile use between two dates. */
export const offerMeanwhileUseSchema = z
	.object({
		assetId: z.string().trim().min(1, 'transfer.validation.asset'),
		availableFrom: isoDate('transfer.validation.fromDate'),
		availableTo: isoDate('transfer.validation.toDate'),
		conditions: optionalText(4000)
	})
	.refine((v) => v.availableFrom <= v.availableTo, {
		path: ['availableTo'],
		message: 'transfer.validation.toBeforeFrom'
	});
export type OfferMeanwhileUseInput = z.infer<typeof offerMeanwhileUseSchema>;

/** Asking to use an offered asset, as a resident or for an organisation. */
export const requestMeanwhileUseSchema = z
	.object({
		offerId: z.string().trim().min(1, 'transfer.validation.offer'),
		organisationId: z
			.string()
			.trim()
			.optional()
			.transform((v) => (v ? v : null)),
		purpose: z
			.string()
			.trim()
			.min(1, 'transfer.validation.purposeRequired')
			.max(4000, 'transfer.validation.tooLong'),
		startsOn: isoDate('transfer.validation.fromDate'),
		endsOn: isoDate('transfer.validation.toDate')
	})
	.refine((v) => v.startsOn <= v.endsOn, {
		path: ['endsOn'],
		message: 'transfer.validation.toBeforeFrom'
	});
export type RequestMeanwhileUseInput = z.output<typeof requestMeanwhileUseSchema>;

/** Approving or declining a request; a decline needs a reason, which the requester is sent. */
export const decideMeanwhileRequestSchema = z
	.object({
		requestId: z.string().trim().min(1, 'transfer.validation.request'),
		decision: z.enum(['approved', 'declined'], 'transfer.validation.decision'),
		reason: optionalText(2000)
	})
	.refine((v) => v.decision === 'approved' || v.reason !== null, {
		path: ['reason'],
		message: 'transfer.validation.declineReason'
	});
export type DecideMeanwhileRequestInput = z.output<typeof decideMeanwhileRequestSchema>;
