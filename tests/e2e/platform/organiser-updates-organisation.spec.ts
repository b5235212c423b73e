import { expect, test, type Browser } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * The demo's ward organiser (Northgate) changes the contact details of a group working in their
 * ward, correcting a mistake the form points out, without JavaScript.
 */

test.use({ javaScriptEnabled: false });

async function signIn(browser: Browser, email: string, returnTo: string) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInWithPassword(page, { email, returnTo });
	await expect(page).toHaveURL(new RegExp(`${returnTo}$`));
	return page;
}

test('a ward organiser changes the contact details of a group in their ward', async ({
	browser,
	javaScriptEnabled
}) => {
	const organiser = await signIn(browser, 'organiser@ashbrook.example', '/admin/organisations');
	await organiser
		.getByRole('link', { name: 'Change details of Northgate Residents Association', exact: true })
		.click();
	await expect(
		organiser.getByRole('heading', { level: 1, name: 'Change Northgate Residents Association' })
	).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByLabel('Phone (optional)').fill('call us');
	await organiser.getByRole('button', { name: 'Save changes' }).click();
	await expect(
		organiser.getByRole('link', { name: 'Enter a phone number, like 01632 960 001' })
	).toBeVisible();
	await expect(organiser.getByLabel('Phone (optional)')).toHaveValue('call us');
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByLabel('Phone (optional)').fill('01632 960 123');
	await organiser.getByRole('button', { name: 'Save changes' }).click();
	await expect(organiser.getByText('Your changes have been saved')).toBeVisible();
	await expect(organiser.getByLabel('Phone (optional)')).toHaveValue('01632 960 123');
});
