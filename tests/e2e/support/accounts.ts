import { expect, type Browser, type Page } from '@playwright/test';

/**
 * Signing in during a journey. The demo accounts (`admin@ashbrook.example`,
 * `organiser@ashbrook.example`, `resident@ashbrook.example`, …) all have the password in
 * POWERSHARE_DEMO_PASSWORD, which the server under test is started with.
 */
export function demoPassword(): string {
	const password = process.env.POWERSHARE_DEMO_PASSWORD;
	if (!password) {
		throw new Error('Set POWERSHARE_DEMO_PASSWORD so the demo accounts have a known password.');
	}
	return password;
}

/**
 * Opens a page and waits until its scripts have run. With JavaScript on, SvelteKit hydrates the
 * page after it loads and sets each input to its server-rendered value, so text typed before that
 * would be lost.
 */
export async function openPage(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
}

/** Signs in with email and password through the sign-in form, then lands on `returnTo`. */
export async function signInWithPassword(
	page: Page,
	options: { email: string; password?: string; returnTo?: string }
): Promise<void> {
	const returnTo = options.returnTo ?? '/account';
	await openPage(page, `/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
	const form = page.locator('form[action="?/password"]');
	await form.getByLabel('Email address').fill(options.email);
	await form.getByLabel('Password').fill(options.password ?? demoPassword());
	await form.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/auth\/sign-in/);
}

/**
 * The newest link mailed to `to` with the given subject, read from the outbox by the demo's
 * platform admin in a browser of their own (the demo runs without a mail server). `check` runs on
 * the outbox list and on the message, for example an accessibility check.
 */
export async function readLinkFromOutbox(
	browser: Browser,
	options: { to: string; subject: string; check?: (page: Page) => Promise<void> }
): Promise<string> {
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		const page = await context.newPage();
		await signInWithPassword(page, {
			email: 'admin@ashbrook.example',
			returnTo: `/admin/outbox?to=${options.to}`
		});
		await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
		await options.check?.(page);

		await page.getByRole('link', { name: options.subject }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(options.subject);
		await expect(
			page.locator('.govuk-summary-list').getByText(options.to, { exact: true })
		).toBeVisible();
		await options.check?.(page);

		const href = await page.locator('a.ps-outbox-link').first().getAttribute('href');
		if (!href) throw new Error(`no link in the mail to ${options.to}`);
		return href;
	} finally {
		await context.close();
	}
}
