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
	formatPence,
	type BallotProblem,
	type BallotRules,
	type SubmittedBallot
} from '../../core/budgeting/ballot';
