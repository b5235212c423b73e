import { describe, expect, it } from 'vitest';
import { formatPence, parsePounds, penceToPoundsText } from './money';

describe('parsePounds', () => {
	it.each([
		['25000', 2_500_000],
		['£25,000', 2_500_000],
		['1,250.50', 125_050],
		['0.5', 50],
		[' £ 12.05 ', 1205]
	])('reads %s as %i pence', (text, pence) => {
		expect(parsePounds(text)).toBe(pence);
	});

	it.each(['', 'ten pounds', '12.345', '1,25', '-5', '£', '1e5'])('refuses %j', (text) => {
		expect(parsePounds(text)).toBeNull();
	});
});

describe('showing money', () => {
	it('writes pounds for forms and for reading', () => {
		expect(penceToPoundsText(2_500_000)).toBe('25000');
		expect(penceToPoundsText(125_050)).toBe('1250.50');
		expect(formatPence(2_500_000)).toBe('£25,000');
		expect(formatPence(125_050)).toBe('£1,250.50');
	});
});
