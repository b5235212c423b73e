/**
 * Accounts: better-auth on our own tables (see docs/decisions/0005-accounts-better-auth.md).
 *
 * `createAuth(db)` builds an instance for one database, so each medium test can have its own;
 * `getAuth()` is the app's instance on the app's database. Pages never talk to better-auth
 * directly: they call the functions in `accounts.ts`, which send requests through
 * `auth.handler` so that rate limiting and origin checks apply to our own forms exactly as they
 * do to `/api/auth/*`.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins';
import type { Database } from '../db/client';
import { getDatabase } from '../db/index';
import * as schema from '../db/schema';
import { createTranslator } from '../../i18n';
import { childLogger } from './logger';
import { queueMail } from './job-handlers';
import { sendMail, type MailMessage } from './mail';

const log = childLogger({ component: 'auth' });

/**
 * The header our server code sets to the client's address before a request reaches better-auth.
 * It is the only header better-auth reads an address from; the hook overwrites any value a
 * client sent, so nobody can choose their own rate-limit bucket.
 */
export const clientIpHeader = 'x-powershare-client-ip';

/** Where better-auth's own endpoints live. */
export const authBasePath = '/api/auth';

/** Sign-in rate limit: attempts allowed per window, per client address and path. */
export type RateLimitSettings = { enabled: boolean; window: number; max: number };

/** Everything an auth instance needs besides its database. */
export type AuthSettings = {
	/** Signs session cookies and tokens; at least 32 characters. */
	secret: string;
	/** The app's public origin, e.g. `https://powershare.example.org`. Links in emails use it. */
	baseURL: string;
	/** Other origins allowed to post to the auth endpoints. */
	trustedOrigins: string[];
	rateLimit: RateLimitSettings;
	/** Lifetime of a magic link, in seconds. */
	magicLinkExpiresIn: number;
};

/** Minimum password length, shown in the hint and checked before better-auth sees the password. */
export const minPasswordLength = 8;

/**
 * The session secret. `BETTER_AUTH_SECRET` when set; required in production, because a secret
 * that changes or leaks lets anyone forge sessions. In development a random secret is created once
 * and kept in the data directory (`auth-secret`, readable only by its owner), so sessions survive
 * a restart and no secret is ever committed.
 */
export function resolveSecret(env: NodeJS.ProcessEnv = process.env): string {
	const fromEnv = env.BETTER_AUTH_SECRET;
	if (fromEnv) {
		if (fromEnv.length < 32) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters.');
		return fromEnv;
	}
	if (env.NODE_ENV === 'production') {
		throw new Error(
			'BETTER_AUTH_SECRET is required in production. Generate one with `openssl rand -hex 32`.'
		);
	}
	const dir = path.resolve(env.POWERSHARE_DATA_DIR ?? 'data');
	const file = path.join(dir, 'auth-secret');
	if (existsSync(file)) {
		const stored = readFileSync(file, 'utf8').trim();
		if (stored.length >= 32) return stored;
	}
	mkdirSync(dir, { recursive: true });
	const secret = randomBytes(32).toString('hex');
	writeFileSync(file, `${secret}\n`, { mode: 0o600 });
	chmodSync(file, 0o600);
	log.info({ file }, 'Created a development session secret');
	return secret;
}

/**
 * Rate limiting is on in production and off elsewhere, unless `POWERSHARE_AUTH_RATE_LIMIT` says
 * `on` or `off`. Sign-in paths allow `POWERSHARE_AUTH_RATE_LIMIT_MAX` (5) attempts per
 * `POWERSHARE_AUTH_RATE_LIMIT_WINDOW` (60) seconds from one address.
 */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitSettings {
	const flag = env.POWERSHARE_AUTH_RATE_LIMIT;
	const enabled = flag === 'on' ? true : flag === 'off' ? false : env.NODE_ENV === 'production';
	const window = Number(env.POWERSHARE_AUTH_RATE_LIMIT_WINDOW ?? 60);
	const max = Number(env.POWERSHARE_AUTH_RATE_LIMIT_MAX ?? 5);
	return {
		enabled,
		window: Number.isFinite(window) && window > 0 ? window : 60,
		max: Number.isFinite(max) && max > 0 ? max : 5
	};
}

/**
 * Settings from the environment: `ORIGIN` or `BETTER_AUTH_URL`, `TRUSTED_ORIGINS`
 * (comma-separated), the secret and the rate limit. `overrides` win, and a secret given there
 * means the environment's is never read (nor a development secret created).
 */
