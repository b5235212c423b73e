/**
 * Shared English messages: the layout, shared components, error pages, the home page, and
 * validation messages used across modules.
 *
 * Keys are flat, dotted, and start with one of the prefixes in `CommonPrefix`; each module's
 * own file (`auth.ts`, `places.ts`, …) uses its module name as the prefix, so two files can never
 * define the same key. Validation messages follow the GOV.UK Design System wording: say what to
 * do ("Enter your email address"), not what went wrong.
 */
type CommonPrefix =
	'common' | 'layout' | 'nav' | 'footer' | 'error' | 'components' | 'validation' | 'home';

export const common = {
	'common.serviceName': 'Powershare',
	'common.pageTitle': '{title} – Powershare',
	'common.errorPrefix': 'Error',
	'common.yes': 'Yes',
	'common.no': 'No',
	'common.continue': 'Continue',
	'common.save': 'Save',
	'common.cancel': 'Cancel',
	'common.back': 'Back',
	'common.warning': 'Warning',
	'common.change': 'Change',
	'common.optional': '(optional)',

	'layout.skipLink': 'Skip to main content',
	'layout.phaseTag': 'New',
	'layout.phaseText': 'This is a new service. We are still improving it.',

	'nav.label': 'Main',
	'nav.home': 'Home',
	'nav.places': 'Places',
	'nav.admin': 'Admin',
	'nav.signIn': 'Sign in',
	'nav.signOut': 'Sign out',

	'footer.sourceCode': 'Source code',
	'footer.licenceBefore': 'Powershare is free software, released under the',
	'footer.licenceName': 'GNU Affero General Public License, version 3 or later',
	'footer.licenceAfter': ' (AGPL-3.0-or-later).',

	'error.title': 'Sorry, there is a problem',
	'error.notFound.title': 'Page not found',
	'error.notFound.body': 'If you typed the web address, check it is correct.',
	'error.notFound.pasted': 'If you pasted the web address, check you copied the entire address.',
	'error.forbidden.title': 'You cannot see this page',
	'error.forbidden.body':
		'Your account does not have permission to see this page. If you think it should, contact the organiser of your area.',
	'error.unauthorised.title': 'You need to sign in',
	'error.unauthorised.body': 'Sign in to see this page.',
	'error.server.title': 'Sorry, there is a problem with the service',
	'error.server.bodyUnsaved':
		'Try again later. If you were sending a form, what you sent may not have been saved.',
	'error.generic.body': 'Something went wrong. Try again later.',
	'error.reference': 'If you contact us about this, tell us this code: {code}.',
	'error.homeLink': 'Go to the Powershare home page',

	'components.dateInput.day': 'Day',
	'components.dateInput.month': 'Month',
	'components.dateInput.year': 'Year',
	'components.errorSummary.title': 'There is a problem',
	'components.pagination.label': 'Pages',
	'components.pagination.previous': 'Previous',
	'components.pagination.next': 'Next',
	'components.pagination.page': 'Page {number}',
	'components.pagination.ellipsis': '…',
	'components.notificationBanner.important': 'Important',
	'components.notificationBanner.success': 'Success',
	'components.backLink': 'Back',
	'components.select.choose': 'Choose an option',

	'validation.required': 'Enter {field}',
	'validation.choose': 'Select {field}',
	'validation.tooLong': '{field} must be {max} characters or fewer',
	'validation.tooShort': '{field} must be {min} characters or more',
	'validation.email.required': 'Enter your email address',
	'validation.email.format': 'Enter an email address in the correct format, like name@example.com',
	'validation.password.required': 'Enter your password',
	'validation.password.tooShort': 'Password must be {min} characters or more',
	'validation.name.required': 'Enter your full name',
	'validation.postcode.required': 'Enter a postcode',
	'validation.postcode.format': 'Enter a full UK postcode, like SW1A 1AA',
	'validation.number.format': '{field} must be a number',
	'validation.number.tooSmall': '{field} must be {min} or more',
	'validation.number.tooLarge': '{field} must be {max} or less',
	'validation.money.format': 'Enter an amount in pounds, like 150 or 150.50',
	'validation.date.required': 'Enter {field}',
	'validation.date.invalid': '{field} must be a real date',

	'home.title': 'Decide together what happens where you live',
	'home.lead':
		'Powershare is a place where residents, community groups and councils share decisions about local money and places.',
	'home.whatYouCanDo': 'What you can do',
	'home.youCan': 'With Powershare you can:',
	'home.canShareIdeas': 'suggest ideas for how money is spent in your area',
	'home.canVote': 'vote on which ideas get funded, on paper or online',
	'home.canApply': 'apply for a community grant for your group',
	'home.canProtect': 'nominate a building or green space as an asset of community value',
	'home.canJoinPanel': 'volunteer to join a residents’ panel',
	'home.canFollow': 'follow what happened to every idea, grant and decision',
	'home.placesTitle': 'Places',
	'home.placesCount':
		'{count, plural, one {# place uses Powershare} other {# places use Powershare}}',
	'home.placesEmpty': 'No places have been set up yet.',
	'home.placesAll': 'See all places',
	'home.signInPromptBefore': 'You can look around without an account. To take part,',
	'home.signInPromptAfter': '.',
	'home.signInLink': 'sign in or create an account',
	'home.openTitle': 'Open by design',
	'home.openBody':
		'Every decision, its reasons and the money spent are published as open data, so anyone can check the results.'
} as const satisfies Record<`${CommonPrefix}.${string}`, string>;
