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

// Ideas and review.
// Processes: set up, change, publish, move phase; read them.
export { createProcess } from './processes/create-process';
export { updateProcess } from './processes/update-process';
export { publishProcess } from './processes/publish-process';
export { movePhase, datesAfterMove } from './processes/move-phase';
export {
	canSeeDrafts,
	getProcess,
	listProcesses,
	requireProcess,
	type Process,
	type ProcessDetail,
	type ProcessFilters,
	type ProcessPlace,
	type ProcessSummary
} from './processes/queries';
export {
	createProcessSchema,
	movablePhases,
	phasesMovableFrom,
	movePhaseSchema,
	phaseDateFields,
	updateProcessSchema,
	withPhaseDates,
	type CreateProcessInput,
	type MovablePhase,
	type MovePhaseInput,
	type UpdateProcessInput
} from './processes/validation';
export { previousDay, ukDay, ukMidnight } from './processes/dates';
export { formatPence, parsePounds, penceToPoundsText } from '../../core/budgeting/money';
// Ideas: submit, moderate, support; review: cost into projects, merge, reject, ballot.
export { submitIdea } from './ideas/submit-idea';
export { moderateIdea } from './ideas/moderate-idea';
export { toggleSupport } from './ideas/toggle-support';
export { createProject } from './ideas/create-project';
export { updateProject } from './ideas/update-project';
export { rejectIdea } from './ideas/reject-idea';
export { putProjectOnBallot, withdrawProject } from './ideas/set-project-on-ballot';
export {
	getIdea,
	getIdeaPhoto,
	getReviewBoard,
	listHiddenIdeas,
	listIdeaPlaces,
	listIdeas,
	listIdeasToModerate,
	listPublicProjects,
	publicIdeaStatuses,
	requireIdeaInProcess,
	type HiddenIdea,
	type IdeaDetail,
	type IdeaPhoto,
	type IdeaSummary,
	type ProjectView,
	type PublicProjects
} from './ideas/queries';
export {
	createProjectSchema,
	maxIdeaPhotoBytes,
	moderateIdeaSchema,
	readUpload,
	rejectIdeaSchema,
	submitIdeaSchema,
	updateProjectSchema,
	withdrawProjectSchema,
	type CreateProjectInput,
	type IdeaPhotoUpload,
	type ModerateIdeaInput,
	type RejectIdeaInput,
	type SubmitIdeaInput,
	type UpdateProjectInput,
	type WithdrawProjectInput
} from './ideas/validation';
// Results and open data.
export { closeVoting } from './results/close-voting';
export { countProcess, type CountReport } from './results/count-process';
export { getResults, turnoutOf, type ProcessResults, type Turnout } from './results/get-results';
export { getCountStatus, type CountStatus } from './results/get-count-status';
export { retryFailedCount } from './results/retry-count';
export { previewRules, type ComparisonRow, type RuleComparison } from './results/preview-rules';
export { queueCountIfDue } from './results/queue-count';
export { type ResultOutcome, type ResultProject } from './results/outcome';
export { exportProcessPb } from './pabulib/export-process';
export { recountFlags } from './pabulib/to-election';
export { importProcessPb, type ImportReport } from './pabulib/import-process';
// Voting.
export { castBallot, type CastBallotInput } from './voting/cast-ballot';
export { enterPaperBallot } from './voting/enter-paper-ballot';
export { checkReceipt, type ReceiptCheck } from './voting/check-receipt';
export { shuffleBallotBox } from './voting/shuffle-ballot-box';
export { createCodeBatch } from './voting/create-code-batch';
export { issueBatchCodes } from './voting/issue-batch-codes';
export { cancelCodeBatch } from './voting/cancel-code-batch';
export { getCodeBatch, listCodeBatches, type CodeBatchSummary } from './voting/list-code-batches';
export { getBallotPage, type BallotPage } from './voting/ballot-page';
export type { BallotPageProject, VotingProcess } from './voting/queries';
export { alreadyVotedMessage } from './voting/ballot-box';
export { formatCode, votingCodeLength, receiptCodeLength } from './voting/codes';
export {
	createCodeBatchSchema,
	readBallotForm,
	type BallotFormExtras,
	type CreateCodeBatchInput
} from './voting/validation';
export {
	checkBallot,
	describeRules,
	type BallotProblem,
	type BallotRules,
	type SubmittedBallot
} from '../../core/budgeting/ballot';
