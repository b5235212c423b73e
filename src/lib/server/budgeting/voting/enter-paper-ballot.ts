import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { isWithin, requireCan, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { checkBallot, type SubmittedBallot } from '../../../core/budgeting/ballot';
import { putInBallotBox } from './ballot-box';
import { normaliseCode } from './codes';
import {
	findVotingCode,
	listBallotProjects,
	requireVotingOpen,
	requireVotingProcess,
	rulesOf
} from './queries';

/**
 * An officer enters a paper ballot in assisted mode (at a community event, or from the paper
 * ballot box): the same rules as online, channel `paper`, counted in turnout. The officer has
 * checked the voter's eligibility in person; the roll records a paper participation, optionally
 * with the neighbourhood the voter lives in. When the voter brings their letter, the officer
 * types its code and the code is used up, so it cannot vote again online (nor can a code that
 * has voted online be used on paper).
 *
 * The audit records that an officer entered a paper ballot, never what it said.
 */
export async function enterPaperBallot(
	db: Executor,
	actor: Actor,
	input: {
		processId: string;
		submitted: SubmittedBallot;
		placeId: string | null;
		/** The code from the voter's letter, when they brought it; empty or absent otherwise. */
		code?: string;
		now?: Date;
	}
): Promise<{ receipt: string }> {
	const now = input.now ?? new Date();
	const process = await requireVotingProcess(db, input.processId);
	requireCan(actor, 'budgeting.paper_ballot', process.place);
	requireVotingOpen(process, now);
	const projects = await listBallotProjects(db, process.id);
	const check = checkBallot(rulesOf(process), projects, input.submitted);
	if (!check.ok)
		throw new DomainError(
			'invalid',
			check.problems[0]!.message,
			check.problems.map(({ field, message }) => ({ field, message }))
		);
	let votingCodeId: string | null = null;
	const typed = (input.code ?? '').trim();
	if (typed !== '') {
		const normalised = normaliseCode(typed);
		const code = normalised ? await findVotingCode(db, process.id, normalised) : undefined;
		if (!code || code.isCancelled) {
			const message = !normalised
				? 'Enter the code as it is on the letter: 12 letters and numbers, like K7QM-3XPA-9RTD, or leave it empty.'
				: code
					? 'This code has been cancelled. Leave it empty if the voter is on your paper register.'
					: 'This code is not one of this budget’s codes. Check it against the letter, or leave it empty.';
			throw new DomainError('invalid', message, [{ field: 'code', message }]);
		}
		votingCodeId = code.id;
	}
	if (input.placeId) {
		const [place] = await db
			.select({ path: platformPlaces.path })
			.from(platformPlaces)
			.where(eq(platformPlaces.id, input.placeId));
		if (!place || !isWithin(place, process.place.path))
			throw new DomainError('invalid', 'Choose a neighbourhood in this budget’s area.', [
				{ field: 'placeId', message: 'Choose a neighbourhood in this budget’s area.' }
			]);
	}
	return db.transaction(async (tx) => {
		const result = await putInBallotBox(tx, {
			processId: process.id,
			participant: { channel: 'paper', placeId: input.placeId, votingCodeId },
			ballot: check.ballot,
			at: input.now
		});
		await recordAudit(tx, actor, {
			action: 'budgeting.paper_ballot',
			placeId: process.placeId,
			subjectType: 'budgeting_process',
			subjectId: process.id,
			details: {}
		});
		return result;
	});
}
