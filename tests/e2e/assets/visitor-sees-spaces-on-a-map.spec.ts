import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';

/**
 * A visitor opens the map of community spaces: MapLibre draws the wards and the spaces without any
 * tile server, and the page links back to the list, which has everything the map shows. The list
 * page itself does not load MapLibre.
 */
test('a visitor sees the community spaces on a map, with the list one link away', async ({
	page,
	javaScriptEnabled
}) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	const failures: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') failures.push(m.text());
	});

	await page.goto('/assets');
	await page.waitForLoadState('networkidle');
	expect(scripts.some((s) => /maplibre/i.test(s))).toBe(false);
	await page.getByRole('link', { name: 'See these spaces on a map' }).click();

	await expect(
		page.getByRole('heading', { level: 1, name: 'Map of community spaces' })
	).toBeVisible();
	await expect(page.getByText(/\d+ spaces on the map/)).toBeVisible();
	const map = page.getByRole('region', { name: /Map of community spaces in/ });
	await expect(map.locator('canvas')).toBeVisible();
	await expect(page.getByText('Loading the map…')).toHaveCount(0);
	await expect(page.getByText('The map could not be shown on this device.')).toHaveCount(0);
	expect(failures).toEqual([]);
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByRole('link', { name: 'See the list of community spaces' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Community spaces' })).toBeVisible();
});
