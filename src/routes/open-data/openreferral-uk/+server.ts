import { json } from '@sveltejs/kit';
import { orukApiInfo } from '$lib/server/assets';
import { openHeaders } from './paging';
import type { RequestHandler } from './$types';

/** `GET /` of the Open Referral UK API: the version and profile these endpoints follow. */
export const GET: RequestHandler = () => json(orukApiInfo(), { headers: openHeaders });
