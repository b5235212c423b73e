/**
 * Community asset transfer: a community organisation asks to take on a public building or
 * space (an expression of interest), writes a business plan, agrees terms (freehold, or a lease
 * with its length, rent and break clauses) and gets a decision, after which the transfer
 * completes. Each case has documents and a public timeline of its stages.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { platformOrganisations } from '../../platform/schema';
import { assetsAssets } from '../schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The stages of a case in order, then the two ways a case ends without a transfer. */
export const transferStages = [
	'expression_of_interest',
	'business_plan',
	'terms',
	'decision',
	'completed',
	'withdrawn',
	'refused'
] as const;
export type TransferStage = (typeof transferStages)[number];

/** Stages after which nothing more happens to a case. */
export const closedTransferStages = ['completed', 'withdrawn', 'refused'] as const;

export const transferTenures = ['freehold', 'lease'] as const;
export type TransferTenure = (typeof transferTenures)[number];

export const transferDecisions = ['approved', 'refused'] as const;
export type TransferDecision = (typeof transferDecisions)[number];

/** One organisation's case to take on one asset. */
export const assetsTransferCases = pgTable(
	'assets_transfer_cases',
	{
		id: text('id').primaryKey(),
		assetId: text('asset_id')
			.notNull()
			.references(() => assetsAssets.id, { onDelete: 'restrict' }),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => platformOrganisations.id, { onDelete: 'restrict' }),
		stage: text('stage').$type<TransferStage>().notNull().default('expression_of_interest'),
		/** What the group would do with the asset and who it would serve, in its own words. */
		proposal: text('proposal').notNull(),
		/** The person who submitted the expression of interest; mail about the case goes to them. */
		submittedBy: text('submitted_by'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
		tenure: text('tenure').$type<TransferTenure>(),
		/** Whole years; only for a lease. */
		leaseYears: integer('lease_years'),
		/** Money in integer pence (STYLE.md). */
		annualRentPence: bigint('annual_rent_pence', { mode: 'number' }),
		breakClauses: text('break_clauses'),
		otherConditions: text('other_conditions'),
		termsSetAt: timestamp('terms_set_at', { withTimezone: true }),
		decision: text('decision').$type<TransferDecision>(),
		decisionReasons: text('decision_reasons'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedBy: text('decided_by'),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('assets_transfer_cases_asset_idx').on(t.assetId),
		index('assets_transfer_cases_organisation_idx').on(t.organisationId),
		// An organisation has at most one open case per asset; after one ends it may try again.
		uniqueIndex('assets_transfer_cases_open_unique')
			.on(t.assetId, t.organisationId)
			.where(sql`${t.stage} not in (${inList(closedTransferStages)})`),
		check('assets_transfer_cases_stage_check', sql`${t.stage} in (${inList(transferStages)})`),
		check(
			'assets_transfer_cases_tenure_check',
			sql`${t.tenure} is null or ${t.tenure} in (${inList(transferTenures)})`
		),
		check(
			'assets_transfer_cases_lease_check',
			sql`(${t.tenure} = 'lease') = (${t.leaseYears} is not null) and (${t.leaseYears} is null or ${t.leaseYears} between 1 and 999)`
		),
		check(
			'assets_transfer_cases_rent_check',
			sql`${t.annualRentPence} is null or ${t.annualRentPence} >= 0`
		),
		check(
			'assets_transfer_cases_decision_check',
			sql`${t.decision} is null or (${t.decision} in (${inList(transferDecisions)}) and ${t.decisionReasons} is not null)`
		)
	]
);

/**
 * Documents of a case: the business plan, heads of terms, a condition survey. For now a document
 * is a link (to the council's document store or the group's own site) rather than an uploaded
 * file; `fileRef` is kept for stored files when uploads arrive.
 */
export const assetsTransferDocuments = pgTable(
	'assets_transfer_documents',
	{
		id: text('id').primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => assetsTransferCases.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		url: text('url'),
		fileRef: text('file_ref'),
		description: text('description'),
		/** Shown on the public status page; otherwise only to the people managing the case. */
		isPublic: boolean('is_public').notNull().default(true),
		addedBy: text('added_by'),
		createdAt: createdAt()
	},
	(t) => [
		index('assets_transfer_documents_case_idx').on(t.caseId, t.createdAt),
		check(
			'assets_transfer_documents_location_check',
			sql`${t.url} is not null or ${t.fileRef} is not null`
		)
	]
);

/** Every change of stage with the officer's note, for the public timeline. Append-only. */
export const assetsTransferEvents = pgTable(
	'assets_transfer_events',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		caseId: text('case_id')
			.notNull()
			.references(() => assetsTransferCases.id, { onDelete: 'cascade' }),
		/** Null for the expression of interest that opened the case. */
		fromStage: text('from_stage').$type<TransferStage>(),
		toStage: text('to_stage').$type<TransferStage>().notNull(),
		note: text('note'),
		actorId: text('actor_id'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('assets_transfer_events_case_idx').on(t.caseId, t.at)]
);
