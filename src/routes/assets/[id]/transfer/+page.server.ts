import { getAssetTransfer, LONG_LEASE_YEARS } from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { actorOf, errorPage } from '../../../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = actorOf(locals);
	try {
		const transfer = await getAssetTransfer(await getDatabase(), actor, params.id);
		return {
			...transfer,
			longLeaseYears: LONG_LEASE_YEARS,
			isSignedIn: actor.kind !== 'anonymous',
			sent: url.searchParams.has('sent')
		};
	} catch (cause) {
		errorPage(cause);
	}
};