export function authSettingsFromEnv(
	env: NodeJS.ProcessEnv = process.env,
	overrides: Partial<AuthSettings> = {}
): AuthSettings {
	const baseURL = (env.ORIGIN || env.BETTER_AUTH_URL || 'http://localhost:3000').replace(
		/\/+$/,
		''
	);
	const trustedOrigins = (env.TRUSTED_ORIGINS ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	return {
		baseURL,
		trustedOrigins,
		rateLimit: rateLimitFromEnv(env),
		magicLinkExpiresIn: 15 * 60,
		...overrides,
		secret: overrides.secret ?? resolveSecret(env)
	};
}

/**
 * Our page a magic link opens; it asks the person to confirm before the token is used, so a mail
 * scanner that follows links cannot spend it. `placeId` is the neighbourhood chosen when signing
 * up by link: it is applied only if the account has none yet.
 */
export function magicLinkPageUrl(
	baseURL: string,
	token: string,
	options: { returnTo?: string; placeId?: string } = {}
) {
	const url = new URL('/auth/magic-link', baseURL);
	url.searchParams.set('token', token);
	if (options.returnTo && options.returnTo !== '/')
		url.searchParams.set('returnTo', options.returnTo);
	if (options.placeId) url.searchParams.set('place', options.placeId);
	return url.toString();
}

/** Our page a password reset link opens. */
export function resetPasswordPageUrl(baseURL: string, token: string) {
	const url = new URL('/auth/reset-password', baseURL);
	url.searchParams.set('token', token);
	return url.toString();
}

/**
 * Sends a sign-in or reset email. With a mail server the job worker sends it, so the request
 * takes as long whether or not the address has an account (nobody can tell by timing) and a slow
 * server never holds up the page. Without one the message is written to the outbox at once,
 * where a demo's organisers and the tests read it.
 */
async function deliverAccountMail(db: Database, message: MailMessage): Promise<void> {
	const hasSmtp = Boolean(process.env.SMTP_URL) && process.env.MAIL_TRANSPORT !== 'outbox';
	if (hasSmtp) await queueMail(db, message);
	else await sendMail(db, message);
}

/**
 * Builds better-auth on `db`. Settings default to the environment's; tests pass their own (for
 * example a fixed secret, or rate limiting switched on with a small window).
 */
export function createAuth(db: Database, overrides: Partial<AuthSettings> = {}) {
	const settings = authSettingsFromEnv(process.env, overrides);
	// Mail is written in English until accounts carry a preferred language.
	const t = createTranslator('en');
	const { baseURL } = settings;

	return betterAuth({
		appName: 'Powershare',
		secret: settings.secret,
		baseURL,
		basePath: authBasePath,
		trustedOrigins: [new URL(baseURL).origin, ...settings.trustedOrigins],
		database: drizzleAdapter(db, { provider: 'pg', schema }),
		user: { modelName: 'platformUsers' },
		session: { modelName: 'platformSessions' },
		account: { modelName: 'platformAccounts' },
		verification: { modelName: 'platformVerifications' },
		rateLimit: {
			enabled: settings.rateLimit.enabled,
			storage: 'database',
			modelName: 'platformRateLimits',
			window: 60,
			max: 100,
			customRules: {
				'/sign-in/*': { window: settings.rateLimit.window, max: settings.rateLimit.max },
				'/sign-up/*': { window: settings.rateLimit.window, max: settings.rateLimit.max },
				'/magic-link/verify': { window: settings.rateLimit.window, max: settings.rateLimit.max },
				'/request-password-reset': {
					window: settings.rateLimit.window,
					max: settings.rateLimit.max
				},
				'/reset-password': { window: settings.rateLimit.window, max: settings.rateLimit.max }
			}
		},
		advanced: {
			ipAddress: { ipAddressHeaders: [clientIpHeader] },
			cookiePrefix: 'powershare'
		},
		emailAndPassword: {
			enabled: true,
			minPasswordLength,
			maxPasswordLength: 128,
			autoSignIn: true,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			async sendResetPassword({ user, token }) {
				const url = resetPasswordPageUrl(baseURL, token);
				await deliverAccountMail(db, {
					to: user.email,
					subject: t('auth.mail.reset.subject'),
					text: t('auth.mail.reset.body', { name: user.name || user.email, url })
				});
			}
		},
		plugins: [
			magicLink({
				expiresIn: settings.magicLinkExpiresIn,
				async sendMagicLink({ email, token, metadata }) {
					const url = magicLinkPageUrl(baseURL, token, {
						returnTo: typeof metadata?.returnTo === 'string' ? metadata.returnTo : undefined,
						placeId: typeof metadata?.placeId === 'string' ? metadata.placeId : undefined
					});
					await deliverAccountMail(db, {
						to: email,
						subject: t('auth.mail.magicLink.subject'),
						text: t('auth.mail.magicLink.body', {
							url,
							minutes: Math.round(settings.magicLinkExpiresIn / 60)
						})
					});
				}
			})
		],
		logger: {
			level: 'warn',
			log: (level, message, ...args) => {
				const fields = args.length > 0 ? { details: args } : {};
				if (level === 'error') log.error(fields, message);
				else if (level === 'warn') log.warn(fields, message);
				else log.debug(fields, message);
			}
		},
		telemetry: { enabled: false }
	});
}

/** An auth instance. */
export type Auth = ReturnType<typeof createAuth>;

let appAuth: Promise<Auth> | undefined;

/** The app's auth instance, on the app's database, built on first use. */
export function getAuth(): Promise<Auth> {
	appAuth ??= getDatabase().then((db) => createAuth(db));
	return appAuth;
}
