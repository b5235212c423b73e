/** ORUK API paging parameters: `page` (from 1) and `per_page` (up to 200). */
export function orukPaging(url: URL): { page: number; perPage: number } {
	const page = Number(url.searchParams.get('page') ?? 1);
	const perPage = Number(url.searchParams.get('per_page') ?? 50);
	return {
		page: Number.isInteger(page) && page > 0 ? page : 1,
		perPage: Number.isInteger(perPage) && perPage > 0 ? Math.min(perPage, 200) : 50
	};
}

/** Open data may be read from any site. */
export const openHeaders = {
	'access-control-allow-origin': '*',
	'cache-control': 'public, max-age=300'
};
