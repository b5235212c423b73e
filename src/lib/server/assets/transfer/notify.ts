/**
 * Mail to the applicant of a transfer case, queued in the transaction of the change so it goes
 * only if the change is saved. It goes to the person who submitted the expression of interest,
 * or to the organisation's contact address when that person's account has gone.
 */
import { eq } from 'drizzle-orm';
import { t, type MessageKey, type MessageParams } from '../../../i18n/index';
import type { Executor } from '../../db/client';
import { queueMail } from '../../platform/job-handlers';
import { platformOrganisations, platformUsers } from '../../platform/schema';

/** The address mail about a case goes to, or null when there is none. */
export async function applicantAddress(
	db: Executor,
	applicant: { submittedBy: string | null; organisationId: string }
): Promise<string | null> {
	if (applicant.submittedBy) {
		const [user] = await db
			.select({ email: platformUsers.email })
			.from(platformUsers)
			.where(eq(platformUsers.id, applicant.submittedBy));
		if (user) return user.email;
	}
	const [organisation] = await db
		.select({ email: platformOrganisations.contactEmail })
		.from(platformOrganisations)
		.where(eq(platformOrganisations.id, applicant.organisationId));
	return organisation?.email ?? null;
}

/** Queues one message to an address, in English (mail has no request to take a language from). */
export async function queueApplicantMail(
	db: Executor,
	to: string | null,
	message: { subject: MessageKey; body: MessageKey; params: MessageParams }
): Promise<void> {
	if (!to) return;
	await queueMail(db, {
		to,
		subject: t(message.subject, message.params),
		text: t(message.body, message.params)
	});
}

/** Where links in mail point: the request's origin, else ORIGIN, else the local default. */
export function siteOrigin(origin?: string): string {
	return (origin ?? process.env.ORIGIN ?? 'http://localhost:3000').replace(/\/$/, '');
}

const mailDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** "3 March 2027" from `YYYY-MM-DD`, for mail. */
export function mailDay(iso: string): string {
	return mailDate.format(new Date(`${iso}T00:00:00Z`));
}
