/**
 * English messages for the auth pages. Every key starts with `auth.`, for example
 * `'auth.title': '…'`; the type below rejects any other prefix, so module files cannot clash.
 */
export const auth = {
	'auth.email': 'Email address',
	'auth.password': 'Password',
	'auth.name': 'Full name',
	'auth.passwordHint': 'Use at least {min} characters.',
	'auth.passwordTooShort': 'Password must be 8 characters or more',
	'auth.passwordTooLong': 'Password must be 128 characters or fewer',
	'auth.nameTooLong': 'Name must be 200 characters or fewer',

	'auth.signIn.title': 'Sign in',
	'auth.signIn.passwordHeading': 'Sign in with your password',
	'auth.signIn.submit': 'Sign in',
	'auth.signIn.forgotten': 'Forgotten your password?',
	'auth.signIn.linkHeading': 'Or get a sign-in link by email',
	'auth.signIn.linkBody':
		'We will email you a link that signs you in. If you do not have an account yet, the link creates one.',
	'auth.signIn.linkSubmit': 'Email me a sign-in link',
	'auth.signIn.noAccount': 'New to Powershare?',
	'auth.signIn.createAccount': 'Create an account',
	'auth.signIn.wrongPassword': 'Enter a correct email address and password',
	'auth.signIn.passwordReset': 'Your password has been changed. Sign in with your new password.',

	'auth.rateLimited': 'You have tried too many times. Wait a minute, then try again.',

	'auth.signUp.title': 'Create an account',
	'auth.signUp.lead':
		'An account lets you share ideas, vote and follow what happens where you live.',
	'auth.signUp.home': 'Where do you live?',
	'auth.signUp.homeHint':
		'Choose your neighbourhood, so we can show you what is happening near you. You can leave this out.',
	'auth.signUp.homeNone': 'Not listed, or I would rather not say',
	'auth.signUp.submit': 'Create account',
	'auth.signUp.passwordOptional':
		'You can leave the password out: choose “Email me a link instead” and we will send you a link to sign in.',
	'auth.signUp.linkSubmit': 'Email me a link instead',
	'auth.signUp.emailTaken':
		'There is already an account with this email address. Sign in, or reset your password',
	'auth.signUp.haveAccount': 'Already have an account?',
	'auth.signUp.signInLink': 'Sign in',
	'auth.homeInvalid': 'Select a neighbourhood from the list',

	'auth.checkEmail.title': 'Check your email',
	'auth.checkEmail.linkSent': 'We have sent a sign-in link to {email}.',
	'auth.checkEmail.linkSentNoAddress': 'We have sent a sign-in link to the email address you gave.',
	'auth.checkEmail.linkExpiry': 'The link works once, for {minutes} minutes.',
	'auth.checkEmail.resetSent':
		'If there is an account for {email}, we have sent it a link to reset the password.',
	'auth.checkEmail.resetSentNoAddress':
		'If there is an account for the email address you gave, we have sent it a link to reset the password.',
	'auth.checkEmail.resetExpiry': 'The link works once, for 1 hour.',
	'auth.checkEmail.notArrived': 'If the email does not arrive, check your spam folder or',
	'auth.checkEmail.tryAgain': 'ask for another one',

	'auth.magicLink.title': 'Finish signing in',
	'auth.magicLink.body': 'Select the button to finish signing in to Powershare.',
	'auth.magicLink.submit': 'Sign in',
	'auth.magicLink.invalidTitle': 'This sign-in link has expired',
	'auth.magicLink.invalidBody':
		'Sign-in links work once, for a short time. This one has expired or has already been used.',
	'auth.magicLink.newLink': 'Get a new sign-in link',

	'auth.forgot.title': 'Reset your password',
	'auth.forgot.lead':
		'Enter the email address you use for Powershare. We will email you a link to choose a new password.',
	'auth.forgot.submit': 'Send reset link',

	'auth.reset.title': 'Choose a new password',
	'auth.reset.newPassword': 'New password',
	'auth.reset.submit': 'Save new password',
	'auth.reset.invalidTitle': 'This reset link has expired',
	'auth.reset.invalidBody':
		'Reset links work once, for 1 hour. This one has expired or has already been used.',
	'auth.reset.newLink': 'Ask for a new reset link',

	'auth.signOut.title': 'Sign out',
	'auth.signOut.body': 'Select the button to sign out of Powershare.',
	'auth.signOut.submit': 'Sign out',

	'auth.account.title': 'Your account',
	'auth.account.saved': 'Your details have been saved',
	'auth.account.name': 'Name',
	'auth.account.email': 'Email address',
	'auth.account.home': 'Neighbourhood',
	'auth.account.homeNone': 'Not given',
	'auth.account.rolesTitle': 'Your roles',
	'auth.account.rolesPlace': 'Place',
	'auth.account.rolesRole': 'Role',
	'auth.account.rolesNone': 'You do not have a role in any place yet.',
	'auth.account.changeTitle': 'Change your details',
	'auth.account.nameNotGiven': 'Not given',
	'auth.account.outboxLink': 'Read the outbox',

	'auth.role.resident': 'Resident',
	'auth.role.organiser': 'Organiser',
	'auth.role.officer': 'Officer',
	'auth.role.admin': 'Admin',

	'auth.outbox.title': 'Outbox',
	'auth.outbox.lead':
		'Every email Powershare sends is recorded here, newest first. Without an email server, this is where emails go, so you can follow them during a demo.',
	'auth.outbox.tokensHidden':
		'Links that sign someone in or reset a password are hidden, so nobody can use them to act as someone else. Platform admins see them in emails that were not sent by an email server.',
	'auth.outbox.filterLabel': 'Show emails to',
	'auth.outbox.filterHint': 'An email address, like name@example.com.',
	'auth.outbox.filterSubmit': 'Show emails',
	'auth.outbox.filterClear': 'Show all emails',
	'auth.outbox.caption': '{count, plural, =0 {No emails} one {# email} other {# emails}}',
	'auth.outbox.sent': 'Sent',
	'auth.outbox.to': 'To',
	'auth.outbox.subject': 'Subject',
	'auth.outbox.status': 'Status',
	'auth.outbox.empty': 'No emails have been sent yet.',
	'auth.outbox.status.stored': 'In outbox',
	'auth.outbox.status.sent': 'Sent',
	'auth.outbox.status.failed': 'Failed',
	'auth.outbox.back': 'Back to the outbox',
	'auth.outbox.body': 'Message',
	'auth.outbox.links': 'Links in this email',
	'auth.outbox.hiddenLink': 'Sign-in link hidden',
	'auth.outbox.error': 'Error',

	'auth.mail.magicLink.subject': 'Your sign-in link for Powershare',
	'auth.mail.magicLink.body':
		'Hello,\n\nUse this link to sign in to Powershare:\n\n{url}\n\nThe link works once, for {minutes} minutes. If you did not ask for it, you can ignore this email: nobody can sign in without the link.\n\nPowershare',
	'auth.mail.reset.subject': 'Reset your Powershare password',
	'auth.mail.reset.body':
		'Hello {name},\n\nUse this link to choose a new password for Powershare:\n\n{url}\n\nThe link works once, for 1 hour. If you did not ask for it, you can ignore this email: your password has not changed.\n\nPowershare'
} as const satisfies Record<`auth.${string}`, string>;
