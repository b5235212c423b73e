import { json } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { listOrukOrganizations } from '$lib/server/assets';
import { openHeaders, orukPaging } from '../paging';
import type { RequestHandler } from './$types';

/** A page of the organisations that run community spaces on the register. */
export const GET: RequestHandler = async ({ url }) =>
	json(await listOrukOrganizations(await getDatabase(), url.origin, orukPaging(url)), {
		headers: openHeaders
	});
