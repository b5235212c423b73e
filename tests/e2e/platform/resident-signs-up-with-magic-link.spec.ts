/**
 * A resident with JavaScript switched off signs up without a password: they give their name,
 * email and neighbourhood, ask for a link, and follow it. The demo runs without a mail server, so
 * the link is read from the outbox by the demo's platform admin in another browser, as an
 * organiser would during a demo.
 */
import { expect, test, type Page } from '@playwright/test';
import { readLinkFromOutbox } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

async function chooseFirstNeighbourhood(page: Page): Promise<string> {
	const select = page.getByLabel('Where do you live?');
	const options = select.locator('option:not([value=""])');
	const label = (await options.first().textContent())!.trim();
	await select.selectOption({ label });
	// The label is "Neighbourhood (Ward)"; the account page shows the neighbourhood's name.
	return label.replace(/\s*\(.*\)$/, '');
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('resident signs up with a magic link and sees their neighbourhood', async ({
		page,
		browser,
		javaScriptEnabled
	}) => {
		// Two browsers and eight accessibility checks: more than the default 30 seconds on a busy machine.
		test.setTimeout(120_000);
		const email = `resident-${Date.now()}@example.com`;

		await page.goto('/auth/sign-in');
		await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
		await expectNoAxeViolations(page, { javaScriptEnabled });
		await page.getByRole('link', { name: 'Create an account' }).click();

		await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
		await expectNoAxeViolations(page, { javaScriptEnabled });

		// Asking without a name shows the error summary and keeps what was typed.
		await page.getByLabel('Email address').fill(email);
		await page.getByRole('button', { name: 'Email me a link instead' }).click();
		await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Enter your full name' })).toHaveAttribute(
			'href',
			'#name'
		);
		await expect(page.getByLabel('Email address')).toHaveValue(email);
		await expect(page).toHaveTitle(/^Error: /);
		await expectNoAxeViolations(page, { javaScriptEnabled });

		await page.getByLabel('Full name').fill('Robin Newcomer');
		const neighbourhood = await chooseFirstNeighbourhood(page);
		await page.getByRole('button', { name: 'Email me a link instead' }).click();

		await expect(page).toHaveURL(/\/auth\/check-email$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
		await expect(page.getByText(`We have sent a sign-in link to ${email}.`)).toBeVisible();
		await expectNoAxeViolations(page, { javaScriptEnabled });

		const link = await readLinkFromOutbox(browser, {
			to: email,
			subject: 'Your sign-in link for Powershare',
			check: (admin) => expectNoAxeViolations(admin, { javaScriptEnabled: true })
		});
		expect(link).toContain('/auth/magic-link?token=');

		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1, name: 'Finish signing in' })).toBeVisible();
		await expectNoAxeViolations(page, { javaScriptEnabled });
		await page.getByRole('button', { name: 'Sign in' }).click();

		await expect(page).toHaveURL(/\/account$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
		const details = page.locator('.govuk-summary-list').first();
		await expect(details.getByText('Robin Newcomer')).toBeVisible();
		await expect(details.getByText(email)).toBeVisible();
		const home = details.getByRole('link', { name: neighbourhood, exact: true });
		await expect(home).toHaveAttribute('href', /^\/places\/[a-z0-9-]+$/);
		await expectNoAxeViolations(page, { javaScriptEnabled });

		// The link works once.
		await page.goto(link);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'This sign-in link has expired' })
		).toBeVisible();

		// Signing out ends the session.
		await page.goto('/account');
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.goto('/account');
		await expect(page).toHaveURL(/\/auth\/sign-in\?returnTo=%2Faccount$/);
	});
});
