import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';
import { demoProcessId, makeCodes } from './voting-support';

/**
 * The Northgate organiser makes a batch of voting codes for letters to Chapel Fields, prints the
 * letters (one per page, with instructions, the vote page's address and the code), and finds
 * that the codes cannot be shown a second time.
 */
test('an organiser generates a batch of voting codes and opens its letters', async ({ page }) => {
	await signInWithPassword(page, {
		email: 'organiser@ashbrook.example',
		returnTo: `/admin/budgeting/${demoProcessId}/codes`
	});
	// The demo's own batch is listed, already printed.
	await expect(
		page.getByRole('rowheader', { name: 'Letters to Old Market households' })
	).toBeVisible();

	const codes = await makeCodes(page, { label: 'Chapel Fields, December', size: 4, check: true });
	expect(new Set(codes).size).toBe(4);
	for (const code of codes)
		expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
	const letters = page
		.getByRole('list', { name: 'Letters: Chapel Fields, December' })
		.locator(':scope > li');
	await expect(letters).toHaveCount(4);
	await expect(letters.first()).toContainText('Your voting code for Northgate Community Fund');
	await expect(letters.first()).toContainText(`/budgeting/${demoProcessId}/vote`);
	await expectNoAxeViolations(page);

	// Printed, each letter starts a new page.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header').first()).toBeHidden();
	expect(await letters.first().evaluate((li) => getComputedStyle(li).breakAfter)).toBe('page');
	await page.emulateMedia({ media: 'screen' });

	// The codes are shown once: opening the letters again shows none, and asking again is refused.
	await page.goto(page.url().replace(/\?.*$/, ''));
	await expect(page.getByText('They cannot be shown again.')).toBeVisible();
	await expect(
		page.getByRole('button', { name: 'Make the codes and show the letters' })
	).toHaveCount(0);
	await expect(page.getByTestId('voting-code')).toHaveCount(0);
	await page.goto(`/admin/budgeting/${demoProcessId}/codes`);
	const row = page.getByRole('row', { name: /Chapel Fields, December/ });
	await expect(row).toContainText('Printed');
	await expectNoAxeViolations(page);
});
