import { describe, expect, it } from 'vitest';
import { ageRange, peopleInAgeRange } from './age-bands';

describe('age bands', () => {
	it('reads the ways people write age bands, and nothing else', () => {
		expect(ageRange('16-24')).toEqual([16, 24]);
		expect(ageRange('25 to 44')).toEqual([25, 44]);
		expect(ageRange('65+')).toEqual([65, Infinity]);
		expect(ageRange('65 and over')).toEqual([65, Infinity]);
		expect(ageRange('Under 40')).toEqual([16, 39]);
		expect(ageRange('24 and under')).toEqual([16, 24]);
		expect(ageRange('40 to 64 years')).toEqual([40, 64]);
		expect(ageRange('Young')).toBeNull();
		expect(ageRange('64-40')).toBeNull();
	});

	it('takes part of a band by its years, and never cuts the open-ended 65+', () => {
		const counts = [90, 200, 200, 100]; // 16–24, 25–44, 45–64, 65+
		expect(peopleInAgeRange(counts, [16, 39])).toBe(90 + 200 * (15 / 20));
		expect(peopleInAgeRange(counts, [40, 64])).toBe(200 * (5 / 20) + 200);
		expect(peopleInAgeRange(counts, [65, Infinity])).toBe(100);
		expect(peopleInAgeRange(counts, [60, Infinity])).toBe(200 * (5 / 20) + 100);
		expect(peopleInAgeRange(counts, [65, 74])).toBeNull();
	});
});
