import { randomBytes } from 'node:crypto';

/** Which engine the medium tier runs on: TEST_DB=postgres or the default, PGlite. */
export function testEngine(): 'pglite' | 'postgres' {
	return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

/** A short random suffix for throwaway database names. */
export function randomSuffix(): string {
	return randomBytes(6).toString('hex');
}
