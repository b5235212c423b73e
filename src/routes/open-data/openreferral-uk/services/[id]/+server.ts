import { error, json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getOrukService } from '$lib/server/assets';
import { openHeaders } from '../../paging';
import type { RequestHandler } from './$types';

/** One service in full, with its organisation and location. */
export const GET: RequestHandler = async ({ url, params }) => {
	const service = await getOrukService(await getDatabase(), url.origin, params.id);
	if (!service) error(404, 'No service has this id.');
	return json(service, { headers: openHeaders });
};
