import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { listOrukServiceAtLocations } from '$lib/server/assets';
import { openHeaders, orukPaging } from '../paging';
import type { RequestHandler } from './$types';

/** A page of services at their locations. */
export const GET: RequestHandler = async ({ url }) =>
	json(await listOrukServiceAtLocations(await getDatabase(), url.origin, orukPaging(url)), {
		headers: openHeaders
	});
