/**
 * The one place a ballot goes into the box. The voter's participation (who) and the ballot
 * (what) are inserted in one transaction, so a ballot never counts without its voter being on
 * the roll and the roll never shows a voter whose ballot was lost; and the unique indexes on
 * participations make a second ballot with the same code or account fail, however many arrive
 * at once. The two rows share nothing: the ballot's id is random and it has no time, sequence,
 * user, code or channel (docs/ballot-secrecy.md).
 */
import { and, eq, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { ParticipationChannel, StoredBallot } from '../schema';
import { budgetingBallots, budgetingParticipations, budgetingProcesses } from '../schema';
import { hashCode, newReceiptCode, normaliseCode, receiptCodeLength } from './codes';

/** Who took part, as the roll records it. */
export type Participant = {
	channel: ParticipationChannel;
	userId?: string | null;
	votingCodeId?: string | null;
	placeId?: string | null;
};

/** The message for a second ballot with the same code or account. */
export const alreadyVotedMessage = {
	code: 'This code has already been used. Each code can vote once.',
	account: 'You have already voted in this budget. Each person can vote once.'
};

/** The message for a ballot that arrives after voting closed. */
export const votingClosedMessage = 'Voting has closed.';

/**
 * Records the participant and puts the ballot in the box, in one transaction. Returns the
 * receipt code, which exists only in this return value (the ballot keeps its hash).
 *
 * The transaction first takes a KEY SHARE lock on the process row and checks, under that lock,
 * that voting is still open at this moment (`at`, else the clock now, read after the lock). The
 * count takes the row FOR UPDATE before it reads the box (results/count-process.ts), which
 * waits for every ballot already past this check and makes every later one see the close: so
 * a ballot whose voter got a receipt is always in the counted box, and none slips in after.
 * KEY SHARE locks do not block each other, so ballots still go in side by side (the foreign keys
 * take the same lock anyway).
 */
export async function putInBallotBox(
	db: Executor,
	options: { processId: string; participant: Participant; ballot: StoredBallot; at?: Date }
): Promise<{ receipt: string }> {
	const receipt = newReceiptCode();
	const receiptHash = hashCode(normaliseCode(receipt, receiptCodeLength)!);
	// Only the ballot's content: project ids and points, in a fresh object, so nothing else a
	// caller passed can reach the box.
	const ballot: StoredBallot = options.ballot.points
		? { projectIds: [...options.ballot.projectIds], points: [...options.ballot.points] }
		: { projectIds: [...options.ballot.projectIds] };
	await db.transaction(async (tx) => {
		// Three statements, one each (the roll and the box never share one), sent together in
		// this order: PostgreSQL runs them in turn on the transaction's connection, in one round
		// trip instead of three. Nothing commits until the checks below pass (a closed process
		// or a used code throws, which rolls back both rows), and the clock is still read after
		// the lock is granted.
		const lock = tx
			.select({ closesAt: budgetingProcesses.votingClosesAt })
			.from(budgetingProcesses)
			.where(eq(budgetingProcesses.id, options.processId))
			.for('key share')
			.then((rows) => ({ rows, at: options.at ?? new Date() }));
		const enrol = tx
			.insert(budgetingParticipations)
			.values({
				id: newId(),
				processId: options.processId,
				userId: options.participant.userId ?? null,
				votingCodeId: options.participant.votingCodeId ?? null,
				channel: options.participant.channel,
				placeId: options.participant.placeId ?? null
			})
			.onConflictDoNothing()
			.returning({ id: budgetingParticipations.id });
		const box = tx
			.insert(budgetingBallots)
			.values({ id: newId(), processId: options.processId, ballot, receiptHash });
		const [windows, inserted] = await Promise.all([lock, enrol, box]);
		const window = windows.rows[0];
		if (!window || (window.closesAt && window.closesAt.getTime() <= windows.at.getTime()))
			throw new DomainError('phase_closed', votingClosedMessage, [
				{ field: 'form', message: votingClosedMessage }
			]);
		if (inserted.length === 0) throw await alreadyVoted(tx, options.processId, options.participant);
	});
	return { receipt };
}

/**
 * Says why the roll refused a participant: the code has been used, or the account has voted. A
 * signed-in voter using a code is on the roll with both, so either can be the reason; this reads
 * the roll only (never the box) to tell which.
 */
async function alreadyVoted(
	tx: Executor,
	processId: string,
	participant: Participant
): Promise<DomainError> {
	const { userId, votingCodeId } = participant;
	let isCodeUsed = Boolean(votingCodeId) && !userId;
	if (votingCodeId && userId) {
		const [row] = await tx
			.select({ votingCodeId: budgetingParticipations.votingCodeId })
			.from(budgetingParticipations)
			.where(
				and(
					eq(budgetingParticipations.processId, processId),
					or(
						eq(budgetingParticipations.votingCodeId, votingCodeId),
						eq(budgetingParticipations.userId, userId)
					)
				)
			)
			.limit(1);
		isCodeUsed = row?.votingCodeId === votingCodeId;
	}
	const message = isCodeUsed ? alreadyVotedMessage.code : alreadyVotedMessage.account;
	return new DomainError('conflict', message, [{ field: isCodeUsed ? 'code' : 'form', message }]);
}
