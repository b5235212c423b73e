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
