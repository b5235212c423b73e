import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { queueMail } from '../platform/job-handlers';
import type { Actor } from '../platform/permissions';
import {
	listVolunteers,
	requireManagedPanel,
	type PanelRecord,
	type VolunteerRecord
} from './queries';
import { panelsVolunteers } from './schema';

/** The subject line of a panel's invitations; anonymisation finds the stored copies by it. */
export function invitationSubject(panel: Pick<PanelRecord, 'title'>): string {
	return `You have been selected for ${panel.title}`;
}

/** The prefix of the job key of a panel's invitations; anonymisation deletes those jobs by it. */
export function invitationKeyPrefix(panelId: string): string {
	return `panels.invite:${panelId}:`;
}

/** Queues the invitation of one member and notes when it was sent. */
export async function inviteVolunteer(
	db: Executor,
	panel: Pick<PanelRecord, 'id' | 'title' | 'placeName' | 'question'>,
	volunteer: VolunteerRecord,
	now = new Date()
): Promise<boolean> {
	if (!volunteer.email) return false;
	const greeting = volunteer.name ? `Dear ${volunteer.name},` : 'Hello,';
	const text = [
		greeting,
		'',
		`You have been selected, by a public draw, to be a member of ${panel.title} in ${panel.placeName}.`,
		...(panel.question ? ['', `The panel will consider: ${panel.question}`] : []),
		'',
		'The organisers will be in touch with the dates and what happens next. If you can no longer take part, reply to this message and your place will be offered to another volunteer.',
		'',
		`Your volunteer number is ${volunteer.number}. It is the only thing about you that the public record of the draw shows.`
	].join('\n');
	await queueMail(
		db,
		{ to: volunteer.email, subject: invitationSubject(panel), text },
		{ singletonKey: `${invitationKeyPrefix(panel.id)}${volunteer.number}` }
	);
	await db
		.update(panelsVolunteers)
		.set({ invitedAt: now })
		.where(eq(panelsVolunteers.id, volunteer.id));
	return true;
}

/** Invites every member not yet invited, through the platform's mail queue. */
export async function inviteMembers(
	db: Executor,
	actor: Actor,
	input: { panelId: string }
): Promise<{ invited: number }> {
	return db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		if (panel.status !== 'drawn')
			throw new DomainError('conflict', 'Members can be invited once the panel has been drawn.');
		let invited = 0;
		for (const v of await listVolunteers(tx, panel.id))
			if (v.role === 'member' && !v.invitedAt && (await inviteVolunteer(tx, panel, v))) invited++;
		await recordAudit(tx, actor, {
			action: 'panel.invite',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: { invited }
		});
		return { invited };
	});
}
