/**
 * Public face of the panel selection engine (stratified sortition for citizens' assemblies).
 * Pure: no framework, no Node, no clock; randomness comes from a seed, the LP/MIP solver is
 * passed in (see {@link loadHighsSolver}).
 */
export type {
	Pool,
	Quota,
	Volunteer,
	PanelProblem,
	PanelDistribution,
	SelectionMethod,
	SelectionProgress
} from './types';
export {
	readPool,
	parseCsv,
	formatProblem,
	type FileProblem,
	type NamedText,
	type PoolReadResult,
	type ReadPoolOptions,
	type CsvRow
} from './pool-csv';
export { buildProblem, panelViolations, type BuildProblemOptions } from './problem';
export { createRandom, type Random } from './random';
export { sha256Hex, sha256Bytes } from './sha256';
export type {
	Solver,
	SolverModel,
	LinearModel,
	LinearRow,
	SolveOptions,
	SolveResult
} from './solver';
export { loadHighsSolver } from './highs-solver';
export {
	createPanelOracle,
	improvePanel,
	panelValue,
	type PanelOracle,
	type WeightedPanel
} from './oracle';
export {
	findFairDistribution,
	probabilitiesOf,
	InfeasibleQuotasError,
	DeadlineError,
	type FairDistributionOptions,
	type FairDistributionResult
} from './leximin';
export { legacyPanel, legacyDistribution } from './legacy';
export {
	roundToLottery,
	drawTicket,
	hexModulo,
	panelOfTicket,
	lotteryProbabilities,
	type Lottery,
	type LotteryPanel
} from './lottery';
export {
	formatLotteryCsv,
	readLotteryCsv,
	membersOfTicket,
	drawFromPublishedLottery,
	type PublishedLottery,
	type LotteryReadResult
} from './lottery-file';
export { suggestRelaxation, type RelaxationSuggestion, type QuotaChange } from './relaxation';
export {
	selectPanel,
	hashInputs,
	type SelectPanelOptions,
	type SelectPanelResult,
	type PanelSelection,
	type InfeasibleSelection,
	type VolunteerProbability,
	type RerunRecord
} from './select-panel';
