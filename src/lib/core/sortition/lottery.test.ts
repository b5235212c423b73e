import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	drawTicket,
	hexModulo,
	lotteryProbabilities,
	panelOfTicket,
	roundToLottery
} from './lottery';
import {
	drawFromPublishedLottery,
	formatLotteryCsv,
	membersOfTicket,
	readLotteryCsv
} from './lottery-file';
import { createRandom } from './random';
import { sha256Hex } from './sha256';

const distributions = fc
	.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 })
	.map((raw) => {
		const total = raw.reduce((a, b) => a + b, 0);
		return { panels: raw.map((_, p) => [p % 7, 7 + p]), weights: raw.map((w) => w / total) };
	});

describe('roundToLottery', () => {
	it('hands out exactly the lottery size in tickets, numbered without gaps', () => {
		fc.assert(
			fc.property(distributions, fc.string(), (distribution, seed) => {
				const lottery = roundToLottery(distribution, 1000, createRandom(seed));
				expect(lottery.panels.reduce((s, e) => s + e.tickets, 0)).toBe(1000);
				let next = 1;
				for (const entry of lottery.panels) {
					expect(entry.firstTicket).toBe(next);
					next += entry.tickets;
				}
			})
		);
	});

	it('moves each panel by less than one ticket', () => {
		fc.assert(
			fc.property(distributions, (distribution) => {
				const lottery = roundToLottery(distribution, 1000, createRandom('r'));
				distribution.panels.forEach((panel, p) => {
					const entry = lottery.panels.find(
						(e) => e.panel.join() === [...panel].sort((a, b) => a - b).join()
					);
					expect(Math.abs((entry?.tickets ?? 0) - distribution.weights[p]! * 1000)).toBeLessThan(
						1 + 1e-6
					);
				});
			})
		);
	});

	it('keeps each volunteer within k/M of the exact probability on a two-member example', () => {
		const distribution = {
			panels: [
				[0, 1],
				[1, 2],
				[0, 2]
			],
			weights: [1 / 3, 1 / 3, 1 / 3]
		};
		const lottery = roundToLottery(distribution, 1000, createRandom('third'));
		for (const p of lotteryProbabilities(lottery, 3))
			expect(Math.abs(p - 2 / 3)).toBeLessThanOrEqual(2 / 1000);
	});
});

const sha = (text: string) => sha256Hex(text);

describe('drawTicket', () => {
	// SHA-256 of "abc" (FIPS 180-2, appendix B.1) stands in for a lottery file's fingerprint.
	const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

	it('matches the published recipe, recomputed with Python’s hashlib', () => {
		// int(hashlib.sha256(f"{abc}:{seed}".encode()).hexdigest(), 16) % 1000 + 1
		expect(
			drawTicket({ lotterySha256: abc, seed: 'town hall 4 December: 17 42 8', size: 1000 })
		).toBe(770);
		expect(drawTicket({ lotterySha256: abc, seed: 'x', size: 1000 })).toBe(933);
	});

	it('gives the same ticket for the same seed and lottery, always between 1 and the size', () => {
		fc.assert(
			fc.property(
				fc.string(),
				fc.string(),
				fc.integer({ min: 1, max: 5000 }),
				(file, seed, size) => {
					const options = { lotterySha256: sha(file), seed, size };
					const ticket = drawTicket(options);
					expect(drawTicket({ ...options })).toBe(ticket);
					expect(Number.isInteger(ticket)).toBe(true);
					expect(ticket).toBeGreaterThanOrEqual(1);
					expect(ticket).toBeLessThanOrEqual(size);
				}
			)
		);
	});

	it('generally gives a different ticket for a different seed or a different lottery', () => {
		const lottery = sha('lottery');
		const bySeed = new Set(
			Array.from({ length: 200 }, (_, i) =>
				drawTicket({ lotterySha256: lottery, seed: `seed ${i}`, size: 1000 })
			)
		);
		// 200 uniform draws from 1,000 tickets share a ticket only a few times (about 18).
		expect(bySeed.size).toBeGreaterThan(170);
		const byLottery = new Set(
			Array.from({ length: 200 }, (_, i) =>
				drawTicket({ lotterySha256: sha(`lottery ${i}`), seed: 'same seed', size: 1000 })
			)
		);
		expect(byLottery.size).toBeGreaterThan(170);
	});

	it('spreads tickets evenly over the lottery', () => {
		const counts = new Array<number>(10).fill(0);
		const lottery = sha('even');
		for (let i = 0; i < 5000; i++)
			counts[drawTicket({ lotterySha256: lottery, seed: String(i), size: 10 }) - 1]!++;
		for (const count of counts) expect(count).toBeGreaterThan(420);
		for (const count of counts) expect(count).toBeLessThan(580);
	});

	it('refuses a fingerprint that is not a SHA-256 in lower-case hex, and a size below 1', () => {
		expect(() => drawTicket({ lotterySha256: 'ABC', seed: 's', size: 1000 })).toThrow(RangeError);
		expect(() => drawTicket({ lotterySha256: sha('x'), seed: 's', size: 0 })).toThrow(RangeError);
	});

	it('reduces a long hexadecimal number exactly', () => {
		expect(hexModulo('ff', 1000)).toBe(255);
		// 2^64 = 18446744073709551616 ≡ 616 (mod 1000)
		expect(hexModulo('10000000000000000', 1000)).toBe(616);
	});
});

