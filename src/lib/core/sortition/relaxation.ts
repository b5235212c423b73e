/**
 * Quota relaxation: when no panel meets every quota, find the smallest total change to the
 * minimums and maximums that makes one possible. A 0/1 programme like the panel oracle's
 * (Flanigan et al., Nature 2021, Methods) with an integer slack on each side of each quota,
 * minimising the sum of slacks; `min_flex`/`max_flex` bound how far each quota may move.
 */
import { panelConstraintRows } from './oracle';
import type { LinearRow, Solver } from './solver';
import type { PanelProblem, Pool } from './types';

/** One suggested change of a quota. */
export type QuotaChange = {
	category: string;
	value: string;
	min: number;
	max: number;
	newMin: number;
	newMax: number;
};

/** The smallest relaxation found, or why there is none. */
export type RelaxationSuggestion =
	| { isPossible: true; totalChange: number; changes: QuotaChange[] }
	| { isPossible: false; reason: string };

/** Suggests the smallest quota changes (in total number of places) that make a panel possible. */
export function suggestRelaxation(
	pool: Pool,
	problem: PanelProblem,
	solver: Solver
): RelaxationSuggestion {
	const { n } = problem;
	const q = problem.quotaMin.length;
	// Columns: x_0..x_{n-1}, then lower slack s_j = n + j, then upper slack t_j = n + q + j.
	const base = panelConstraintRows(problem);
	const rows: LinearRow[] = [base[0]!];
	for (let j = 0; j < q; j++) {
		const quotaRow = base[1 + j]!;
		rows.push({
			lower: problem.quotaMin[j]!,
			upper: Number.POSITIVE_INFINITY,
			indices: [...quotaRow.indices, n + j],
			values: [...quotaRow.values, 1]
		});
		rows.push({
			lower: Number.NEGATIVE_INFINITY,
			upper: problem.quotaMax[j]!,
			indices: [...quotaRow.indices, n + q + j],
			values: [...quotaRow.values, -1]
		});
	}
	rows.push(...base.slice(1 + q));
	const lowerSlackCap = pool.quotas.map((quota) => quota.min - (quota.minFlex ?? 0));
	const upperSlackCap = pool.quotas.map((quota) => (quota.maxFlex ?? problem.k) - quota.max);
	const columns = n + 2 * q;
	const model = solver.createModel({
		sense: 'minimize',
		cost: Array.from({ length: columns }, (_, c) => (c < n ? 0 : 1)),
		lower: new Array<number>(columns).fill(0),
		upper: Array.from({ length: columns }, (_, c) =>
			c < n ? 1 : c < n + q ? lowerSlackCap[c - n]! : Math.max(0, upperSlackCap[c - n - q]!)
		),
		isInteger: new Array<boolean>(columns).fill(true),
		rows
	});
	try {
		let result;
		try {
			result = model.solve();
		} catch {
			result = model.solve();
		}
		if (result.status === 'infeasible')
			return {
				isPossible: false,
				reason:
					'no panel is possible even with every quota relaxed as far as its flexible limits allow (check the panel size against the pool and households)'
			};
		if (result.status !== 'optimal')
			return { isPossible: false, reason: `the solver stopped early (${result.status})` };
		const changes: QuotaChange[] = [];
		pool.quotas.forEach((quota, j) => {
			const down = Math.round(result.x[n + j]!);
			const up = Math.round(result.x[n + q + j]!);
			if (down > 0 || up > 0)
				changes.push({
					category: quota.category,
					value: quota.value,
					min: quota.min,
					max: quota.max,
					newMin: quota.min - down,
					newMax: quota.max + up
				});
		});
		return {
			isPossible: true,
			totalChange: changes.reduce((sum, c) => sum + (c.min - c.newMin) + (c.newMax - c.max), 0),
			changes
		};
	} finally {
		model.dispose();
	}
}
