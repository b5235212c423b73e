/**
 * The small linear-programming interface the selection engine needs. The engine never imports a
 * solver directly: callers pass a {@link Solver} (see `highs-solver.ts` for the HiGHS one), so
 * tests and other runtimes can supply their own and the core stays framework-free.
 */

/** One constraint row: lower ≤ Σ values[j]·x[indices[j]] ≤ upper (±Infinity for none). */
export type LinearRow = { lower: number; upper: number; indices: number[]; values: number[] };

/** A linear or mixed-integer programme. */
export type LinearModel = {
	sense: 'minimize' | 'maximize';
	cost: number[];
	lower: number[];
	upper: number[];
	/** Marks integer columns; omitted for a pure LP. */
	isInteger?: boolean[];
	rows: LinearRow[];
};

/** Outcome of one solve. Duals are only meaningful for an LP. */
export type SolveResult = {
	status: 'optimal' | 'infeasible' | 'target-reached' | 'time-limit' | 'other';
	objective: number;
	x: Float64Array;
	rowDuals: Float64Array;
};

/** Options of one solve. */
export type SolveOptions = {
	/** Seconds the solve may take. */
	timeLimit?: number;
	/** For a maximising MIP: stop as soon as a solution this good is found. */
	target?: number;
	/** LP algorithm; 'simplex' warm-starts from the last basis. */
	algorithm?: 'simplex' | 'ipm';
	/**
	 * With 'ipm': false skips crossover, so the solution is an interior (maximally complementary)
	 * optimum rather than a basic one. Default true.
	 */
	crossover?: boolean;
	/** A starting solution for a MIP (values of the listed columns). */
	start?: { indices: number[]; values: number[] };
	/** For a MIP: called with each new incumbent found during the solve (column values). */
	onIncumbent?: (x: Float64Array) => void;
};

/**
 * A model kept in the solver between solves, so that column generation can add columns and change
 * costs without rebuilding, and warm-start from the previous basis. A solve that fails inside the
 * solver throws; callers catch and retry.
 */
export type SolverModel = {
	solve(options?: SolveOptions): SolveResult;
	setCosts(cost: ArrayLike<number>): void;
	addColumn(
		cost: number,
		lower: number,
		upper: number,
		entries: { indices: number[]; values: number[] }
	): void;
	setRowBounds(row: number, lower: number, upper: number): void;
	setCoefficient(row: number, column: number, value: number): void;
	dispose(): void;
};

/** A factory of persistent models. */
export type Solver = {
	name: string;
	createModel(model: LinearModel): SolverModel;
};
