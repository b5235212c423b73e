import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * A resident, with JavaScript off, narrows the list of community spaces to halls in Northgate
 * with the filter form (a plain GET form), opens the hall they want and reads its details. The
 * filters stay as chosen on the results page, and a search with no results says what to try.
 */

test.use({ javaScriptEnabled: false });

test('a resident finds a hall with the list filters, without JavaScript', async ({
	page,
	javaScriptEnabled
}) => {
	await signInWithPassword(page, { email: 'resident@ashbrook.example', returnTo: '/assets' });
	await expect(page.getByRole('heading', { level: 1, name: 'Community spaces' })).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	const filters = page.getByRole('form', { name: 'Filter' });
	await filters.getByRole('checkbox', { name: 'Hall' }).check();
	await filters.getByLabel('Area').selectOption({ label: 'Northgate, Ashbrook' });
	await filters.getByRole('button', { name: 'Apply filters' }).click();

	await expect(page).toHaveURL(/kind=hall/);
	await expect(page.getByRole('heading', { name: /2 spaces match/ })).toBeVisible();
	const results = page.getByRole('list', { name: /spaces match/ });
	await expect(results.getByRole('link')).toHaveText([
		'Old Market Community Hall',
		"St Anne's Church Hall"
	]);
	// Pubs and halls elsewhere are filtered out.
	await expect(page.getByRole('link', { name: 'The Drovers Arms' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Foxley End Village Hall' })).toHaveCount(0);
	// The form keeps what was chosen.
	await expect(filters.getByRole('checkbox', { name: 'Hall' })).toBeChecked();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await filters.getByLabel('Search').fill('corn exchange');
	await filters.getByRole('button', { name: 'Apply filters' }).click();
	await expect(page.getByRole('heading', { name: /1 space matches/ })).toBeVisible();

	await page.getByRole('link', { name: 'Old Market Community Hall' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Old Market Community Hall' })
	).toBeVisible();
	await expect(page.getByText('3 Corn Exchange Yard, Ashbrook')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Northgate Residents Association' })).toBeVisible();
	await expect(page.getByRole('img', { name: /Drawing of a brick hall/ })).toBeVisible();
	await expect(
		page.getByRole('img', { name: /Map showing where Old Market Community Hall is/ })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.goto('/assets?q=no+such+space+anywhere');
	await expect(page.getByRole('heading', { name: 'No spaces match' })).toBeVisible();
	await expect(page.getByText('No spaces match your filters.')).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
});
