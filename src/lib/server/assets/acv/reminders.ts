/**
 * Reminders before each statutory date of an asset of community value: 7 days before and on the
 * day, mailed to the organisers and officers of the asset's place (and the places above it) and
 * to the nominating group. Jobs are queued after every recorded event, each with a singleton key
 * per nomination, deadline, date and offset, so recording another event never queues the same
 * reminder twice; when it runs, a reminder checks the deadline still applies (a decision made, a
 * listing removed) and otherwise does nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
	addDays,
	compareDates,
	type AcvDeadline,
	type AcvTimeline,
	type IsoDate
} from '../../../core/assets/acv-dates';
import { t } from '../../../i18n/index';
import type { Executor } from '../../db/client';
import { queueMail } from '../../platform/job-handlers';
import { enqueueJob, type JobHandlers } from '../../platform/jobs';
import {
	platformOrganisations,
	platformPlaces,
	platformRoleGrants,
	platformUsers
} from '../../platform/schema';
import { assetsAssets } from '../schema';
import { formatAcvDate } from './messages';
import { getAcvSummary, todayUtc } from './queries';

/** The queue reminders run on. */
export const ACV_REMINDER_QUEUE = 'assets.acv-reminder';

/** Days before a deadline that a reminder goes out. */
export const ACV_REMINDER_DAYS_BEFORE = [7, 0] as const;

/** Reminders go out at 08:00 UTC on their day. */
const REMINDER_HOUR_UTC = 8;

/** The deadlines still to come that matter in the timeline's current state. */
export function upcomingDeadlines(timeline: AcvTimeline): AcvDeadline[] {
	const moratoriumKinds = [
		'interim_moratorium_ends',
		'full_moratorium_ends',
		'protected_period_ends'
	];
	return timeline.deadlines.filter((d) => {
		if (d.isPast) return false;
		switch (timeline.state) {
			case 'nominated':
				return d.kind === 'decision_due';
			case 'listed':
				return d.kind === 'listing_expires';
			case 'interim_moratorium':
			case 'full_moratorium':
			case 'protected_period':
				return d.kind === 'listing_expires' || moratoriumKinds.includes(d.kind);
			default:
				return false;
		}
	});
}

/**
 * Queues the reminders for every upcoming deadline of an asset's current nomination. Call it in
 * the transaction of the event that changed the dates.
 */
export async function scheduleAcvReminders(
	db: Executor,
	assetId: string,
	options: { today?: IsoDate; now?: Date } = {}
): Promise<number> {
	const today = options.today ?? todayUtc(options.now);
	const summary = await getAcvSummary(db, assetId, { today });
	if (!summary) return 0;
	let queued = 0;
	for (const deadline of upcomingDeadlines(summary.timeline)) {
		for (const daysBefore of ACV_REMINDER_DAYS_BEFORE) {
			const day = addDays(deadline.date, -daysBefore);
			// A reminder whose day has passed is not sent late; the one on the day still goes.
			if (compareDates(day, today) < 0) continue;
			await enqueueJob(
				db,
				ACV_REMINDER_QUEUE,
				{
					assetId,
					nominationId: summary.nomination.id,
					kind: deadline.kind,
					date: deadline.date,
					daysBefore
				},
				{
					runAt: new Date(`${day}T${String(REMINDER_HOUR_UTC).padStart(2, '0')}:00:00Z`),
					singletonKey: `acv-reminder:${summary.nomination.id}:${deadline.kind}:${deadline.date}:${daysBefore}`
				}
			);
			queued += 1;
		}
	}
	return queued;
}

const reminderPayload = z.object({
	assetId: z.string(),
	nominationId: z.string(),
	kind: z.enum([
		'decision_due',
		'listing_expires',
		'interim_moratorium_ends',
		'full_moratorium_ends',
		'protected_period_ends'
	]),
	date: z.string(),
	daysBefore: z.number().int()
});

/** Addresses of the organisers and officers of a place and the places above it, and the group. */
async function reminderRecipients(
	db: Executor,
	assetId: string,
	organisationId: string
): Promise<string[]> {
	const [asset] = await db
		.select({ path: platformPlaces.path })
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(eq(assetsAssets.id, assetId));
	if (!asset) return [];
	const people = await db
		.select({ email: platformUsers.email })
		.from(platformRoleGrants)
		.innerJoin(platformUsers, eq(platformUsers.id, platformRoleGrants.userId))
		.where(
			and(
				inArray(platformRoleGrants.placeId, asset.path.split('/')),
				inArray(platformRoleGrants.role, ['organiser', 'officer'])
			)
		);
	const [group] = await db
		.select({ email: platformOrganisations.contactEmail })
		.from(platformOrganisations)
		.where(eq(platformOrganisations.id, organisationId));
	const emails = [...people.map((p) => p.email), ...(group?.email ? [group.email] : [])];
	return [...new Set(emails.map((e) => e.toLowerCase()))].sort();
}

/**
 * Sends one reminder, if its deadline still applies to the asset's current nomination: queues one
 * mail per recipient, each with its own singleton key so a retried job sends nothing twice.
 */
export async function sendAcvReminder(
	payload: Record<string, unknown>,
	{ db, today }: { db: Executor; today?: IsoDate }
): Promise<Record<string, unknown>> {
	const reminder = reminderPayload.parse(payload);
	const summary = await getAcvSummary(db, reminder.assetId, { today: today ?? todayUtc() });
	const stillDue =
		summary &&
		summary.nomination.id === reminder.nominationId &&
		upcomingDeadlines(summary.timeline).some(
			(d) => d.kind === reminder.kind && d.date === reminder.date
		);
	if (!summary || !stillDue) return { sent: 0, skipped: 'deadline no longer applies' };
	const recipients = await reminderRecipients(
		db,
		reminder.assetId,
		summary.nomination.nominatingOrganisationId
	);
	const [asset] = await db
		.select({ name: assetsAssets.name })
		.from(assetsAssets)
		.where(eq(assetsAssets.id, reminder.assetId));
	const params = {
		asset: asset?.name ?? '',
		deadline: t(`acv.deadline.${reminder.kind}`),
		date: formatAcvDate(reminder.date),
		days: reminder.daysBefore,
		url: `${(process.env.ORIGIN ?? 'http://localhost:3000').replace(/\/$/, '')}/assets/${reminder.assetId}/acv`
	};
	await db.transaction(async (tx) => {
		for (const to of recipients) {
			await queueMail(
				tx,
				{
					to,
					subject: t('acv.mail.reminderSubject', params),
					text: t('acv.mail.reminderBody', params)
				},
				{
					singletonKey: `acv-reminder-mail:${reminder.nominationId}:${reminder.kind}:${reminder.date}:${reminder.daysBefore}:${to}`
				}
			);
		}
	});
	return { sent: recipients.length };
}

/** The module's job handlers, for its manifest. */
export const acvJobHandlers: JobHandlers = {
	[ACV_REMINDER_QUEUE]: (payload, ctx) => sendAcvReminder(payload, { db: ctx.db })
};
