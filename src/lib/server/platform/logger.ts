import pino from 'pino';

/**
 * Field paths whose values never reach the logs. Pino's `*` matches one level, so each secret is
 * listed at the top level and one level down (for example `user.password`, `body.token`); HTTP
 * headers are listed by path because they sit two levels down in a logged request.
 */
export const redactPaths = [
	'password',
	'*.password',
	'newPassword',
	'*.newPassword',
	'token',
	'*.token',
	'accessToken',
	'*.accessToken',
	'refreshToken',
	'*.refreshToken',
	'secret',
	'*.secret',
	'cookie',
	'*.cookie',
	'cookies',
	'*.cookies',
	'authorization',
	'*.authorization',
	'headers.cookie',
	'headers.authorization',
	'headers["set-cookie"]',
	'req.headers.cookie',
	'req.headers.authorization',
	'res.headers["set-cookie"]',
	'votingCode',
	'*.votingCode'
];

function level(): string {
	if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
	// Tests assert on behaviour, not on log output; keep their output readable.
	if (process.env.VITEST) return 'silent';
	return 'info';
}

/**
 * The application logger: one JSON object per line on stdout, for the platform's log collector.
 * The level comes from `LOG_LEVEL` (`fatal`, `error`, `warn`, `info`, `debug`, `trace` or
 * `silent`; default `info`, and `silent` under Vitest). Passwords, tokens, voting codes, cookies
 * and authorisation headers are replaced by `[Redacted]`.
 *
 * Never log ballot contents next to anything that identifies the voter.
 */
export const logger = pino({
	level: level(),
	base: { service: 'powershare' },
	timestamp: pino.stdTimeFunctions.isoTime,
	redact: { paths: redactPaths, censor: '[Redacted]' },
	formatters: {
		level: (label) => ({ level: label })
	}
});

/** A logger that adds `bindings` (for example `{ module: 'budgeting', requestId }`) to every line. */
export function childLogger(bindings: Record<string, unknown>): pino.Logger {
	return logger.child(bindings);
}

export type Logger = pino.Logger;
