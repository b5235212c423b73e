import { describe, expect, it } from 'vitest';
import type { Reason } from './explain';
import { explainReason, plainMoney } from './explain';
import { rat } from './rational';

const pounds = (pence: bigint) => `£${pence / 100n}.${(pence % 100n).toString().padStart(2, '0')}`;

describe('explanation sentences', () => {
	it.each<{ reason: Reason; sentence: string }>([
		{ reason: { kind: 'no-votes' }, sentence: 'Not funded: nobody voted for it.' },
		{
			reason: { kind: 'over-budget', cost: 250000n, budget: 100000n },
			sentence: 'Not funded: it costs £2500.00, more than the whole budget of £1000.00.'
		},
		{
			reason: { kind: 'below-threshold', votes: 99n, threshold: 100n },
			sentence:
				'Not funded: it received 99 votes, fewer than the 100 a project needs to be eligible.'
		},
		{
			reason: {
				kind: 'greedy-funded',
				rank: 1,
				votes: 1200n,
				cost: 5000n,
				remainingBefore: 100000n
			},
			sentence:
				'Funded: 1st by votes (1,200 votes), and its cost of £50.00 fitted in the £1000.00 still available.'
		},
		{
			reason: {
				kind: 'mes-unaffordable',
				supporters: 12,
				supportersLeft: 3050n,
				supportersStart: 12000n,
				cost: 5000n
			},
			sentence:
				'Not funded: it costs £50.00, but its 12 supporters had only £30.50 left of the £120.00 they started with.'
		},
		{
			reason: {
				kind: 'mes-funded',
				round: 3,
				rho: rat(1n, 4n),
				rhoText: '0.25',
				maxPayment: rat(1001n, 2n),
				supporters: 10,
				cost: 5000n
			},
			sentence:
				'Funded in round 3: its 10 supporters shared the cost of £50.00, none paying more than £5.01.'
		}
	])('says "$sentence"', ({ reason, sentence }) => {
		expect(explainReason(reason, pounds)).toBe(sentence);
	});

	it('groups thousands and adds the unit by default', () => {
		expect(plainMoney('PLN')(1234567n)).toBe('1,234,567 PLN');
	});
});
