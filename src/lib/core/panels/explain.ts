/**
 * Why some volunteers are less likely to be selected than others. Under LEXIMIN everyone's
 * chance is as equal as the quotas allow; a volunteer's chance falls when a value they have is
 * more common in the pool than the quotas let it be on the panel (say 70% of volunteers own their
 * home but at most 50% of the panel may). The ratio of the two shares says how crowded the value
 * is; the explanation lists a volunteer's values from the most crowded down.
 */
import type { Quota } from '../sortition/index';
import type { PoolCounts } from './quotas';

/** One of a volunteer's values that is over-represented in the pool. */
export type CrowdedValue = {
	category: string;
	value: string;
	/** Share of the pool having the value. */
	poolShare: number;
	/** Largest share of the panel the quota allows. */
	panelShare: number;
};

/** A volunteer with their chance and why it is low. */
export type ProbabilityExplanation = {
	number: number;
	probability: number;
	crowded: CrowdedValue[];
};

/**
 * The `limit` volunteers least likely to be selected, lowest first (ties by number), each with
 * the feature values they have that the pool over-represents relative to the quotas.
 */
export function explainLeastLikely(options: {
	people: readonly { number: number; features: Record<string, string> }[];
	probabilities: ReadonlyMap<number, number>;
	quotas: readonly Quota[];
	counts: PoolCounts;
	k: number;
	limit: number;
}): ProbabilityExplanation[] {
	const { people, probabilities, quotas, counts, k } = options;
	const n = people.length;
	const crowdedOf = (features: Record<string, string>): CrowdedValue[] =>
		Object.entries(features)
			.map(([category, value]) => {
				const quota = quotas.find((q) => q.category === category && q.value === value);
				const poolShare = (counts[category]?.[value] ?? 0) / (n || 1);
				const panelShare = quota ? quota.max / k : 1;
				return { category, value, poolShare, panelShare };
			})
			.filter((c) => c.poolShare > c.panelShare + 1e-9)
			.sort((a, b) => b.poolShare / b.panelShare - a.poolShare / a.panelShare);
	return [...people]
		.sort(
			(a, b) =>
				(probabilities.get(a.number) ?? 0) - (probabilities.get(b.number) ?? 0) ||
				a.number - b.number
		)
		.slice(0, options.limit)
		.map((p) => ({
			number: p.number,
			probability: probabilities.get(p.number) ?? 0,
			crowded: crowdedOf(p.features)
		}));
}
