/**
 * The panel oracle (Flanigan et al., Nature 2021, Methods, "Column generation"): among all panels
 * of exactly k volunteers meeting every quota (and, optionally, at most one per household), find
 * one of largest total weight. It is a 0/1 programme solved with a MIP solver; every selection
 * method calls it. A fast local search ({@link improvePanel}) answers most calls first, so the MIP
 * is only needed to find what the search misses and to prove that nothing better exists.
 */
import type { LinearRow, Solver, SolverModel } from './solver';
import type { PanelProblem } from './types';

/** A panel (sorted volunteer indices) and its total weight. */
export type WeightedPanel = { panel: number[]; value: number };

/** Options of {@link PanelOracle.best}. */
export type OracleQueryOptions = {
	/** Stop as soon as a panel worth at least this much is found (it may then not be the best). */
	target?: number;
	/** A known feasible panel, to give the MIP a head start. */
	start?: number[];
	/** Seconds the MIP may take. */
	timeLimit?: number;
	/** Also return the other panels the MIP found on the way to its answer (`incumbents`). */
	collectIncumbents?: boolean;
};

/** Options of {@link createPanelOracle}. */
export type PanelOracleOptions = {
	/**
	 * A partition of the volunteers into groups of interchangeable ones (same quotas, no household
	 * rule). The MIP then has one whole-number variable per group (how many of it are chosen), which
	 * removes the symmetry between members; queries must give every member of a group the same
	 * weight, and panels take the first members of each group.
	 */
	groups?: readonly (readonly number[])[];
};

/** A persistent MIP model of the panel constraints; only the objective changes between calls. */
export type PanelOracle = {
	/**
	 * The feasible panel of largest weight, or `undefined` when no panel meets the quotas. With a
	 * `target` or a time limit, `isOptimal` tells whether the answer is proven best.
	 */
	best(
		weights: ArrayLike<number>,
		options?: OracleQueryOptions
	): (WeightedPanel & { isOptimal: boolean; incumbents?: number[][] }) | undefined;
	/** Number of MIP solves so far. */
	readonly calls: number;
	dispose(): void;
};

/** The 0/1 programme of the panel constraints: x_i = 1 when volunteer i is chosen. */
export function panelConstraintRows(problem: PanelProblem): LinearRow[] {
	const { n, k } = problem;
	const all = Array.from({ length: n }, (_, i) => i);
	const rows: LinearRow[] = [{ lower: k, upper: k, indices: all, values: all.map(() => 1) }];
	const byQuota: number[][] = problem.quotaMin.map(() => []);
	problem.memberQuotas.forEach((quotas, i) => quotas.forEach((q) => byQuota[q]!.push(i)));
	byQuota.forEach((members, q) =>
		rows.push({
			lower: problem.quotaMin[q]!,
			upper: problem.quotaMax[q]!,
			indices: members,
			values: members.map(() => 1)
		})
	);
	for (const group of problem.households)
		rows.push({ lower: 0, upper: 1, indices: [...group], values: group.map(() => 1) });
	return rows;
}

