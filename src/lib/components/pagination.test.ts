import { describe, expect, it } from 'vitest';
import { pageItems, type PageItem } from './pagination';

function show(items: PageItem[]): string {
	return items.map((item) => (item.kind === 'page' ? String(item.number) : '…')).join(' ');
}

describe('pageItems', () => {
	it.each([
		[1, 1, '1'],
		[1, 3, '1 2 3'],
		[1, 10, '1 2 … 10'],
		[5, 10, '1 … 4 5 6 … 10'],
		[3, 10, '1 2 3 4 … 10'],
		[10, 10, '1 … 9 10'],
		[4, 7, '1 2 3 4 5 6 7']
	])('on page %i of %i shows %s', (current, total, expected) => {
		expect(show(pageItems(current, total))).toBe(expected);
	});
});
