import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { childLogger, logger, redactPaths } from './logger';

describe('logger', () => {
	it('is silent under Vitest unless LOG_LEVEL says otherwise', () => {
		expect(logger.level).toBe(process.env.LOG_LEVEL ?? 'silent');
	});

	it('adds bindings to a child logger', () => {
		expect(childLogger({ module: 'budgeting' }).bindings()).toMatchObject({ module: 'budgeting' });
	});

	it('redacts secrets', () => {
		const lines: string[] = [];
		const sink = new Writable({
			write(chunk, _encoding, done) {
				lines.push(String(chunk));
				done();
			}
		});
		const probe = pino({ redact: { paths: redactPaths, censor: '[Redacted]' } }, sink);
		probe.info(
			{
				password: 'pw-secret',
				body: { token: 'token-secret' },
				req: { headers: { cookie: 'cookie-secret', authorization: 'auth-secret' } }
			},
			'signed in'
		);
		const output = lines.join('');
		expect(output).toContain('signed in');
		expect(output).not.toMatch(/pw-secret|token-secret|cookie-secret|auth-secret/);
	});
});
