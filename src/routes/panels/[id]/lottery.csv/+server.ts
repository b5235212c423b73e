import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { publicLotteryCsv } from '$lib/server/panels';
import { httpStatusOf, isDomainError } from '$lib/server/platform';
import type { RequestHandler } from './$types';

/** The published lottery: every ticket range and the volunteer numbers it names. */
export const GET: RequestHandler = async ({ params }) => {
	let csv;
	try {
		csv = await publicLotteryCsv(await getDatabase(), params.id);
	} catch (cause) {
		if (isDomainError(cause)) error(httpStatusOf(cause.code), cause.message);
		throw cause;
	}
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="panel-${params.id}-lottery.csv"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
