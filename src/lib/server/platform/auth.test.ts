import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '../db/client';
import { createTestDatabase } from '../testing/test-database';
import {
	getAccount,
	readSession,
	requestMagicLink,
	requestPasswordReset,
	resetPassword,
	safeReturnTo,
	sessionUserOf,
	signInWithPassword,
	signOut,
	signUpWithPassword,
	updateAccount,
	verifyMagicLink,
	type ClientInfo
} from './accounts';
import { createAuth, rateLimitFromEnv, resolveSecret, type Auth } from './auth';
import { DomainError } from './errors';
import { readOutbox } from './mail';
import { loadActor } from './permissions';
import { canReadOutbox, getOutboxMessage, listOutbox } from './read-outbox';
import {
	platformInvitations,
	platformJobs,
	platformOutbox,
	platformPlaces,
	platformRoleGrants,
	platformSessions,
	platformUsers
} from './schema';

const secret = 'test-secret-test-secret-test-secret-0123456789';
const baseURL = 'http://localhost:3000';
const client: ClientInfo = { ip: '203.0.113.7', userAgent: 'vitest' };

let handle: DatabaseHandle;
let auth: Auth;

/** The `Cookie` header a browser would send back after these `Set-Cookie` headers. */
function cookieHeader(setCookies: string[]): string {
	return setCookies.map((c) => c.split(';')[0]).join('; ');
}

/** The first link to our site in the newest outbox message to `to`. */
async function latestLinkTo(to: string): Promise<URL> {
	const { messages } = await readOutbox(handle.db, { to });
	const text = messages[0]?.text ?? '';
	const match = /https?:\/\/\S+/.exec(text);
	if (!match) throw new Error(`no link in the mail to ${to}`);
	return new URL(match[0]);
}

async function expectRefused(promise: Promise<unknown>, code: DomainError['code']) {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(DomainError);
	expect((error as DomainError).code).toBe(code);
}

beforeAll(async () => {
	handle = await createTestDatabase();
	auth = createAuth(handle.db, {
		secret,
		baseURL,
		trustedOrigins: [],
		rateLimit: { enabled: false, window: 60, max: 5 }
	});
	await handle.db.insert(platformPlaces).values([
		{ id: 'council', path: 'council', level: 'council', name: 'Ashbrook', slug: 'ashbrook' },
		{
			id: 'ward',
			parentId: 'council',
			path: 'council/ward',
			level: 'ward',
			name: 'Northgate',
			slug: 'northgate'
		},
		{
			id: 'hood',
			parentId: 'ward',
			path: 'council/ward/hood',
			level: 'neighbourhood',
			name: 'Chapel Fields',
			slug: 'chapel-fields'
		}
	]);
});

afterAll(async () => {
	await handle.close();
});

describe('signing up and in with a password', () => {
	it('creates an account, stores the neighbourhood and starts a session', async () => {
		const signedIn = await signUpWithPassword(
			auth,
			handle.db,
			{
				name: 'Ada Resident',
				email: 'ada@example.com',
				password: 'a-long-password',
				homePlaceId: 'hood'
			},
			client
		);
		expect(signedIn.setCookies.some((c) => c.startsWith('powershare.session_token='))).toBe(true);

		const session = await readSession(
			auth,
			new Headers({ cookie: cookieHeader(signedIn.setCookies) })
		);
		expect(session?.userId).toBe(signedIn.userId);

		const actor = await loadActor(handle.db, signedIn.userId);
		const account = await getAccount(handle.db, actor);
		expect(account).toMatchObject({
			name: 'Ada Resident',
			email: 'ada@example.com',
			homePlace: { slug: 'chapel-fields', name: 'Chapel Fields' },
			roles: []
		});
	});

	it('refuses a second account with the same email', async () => {
		await expectRefused(
			signUpWithPassword(
				auth,
				handle.db,
				{ name: 'Someone', email: 'ada@example.com', password: 'another-password' },
				client
			),
			'conflict'
		);
	});

	it('refuses a neighbourhood that is not a neighbourhood', async () => {
		await expectRefused(
			signUpWithPassword(
				auth,
				handle.db,
				{ name: 'Bo', email: 'bo@example.com', password: 'a-long-password', homePlaceId: 'ward' },
				client
			),
			'invalid'
		);
	});

	it('signs in with the right password', async () => {
		const signedIn = await signInWithPassword(
			auth,
			handle.db,
			{ email: 'ada@example.com', password: 'a-long-password' },
			client
		);
		const session = await readSession(
			auth,
			new Headers({ cookie: cookieHeader(signedIn.setCookies) })
		);
		expect(session?.userId).toBe(signedIn.userId);
	});

	it('refuses a wrong password and an unknown address alike', async () => {
		await expectRefused(
			signInWithPassword(
				auth,
				handle.db,
				{ email: 'ada@example.com', password: 'not-the-password' },
				client
			),
			'unauthenticated'
		);
		await expectRefused(
			signInWithPassword(
				auth,
				handle.db,
				{ email: 'nobody@example.com', password: 'not-the-password' },
				client
			),
			'unauthenticated'
		);
	});

	it('ends the session on sign-out', async () => {
		const signedIn = await signInWithPassword(
			auth,
			handle.db,
			{ email: 'ada@example.com', password: 'a-long-password' },
			client
		);
		const cookie = cookieHeader(signedIn.setCookies);
		await signOut(auth, { ...client, cookie });
		expect(await readSession(auth, new Headers({ cookie }))).toBeNull();
	});
});

