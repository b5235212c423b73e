/**
 * Rate limits on code entry, kept in the platform's rate-limit table (`platform_rate_limits`,
 * which better-auth uses for sign-in) so they hold across app servers. Only wrong codes count:
 * a polling station's laptop or a block of flats behind one address may cast hundreds of good
 * ballots, but guessing codes means many wrong ones.
 *
 * One counter per client network, a fixed window: an IPv4 address, or an IPv6 /64 (one
 * household or phone is usually given a whole /64, so counting single IPv6 addresses would let
 * one person try billions of codes). The network is stored only as a SHA-256 hash in the key.
 *
 * There is deliberately no limit per process. One would let anyone with a hundred addresses
 * lock every voter out by typing wrong codes, and it is not needed against guessing spread over
 * many networks: a code is 60 random bits, so with 100,000 codes issued a billion guesses find
 * one with a chance of about 1 in 11,500 (10⁹ × 10⁵ / 2⁶⁰), and each network may try only ten
 * every fifteen minutes. Wrong codes per process are still counted, for organisers to see.
 */
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { newId } from '../../platform/ids';
import { platformRateLimits } from '../../platform/schema';

/** How many wrong codes one network may type, and in what window. */
export type CodeEntryLimits = {
	perAddress: number;
	windowMs: number;
};

/** Ten wrong codes from one network in fifteen minutes. */
export const defaultCodeEntryLimits: CodeEntryLimits = {
	perAddress: 10,
	windowMs: 15 * 60 * 1000
};

/**
 * The network a client address counts as: the address itself for IPv4 (including IPv4 mapped
 * into IPv6), the first 64 bits for IPv6. Anything unparsable counts as itself.
 */
export function clientNetwork(clientAddress: string): string {
	const address = clientAddress.trim().toLowerCase().replace(/%.*$/, '');
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (mapped) return mapped[1]!;
	if (!address.includes(':')) return address;
	const [head = '', tail] = address.split('::');
	const left = head === '' ? [] : head.split(':');
	const right = tail === undefined || tail === '' ? [] : tail.split(':');
	const missing = 8 - left.length - right.length;
	if (missing < 0 || (tail === undefined && missing !== 0)) return address;
	const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
	if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return address;
	return `${groups
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

function keysOf(processId: string, clientAddress: string) {
	const network = createHash('sha256')
		.update(clientNetwork(clientAddress))
		.digest('hex')
		.slice(0, 32);
	return {
		address: `budgeting.code.address:${network}`,
		process: `budgeting.code.process:${processId}`
	};
}

const limitQuery = preparedQuery((db) =>
	db
		.select({
			key: platformRateLimits.key,
			count: platformRateLimits.count,
			since: platformRateLimits.lastRequest
		})
		.from(platformRateLimits)
		.where(eq(platformRateLimits.key, sql.placeholder('key')))
		.prepare('budgeting_code_limit')
);

/** True when the client's network has reached its limit of wrong codes within the window. */
export async function isCodeEntryLimited(
	db: Executor,
	options: { processId: string; clientAddress: string; now: Date; limits?: CodeEntryLimits }
): Promise<boolean> {
	const limits = options.limits ?? defaultCodeEntryLimits;
	const keys = keysOf(options.processId, options.clientAddress);
	const rows = await limitQuery(db).execute({ key: keys.address });
	const windowStart = options.now.getTime() - limits.windowMs;
	return rows.some((r) => r.since >= windowStart && r.count >= limits.perAddress);
}

/**
 * Counts one wrong code against the client's network, and in the process's tally of wrong codes
 * (which limits nobody). `last_request` holds the start of the current
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
