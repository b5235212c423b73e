/**
 * Copies better-auth's `Set-Cookie` headers onto SvelteKit's cookies, so a form action (which
 * returns a redirect, not better-auth's response) still signs the person in or out.
 */
import type { Cookies } from '@sveltejs/kit';
import { parseSetCookieHeader, toCookieOptions } from 'better-auth/cookies';

/** Applies each `Set-Cookie` header to `cookies`. */
export function applySetCookies(cookies: Cookies, setCookies: string[]): void {
	for (const header of setCookies) {
		for (const [name, attributes] of parseSetCookieHeader(header)) {
			const options = toCookieOptions(attributes);
			cookies.set(name, attributes.value, {
				...options,
				sameSite: options.sameSite as 'lax' | 'strict' | 'none' | undefined,
				path: options.path || '/'
			});
		}
	}
}

/** What better-auth needs to know about the browser's request. */
export function clientInfoOf(event: { request: Request; getClientAddress: () => string }): {
	ip?: string;
	cookie: string | null;
	userAgent: string | null;
} {
	let ip: string | undefined;
	try {
		ip = event.getClientAddress();
	} catch {
		ip = undefined;
	}
	return {
		ip,
		cookie: event.request.headers.get('cookie'),
		userAgent: event.request.headers.get('user-agent')
	};
}
