/**
 * What people do with their account: sign up, sign in (password or emailed link), reset a
 * forgotten password, sign out, choose their neighbourhood.
 *
 * Every step that better-auth owns goes through `auth.handler` with a request built here, rather
 * than `auth.api.*`: better-auth applies rate limiting and origin checks only to requests that go
 * through its router, and our form pages must be as well guarded as `/api/auth/*`. The functions
 * return the `Set-Cookie` headers better-auth produced; the page copies them onto its response.
 */
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { authBasePath, clientIpHeader, type Auth } from './auth';
import { DomainError } from './errors';
import { acceptInvitations } from './roles/accept-invitations';
import type { Actor } from './permissions';
import { platformPlaces, platformRoleGrants, platformUsers, type RoleName } from './schema';

/** What we pass on about the browser's request. */
export type ClientInfo = {
	/** The client's address, for rate limiting (`event.getClientAddress()`). */
	ip?: string;
	/** The request's `Cookie` header, for steps that need the current session. */
	cookie?: string | null;
	userAgent?: string | null;
};

/** A successful sign-in: who, and the cookies that carry the session. */
export type SignedIn = { userId: string; setCookies: string[] };

/** The signed-in person as the layout shows them. */
/** The signed-in person as pages see them. `canManage`: holds a role above resident somewhere. */
export type SessionUser = {
	id: string;
	name: string;
	email: string;
	isAdmin: boolean;
	canManage: boolean;
};

/** The user better-auth returns after signing in. */
type SignedInUser = { id: string; email: string; name: string; emailVerified: boolean };

type AuthErrorBody = { code?: string; message?: string };

async function callAuth(
	auth: Auth,
	client: ClientInfo,
	request: { method: 'GET' | 'POST'; path: string; body?: unknown; query?: Record<string, string> }
): Promise<Response> {
	const baseURL = String(auth.options.baseURL);
	const url = new URL(`${authBasePath}${request.path}`, baseURL);
	for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
	const headers = new Headers({ origin: new URL(baseURL).origin });
	if (client.ip) headers.set(clientIpHeader, client.ip);
	if (client.cookie) headers.set('cookie', client.cookie);
	if (client.userAgent) headers.set('user-agent', client.userAgent);
	let body: string | undefined;
	if (request.body !== undefined) {
		headers.set('content-type', 'application/json');
		body = JSON.stringify(request.body);
	}
	return auth.handler(new Request(url, { method: request.method, headers, body }));
}

async function errorBody(response: Response): Promise<AuthErrorBody> {
	try {
		return (await response.clone().json()) as AuthErrorBody;
	} catch {
		return {};
	}
}

/** Turns a refused better-auth response into a {@link DomainError}. */
async function refusal(response: Response): Promise<DomainError> {
	if (response.status === 429) {
		return new DomainError('rate_limited', 'Too many attempts. Wait a minute and try again.');
	}
	const body = await errorBody(response);
	const code = body.code ?? '';
	if (code === 'INVALID_EMAIL_OR_PASSWORD' || response.status === 401) {
		return new DomainError('unauthenticated', 'Email address or password is not right.');
	}
	if (code.startsWith('USER_ALREADY_EXISTS')) {
		return new DomainError('conflict', 'An account with this email address already exists.', [
			{ field: 'email', message: 'An account with this email address already exists.' }
		]);
	}
	if (code === 'PASSWORD_TOO_SHORT' || code === 'PASSWORD_TOO_LONG') {
		return new DomainError('invalid', body.message ?? 'Password is not allowed.', [
			{ field: 'password', message: body.message ?? 'Password is not allowed.' }
		]);
	}
	if (code === 'INVALID_TOKEN' || code === 'TOKEN_EXPIRED') {
		return new DomainError('invalid', 'This link has expired or has already been used.');
	}
	return new DomainError('invalid', body.message ?? 'The request was refused.');
}

function setCookiesOf(response: Response): string[] {
	return response.headers.getSetCookie();
}

/**
 * Sets a person's neighbourhood, checking it is a neighbourhood. `null` clears it. With
 * `onlyIfUnset`, an existing choice is kept (used after signing up by link).
 */
async function storeHomePlace(
	db: Executor,
	userId: string,
	placeId: string | null,
	options: { onlyIfUnset?: boolean } = {}
): Promise<void> {
	if (placeId !== null) await assertNeighbourhood(db, placeId);
	const [user] = await db
		.select({ homePlaceId: platformUsers.homePlaceId })
		.from(platformUsers)
		.where(eq(platformUsers.id, userId));
	if (!user || (options.onlyIfUnset && user.homePlaceId)) return;
	await db
		.update(platformUsers)
		.set({ homePlaceId: placeId, updatedAt: new Date() })
		.where(eq(platformUsers.id, userId));
}

