import { describe, expect, it } from 'vitest';
import { isPostcodeInDistricts, postcodeDistrict } from './postcode';

describe('postcodeDistrict', () => {
	it.each([
		['AB12 3CD', 'AB12'],
		['ab123cd', 'AB12'],
		[' sw1a 1aa ', 'SW1A'],
		['M1 1AE', 'M1'],
		['not a postcode', null],
		['AB12', null]
	])('%s → %s', (postcode, district) => {
		expect(postcodeDistrict(postcode)).toBe(district);
	});
});

describe('isPostcodeInDistricts', () => {
	it('accepts a postcode in a listed district and refuses one outside', () => {
		expect(isPostcodeInDistricts('zz1 4ab', ['ZZ1', 'ZZ2'])).toBe(true);
		expect(isPostcodeInDistricts('ZZ14 4AB', ['ZZ1', 'ZZ2'])).toBe(false);
		expect(isPostcodeInDistricts('rubbish', ['ZZ1'])).toBe(false);
	});
});
