import { getDatabase } from '$lib/server/db';
import { getRerunFiles } from '$lib/server/panels';
import { actorOf, errorPage } from '../../../form-helpers';
import type { RequestHandler } from './$types';

/**
 * The quotas for a re-run, in the format `powershare panel select --quotas` reads.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	let files;
	try {
		files = await getRerunFiles(await getDatabase(), actorOf(locals), params.id);
	} catch (cause) {
		errorPage(cause);
	}
	return new Response(files.features, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="features.csv"',
			'cache-control': 'no-store'
		}
	});
};
