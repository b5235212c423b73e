/**
 * Quotas for a panel: suggested from population shares where the census has them, otherwise
 * from the pool's own shares, and the checks a set of quotas must pass before a selection.
 * The usual rule (Flanigan et al., Nature 2021, Methods) is floor and ceiling of share × k.
 */
import type { Quota } from '../sortition/index';

/** How many volunteers of the pool have each value of each feature. */
export type PoolCounts = Record<string, Record<string, number>>;

/** Population shares by feature and value (each feature's shares sum to about 1). */
export type PopulationShares = Record<string, Record<string, number>>;

/** A suggested quota and where its share came from. */
export type SuggestedQuota = Quota & {
	poolCount: number;
	share: number;
	source: 'census' | 'pool';
};

/** Counts each feature value in the pool, features and values in first-seen order. */
export function countPool(
	categories: readonly string[],
	people: readonly { features: Record<string, string> }[]
): PoolCounts {
	const counts: PoolCounts = {};
	for (const category of categories) counts[category] = {};
	for (const person of people)
		for (const category of categories) {
			const value = person.features[category];
			if (value === undefined) continue;
			counts[category]![value] = (counts[category]![value] ?? 0) + 1;
		}
	return counts;
}

/**
 * Suggests min = floor(share × k) and max = ceil(share × k) for every value in the pool. A
 * feature uses census shares only when the census covers every one of its values in the pool;
 * otherwise the pool's own shares, so one unmatched value never leaves a feature half-sourced.
 * A minimum is never more than the volunteers who have the value.
 */
export function suggestQuotas(options: {
	counts: PoolCounts;
	k: number;
	census?: PopulationShares;
}): SuggestedQuota[] {
	const { counts, k } = options;
	const quotas: SuggestedQuota[] = [];
	for (const [category, values] of Object.entries(counts)) {
		const total = Object.values(values).reduce((a, b) => a + b, 0);
		const census = options.census?.[category];
		const useCensus =
			census !== undefined && Object.keys(values).every((v) => census[v] !== undefined);
		const censusTotal = useCensus ? Object.keys(values).reduce((a, v) => a + census[v]!, 0) : 0;
		for (const [value, poolCount] of Object.entries(values)) {
			const share = useCensus ? census[value]! / (censusTotal || 1) : poolCount / (total || 1);
			const ideal = share * k;
			// Rounding errors must not turn an exact 3.0000001 into a ceiling of 4.
			const rounded = Math.round(ideal);
			const isWhole = Math.abs(ideal - rounded) < 1e-9;
			const min = Math.min(isWhole ? rounded : Math.floor(ideal), poolCount);
			const max = Math.max(isWhole ? rounded : Math.ceil(ideal), min);
			quotas.push({
				category,
				value,
				min,
				max,
				poolCount,
				share,
				source: useCensus ? 'census' : 'pool'
			});
		}
	}
	return quotas;
}

/** A problem with a set of quotas, on the feature (and value) it concerns. */
export type QuotaProblem = { category: string; value?: string; message: string };

/**
 * Checks quotas against the pool and panel size: min ≤ max, a minimum no larger than the
 * volunteers who have the value, and for each feature the minimums add up to at most k and the
 * maximums to at least k. Passing these does not prove a panel exists (features interact); the
 * selection says so when none does.
 */
export function checkQuotas(
	quotas: readonly Quota[],
	counts: PoolCounts,
	k: number
): QuotaProblem[] {
	const problems: QuotaProblem[] = [];
	for (const [category, values] of Object.entries(counts)) {
		let minSum = 0;
		let maxSum = 0;
		for (const value of Object.keys(values)) {
			const quota = quotas.find((q) => q.category === category && q.value === value);
			if (!quota) {
				problems.push({ category, value, message: `${category}: ${value} has no quota.` });
				continue;
			}
			if (quota.min > quota.max)
				problems.push({
					category,
					value,
					message: `${category}: ${value} has a minimum of ${quota.min}, more than its maximum of ${quota.max}.`
				});
			if (quota.min > values[value]!)
				problems.push({
					category,
					value,
					message: `${category}: ${value} has a minimum of ${quota.min}, but only ${values[value]} volunteers have it.`
				});
			minSum += quota.min;
			maxSum += Math.min(quota.max, values[value]!);
		}
		if (minSum > k)
			problems.push({
				category,
				message: `The minimums for ${category} add up to ${minSum}, more than the panel size of ${k}.`
			});
		if (maxSum < k)
			problems.push({
				category,
				message: `The maximums for ${category} (counting only volunteers who are in the pool) add up to ${maxSum}, less than the panel size of ${k}.`
			});
	}
	return problems;
}
