import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * The demo's Northgate organiser, without JavaScript, closes voting on "Northgate Green Streets"
 * (open in the demo, with generated ballots). The count runs in the server's job worker while
 * the page says "Counting…"; once it is done the organiser compares rules and the public results
 * page explains every project. A visitor downloads the ballots as a Pabulib file whose
 * fingerprint matches the one on the page. Then the organiser imports a .pb file: a broken one
 * is refused line by line, the demo's counted fund goes in as a past process.
 */

test.use({ javaScriptEnabled: false });

/** The demo's process ids are derived from their titles (src/lib/server/budgeting/demo/results.ts). */
const demoProcessId = (title: string) =>
	createHash('sha256').update(`powershare-demo:budgeting:${title}`).digest('hex').slice(0, 32);

const votingId = demoProcessId('Northgate Green Streets');
const fundId = demoProcessId('Ashbrook Community Fund 2026');

/** The SHA-256 of a .pb file's ballots, computed as the results page says to. */
function ballotsHash(text: string): string {
	const votes = text.split('\nVOTES\n')[1]!.split('\n').slice(1).filter(Boolean);
	const lines = votes.map((line) => line.slice(line.indexOf(';') + 1)).sort();
	return createHash('sha256')
		.update(lines.map((l) => `${l}\n`).join(''))
		.digest('hex');
}

async function download(page: Page, linkName: string): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: linkName }).click()
	]);
	const path = await file.path();
	return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('an organiser closes voting, the count runs, and the results explain every project', async ({
	page,
	browser,
	javaScriptEnabled
}) => {
	// Many pages, each checked with axe, and a count in the background: more than the default.
	test.setTimeout(120_000);
	await signInWithPassword(page, {
		email: 'organiser@ashbrook.example',
		returnTo: `/admin/budgeting/${votingId}/results`
	});
	await expect(
		page.getByRole('heading', { level: 1, name: 'Counting and results: Northgate Green Streets' })
	).toBeVisible();
	await expect(page.getByText('You can compare rules once voting has closed.')).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByRole('button', { name: 'Close voting now' }).click();
	await expect(page.getByText('Voting is closed. The votes are being counted.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Close voting now' })).toHaveCount(0);
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// The worker counts in the background; the page says so until the result is frozen.
	await expect(async () => {
		await page.goto(`/admin/budgeting/${votingId}/results`);
		await expect(
			page.getByRole('heading', { level: 2, name: 'The votes have been counted.' })
		).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 60_000 });
	await expect(page.getByText('Counting…')).toHaveCount(0);
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// Compare the three rules side by side: a row per project, a column per rule, with totals.
	await page.getByRole('button', { name: 'Compare' }).click();
	const comparison = page.getByRole('table', { name: 'What each rule would fund' });
	await expect(comparison).toBeVisible();
	await expect(
		comparison.getByRole('columnheader', { name: 'Method of Equal Shares (this process’s rule)' })
	).toBeVisible();
	await expect(comparison.getByRole('columnheader', { name: 'Most votes first' })).toBeVisible();
	await expect(comparison.getByRole('columnheader', { name: 'Sequential Phragmén' })).toBeVisible();
	await expect(comparison.locator('tbody tr')).toHaveCount(10);
	await expect(comparison.getByRole('rowheader', { name: 'Total spent' })).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// Choosing no rule says what to do.
	await page.getByLabel('Most votes first').uncheck();
	await page.getByLabel('Method of Equal Shares (this process’s rule)').uncheck();
	await page.getByLabel('Sequential Phragmén').uncheck();
	await page.getByRole('button', { name: 'Compare' }).click();
	await expect(
		page.getByRole('link', { name: 'Select at least one rule to compare' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByRole('link', { name: 'See the public results page' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Results: Northgate Green Streets' })
	).toBeVisible();
	const winners = page.getByRole('table', { name: 'Projects that will be funded' });
	await expect(winners).toBeVisible();
	expect(await winners.locator('tbody tr').count()).toBeGreaterThan(0);
	await expect(page.getByRole('heading', { name: 'Why each project won or lost' })).toBeVisible();
	const reasons = page.locator('.ps-results-why__item');
	await expect(reasons).toHaveCount(10);
	for (const reason of await reasons.all())
		await expect(reason.locator('p.govuk-body')).toHaveText(/^(Funded|Not funded)/);
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// A visitor, not signed in, sees the same results and downloads the ballots.
	const context = await browser.newContext({ javaScriptEnabled: false });
	try {
		const visitor = await context.newPage();
		await visitor.goto(`/budgeting/${votingId}/results`);
		await expect(visitor.getByRole('heading', { name: 'Who took part' })).toBeVisible();
		await expect(visitor.getByRole('table', { name: 'How people voted' })).toBeVisible();
		await expect(visitor.getByRole('table', { name: 'Where voters live' })).toBeVisible();
		await expectNoAxeViolations(visitor, { javaScriptEnabled: false });
		const shown = (await visitor.locator('code.ps-hash').textContent())?.trim();
		const file = await download(visitor, 'Download the ballots and results (.pb file)');
		expect(file.name).toMatch(/^northgate-green-streets-\d{4}\.pb$/);
		expect(file.text).toContain('num_votes;400\n');
		expect(file.text).toContain('currency;GBP\n');
		expect(ballotsHash(file.text)).toBe(shown);
	} finally {
		await context.close();
	}
});

test('an organiser imports a Pabulib file as a past process, after a broken one is refused', async ({
	page,
	javaScriptEnabled
}) => {
	await page.goto(`/budgeting/${fundId}/results`);
	const file = await download(page, 'Download the ballots and results (.pb file)');

	await signInWithPassword(page, {
		email: 'organiser@ashbrook.example',
		returnTo: '/admin/budgeting/import'
	});
	await expect(
		page.getByRole('heading', { level: 1, name: 'Import a Pabulib file' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	const broken = file.text.replace('\nbudget;6000000\n', '\nbudget;lots\n');
	await page.getByLabel('Area the process was for').selectOption({ label: '— Northgate' });
	await page.getByLabel('Pabulib file').setInputFiles({
		name: 'broken.pb',
		mimeType: 'text/plain',
		buffer: Buffer.from(broken)
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByRole('link', { name: /^broken\.pb:\d+: / }).first()).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByLabel('Area the process was for').selectOption({ label: '— Northgate' });
	await page.getByLabel('Pabulib file').setInputFiles({
		name: file.name,
		mimeType: 'text/plain',
		buffer: Buffer.from(file.text)
	});
	await page.getByRole('button', { name: 'Import' }).click();
	await expect(page.getByText('Imported Ashbrook Community Fund 2026')).toBeVisible();
	await expect(
		page.getByText('12 projects and 3,000 ballots were imported and counted.')
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
	await page.getByRole('link', { name: 'See the public results page' }).click();
	await expect(page.getByText(/imported from the open data file/)).toBeVisible();
	await expect(page.locator('.ps-results-why__item')).toHaveCount(12);
	await expectNoAxeViolations(page, { javaScriptEnabled });
});
