import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { platformJobs, platformOutbox } from '../platform/schema';
import { invitationKeyPrefix, invitationSubject } from './invite-members';
import type { Actor } from '../platform/permissions';
import { findPanel } from './queries';
import { panelsPanels, panelsVolunteers } from './schema';

/** The first moment after a retention date: midnight UTC at the start of the next day. */
export function afterRetention(date: string): Date {
	const day = new Date(`${date}T00:00:00Z`);
	return new Date(day.getTime() + 24 * 60 * 60 * 1000);
}

/** The queue of scheduled anonymisation. */
export const ANONYMISE_QUEUE = 'panels.anonymise';

const systemActor: Actor = { kind: 'system', label: 'panels retention schedule' };

/**
 * Wipes the personal data of a panel's pool once its retention date has passed: names, contact
 * details, households and features go; each volunteer's number and role stay, because the
 * published lottery, draw and replacements refer to them. The pool's feature counts stay on the
 * panel as totals. The invitations go too: their mail jobs (which hold the address and name)
 * and the copies kept in the outbox, found by address and the panel's invitation subject (a
 * panel's title cannot change). Does nothing when the date is not yet past (it was moved later)
 * or the pool is already anonymised. Returns how many volunteers were anonymised.
 */
export async function anonymisePanel(
	db: Executor,
	panelId: string,
	now = new Date()
): Promise<{ anonymised: number }> {
	return db.transaction(async (tx) => {
		const panel = await findPanel(tx, panelId);
		if (panel.anonymisedAt || !panel.retentionDate) return { anonymised: 0 };
		if (now < afterRetention(panel.retentionDate)) return { anonymised: 0 };
		const addresses = (
			await tx
				.select({ email: panelsVolunteers.email })
				.from(panelsVolunteers)
				.where(eq(panelsVolunteers.panelId, panel.id))
		).flatMap((v) => (v.email ? [v.email.toLowerCase()] : []));
		await tx
			.delete(platformJobs)
			.where(sql`starts_with(${platformJobs.singletonKey}, ${invitationKeyPrefix(panel.id)})`);
		const mails =
			addresses.length === 0
				? []
				: await tx
						.delete(platformOutbox)
						.where(
							and(
								inArray(platformOutbox.to, addresses),
								eq(platformOutbox.subject, invitationSubject(panel))
							)
						)
						.returning({ id: platformOutbox.id });
		const wiped = await tx
			.update(panelsVolunteers)
			.set({
				name: null,
				email: null,
				phone: null,
				household: null,
				features: {},
				anonymisedAt: now
			})
			.where(eq(panelsVolunteers.panelId, panel.id))
			.returning({ id: panelsVolunteers.id });
		await tx
			.update(panelsPanels)
			.set({ anonymisedAt: now, updatedAt: now })
			.where(eq(panelsPanels.id, panel.id));
		await recordAudit(tx, systemActor, {
			action: 'panel.anonymise',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: {
				volunteers: wiped.length,
				invitations: mails.length,
				retentionDate: panel.retentionDate
			}
		});
		return { anonymised: wiped.length };
	});
}

/** The job handler: anonymises the panel named in the payload when its date has passed. */
export async function anonymisePanelJob(
	payload: Record<string, unknown>,
	{ db }: { db: Executor }
) {
	const { panelId } = z.object({ panelId: z.string() }).parse(payload);
	return anonymisePanel(db, panelId);
}
