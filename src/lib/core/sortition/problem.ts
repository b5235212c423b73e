/**
 * Compiles a {@link Pool} and a panel size into the numbered form the solvers use, and checks a
 * panel against the quotas.
 */
import type { PanelProblem, Pool } from './types';

/** Options of {@link buildProblem}. */
export type BuildProblemOptions = {
	/** Enforce at most one member per household (volunteers' `household` keys). */
	isOnePerHousehold?: boolean;
};

/**
 * Numbers the volunteers and quotas of `pool` for a panel of `k`. Throws a RangeError when k is
 * not a whole number between 1 and the pool size (callers validate user input before this).
 */
export function buildProblem(
	pool: Pool,
	k: number,
	options: BuildProblemOptions = {}
): PanelProblem {
	const n = pool.people.length;
	if (!Number.isInteger(k) || k < 1 || k > n)
		throw new RangeError(`the panel size must be a whole number from 1 to ${n}, got ${k}`);
	const quotaIndex = new Map<string, number>();
	pool.quotas.forEach((q, index) => quotaIndex.set(`${q.category}\u0000${q.value}`, index));
	const memberQuotas = pool.people.map((person) =>
		pool.categories.map((category) => {
			const index = quotaIndex.get(`${category}\u0000${person.features[category]}`);
			if (index === undefined)
				throw new RangeError(`volunteer ${person.id} has no quota for ${category}`);
			return index;
		})
	);
	const householdOf = new Array<number>(n).fill(-1);
	const households: number[][] = [];
	if (options.isOnePerHousehold) {
		const groups = new Map<string, number[]>();
		pool.people.forEach((person, i) => {
			if (person.household === undefined) return;
			const group = groups.get(person.household);
			if (group) group.push(i);
			else groups.set(person.household, [i]);
		});
		for (const group of groups.values()) {
			if (group.length < 2) continue;
			for (const i of group) householdOf[i] = households.length;
			households.push(group);
		}
	}
	return {
		n,
		k,
		quotaMin: pool.quotas.map((q) => q.min),
		quotaMax: pool.quotas.map((q) => q.max),
		memberQuotas,
		households,
		householdOf
	};
}

/** Lists the ways `panel` (volunteer indices) breaks the problem's rules; empty when it is valid. */
export function panelViolations(problem: PanelProblem, panel: readonly number[]): string[] {
	const problems: string[] = [];
	const members = new Set(panel);
	if (members.size !== panel.length) problems.push('a volunteer is chosen twice');
	if (panel.length !== problem.k)
		problems.push(`the panel has ${panel.length} members instead of ${problem.k}`);
	const counts = new Array<number>(problem.quotaMin.length).fill(0);
	for (const i of members) for (const q of problem.memberQuotas[i] ?? []) counts[q]!++;
	counts.forEach((count, q) => {
		if (count < problem.quotaMin[q]! || count > problem.quotaMax[q]!)
			problems.push(
				`quota ${q}: ${count} members, allowed ${problem.quotaMin[q]}–${problem.quotaMax[q]}`
			);
	});
	const seenHouseholds = new Set<number>();
	for (const i of members) {
		const h = problem.householdOf[i]!;
		if (h < 0) continue;
		if (seenHouseholds.has(h)) problems.push(`two members of household ${h}`);
		seenHouseholds.add(h);
	}
	return problems;
}
