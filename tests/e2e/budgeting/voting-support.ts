import { createHash } from 'node:crypto';
import { expect, type Browser, type Page } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/** The demo's Northgate Community Fund, open for voting (src/lib/server/budgeting/demo/voting.ts). */
export const demoProcessId = createHash('sha256')
	.update('ashbrook-demo:budgeting-voting:process')
	.digest('hex')
	.slice(0, 32);

/**
 * The organiser makes a batch of codes and prints its letters, on the page they are on; returns
 * the codes read from the letters. Checks every page with axe when `check` is set.
 */
export async function makeCodes(
	page: Page,
	options: { label: string; size: number; check?: boolean; javaScriptEnabled?: boolean }
): Promise<string[]> {
	await page.goto(`/admin/budgeting/${demoProcessId}/codes`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Voting codes: Northgate Community Fund' })
	).toBeVisible();
	if (options.check) await expectNoAxeViolations(page, options);
	await page.getByLabel('Name of the batch').fill(options.label);
	await page.getByLabel('How many codes').fill(String(options.size));
	await page.getByLabel('Neighbourhood (optional)').selectOption({ label: 'Chapel Fields' });
	await page.getByRole('button', { name: 'Make the batch' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Letters: ${options.label}` })
	).toBeVisible();
	if (options.check) await expectNoAxeViolations(page, options);
	await page.getByRole('button', { name: 'Make the codes and show the letters' }).click();
	const codes = page.getByTestId('voting-code');
	await expect(codes).toHaveCount(options.size);
	return codes.allTextContents();
}

/** Codes made by the organiser in a browser of their own. */
export async function codesFromOrganiser(browser: Browser, label: string, size: number) {
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		const page = await context.newPage();
		await signInWithPassword(page, {
			email: 'organiser@ashbrook.example',
			returnTo: `/admin/budgeting/${demoProcessId}/codes`
		});
		return await makeCodes(page, { label, size });
	} finally {
		await context.close();
	}
}
