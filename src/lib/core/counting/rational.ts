/**
 * Exact rational numbers on BigInt. Every comparison that decides a count (which project has the
 * smallest ρ, whether supporters can afford a project, whether money is left) is made with these,
 * so results never depend on floating-point rounding (docs/decisions/0006-exact-arithmetic-in-counting.md).
 */

/** A fraction `num / den` in lowest terms with `den > 0`. */
export type Rational = { readonly num: bigint; readonly den: bigint };

function gcd(a: bigint, b: bigint): bigint {
	if (a < 0n) a = -a;
	if (b < 0n) b = -b;
	while (b !== 0n) {
		const t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/** Builds `num / den` in lowest terms; throws on a zero denominator. */
export function rat(num: bigint, den: bigint = 1n): Rational {
	if (den === 0n) throw new RangeError('zero denominator');
	if (den < 0n) {
		num = -num;
		den = -den;
	}
	if (den === 1n) return { num, den };
	const g = gcd(num, den);
	return g === 1n ? { num, den } : { num: num / g, den: den / g };
}

/** Zero. */
export const ZERO: Rational = { num: 0n, den: 1n };

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
	if (a.den === b.den) return rat(a.num + b.num, a.den);
	return rat(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function sub(a: Rational, b: Rational): Rational {
	if (a.den === b.den) return rat(a.num - b.num, a.den);
	return rat(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a × b. */
export function mul(a: Rational, b: Rational): Rational {
	return rat(a.num * b.num, a.den * b.den);
}

/** a × k for an integer k. */
export function mulInt(a: Rational, k: bigint): Rational {
	return rat(a.num * k, a.den);
}

/** a ÷ b; throws when b is zero. */
export function div(a: Rational, b: Rational): Rational {
	return rat(a.num * b.den, a.den * b.num);
}

/** Sign of a − b: −1, 0 or 1. */
export function cmp(a: Rational, b: Rational): number {
	const l = a.num * b.den;
	const r = b.num * a.den;
	return l < r ? -1 : l > r ? 1 : 0;
}

/** ⌊a⌋ as a BigInt. */
export function floor(a: Rational): bigint {
	const q = a.num / a.den;
	return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** ⌈a⌉ as a BigInt. */
export function ceil(a: Rational): bigint {
	return -floor({ num: -a.num, den: a.den });
}

/**
 * The nearest double to a, even when numerator and denominator exceed 2^53 (long MES runs make
 * denominators of hundreds of digits); used only for fast paths that are then checked exactly.
 */
export function toNumber(a: Rational): number {
	const { num, den } = a;
	if (num === 0n) return 0;
	const nb = bitLength(num < 0n ? -num : num);
	const db = bitLength(den);
	if (nb <= 1000 && db <= 1000) {
		const n = Number(num);
		const d = Number(den);
		if (Number.isFinite(n) && Number.isFinite(d)) return n / d;
	}
	// Keep 64 significant bits of each before converting.
	const sn = nb > 64 ? nb - 64 : 0;
	const sd = db > 64 ? db - 64 : 0;
	return (Number(num >> BigInt(sn)) / Number(den >> BigInt(sd))) * 2 ** (sn - sd);
}

function bitLength(x: bigint): number {
	return x.toString(2).length;
}

/** Decimal text of a with `digits` places, rounded toward zero (for explanations and reports). */
export function toDecimal(a: Rational, digits = 6): string {
	const neg = a.num < 0n;
	const n = neg ? -a.num : a.num;
	const scale = 10n ** BigInt(digits);
	const scaled = (n * scale) / a.den;
	const whole = scaled / scale;
	const frac = (scaled % scale).toString().padStart(digits, '0').replace(/0+$/, '');
	return `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}
