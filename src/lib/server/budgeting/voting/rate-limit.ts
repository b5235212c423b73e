/**
 * Rate limits on code entry, kept in the platform's rate-limit table (`platform_rate_limits`,
 * which better-auth uses for sign-in) so they hold across app servers. Only wrong codes count:
 * a polling station's laptop or a block of flats behind one address may cast hundreds of good
 * ballots, but guessing codes means many wrong ones.
 *
 * Two counters, each a fixed window: wrong codes from one client address (any process), and
 * wrong codes for one process (from anywhere, against guessing spread over many addresses).
 * The address is stored only as a SHA-256 hash in the counter's key.
 */
import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { newId } from '../../platform/ids';
import { platformRateLimits } from '../../platform/schema';

/** How many wrong codes are allowed, and in what window. */
export type CodeEntryLimits = {
	perAddress: number;
	perProcess: number;
	windowMs: number;
};

/** Ten wrong codes from one address, or a thousand for one process, in fifteen minutes. */
export const defaultCodeEntryLimits: CodeEntryLimits = {
	perAddress: 10,
	perProcess: 1000,
	windowMs: 15 * 60 * 1000
};

function keysOf(processId: string, clientAddress: string) {
	const address = createHash('sha256').update(clientAddress).digest('hex').slice(0, 32);
	return {
		address: `budgeting.code.address:${address}`,
		process: `budgeting.code.process:${processId}`
	};
}

/** True when either counter has reached its limit within its window. */
export async function isCodeEntryLimited(
	db: Executor,
	options: { processId: string; clientAddress: string; now: Date; limits?: CodeEntryLimits }
): Promise<boolean> {
	const limits = options.limits ?? defaultCodeEntryLimits;
	const keys = keysOf(options.processId, options.clientAddress);
	const rows = await db
		.select({
			key: platformRateLimits.key,
			count: platformRateLimits.count,
			since: platformRateLimits.lastRequest
		})
		.from(platformRateLimits)
		.where(inArray(platformRateLimits.key, [keys.address, keys.process]));
	const windowStart = options.now.getTime() - limits.windowMs;
	return rows.some(
		(r) =>
			r.since >= windowStart &&
			r.count >= (r.key === keys.address ? limits.perAddress : limits.perProcess)
	);
}

/**
 * Counts one wrong code against both counters. `last_request` holds the start of the current
 * window: a counter whose window has passed starts again at 1.
 */
export async function recordWrongCode(
	db: Executor,
	options: { processId: string; clientAddress: string; now: Date; limits?: CodeEntryLimits }
): Promise<void> {
	const limits = options.limits ?? defaultCodeEntryLimits;
	const keys = keysOf(options.processId, options.clientAddress);
	const now = options.now.getTime();
	const windowStart = now - limits.windowMs;
	await db
		.insert(platformRateLimits)
		.values([
			{ id: newId(), key: keys.address, count: 1, lastRequest: now },
			{ id: newId(), key: keys.process, count: 1, lastRequest: now }
		])
		.onConflictDoUpdate({
			target: platformRateLimits.key,
			set: {
				count: sql`case when ${platformRateLimits.lastRequest} < ${windowStart} then 1 else ${platformRateLimits.count} + 1 end`,
				lastRequest: sql`case when ${platformRateLimits.lastRequest} < ${windowStart} then ${now} else ${platformRateLimits.lastRequest} end`
			}
		});
}
