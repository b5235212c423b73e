/**
 * The transparent lottery (Flanigan, Gölz, Gupta, Procaccia, "Fair sortition made transparent",
 * NeurIPS 2021): a distribution over panels is rounded to M equally likely tickets (M = 1,000 by
 * default), the ticket list is published, and one ticket is drawn in public. Each panel gets
 * ⌊λ·M⌋ tickets, and the fractional remainders are rounded by dependent (pipage) rounding
 * (Gandhi, Khuller, Parthasarathy, Srinivasan, J. ACM 2006), which keeps every panel's expected
 * share, so each volunteer's probability moves by at most about k/M.
 *
 * The lottery is fixed before the public seed exists: the rounding's randomness comes from the
 * inputs' fingerprint (see `selectPanel`), the lottery is published as a file, and the ticket is
 * then a public function of the seed and that file's SHA-256 ({@link drawTicket}), which anyone
 * can recompute from the published file alone. Knowing the lottery early gives nobody a way to
 * steer the draw, because the seed is announced only after the lottery can no longer change.
 */
import type { Random } from './random';
import { sha256Hex } from './sha256';
import type { PanelDistribution } from './types';

/** A panel of the published lottery and the tickets it holds. */
export type LotteryPanel = {
	/** Sorted volunteer indices. */
	panel: number[];
	/** Number of tickets (out of the lottery size) naming this panel. */
	tickets: number;
	/** First ticket number of this panel (tickets are numbered 1..size in list order). */
	firstTicket: number;
};

/** A uniform lottery over `size` tickets. */
export type Lottery = { size: number; panels: LotteryPanel[] };

/** Rounds `distribution` to a lottery of `size` tickets; the randomness only breaks remainders. */
export function roundToLottery(
	distribution: PanelDistribution,
	size: number,
	random: Random
): Lottery {
	const scaled = distribution.weights.map((w) => w * size);
	const tickets = scaled.map((x) => Math.floor(x + 1e-9));
	const remainders = scaled.map((x, p) => Math.min(1, Math.max(0, x - tickets[p]!)));
	// The remainders sum to a whole number (size minus the floors) up to rounding error.
	const floors = tickets.reduce((a, b) => a + b, 0);
	const missing = size - floors;
	const remainderSum = remainders.reduce((a, b) => a + b, 0);
	if (remainderSum > 0)
		for (let p = 0; p < remainders.length; p++)
			remainders[p] = (remainders[p]! * missing) / remainderSum;
	pipageRound(remainders, random);
	remainders.forEach((r, p) => (tickets[p]! += Math.round(r)));
	// Guard against a last rounding error so that the tickets add up to exactly `size`.
	let total = tickets.reduce((a, b) => a + b, 0);
	const order = scaled.map((_, p) => p).sort((a, b) => scaled[b]! - scaled[a]!);
	for (let j = 0; total !== size && order.length > 0; j = (j + 1) % order.length) {
		const p = order[j]!;
		if (total < size) {
			tickets[p]!++;
			total++;
		} else if (tickets[p]! > 0) {
			tickets[p]!--;
			total--;
		}
	}
	const entries = distribution.panels
		.map((panel, p) => ({ panel: [...panel].sort((a, b) => a - b), tickets: tickets[p]! }))
		.filter((e) => e.tickets > 0)
		.sort((a, b) => comparePanels(a.panel, b.panel));
	let next = 1;
	return {
		size,
		panels: entries.map((e) => {
			const entry = { panel: e.panel, tickets: e.tickets, firstTicket: next };
			next += e.tickets;
			return entry;
		})
	};
}

/**
 * Dependent rounding of values in [0, 1] with a whole-number sum: repeatedly takes two fractional
 * values and shifts mass between them so one becomes 0 or 1, choosing the direction with the
 * probabilities that keep both expectations unchanged.
 */
function pipageRound(values: number[], random: Random): void {
	const isFractional = (x: number) => x > 1e-9 && x < 1 - 1e-9;
	let a = -1;
	for (let b = 0; b < values.length; b++) {
		if (!isFractional(values[b]!)) continue;
		if (a < 0) {
			a = b;
			continue;
		}
		const va = values[a]!;
		const vb = values[b]!;
		const up = Math.min(1 - va, vb); // a gains, b loses
		const down = Math.min(va, 1 - vb); // a loses, b gains
		if (random.next() < down / (up + down)) {
			values[a] = va + up;
			values[b] = vb - up;
		} else {
			values[a] = va - down;
			values[b] = vb + down;
		}
		if (!isFractional(values[a]!)) a = isFractional(values[b]!) ? b : -1;
	}
	for (let p = 0; p < values.length; p++) values[p] = Math.round(values[p]!);
}

function comparePanels(a: number[], b: number[]): number {
	for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return a.length - b.length;
}

/**
 * The public draw: ticket = (SHA-256 of the UTF-8 text `<lottery SHA-256>:<seed>`, read as one
 * hexadecimal number) mod size, plus 1. `lotterySha256` is the lower-case hex SHA-256 of the
 * published lottery file's bytes and `size` its number of tickets. Any SHA-256 tool recomputes
 * it, for example in Python:
 * `int(hashlib.sha256(f"{lottery_sha256}:{seed}".encode()).hexdigest(), 16) % size + 1`.
 * The reduction of a 256-bit number mod 1,000 favours no ticket by more than 1,000 / 2^256.
 */
export function drawTicket(options: { lotterySha256: string; seed: string; size: number }): number {
	const { lotterySha256, seed, size } = options;
	if (!Number.isInteger(size) || size < 1)
		throw new RangeError(`the lottery size must be a positive whole number, got ${size}`);
	if (!/^[0-9a-f]{64}$/.test(lotterySha256))
		throw new RangeError('the lottery SHA-256 must be 64 lower-case hexadecimal digits');
	return hexModulo(sha256Hex(`${lotterySha256}:${seed}`), size) + 1;
}

/**
 * A hexadecimal number mod n, digit by digit (Horner's rule), exact for n up to 2^48 because
 * every intermediate value stays below 16·n < 2^53.
 */
export function hexModulo(hex: string, n: number): number {
	let remainder = 0;
	for (const digit of hex) remainder = (remainder * 16 + parseInt(digit, 16)) % n;
	return remainder;
}

/** The panel that a ticket number names. */
export function panelOfTicket(lottery: Lottery, ticket: number): number[] {
	for (const entry of lottery.panels)
		if (ticket >= entry.firstTicket && ticket < entry.firstTicket + entry.tickets)
			return entry.panel;
	throw new RangeError(`ticket ${ticket} is not between 1 and ${lottery.size}`);
}

/** Each volunteer's probability of selection under the lottery (tickets naming them / size). */
export function lotteryProbabilities(lottery: Lottery, n: number): number[] {
	const probabilities = new Array<number>(n).fill(0);
	for (const entry of lottery.panels)
		for (const i of entry.panel) probabilities[i]! += entry.tickets / lottery.size;
	return probabilities;
}
