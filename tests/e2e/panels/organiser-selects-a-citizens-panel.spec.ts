import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * The demo's ward organiser (Northgate), without JavaScript, runs a citizens' panel from start
 * to finish: creates it, imports a pool whose first file has bad rows (nothing imported, every
 * problem by line), checks the quotas suggested from the pool's own shares and tightens one,
 * reviews who is least likely to be selected and why, publishes the lottery (which a visitor
 * can then read and download before any seed exists), draws the panel with a seed announced
 * afterwards, and replaces a member who drops out. A visitor then reads the public record and
 * recomputes the ticket from the lottery file and the seed alone, and finds nothing personal.
 */

test.use({ javaScriptEnabled: false });

const genders = ['Woman', 'Man'];
const ages = ['Under 40', '40 to 64', '65 and over'];
/** 30 volunteers; three in five own their home, of every age. */
const volunteers = Array.from({ length: 30 }, (_, i) => ({
	name: `Testvolunteer Number${i + 1}`,
	email: `volunteer${i + 1}@panel-journey.example`,
	gender: genders[i % 2]!,
	age: ages[i % 3]!,
	tenure: Math.floor(i / 3) % 3 === 0 ? 'Renter' : 'Owner'
}));
const header = 'Name,Email,Gender,Age group,Tenure';
const goodCsv = [
	header,
	...volunteers.map((v) => `${v.name},${v.email},${v.gender},${v.age},${v.tenure}`)
].join('\r\n');
const badCsv = [
	header,
	'Ann Example,ann@panel-journey.example,Woman,Under 40,Owner',
	'Bob Example,not an email,Man,65 and over,Renter',
	'Cat Example,cat@panel-journey.example,,40 to 64,Owner'
].join('\r\n');

/** Reloads the panel page (no JavaScript: the organiser follows "Check progress") until `text`. */
async function waitForSelection(page: Page, text: RegExp | string) {
	await expect(async () => {
		const check = page.getByRole('button', { name: 'Check progress' });
		if (await check.count()) await check.click();
		else await page.reload();
		await expect(page.getByText(text).first()).toBeVisible({ timeout: 1000 });
	}).toPass({ timeout: 60_000, intervals: [1000] });
}

