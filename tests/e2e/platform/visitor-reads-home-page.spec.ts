import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';

/** What every visitor sees first, with or without JavaScript. */
async function expectAccessibleHomePage(page: Page, javaScriptEnabled: boolean): Promise<void> {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page).toHaveTitle(/Powershare/);

	const skipLink = page.getByRole('link', { name: /skip to main content/i });
	await expect(skipLink).toHaveAttribute('href', '#main-content');
	await expect(page.locator('#main-content')).toHaveCount(1);

	await expectNoAxeViolations(page, { javaScriptEnabled });
}

test('visitor reads the home page', async ({ page }) => {
	await expectAccessibleHomePage(page, true);
});

test('keyboard user can skip to the main content', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skipLink = page.getByRole('link', { name: /skip to main content/i });
	await expect(skipLink).toBeFocused();
});

test('health check reports the service is up', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(await response.json()).toEqual(expect.any(Object));
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('visitor reads the home page', async ({ page, javaScriptEnabled }) => {
		expect(javaScriptEnabled).toBe(false);
		await expectAccessibleHomePage(page, javaScriptEnabled);
	});
});
