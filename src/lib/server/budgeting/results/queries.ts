/**
 * Reads shared by the results use cases: a process with its place, its projects on the ballot,
 * its ballots (what was voted, never who), and its official result.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { platformPlaces } from '../../platform/schema';
import {
	budgetingBallots,
	budgetingProcesses,
	budgetingProjects,
	budgetingResults,
	type StoredBallot
} from '../schema';
import type { ResultOutcome } from './outcome';

/** A process row. */
export type ProcessRow = typeof budgetingProcesses.$inferSelect;

/** A process with the path and name of its place, for permission checks and pages. */
export type ProcessWithPlace = { process: ProcessRow; placePath: string; placeName: string };

/** Loads a process with its place, or throws `not_found`. */
export async function requireResultsProcess(
	db: Executor,
	processId: string
): Promise<ProcessWithPlace> {
	const [row] = await db
		.select({
			process: budgetingProcesses,
			placePath: platformPlaces.path,
			placeName: platformPlaces.name
		})
		.from(budgetingProcesses)
		.innerJoin(platformPlaces, eq(platformPlaces.id, budgetingProcesses.placeId))
		.where(eq(budgetingProcesses.id, processId));
	if (!row) throw new DomainError('not_found', 'That budgeting process does not exist.');
	return row;
}

/** The projects on the ballot, by number, with the name of their neighbourhood. */
export async function ballotProjects(db: Executor, processId: string) {
	return db
		.select({
			id: budgetingProjects.id,
			number: budgetingProjects.number,
			title: budgetingProjects.title,
			costPence: budgetingProjects.costPence,
			placeName: platformPlaces.name
		})
		.from(budgetingProjects)
		.leftJoin(platformPlaces, eq(platformPlaces.id, budgetingProjects.placeId))
		.where(
			and(eq(budgetingProjects.processId, processId), eq(budgetingProjects.status, 'on_ballot'))
		)
		.orderBy(asc(budgetingProjects.number));
}

/** Every ballot of a process: contents only, in no meaningful order (callers sort them). */
export async function processBallots(db: Executor, processId: string): Promise<StoredBallot[]> {
	const rows = await db
		.select({ ballot: budgetingBallots.ballot })
		.from(budgetingBallots)
		.where(eq(budgetingBallots.processId, processId));
	return rows.map((r) => r.ballot);
}

/** The official result of a process, or null before it is counted. */
export async function officialResult(db: Executor, processId: string) {
	const [row] = await db
		.select()
		.from(budgetingResults)
		.where(and(eq(budgetingResults.processId, processId), eq(budgetingResults.kind, 'official')));
	return row ? { ...row, outcome: row.outcome as unknown as ResultOutcome } : null;
}
