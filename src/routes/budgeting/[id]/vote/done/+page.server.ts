import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getBallotPage } from '$lib/server/budgeting';
import { actorOf } from '../../../../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, cookies, setHeaders }) => {
	const page = await getBallotPage(await getDatabase(), actorOf(locals), { processId: params.id });
	if (!page) error(404, 'There is no such budget.');
	const path = `/budgeting/${params.id}/vote/done`;
	// Shown once: the cookie is read and removed in the same response, which is never cached.
	const receipt = cookies.get('ps_receipt') ?? null;
	if (receipt) cookies.delete('ps_receipt', { path });
	setHeaders({ 'cache-control': 'private, no-store' });
	return { process: { id: page.process.id, title: page.process.title }, receipt };
};
