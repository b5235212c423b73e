import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import { budgetingProcesses } from '../schema';
import { requireProcessPlace } from './create-process';
import { ukDay } from './dates';
import { requireProcess } from './queries';
import { phaseDateFields, type UpdateProcessInput } from './validation';

/** Settings that decide how votes are cast and counted: fixed once voting has opened. */
const ballotSettings = [
	'budgetPence',
	'ballotType',
	'maxChoices',
	'minProjects',
	'maxProjects',
	'totalPoints',
	'maxPointsPerProject',
	'countingRule',
	'allowAccounts',
	'allowCodes',
	'minAge',
	'postcodeDistricts'
] as const;

const same = (a: unknown, b: unknown) =>
	a instanceof Date || b instanceof Date
		? (a as Date | null)?.getTime() === (b as Date | null)?.getTime()
		: JSON.stringify(a) === JSON.stringify(b);

/**
 * An organiser changes a process's settings. Moving it to another place needs `budgeting.manage`
 * on both. A phase date typed as the same day it already has keeps its stored time (a phase
 * moved "now" keeps the moment it was moved). Once voting has opened, the ballot, budget,
 * counting rule and eligibility are fixed, so every voter votes under the same rules.
 */
export async function updateProcess(
	db: Executor,
	actor: Actor,
	input: UpdateProcessInput,
	now: Date = new Date()
): Promise<void> {
	await db.transaction(async (tx) => {
		const { process, place } = await requireProcess(tx, input.processId);
		requireCan(actor, 'budgeting.manage', place);
		const target = await requireProcessPlace(tx, input.placeId);
		requireCan(actor, 'budgeting.manage', target);
		if (process.importedFrom)
			throw new DomainError('conflict', 'A process imported from a file cannot be changed.');
		const { processId: _processId, ...fields } = input;
		for (const key of phaseDateFields) {
			const stored = process[key];
			const typed = fields[key];
			// Voting's last day is typed; its stored close is midnight after it, on the next day.
			if (stored && typed && ukDay(stored) === ukDay(typed)) fields[key] = stored;
			if (
				key === 'votingClosesAt' &&
				stored &&
				typed &&
				typed.getTime() - stored.getTime() < 24 * 3600 * 1000 &&
				typed.getTime() >= stored.getTime()
			)
				fields[key] = stored;
		}
		const votingStarted =
			process.status === 'published' &&
			process.votingOpensAt !== null &&
			process.votingOpensAt.getTime() <= now.getTime();
		const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
			(key) => !same(fields[key], process[key])
		);
		if (votingStarted) {
			const fixed = changed.filter((k) => (ballotSettings as readonly string[]).includes(k));
			if (fixed.length > 0)
				throw new DomainError(
					'phase_closed',
					'Voting has opened, so the budget, ballot, counting rule and who can vote cannot change.',
					fixed.map((field) => ({
						field: field === 'budgetPence' ? 'budget' : field,
						message: 'This cannot change once voting has opened'
					}))
				);
		}
		if (changed.length === 0) return;
		await tx
			.update(budgetingProcesses)
			.set({ ...fields, updatedAt: now })
			.where(eq(budgetingProcesses.id, process.id));
		await recordAudit(tx, actor, {
			action: 'budgeting.process.update',
			placeId: target.id,
			subjectType: 'budgeting_process',
			subjectId: process.id,
			details: { title: input.title, changed }
		});
	});
}
