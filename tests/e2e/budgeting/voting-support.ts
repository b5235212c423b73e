import { createHash } from 'node:crypto';
import { expect, type Browser, type Page } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/** The demo's Northgate Community Fund, open for voting (src/lib/server/budgeting/demo/voting.ts). */
export const demoProcessId = createHash('sha256')
	.update('ashbrook-demo:budgeting-voting:process')
	.digest('hex')
	.slice(0, 32);

/** A demo process open for voting, as `makeCodes` needs it. */
export type VotingDemo = { id: string; title: string; neighbourhood?: string };

/** The demo's Northgate Community Fund (knapsack); its letters go to Chapel Fields. */
const northgate: VotingDemo = {
	id: demoProcessId,
	title: 'Northgate Community Fund',
	neighbourhood: 'Chapel Fields'
};

const demoId = (name: string) =>
	createHash('sha256').update(`ashbrook-demo:budgeting-voting:${name}`).digest('hex').slice(0, 32);

/** Tanners Row Small Grants: a ranked ballot, rank up to 3 of 5 projects. */
export const rankedDemo: VotingDemo = {
	id: demoId('ranked-process'),
	title: 'Tanners Row Small Grants'
};

/** Chapel Fields Green Fund: a cumulative ballot, share out up to 10 points. */
export const cumulativeDemo: VotingDemo = {
	id: demoId('cumulative-process'),
	title: 'Chapel Fields Green Fund'
};

/**
 * The organiser makes a batch of codes and prints its letters, on the page they are on; returns
 * the codes read from the letters. Checks every page with axe when `check` is set. The process
 * is Northgate's fund unless `process` names another.
 */
export async function makeCodes(
	page: Page,
	options: {
		label: string;
		size: number;
		check?: boolean;
		javaScriptEnabled?: boolean;
		process?: VotingDemo;
	}
): Promise<string[]> {
	const process = options.process ?? northgate;
	await page.goto(`/admin/budgeting/${process.id}/codes`);
	await expect(
		page.getByRole('heading', { level: 1, name: `Voting codes: ${process.title}` })
	).toBeVisible();
	if (options.check) await expectNoAxeViolations(page, options);
	await page.getByLabel('Name of the batch').fill(options.label);
	await page.getByLabel('How many codes').fill(String(options.size));
	if (process.neighbourhood)
		await page
			.getByLabel('Neighbourhood (optional)')
			.selectOption({ label: process.neighbourhood });
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

/** Codes made by the organiser in a browser of their own (for Northgate's fund unless told). */
export async function codesFromOrganiser(
	browser: Browser,
	label: string,
	size: number,
	process: VotingDemo = northgate
) {
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		const page = await context.newPage();
		await signInWithPassword(page, {
			email: 'organiser@ashbrook.example',
			returnTo: `/admin/budgeting/${process.id}/codes`
		});
		return await makeCodes(page, { label, size, process });
	} finally {
		await context.close();
	}
}
