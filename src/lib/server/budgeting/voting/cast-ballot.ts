import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError, type FieldError } from '../../platform/errors';
import { isWithin, type Actor } from '../../platform/permissions';
import { platformPlaces, platformUsers } from '../../platform/schema';
import { checkBallot, type SubmittedBallot } from '../../../core/budgeting/ballot';
import { isPostcodeInDistricts } from '../../../core/budgeting/postcode';
import { putInBallotBox } from './ballot-box';
import { normaliseCode } from './codes';
import {
	findVotingCode,
	listBallotProjects,
	requireVotingOpen,
	requireVotingProcess,
	rulesOf,
	type BallotPageProject,
	type VotingProcess
} from './queries';
import { isCodeEntryLimited, recordWrongCode, type CodeEntryLimits } from './rate-limit';

/** A ballot cast online. */
export type CastBallotInput = {
	processId: string;
	submitted: SubmittedBallot;
	/** The voting code as typed; empty to vote with the signed-in account. */
	code: string;
	isAgeConfirmed: boolean;
	/** The voter's postcode, when the process checks districts. Checked, never stored. */
	postcode: string;
	/** The client's address, for the rate limit on wrong codes. */
	clientAddress: string;
	now?: Date;
	limits?: CodeEntryLimits;
	/** The process and its projects, when the caller has just loaded them for the page. */
	loaded?: { process: VotingProcess; projects: BallotPageProject[] };
};

const wrongCode = 'This code is not right. Check it against your letter and type it again.';

/**
 * A voter casts a ballot online, with a single-use voting code or (when the process allows it)
 * as a verified account holder living in the process's area. Checks, in order: voting is open;
 * the ballot keeps the rules; the age declaration and postcode district when the process asks
 * for them; the code is well formed; then the rate limit on wrong codes, the code itself, and
 * finally one ballot per code or account, enforced by the database. Returns the receipt code.
 *
 * Nothing about the ballot is logged or audited: voting is not a privileged action, and an
 * audit entry per vote would give the time of each vote (docs/ballot-secrecy.md).
 */
export async function castBallot(
	db: Executor,
	actor: Actor,
	input: CastBallotInput
): Promise<{ receipt: string }> {
	const now = input.now ?? new Date();
	const process = input.loaded?.process ?? (await requireVotingProcess(db, input.processId));
	requireVotingOpen(process, now);
	const projects = input.loaded?.projects ?? (await listBallotProjects(db, process.id));

	const problems: FieldError[] = [];
	const useCode = input.code !== '' || actor.kind !== 'person' || !process.allowAccounts;
	let normalised: string | null = null;
	if (useCode) {
		if (!process.allowCodes)
			throw new DomainError('unauthenticated', 'Sign in to vote in this budget.');
		if (input.code === '')
			problems.push({ field: 'code', message: 'Enter the voting code from your letter.' });
		else {
			normalised = normaliseCode(input.code);
			if (!normalised)
				problems.push({
					field: 'code',
					message:
						'Enter your voting code as it is on your letter: 12 letters and numbers, like K7QM-3XPA-9RTD.'
				});
		}
	}
	const check = checkBallot(rulesOf(process), projects, input.submitted);
	if (!check.ok) problems.push(...check.problems.map(({ field, message }) => ({ field, message })));
	if (process.minAge && !input.isAgeConfirmed)
		problems.push({
			field: 'age',
			message: `Confirm that you are ${process.minAge} or older to vote in this budget.`
		});
	if (process.postcodeDistricts.length > 0) {
		if (input.postcode === '')
			problems.push({ field: 'postcode', message: 'Enter your postcode, like ZZ1 4AB.' });
		else if (!isPostcodeInDistricts(input.postcode, process.postcodeDistricts))
			problems.push({
				field: 'postcode',
				message: `This budget is for people living in ${process.postcodeDistricts.join(', ')}. Check your postcode, or ask the organisers if you think you should be able to vote.`
			});
	}
	if (problems.length) throw new DomainError('invalid', problems[0]!.message, problems);
	const ballot = check.ok ? check.ballot : { projectIds: [] };

	if (!useCode) {
		if (actor.kind !== 'person') throw new DomainError('unauthenticated', 'Sign in to vote.');
		const [voter] = await db
			.select({
				isVerified: platformUsers.emailVerified,
				placeId: platformPlaces.id,
				path: platformPlaces.path
			})
			.from(platformUsers)
			.leftJoin(platformPlaces, eq(platformPlaces.id, platformUsers.homePlaceId))
			.where(eq(platformUsers.id, actor.userId));
		if (!voter?.isVerified)
			throw new DomainError('forbidden', 'Confirm your email address before you vote.');
		if (!voter.path || !isWithin({ path: voter.path }, process.place.path))
			throw new DomainError(
				'invalid',
				`This budget is for people living in ${process.place.name}. Set the neighbourhood you live in on your account page, or vote with the code from your letter.`,
				[{ field: 'form', message: `This budget is for people living in ${process.place.name}.` }]
			);
		return putInBallotBox(db, {
			processId: process.id,
			participant: { channel: 'online_account', userId: actor.userId, placeId: voter.placeId },
			ballot,
			at: input.now
		});
	}

	const limit = {
		processId: process.id,
		clientAddress: input.clientAddress,
		now,
		limits: input.limits
	};
	// The limit and the code are looked up at once (two round trips in parallel, not in turn); a
	// limited client is refused whatever the code, so it learns nothing about the code.
	const [isLimited, code] = await Promise.all([
		isCodeEntryLimited(db, limit),
		findVotingCode(db, process.id, normalised!)
	]);
	if (isLimited)
		throw new DomainError(
			'rate_limited',
			'Too many wrong codes have been typed from here. Wait 15 minutes and try again, or ask the organisers for help.',
			[{ field: 'code', message: 'Too many wrong codes. Wait 15 minutes and try again.' }]
		);
	if (!code || code.isCancelled) {
		await recordWrongCode(db, limit);
		const message = code
			? 'This code has been cancelled. Ask the organisers for a new one.'
			: wrongCode;
		throw new DomainError('invalid', message, [{ field: 'code', message }]);
	}
	// Where accounts can vote too, a signed-in voter using a code goes on the roll with both, so
	// the same person cannot then vote again with the account (or with another code while signed
	// in). Someone who votes with a code signed out and later with an account is not caught: a
	// code says nothing about who holds it (docs/ballot-secrecy.md, "one person, one ballot").
	const userId = process.allowAccounts && actor.kind === 'person' ? actor.userId : null;
	return putInBallotBox(db, {
		processId: process.id,
		participant: { channel: 'online_code', votingCodeId: code.id, userId, placeId: code.placeId },
		ballot,
		at: input.now
	});
}
