import { getDatabase } from '$lib/server/db';
import { getRerunFiles } from '$lib/server/panels';
import { actorOf, errorPage } from '../../../form-helpers';
import type { RequestHandler } from './$types';

/**
 * The pool for a re-run (numbers and features, no names or contact details), for the panel's
 * organisers only: features are personal data, so they are never public.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	let files;
	try {
		files = await getRerunFiles(await getDatabase(), actorOf(locals), params.id);
	} catch (cause) {
		errorPage(cause);
	}
	return new Response(files.people, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="people.csv"',
			'cache-control': 'no-store'
		}
	});
};
