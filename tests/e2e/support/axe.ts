import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG levels Powershare meets: 2.0, 2.1 and 2.2, A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

export type AxeCheckOptions = {
	/**
	 * Pass the test's `javaScriptEnabled` fixture. axe-core runs as a script in the page, which a
	 * page without JavaScript cannot do, so the markup the visitor received is checked instead in a
	 * scripted twin of the page: same URL, same styles, none of the page's own scripts.
	 */
	javaScriptEnabled?: boolean;
};

/** Formats axe-core violations so a failing test says what is wrong, where, and how to fix it. */
function describeViolations(violations: AxeResults['violations']): string {
	return violations
		.map((violation) => {
			const nodes = violation.nodes
				.map((node) => `    at ${node.target.join(' ')}\n      ${node.failureSummary ?? ''}`)
				.join('\n');
			return `- [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
		})
		.join('\n');
}

async function analyze(page: Page): Promise<AxeResults> {
	return new AxeBuilder({ page }).withTags(wcagTags).analyze();
}

/** Runs axe on the markup of a page that has no JavaScript, as explained in AxeCheckOptions. */
async function analyzeWithoutPageScripts(page: Page): Promise<AxeResults> {
	const url = page.url();
	// Scripts go; <noscript> content stays visible, as it is to the visitor.
	const html = (await page.content())
		.replace(/<script\b[\s\S]*?<\/script>/gi, '')
		.replace(/<\/?noscript\b[^>]*>/gi, '');
	const browser = page.context().browser();
	if (!browser) throw new Error('expectNoAxeViolations needs a browser to check a page without JS');
	// Inside a test, new contexts inherit the test's options, so JavaScript is asked for explicitly.
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		const twin = await context.newPage();
		await twin.route(url, (route) =>
			route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
		);
		await twin.goto(url);
		// Measurements such as target size are only right once every stylesheet has applied.
		await twin.waitForFunction(
			() =>
				[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
					(link) => link.sheet !== null
				),
			undefined,
			{ timeout: 10_000 }
		);
		await twin.evaluate(() => document.fonts.ready.then(() => undefined));
		return await analyze(twin);
	} finally {
		await context.close();
	}
}

/**
 * Runs axe-core on the page as it is now and fails the test on any WCAG 2.2 A or AA violation,
 * listing each rule, its impact and the elements that break it.
 */
export async function expectNoAxeViolations(
	page: Page,
	{ javaScriptEnabled = true }: AxeCheckOptions = {}
): Promise<void> {
	const { violations } = javaScriptEnabled
		? await analyze(page)
		: await analyzeWithoutPageScripts(page);
	expect(
		violations.map((violation) => violation.id),
		`Accessibility violations on ${page.url()}:\n${describeViolations(violations)}`
	).toEqual([]);
}
