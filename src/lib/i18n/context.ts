/**
 * The request's locale in Svelte context, so components translate without being told the
 * language. Context belongs to one component tree, so on the server each request has its own:
 * no locale leaks between people being served at the same time.
 *
 * The root layout calls `setLocaleContext(() => data.locale ?? 'en')`; every component calls
 * `const t = getTranslator()` in its script and uses `t('key')` in its markup.
 */
import { getContext, hasContext, setContext } from 'svelte';
import {
	createTranslator,
	defaultLocale,
	t as english,
	type Locale,
	type Translate
} from './index';

const key = Symbol('powershare.locale');

const translators = new Map<Locale, Translate>();

function translatorFor(locale: Locale): Translate {
	let translate = translators.get(locale);
	if (!translate) {
		translate = createTranslator(locale);
		translators.set(locale, translate);
	}
	return translate;
}

/** Makes the locale available to every component below the caller. Pass a getter so a change of locale on client-side navigation is picked up. */
export function setLocaleContext(getLocale: () => Locale): void {
	setContext(key, getLocale);
}

/** The current locale, or English when no layout has set one (for example in a component test). */
export function getLocale(): Locale {
	if (!hasContext(key)) return defaultLocale;
	return getContext<() => Locale>(key)();
}

/** A translator that follows the current locale. Call it during component initialisation. */
export function getTranslator(): Translate {
	if (!hasContext(key)) return english;
	const getLocale = getContext<() => Locale>(key);
	return (messageKey, params) => translatorFor(getLocale())(messageKey, params);
}
