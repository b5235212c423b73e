/** Queries the voting use cases and pages share: the process with its place, and its ballot. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { DomainError } from '../../platform/errors';
import { platformPlaces } from '../../platform/schema';
import { currentPhase, type Phase } from '../../../core/budgeting/phases';
import type { BallotProject, BallotRules } from '../../../core/budgeting/ballot';
import {
	budgetingCodeBatches,
	budgetingProcesses,
	budgetingProjects,
	budgetingVotingCodes
} from '../schema';
import { hashCode } from './codes';

/** A process as the voting pages need it, with the path of its place for permission checks. */
export type VotingProcess = typeof budgetingProcesses.$inferSelect & {
	place: { id: string; path: string; name: string };
};

/** The process with its place: every ballot page and every ballot reads it. */
const votingProcessQuery = preparedQuery((db) =>
	db
		.select({
			process: budgetingProcesses,
			place: { id: platformPlaces.id, path: platformPlaces.path, name: platformPlaces.name }
		})
		.from(budgetingProcesses)
		.innerJoin(platformPlaces, eq(platformPlaces.id, budgetingProcesses.placeId))
		.where(eq(budgetingProcesses.id, sql.placeholder('id')))
		.prepare('budgeting_voting_process')
);

/** Loads a process and its place, or throws `not_found`. */
export async function requireVotingProcess(db: Executor, id: string): Promise<VotingProcess> {
	const [row] = await votingProcessQuery(db).execute({ id });
	if (!row) throw new DomainError('not_found', 'There is no such budget.');
	return { ...row.process, place: row.place };
}

/** A project on the ballot, for the ballot page. */
export type BallotPageProject = BallotProject & {
	number: number;
	description: string;
	feasibilityNote: string | null;
};

const ballotProjectsQuery = preparedQuery((db) =>
	db
		.select({
			id: budgetingProjects.id,
			number: budgetingProjects.number,
			title: budgetingProjects.title,
			description: budgetingProjects.description,
			costPence: budgetingProjects.costPence,
			feasibilityNote: budgetingProjects.feasibilityNote
		})
		.from(budgetingProjects)
		.where(
			and(
				eq(budgetingProjects.processId, sql.placeholder('processId')),
				eq(budgetingProjects.status, 'on_ballot')
			)
		)
		.orderBy(asc(budgetingProjects.number))
		.prepare('budgeting_ballot_projects')
);

/** The projects on a process's ballot, in ballot order. */
export async function listBallotProjects(
	db: Executor,
	processId: string
): Promise<BallotPageProject[]> {
	return ballotProjectsQuery(db).execute({ processId });
}

/** The ballot rules of a process. */
export function rulesOf(process: typeof budgetingProcesses.$inferSelect): BallotRules {
	return {
		ballotType: process.ballotType,
		budgetPence: process.budgetPence,
		maxChoices: process.maxChoices,
		minProjects: process.minProjects,
		maxProjects: process.maxProjects,
		totalPoints: process.totalPoints,
		maxPointsPerProject: process.maxPointsPerProject
	};
}

/** The phase of a process now, and whether it takes ballots. */
export function votingState(
	process: typeof budgetingProcesses.$inferSelect,
	now: Date
): { phase: Phase; isOpen: boolean } {
	const phase = currentPhase(process, now);
	const isOpen = process.status === 'published' && !process.importedFrom && phase === 'voting';
	return { phase, isOpen };
}

/** Throws `phase_closed` unless the process takes ballots now. */
export function requireVotingOpen(process: typeof budgetingProcesses.$inferSelect, now: Date) {
	if (process.status !== 'published' || process.importedFrom)
		throw new DomainError('not_found', 'There is no such budget.');
	const { phase, isOpen } = votingState(process, now);
	if (isOpen) return;
	throw new DomainError(
		'phase_closed',
		phase === 'draft' || phase === 'ideas' || phase === 'review'
			? 'Voting has not opened yet.'
			: 'Voting has closed.'
	);
}

/** A voting code as the roll needs it: its id, whether it was cancelled, its batch's place. */
export type FoundVotingCode = { id: string; isCancelled: boolean; placeId: string | null };

const votingCodeQuery = preparedQuery((db) =>
	db
		.select({
			id: budgetingVotingCodes.id,
			isCancelled: budgetingVotingCodes.isCancelled,
			placeId: budgetingCodeBatches.placeId
		})
		.from(budgetingVotingCodes)
		.innerJoin(budgetingCodeBatches, eq(budgetingCodeBatches.id, budgetingVotingCodes.batchId))
		.where(
			and(
				eq(budgetingVotingCodes.processId, sql.placeholder('processId')),
				eq(budgetingVotingCodes.codeHash, sql.placeholder('codeHash'))
			)
		)
		.prepare('budgeting_voting_code')
);

/** Finds a process's voting code by its normalised text (compared by hash), or undefined. */
export async function findVotingCode(
	db: Executor,
	processId: string,
	normalised: string
): Promise<FoundVotingCode | undefined> {
	const [code] = await votingCodeQuery(db).execute({ processId, codeHash: hashCode(normalised) });
	return code;
}
