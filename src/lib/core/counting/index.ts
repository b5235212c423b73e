/**
 * The counting engine's public face: `count` runs a rule on an Instance and explains every
 * project; `toInstance` and `optionsFromMeta` turn a parsed Pabulib file into a count.
 * Pure TypeScript: no framework, no Node, no clock.
 */
import type { CountOptions, Instance } from './types';
import type { CountResult, Explanation, MoneyFormatter, RuleOutcome } from './explain';
import { explainReason, plainMoney } from './explain';
import { greedy } from './greedy';
import { equalShares } from './equal-shares';
import { phragmen } from './phragmen';

export type * from './types';
export type { CountResult, Explanation, Reason, MoneyFormatter } from './explain';
export { explainReason, plainMoney } from './explain';
export { toInstance, projectVotes, type ScoringFn, type ToInstanceOptions } from './instance';
export { optionsFromMeta, metaForOptions, META_RULES, type FromMetaOverrides } from './from-meta';
export { TIE_BREAKS, compareIds } from './tie-break';

/** Options of {@link count} beyond the rule's: how money is shown in sentences. */
export type CountExtras = { formatMoney?: MoneyFormatter };

/** The rule's name as recorded in results, e.g. `mes/cost/add1`. */
export function ruleName(options: CountOptions): string {
	switch (options.rule) {
		case 'greedy':
			return [
				'greedy',
				options.noSkip ? 'no-skip' : '',
				options.threshold !== undefined ? 'threshold' : ''
			]
				.filter(Boolean)
				.join('-');
		case 'phragmen':
			return 'phragmen';
		case 'mes': {
			const parts = ['mes', options.utility ?? 'cost'];
			if (options.completion === 'add1') parts.push('add1');
			if (options.utilitarianCompletion) parts.push('utilitarian');
			if (options.comparison) parts.push('comparison');
			return parts.join('/');
		}
	}
}

/**
 * Counts an election: winners in selection order, their total cost, and for every project a
 * structured reason and a sentence. The options (including tie-breaking) are recorded in the result.
 */
export function count(
	instance: Instance,
	options: CountOptions,
	extras: CountExtras = {}
): CountResult {
	let outcome: RuleOutcome;
	switch (options.rule) {
		case 'greedy':
			outcome = greedy(instance, {
				tieBreak: options.tieBreak,
				noSkip: options.noSkip ?? false,
				...(options.threshold !== undefined ? { threshold: options.threshold } : {})
			});
			break;
		case 'phragmen':
			outcome = phragmen(instance, { tieBreak: options.tieBreak });
			break;
		case 'mes':
			outcome = equalShares(instance, {
				tieBreak: options.tieBreak,
				utility: options.utility ?? 'cost',
				completion: options.completion ?? 'none',
				integralStart: options.integralStart ?? false,
				exhaustiveStop: options.exhaustiveStop ?? false,
				utilitarianCompletion: options.utilitarianCompletion ?? false,
				comparison: options.comparison ?? false
			});
			break;
		default:
			throw new RangeError(`unknown rule: ${String((options as { rule: unknown }).rule)}`);
	}
	const money = extras.formatMoney ?? plainMoney();
	const chosen = new Set(outcome.selected);
	const explanations: Record<string, Explanation> = {};
	instance.projects.forEach((p, j) => {
		const reason = outcome.reasons[j]!;
		explanations[p.id] = {
			status: chosen.has(j) ? 'funded' : 'not_funded',
			reason,
			sentence: explainReason(reason, money)
		};
	});
	return {
		rule: ruleName(options),
		options,
		tieBreak: options.tieBreak,
		selected: outcome.selected.map((j) => instance.projects[j]!.id),
		totalCost: outcome.selected.reduce((s, j) => s + instance.projects[j]!.cost, 0n),
		explanations
	};
}