/** Creates an account with a password and signs it in. */
export async function signUpWithPassword(
	auth: Auth,
	db: Executor,
	input: { name: string; email: string; password: string; homePlaceId?: string | null },
	client: ClientInfo
): Promise<SignedIn> {
	if (input.homePlaceId) await assertNeighbourhood(db, input.homePlaceId);
	const response = await callAuth(auth, client, {
		method: 'POST',
		path: '/sign-up/email',
		body: { name: input.name, email: input.email, password: input.password }
	});
	if (!response.ok) throw await refusal(response);
	const { user } = (await response.json()) as { user: { id: string } };
	if (input.homePlaceId) await storeHomePlace(db, user.id, input.homePlaceId);
	return { userId: user.id, setCookies: setCookiesOf(response) };
}

async function assertNeighbourhood(db: Executor, placeId: string): Promise<void> {
	const [place] = await db
		.select({ id: platformPlaces.id })
		.from(platformPlaces)
		.where(and(eq(platformPlaces.id, placeId), eq(platformPlaces.level, 'neighbourhood')));
	if (!place) {
		throw new DomainError('invalid', 'Select a neighbourhood from the list.', [
			{ field: 'homePlaceId', message: 'Select a neighbourhood from the list.' }
		]);
	}
}

/** Signs in with email and password. */
export async function signInWithPassword(
	auth: Auth,
	db: Executor,
	input: { email: string; password: string },
	client: ClientInfo
): Promise<SignedIn> {
	const response = await callAuth(auth, client, {
		method: 'POST',
		path: '/sign-in/email',
		body: { email: input.email, password: input.password, rememberMe: true }
	});
	if (!response.ok) throw await refusal(response);
	const { user } = (await response.json()) as { user: SignedInUser };
	// A password proves nothing about the mailbox; only a verified address accepts invitations.
	if (user.emailVerified) await acceptInvitations(db, user);
	return { userId: user.id, setCookies: setCookiesOf(response) };
}

/**
 * Emails a sign-in link. A new address gets an account when the link is used, named `name`.
 * The outcome is the same whether or not the address has an account, so the page can never
 * tell anyone who is registered.
 */
export async function requestMagicLink(
	auth: Auth,
	db: Executor,
	input: { email: string; name?: string; returnTo?: string; homePlaceId?: string | null },
	client: ClientInfo
): Promise<void> {
	if (input.homePlaceId) await assertNeighbourhood(db, input.homePlaceId);
	const metadata: Record<string, string> = {};
	if (input.returnTo) metadata.returnTo = input.returnTo;
	if (input.homePlaceId) metadata.placeId = input.homePlaceId;
	const response = await callAuth(auth, client, {
		method: 'POST',
		path: '/sign-in/magic-link',
		body: { email: input.email, ...(input.name ? { name: input.name } : {}), metadata }
	});
	if (!response.ok) throw await refusal(response);
}

/**
 * Uses a magic link's token: signs the person in, creating their account on first use. A
 * neighbourhood carried by the link is stored if they have not chosen one.
 */
export async function verifyMagicLink(
	auth: Auth,
	db: Executor,
	input: { token: string; homePlaceId?: string | null },
	client: ClientInfo
): Promise<SignedIn> {
	// Without a callbackURL better-auth answers with JSON instead of a redirect.
	const response = await callAuth(auth, client, {
		method: 'GET',
		path: '/magic-link/verify',
		query: { token: input.token }
	});
	if (response.status === 429) throw await refusal(response);
	if (!response.ok) {
		throw new DomainError('invalid', 'This link has expired or has already been used.');
	}
	const { user } = (await response.json()) as { user: SignedInUser };
	// Using the link proves the person reads this mailbox: invitations to it become roles.
	await acceptInvitations(db, user);
	if (input.homePlaceId) {
		try {
			await storeHomePlace(db, user.id, input.homePlaceId, { onlyIfUnset: true });
		} catch (error) {
			// A stale or edited neighbourhood in the link must not stop the person signing in.
			if (!(error instanceof DomainError)) throw error;
		}
	}
	return { userId: user.id, setCookies: setCookiesOf(response) };
}

/** Emails a password reset link if the address has an account; says nothing either way. */
export async function requestPasswordReset(
	auth: Auth,
	input: { email: string },
	client: ClientInfo
): Promise<void> {
	const response = await callAuth(auth, client, {
		method: 'POST',
		path: '/request-password-reset',
		body: { email: input.email, redirectTo: '/auth/reset-password' }
	});
	if (!response.ok) throw await refusal(response);
}

/** Sets a new password with a reset token; every session of the account is signed out. */
export async function resetPassword(
	auth: Auth,
	input: { token: string; newPassword: string },
	client: ClientInfo
): Promise<void> {
	const response = await callAuth(auth, client, {
		method: 'POST',
		path: '/reset-password',
		body: { token: input.token, newPassword: input.newPassword }
	});
	if (!response.ok) throw await refusal(response);
}