describe('magic links', () => {
	it('sends a link to the outbox whose token creates the account and signs in', async () => {
		await requestMagicLink(
			auth,
			handle.db,
			{ email: 'Cy@Example.com', name: 'Cy Newcomer', homePlaceId: 'hood', returnTo: '/account' },
			client
		);
		const link = await latestLinkTo('cy@example.com');
		expect(`${link.origin}${link.pathname}`).toBe(`${baseURL}/auth/magic-link`);
		expect(link.searchParams.get('returnTo')).toBe('/account');
		const [before] = await handle.db
			.select()
			.from(platformUsers)
			.where(eq(platformUsers.email, 'cy@example.com'));
		expect(before).toBeUndefined();

		const signedIn = await verifyMagicLink(
			auth,
			handle.db,
			{ token: link.searchParams.get('token')!, homePlaceId: link.searchParams.get('place') },
			client
		);
		const session = await readSession(
			auth,
			new Headers({ cookie: cookieHeader(signedIn.setCookies) })
		);
		expect(session?.userId).toBe(signedIn.userId);
		const account = await getAccount(handle.db, await loadActor(handle.db, signedIn.userId));
		expect(account).toMatchObject({
			name: 'Cy Newcomer',
			email: 'cy@example.com',
			homePlace: { slug: 'chapel-fields' }
		});
	});

	it('spends a token on first use', async () => {
		await requestMagicLink(auth, handle.db, { email: 'ada@example.com' }, client);
		const token = (await latestLinkTo('ada@example.com')).searchParams.get('token')!;
		const first = await verifyMagicLink(auth, handle.db, { token }, client);
		expect(first.setCookies.length).toBeGreaterThan(0);
		await expectRefused(verifyMagicLink(auth, handle.db, { token }, client), 'invalid');
		await expectRefused(verifyMagicLink(auth, handle.db, { token: 'made-up' }, client), 'invalid');
	});

	it('turns invitations to the address into roles when the link is used', async () => {
		await handle.db.insert(platformInvitations).values({
			id: 'invite-1',
			email: 'ed@example.com',
			placeId: 'ward',
			role: 'organiser',
			invitedBy: 'someone',
			expiresAt: new Date(Date.now() + 86_400_000)
		});
		await requestMagicLink(auth, handle.db, { email: 'ed@example.com', name: 'Ed' }, client);
		const token = (await latestLinkTo('ed@example.com')).searchParams.get('token')!;
		const signedIn = await verifyMagicLink(auth, handle.db, { token }, client);
		const account = await getAccount(handle.db, await loadActor(handle.db, signedIn.userId));
		expect(account.roles).toEqual([
			{ placeName: 'Northgate', placeSlug: 'northgate', role: 'organiser' }
		]);
	});

	it('keeps a neighbourhood already chosen when a link carries another', async () => {
		await handle.db.insert(platformPlaces).values({
			id: 'hood2',
			parentId: 'ward',
			path: 'council/ward/hood2',
			level: 'neighbourhood',
			name: 'Mill Lane',
			slug: 'mill-lane'
		});
		await requestMagicLink(
			auth,
			handle.db,
			{ email: 'ada@example.com', homePlaceId: 'hood2' },
			client
		);
		const link = await latestLinkTo('ada@example.com');
		const signedIn = await verifyMagicLink(
			auth,
			handle.db,
			{ token: link.searchParams.get('token')!, homePlaceId: link.searchParams.get('place') },
			client
		);
		const account = await getAccount(handle.db, await loadActor(handle.db, signedIn.userId));
		expect(account.homePlace?.slug).toBe('chapel-fields');
	});
});

