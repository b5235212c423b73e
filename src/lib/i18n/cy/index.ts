import type { MessageKey } from '../en';

/**
 * Welsh messages (Cymraeg). Partial on purpose: a key missing here is shown in English, so the
 * service keeps working while translation catches up. Add keys as they are translated.
 */
export const cy: Partial<Record<MessageKey, string>> = {
	'common.serviceName': 'Powershare',
	'common.pageTitle': '{title} – Powershare',
	'common.errorPrefix': 'Gwall',
	'common.yes': 'Ydw',
	'common.no': 'Nac ydw',
	'common.continue': 'Parhau',
	'common.back': 'Yn ôl',
	'layout.skipLink': 'Neidio i’r prif gynnwys',
	'nav.home': 'Hafan',
	'nav.places': 'Lleoedd',
	'nav.signIn': 'Mewngofnodi',
	'nav.signOut': 'Allgofnodi',
	'components.errorSummary.title': 'Mae problem wedi codi',
	'components.pagination.previous': 'Blaenorol',
	'components.pagination.next': 'Nesaf',
	'components.backLink': 'Yn ôl',
	'error.notFound.title': 'Heb ddod o hyd i’r dudalen',
	'home.placesCount':
		'{count, plural, zero {Nid oes unrhyw le yn defnyddio Powershare} one {Mae # lle yn defnyddio Powershare} two {Mae # le yn defnyddio Powershare} few {Mae # lle yn defnyddio Powershare} many {Mae # lle yn defnyddio Powershare} other {Mae # lle yn defnyddio Powershare}}'
};
