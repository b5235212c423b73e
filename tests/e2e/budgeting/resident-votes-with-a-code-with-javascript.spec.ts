import { expect, test } from '@playwright/test';
import { openPage } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { codesFromOrganiser, demoProcessId } from './voting-support';

/**
 * A resident votes with JavaScript on: the summary under the ballot follows their choices (and is
 * announced politely to screen readers), turning to "over the budget" when they choose too much.
 */
test('a resident sees the budget bar follow their choices and votes with a code', async ({
	page,
	browser
}) => {
	const [code] = await codesFromOrganiser(browser, 'Letters for the scripted journey', 1);
	await openPage(page, `/budgeting/${demoProcessId}/vote`);
	const summary = page.getByTestId('ballot-summary');
	await expect(summary).toHaveAttribute('aria-live', 'polite');
	await expect(summary).toHaveText('You have chosen £0 of £50,000. £50,000 left.');
	await expectNoAxeViolations(page);

	const choices = page.getByRole('group', { name: 'Your choices' });
	await choices.getByLabel('Chapel Fields play area, £22,000').check();
	await expect(summary).toHaveText('You have chosen £22,000 of £50,000. £28,000 left.');
	await choices.getByLabel('Safer crossing on Market Street, £18,000').check();
	await choices.getByLabel('Street trees, £16,000').check();
	await expect(summary).toHaveText(
		'You have chosen £56,000 of £50,000. That is £6,000 over the budget.'
	);
	await expect(page.locator('.ps-budget-bar__fill--over')).toBeVisible();
	await expectNoAxeViolations(page);
	await choices.getByLabel('Street trees, £16,000').uncheck();
	await choices.getByLabel('Community fridge, £4,500').check();
	await expect(summary).toHaveText('You have chosen £44,500 of £50,000. £5,500 left.');

	// On a 320 px wide phone nothing is cut off and the summary is still there.
	await page.setViewportSize({ width: 320, height: 640 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await expect(summary).toBeInViewport();
	await expectNoAxeViolations(page);

	await page.getByLabel('I am 16 or older').check();
	await page.getByLabel('Voting code').fill(code!);
	await page.getByRole('button', { name: 'Cast my vote' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Your vote has been cast' })
	).toBeVisible();
	await expect(page.getByTestId('receipt')).toHaveText(
		/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/
	);
	await expectNoAxeViolations(page);
});
