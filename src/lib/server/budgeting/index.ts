/**
 * The budgeting module's public face: participatory budgeting from ideas to ballots to fair,
 * explained results, with Pabulib export and import. Routes import from here only.
 */
export {
	ballotTypes,
	countingRules,
	ideaStatuses,
	participationChannels,
	processStatuses,
	projectStatuses,
	type BallotType,
	type CountingRule,
	type IdeaStatus,
	type ParticipationChannel,
	type ProcessStatus,
	type ProjectStatus,
	type StoredBallot
} from './schema';
export { currentPhase, isVotingOpen, phases, type Phase } from '../../core/budgeting/phases';

// Results and open data.
export { closeVoting } from './results/close-voting';
export { countProcess, type CountReport } from './results/count-process';
export { getResults, turnoutOf, type ProcessResults, type Turnout } from './results/get-results';
export { getCountStatus, type CountStatus } from './results/get-count-status';
export { retryFailedCount } from './results/retry-count';
export { previewRules, type ComparisonRow, type RuleComparison } from './results/preview-rules';
export { queueCountIfDue } from './results/queue-count';
export { formatPence, type ResultOutcome, type ResultProject } from './results/outcome';
export { exportProcessPb } from './pabulib/export-process';
export { recountFlags } from './pabulib/to-election';
export { importProcessPb, type ImportReport } from './pabulib/import-process';