describe('password reset', () => {
	it('sets a new password through the emailed token and signs out old sessions', async () => {
		await signUpWithPassword(
			auth,
			handle.db,
			{ name: 'Di', email: 'di@example.com', password: 'old-password-1' },
			client
		);
		const old = await signInWithPassword(
			auth,
			handle.db,
			{ email: 'di@example.com', password: 'old-password-1' },
			client
		);

		await requestPasswordReset(auth, { email: 'di@example.com' }, client);
		const link = await latestLinkTo('di@example.com');
		expect(link.pathname).toBe('/auth/reset-password');
		const token = link.searchParams.get('token')!;
		await resetPassword(auth, { token, newPassword: 'new-password-2' }, client);

		await expectRefused(
			signInWithPassword(
				auth,
				handle.db,
				{ email: 'di@example.com', password: 'old-password-1' },
				client
			),
			'unauthenticated'
		);
		await signInWithPassword(
			auth,
			handle.db,
			{ email: 'di@example.com', password: 'new-password-2' },
			client
		);
		expect(
			await readSession(auth, new Headers({ cookie: cookieHeader(old.setCookies) }))
		).toBeNull();
		await expectRefused(
			resetPassword(auth, { token, newPassword: 'third-password-3' }, client),
			'invalid'
		);
	});

	it('leaves sending to the job worker when there is a mail server', async () => {
		vi.stubEnv('SMTP_URL', 'smtp://mail.invalid:25');
		vi.stubEnv('MAIL_TRANSPORT', '');
		try {
			await requestPasswordReset(auth, { email: 'di@example.com' }, client);
		} finally {
			vi.unstubAllEnvs();
		}
		const jobs = await handle.db
			.select()
			.from(platformJobs)
			.where(eq(platformJobs.queue, 'mail.send'));
		expect(jobs).toHaveLength(1);
		expect(jobs[0]!.payload).toMatchObject({
			to: 'di@example.com',
			subject: 'Reset your Powershare password'
		});
	});

	it('answers the same for an address with no account, and sends nothing', async () => {
		await requestPasswordReset(auth, { email: 'stranger@example.com' }, client);
		const { total } = await readOutbox(handle.db, { to: 'stranger@example.com' });
		expect(total).toBe(0);
	});
});

describe('sign-in rate limiting', () => {
	it('refuses sign-in attempts from one address after the limit, but not from another', async () => {
		const limited = createAuth(handle.db, {
			secret,
			baseURL,
			trustedOrigins: [],
			rateLimit: { enabled: true, window: 60, max: 3 }
		});
		const attacker: ClientInfo = { ip: '198.51.100.9' };
		for (let i = 0; i < 3; i++) {
			await expectRefused(
				signInWithPassword(
					limited,
					handle.db,
					{ email: 'ada@example.com', password: `guess-${i}-xx` },
					attacker
				),
				'unauthenticated'
			);
		}
		await expectRefused(
			signInWithPassword(
				limited,
				handle.db,
				{ email: 'di@example.com', password: 'new-password-2' },
				attacker
			),
			'rate_limited'
		);
		for (let i = 0; i < 3; i++) {
			await requestMagicLink(limited, handle.db, { email: 'ada@example.com' }, attacker);
		}
		await expectRefused(
			requestMagicLink(limited, handle.db, { email: 'ada@example.com' }, attacker),
			'rate_limited'
		);
		const other = await signInWithPassword(
			limited,
			handle.db,
			{ email: 'di@example.com', password: 'new-password-2' },
			{ ip: '198.51.100.10' }
		);
		expect(other.userId).toBeTruthy();
	});

	it('is on in production and when asked, off otherwise', () => {
		expect(rateLimitFromEnv({ NODE_ENV: 'production' }).enabled).toBe(true);
		expect(rateLimitFromEnv({ NODE_ENV: 'development' }).enabled).toBe(false);
		expect(rateLimitFromEnv({ POWERSHARE_AUTH_RATE_LIMIT: 'on' }).enabled).toBe(true);
		expect(
			rateLimitFromEnv({ NODE_ENV: 'production', POWERSHARE_AUTH_RATE_LIMIT: 'off' }).enabled
		).toBe(false);
		expect(rateLimitFromEnv({})).toMatchObject({ window: 60, max: 5 });
	});
});

