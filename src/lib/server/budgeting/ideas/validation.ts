/** What the idea and review forms accept. Messages are keys of the `budgeting.ideas.` catalogue. */
import { z } from 'zod';
import { parsePounds } from '../../../core/budgeting/money';

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

const photoUrl = optional(500).refine(
	(v) => v === null || /^(https?:\/\/[^\s]+|\/[^\s]*)$/i.test(v),
	'budgeting.ideas.validation.photoUrl'
);

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
		photoUrl,
		photoAlt: optional(300)
	})
	.refine((v) => (v.latitude === null) === (v.longitude === null), {
		message: 'budgeting.ideas.validation.pointIncomplete',
		path: ['longitude']
	})
	.refine((v) => v.photoUrl === null || v.photoAlt !== null, {
		message: 'budgeting.ideas.validation.photoAlt',
		path: ['photoAlt']
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
