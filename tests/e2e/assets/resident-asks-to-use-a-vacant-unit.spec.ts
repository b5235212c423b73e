import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * Meanwhile use, without JavaScript: the council officer offers an empty former post office for
 * short-term community use; a resident asks to use it for two weeks, correcting dates the form
 * points out; the officer approves and the resident sees the booking.
 */

test.use({ javaScriptEnabled: false });

const unit = 'Former Brickyard Post Office';

async function signIn(browser: Browser, email: string, returnTo: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInWithPassword(page, { email, returnTo });
	return page;
}

/** Day, month and year `days` from today (UTC, as the server counts days). */
function inDays(days: number) {
	const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
	return {
		day: String(date.getUTCDate()),
		month: String(date.getUTCMonth() + 1),
		year: String(date.getUTCFullYear())
	};
}

async function fillDate(page: Page, legend: string, date: ReturnType<typeof inDays>) {
	const group = page.getByRole('group', { name: legend });
	await group.getByLabel('Day').fill(date.day);
	await group.getByLabel('Month').fill(date.month);
	await group.getByLabel('Year').fill(date.year);
}

test('a resident asks to use a vacant unit the council offers, and the officer approves', async ({
	browser,
	javaScriptEnabled
}) => {
	const officer = await signIn(
		browser,
		'officer@ashbrook.example',
		`/assets?q=${encodeURIComponent(unit)}`
	);
	await officer.getByRole('link', { name: unit, exact: true }).click();
	const assetUrl = new URL(officer.url()).pathname;

	await officer.goto(`${assetUrl}/meanwhile/manage`);
	await expect(
		officer.getByRole('heading', { level: 1, name: `Manage meanwhile use of ${unit}` })
	).toBeVisible();
	await expectNoAxeViolations(officer, { javaScriptEnabled });
	await fillDate(officer, 'Available from', inDays(0));
	await fillDate(officer, 'Available until', inDays(120));
	await officer
		.getByLabel('Conditions (optional)')
		.fill('Bring your own public liability insurance.');
	await officer.getByRole('button', { name: 'Offer it' }).click();
	await expect(officer.getByText('Saved')).toBeVisible();

	const resident = await signIn(browser, 'resident@ashbrook.example', `${assetUrl}/meanwhile`);
	await expect(resident.getByRole('heading', { level: 1, name: unit })).toBeVisible();
	await expect(resident.getByText('Bring your own public liability insurance.')).toBeVisible();
	await expectNoAxeViolations(resident, { javaScriptEnabled });

	await resident.getByRole('button', { name: `Ask to use ${unit}` }).click();
	await resident
		.getByLabel('What would you use it for?')
		.fill('An exhibition of photographs of the old market by local schoolchildren.');
	await fillDate(resident, 'First day', inDays(20));
	await fillDate(resident, 'Last day', inDays(10));
	await resident.getByRole('button', { name: 'Send request' }).click();
	await expect(
		resident.getByRole('link', { name: 'The end date must be on or after the start date' })
	).toBeVisible();
	await expect(resident.getByLabel('What would you use it for?')).toHaveValue(
		'An exhibition of photographs of the old market by local schoolchildren.'
	);
	await expectNoAxeViolations(resident, { javaScriptEnabled });

	await fillDate(resident, 'First day', inDays(10));
	await fillDate(resident, 'Last day', inDays(20));
	await resident.getByRole('button', { name: 'Send request' }).click();
	await expect(resident.getByText('Your request has been sent')).toBeVisible();
	await expect(resident.getByText('Waiting for a decision')).toBeVisible();

	await officer.goto(`${assetUrl}/meanwhile/manage`);
	await officer.getByLabel('Approve').check();
	await officer.getByRole('button', { name: 'Record the decision' }).click();
	await expect(officer.getByText('Saved')).toBeVisible();
	await expectNoAxeViolations(officer, { javaScriptEnabled });

	await resident.goto(`${assetUrl}/meanwhile`);
	await expect(resident.getByRole('cell', { name: 'Approved' })).toBeVisible();
});
