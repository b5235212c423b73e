import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { codesFromOrganiser, demoProcessId } from './voting-support';

/**
 * A resident with a letter votes with JavaScript off: an over-budget ballot comes back with the
 * problem and their choices kept; they fix it, cast it, get a receipt code and check that their
 * vote is in the ballot box. The code cannot vote twice.
 */
test.use({ javaScriptEnabled: false });

test('a resident votes with a code without JavaScript', async ({
	page,
	browser,
	javaScriptEnabled
}) => {
	const [code] = await codesFromOrganiser(browser, 'Letters for the no-script journey', 1);
	await page.goto(`/budgeting/${demoProcessId}/vote`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Vote: Northgate Community Fund' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	const choices = page.getByRole('group', { name: 'Your choices' });
	await choices.getByLabel('Chapel Fields play area, £22,000').check();
	await choices.getByLabel('Safer crossing on Market Street, £18,000').check();
	await choices.getByLabel('Street trees, £16,000').check();
	await page.getByLabel('I am 16 or older').check();
	await page.getByLabel('Voting code').fill(code!.toLowerCase());
	await page.getByRole('button', { name: 'Cast my vote' }).click();

	const message =
		'You chose projects costing £56,000; the budget is £50,000. Remove £6,000 of projects.';
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(message);
	await expect(page.locator('#projects-error')).toContainText(message);
	await expect(choices.getByLabel('Chapel Fields play area, £22,000')).toBeChecked();
	await expect(choices.getByLabel('Street trees, £16,000')).toBeChecked();
	await expect(choices.getByLabel('Benches along Tanners Row, £6,500')).not.toBeChecked();
	await expect(page.getByLabel('I am 16 or older')).toBeChecked();
	await expect(page.getByLabel('Voting code')).toHaveValue(code!.toLowerCase());
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await choices.getByLabel('Street trees, £16,000').uncheck();
	await page.getByRole('button', { name: 'Cast my vote' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Your vote has been cast' })
	).toBeVisible();
	const receipt = (await page.getByTestId('receipt').textContent())!.trim();
	expect(receipt).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// Shown once.
	await page.reload();
	await expect(page.getByTestId('receipt')).toHaveCount(0);
	await expect(page.getByText('cannot be shown again')).toBeVisible();

	await page.getByRole('link', { name: 'Check a receipt code' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Check your vote was received' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
	await page.getByLabel('Receipt code').fill('AAAA-AAAA-AAAA-AAAA');
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'There is no vote with this receipt code'
	);
	await page.getByLabel('Receipt code').fill(receipt);
	await page.getByRole('button', { name: 'Check' }).click();
	await expect(page.getByRole('heading', { name: 'Your vote is in the ballot box' })).toBeVisible();
	await expect(page.getByText('The votes have not been counted yet.')).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// The same code again.
	await page.goto(`/budgeting/${demoProcessId}/vote`);
	await choices.getByLabel('Benches along Tanners Row, £6,500').check();
	await page.getByLabel('I am 16 or older').check();
	await page.getByLabel('Voting code').fill(code!);
	await page.getByRole('button', { name: 'Cast my vote' }).click();
	await expect(page.locator('.govuk-error-summary')).toContainText(
		'This code has already been used'
	);
	await expect(choices.getByLabel('Benches along Tanners Row, £6,500')).toBeChecked();
});
