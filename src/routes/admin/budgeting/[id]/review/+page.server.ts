import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	createProject,
	createProjectSchema,
	formatPence,
	getProcess,
	getReviewBoard,
	penceToPoundsText,
	putProjectOnBallot,
	rejectIdea,
	rejectIdeaSchema,
	updateProject,
	updateProjectSchema,
	withdrawProject,
	withdrawProjectSchema
} from '$lib/server/budgeting';
import { formValues, validate, type FieldError } from '$lib/server/platform';
import { actorOf, failFromError, invalid, pageParam, requireSignedIn } from '../../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const process = await getProcess(db, actor, params.id);
	if (!process) error(404, 'Page not found');
	if (!process.canReview) error(403, 'You cannot review the ideas of this process.');
	const board = await getReviewBoard(db, actor, {
		processId: process.id,
		page: pageParam(url),
		pageSize: 50
	});
	return {
		process: {
			id: process.id,
			title: process.title,
			budget: formatPence(process.budgetPence)
		},
		isOpen: ['draft', 'ideas', 'review'].includes(process.phase),
		waiting: board.waiting.items.map((i) => ({
			id: i.id,
			title: i.title,
			description: i.description,
			placeName: i.placeName,
			roughCost: i.roughCostPence ? formatPence(i.roughCostPence) : null,
			supportCount: i.supportCount
		})),
		page: board.waiting.page,
		totalPages: board.waiting.totalPages,
		projects: board.projects.map((p) => ({
			id: p.id,
			number: p.number,
			title: p.title,
			description: p.description,
			cost: formatPence(p.costPence),
			costText: penceToPoundsText(p.costPence),
			feasibilityNote: p.feasibilityNote ?? '',
			status: p.status,
			publicReason: p.publicReason,
			ideas: p.ideas
		}))
	};
};

/** Errors of a form repeated once per project or idea, with ids made unique by `suffix`. */
const suffixed = (errors: FieldError[], suffix: string) =>
	errors.map((e) => ({ ...e, field: `${e.field}-${suffix}` }));

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const data = await request.formData();
		const values = { ...formValues(data), processId: params.id };
		const ideaIds = data.getAll('ideaIds').filter((v): v is string => typeof v === 'string');
		const parsed = validate(createProjectSchema, { ...values, ideaIds });
		const kept = { ...values, ideaIds };
		if (!parsed.ok) return invalid(parsed.errors, kept, 'create');
		try {
			await createProject(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, kept, 'create');
		}
		return { done: { kind: 'created', title: parsed.data.title } };
	},
	reject: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = validate(rejectIdeaSchema, values);
		if (!parsed.ok)
			return invalid(suffixed(parsed.errors, values.ideaId ?? ''), values, values.ideaId);
		try {
			await rejectIdea(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values, values.ideaId);
		}
		return { done: { kind: 'rejected', title: values.ideaTitle ?? '' } };
	},
	update: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = validate(updateProjectSchema, values);
		if (!parsed.ok)
			return invalid(suffixed(parsed.errors, values.projectId ?? ''), values, values.projectId);
		try {
			await updateProject(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values, values.projectId);
		}
		return { done: { kind: 'saved', title: parsed.data.title } };
	},
	ballot: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		try {
			await putProjectOnBallot(await getDatabase(), actorOf(locals), {
				projectId: values.projectId ?? ''
			});
		} catch (cause) {
			return failFromError(cause, values, values.projectId);
		}
		return { done: { kind: 'onBallot', title: values.projectTitle ?? '' } };
	},
	withdraw: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = validate(withdrawProjectSchema, values);
		if (!parsed.ok)
			return invalid(
				suffixed(
					parsed.errors.map((e) => ({
						...e,
						field: e.field === 'reason' ? 'withdrawReason' : e.field
					})),
					values.projectId ?? ''
				),
				values,
				values.projectId
			);
		try {
			await withdrawProject(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values, values.projectId);
		}
		return { done: { kind: 'withdrawn', title: values.projectTitle ?? '' } };
	}
};
