import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { isWithin, requireCan, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { checkBallot, type SubmittedBallot } from '../../../core/budgeting/ballot';
import { putInBallotBox } from './ballot-box';
import { listBallotProjects, requireVotingOpen, requireVotingProcess, rulesOf } from './queries';

/**
 * An officer enters a paper ballot in assisted mode (at a community event, or from the paper
 * ballot box): the same rules as online, channel `paper`, counted in turnout. The officer has
 * checked the voter's eligibility in person, so there is no code or account; the roll records a
 * paper participation, optionally with the neighbourhood the voter lives in.
 *
 * The audit records that an officer entered a paper ballot, never what it said.
 */
export async function enterPaperBallot(
	db: Executor,
	actor: Actor,
	input: { processId: string; submitted: SubmittedBallot; placeId: string | null; now?: Date }
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
			participant: { channel: 'paper', placeId: input.placeId },
			ballot: check.ballot
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
