/**
 * Assets of community value (Localism Act 2011, Part 5, Chapter 3): nominations and the council's
 * decisions, owners' notices of a relevant disposal, community groups' requests to be treated as
 * potential bidders, and exempt disposals. Statutory dates are `date` columns (calendar dates with
 * no time zone); the dates that follow from them (decision due, expiry, moratorium ends) are
 * computed by `core/assets/acv-dates.ts`, except the listing and expiry dates, which are stored
 * because they are part of the entry in the list.
 */
import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { EligibilityAnswers } from '../../../core/assets/acv-eligibility';
import { platformOrganisations } from '../../platform/schema';
import { assetsAssets } from '../schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** A legal date: `YYYY-MM-DD`, no time zone. */
const legalDate = (name: string) => date(name, { mode: 'string' });

export const acvDecisions = ['listed', 'not_listed'] as const;
export type AcvDecision = (typeof acvDecisions)[number];

/** One nomination of an asset, and the council's decision on it (the entry in the list). */
export const assetsAcvNominations = pgTable(
	'assets_acv_nominations',
	{
		id: text('id').primaryKey(),
		/** The council's reference for the entry, e.g. ACV-2025-0007. */
		reference: text('reference').notNull(),
		assetId: text('asset_id')
			.notNull()
			.references(() => assetsAssets.id, { onDelete: 'restrict' }),
		nominatingOrganisationId: text('nominating_organisation_id')
			.notNull()
			.references(() => platformOrganisations.id, { onDelete: 'restrict' }),
		/** The answers to the eligibility questions, and the reason they gave. */
		eligibility: jsonb('eligibility').$type<EligibilityAnswers>().notNull(),
		eligibilityReason: text('eligibility_reason').notNull(),
		/** Why the asset furthers (or recently furthered) the social wellbeing of the community. */
		reasons: text('reasons').notNull(),
		receivedDate: legalDate('received_date').notNull(),
		nominatedBy: text('nominated_by'),
		decision: text('decision').$type<AcvDecision>(),
		decisionDate: legalDate('decision_date'),
		decisionReasons: text('decision_reasons'),
		decidedBy: text('decided_by'),
		listingDate: legalDate('listing_date'),
		expiryDate: legalDate('expiry_date'),
		removedDate: legalDate('removed_date'),
		removalReason: text('removal_reason'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('assets_acv_nominations_reference_unique').on(t.reference),
		index('assets_acv_nominations_asset_idx').on(t.assetId, t.receivedDate),
		check(
			'assets_acv_nominations_decision_check',
			sql`${t.decision} is null or ${t.decision} in ('listed', 'not_listed')`
		),
		check(
			'assets_acv_nominations_decided_check',
			sql`(${t.decision} is null) = (${t.decisionDate} is null)`
		),
		check(
			'assets_acv_nominations_listing_check',
			sql`(${t.decision} = 'listed') = (${t.listingDate} is not null and ${t.expiryDate} is not null)`
		)
	]
);

/** An owner's written notice of a wish to make a relevant disposal (s.95(2)). */
export const assetsAcvDisposalNotices = pgTable(
	'assets_acv_disposal_notices',
	{
		id: text('id').primaryKey(),
		nominationId: text('nomination_id')
			.notNull()
			.references(() => assetsAcvNominations.id, { onDelete: 'restrict' }),
		/** The date the council received the notice: every moratorium date counts from it. */
		receivedDate: legalDate('received_date').notNull(),
		ownerName: text('owner_name'),
		notes: text('notes'),
		/** When the disposal completed, if it has. */
		completedDate: legalDate('completed_date'),
		recordedBy: text('recorded_by'),
		createdAt: createdAt()
	},
	(t) => [index('assets_acv_disposal_notices_nomination_idx').on(t.nominationId, t.receivedDate)]
);

/** A community interest group's written request to be treated as a potential bidder (s.95(3)(a)). */
export const assetsAcvBidRequests = pgTable(
	'assets_acv_bid_requests',
	{
		id: text('id').primaryKey(),
		nominationId: text('nomination_id')
			.notNull()
			.references(() => assetsAcvNominations.id, { onDelete: 'restrict' }),
		/** The group, when it is on the platform. */
		organisationId: text('organisation_id').references(() => platformOrganisations.id, {
			onDelete: 'set null'
		}),
		groupName: text('group_name').notNull(),
		receivedDate: legalDate('received_date').notNull(),
		recordedBy: text('recorded_by'),
		createdAt: createdAt()
	},
	(t) => [index('assets_acv_bid_requests_nomination_idx').on(t.nominationId, t.receivedDate)]
);

/** A disposal that needs no moratorium (s.95(5); Schedule 3 of SI 2012/2421), recorded as such. */
export const assetsAcvExemptDisposals = pgTable(
	'assets_acv_exempt_disposals',
	{
		id: text('id').primaryKey(),
		nominationId: text('nomination_id')
			.notNull()
			.references(() => assetsAcvNominations.id, { onDelete: 'restrict' }),
		disposalDate: legalDate('disposal_date').notNull(),
		/** Which exemption applies, in the officer's words (e.g. "gift to a family member"). */
		exemption: text('exemption').notNull(),
		notes: text('notes'),
		recordedBy: text('recorded_by'),
		createdAt: createdAt()
	},
	(t) => [index('assets_acv_exempt_disposals_nomination_idx').on(t.nominationId)]
);
