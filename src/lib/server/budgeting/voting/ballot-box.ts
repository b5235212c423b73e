/**
 * The one place a ballot goes into the box. The voter's participation (who) and the ballot
 * (what) are inserted in one transaction, so a ballot never counts without its voter being on
 * the roll and the roll never shows a voter whose ballot was lost; and the unique indexes on
 * participations make a second ballot with the same code or account fail, however many arrive
 * at once. The two rows share nothing: the ballot's id is random and it has no time, sequence,
 * user, code or channel (docs/ballot-secrecy.md).
 */
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import type { ParticipationChannel, StoredBallot } from '../schema';
import { budgetingBallots, budgetingParticipations } from '../schema';
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

/**
 * Records the participant and puts the ballot in the box, in one transaction. Returns the
 * receipt code, which exists only in this return value (the ballot keeps its hash).
 */
export async function putInBallotBox(
	db: Executor,
	options: { processId: string; participant: Participant; ballot: StoredBallot }
): Promise<{ receipt: string }> {
	const receipt = newReceiptCode();
	const receiptHash = hashCode(normaliseCode(receipt, receiptCodeLength)!);
	await db.transaction(async (tx) => {
		const inserted = await tx
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
		if (inserted.length === 0)
			throw new DomainError(
				'conflict',
				options.participant.votingCodeId ? alreadyVotedMessage.code : alreadyVotedMessage.account,
				[
					{
						field: options.participant.votingCodeId ? 'code' : 'form',
						message: options.participant.votingCodeId
							? alreadyVotedMessage.code
							: alreadyVotedMessage.account
					}
				]
			);
		// Only the ballot's content: project ids and points, in a fresh object, so nothing else a
		// caller passed can reach the box.
		const ballot: StoredBallot = options.ballot.points
			? { projectIds: [...options.ballot.projectIds], points: [...options.ballot.points] }
			: { projectIds: [...options.ballot.projectIds] };
		await tx
			.insert(budgetingBallots)
			.values({ id: newId(), processId: options.processId, ballot, receiptHash });
	});
	return { receipt };
}
