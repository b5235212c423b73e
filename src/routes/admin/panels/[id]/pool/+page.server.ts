import { fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getOrganiserPanel, importPool } from '$lib/server/panels';
import { errorPage, failFromError, requireSignedIn } from '../../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

/** The server's body limit (512 KB by default) bounds the upload; 5,000 volunteers fit in it. */
const maxFileBytes = 480 * 1024;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	try {
		const { panel } = await getOrganiserPanel(await getDatabase(), actor, params.id);
		return {
			panel: {
				id: panel.id,
				title: panel.title,
				panelSize: panel.panelSize,
				poolSize: panel.poolSize,
				status: panel.status,
				isOnePerHousehold: panel.isOnePerHousehold
			}
		};
	} catch (cause) {
		errorPage(cause);
	}
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		const data = await request.formData();
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0)
			return fail(400, { errors: [{ field: 'file', message: 'Select a CSV file' }] });
		if (file.size > maxFileBytes)
			return fail(400, {
				errors: [{ field: 'file', message: 'The file must be smaller than 480 KB' }]
			});
		let report;
		try {
			report = await importPool(await getDatabase(), actor, {
				panelId: params.id,
				csv: await file.text()
			});
		} catch (cause) {
			return failFromError(cause, {});
		}
		if (report.problems.length > 0)
			return fail(400, {
				fileName: file.name,
				rowsRead: report.rowsRead,
				problems: report.problems.slice(0, 200),
				moreProblems: Math.max(0, report.problems.length - 200),
				errors: [
					{
						field: 'file',
						message: `${file.name} has ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}; nothing was imported`
					}
				]
			});
		redirect(303, `/admin/panels/${params.id}/quotas?imported=${report.imported}`);
	}
};
