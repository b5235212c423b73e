import { and, count, eq } from 'drizzle-orm';
import { drawReplacement, replacementCandidates } from '../../core/panels/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Actor } from '../platform/permissions';
import { inviteVolunteer } from './invite-members';
import {
	findSelection,
	listVolunteers,
	lotteryFileOf,
	poolOf,
	requireManagedPanel
} from './queries';
import { panelsReplacements, panelsVolunteers } from './schema';

/**
 * A member has dropped out: they leave the panel and a replacement is drawn from the pool among
 * the volunteers whose arrival keeps every quota (and the household rule): the one with the
 * smallest SHA-256 of `<lottery SHA-256>:<seed>:replacement:<n>:<number>`, so the order of
 * replacement follows from public data only and nobody can steer it. The replacement is invited
 * at once, and the change is public (by number) and audited. When nobody can keep every quota,
 * nothing changes and the organiser is told.
 */
export async function replaceMember(
	db: Executor,
	actor: Actor,
	input: { panelId: string; number: number }
): Promise<{ replacementNumber: number; candidates: number }> {
	return db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		if (panel.status !== 'drawn' || !panel.seed)
			throw new DomainError('conflict', 'Members can only be replaced after the draw.');
		if (panel.anonymisedAt)
			throw new DomainError(
				'conflict',
				'The pool has been anonymised, so no replacement can be drawn.'
			);
		const volunteers = await listVolunteers(tx, panel.id);
		const leaving = volunteers.find((v) => v.number === input.number);
		if (!leaving || leaving.role !== 'member')
			throw new DomainError('invalid', `Volunteer ${input.number} is not on the panel.`, [
				{ field: 'number', message: `Volunteer ${input.number} is not on the panel` }
			]);
		const pool = poolOf(panel, volunteers);
		const remaining = volunteers.filter((v) => v.role === 'member' && v.number !== input.number);
		const excluded = new Set(
			volunteers
				.filter((v) => v.role === 'dropped_out' || v.number === input.number)
				.map((v) => String(v.number))
		);
		const candidates = replacementCandidates({
			pool,
			k: panel.panelSize,
			remaining: remaining.map((v) => String(v.number)),
			excluded,
			isOnePerHousehold: panel.isOnePerHousehold
		});
		const [{ done }] = (await tx
			.select({ done: count() })
			.from(panelsReplacements)
			.where(eq(panelsReplacements.panelId, panel.id))) as [{ done: number }];
		const sequence = Number(done) + 1;
		// Panels drawn before lotteries were published first have no stored fingerprint: their
		// lottery file's is computed the same way the public page computes it.
		const drawnResult = panel.drawnSelectionId
			? (await findSelection(tx, panel.drawnSelectionId))?.result
			: undefined;
		const lotterySha256 =
			panel.lotterySha256 ?? (drawnResult ? lotteryFileOf(drawnResult).sha256 : undefined);
		if (!lotterySha256)
			throw new DomainError('conflict', 'Members can only be replaced after the draw.');
		const chosen = drawReplacement(candidates, { lotterySha256, seed: panel.seed, sequence });
		if (chosen === undefined)
			throw new DomainError(
				'conflict',
				`Nobody left in the pool can take the place of volunteer ${input.number} while keeping every quota.`,
				[
					{
						field: 'number',
						message: 'Nobody left in the pool can take this place while keeping every quota'
					}
				]
			);
		const replacement = volunteers.find((v) => String(v.number) === chosen)!;
		await tx
			.update(panelsVolunteers)
			.set({ role: 'dropped_out' })
			.where(eq(panelsVolunteers.id, leaving.id));
		await tx
			.update(panelsVolunteers)
			.set({ role: 'member', joinedBy: 'replacement' })
			.where(and(eq(panelsVolunteers.id, replacement.id), eq(panelsVolunteers.role, 'pool')));
		await tx.insert(panelsReplacements).values({
			id: newId(),
			panelId: panel.id,
			sequence,
			droppedNumber: leaving.number,
			replacementNumber: replacement.number,
			candidates: candidates.length,
			seed: `${panel.seed}:replacement:${sequence}`
		});
		await inviteVolunteer(tx, panel, replacement);
		await recordAudit(tx, actor, {
			action: 'panel.replace',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: {
				dropped: leaving.number,
				replacement: replacement.number,
				candidates: candidates.length,
				sequence
			}
		});
		return { replacementNumber: replacement.number, candidates: candidates.length };
	});
}
