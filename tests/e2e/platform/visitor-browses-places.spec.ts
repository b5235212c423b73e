import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../support/axe';

/**
 * A visitor, without signing in or JavaScript, goes from the place tree to a ward's home page
 * (breadcrumbs, boundary, what is happening, organisations) and on to an organisation.
 */

test.use({ javaScriptEnabled: false });

test('a visitor finds a ward through the place tree and sees who works there', async ({
	page,
	javaScriptEnabled
}) => {
	await page.goto('/places');
	await expect(page.getByRole('heading', { level: 1, name: 'Places' })).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByRole('link', { name: 'Northgate', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Northgate' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Where this place is' })).toContainText(
		'Ashbrook'
	);
	await expect(page.getByRole('heading', { name: 'What is happening here' })).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Outline of the boundary of Northgate/ })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByRole('link', { name: 'Northgate Residents Association' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Northgate Residents Association' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.goto('/organisations');
	await expect(page.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
});
