/**
 * A resident with an account forgets their password: a wrong guess is refused with an error they
 * can follow, they ask for a reset link (the page says the same whoever asks), choose a new
 * password through the link, and sign in with it. JavaScript is on here; the sign-up journey
 * covers the same forms with it off.
 */
import { expect, test } from '@playwright/test';
import { openPage, readLinkFromOutbox } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

test('resident resets a forgotten password and signs in with the new one', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	const email = `forgetful-${Date.now()}@example.com`;

	await openPage(page, '/auth/sign-up');
	await page.getByLabel('Full name').fill('Alex Forgetful');
	await page.getByLabel('Email address').fill(email);
	await page.getByLabel('Password').fill('first-password-1');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page).toHaveURL(/\/account$/);
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/$/);

	await openPage(page, '/auth/sign-in');
	const passwordForm = page.locator('form[action="?/password"]');
	await passwordForm.getByLabel('Email address').fill(email);
	await passwordForm.getByLabel('Password').fill('not-my-password');
	await passwordForm.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'Enter a correct email address and password' })
	).toBeVisible();
	await expect(passwordForm.getByLabel('Email address')).toHaveValue(email);
	await expectNoAxeViolations(page);

	await page.getByRole('link', { name: 'Forgotten your password?' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
	await page.waitForLoadState('networkidle');
	await expectNoAxeViolations(page);
	await page.getByLabel('Email address').fill(email);
	await page.getByRole('button', { name: 'Send reset link' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
	await expect(
		page.getByText(`If there is an account for ${email}, we have sent it a link`)
	).toBeVisible();

	const link = await readLinkFromOutbox(browser, {
		to: email,
		subject: 'Reset your Powershare password'
	});
	expect(link).toContain('/auth/reset-password?token=');

	await openPage(page, link);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Choose a new password' })
	).toBeVisible();
	await page.getByLabel('New password').fill('short');
	await page.getByRole('button', { name: 'Save new password' }).click();
	await expect(
		page.getByRole('link', { name: 'Password must be 8 characters or more' })
	).toBeVisible();
	await expectNoAxeViolations(page);
	await page.waitForLoadState('networkidle');
	await page.getByLabel('New password').fill('second-password-2');
	await page.getByRole('button', { name: 'Save new password' }).click();

	await expect(page).toHaveURL(/\/auth\/sign-in\?reset=1$/);
	await expect(page.getByText('Your password has been changed.')).toBeVisible();
	await page.waitForLoadState('networkidle');
	await passwordForm.getByLabel('Email address').fill(email);
	await passwordForm.getByLabel('Password').fill('second-password-2');
	await passwordForm.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/$/);
	await page.goto('/account');
	await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
});
