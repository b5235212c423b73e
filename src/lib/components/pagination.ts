/** One entry in a pagination list: a page number, or a gap shown as an ellipsis. */
export type PageItem = { kind: 'page'; number: number } | { kind: 'ellipsis' };

/**
 * The page numbers to show, following the GOV.UK pattern: always the first and last pages, the
 * current page and its neighbours, and an ellipsis for each gap of more than one page (a gap of
 * exactly one page shows that page, since an ellipsis would be no shorter).
 */
export function pageItems(currentPage: number, totalPages: number): PageItem[] {
	const wanted = new Set<number>([1, totalPages, currentPage - 1, currentPage, currentPage + 1]);
	const numbers = [...wanted].filter((n) => n >= 1 && n <= totalPages).sort((a, b) => a - b);
	const items: PageItem[] = [];
	let previous = 0;
	for (const n of numbers) {
		if (n - previous === 2) items.push({ kind: 'page', number: n - 1 });
		else if (n - previous > 2) items.push({ kind: 'ellipsis' });
		items.push({ kind: 'page', number: n });
		previous = n;
	}
	return items;
}
