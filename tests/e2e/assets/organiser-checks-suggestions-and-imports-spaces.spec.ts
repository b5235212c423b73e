import { expect, test } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * The demo's ward organiser (Northgate), without JavaScript, turns down a resident's suggestion
 * with a reason, then imports spaces from a CSV file: the first check finds bad rows and imports
 * nothing, row by row; with "skip the rows with problems" ticked, the good rows go in.
 */

test.use({ javaScriptEnabled: false });

const csv = [
	'Name,Type,Address,Postcode',
	'"Tanners Row Allotments",green space,"Allotment Lane,',
	'Ashbrook",ZZ1 6AL',
	',pub,Nowhere Street,ZZ1 6NW',
	'Rocket Park,spaceport,Launch Road,ZZ1 6RP',
	'Northgate Bowls Club,sports facility,Green Lane,ZZ1 6BC'
].join('\r\n');

test('a ward organiser turns down a suggestion and imports spaces from a CSV file', async ({
	page,
	javaScriptEnabled
}) => {
	await signInWithPassword(page, {
		email: 'organiser@ashbrook.example',
		returnTo: '/admin/assets'
	});
	await expect(page.getByRole('heading', { level: 1, name: 'Community spaces' })).toBeVisible();
	const suggestion = page.getByRole('region', { name: 'Old Market Scout Hut' });
	await expect(suggestion).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// A reason is needed to turn a suggestion down.
	await suggestion.getByRole('button', { name: /Do not add/ }).click();
	await expect(
		page.getByRole('link', { name: 'Say why the space will not be added' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
	await page
		.getByRole('region', { name: 'Old Market Scout Hut' })
		.getByLabel(/Why not\?/)
		.fill('The hut belongs to the Scouts and is not open to other groups.');
	await page
		.getByRole('region', { name: 'Old Market Scout Hut' })
		.getByRole('button', { name: /Do not add/ })
		.click();
	await expect(page.getByText('Old Market Scout Hut will not be added')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Old Market Scout Hut' })).toHaveCount(0);

	await page.getByRole('link', { name: 'Import spaces from a spreadsheet (CSV)' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Import community spaces' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
	await page
		.getByLabel('Which area are these spaces in?')
		.selectOption({ label: '— — Tanners Row' });
	await page.getByLabel('CSV file').setInputFiles({
		name: 'spaces.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('\uFEFF' + csv)
	});
	await page.getByRole('button', { name: 'Upload and continue' }).click();

	await expect(page.getByRole('heading', { name: 'Match the columns' })).toBeVisible();
	await expect(page.getByText(/We found 4 rows/)).toBeVisible();
	await expect(page.getByLabel('Column for name')).toHaveValue('0');
	await expect(page.getByLabel('Column for type of space')).toHaveValue('1');
	await expectNoAxeViolations(page, { javaScriptEnabled });
	await page.getByRole('button', { name: 'Check the rows' }).click();

	await expect(page.getByRole('heading', { name: '2 problems in 2 rows' })).toBeVisible();
	await expect(page.getByText(/Nothing has been imported/)).toBeVisible();
	const problems = page.getByRole('table', { name: '2 problems in 2 rows' });
	await expect(problems.getByRole('row').nth(1)).toContainText('3');
	await expect(problems.getByRole('row').nth(1)).toContainText('This is empty, and it is needed');
	await expect(problems.getByRole('row').nth(2)).toContainText('spaceport');
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByLabel('Skip the rows with problems and import the rest').check();
	await page.getByRole('button', { name: 'Check the rows' }).click();
	await expect(page.getByText('2 rows are ready to import.')).toBeVisible();
	await page.getByRole('button', { name: 'Import 2 spaces' }).click();

	await expect(page.getByText('2 spaces were imported')).toBeVisible();
	await expect(page.getByText('2 rows with problems were skipped.')).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.goto('/assets?q=allotments');
	await page.getByRole('link', { name: 'Tanners Row Allotments' }).click();
	await expect(page.getByText('Allotment Lane,')).toBeVisible();
	await expect(page.getByText('Green space', { exact: true }).first()).toBeVisible();
});
