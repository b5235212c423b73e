/** What the asset forms accept. Messages are keys of the `assets.` catalogue. */
import { z } from 'zod';
import { assetConditions, assetKinds, assetOwnerTypes, assetStatuses } from './schema';

const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'assets.validation.tooLong')
		.optional()
		.transform((v) => (v ? v : null));

/** An optional choice: a blank answer means "not known". */
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
	z
		.union([z.literal(''), z.enum(values, message)])
		.optional()
		.transform((v) => (v ? (v as T[number]) : null));

const coordinate = (limit: number, message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const n = /^[+-]?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
			if (!Number.isFinite(n) || Math.abs(n) > limit) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});

/** UK postcodes, loosely: "AB1 2CD", "ab12cd". Stored upper case with one space. */
const postcode = z
	.string()
	.trim()
	.optional()
	.transform((v, ctx) => {
		if (!v) return null;
		const compact = v.toUpperCase().replace(/\s+/g, '');
		if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) {
			ctx.addIssue({ code: 'custom', message: 'assets.validation.postcode' });
			return z.NEVER;
		}
		return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
	});

const photoUrl = optional(500).refine(
	(v) => v === null || /^(https?:\/\/[^\s]+|\/[^\s]*)$/i.test(v),
	'assets.validation.photoUrl'
);

const baseFields = {
	placeId: z.string().trim().min(1, 'assets.validation.place'),
	name: z
		.string()
		.trim()
		.min(1, 'assets.validation.nameRequired')
		.max(200, 'assets.validation.tooLong'),
	kind: z.enum(assetKinds, 'assets.validation.kind'),
	description: optional(4000),
	address: optional(500),
	postcode,
	latitude: coordinate(90, 'assets.validation.latitude'),
	longitude: coordinate(180, 'assets.validation.longitude')
};

const bothOrNeither = <T extends { latitude: number | null; longitude: number | null }>(v: T) =>
	(v.latitude === null) === (v.longitude === null);

/** A resident suggesting a space for the register. */
export const suggestAssetSchema = z
	.object(baseFields)
	.refine(bothOrNeither, { message: 'assets.validation.pointIncomplete', path: ['longitude'] });
export type SuggestAssetInput = z.infer<typeof suggestAssetSchema>;

const registerFields = {
	...baseFields,
	ownerType: optionalEnum(assetOwnerTypes, 'assets.validation.ownerType'),
	ownerName: optional(200),
	runBy: optional(64),
	condition: z.enum(assetConditions, 'assets.validation.condition').default('unknown'),
	openingInfo: optional(2000),
	bookingInfo: optional(2000),
	status: z.enum(assetStatuses, 'assets.validation.status').default('confirmed'),
	photoUrl,
	photoAlt: optional(300)
};

const photoNeedsAlt = (v: { photoUrl: string | null; photoAlt: string | null }) =>
	v.photoUrl === null || v.photoAlt !== null;

/** An organiser adding an asset to the register. */
export const createAssetSchema = z
	.object(registerFields)
	.refine(bothOrNeither, { message: 'assets.validation.pointIncomplete', path: ['longitude'] })
	.refine(photoNeedsAlt, { message: 'assets.validation.photoAlt', path: ['photoAlt'] });
export type CreateAssetInput = z.infer<typeof createAssetSchema>;

/** An organiser changing an asset's details. */
export const updateAssetSchema = z
	.object({ assetId: z.string().trim().min(1, 'assets.validation.asset'), ...registerFields })
	.refine(bothOrNeither, { message: 'assets.validation.pointIncomplete', path: ['longitude'] })
	.refine(photoNeedsAlt, { message: 'assets.validation.photoAlt', path: ['photoAlt'] });
export type UpdateAssetInput = z.infer<typeof updateAssetSchema>;

/** Turning down a suggestion, with a reason the person who made it will see. */
export const rejectAssetSchema = z.object({
	assetId: z.string().trim().min(1, 'assets.validation.asset'),
	reason: z
		.string()
		.trim()
		.min(1, 'assets.validation.reasonRequired')
		.max(1000, 'assets.validation.tooLong')
});
export type RejectAssetInput = z.infer<typeof rejectAssetSchema>;
