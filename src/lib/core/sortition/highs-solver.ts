/**
 * The {@link Solver} backed by the npm `highs` package (HiGHS, Huangfu and Hall 2018, compiled
 * to WebAssembly). The package loads asynchronously; its solves are synchronous. A failed solve
 * throws (it does not return a status), which the engine catches and retries.
 */
import type { LinearModel, SolveOptions, SolveResult, Solver, SolverModel } from './solver';

type HighsModule = typeof import('highs');
type HighsRuntime = Awaited<ReturnType<HighsModule['default']>>;

let runtime: Promise<HighsRuntime> | undefined;

/** Loads HiGHS once and returns a {@link Solver} using it. */
export async function loadHighsSolver(): Promise<Solver> {
	runtime ??= import('highs').then((module) => module.default());
	const highs = await runtime;
	return {
		name: `HiGHS ${highs.version.string}`,
		createModel: (model) => createHighsModel(highs, model)
	};
}

const STATUS: Record<number, SolveResult['status']> = {
	7: 'optimal',
	8: 'infeasible',
	12: 'target-reached',
	13: 'time-limit'
};

function createHighsModel(highs: HighsRuntime, data: LinearModel): SolverModel {
	const starts = [0];
	const indices: number[] = [];
	const values: number[] = [];
	for (const row of data.rows) {
		indices.push(...row.indices);
		values.push(...row.values);
		starts.push(indices.length);
	}
	const numCols = data.cost.length;
	const numRows = data.rows.length;
	const isMip = data.isInteger?.some(Boolean) ?? false;
	const model = highs.createModel({
		numCols,
		numRows,
		sense:
			data.sense === 'maximize'
				? highs.constants.objectiveSense.maximize
				: highs.constants.objectiveSense.minimize,
		colCost: data.cost,
		colLower: data.lower,
		colUpper: data.upper,
		rowLower: data.rows.map((r) => r.lower),
		rowUpper: data.rows.map((r) => r.upper),
		matrix: { format: 'csr', numRows, numCols, starts, indices, values },
		...(isMip ? { integrality: data.isInteger!.map((b) => (b ? 1 : 0)) } : {})
	});
	model.options.set({ output_flag: false });
	let columns = numCols;
	return {
		solve(options: SolveOptions = {}): SolveResult {
			model.options.set({
				// HiGHS rejects non-finite option values, so 'no limit' is a very large number.
				time_limit: options.timeLimit !== undefined ? Math.max(options.timeLimit, 0.01) : 1e30,
				...(isMip
					? { objective_target: options.target ?? (data.sense === 'maximize' ? 1e30 : -1e30) }
					: {
							// Primal simplex (strategy 4) without presolve continues from the last basis
							// after columns are added; with presolve HiGHS starts afresh every time.
							solver: options.algorithm === 'ipm' ? 'ipm' : 'simplex',
							run_crossover:
								options.algorithm === 'ipm' && options.crossover === false ? 'off' : 'on',
							simplex_strategy: 4,
							presolve: 'off',
							// No random perturbation of bounds: the master LP is degenerate and small, and
							// perturbing then cleaning up cost more pivots than it saved (synth_1000_40
							// LEXIMIN 129 s → 103 s, the same probabilities; decision 0004).
							primal_simplex_bound_perturbation_multiplier: 0
						})
			});
			if (isMip && options.start)
				model.setSolution({ indices: options.start.indices, values: options.start.values });
			const onIncumbent = options.onIncumbent;
			if (isMip && onIncumbent)
				model.run({
					[highs.constants.callbackType.mipImprovingSolution](event) {
						const x = event.data.mip_solution;
						if (x) onIncumbent(x);
						return undefined;
					}
				});
			else model.run();
			const code = model.getModelStatus();
			const status = STATUS[code] ?? 'other';
			if (status === 'other' || status === 'infeasible')
				return {
					status,
					objective: Number.NaN,
					x: new Float64Array(columns),
					rowDuals: new Float64Array(numRows)
				};
			const solution = model.getSolution();
			return {
				status,
				objective: model.getObjectiveValue(),
				x: solution.colValue,
				rowDuals: solution.rowDual
			};
		},
		setCosts(cost) {
			model.changeColsCost(
				{ kind: 'range', from: 0, to: cost.length - 1 },
				Float64Array.from(cost)
			);
		},
		addColumn(cost, lower, upper, entries) {
			model.addCol(cost, lower, upper, entries);
			columns++;
		},
		setRowBounds(row, lower, upper) {
			model.changeRowBounds(row, lower, upper);
		},
		setCoefficient(row, column, value) {
			model.changeCoefficient(row, column, value);
		},
		dispose() {
			model.dispose();
		}
	};
}
