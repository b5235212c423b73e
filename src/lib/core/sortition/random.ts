/**
 * Seeded pseudo-random numbers for the selection engine. The seed text is hashed with SHA-256
 * and the digest seeds xoshiro128** (Blackman and Vigna, "Scrambled linear pseudorandom number
 * generators", 2021), so a published seed re-runs every random step of a selection exactly.
 */
import { sha256Bytes } from './sha256';

/** A deterministic source of random numbers. */
export type Random = {
	/** A number in [0, 1) with 32 bits of randomness. */
	next(): number;
	/** An integer in [0, n). */
	int(n: number): number;
};

/** Creates the generator for `seed`; equal seeds give equal sequences on every platform. */
export function createRandom(seed: string): Random {
	const digest = sha256Bytes(new TextEncoder().encode(seed));
	const view = new DataView(digest.buffer);
	let s0 = view.getUint32(0);
	let s1 = view.getUint32(4);
	let s2 = view.getUint32(8);
	let s3 = view.getUint32(12);
	if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
	const nextUint32 = (): number => {
		const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
		const t = (s1 << 9) >>> 0;
		s2 = (s2 ^ s0) >>> 0;
		s3 = (s3 ^ s1) >>> 0;
		s1 = (s1 ^ s2) >>> 0;
		s0 = (s0 ^ s3) >>> 0;
		s2 = (s2 ^ t) >>> 0;
		s3 = rotl(s3, 11);
		return result;
	};
	return {
		next: () => nextUint32() / 0x100000000,
		int(n: number): number {
			if (!Number.isInteger(n) || n <= 0)
				throw new RangeError(`int(n) needs a positive integer, got ${n}`);
			// Rejection sampling keeps every outcome exactly equally likely.
			const limit = Math.floor(0x100000000 / n) * n;
			for (;;) {
				const x = nextUint32();
				if (x < limit) return x % n;
			}
		}
	};
}

function rotl(x: number, k: number): number {
	return ((x << k) | (x >>> (32 - k))) >>> 0;
}
