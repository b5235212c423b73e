import { count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { can, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { currentPhase, type Phase } from '../../../core/budgeting/phases';
import { budgetingParticipations, type ParticipationChannel } from '../schema';
import type { ResultOutcome } from './outcome';
import { officialResult, requireResultsProcess, type ProcessRow } from './queries';
import { queueCountIfDue } from './queue-count';

/** Turnout: how many took part, by channel and by neighbourhood. */
export type Turnout = {
	total: number;
	byChannel: { channel: ParticipationChannel; count: number }[];
	/** Neighbourhoods by name; `placeName` null for voters whose neighbourhood is not known. */
	byPlace: { placeName: string | null; count: number }[];
};

/** A process's results as its pages show them. */
export type ProcessResults = {
	process: Pick<
		ProcessRow,
		| 'id'
		| 'title'
		| 'description'
		| 'budgetPence'
		| 'ballotType'
		| 'countingRule'
		| 'tieBreak'
		| 'status'
		| 'importedFrom'
		| 'votingClosesAt'
		| 'placeId'
		| 'maxChoices'
	> & { placeName: string; placePath: string };
	phase: Phase;
	/** open: voting has not closed; counting: closed, not counted yet; counted: results exist. */
	state: 'open' | 'counting' | 'counted';
	result: {
		id: string;
		rule: string;
		ballotsHash: string;
		ballotCount: number;
		countedAt: Date;
		outcome: ResultOutcome;
	} | null;
	turnout: Turnout;
};

/** Who took part, by channel and neighbourhood, from the roll (never from the ballots). */
export async function turnoutOf(db: Executor, processId: string): Promise<Turnout> {
	const byChannel = await db
		.select({ channel: budgetingParticipations.channel, count: count() })
		.from(budgetingParticipations)
		.where(eq(budgetingParticipations.processId, processId))
		.groupBy(budgetingParticipations.channel);
	const byPlace = await db
		.select({ placeName: platformPlaces.name, count: count() })
		.from(budgetingParticipations)
		.leftJoin(platformPlaces, eq(platformPlaces.id, budgetingParticipations.placeId))
		.where(eq(budgetingParticipations.processId, processId))
		.groupBy(platformPlaces.name)
		.orderBy(sql`count(*) desc`, platformPlaces.name);
	return {
		total: byChannel.reduce((s, r) => s + r.count, 0),
		byChannel: byChannel.sort((a, b) => a.channel.localeCompare(b.channel)),
		byPlace
	};
}

/**
 * The results of a published process (drafts only for those who run them). Looking at a process
 * whose voting closed on its date queues its count, so nobody has to remember to start it.
 */
export async function getResults(
	db: Executor,
	actor: Actor,
	input: { processId: string; now?: Date }
): Promise<ProcessResults> {
	const now = input.now ?? new Date();
	const { process, placePath, placeName } = await requireResultsProcess(db, input.processId);
	if (process.status !== 'published' && !can(actor, 'budgeting.manage', { path: placePath }))
		throw new DomainError('not_found', 'That budgeting process does not exist.');
	const row = await officialResult(db, process.id);
	let state: ProcessResults['state'] = row ? 'counted' : 'open';
	if (!row && process.votingClosesAt && process.votingClosesAt.getTime() <= now.getTime()) {
		state = 'counting';
		await queueCountIfDue(db, process, now);
	}
	return {
		process: {
			id: process.id,
			title: process.title,
			description: process.description,
			budgetPence: process.budgetPence,
			ballotType: process.ballotType,
			countingRule: process.countingRule,
			tieBreak: process.tieBreak,
			status: process.status,
			importedFrom: process.importedFrom,
			votingClosesAt: process.votingClosesAt,
			placeId: process.placeId,
			maxChoices: process.maxChoices,
			placeName,
			placePath
		},
		phase: currentPhase(process, now),
		state,
		result: row
			? {
					id: row.id,
					rule: row.rule,
					ballotsHash: row.ballotsHash,
					ballotCount: row.ballotCount,
					countedAt: row.countedAt,
					outcome: row.outcome
				}
			: null,
		turnout: await turnoutOf(db, process.id)
	};
}
