import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { currentPhase, phaseDateProblems, type PhaseDates } from '../../../core/budgeting/phases';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingParticipations, budgetingProcesses, budgetingResults } from '../schema';
import { requireProcess } from './queries';
import {
	phaseDateFields,
	phasesMovableFrom,
	type MovePhaseInput,
	type MovablePhase
} from './validation';

const startOf: Record<MovablePhase, keyof PhaseDates> = {
	ideas: 'ideasOpensAt',
	review: 'reviewOpensAt',
	voting: 'votingOpensAt',
	delivery: 'deliveryAt'
};

/**
 * The phase dates after moving to `phase` at `now`: that phase starts now; an earlier phase
 * dated after now starts now too (it is skipped); a later phase dated before now loses its date
 * (it must be scheduled again), so the dates stay in order and `currentPhase` gives `phase`.
 */
export function datesAfterMove(dates: PhaseDates, phase: MovablePhase, now: Date): PhaseDates {
	const key = startOf[phase];
	const index = phaseDateFields.indexOf(key);
	const next: PhaseDates = { ...dates };
	phaseDateFields.forEach((field, i) => {
		const at = next[field];
		if (i < index && at && at.getTime() > now.getTime()) next[field] = now;
		if (i > index && at && at.getTime() <= now.getTime()) next[field] = null;
	});
	next[key] = now;
	return next;
}

/**
 * An organiser moves a process to a phase now, instead of waiting for its date. Voting can only
 * be opened when its closing date is still to come; once anyone has voted, voting cannot be
 * moved back to ideas or review; once voting has closed, the only move is on to delivery
 * ({@link phasesMovableFrom}). Recorded in the audit log with the dates before and after.
 */
export async function movePhase(
	db: Executor,
	actor: Actor,
	input: MovePhaseInput,
	now: Date = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const { process, place } = await requireProcess(tx, input.processId);
		requireCan(actor, 'budgeting.manage', place);
		if (process.importedFrom)
			throw new DomainError('conflict', 'A process imported from a file has no phases to move.');
		const from = currentPhase(process, now);
		if (from === input.phase)
			throw new DomainError('conflict', 'The process is already in this phase.');
		if (!phasesMovableFrom(from).includes(input.phase))
			throw new DomainError(
				'conflict',
				from === 'counting' || from === 'results' || from === 'delivery'
					? 'Voting has closed, so this process can only move on to delivery.'
					: 'A process moves to delivery after voting has closed and the result is counted.'
			);
		if (input.phase === 'delivery') {
			const [result] = await tx
				.select({ id: budgetingResults.id })
				.from(budgetingResults)
				.where(
					and(eq(budgetingResults.processId, process.id), eq(budgetingResults.kind, 'official'))
				);
			if (!result)
				throw new DomainError(
					'conflict',
					'The votes have not been counted yet. Move to delivery once the results are in.'
				);
		}
		if (from === 'voting' && input.phase !== 'voting') {
			// Reads the roll only: whether anyone has voted, never what.
			const [voter] = await tx
				.select({ id: budgetingParticipations.id })
				.from(budgetingParticipations)
				.where(eq(budgetingParticipations.processId, process.id))
				.limit(1);
			if (voter)
				throw new DomainError(
					'conflict',
					'People have already voted, so voting cannot be moved back to an earlier phase. Close voting instead.'
				);
		}
		const dates = datesAfterMove(process, input.phase, now);
		if (input.phase === 'voting' && !dates.votingClosesAt)
			throw new DomainError(
				'invalid',
				'Set a closing date for voting in the future before you open voting.',
				[{ field: 'votingClosesAt', message: 'Enter the last day of voting, after today' }]
			);
		if (phaseDateProblems(dates).length > 0)
			throw new DomainError('invalid', 'The phase dates would be out of order.');
		await tx
			.update(budgetingProcesses)
			.set({ ...dates, updatedAt: now })
			.where(eq(budgetingProcesses.id, process.id));
		const iso = (d: PhaseDates) =>
			Object.fromEntries(phaseDateFields.map((f) => [f, d[f]?.toISOString() ?? null]));
		await recordAudit(tx, actor, {
			action: 'budgeting.process.move_phase',
			placeId: place.id,
			subjectType: 'budgeting_process',
			subjectId: process.id,
			details: {
				title: process.title,
				from,
				to: input.phase,
				before: iso(process),
				after: iso(dates)
			}
		});
	});
}
