import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { demoProcessId } from './voting-support';

/**
 * A council officer types in a paper ballot from a community event: an over-budget one is
 * refused with the same message voters see; a valid one is entered, with the voter's
 * neighbourhood, and the form is ready for the next.
 */
test('an officer enters a paper ballot in assisted mode', async ({ page }) => {
	await signInWithPassword(page, {
		email: 'officer@ashbrook.example',
		returnTo: `/admin/budgeting/${demoProcessId}/paper`
	});
	await expect(
		page.getByRole('heading', { level: 1, name: 'Enter a paper ballot: Northgate Community Fund' })
	).toBeVisible();
	await expectNoAxeViolations(page);

	const choices = page.getByRole('group', { name: 'Your choices' });
	await choices.getByLabel('Chapel Fields play area, £22,000').check();
	await choices.getByLabel('Safer crossing on Market Street, £18,000').check();
	await choices.getByLabel('Street trees, £16,000').check();
	await page.getByRole('button', { name: 'Enter this ballot' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'You chose projects costing £56,000; the budget is £50,000. Remove £6,000 of projects.'
	);
	await expect(choices.getByLabel('Street trees, £16,000')).toBeChecked();
	await expectNoAxeViolations(page);

	await choices.getByLabel('Street trees, £16,000').uncheck();
	await page.getByLabel('Where the voter lives (optional)').selectOption({ label: 'Tanners Row' });
	await page.getByRole('button', { name: 'Enter this ballot' }).click();
	await expect(
		page.getByText('Paper ballot entered. The form is ready for the next one.')
	).toBeVisible();
	await expect(choices.getByLabel('Chapel Fields play area, £22,000')).not.toBeChecked();
	await expectNoAxeViolations(page);
});
