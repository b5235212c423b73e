/**
 * A Pabulib file's META and count options, both ways: `optionsFromMeta` reads the rule a file
 * names (PB-COUNTING.md, "Rules"; docs/decisions/0003-tie-breaking-default.md), and
 * `metaForOptions` writes the META lines that name a count's options, so a file Powershare
 * exports recounts to the platform's winners with no flags.
 *
 * Beyond Pabulib's own `rule` values and `min_project_score_threshold`, two kinds of key refine a
 * rule. Pabulib has no word for them, and other tools ignore META keys they do not know:
 * - `tie_break` (`id`, `votes-cost-id`, `cost-votes-id`): how exact ties were broken. Files
 *   without it are counted with the Pabulib checker's order, `cost-votes-id`.
 * - For the `equalshares…` rules, `mes_utility` (`cost` or `approval`), and `mes_integral_start`,
 *   `mes_exhaustive_stop`, `mes_utilitarian_completion` (`1` or `0`). Without them a rule means
 *   what Pabulib's checker means by it: cost utilities, and for `/add1` an integral start with no
 *   exhaustive stop and no utilitarian completion.
 * The rule `phragmen` (sequential Phragmén, as pabutools) is not a Pabulib value either; files
 * Powershare exports use it.
 */
import type { CountOptions, TieBreak } from './types';
import { metaValue, parseAmount } from './instance';
import { TIE_BREAKS } from './tie-break';

/** The META `rule` values {@link optionsFromMeta} counts. */
export const META_RULES = [
	'greedy',
	'greedy-no-skip',
	'greedy-threshold',
	'equalshares',
	'equalshares-comparison',
	'equalshares/add1',
	'equalshares/add1-comparison',
	'phragmen'
] as const;

/** Options of {@link optionsFromMeta}. */
export type FromMetaOverrides = {
	/** A tie-break chosen by the caller, used instead of META `tie_break`. */
	tieBreak?: TieBreak;
};

const MES_FLAGS = {
	mes_integral_start: 'integralStart',
	mes_exhaustive_stop: 'exhaustiveStop',
	mes_utilitarian_completion: 'utilitarianCompletion'
} as const;

/**
 * Options for the META rule, or `{ unsupported }` saying which META line is missing or not
 * understood: rules that are city-specific (greedy-custom, greedy-exclusive) or unknown, and
 * refinements (`tie_break`, `mes_…`) with values outside those listed above. Ties are broken as
 * META `tie_break` says, else as the Pabulib checker does (lower cost, then more votes, then id),
 * which reproduces the real add1 outcomes.
 */
export function optionsFromMeta(
	meta: [string, string][],
	overrides: FromMetaOverrides = {}
): CountOptions | { unsupported: string } {
	const rule = (metaValue(meta, 'rule') ?? '').trim();
	const tieBreakText = (metaValue(meta, 'tie_break') ?? '').trim();
	let tieBreak: TieBreak = 'cost-votes-id';
	if (overrides.tieBreak) tieBreak = overrides.tieBreak;
	else if (tieBreakText !== '') {
		if (!(TIE_BREAKS as readonly string[]).includes(tieBreakText))
			return {
				unsupported: `META "tie_break" is "${tieBreakText}", not one of ${TIE_BREAKS.join(', ')}`
			};
		tieBreak = tieBreakText as TieBreak;
	}
	const thresholdText = metaValue(meta, 'min_project_score_threshold');
	const threshold =
		thresholdText && thresholdText.trim() !== '' ? parseAmount(thresholdText) : undefined;
	switch (rule) {
		case 'greedy':
			return { rule: 'greedy', tieBreak };
		case 'greedy-no-skip':
			return threshold === undefined
				? { rule: 'greedy', tieBreak, noSkip: true }
				: { rule: 'greedy', tieBreak, noSkip: true, threshold };
		case 'greedy-threshold':
			if (threshold === undefined)
				return {
					unsupported:
						'META "rule" is greedy-threshold but META has no "min_project_score_threshold"'
				};
			return { rule: 'greedy', tieBreak, threshold };
		case 'phragmen':
			return { rule: 'phragmen', tieBreak };
		case 'equalshares':
		case 'equalshares-comparison':
		case 'equalshares/add1':
		case 'equalshares/add1-comparison':
			return mesFromMeta(meta, rule, tieBreak);
		default:
			return {
				unsupported:
					rule === ''
						? 'META has no "rule" line'
						: `META "rule" is "${rule}", which is not a rule Powershare can count (it counts ${META_RULES.join(', ')})`
			};
	}
}

function mesFromMeta(
	meta: [string, string][],
	rule: string,
	tieBreak: TieBreak
): CountOptions | { unsupported: string } {
	const isAdd1 = rule.startsWith('equalshares/add1');
	const utility = (metaValue(meta, 'mes_utility') ?? '').trim() || 'cost';
	if (utility !== 'cost' && utility !== 'approval')
		return { unsupported: `META "mes_utility" is "${utility}", not cost or approval` };
	const options: CountOptions = {
		rule: 'mes',
		tieBreak,
		utility,
		completion: isAdd1 ? 'add1' : 'none'
	};
	// Pabulib's equalshares/add1: from each voter's whole-unit share, no exhaustive stop.
	const flags: Record<string, boolean> = isAdd1
		? { integralStart: true, exhaustiveStop: false, utilitarianCompletion: false }
		: { utilitarianCompletion: false };
	for (const [key, option] of Object.entries(MES_FLAGS)) {
		const text = (metaValue(meta, key) ?? '').trim();
		if (text === '') continue;
		if (text !== '0' && text !== '1')
			return { unsupported: `META "${key}" is "${text}", not 1 or 0` };
		if (!isAdd1 && option !== 'utilitarianCompletion') {
			if (text === '1')
				return { unsupported: `META "${key}" applies only to the equalshares/add1 rules` };
			continue;
		}
		flags[option] = text === '1';
	}
	return { ...options, ...flags, comparison: rule.endsWith('-comparison') };
}

/**
 * The META lines naming a count's options: `rule`, and `min_project_score_threshold`,
 * `tie_break` and `mes_…` where they apply. {@link optionsFromMeta} reads them back to options
 * that count the same.
 */
export function metaForOptions(options: CountOptions): [string, string][] {
	const lines: [string, string][] = [];
	switch (options.rule) {
		case 'greedy': {
			const rule = options.noSkip
				? 'greedy-no-skip'
				: options.threshold !== undefined
					? 'greedy-threshold'
					: 'greedy';
			lines.push(['rule', rule]);
			if (options.threshold !== undefined)
				lines.push(['min_project_score_threshold', String(options.threshold)]);
			break;
		}
		case 'phragmen':
			lines.push(['rule', 'phragmen']);
			break;
		case 'mes': {
			const isAdd1 = options.completion === 'add1';
			const rule = `equalshares${isAdd1 ? '/add1' : ''}${options.comparison ? '-comparison' : ''}`;
			lines.push(['rule', rule], ['mes_utility', options.utility ?? 'cost']);
			if (isAdd1) {
				lines.push(['mes_integral_start', options.integralStart ? '1' : '0']);
				lines.push(['mes_exhaustive_stop', options.exhaustiveStop ? '1' : '0']);
			}
			lines.push(['mes_utilitarian_completion', options.utilitarianCompletion ? '1' : '0']);
			break;
		}
	}
	lines.push(['tie_break', options.tieBreak]);
	return lines;
}
