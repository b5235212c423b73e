import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';
import { codesFromOrganiser, cumulativeDemo, rankedDemo, type VotingDemo } from './voting-support';

/**
 * A resident with a letter votes on a ranked ballot (Tanners Row) and on a points ballot
 * (Chapel Fields), with JavaScript off and on, on a desktop and on a 320 px wide phone. A ballot
 * that breaks the rules comes back with the problem named in the error summary and beside the
 * field, and with the voter's choices and code kept; once fixed, it is cast and gives a receipt.
 */

const receiptPattern = /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/;
const viewports = [
	{ name: 'desktop', size: { width: 1280, height: 800 } },
	{ name: '320 px phone', size: { width: 320, height: 640 } }
] as const;

/** Codes for each ballot, one per test that casts a ballot (two viewports × two modes). */
const codes = new Map<VotingDemo, string[]>();
test.beforeAll(async ({ browser }) => {
	for (const demo of [rankedDemo, cumulativeDemo])
		codes.set(demo, await codesFromOrganiser(browser, `Letters for ${demo.title}`, 4, demo));
});
const nextCode = (demo: VotingDemo) => codes.get(demo)!.shift()!;

async function openBallot(page: Page, demo: VotingDemo, javaScriptEnabled: boolean) {
	await page.goto(`/budgeting/${demo.id}/vote`);
	await expect(page.getByRole('heading', { level: 1, name: `Vote: ${demo.title}` })).toBeVisible();
	// Nothing is cut off on a narrow screen.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		page.viewportSize()!.width
	);
	await expectNoAxeViolations(page, { javaScriptEnabled });
}

async function expectProblem(page: Page, message: string, javaScriptEnabled: boolean) {
	await expect(page).toHaveTitle(/^Error: /);
	await expect(page.locator('.govuk-error-summary')).toContainText(message);
	await expectNoAxeViolations(page, { javaScriptEnabled });
}

async function expectReceipt(page: Page, javaScriptEnabled: boolean) {
	await expect(
		page.getByRole('heading', { level: 1, name: 'Your vote has been cast' })
	).toBeVisible();
	await expect(page.getByTestId('receipt')).toHaveText(receiptPattern);
	await expectNoAxeViolations(page, { javaScriptEnabled });
}

for (const javaScriptEnabled of [false, true]) {
	test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
		test.use({ javaScriptEnabled });

		for (const viewport of viewports) {
			test.describe(`on a ${viewport.name}`, () => {
				test.use({ viewport: viewport.size });

				test('a resident ranks projects, and two at one rank are refused', async ({ page }) => {
					const code = nextCode(rankedDemo);
					await openBallot(page, rankedDemo, javaScriptEnabled);
					const ballot = page.getByRole('group', { name: 'Your choices' });
					const alley = ballot.getByLabel('Rank for Light the Tanners Row alley (£6,000)');
					const steps = ballot.getByLabel('Rank for Tidy the canal steps (£3,500)');
					const murals = ballot.getByLabel('Rank for Murals on the tannery wall (£4,000)');
					// Only ranks 1 to k are offered, so a fourth project can only be ranked by using a
					// rank twice: the same problem as ranking more than k.
					await expect(alley.locator('option')).toHaveText(['Not ranked', '1', '2', '3']);

					await alley.selectOption('1');
					await steps.selectOption('1');
					await murals.selectOption('2');
					await page.getByLabel('Voting code').fill(code);
					if (javaScriptEnabled)
						await expect(page.getByTestId('ballot-summary')).toContainText('3');
					await page.getByRole('button', { name: 'Cast my vote' }).click();

					const message =
						'You ranked Light the Tanners Row alley and Tidy the canal steps both 1st. Give each project a different rank.';
					await expectProblem(page, message, javaScriptEnabled);
					await expect(page.locator('.govuk-error-message')).toContainText(message);
					await expect(alley).toHaveValue('1');
					await expect(steps).toHaveValue('1');
					await expect(murals).toHaveValue('2');
					await expect(page.getByLabel('Voting code')).toHaveValue(code);
					// The error summary's link leads to the field to fix.
					await expect(
						page.locator('.govuk-error-summary').getByRole('link', { name: message })
					).toHaveAttribute('href', `#${await steps.getAttribute('id')}`);

					await steps.selectOption('3');
					await page.getByRole('button', { name: 'Cast my vote' }).click();
					await expectReceipt(page, javaScriptEnabled);
				});

				test('a resident spreads points, and more than they have are refused', async ({ page }) => {
					const code = nextCode(cumulativeDemo);
					await openBallot(page, cumulativeDemo, javaScriptEnabled);
					const ballot = page.getByRole('group', { name: 'Your choices' });
					const meadow = ballot.getByLabel('Points for Wildflower meadow (£3,000)');
					const pond = ballot.getByLabel('Points for Pond clean-up (£4,500)');
					const trees = ballot.getByLabel('Points for Fruit trees (£2,500)');

					await meadow.fill('6');
					await pond.fill('4');
					await trees.fill('2');
					await page.getByLabel('Voting code').fill(code);
					if (javaScriptEnabled)
						await expect(page.getByTestId('ballot-summary')).toContainText('12');
					await page.getByRole('button', { name: 'Cast my vote' }).click();

					const message = 'You gave 12 points; you have 10 points. Take away 2 points.';
					await expectProblem(page, message, javaScriptEnabled);
					await expect(page.locator('#projects-error')).toContainText(message);
					await expect(meadow).toHaveValue('6');
					await expect(pond).toHaveValue('4');
					await expect(trees).toHaveValue('2');
					await expect(page.getByLabel('Voting code')).toHaveValue(code);

					await meadow.fill('4');
					await page.getByRole('button', { name: 'Cast my vote' }).click();
					await expectReceipt(page, javaScriptEnabled);
				});
			});
		}
	});
}
