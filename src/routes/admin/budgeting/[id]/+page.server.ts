import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	formatPence,
	getProcess,
	phasesMovableFrom,
	movePhase,
	movePhaseSchema,
	publishProcess,
	updateProcess,
	updateProcessSchema,
	withPhaseDates
} from '$lib/server/budgeting';
import { formValues, validate } from '$lib/server/platform';
import { actorOf, failFromError, invalid, requireSignedIn } from '../../form-helpers';
import { placeChoices, processValues } from '../form';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const process = await getProcess(db, actor, params.id);
	if (!process) error(404, 'Page not found');
	if (!process.canReview) error(403, 'You cannot manage this process.');
	return {
		process: {
			id: process.id,
			title: process.title,
			status: process.status,
			phase: process.phase,
			budget: formatPence(process.budgetPence),
			placeName: process.place.name,
			values: processValues(process)
		},
		places: process.canManage ? await placeChoices(db, actor) : [],
		canManage: process.canManage,
		canModerate: process.canModerate,
		movablePhases: phasesMovableFrom(process.phase),
		notice: ['created', 'saved', 'published', 'moved'].find((k) => url.searchParams.has(k)) ?? null
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const values = {
			...withPhaseDates(formValues(await request.formData())),
			processId: params.id
		};
		const parsed = validate(updateProcessSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values, 'settings');
		try {
			await updateProcess(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values, 'settings');
		}
		redirect(303, `/admin/budgeting/${params.id}?saved`);
	},
	publish: async ({ locals, params }) => {
		try {
			await publishProcess(await getDatabase(), actorOf(locals), { processId: params.id });
		} catch (cause) {
			return failFromError(cause, {}, 'publish');
		}
		redirect(303, `/admin/budgeting/${params.id}?published`);
	},
	move: async ({ request, locals, params }) => {
		const values = { ...formValues(await request.formData()), processId: params.id };
		const parsed = validate(movePhaseSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values, 'move');
		try {
			await movePhase(await getDatabase(), actorOf(locals), parsed.data);
		} catch (cause) {
			return failFromError(cause, values, 'move');
		}
		redirect(303, `/admin/budgeting/${params.id}?moved`);
	}
};