describe('the session secret', () => {
	it('is required in production and must be long enough', () => {
		expect(() => resolveSecret({ NODE_ENV: 'production' })).toThrow(
			/BETTER_AUTH_SECRET is required/
		);
		expect(() => resolveSecret({ BETTER_AUTH_SECRET: 'short' })).toThrow(/at least 32/);
		expect(resolveSecret({ NODE_ENV: 'production', BETTER_AUTH_SECRET: secret })).toBe(secret);
	});

	it('is created once in the data directory in development, readable only by its owner', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'powershare-secret-'));
		try {
			const first = resolveSecret({ POWERSHARE_DATA_DIR: dir });
			expect(first).toMatch(/^[0-9a-f]{64}$/);
			expect(resolveSecret({ POWERSHARE_DATA_DIR: dir })).toBe(first);
			expect(statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('returnTo', () => {
	it.each([
		['/account', '/account'],
		['/places/ashbrook?tab=wards#map', '/places/ashbrook?tab=wards#map'],
		['https://evil.example/', '/'],
		['//evil.example/path', '/'],
		['/\\evil.example', '/'],
		['\\\\evil.example', '/'],
		['javascript:alert(1)', '/'],
		['http:/evil.example', '/'],
		['/%0d%0aSet-Cookie:x', '/%0d%0aSet-Cookie:x'],
		['/a\nb', '/'],
		['', '/'],
		[undefined, '/'],
		['/api/auth/sign-out', '/']
	])('turns %j into %j', (value, expected) => {
		expect(safeReturnTo(value)).toBe(expected);
	});
});

describe('who is signed in', () => {
	let userId: string;
	beforeEach(async () => {
		const [user] = await handle.db
			.select({ id: platformUsers.id })
			.from(platformUsers)
			.where(eq(platformUsers.email, 'ada@example.com'));
		userId = user!.id;
		await handle.db.delete(platformRoleGrants).where(eq(platformRoleGrants.userId, userId));
	});

	it('shows a resident as not an admin, and an admin of any place as an admin', async () => {
		expect(await sessionUserOf(handle.db, await loadActor(handle.db, userId))).toMatchObject({
			isAdmin: false,
			canManage: false
		});
		await handle.db
			.insert(platformRoleGrants)
			.values({ id: 'g-admin', userId, placeId: 'ward', role: 'admin' });
		const user = await sessionUserOf(handle.db, await loadActor(handle.db, userId));
		expect(user).toMatchObject({ email: 'ada@example.com', isAdmin: true, canManage: true });
		const account = await getAccount(handle.db, await loadActor(handle.db, userId));
		expect(account.roles).toEqual([
			{ placeName: 'Northgate', placeSlug: 'northgate', role: 'admin' }
		]);
	});

	it('lets a person change their name and neighbourhood, but only to a neighbourhood', async () => {
		const actor = await loadActor(handle.db, userId);
		await updateAccount(handle.db, actor, { name: 'Ada R.', homePlaceId: 'hood2' });
		expect((await getAccount(handle.db, actor)).homePlace?.slug).toBe('mill-lane');
		await expectRefused(
			updateAccount(handle.db, actor, { name: 'Ada', homePlaceId: 'council' }),
			'invalid'
		);
		await updateAccount(handle.db, actor, { name: 'Ada Resident', homePlaceId: null });
		expect((await getAccount(handle.db, actor)).homePlace).toBeNull();
	});

	it('keeps sessions in our own table', async () => {
		const rows = await handle.db
			.select()
			.from(platformSessions)
			.where(eq(platformSessions.userId, userId));
		expect(rows.length).toBeGreaterThan(0);
	});
});

describe('reading the outbox', () => {
	it('is for organisers and admins only; tokens are for platform admins, and never in mail really sent', async () => {
		const [user] = await handle.db
			.select({ id: platformUsers.id })
			.from(platformUsers)
			.where(eq(platformUsers.email, 'cy@example.com'));
		const userId = user!.id;
		const resident = await loadActor(handle.db, userId);
		expect(canReadOutbox(resident)).toBe(false);
		expect(canReadOutbox({ kind: 'anonymous' })).toBe(false);
		await expectRefused(listOutbox(handle.db, resident), 'forbidden');
		await expectRefused(listOutbox(handle.db, { kind: 'anonymous' }), 'unauthenticated');

		await handle.db
			.insert(platformRoleGrants)
			.values({ id: 'g-org', userId, placeId: 'hood', role: 'organiser' });
		const organiser = await loadActor(handle.db, userId);
		expect(canReadOutbox(organiser)).toBe(true);
		const page = await listOutbox(handle.db, organiser, { to: 'ada@example.com' });
		expect(page.total).toBeGreaterThan(0);
		// An organiser must not be able to sign in as whoever the mail was for.
		expect(page.messages[0]!.text).toContain('token=[hidden]');
		const platformAdmin = { ...organiser, isPlatformAdmin: true };
		const asAdmin = await listOutbox(handle.db, platformAdmin, { to: 'ada@example.com' });
		expect(asAdmin.messages[0]!.text).toMatch(/token=[A-Za-z0-9]+/);

		await handle.db.insert(platformOutbox).values({
			id: 'smtp-1',
			to: 'ada@example.com',
			subject: 'Your sign-in link',
			text: 'Use http://localhost:3000/auth/magic-link?token=SECRET123&returnTo=%2F to sign in',
			transport: 'smtp',
			status: 'sent'
		});
		const shown = await getOutboxMessage(handle.db, platformAdmin, 'smtp-1');
		expect(shown.text).not.toContain('SECRET123');
		expect(shown.text).toContain('token=[hidden]');
	});
});
