/** Formatting shared by the transfer and meanwhile pages. Safe to use in components. */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "3 March 2027", in the page's language, for a Date or a `YYYY-MM-DD` day. */
export function formatDate(value: Date | string, locale = 'en'): string {
	const tag = locale === 'cy' ? 'cy-GB' : 'en-GB';
	let format = dateFormats.get(tag);
	if (!format) {
		format = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Europe/London' });
		dateFormats.set(tag, format);
	}
	const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
	return format.format(date);
}

/** "£1,200.50" (or "£1,200" for whole pounds) from pence. */
export function formatPence(pence: number): string {
	const pounds = pence / 100;
	return new Intl.NumberFormat('en-GB', {
		style: 'currency',
		currency: 'GBP',
		minimumFractionDigits: Number.isInteger(pounds) ? 0 : 2
	}).format(pounds);
}
