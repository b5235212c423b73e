import { getAssetMeanwhile } from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { actorOf, errorPage } from '../../../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = actorOf(locals);
	const meanwhile = await getAssetMeanwhile(await getDatabase(), actor, params.id).catch(errorPage);
	return {
		...meanwhile,
		requests: meanwhile.requests.filter((r) => r.isMine),
		isSignedIn: actor.kind !== 'anonymous',
		sent: url.searchParams.has('sent')
	};
};
