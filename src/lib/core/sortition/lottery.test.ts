import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawFromLottery, lotteryProbabilities, panelOfTicket, roundToLottery } from './lottery';
import { createRandom } from './random';

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

describe('drawFromLottery', () => {
	it('gives the same ticket for the same seed, and that ticket names its panel', () => {
		const lottery = roundToLottery(
			{ panels: [[0], [1], [2]], weights: [0.5, 0.25, 0.25] },
			1000,
			createRandom('x')
		);
		const a = drawFromLottery(lottery, createRandom('public seed'));
		const b = drawFromLottery(lottery, createRandom('public seed'));
		expect(a).toEqual(b);
		expect(panelOfTicket(lottery, a.ticket)).toEqual(a.panel);
		expect(() => panelOfTicket(lottery, 1001)).toThrow(RangeError);
	});
});
