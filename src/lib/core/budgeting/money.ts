/**
 * Money as people type it and as Powershare stores it: pounds in forms, integer pence in the
 * database (so sums are exact). Pure.
 */

/**
 * Pence from pounds as typed: "25000", "£25,000", "1,250.50", "0.5". Commas between groups of
 * three and a leading "£" are allowed; at most two decimal places. Returns null when the text is
 * not an amount of money.
 */
export function parsePounds(text: string): number | null {
	const compact = text.trim().replace(/^£\s*/, '');
	if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(compact)) return null;
	const [whole, fraction = ''] = compact.replace(/,/g, '').split('.');
	const pence = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	return Number.isSafeInteger(pence) ? pence : null;
}

/** Pounds from pence, to show in a form field: 2500000 → "25000", 125050 → "1250.50". */
export function penceToPoundsText(pence: number): string {
	const whole = Math.trunc(pence / 100);
	const rest = pence % 100;
	return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}

/**
 * Pence shown as pounds: 2500000 → "£25,000", 125050 → "£1,250.50" (pence only when there are
 * some). Accepts the engine's bigint and JSON's strings too; another currency by its ISO code.
 */
export function formatPence(pence: bigint | number | string, currency = 'GBP'): string {
	const p = BigInt(pence);
	return formatter(currency, p % 100n === 0n).format(Number(p) / 100);
}

/** Building an Intl.NumberFormat costs far more than using one, so each is built once. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, whole: boolean): Intl.NumberFormat {
	const key = `${currency}:${whole}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.NumberFormat('en-GB', {
			style: 'currency',
			currency,
			minimumFractionDigits: whole ? 0 : 2,
			maximumFractionDigits: 2
		});
		formatters.set(key, format);
	}
	return format;
}
