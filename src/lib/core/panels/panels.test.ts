import { describe, expect, it } from 'vitest';
import { sha256Hex, type Pool } from '../sortition/index';
import { explainLeastLikely } from './explain';
import { generateDemoPool } from './demo-pool';
import { checkQuotas, countPool, suggestQuotas } from './quotas';
import { drawReplacement, replacementCandidates, replacementKey } from './replacement';
import { readVolunteers } from './volunteer-csv';

const draw = (sequence: number) => ({ lotterySha256: 'a'.repeat(64), seed: 'hall', sequence });

describe('readVolunteers', () => {
	it('takes every column but the contact ones as a feature, trimming values', () => {
		const file = readVolunteers(
			'Name,EMAIL,id,Age band, Tenure \r\nAnn,ANN@x.example,17, 16-29 ,Owner\r\n'
		);
		expect(file.problems).toEqual([]);
		expect(file.categories).toEqual(['Age band', 'Tenure']);
		expect(file.volunteers).toEqual([
			{
				line: 2,
				name: 'Ann',
				email: 'ann@x.example',
				phone: null,
				household: null,
				features: { 'Age band': '16-29', Tenure: 'Owner' }
			}
		]);
	});

	it('reports a quoted field that is never closed, and an empty file, by line', () => {
		expect(readVolunteers('name,email,Tenure\nAnn,"a@x.example,Owner').problems[0]).toEqual({
			line: 2,
			message: 'a quoted field is never closed'
		});
		expect(readVolunteers('').problems).toEqual([{ line: 1, message: 'The file is empty.' }]);
		expect(readVolunteers('name,email').problems).toEqual([
			{
				line: 1,
				message: 'There are no feature columns (such as gender or age band) to set quotas on.'
			}
		]);
	});
});

describe('suggestQuotas', () => {
	const counts = { Gender: { Woman: 9, Man: 1 }, Tenure: { Owner: 5, Renter: 5 } };

	it('uses census shares for a feature only when the census covers every value', () => {
		const quotas = suggestQuotas({
			counts,
			k: 4,
			census: { Gender: { Woman: 510, Man: 490 }, Tenure: { Owner: 600 } }
		});
		expect(quotas.filter((q) => q.category === 'Gender')).toMatchObject([
			{ value: 'Woman', min: 2, max: 3, source: 'census' },
			// A minimum never asks for more volunteers than have the value.
			{ value: 'Man', min: 1, max: 2, source: 'census' }
		]);
		expect(quotas.filter((q) => q.category === 'Tenure')).toMatchObject([
			{ value: 'Owner', min: 2, max: 2, source: 'pool' },
			{ value: 'Renter', min: 2, max: 2, source: 'pool' }
		]);
	});

	it('gives quotas that pass the checks, and the checks catch impossible ones', () => {
		const quotas = suggestQuotas({ counts, k: 4 });
		expect(checkQuotas(quotas, counts, 4)).toEqual([]);
		const tight = quotas.map((q) => (q.value === 'Owner' ? { ...q, min: 0, max: 0 } : q));
		expect(checkQuotas(tight, counts, 4)).toEqual([
			{
				category: 'Tenure',
				message:
					'The maximums for Tenure (counting only volunteers who are in the pool) add up to 2, less than the panel size of 4.'
			}
		]);
	});
});

describe('explainLeastLikely', () => {
	it('names the values the pool over-represents relative to the quotas, most crowded first', () => {
		const people = [
			{ number: 1, features: { Tenure: 'Owner', Age: 'Old' } },
			{ number: 2, features: { Tenure: 'Owner', Age: 'Young' } },
			{ number: 3, features: { Tenure: 'Owner', Age: 'Old' } },
			{ number: 4, features: { Tenure: 'Renter', Age: 'Young' } }
		];
		const counts = countPool(['Tenure', 'Age'], people);
		const [least] = explainLeastLikely({
			people,
			probabilities: new Map([
				[1, 0.3],
				[2, 0.4],
				[3, 0.3],
				[4, 1]
			]),
			quotas: [
				{ category: 'Tenure', value: 'Owner', min: 1, max: 1 },
				{ category: 'Tenure', value: 'Renter', min: 1, max: 1 },
				{ category: 'Age', value: 'Old', min: 0, max: 1 },
				{ category: 'Age', value: 'Young', min: 1, max: 2 }
			],
			counts,
			k: 2,
			limit: 1
		});
		expect(least).toEqual({
			number: 1,
			probability: 0.3,
			crowded: [{ category: 'Tenure', value: 'Owner', poolShare: 0.75, panelShare: 0.5 }]
		});
	});
});

describe('replacements', () => {
	const pool: Pool = {
		categories: ['Tenure'],
		quotas: [
			{ category: 'Tenure', value: 'Owner', min: 1, max: 1 },
			{ category: 'Tenure', value: 'Renter', min: 1, max: 1 }
		],
		people: ['Owner', 'Renter', 'Owner', 'Renter', 'Owner'].map((Tenure, i) => ({
			id: String(i + 1),
			features: { Tenure }
		}))
	};

	it('offers only volunteers who keep every quota, and draws one reproducibly', () => {
		// Member 2 (a renter) leaves member 1 (an owner): only the other renter fits.
		const candidates = replacementCandidates({
			pool,
			k: 2,
			remaining: ['1'],
			excluded: new Set(['2'])
		});
		expect(candidates).toEqual(['4']);
		expect(drawReplacement([], draw(1))).toBeUndefined();
	});

	it('chooses the candidate with the smallest public key, the same every time', () => {
		const candidates = Array.from({ length: 30 }, (_, i) => String(i + 1));
		const chosen = drawReplacement(candidates, draw(1))!;
		expect(drawReplacement([...candidates].reverse(), draw(1))).toBe(chosen);
		const keys = candidates.map((id) => replacementKey(draw(1), id));
		expect(replacementKey(draw(1), chosen)).toBe([...keys].sort()[0]);
		// The key is the SHA-256 of "<lottery SHA-256>:<seed>:replacement:<n>:<number>".
		expect(replacementKey(draw(2), '7')).toBe(sha256Hex(`${'a'.repeat(64)}:hall:replacement:2:7`));
		// Later replacements, and other seeds, order the pool afresh.
		const others = [2, 3, 4, 5, 6].map((n) => drawReplacement(candidates, draw(n)));
		expect(new Set([chosen, ...others]).size).toBeGreaterThan(1);
	});
});

describe('generateDemoPool', () => {
	it('is the same for the same seed and uses only reserved addresses', () => {
		const a = generateDemoPool({ seed: 's', count: 50, neighbourhoods: ['A', 'B'] });
		expect(generateDemoPool({ seed: 's', count: 50, neighbourhoods: ['A', 'B'] })).toEqual(a);
		expect(a.every((p) => p.email.endsWith('@volunteers.example'))).toBe(true);
		expect(new Set(a.map((p) => p.email)).size).toBe(50);
	});
});