/** Ends the current session. Returns the cookies that clear it. */
export async function signOut(auth: Auth, client: ClientInfo): Promise<string[]> {
	const response = await callAuth(auth, client, { method: 'POST', path: '/sign-out', body: {} });
	return setCookiesOf(response);
}

/**
 * The session carried by a request's cookies, or null. `setCookies` holds a refreshed cookie
 * when better-auth extended the session.
 */
export async function readSession(
	auth: Auth,
	headers: Headers
): Promise<{ userId: string; setCookies: string[] } | null> {
	const { headers: responseHeaders, response } = await auth.api.getSession({
		headers,
		returnHeaders: true
	});
	if (!response) return null;
	return { userId: response.user.id, setCookies: responseHeaders.getSetCookie() };
}

/** The layout's view of a person: admin when a platform admin or an admin of any place. */
export async function sessionUserOf(db: Executor, actor: Actor): Promise<SessionUser | null> {
	if (actor.kind !== 'person') return null;
	const [user] = await db
		.select({ id: platformUsers.id, name: platformUsers.name, email: platformUsers.email })
		.from(platformUsers)
		.where(eq(platformUsers.id, actor.userId));
	if (!user) return null;
	const isAdmin = actor.isPlatformAdmin || actor.grants.some((g) => g.role === 'admin');
	const canManage = isAdmin || actor.grants.some((g) => g.role !== 'resident');
	return { ...user, isAdmin, canManage };
}

/** A neighbourhood to choose from, with its ward (or council) for telling apart equal names. */
export type NeighbourhoodChoice = { id: string; name: string; parentName: string | null };

/** Every neighbourhood, by name, for "where do you live?". */
export async function listNeighbourhoods(db: Executor): Promise<NeighbourhoodChoice[]> {
	const parent = alias(platformPlaces, 'parent');
	return db
		.select({ id: platformPlaces.id, name: platformPlaces.name, parentName: parent.name })
		.from(platformPlaces)
		.leftJoin(parent, eq(parent.id, platformPlaces.parentId))
		.where(eq(platformPlaces.level, 'neighbourhood'))
		.orderBy(asc(platformPlaces.name), asc(parent.name));
}

/** What the account page shows. */
export type AccountSummary = {
	name: string;
	email: string;
	homePlace: { id: string; name: string; slug: string } | null;
	roles: { placeName: string; placeSlug: string; role: RoleName }[];
};

/** A person's own account: name, email, neighbourhood and roles per place. */
export async function getAccount(db: Executor, actor: Actor): Promise<AccountSummary> {
	if (actor.kind !== 'person')
		throw new DomainError('unauthenticated', 'Sign in to see your account.');
	const [user] = await db
		.select({
			name: platformUsers.name,
			email: platformUsers.email,
			placeId: platformPlaces.id,
			placeName: platformPlaces.name,
			placeSlug: platformPlaces.slug
		})
		.from(platformUsers)
		.leftJoin(platformPlaces, eq(platformPlaces.id, platformUsers.homePlaceId))
		.where(eq(platformUsers.id, actor.userId));
	if (!user) throw new DomainError('unauthenticated', 'Sign in to see your account.');
	const roles = await db
		.select({
			placeName: platformPlaces.name,
			placeSlug: platformPlaces.slug,
			role: platformRoleGrants.role
		})
		.from(platformRoleGrants)
		.innerJoin(platformPlaces, eq(platformPlaces.id, platformRoleGrants.placeId))
		.where(eq(platformRoleGrants.userId, actor.userId))
		.orderBy(asc(platformPlaces.name), asc(platformRoleGrants.role));
	return {
		name: user.name,
		email: user.email,
		homePlace:
			user.placeId && user.placeName && user.placeSlug
				? { id: user.placeId, name: user.placeName, slug: user.placeSlug }
				: null,
		roles
	};
}

/** Changes the signed-in person's name and neighbourhood (`null`: not saying). */
export async function updateAccount(
	db: Executor,
	actor: Actor,
	input: { name: string; homePlaceId: string | null }
): Promise<void> {
	if (actor.kind !== 'person')
		throw new DomainError('unauthenticated', 'Sign in to change your account.');
	await storeHomePlace(db, actor.userId, input.homePlaceId);
	await db
		.update(platformUsers)
		.set({ name: input.name, updatedAt: new Date() })
		.where(eq(platformUsers.id, actor.userId));
}

/**
 * A safe place to send someone after signing in: a path on this site, never another site.
 * Rejects absolute URLs, protocol-relative `//host` and `/\host` (which browsers treat as
 * `//host`), and anything with control characters; falls back to `fallback`.
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length === 0 || value.length > 1000) return fallback;
	// eslint-disable-next-line no-control-regex
	if (!value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
	if (value.startsWith('//')) return fallback;
	const base = 'http://powershare.invalid';
	let parsed: URL;
	try {
		parsed = new URL(value, base);
	} catch {
		return fallback;
	}
	if (parsed.origin !== base) return fallback;
	if (parsed.pathname.startsWith('/api/')) return fallback;
	return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
