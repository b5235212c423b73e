/**
 * Maps a Pabulib file's META `rule` to count options that reproduce its real outcome
 * (PB-COUNTING.md, "Rules"; docs/decisions/0003-tie-breaking-default.md).
 */
import type { CountOptions } from './types';
import { metaValue, parseAmount } from './instance';

/**
 * Options for the META rule, or `{ unsupported }` for rules that are city-specific (greedy-custom,
 * greedy-exclusive) or unknown. Ties are broken as the Pabulib checker does (lower cost, then more
 * votes, then id), which reproduces the real add1 outcomes.
 */
export function optionsFromMeta(meta: [string, string][]): CountOptions | { unsupported: string } {
	const rule = (metaValue(meta, 'rule') ?? '').trim();
	const tieBreak = 'cost-votes-id' as const;
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
				return { unsupported: 'greedy-threshold without min_project_score_threshold' };
			return { rule: 'greedy', tieBreak, threshold };
		case 'equalshares':
		case 'equalshares-comparison':
			return {
				rule: 'mes',
				tieBreak,
				utility: 'cost',
				completion: 'none',
				comparison: rule.endsWith('-comparison')
			};
		case 'equalshares/add1':
		case 'equalshares/add1-comparison':
			return {
				rule: 'mes',
				tieBreak,
				utility: 'cost',
				completion: 'add1',
				integralStart: true,
				exhaustiveStop: false,
				utilitarianCompletion: false,
				comparison: rule.endsWith('-comparison')
			};
		default:
			return {
				unsupported: rule === '' ? 'no rule in META' : `rule "${rule}" is not a standard rule`
			};
	}
}
