import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	cancelCodeBatch,
	createCodeBatch,
	createCodeBatchSchema,
	getBallotPage,
	listCodeBatches
} from '$lib/server/budgeting';
import { formValues, validate } from '$lib/server/platform';
import { errorPage, failFromError, invalid, requireSignedIn } from '../../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const db = await getDatabase();
	const listed = await listCodeBatches(db, actor, params.id).catch(errorPage);
	const page = await getBallotPage(db, actor, { processId: params.id, withNeighbourhoods: true });
	if (!page) error(404, 'There is no such budget.');
	return {
		process: {
			id: listed.process.id,
			title: listed.process.title,
			allowCodes: listed.process.allowCodes
		},
		batches: listed.batches,
		neighbourhoods: page.neighbourhoods
	};
};

export const actions: Actions = {
	create: async ({ params, locals, request, url }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		const parsed = validate(createCodeBatchSchema, { ...values, processId: params.id });
		if (!parsed.ok) return invalid(parsed.errors, values, 'create');
		let id: string;
		try {
			({ id } = await createCodeBatch(await getDatabase(), actor, parsed.data));
		} catch (cause) {
			return failFromError(cause, values, 'create');
		}
		redirect(303, `/admin/budgeting/${params.id}/codes/${id}/letters`);
	},
	cancel: async ({ params, locals, request, url }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		try {
			const { cancelled } = await cancelCodeBatch(await getDatabase(), actor, {
				processId: params.id,
				batchId: values.batchId ?? ''
			});
			return { cancelled };
		} catch (cause) {
			return failFromError(cause, values, 'cancel');
		}
	}
};
