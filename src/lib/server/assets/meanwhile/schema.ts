/**
 * Meanwhile use: a vacant asset offered for short-term community use until its long-term future
 * is settled, and the requests of groups and residents to use it. Dates are calendar days
 * (`date`), both ends included.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { platformOrganisations } from '../../platform/schema';
import { assetsAssets } from '../schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** An offer of a vacant asset for meanwhile use between two dates. */
export const assetsMeanwhileOffers = pgTable(
	'assets_meanwhile_offers',
	{
		id: text('id').primaryKey(),
		assetId: text('asset_id')
			.notNull()
			.references(() => assetsAssets.id, { onDelete: 'cascade' }),
		availableFrom: date('available_from', { mode: 'string' }).notNull(),
		availableTo: date('available_to', { mode: 'string' }).notNull(),
		/** What users must agree to: insurance, opening hours, no structural changes… */
		conditions: text('conditions'),
		/** Set when the offer is taken back; requests can no longer be made. */
		withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
		offeredBy: text('offered_by'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('assets_meanwhile_offers_asset_idx').on(t.assetId),
		check('assets_meanwhile_offers_dates_check', sql`${t.availableFrom} <= ${t.availableTo}`)
	]
);

export const meanwhileRequestStatuses = ['requested', 'approved', 'declined'] as const;
export type MeanwhileRequestStatus = (typeof meanwhileRequestStatuses)[number];

/** A request to use an offered asset, by a resident or for an organisation. */
export const assetsMeanwhileRequests = pgTable(
	'assets_meanwhile_requests',
	{
		id: text('id').primaryKey(),
		offerId: text('offer_id')
			.notNull()
			.references(() => assetsMeanwhileOffers.id, { onDelete: 'cascade' }),
		/** The offer's asset, kept here so overlapping bookings are found with one query. */
		assetId: text('asset_id')
			.notNull()
			.references(() => assetsAssets.id, { onDelete: 'cascade' }),
		requestedBy: text('requested_by').notNull(),
		/** The organisation asking, when a group asks rather than a resident. */
		organisationId: text('organisation_id').references(() => platformOrganisations.id, {
			onDelete: 'set null'
		}),
		purpose: text('purpose').notNull(),
		startsOn: date('starts_on', { mode: 'string' }).notNull(),
		endsOn: date('ends_on', { mode: 'string' }).notNull(),
		status: text('status').$type<MeanwhileRequestStatus>().notNull().default('requested'),
		declineReason: text('decline_reason'),
		decidedBy: text('decided_by'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: createdAt()
	},
	(t) => [
		index('assets_meanwhile_requests_offer_idx').on(t.offerId, t.status),
		index('assets_meanwhile_requests_asset_idx').on(t.assetId, t.status, t.startsOn),
		check('assets_meanwhile_requests_dates_check', sql`${t.startsOn} <= ${t.endsOn}`),
		check(
			'assets_meanwhile_requests_status_check',
			sql`${t.status} in (${inList(meanwhileRequestStatuses)})`
		),
		check(
			'assets_meanwhile_requests_decline_check',
			sql`${t.status} <> 'declined' or ${t.declineReason} is not null`
		)
	]
);
