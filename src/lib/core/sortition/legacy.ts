/**
 * LEGACY, the greedy selection used before the fair algorithms (described in Flanigan et al.,
 * Nature 2021, "The LEGACY algorithm"): volunteers are added one at a time; each step takes the
 * category value whose unmet minimum is most urgent (most places still needed per volunteer still
 * available) and picks a random available volunteer with it, then removes everyone who would break
 * a maximum. It meets the quotas but leaves some volunteers with almost no chance; it is here for
 * comparison only.
 */
import type { Random } from './random';
import type { PanelDistribution, PanelProblem } from './types';

/** One LEGACY panel, or `undefined` when `attempts` greedy runs all hit a dead end. */
export function legacyPanel(
	problem: PanelProblem,
	random: Random,
	attempts = 100
): number[] | undefined {
	for (let attempt = 0; attempt < attempts; attempt++) {
		const panel = legacyAttempt(problem, random);
		if (panel) return panel.sort((a, b) => a - b);
	}
	return undefined;
}

function legacyAttempt(problem: PanelProblem, random: Random): number[] | undefined {
	const { n, k, quotaMin, quotaMax, memberQuotas, householdOf } = problem;
	const isAvailable = new Uint8Array(n).fill(1);
	const counts = new Int32Array(quotaMin.length);
	const available = new Int32Array(quotaMin.length);
	for (let i = 0; i < n; i++) for (const q of memberQuotas[i]!) available[q]!++;
	const panel: number[] = [];
	const remove = (i: number) => {
		if (!isAvailable[i]) return;
		isAvailable[i] = 0;
		for (const q of memberQuotas[i]!) available[q]!--;
	};
	while (panel.length < k) {
		let urgent = -1;
		let urgency = 0;
		for (let q = 0; q < quotaMin.length; q++) {
			const needed = quotaMin[q]! - counts[q]!;
			if (needed <= 0) continue;
			if (available[q] === 0) return undefined;
			const ratio = needed / available[q]!;
			if (ratio > urgency) {
				urgency = ratio;
				urgent = q;
			}
		}
		const candidates: number[] = [];
		for (let i = 0; i < n; i++)
			if (isAvailable[i] && (urgent < 0 || memberQuotas[i]!.includes(urgent))) candidates.push(i);
		if (candidates.length === 0) return undefined;
		const chosen = candidates[random.int(candidates.length)]!;
		panel.push(chosen);
		remove(chosen);
		for (const q of memberQuotas[chosen]!) counts[q]!++;
		const h = householdOf[chosen]!;
		if (h >= 0) for (const j of problem.households[h]!) remove(j);
		for (let i = 0; i < n; i++)
			if (isAvailable[i] && memberQuotas[i]!.some((q) => counts[q]! >= quotaMax[q]!)) remove(i);
	}
	for (let q = 0; q < quotaMin.length; q++) if (counts[q]! < quotaMin[q]!) return undefined;
	return panel;
}

/**
 * The LEGACY lottery: `size` independent greedy panels, each one ticket. The share of tickets
 * naming a volunteer estimates LEGACY's selection probability.
 */
export function legacyDistribution(
	problem: PanelProblem,
	random: Random,
	size: number
): PanelDistribution | undefined {
	const counts = new Map<string, { panel: number[]; count: number }>();
	for (let t = 0; t < size; t++) {
		const panel = legacyPanel(problem, random);
		if (!panel) return undefined;
		const key = panel.join(',');
		const entry = counts.get(key);
		if (entry) entry.count++;
		else counts.set(key, { panel, count: 1 });
	}
	const entries = [...counts.values()];
	return { panels: entries.map((e) => e.panel), weights: entries.map((e) => e.count / size) };
}
