import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
	it('gives the same sequence for the same seed', () => {
		fc.assert(
			fc.property(fc.string(), (seed) => {
				const a = createRandom(seed);
				const b = createRandom(seed);
				for (let i = 0; i < 20; i++) expect(a.next()).toBe(b.next());
			})
		);
	});

	it('gives different sequences for different seeds', () => {
		expect(createRandom('council-2026').next()).not.toBe(createRandom('council-2027').next());
	});

	it('draws integers in range and roughly uniformly', () => {
		const random = createRandom('uniform');
		const counts = new Array<number>(10).fill(0);
		for (let i = 0; i < 10_000; i++) counts[random.int(10)]!++;
		for (const count of counts) expect(count).toBeGreaterThan(900);
		for (const count of counts) expect(count).toBeLessThan(1100);
	});

	it('rejects a range that is not a positive whole number', () => {
		expect(() => createRandom('x').int(0)).toThrow(RangeError);
	});
});
