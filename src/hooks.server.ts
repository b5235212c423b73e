/**
 * Every request passes through here: better-auth's own endpoints are answered directly; every
 * other request learns who is signed in (`locals.user`, `locals.actor`) and gets security
 * headers. Unexpected errors are logged with a reference and shown as plain words, never a stack.
 */
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { isAuthPath } from 'better-auth/svelte-kit';
import { getDatabase } from '$lib/server/db';
import { readSession, sessionUserOf } from '$lib/server/platform/accounts';
import { clientIpHeader, getAuth } from '$lib/server/platform/auth';
import { childLogger } from '$lib/server/platform/logger';
import { loadActor } from '$lib/server/platform/permissions';
import { applySetCookies } from '$lib/server/platform/session-cookies';
import { modules } from '$lib/server/modules';
import { startPlatform } from '$lib/server/platform/startup';

const log = childLogger({ component: 'http' });

/** Migrates, seeds the demo when asked and starts the job worker, before the first request. */
export const init: ServerInit = async () => {
	await startPlatform({ modules });
	// Build the auth instance now, so a missing production secret stops the server at start.
	await getAuth();
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.actor = { kind: 'anonymous' };
	if (building) return resolve(event);

	const auth = await getAuth();
	if (isAuthPath(event.url.toString(), auth.options)) {
		// better-auth reads the client's address only from our header (see auth.ts); set it here
		// from the connection, replacing anything the client sent.
		const headers = new Headers(event.request.headers);
		headers.set(clientIpHeader, event.getClientAddress());
		const hasBody = event.request.method !== 'GET' && event.request.method !== 'HEAD';
		const request = new Request(event.request.url, {
			method: event.request.method,
			headers,
			body: hasBody ? await event.request.arrayBuffer() : undefined
		});
		return auth.handler(request);
	}

	if (event.request.headers.get('cookie')) {
		const found = await readSession(auth, event.request.headers);
		if (found) {
			applySetCookies(event.cookies, found.setCookies);
			const db = await getDatabase();
			const actor = await loadActor(db, found.userId);
			event.locals.actor = actor;
			event.locals.user = await sessionUserOf(db, actor);
		}
	}
	return resolve(event);
};

/** Paths whose pages show personal data or carry one-time tokens: never cached. */
const privatePrefixes = ['/auth', '/account', '/admin'];

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	// Some responses (redirects from fetch, for example) have immutable headers.
	try {
		headers.set('X-Content-Type-Options', 'nosniff');
		// Links in emails carry tokens in their query; never send a path or query to another site.
		headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
		headers.set('X-Frame-Options', 'DENY');
		headers.set(
			'Permissions-Policy',
			'camera=(), microphone=(), geolocation=(), interest-cohort=()'
		);
		headers.set('Cross-Origin-Opener-Policy', 'same-origin');
		const path = event.url.pathname;
		if (privatePrefixes.some((p) => path === p || path.startsWith(`${p}/`))) {
			headers.set('Cache-Control', 'no-store');
		}
	} catch {
		// Immutable headers: leave the response as it is.
	}
	return response;
};

export const handle: Handle = sequence(securityHeaders, session);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = randomUUID().slice(0, 8);
	if (status >= 500) {
		log.error({ err: error, errorId, path: event.url.pathname, status }, 'Unhandled error');
	} else if (status === 404) {
		// Browsers ask for /favicon.ico and bots probe for paths: not worth a warning each.
		log.debug({ errorId, path: event.url.pathname }, 'Not found');
	} else {
		log.warn({ errorId, path: event.url.pathname, status, message }, 'Request failed');
	}
	return { message: status >= 500 ? 'Internal error' : message, errorId };
};
