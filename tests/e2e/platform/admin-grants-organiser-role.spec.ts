import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInWithPassword } from '../support/accounts';
import { expectNoAxeViolations } from '../support/axe';

/**
 * A council administrator gives a resident the organiser role on one ward (Riverside). The new
 * organiser adds an organisation working in Riverside, but cannot act on another ward
 * (Eastfield): the server refuses the form action even when it is posted directly, not only by
 * hiding the option. Finally the administrator takes the role away again, and the server refuses
 * Riverside too. Everything runs with JavaScript switched off.
 */

const councilAdmin = 'council.admin@ashbrook.example';
const resident = { email: 'resident@ashbrook.example', name: 'Amira Begum' };

async function signIn(browser: Browser, email: string, returnTo: string): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signInWithPassword(page, { email, returnTo });
	await expect(page).toHaveURL(new RegExp(`${returnTo.replace(/[?]/g, '\\?')}$`));
	return page;
}

/** The id of a place, read from the admin's "Change" link for it on the places page. */
async function placeId(admin: Page, name: string): Promise<string> {
	await admin.goto('/admin/places');
	const href = await admin
		.getByRole('link', { name: `Change details of ${name}`, exact: true })
		.getAttribute('href');
	return href!.split('/').pop()!;
}

/** Posts the "add an organisation" form action directly, as a crafted request would. */
async function postOrganisation(page: Page, name: string, placeIdValue: string) {
	const origin = new URL(page.url()).origin;
	return page.request.post('/admin/organisations?/create', {
		headers: { origin },
		form: { name, kind: 'community_group', placeIds: placeIdValue },
		maxRedirects: 0
	});
}

test.use({ javaScriptEnabled: false });

test('an administrator grants an organiser role on one ward, and it works there only', async ({
	browser,
	javaScriptEnabled
}) => {
	// A long journey through nine pages, each checked by axe.
	test.setTimeout(120_000);
	const admin = await signIn(browser, councilAdmin, '/admin');
	await expect(admin.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
	await expectNoAxeViolations(admin, { javaScriptEnabled });

	const riverside = await placeId(admin, 'Riverside');
	const eastfield = await placeId(admin, 'Eastfield');
	await expectNoAxeViolations(admin, { javaScriptEnabled });

	// Give the resident the organiser role on Riverside.
	await admin.goto('/admin/people');
	await expect(admin.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
	await expectNoAxeViolations(admin, { javaScriptEnabled });
	await admin.getByRole('button', { name: 'Give role' }).click();
	await expect(admin.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(admin.getByRole('link', { name: 'Enter an email address' })).toBeVisible();
	await expectNoAxeViolations(admin, { javaScriptEnabled });

	await admin.getByLabel('Email address').fill(resident.email);
	await admin.getByLabel('Place', { exact: true }).selectOption(riverside);
	await admin.getByRole('radio', { name: 'Organiser', exact: true }).check();
	await admin.getByRole('button', { name: 'Give role' }).click();
	await expect(admin.getByText(`${resident.email} is now Organiser of Riverside`)).toBeVisible();
	await expect(admin.getByRole('row', { name: new RegExp(resident.name) })).toContainText(
		'Organiser of Riverside'
	);

	// The organiser adds a group working in Riverside.
	const organiser = await signIn(browser, resident.email, '/admin/organisations');
	await expect(organiser.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });
	await expect(organiser.getByRole('checkbox', { name: 'Eastfield (Ward)' })).toHaveCount(0);

	const groupName = `Riverside Litter Pickers ${Date.now()}`;
	await organiser.getByLabel('Name', { exact: true }).fill(groupName);
	await organiser.getByRole('radio', { name: 'Community group' }).check();
	await organiser.getByLabel('Email (optional)').fill('not an email');
	await organiser.getByRole('button', { name: 'Add organisation' }).click();
	await expect(organiser.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
	await expect(organiser.getByLabel('Name', { exact: true })).toHaveValue(groupName);
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	await organiser.getByRole('checkbox', { name: 'Riverside (Ward)' }).check();
	await organiser.getByLabel('Email (optional)').fill('litter@riverside.example');
	await organiser.getByRole('button', { name: 'Add organisation' }).click();
	await expect(organiser.getByText(`${groupName} has been added`)).toBeVisible();
	await organiser.getByRole('link', { name: groupName }).first().click();
	await expect(organiser.getByRole('heading', { level: 1, name: groupName })).toBeVisible();
	await expect(organiser.getByRole('link', { name: 'Riverside', exact: true })).toBeVisible();
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	// Another ward: the server refuses, whatever the form showed.
	const refused = await postOrganisation(organiser, `Eastfield takeover ${Date.now()}`, eastfield);
	expect(refused.status()).toBe(403);
	const editWard = await organiser.goto(`/admin/places/${eastfield}`);
	expect(editWard?.status()).toBe(403);
	await expect(
		organiser.getByRole('heading', { level: 1, name: 'You cannot see this page' })
	).toBeVisible();
	await organiser.goto('/places/eastfield');
	await expect(organiser.getByText('Eastfield takeover')).toHaveCount(0);
	await expectNoAxeViolations(organiser, { javaScriptEnabled });

	// The administrator takes the role away; from the next request Riverside is refused too.
	await admin.goto('/admin/people');
	await admin
		.getByRole('button', { name: `Take away Organiser of Riverside from ${resident.name}` })
		.click();
	await expect(admin.getByText('The role has been taken away')).toBeVisible();
	await expectNoAxeViolations(admin, { javaScriptEnabled });
	const afterRevoke = await postOrganisation(organiser, `Too late ${Date.now()}`, riverside);
	expect(afterRevoke.status()).toBe(403);

	// The audit log records the grant, the new organisation and the revocation.
	await admin.goto(`/admin/audit?place=${riverside}`);
	await expect(admin.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
	await expect(admin.getByRole('cell', { name: /Gave a role/ }).first()).toBeVisible();
	await expect(admin.getByRole('cell', { name: /Took away a role/ }).first()).toBeVisible();
	await expect(admin.getByRole('cell', { name: /Added an organisation/ }).first()).toBeVisible();
	await expectNoAxeViolations(admin, { javaScriptEnabled });
});
