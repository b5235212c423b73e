import { describe, expect, it } from 'vitest';
import type { CountOptions } from './types';
import { metaForOptions, optionsFromMeta } from './from-meta';

/** Options with every switch spelt out, so two ways of writing the same count compare equal. */
function normalised(options: CountOptions): Record<string, unknown> {
	const base: Record<string, unknown> = { rule: options.rule, tieBreak: options.tieBreak };
	if (options.rule === 'greedy') {
		base['noSkip'] = options.noSkip ?? false;
		base['threshold'] = options.threshold ?? null;
	}
	if (options.rule === 'mes') {
		const isAdd1 = options.completion === 'add1';
		Object.assign(base, {
			utility: options.utility ?? 'cost',
			completion: options.completion ?? 'none',
			// Only add1 reads these two.
			integralStart: isAdd1 && (options.integralStart ?? false),
			exhaustiveStop: isAdd1 && (options.exhaustiveStop ?? false),
			utilitarianCompletion: options.utilitarianCompletion ?? false,
			comparison: options.comparison ?? false
		});
	}
	return base;
}

/** A test title for options (JSON has no bigint). */
const title = (options: CountOptions) =>
	JSON.stringify(options, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

describe('metaForOptions and optionsFromMeta', () => {
	const cases: CountOptions[] = [
		// The rules a process can be counted with (countOptionsFor) …
		{ rule: 'greedy', tieBreak: 'id' },
		{ rule: 'phragmen', tieBreak: 'votes-cost-id' },
		{
			rule: 'mes',
			tieBreak: 'cost-votes-id',
			utility: 'cost',
			completion: 'add1',
			integralStart: true
		},
		// … and the variants an imported file's result can carry.
		{ rule: 'greedy', tieBreak: 'cost-votes-id', noSkip: true },
		{ rule: 'greedy', tieBreak: 'cost-votes-id', threshold: 250n },
		{ rule: 'greedy', tieBreak: 'id', noSkip: true, threshold: 7n },
		{ rule: 'mes', tieBreak: 'id', utility: 'approval', completion: 'none' },
		{ rule: 'mes', tieBreak: 'id', utility: 'cost', completion: 'none', comparison: true },
		{
			rule: 'mes',
			tieBreak: 'votes-cost-id',
			utility: 'cost',
			completion: 'add1',
			integralStart: true,
			exhaustiveStop: true,
			utilitarianCompletion: true
		},
		{
			rule: 'mes',
			tieBreak: 'id',
			utility: 'cost',
			completion: 'add1',
			integralStart: false,
			comparison: true
		}
	];
	it.each(cases.map((o) => [title(o), o] as const))(
		'writes META that reads back to the same count: %s',
		(_title, options) => {
			const back = optionsFromMeta(metaForOptions(options));
			expect(back).not.toHaveProperty('unsupported');
			expect(normalised(back as CountOptions)).toEqual(normalised(options));
		}
	);

	it('writes the Pabulib rule names where Pabulib has one', () => {
		const rule = (o: CountOptions) => metaForOptions(o).find(([k]) => k === 'rule')?.[1];
		expect(rule({ rule: 'greedy', tieBreak: 'id' })).toBe('greedy');
		expect(rule({ rule: 'greedy', tieBreak: 'id', threshold: 5n })).toBe('greedy-threshold');
		expect(
			rule({
				rule: 'mes',
				tieBreak: 'id',
				utility: 'cost',
				completion: 'add1',
				integralStart: true
			})
		).toBe('equalshares/add1');
		expect(rule({ rule: 'mes', tieBreak: 'id', comparison: true })).toBe('equalshares-comparison');
		expect(rule({ rule: 'phragmen', tieBreak: 'id' })).toBe('phragmen');
	});
});

describe('optionsFromMeta', () => {
	it('reads phragmen', () => {
		expect(optionsFromMeta([['rule', 'phragmen']])).toEqual({
			rule: 'phragmen',
			tieBreak: 'cost-votes-id'
		});
	});

	it('honours META tie_break, unless the caller chooses one', () => {
		const meta: [string, string][] = [
			['rule', 'greedy'],
			['tie_break', 'votes-cost-id']
		];
		expect(optionsFromMeta(meta)).toEqual({ rule: 'greedy', tieBreak: 'votes-cost-id' });
		expect(optionsFromMeta(meta, { tieBreak: 'id' })).toEqual({ rule: 'greedy', tieBreak: 'id' });
	});

	it('reads the MES refinements', () => {
		expect(
			optionsFromMeta([
				['rule', 'equalshares/add1'],
				['mes_utility', 'approval'],
				['mes_exhaustive_stop', '1'],
				['mes_utilitarian_completion', '1']
			])
		).toMatchObject({
			rule: 'mes',
			utility: 'approval',
			completion: 'add1',
			integralStart: true,
			exhaustiveStop: true,
			utilitarianCompletion: true
		});
	});

	it.each<[[string, string][], string]>([
		[[], 'META has no "rule" line'],
		[
			[['rule', 'quadratic']],
			'META "rule" is "quadratic", which is not a rule Powershare can count'
		],
		[
			[
				['rule', 'greedy'],
				['tie_break', 'coin-toss']
			],
			'META "tie_break" is "coin-toss", not one of id, votes-cost-id, cost-votes-id'
		],
		[
			[
				['rule', 'equalshares'],
				['mes_utility', 'happiness']
			],
			'META "mes_utility" is "happiness", not cost or approval'
		],
		[
			[
				['rule', 'equalshares/add1'],
				['mes_integral_start', 'yes']
			],
			'META "mes_integral_start" is "yes", not 1 or 0'
		],
		[
			[
				['rule', 'equalshares'],
				['mes_exhaustive_stop', '1']
			],
			'META "mes_exhaustive_stop" applies only to the equalshares/add1 rules'
		],
		[[['rule', 'greedy-threshold']], 'META has no "min_project_score_threshold"']
	])('names the META line it cannot use: %j', (meta, message) => {
		const got = optionsFromMeta(meta);
		expect(got).toHaveProperty('unsupported');
		expect((got as { unsupported: string }).unsupported).toContain(message);
	});

	it('lets a chosen tie-break stand in for a META tie_break it does not know', () => {
		expect(
			optionsFromMeta(
				[
					['rule', 'greedy'],
					['tie_break', 'coin-toss']
				],
				{ tieBreak: 'id' }
			)
		).toEqual({ rule: 'greedy', tieBreak: 'id' });
	});
});
