import { expect, test, type Browser, type Page } from '@playwright/test';
import { crc32, deflateSync } from 'node:zlib';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * The demo's Northgate organiser sets up a participatory budget, publishes it and opens it for
 * ideas; a resident puts forward an idea with a photo; the organiser publishes it and moves the process to
 * review; the council's officer costs the idea into a project and puts it on the ballot; anyone
 * can then see the project, its cost and the officer's note. All without JavaScript.
 */

test.use({ javaScriptEnabled: false });
// A long journey through four people's browsers, with an accessibility check on each page.
test.setTimeout(120_000);

const check = (p: Page, javaScriptEnabled: boolean) =>
	expectNoAxeViolations(p, { javaScriptEnabled });

/** A PNG of one colour, made here so the journey needs no image file (RFC 2083: chunks, IDAT). */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
	const chunk = (type: string, data: Buffer) => {
		const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(typed));
		return Buffer.concat([length, typed, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
	// Each row: filter type 0, then its pixels.
	const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

async function signedIn(
	browser: Browser,
	email: string,
	returnTo: string,
	viewport?: { width: number; height: number }
): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport });
	const page = await context.newPage();
	await signInWithPassword(page, { email, returnTo });
	return page;
}

test('an organiser sets up a budget, a resident puts forward an idea and an officer costs it', async ({
	page,
	browser,
	javaScriptEnabled
}) => {
	const checkPage = (p: Page) => check(p, javaScriptEnabled);

	// The organiser sets up the process.
	await signInWithPassword(page, {
		email: 'organiser@ashbrook.example',
		returnTo: '/admin/budgeting'
	});
	await expect(
		page.getByRole('heading', { level: 1, name: 'Participatory budgeting' })
	).toBeVisible();
	await checkPage(page);
	await page.getByRole('button', { name: 'Set up a new process' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Set up a participatory budget' })
	).toBeVisible();
	await checkPage(page);

	await page.getByLabel('Which area is this budget for?').selectOption({ label: '— Northgate' });
	await page.getByLabel('Name of the process').fill('Tanners Row Play Fund');
	await page.getByLabel('Budget, in pounds').fill('ten thousand');
	await page.getByRole('button', { name: 'Save as a draft' }).click();
	// What was wrong is said at the top and by the field, and what was typed is kept.
	await expect(
		page.getByRole('link', { name: 'Enter the budget as an amount in pounds, like 25000' })
	).toBeVisible();
	await expect(page.getByLabel('Name of the process')).toHaveValue('Tanners Row Play Fund');
	await expect(page).toHaveTitle(/^Error: /);
	await checkPage(page);

	await page.getByLabel('Budget, in pounds').fill('10,000');
	await page.getByLabel('Choose projects within the budget').check();
	await page.getByLabel('Equal shares (recommended)').check();
	await page.getByRole('button', { name: 'Save as a draft' }).click();
	await expect(page.getByText('Tanners Row Play Fund has been saved as a draft')).toBeVisible();
	const processId = new URL(page.url()).pathname.split('/').pop()!;
	await checkPage(page);

	// A draft is not public.
	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	const draft = await visitor.goto(`/budgeting/${processId}`);
	expect(draft?.status()).toBe(404);

	await page.getByRole('button', { name: 'Publish this process' }).click();
	await expect(page.getByText('Tanners Row Play Fund is published')).toBeVisible();
	await page.getByLabel('Open for ideas').check();
	await page.getByRole('button', { name: 'Move now' }).click();
	await expect(page.getByText('Tanners Row Play Fund has moved to: Open for ideas')).toBeVisible();
	await checkPage(page);

	// A resident puts forward an idea, on a small phone: nothing may need scrolling sideways.
	const phone = { width: 320, height: 640 };
	const fitsPhone = async (p: Page) =>
		expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	const resident = await signedIn(
		browser,
		'resident@ashbrook.example',
		`/budgeting/${processId}`,
		phone
	);
	await expect(
		resident.getByRole('heading', { level: 1, name: 'Tanners Row Play Fund' })
	).toBeVisible();
	await expect(resident.getByText('Open for ideas').first()).toBeVisible();
	await checkPage(resident);
	await fitsPhone(resident);
	await resident.getByRole('link', { name: 'See the ideas' }).click();
	await expect(resident.getByText('No ideas yet — be the first')).toBeVisible();
	await checkPage(resident);
	await fitsPhone(resident);
	await resident.getByRole('button', { name: 'Put forward an idea' }).click();
	await expect(
		resident.getByRole('heading', { level: 1, name: 'Put forward an idea' })
	).toBeVisible();
	await checkPage(resident);
	await fitsPhone(resident);
	await resident.getByLabel('Give your idea a short name').fill('A swing for Tanners Row green');
	await resident.getByRole('button', { name: 'Send your idea' }).click();
	await expect(resident.getByRole('link', { name: 'Describe your idea' })).toBeVisible();
	await expect(resident.getByLabel('Give your idea a short name')).toHaveValue(
		'A swing for Tanners Row green'
	);
	await checkPage(resident);
	await resident
		.getByLabel('Describe your idea')
		.fill('A toddler swing next to the benches, so small children have somewhere to play.');
	await resident
		.getByLabel('Which neighbourhood is it for? (optional)')
		.selectOption({ label: 'Tanners Row' });
	await resident.getByLabel('Roughly what would it cost, in pounds? (optional)').fill('800');
	// A photo, uploaded with the form (no JavaScript): without a description it comes back, and
	// the form says to describe it and to choose the file again, keeping everything typed.
	const photo = {
		name: 'green.png',
		mimeType: 'image/png',
		buffer: solidPng(40, 30, [0, 112, 60])
	};
	await resident.getByLabel('Upload a photo').setInputFiles(photo);
	await resident.getByRole('button', { name: 'Send your idea' }).click();
	await expect(
		resident.getByRole('link', {
			name: 'Describe the photo for people who cannot see it, then choose the photo again'
		})
	).toBeVisible();
	await expect(
		resident.getByLabel('Roughly what would it cost, in pounds? (optional)')
	).toHaveValue('800');
	await checkPage(resident);
	await fitsPhone(resident);
	await resident.getByLabel('Upload a photo').setInputFiles(photo);
	await resident
		.getByLabel('Describe the photo for people who cannot see it')
		.fill('The empty corner of Tanners Row green, next to the benches');
	await resident.getByRole('button', { name: 'Send your idea' }).click();
	await expect(resident.getByText('Your idea has been sent')).toBeVisible();
	await expect(resident.getByText('Your idea is waiting for a moderator.')).toBeVisible();
	// The photo comes from this site, exactly as sent; nobody else may see it yet.
	const image = resident.getByRole('img', {
		name: 'The empty corner of Tanners Row green, next to the benches'
	});
	await expect(image).toBeVisible();
	await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(40);
	const photoUrl = new URL((await image.getAttribute('src'))!, resident.url()).pathname;
	expect(photoUrl).toBe(`${new URL(resident.url()).pathname}/photo`);
	const ownPhoto = await resident.request.get(photoUrl);
	expect(ownPhoto.status()).toBe(200);
	expect(ownPhoto.headers()['content-type']).toBe('image/png');
	expect(Buffer.compare(await ownPhoto.body(), photo.buffer)).toBe(0);
	expect((await visitor.request.get(photoUrl)).status()).toBe(404);
	await checkPage(resident);
	await fitsPhone(resident);

	// The organiser publishes it and moves the process on to review.
	await page.goto(`/admin/budgeting/${processId}/ideas`);
	const waiting = page.getByRole('region', { name: 'A swing for Tanners Row green' });
	await expect(waiting).toBeVisible();
	await checkPage(page);
	await waiting.getByRole('button', { name: /^Publish/ }).click();
	await expect(page.getByText('A swing for Tanners Row green is published')).toBeVisible();
	await checkPage(page);
	// Published, its photo is everyone's; nothing has been hidden, and the ideas page says so.
	expect((await visitor.request.get(photoUrl)).status()).toBe(200);
	await visitor.goto(`/budgeting/${processId}/ideas`);
	await visitor.getByText('Ideas we have hidden (0)').click();
	await expect(visitor.getByText('No ideas have been hidden in this process.')).toBeVisible();
	await checkPage(visitor);
	await page.goto(`/admin/budgeting/${processId}`);
	await page.getByLabel('Ideas being reviewed').check();
	await page.getByRole('button', { name: 'Move now' }).click();
	await expect(
		page.getByText('Tanners Row Play Fund has moved to: Ideas being reviewed')
	).toBeVisible();

	// The officer costs the idea into a project and puts it on the ballot.
	const officer = await signedIn(
		browser,
		'officer@ashbrook.example',
		`/admin/budgeting/${processId}/review`
	);
	await expect(
		officer.getByRole('heading', { level: 1, name: 'Review ideas: Tanners Row Play Fund' })
	).toBeVisible();
	await checkPage(officer);
	await officer.getByRole('checkbox', { name: 'A swing for Tanners Row green' }).check();
	await officer.getByLabel('Project name').fill('Toddler swing on Tanners Row green');
	await officer.getByLabel('Cost, in pounds').fill('1,250');
	await officer
		.getByLabel('Feasibility note (shown publicly, optional)')
		.fill('Parks team can fit a swing with safety surfacing in April.');
	await officer.getByRole('button', { name: 'Make the project' }).click();
	await expect(
		officer.getByText('The project Toddler swing on Tanners Row green has been made')
	).toBeVisible();
	await expect(officer.getByText('No ideas are waiting for review.')).toBeVisible();
	await checkPage(officer);
	await officer
		.getByRole('region', { name: 'Toddler swing on Tanners Row green' })
		.getByRole('button', { name: /^Put on the ballot/ })
		.click();
	await expect(
		officer.getByText('Toddler swing on Tanners Row green is on the ballot')
	).toBeVisible();
	await checkPage(officer);

	// Anyone can see the project, its cost and the officer's note, and the idea it came from.
	await visitor.goto(`/budgeting/${processId}/projects`);
	const project = visitor.getByRole('region', { name: 'Toddler swing on Tanners Row green' });
	await expect(project).toContainText('Project 1');
	await expect(project).toContainText('£1,250');
	await expect(project).toContainText('Parks team can fit a swing with safety surfacing in April.');
	await expect(project.getByRole('link', { name: 'A swing for Tanners Row green' })).toBeVisible();
	await checkPage(visitor);
	await project.getByRole('link', { name: 'A swing for Tanners Row green' }).click();
	await expect(
		visitor.getByText('This idea is now part of the project Toddler swing on Tanners Row green.')
	).toBeVisible();
	await checkPage(visitor);
});

test('a signed-in person supports an idea in the demo fund and takes the support back', async ({
	page,
	javaScriptEnabled
}) => {
	await page.goto('/budgeting');
	await check(page, javaScriptEnabled);
	await page.getByRole('link', { name: 'Northgate Neighbourhood Fund' }).click();
	await page.getByRole('link', { name: 'See the ideas' }).click();
	const idea = page
		.getByRole('listitem')
		.filter({ hasText: 'Planters and bulbs on Chapel Fields green' });
	await expect(idea).toContainText('2 supporters');
	await expect(idea.getByRole('link', { name: 'Sign in to support ideas' })).toBeVisible();

	await signInWithPassword(page, {
		email: 'officer@ashbrook.example',
		returnTo: new URL(page.url()).pathname
	});
	await idea.getByRole('button', { name: /^Support this idea/ }).click();
	await expect(idea).toContainText('3 supporters');
	await expect(idea).toContainText('You support this idea');
	await check(page, javaScriptEnabled);
	await idea.getByRole('button', { name: /^Take back your support/ }).click();
	await expect(idea).toContainText('2 supporters');
});

test('anyone reads why an idea was not taken forward, and sees the budget on its place page', async ({
	page,
	javaScriptEnabled
}) => {
	await page.goto('/places/riverside');
	await check(page, javaScriptEnabled);
	await page.getByRole('link', { name: 'Riverside Streets Budget' }).click();
	await expect(page.getByText('Ideas being reviewed').first()).toBeVisible();
	await check(page, javaScriptEnabled);
	await page.getByRole('link', { name: 'See the projects and what happened to each idea' }).click();
	const notTaken = page.getByRole('table', { name: 'Ideas not taken forward' });
	await expect(notTaken.getByRole('row', { name: /A new swimming pool/ })).toContainText(
		'A pool costs far more than this budget of £40,000.'
	);
	const crossing = page.getByRole('region', {
		name: 'Zebra crossing and 20 mph signs by Willow Bank school'
	});
	await expect(crossing).toContainText('£24,000');
	await expect(crossing.getByRole('link')).toHaveCount(2);
	await check(page, javaScriptEnabled);
});
