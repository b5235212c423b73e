/** Plain-English reasons the use cases give, from the `acv.` catalogue. */
import type { EligibilityReason } from '../../../core/assets/acv-eligibility';
import { t } from '../../../i18n/index';

/** Why a body may or may not nominate, in English (the route translates field errors itself). */
export function eligibilityMessage(reason: EligibilityReason): string {
	return t(`acv.eligibility.${reason}`);
}

/** A calendar date as people write it: "1 December 2025" (the date has no time zone). */
export function formatAcvDate(date: string, locale = 'en'): string {
	const [year, month, day] = date.split('-').map(Number);
	return new Intl.DateTimeFormat(locale === 'cy' ? 'cy-GB' : 'en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(year!, month! - 1, day!)));
}
