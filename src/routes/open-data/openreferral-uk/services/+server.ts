import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { listOrukServices } from '$lib/server/assets';
import { openHeaders, orukPaging } from '../paging';
import type { RequestHandler } from './$types';

/** A page of services: one for each community space on the register. */
export const GET: RequestHandler = async ({ url }) =>
	json(await listOrukServices(await getDatabase(), url.origin, orukPaging(url)), {
		headers: openHeaders
	});
