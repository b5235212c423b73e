/**
 * Tells the "check your email" page which email was sent and to whom, in a short-lived cookie
 * rather than the address bar, so the address stays out of server logs and browser history.
 */
import type { Cookies } from '@sveltejs/kit';

export type SentMail = { kind: 'link' | 'reset'; email: string };

const name = 'powershare.sent';

export function rememberSentMail(cookies: Cookies, sent: SentMail): void {
	cookies.set(name, JSON.stringify(sent), {
		path: '/auth',
		httpOnly: true,
		sameSite: 'lax',
		maxAge: 10 * 60
	});
}

export function readSentMail(cookies: Cookies): SentMail | null {
	const raw = cookies.get(name);
	if (!raw) return null;
	try {
		const parsed = JSON.parse(raw) as Partial<SentMail>;
		if ((parsed.kind === 'link' || parsed.kind === 'reset') && typeof parsed.email === 'string') {
			return { kind: parsed.kind, email: parsed.email };
		}
	} catch {
		// A garbled cookie is treated as absent.
	}
	return null;
}