/** Builds the oracle's MIP once; each query only changes the objective. */
export function createPanelOracle(
	problem: PanelProblem,
	solver: Solver,
	oracleOptions: PanelOracleOptions = {}
): PanelOracle {
	const groups = oracleOptions.groups ?? Array.from({ length: problem.n }, (_, i) => [i]);
	const groupOf = new Int32Array(problem.n);
	groups.forEach((members, g) => members.forEach((i) => (groupOf[i] = g)));
	const G = groups.length;
	const groupRows = (): LinearRow[] =>
		panelConstraintRows(problem).map((row) => {
			// Members of a group share every row, so a row's groups are those of its members.
			const seen = new Set<number>();
			for (const i of row.indices) seen.add(groupOf[i]!);
			const indices = [...seen].sort((a, b) => a - b);
			return { lower: row.lower, upper: row.upper, indices, values: indices.map(() => 1) };
		});
	const build = (): SolverModel =>
		solver.createModel({
			sense: 'maximize',
			cost: new Array<number>(G).fill(0),
			lower: new Array<number>(G).fill(0),
			upper: groups.map((members) => members.length),
			isInteger: new Array<boolean>(G).fill(true),
			rows: oracleOptions.groups ? groupRows() : panelConstraintRows(problem)
		});
	let model = build();
	let calls = 0;
	const counts = (panel: readonly number[]) => {
		const c = new Map<number, number>();
		for (const i of panel) c.set(groupOf[i]!, (c.get(groupOf[i]!) ?? 0) + 1);
		const indices = [...c.keys()].sort((a, b) => a - b);
		return { indices, values: indices.map((g) => c.get(g)!) };
	};
	const toPanel = (x: ArrayLike<number>): number[] => {
		const panel: number[] = [];
		for (let g = 0; g < G; g++) {
			const c = Math.round(x[g]!);
			const members = groups[g]!;
			for (let j = 0; j < c && j < members.length; j++) panel.push(members[j]!);
		}
		return panel.sort((a, b) => a - b);
	};
	const solveOnce = (
		weights: ArrayLike<number>,
		options: OracleQueryOptions,
		incumbents: Float64Array[]
	) => {
		model.setCosts(groups.map((members) => weights[members[0]!]!));
		return model.solve({
			...(options.target !== undefined ? { target: options.target } : {}),
			...(options.timeLimit !== undefined ? { timeLimit: options.timeLimit } : {}),
			...(options.start ? { start: counts(options.start) } : {}),
			...(options.collectIncumbents ? { onIncumbent: (x) => incumbents.push(x.slice()) } : {})
		});
	};
	return {
		best(weights, options = {}) {
			calls++;
			let result;
			let incumbents: Float64Array[] = [];
			try {
				result = solveOnce(weights, options, incumbents);
			} catch {
				// HiGHS throws on an internal failure; a fresh model without the start usually succeeds.
				model.dispose();
				model = build();
				incumbents = [];
				result = solveOnce(weights, { ...options, start: undefined }, incumbents);
			}
			if (result.status === 'infeasible') return undefined;
			if (result.status === 'other') throw new Error('the MIP solver gave no panel');
			const panel = toPanel(result.x);
			if (panel.length !== problem.k) {
				if (result.status === 'time-limit')
					throw new Error('the MIP solver ran out of time before finding a panel');
				throw new Error(`the MIP solver returned ${panel.length} members instead of ${problem.k}`);
			}
			const found = {
				panel,
				value: panelValue(panel, weights),
				isOptimal: result.status === 'optimal'
			};
			if (!options.collectIncumbents) return found;
			const others = incumbents.map(toPanel).filter((p) => p.length === problem.k);
			return { ...found, incumbents: others };
		},
		get calls() {
			return calls;
		},
		dispose() {
			model.dispose();
		}
	};
}

/** Total weight of a panel. */
export function panelValue(panel: readonly number[], weights: ArrayLike<number>): number {
	let sum = 0;
	for (const i of panel) sum += weights[i]!;
	return sum;
}

/**
 * Local search for the oracle: starting from a feasible panel, repeatedly swap a member for a
 * heavier non-member while every quota (and household rule) still holds. Cheap, so column
 * generation tries it before the MIP; it returns a feasible panel at least as heavy as `start`.
 */
export function improvePanel(
	problem: PanelProblem,
	start: readonly number[],
	weights: ArrayLike<number>
): number[] {
	const { n, memberQuotas, quotaMin, quotaMax, householdOf } = problem;
	const isMember = new Uint8Array(n);
	const counts = new Int32Array(quotaMin.length);
	const householdCount = new Int32Array(problem.households.length);
	const members = [...start];
	for (const i of members) {
		isMember[i] = 1;
		for (const q of memberQuotas[i]!) counts[q]!++;
		if (householdOf[i]! >= 0) householdCount[householdOf[i]!]!++;
	}
	const outsiders = Array.from({ length: n }, (_, i) => i)
		.filter((i) => weights[i]! > 0)
		.sort((a, b) => weights[b]! - weights[a]!);
	const canSwap = (out: number, into: number): boolean => {
		const qOut = memberQuotas[out]!;
		const qIn = memberQuotas[into]!;
		for (let c = 0; c < qOut.length; c++) {
			const a = qOut[c]!;
			const b = qIn[c]!;
			if (a === b) continue;
			if (counts[a]! - 1 < quotaMin[a]! || counts[b]! + 1 > quotaMax[b]!) return false;
		}
		const h = householdOf[into]!;
		return h < 0 || householdCount[h] === 0 || (householdCount[h] === 1 && householdOf[out] === h);
	};
	for (let round = 0; round < 4 * n; round++) {
		members.sort((a, b) => weights[a]! - weights[b]!);
		let swapped = false;
		for (let m = 0; m < members.length && !swapped; m++) {
			const out = members[m]!;
			for (const into of outsiders) {
				if (weights[into]! <= weights[out]! + 1e-12) break;
				if (isMember[into] || !canSwap(out, into)) continue;
				for (const q of memberQuotas[out]!) counts[q]!--;
				for (const q of memberQuotas[into]!) counts[q]!++;
				if (householdOf[out]! >= 0) householdCount[householdOf[out]!]!--;
				if (householdOf[into]! >= 0) householdCount[householdOf[into]!]!++;
				isMember[out] = 0;
				isMember[into] = 1;
				members[m] = into;
				swapped = true;
				break;
			}
		}
		if (!swapped) break;
	}
	return members.sort((a, b) => a - b);
}