describe('the lottery file', () => {
	const lottery = roundToLottery(
		{
			panels: [
				[0, 2],
				[1, 2],
				[3, 0]
			],
			weights: [0.5, 0.25, 0.25]
		},
		1000,
		createRandom('x')
	);
	const ids = ['1', '2', 'three, quoted', '4'];
	const published = {
		size: lottery.size,
		panels: lottery.panels.map((e) => ({
			firstTicket: e.firstTicket,
			tickets: e.tickets,
			members: e.panel.map((i) => ids[i]!)
		}))
	};

	it('writes one row per run of tickets, one member per column, and reads back the same', () => {
		const text = formatLotteryCsv(published);
		expect(text.split('\r\n')[0]).toBe('first_ticket,last_ticket,tickets,member_1,member_2');
		expect(text).toContain('"three, quoted"');
		const read = readLotteryCsv(text);
		expect(read).toEqual({ ok: true, lottery: published });
		expect(formatLotteryCsv(published)).toBe(text);
	});

	it('draws the same members as the lottery names for the ticket', () => {
		const lotterySha256 = sha(formatLotteryCsv(published));
		const drawn = drawFromPublishedLottery({ lottery: published, lotterySha256, seed: 'hall' });
		expect(drawn.ticket).toBe(drawTicket({ lotterySha256, seed: 'hall', size: 1000 }));
		expect(drawn.members).toEqual(panelOfTicket(lottery, drawn.ticket).map((i) => ids[i]!));
		expect(() => membersOfTicket(published, 1001)).toThrow(RangeError);
	});

	it('reports gaps, bad numbers and a wrong header by line', () => {
		const bad = readLotteryCsv(
			'first_ticket,last_ticket,tickets,member_1\r\n1,2,2,5\r\n4,4,1,6\r\n5,x,1,7\r\n5,5,1,\r\n',
			'l.csv'
		);
		expect(bad).toEqual({
			ok: false,
			problems: [
				{ file: 'l.csv', line: 3, message: 'the tickets should continue from 3, not 4' },
				{
					file: 'l.csv',
					line: 4,
					message: 'first_ticket, last_ticket and tickets must be whole numbers'
				},
				{ file: 'l.csv', line: 5, message: 'the row names no members' }
			]
		});
		expect(readLotteryCsv('ticket,members\n1,2').ok).toBe(false);
		expect(readLotteryCsv('').ok).toBe(false);
	});
});
