import { getDatabase } from '$lib/server/db';
import { exportProcessPb } from '$lib/server/budgeting';
import { errorPage } from '../../../admin/form-helpers';
import type { RequestHandler } from './$types';

/** A counted process's ballots and result as a Pabulib file, for anyone to recount. */
export const GET: RequestHandler = async ({ params }) => {
	try {
		const file = await exportProcessPb(await getDatabase(), { processId: params.id });
		return new Response(file.text, {
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'content-disposition': `attachment; filename="${file.fileName}"`,
				'x-ballots-sha256': file.ballotsHash,
				'cache-control': 'public, max-age=300'
			}
		});
	} catch (cause) {
		errorPage(cause);
	}
};
