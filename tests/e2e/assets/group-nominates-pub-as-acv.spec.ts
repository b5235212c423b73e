import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	endOfMonthsBeginningWith,
	endOfWeeksBeginningWith
} from '../../../src/lib/core/assets/acv-dates';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * Assets of community value, without JavaScript: the demo's Northgate organiser nominates The
 * Drovers Arms for the Northgate Residents Association (after first being told why a group of 20
 * voters is not eligible); the council officer lists it; the owner's notice of a sale is recorded;
 * the group asks to bid, which starts the full moratorium; the public page shows the state and
 * every date with the rule behind it. Every step happens today, so the dates follow from today.
 */

test.use({ javaScriptEnabled: false });
// Four people, eight pages and an accessibility check on each: longer than the default 30 s.
test.setTimeout(120_000);

const pub = 'The Drovers Arms';
const group = 'Northgate Residents Association';

/** Today in UTC, as the server counts it, and a date as the pages write it. */
const today = new Date().toISOString().slice(0, 10);
const longDate = (date: string) =>
	new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${date}T00:00:00Z`));
const [year, month, day] = today.split('-').map(Number) as [number, number, number];

async function signIn(browser: Browser, email: string, returnTo: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInWithPassword(page, { email, returnTo });
	return page;
}

async function fillToday(page: Page) {
	await page.getByLabel('Day').fill(String(day));
	await page.getByLabel('Month').fill(String(month));
	await page.getByLabel('Year').fill(String(year));
}

test('a group nominates a pub, the council lists it, the owner gives notice and the group asks to bid', async ({
	browser,
	javaScriptEnabled
}) => {
	const organiser = await signIn(
		browser,
		'organiser@ashbrook.example',
		`/assets?q=${encodeURIComponent(pub)}`
	);
	await organiser.getByRole('link', { name: pub, exact: true }).click();
	const assetUrl = new URL(organiser.url()).pathname;
	expect(assetUrl).toMatch(/^\/assets\/[^/]+$/);
	const acvUrl = `${assetUrl}/acv`;

	// The public page before any nomination.
	await organiser.goto(acvUrl);
	await expect(organiser.getByRole('heading', { level: 1, name: pub })).toBeVisible();
	await expect(organiser.getByText('This asset has not been nominated')).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	// The nomination form: errors first, with the eligibility reason and the values kept.
	await organiser.getByRole('link', { name: 'Nominate this asset' }).click();
	await expect(
		organiser.getByRole('heading', {
			level: 1,
			name: `Nominate ${pub} as an asset of community value`
		})
	).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByRole('button', { name: 'Save' }).click();
	await expect(
		organiser.getByRole('link', { name: 'Select what kind of group it is' })
	).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	const reasons =
		'The last coaching inn in Northgate; the darts league, the folk club and the quiz meet here.';
	await organiser.getByLabel(group).check();
	await organiser.getByLabel('Community group that is not a company or charity').check();
	await organiser
		.getByRole('group', { name: /work in this council/ })
		.getByLabel('Yes')
		.check();
	await organiser.getByLabel('How many members are registered to vote in the area?').fill('20');
	await organiser
		.getByRole('group', { name: /spend any profit/ })
		.getByLabel('Yes')
		.check();
	await organiser.getByLabel(/further the social wellbeing/).fill(reasons);
	await organiser.getByRole('button', { name: 'Save' }).click();
	await expect(
		organiser.getByRole('link', { name: /at least 21 members registered to vote/ })
	).toBeVisible();
	await expect(organiser.getByLabel(/further the social wellbeing/)).toHaveValue(reasons);
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByLabel('How many members are registered to vote in the area?').fill('34');
	await organiser.getByRole('button', { name: 'Save' }).click();
	const decisionDue = longDate(endOfWeeksBeginningWith(today, 8));
	await expect(
		organiser.getByText(`Nomination sent. The council must decide by ${decisionDue}.`)
	).toBeVisible();
	await expect(organiser.getByTestId('acv-state')).toHaveText('Nominated – awaiting decision');
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	// An organiser cannot decide.
	const refused = await organiser.goto(`${acvUrl}/decide`);
	expect(refused?.status()).toBe(403);

	// The officer lists it today.
	const officer = await signIn(browser, 'officer@ashbrook.example', `${acvUrl}/decide`);
	await expect(
		officer.getByRole('heading', { level: 1, name: `Decide the nomination of ${pub}` })
	).toBeVisible();
	await expectNoAxeViolations(officer, { javaScriptEnabled });
	await officer.getByLabel('Yes, list it as an asset of community value').check();
	await fillToday(officer);
	await officer
		.getByLabel('Reasons for the decision')
		.fill('Its main use furthers the social wellbeing of Northgate, and can continue.');
	await officer.getByRole('button', { name: 'Save' }).click();
	await expect(officer.getByText('Decision recorded.')).toBeVisible();
	await expect(officer.getByTestId('acv-state')).toHaveText('Listed');

	// The owner's notice of a sale reaches the council today.
	await officer.getByRole('link', { name: 'Record an owner’s notice of a sale' }).click();
	await expect(
		officer.getByRole('heading', { level: 1, name: `Record an owner’s notice of a sale of ${pub}` })
	).toBeVisible();
	await expectNoAxeViolations(officer, { javaScriptEnabled });
	await fillToday(officer);
	await officer.getByLabel('Owner’s name (optional)').fill('Ashbrook Taverns Ltd');
	await officer.getByRole('button', { name: 'Save' }).click();
	await expect(officer.getByText('Owner’s notice recorded.')).toBeVisible();
	await expect(officer.getByTestId('acv-state')).toHaveText('Interim moratorium');
	const interimEnd = longDate(endOfWeeksBeginningWith(today, 6));
	await expect(officer.getByTestId('acv-next')).toHaveText(
		`Next date: Interim moratorium ends on ${interimEnd}`
	);

	// The group asks to be treated as a potential bidder.
	await organiser.goto(`${acvUrl}/bid-request`);
	await expect(
		organiser.getByRole('heading', { level: 1, name: `Record a request to bid for ${pub}` })
	).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });
	await organiser.getByLabel(group).check();
	await fillToday(organiser);
	await organiser.getByRole('button', { name: 'Save' }).click();
	await expect(organiser.getByText('Request to bid recorded.')).toBeVisible();

	// Anyone can read the state and the dates.
	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto(acvUrl);
	const fullEnd = longDate(endOfMonthsBeginningWith(today, 6));
	const protectedEnd = longDate(endOfMonthsBeginningWith(today, 18));
	await expect(visitor.getByTestId('acv-state')).toHaveText('Full moratorium');
	await expect(visitor.getByTestId('acv-explain')).toContainText(
		`cannot sell to anyone else until ${fullEnd}`
	);
	await expect(visitor.getByTestId('acv-next')).toHaveText(
		`Next date: Full moratorium ends on ${fullEnd}`
	);
	const timeline = visitor.getByTestId('acv-timeline');
	await expect(
		timeline.getByRole('row', {
			name: new RegExp(`${fullEnd}.*Full moratorium ends.*s\\.95\\(3\\)\\(a\\)`)
		})
	).toBeVisible();
	await expect(
		timeline.getByRole('row', { name: new RegExp(`${protectedEnd}.*Protected period ends`) })
	).toBeVisible();
	await expect(
		timeline.getByText(`${group} asked to be treated as a potential bidder`)
	).toBeVisible();
	await expect(visitor.getByText(group, { exact: true }).first()).toBeVisible();
	await expect(
		visitor.getByRole('link', { name: 'Record an owner’s notice of a sale' })
	).toHaveCount(0);
	await expectNoAxeViolations(visitor, { javaScriptEnabled });

	// And in the open data.
	const csv = await (await visitor.request.get('/open-data/asset-of-community-value.csv')).text();
	expect(csv.split('\r\n')[0]).toContain(
		'reference,name,nominating-group,nomination-date,decision'
	);
	expect(csv).toContain(`${pub},${group},${today},listed,${today},${today},${today},${group}`);
});
