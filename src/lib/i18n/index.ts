/**
 * Powershare's message catalogue.
 *
 * Every user-facing string goes through a translator so Welsh (and other languages) can be added
 * without touching components or routes.
 *
 * ## Using it
 * - In Svelte components: `const t = getTranslator();` from `$lib/i18n/context`, then
 *   `{t('nav.home')}`. The root layout puts the request's locale into context, so a component
 *   never needs to know which language it is rendering.
 * - In server code (form actions, emails): `createTranslator(locale)(key, params)`, with the locale
 *   of that request; or the English `t` when there is no request (CLI, logs for operators).
 *
 * There is deliberately no global `setLocale`: the server renders many requests at once, and a
 * module-level "current locale" would let one person's language leak into another's page.
 *
 * ## Message syntax (a small subset of ICU MessageFormat)
 * - `{name}` is replaced by `params.name`. A placeholder with no matching parameter is left as
 *   it is (`{name}`), so a mistake is visible on the page rather than silently blank.
 * - `{count, plural, one {# idea} other {# ideas}}` chooses by the locale's plural rules
 *   (`Intl.PluralRules`: English has `one`/`other`; Welsh has `zero`, `one`, `two`, `few`, `many`,
 *   `other`). `=0 {no ideas}` matches an exact number first. `#` is the number, formatted for the
 *   locale. Branches may contain other `{placeholders}`.
 * - Keys are flat and dotted, prefixed by the module that owns them (`nav.home`, `auth.title`);
 *   see `en/index.ts`.
 */
import { cy } from './cy';
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';

/** Languages Powershare can be shown in. English is complete; Welsh falls back to English. */
export type Locale = 'en' | 'cy';

export const locales: readonly Locale[] = ['en', 'cy'];

export const defaultLocale: Locale = 'en';

/** Values for `{placeholders}` and plural counts. */
export type MessageParams = Record<string, string | number>;

/** Looks up a message by key and fills in its parameters. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { en, cy };

/** True when `value` is a locale Powershare supports, e.g. to check a cookie or `?lang=`. */
export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Returns a translator for one locale. Keys missing from that locale's catalogue fall back to
 * English; a key missing from English too (only possible by bypassing the types) is returned
 * as the key itself.
 */
export function createTranslator(locale: Locale): Translate {
	const catalogue = catalogues[locale];
	return (key, params) => {
		const own = catalogue[key];
		if (own !== undefined) return formatMessage(own, params, locale);
		const english = (en as Partial<Record<string, string>>)[key];
		if (english !== undefined) return formatMessage(english, params, 'en');
		return key;
	};
}

/** The English translator, for code that runs outside a request. */
export const t: Translate = createTranslator('en');

const pluralRulesCache = new Map<string, Intl.PluralRules>();
const numberFormatCache = new Map<string, Intl.NumberFormat>();

function pluralCategory(locale: string, n: number): string {
	let rules = pluralRulesCache.get(locale);
	if (!rules) {
		rules = new Intl.PluralRules(locale);
		pluralRulesCache.set(locale, rules);
	}
	return rules.select(n);
}

function formatNumber(locale: string, n: number): string {
	let format = numberFormatCache.get(locale);
	if (!format) {
		format = new Intl.NumberFormat(locale);
		numberFormatCache.set(locale, format);
	}
	return format.format(n);
}

/** Index of the `}` closing the `{` at `open`, or -1 when the braces do not balance. */
function findClose(message: string, open: number): number {
	let depth = 0;
	for (let i = open; i < message.length; i++) {
		const ch = message[i];
		if (ch === '{') depth++;
		else if (ch === '}') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return -1;
}

const PLACEHOLDER = /^\s*([A-Za-z_][\w]*)\s*$/;
const PLURAL = /^\s*([A-Za-z_][\w]*)\s*,\s*plural\s*,([\s\S]*)$/;

/** Splits `one {# idea} other {# ideas}` into selector → branch text. */
function parsePluralOptions(body: string): Map<string, string> | null {
	const options = new Map<string, string>();
	let i = 0;
	while (i < body.length) {
		while (i < body.length && /\s/.test(body[i] ?? '')) i++;
		if (i >= body.length) break;
		const selectorMatch = /^(=\d+|[a-z]+)\s*/.exec(body.slice(i));
		if (!selectorMatch || selectorMatch[1] === undefined) return null;
		i += selectorMatch[0].length;
		if (body[i] !== '{') return null;
		const close = findClose(body, i);
		if (close === -1) return null;
		options.set(selectorMatch[1], body.slice(i + 1, close));
		i = close + 1;
	}
	return options.has('other') ? options : null;
}

/** Replaces `#` outside nested braces with the formatted number. */
function replaceHash(branch: string, formatted: string): string {
	let depth = 0;
	let out = '';
	for (const ch of branch) {
		if (ch === '{') depth++;
		else if (ch === '}') depth--;
		out += ch === '#' && depth === 0 ? formatted : ch;
	}
	return out;
}

/**
 * Fills in a message's placeholders and plurals. Exported for tests and for messages that do not
 * come from the catalogue (none should, in user-facing pages).
 */
export function formatMessage(message: string, params: MessageParams = {}, locale = 'en'): string {
	let out = '';
	let i = 0;
	while (i < message.length) {
		const open = message.indexOf('{', i);
		if (open === -1) {
			out += message.slice(i);
			break;
		}
		out += message.slice(i, open);
		const close = findClose(message, open);
		if (close === -1) {
			out += message.slice(open);
			break;
		}
		const inner = message.slice(open + 1, close);
		const whole = message.slice(open, close + 1);
		out += formatBlock(inner, whole, params, locale);
		i = close + 1;
	}
	return out;
}

function formatBlock(inner: string, whole: string, params: MessageParams, locale: string): string {
	const placeholder = PLACEHOLDER.exec(inner);
	if (placeholder?.[1] !== undefined) {
		const value = params[placeholder[1]];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(locale, value) : value;
	}
	const plural = PLURAL.exec(inner);
	if (plural?.[1] !== undefined && plural[2] !== undefined) {
		const value = params[plural[1]];
		const n = typeof value === 'number' ? value : Number(value);
		const options = parsePluralOptions(plural[2]);
		if (value === undefined || Number.isNaN(n) || !options) return whole;
		const branch =
			options.get(`=${n}`) ?? options.get(pluralCategory(locale, n)) ?? options.get('other') ?? '';
		return formatMessage(replaceHash(branch, formatNumber(locale, n)), params, locale);
	}
	return whole;
}
