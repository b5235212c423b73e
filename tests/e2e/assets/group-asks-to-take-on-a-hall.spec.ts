import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * Community asset transfer, without JavaScript: the demo's Northgate organiser asks for the
 * Northgate Residents Association to take on Old Market Community Hall; the council officer moves
 * the case to the business plan and then the terms stage and sets terms, first a lease too short
 * for the group to raise funds, then a 30-year lease; anyone can follow the case on its public
 * status page.
 */

test.use({ javaScriptEnabled: false });

const hall = 'Old Market Community Hall';

async function signIn(browser: Browser, email: string, returnTo: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInWithPassword(page, { email, returnTo });
	return page;
}

test('a group asks to take on a hall, an officer sets terms and the public can follow it', async ({
	browser,
	javaScriptEnabled
}) => {
	// The organiser finds the hall in the register and asks to take it on.
	const organiser = await signIn(
		browser,
		'organiser@ashbrook.example',
		`/assets?q=${encodeURIComponent(hall)}`
	);
	await organiser.getByRole('link', { name: hall, exact: true }).click();
	const assetUrl = new URL(organiser.url()).pathname;
	expect(assetUrl).toMatch(/^\/assets\/[^/]+$/);

	await organiser.goto(`${assetUrl}/transfer`);
	await expect(organiser.getByRole('heading', { level: 1, name: hall })).toBeVisible();
	await expect(organiser.getByText(`No group has asked to take on ${hall} yet.`)).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByRole('button', { name: `Ask to take on ${hall} for your group` }).click();
	await expect(
		organiser.getByRole('heading', { level: 1, name: `Ask to take on ${hall}` })
	).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByRole('button', { name: 'Send expression of interest' }).click();
	await expect(
		organiser.getByRole('link', { name: 'Say what your group would do with it' })
	).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByLabel('Northgate Residents Association').check();
	await organiser
		.getByLabel('What would your group do with it?')
		.fill('A youth club on weekday evenings and a lunch club for older residents.');
	await organiser.getByRole('button', { name: 'Send expression of interest' }).click();
	await expect(organiser.getByText('Your expression of interest has been sent')).toBeVisible();
	await expect(
		organiser.getByRole('heading', { level: 2, name: 'Northgate Residents Association' })
	).toBeVisible();

	// The officer moves the case on and sets terms.
	const officer = await signIn(browser, 'officer@ashbrook.example', `${assetUrl}/transfer/manage`);
	await expect(
		officer.getByRole('heading', { level: 1, name: `Manage transfer of ${hall}` })
	).toBeVisible();
	await expectNoAxeViolations(officer, { javaScriptEnabled });

	await officer.getByLabel('Business plan').check();
	await officer
		.getByLabel('Note for the public timeline (optional)')
		.fill('The council welcomes the idea and has asked the group for a business plan.');
	await officer.getByRole('button', { name: 'Move the case' }).click();
	await expect(officer.getByText('The case has been updated')).toBeVisible();

	await officer.getByLabel('Terms', { exact: true }).check();
	await officer.getByRole('button', { name: 'Move the case' }).click();
	await expect(officer.getByText('The case has been updated')).toBeVisible();

	await officer.getByLabel('Lease', { exact: true }).check();
	await officer.getByLabel('Length of lease in years').fill('');
	await officer.getByRole('button', { name: 'Save terms' }).click();
	await expect(
		officer.getByRole('link', {
			name: 'Enter the length of the lease as a whole number of years'
		})
	).toBeVisible();
	await expectNoAxeViolations(officer, { javaScriptEnabled });

	await officer.getByLabel('Length of lease in years').fill('10');
	await officer.getByLabel('Annual rent in pounds (optional)').fill('1');
	await officer.getByRole('button', { name: 'Save terms' }).click();
	await expect(officer.getByText('Terms saved')).toBeVisible();
	await expect(officer.getByText(/This lease is shorter than 25 years/)).toBeVisible();
	await expectNoAxeViolations(officer, { javaScriptEnabled });

	await officer.getByLabel('Length of lease in years').fill('30');
	await officer.getByRole('button', { name: 'Save terms' }).click();
	await expect(officer.getByText('Terms saved')).toBeVisible();
	await expect(officer.getByText(/This lease is shorter than 25 years/)).toHaveCount(0);

	// Anyone can follow the case.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const visitor = await context.newPage();
	await visitor.goto(`${assetUrl}/transfer`);
	await expect(
		visitor.getByRole('heading', { level: 2, name: 'Northgate Residents Association' })
	).toBeVisible();
	await expect(visitor.getByText('30 years')).toBeVisible();
	await expect(visitor.getByText('£1 a year')).toBeVisible();
	await expect(
		visitor.getByText('The council welcomes the idea and has asked the group for a business plan.')
	).toBeVisible();
	await expectNoAxeViolations(visitor, { javaScriptEnabled });
});
