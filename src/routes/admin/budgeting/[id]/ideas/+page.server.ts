import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	formatPence,
	getProcess,
	listIdeasToModerate,
	moderateIdea,
	moderateIdeaSchema,
	type IdeaStatus
} from '$lib/server/budgeting';
import { formValues, validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid, pageParam, requireSignedIn } from '../../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

const statuses = ['submitted', 'published', 'hidden'] as const satisfies readonly IdeaStatus[];

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const process = await getProcess(db, actor, params.id);
	if (!process) error(404, 'Page not found');
	if (!process.canModerate) error(403, 'You cannot moderate the ideas of this process.');
	const asked = url.searchParams.get('status');
	const status = statuses.find((s) => s === asked) ?? 'submitted';
	const list = await listIdeasToModerate(db, actor, {
		processId: process.id,
		status,
		page: pageParam(url),
		pageSize: 20
	});
	return {
		process: { id: process.id, title: process.title },
		status,
		statuses,
		ideas: list.items.map((i) => ({
			id: i.id,
			title: i.title,
			description: i.description,
			status: i.status,
			placeName: i.placeName,
			roughCost: i.roughCostPence ? formatPence(i.roughCostPence) : null,
			publicReason: i.publicReason
		})),
		total: list.total,
		page: list.page,
		totalPages: list.totalPages
	};
};

export const actions: Actions = {
	moderate: async ({ request, locals }) => {
		const values = formValues(await request.formData());
		const parsed = validate(moderateIdeaSchema, values);
		if (!parsed.ok)
			return invalid(
				parsed.errors.map((e) => ({ ...e, field: `${e.field}-${values.ideaId}` })),
				values,
				values.ideaId
			);
		try {
			await moderateIdea(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values, values.ideaId);
		}
		return { done: { decision: parsed.data.decision, title: values.title ?? '' } };
	}
};
