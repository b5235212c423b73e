/** What the idea and review forms accept. Messages are keys of the `budgeting.ideas.` catalogue. */
import { z } from 'zod';
import { parsePounds } from '../../../core/budgeting/money';
import { detectImageType, type ImageType } from '../../../core/images/image-type';

const id = (message: string) => z.string().trim().min(1, message);

const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'budgeting.ideas.validation.tooLong')
		.optional()
		.transform((v) => (v ? v : null));

const required = (max: number, message: string) =>
	z.string().trim().min(1, message).max(max, 'budgeting.ideas.validation.tooLong');

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

/** Pounds as typed, to pence; blank is allowed unless `requiredMessage` is given. */
const pounds = (message: string, requiredMessage?: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) {
				if (requiredMessage) {
					ctx.addIssue({ code: 'custom', message: requiredMessage });
					return z.NEVER;
				}
				return null;
			}
			const pence = parsePounds(v);
			if (pence === null || pence <= 0) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return pence;
		});

/** The largest photo accepted with an idea: 5 MB, as the form's hint says. */
export const maxIdeaPhotoBytes = 5 * 1024 * 1024;

/** A photo that passed the checks: its bytes and the type recognised from them. */
export type IdeaPhotoUpload = { bytes: Uint8Array; contentType: ImageType };

/**
 * The bytes of an uploaded file, or null when no file was chosen (browsers send an empty part
 * without a name then). Reading is async, so routes do it before the (sync) schema runs.
 */
export async function readUpload(value: FormDataEntryValue | null): Promise<Uint8Array | null> {
	if (!(value instanceof File) || value.size === 0) return null;
	return new Uint8Array(await value.arrayBuffer());
}

/** An optional JPEG, PNG or WebP photo up to 5 MB, recognised by its bytes. */
const photo = z
	.instanceof(Uint8Array)
	.nullish()
	.transform((bytes, ctx): IdeaPhotoUpload | null => {
		if (!bytes || bytes.length === 0) return null;
		if (bytes.length > maxIdeaPhotoBytes) {
			ctx.addIssue({ code: 'custom', message: 'budgeting.ideas.validation.photoTooLarge' });
			return z.NEVER;
		}
		const contentType = detectImageType(bytes);
		if (!contentType) {
			ctx.addIssue({ code: 'custom', message: 'budgeting.ideas.validation.photoType' });
			return z.NEVER;
		}
		return { bytes, contentType };
	});

/** A resident putting forward an idea. */
export const submitIdeaSchema = z
	.object({
		processId: id('budgeting.ideas.validation.process'),
		title: required(150, 'budgeting.ideas.validation.titleRequired'),
		description: required(4000, 'budgeting.ideas.validation.descriptionRequired'),
		placeId: optional(64),
		latitude: coordinate(90, 'budgeting.ideas.validation.latitude'),
		longitude: coordinate(180, 'budgeting.ideas.validation.longitude'),
		roughCost: pounds('budgeting.ideas.validation.roughCost'),
		photo,
		photoAlt: optional(300)
	})
	.refine((v) => (v.latitude === null) === (v.longitude === null), {
		message: 'budgeting.ideas.validation.pointIncomplete',
		path: ['longitude']
	})
	.refine((v) => v.photo === null || v.photoAlt !== null, {
		message: 'budgeting.ideas.validation.photoAlt',
		path: ['photoAlt'],
		// Checked even when other answers are wrong: the photo has to be chosen again after any
		// error, so every problem with it is said at once.
		when: ({ issues }) => !issues.some((i) => i.path?.[0] === 'photo' || i.path?.[0] === 'photoAlt')
	})
	.transform(({ roughCost, ...rest }) => ({ ...rest, roughCostPence: roughCost }));
export type SubmitIdeaInput = z.infer<typeof submitIdeaSchema>;

/** A moderator publishing an idea, or hiding it with a reason everyone can read. */
export const moderateIdeaSchema = z
	.object({
		ideaId: id('budgeting.ideas.validation.idea'),
		decision: z.enum(['publish', 'hide'], 'budgeting.ideas.validation.decision'),
		reason: optional(1000)
	})
	.refine((v) => v.decision === 'publish' || v.reason !== null, {
		message: 'budgeting.ideas.validation.hideReason',
		path: ['reason']
	});
export type ModerateIdeaInput = z.infer<typeof moderateIdeaSchema>;

/** An officer turning down an idea at review, with a reason everyone can read. */
export const rejectIdeaSchema = z.object({
	ideaId: id('budgeting.ideas.validation.idea'),
	reason: required(1000, 'budgeting.ideas.validation.rejectReason')
});
export type RejectIdeaInput = z.infer<typeof rejectIdeaSchema>;

const projectFields = {
	title: required(150, 'budgeting.ideas.validation.projectTitle'),
	description: optional(4000).transform((v) => v ?? ''),
	cost: pounds('budgeting.ideas.validation.cost', 'budgeting.ideas.validation.costRequired'),
	feasibilityNote: optional(2000)
};

/**
 * An officer making a costed project from one idea, or from several that say the same thing
 * (they are merged). `ideaIds` come from ticked checkboxes.
 */
export const createProjectSchema = z
	.object({
		processId: id('budgeting.ideas.validation.process'),
		ideaIds: z.array(z.string().trim().min(1)).min(1, 'budgeting.ideas.validation.ideasRequired'),
		...projectFields
	})
	.transform(({ cost, ...rest }) => ({ ...rest, costPence: cost! }));
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

/** An officer changing a project's title, description, cost or feasibility note. */
export const updateProjectSchema = z
	.object({ projectId: id('budgeting.ideas.validation.project'), ...projectFields })
	.transform(({ cost, ...rest }) => ({ ...rest, costPence: cost! }));
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

/** An officer taking a project off the ballot, with a reason everyone can read. */
export const withdrawProjectSchema = z.object({
	projectId: id('budgeting.ideas.validation.project'),
	reason: required(1000, 'budgeting.ideas.validation.withdrawReason')
});
export type WithdrawProjectInput = z.infer<typeof withdrawProjectSchema>;