test('an organiser imports a pool, sets quotas, reviews chances and draws a panel in public', async ({
	page,
	browser,
	javaScriptEnabled
}) => {
	test.setTimeout(240_000);
	await signInWithPassword(page, {
		email: 'organiser@ashbrook.example',
		returnTo: '/admin/panels'
	});
	await expect(page.getByRole('heading', { level: 1, name: 'Citizens’ panels' })).toBeVisible();
	// The demo's panel is ready to review.
	await expect(
		page.getByRole('link', { name: 'Northgate residents’ panel on the high street' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByRole('button', { name: 'Create a panel' }).click();
	await page.getByRole('button', { name: 'Create panel' }).click();
	await expect(page.getByRole('link', { name: 'Enter a name for the panel' })).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
	await page.getByLabel('Which area is the panel for?').selectOption({ label: '— Northgate' });
	await page.getByLabel('Name of the panel').fill('Chapel Fields park panel');
	await page.getByLabel('How many members will the panel have?').fill('6');
	await page.getByRole('button', { name: 'Create panel' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Chapel Fields park panel' })
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// A file with bad rows: nothing is imported, every problem is listed by line.
	await page.getByRole('link', { name: 'Import the pool of volunteers' }).click();
	await page.getByLabel('CSV file').setInputFiles({
		name: 'volunteers.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(badCsv)
	});
	await page.getByRole('button', { name: 'Import volunteers' }).click();
	await expect(
		page.getByRole('link', { name: /volunteers.csv has 2 problems; nothing was imported/ })
	).toBeVisible();
	const problems = page.getByRole('table', { name: /Problems in volunteers.csv/ });
	await expect(problems.getByRole('row').nth(1)).toContainText('3');
	await expect(problems.getByRole('row').nth(1)).toContainText(
		'"not an email" is not an email address.'
	);
	await expect(problems.getByRole('row').nth(2)).toContainText('The "Gender" value is empty.');
	await expectNoAxeViolations(page, { javaScriptEnabled });

	await page.getByLabel('CSV file').setInputFiles({
		name: 'volunteers.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('\uFEFF' + goodCsv)
	});
	await page.getByRole('button', { name: 'Import volunteers' }).click();
	await expect(page.getByText('30 volunteers imported')).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: 'Quotas' })).toBeVisible();
	// No census figures for the demo town: the suggestions say they come from the pool.
	await expect(page.getByText(/There are no census figures for this area/)).toBeVisible();
	await expect(page.getByLabel('Fewest members with Tenure: Owner')).toHaveValue('3');
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// Too many owners for the panel: refused, on the field.
	await page.getByLabel('Fewest members with Tenure: Owner').fill('7');
	await page.getByRole('button', { name: 'Save quotas' }).click();
	await expect(
		page.getByRole('link', { name: /Tenure: Owner has a minimum of 7, more than its maximum of 4/ })
	).toBeVisible();
	await expect(page.getByLabel('Fewest members with Tenure: Owner')).toHaveValue('7');
	await expectNoAxeViolations(page, { javaScriptEnabled });
	// The organiser wants renters to have half the seats.
	await page.getByLabel('Fewest members with Tenure: Owner').fill('3');
	await page.getByLabel('Most members with Tenure: Owner').fill('3');
	await page.getByLabel('Fewest members with Tenure: Renter').fill('3');
	await page.getByLabel('Most members with Tenure: Renter').fill('3');
	await page.getByRole('button', { name: 'Save quotas' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Chapel Fields park panel' })
	).toBeVisible();
	await expect(page.getByText('Set by the organisers')).toBeVisible();

	// Review: the selection runs as a background job; owners are crowded, so least likely.
	await page.getByRole('button', { name: 'Run a review selection' }).click();
	await waitForSelection(page, 'Review of the chances of selection');
	const least = page.getByRole('table', {
		name: 'The volunteers least likely to be selected, and why'
	});
	await expect(least.getByRole('row').nth(1)).toContainText(
		'Tenure: Owner is 60.0% of the pool, but at most 50.0% of the panel'
	);
	await expect(page.getByText(/Chances of selection range from 16\.7% to 25\.0%/)).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// No seed can be entered before the lottery is published.
	await expect(page.getByLabel('Seed announced for the draw')).toHaveCount(0);
	await expect(page.getByText('Publish the lottery first.')).toBeVisible();
	await page.getByRole('button', { name: 'Publish the lottery' }).click();
	await expect(page.getByText('The lottery is published and can no longer change.')).toBeVisible();
	const fingerprint = (await page
		.locator('dt:has-text("Fingerprint of the lottery file (SHA-256)") + dd')
		.textContent())!.trim();
	expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
	await expect(
		page.getByText(
			'npx powershare panel select --people people.csv --quotas features.csv --size 6 --lottery-out lottery.csv'
		)
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });
	const lotteryPage = await page
		.getByRole('link', { name: 'See the public page of the lottery' })
		.getAttribute('href');

	// Before the draw, a visitor can already read the lottery and download its file.
	const early = await browser.newContext({ javaScriptEnabled: false });
	let earlyLottery: string;
	try {
		const pub = await early.newPage();
		await pub.goto(lotteryPage!);
		await expect(pub.getByText('The draw has not happened yet.')).toBeVisible();
		await expect(pub.locator('#lottery-record')).toContainText(fingerprint);
		await expectNoAxeViolations(pub, { javaScriptEnabled });
		earlyLottery = await (await early.request.get(`${lotteryPage}/lottery.csv`)).text();
		expect(createHash('sha256').update(earlyLottery).digest('hex')).toBe(fingerprint);
	} finally {
		await early.close();
	}

	// The public draw, with the seed announced at the meeting after the publication.
	const seed = 'Chapel Fields hall 4 December: 31 7 19';
	await page.getByLabel('Seed announced for the draw').fill(seed);
	await page.getByRole('button', { name: 'Draw the panel in public' }).click();
	await expect(page.getByText(`The panel was drawn with the seed “${seed}”.`)).toBeVisible();
	await expect(page.getByRole('table', { name: '6 members' })).toBeVisible();
	await expect(
		page.getByText(`npx powershare panel draw --lottery lottery.csv --seed '${seed}'`)
	).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// A member drops out: the replacement keeps every quota and is invited. Not every member has
	// someone left in the pool with the same features, so the organiser tries them in turn.
	const members = (
		await page.getByRole('table', { name: '6 members' }).getByRole('rowheader').allTextContents()
	).map((m) => m.trim());
	let replaced: string | undefined;
	for (const member of members) {
		await page.getByLabel('Number of the member who dropped out').fill(member);
		await page.getByRole('button', { name: 'Draw a replacement' }).click();
		const banner = page.getByText(
			new RegExp(
				`replaces volunteer ${member} \\(drawn from \\d+ volunteers? who keep every quota\\)`
			)
		);
		const refusal = page.getByText(
			'Nobody left in the pool can take this place while keeping every quota'
		);
		await expect(banner.or(refusal).first()).toBeVisible();
		if (await banner.count()) {
			replaced = member;
			break;
		}
		await expectNoAxeViolations(page, { javaScriptEnabled });
	}
	expect(replaced).toBeDefined();
	await page.getByRole('button', { name: 'Send invitations to members not yet invited' }).click();
	await expect(page.getByText('5 invitations sent')).toBeVisible();
	await expectNoAxeViolations(page, { javaScriptEnabled });

	// The organiser sets when the pool's personal data is wiped.
	await page.getByRole('textbox', { name: 'Day' }).fill('31');
	await page.getByRole('textbox', { name: 'Month' }).fill('12');
	await page.getByRole('textbox', { name: 'Year' }).fill('2099');
	await page.getByRole('button', { name: 'Save date' }).click();
	await expect(page.getByText('Personal data will be wiped after 2099-12-31')).toBeVisible();

	const publicHref = await page
		.getByRole('link', { name: 'See the public record of the draw' })
		.getAttribute('href');

	// A visitor, not signed in, reads the public record.
	const visitor = await browser.newContext({ javaScriptEnabled: false });
	try {
		const pub = await visitor.newPage();
		await pub.goto(publicHref!);
		await expect(
			pub.getByRole('heading', { level: 1, name: 'Chapel Fields park panel' })
		).toBeVisible();
		const record = pub.locator('#draw-record');
		await expect(record).toContainText(seed);
		await expect(pub.locator('#lottery-record')).toContainText(fingerprint);
		await expect(pub.getByText(/replaced volunteer/)).toBeVisible();
		await expectNoAxeViolations(pub, { javaScriptEnabled });
		const lotteryHref = await pub
			.getByRole('link', { name: /Download the lottery of 1,?000 tickets \(CSV\)/ })
			.getAttribute('href');
		const lottery = await (await visitor.request.get(lotteryHref!)).text();
		// The file is the one published before the seed was known.
		expect(lottery).toBe(earlyLottery);
		const rows = lottery.trim().split(/\r\n/).slice(1);
		expect(rows.reduce((sum, row) => sum + Number(row.split(',')[2]), 0)).toBe(1000);
		const ticket = Number(
			(await record.locator('dt:has-text("Ticket drawn") + dd').textContent())!.trim()
		);
		// The published recipe: SHA-256("<file SHA-256>:<seed>") mod 1000, plus 1.
		const digest = createHash('sha256').update(`${fingerprint}:${seed}`).digest('hex');
		expect(Number(BigInt(`0x${digest}`) % 1000n) + 1).toBe(ticket);
		const drawnRow = rows.find((row) => {
			const [first, last] = row.split(',').map(Number);
			return ticket >= first! && ticket <= last!;
		});
		const drawnMembers = (await record
			.locator('dt:has-text("Volunteers on the ticket") + dd')
			.textContent())!.trim();
		expect(drawnRow!.split(',').slice(3).join(', ')).toBe(drawnMembers);

		// Nothing personal: no name, email or feature value, on the page or in the file.
		const text = await pub.locator('body').innerText();
		const secrets = [
			...volunteers.flatMap((v) => [v.name, v.email]),
			...genders,
			...ages,
			'Owner',
			'Renter',
			'Tenure',
			'Age group'
		];
		for (const secret of secrets) {
			const word = new RegExp(`\\b${secret}\\b`);
			expect(text).not.toMatch(word);
			expect(lottery).not.toMatch(word);
		}
		// The organiser's pool files are not public.
		const peopleUrl = `/admin${publicHref}/people.csv`;
		expect((await visitor.request.get(peopleUrl, { maxRedirects: 0 })).status()).not.toBe(200);
	} finally {
		await visitor.close();
	}
});
