import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	customType,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import {
	ballotTypes,
	countingRules,
	participationChannels,
	type BallotType,
	type CountingRule,
	type ParticipationChannel
} from '../../core/budgeting/phases';
import { imageTypes, type ImageType } from '../../core/images/image-type';
import { platformPlaces, platformUsers } from '../platform/schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export { ballotTypes, countingRules, participationChannels };
export type { BallotType, CountingRule, ParticipationChannel };

// ---------------------------------------------------------------------------------------------
// Processes: a pot of money on a place, with phases on dates (ideas → review → voting →
// results → delivery). The current phase is computed from the dates (core/budgeting/phases.ts);
// an organiser who moves a phase changes its date, with an audit entry.
// ---------------------------------------------------------------------------------------------

/** draft: only organisers see it; published: public, phases run on their dates. */
export const processStatuses = ['draft', 'published'] as const;
export type ProcessStatus = (typeof processStatuses)[number];

/** A participatory budgeting process. */
export const budgetingProcesses = pgTable(
	'budgeting_processes',
	{
		id: text('id').primaryKey(),
		/** The area whose residents decide: a council, ward or neighbourhood. */
		placeId: text('place_id')
			.notNull()
			.references(() => platformPlaces.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		/** The money to spend, in integer pence. */
		budgetPence: bigint('budget_pence', { mode: 'number' }).notNull(),
		status: text('status').$type<ProcessStatus>().notNull().default('draft'),
		// Phase dates: each phase starts at its date and ends where the next one starts. A null
		// date means the phase has not been scheduled. Voting ends at votingClosesAt.
		ideasOpensAt: timestamp('ideas_opens_at', { withTimezone: true }),
		reviewOpensAt: timestamp('review_opens_at', { withTimezone: true }),
		votingOpensAt: timestamp('voting_opens_at', { withTimezone: true }),
		votingClosesAt: timestamp('voting_closes_at', { withTimezone: true }),
		resultsAt: timestamp('results_at', { withTimezone: true }),
		deliveryAt: timestamp('delivery_at', { withTimezone: true }),
		// The ballot.
		ballotType: text('ballot_type').$type<BallotType>().notNull().default('approval'),
		/** Approval and ranked: at most this many projects (k). */
		maxChoices: integer('max_choices'),
		/** Knapsack: optional lower and upper limits on the number of projects. */
		minProjects: integer('min_projects'),
		maxProjects: integer('max_projects'),
		/** Cumulative: points each voter spreads, and at most this many on one project. */
		totalPoints: integer('total_points'),
		maxPointsPerProject: integer('max_points_per_project'),
		// Counting.
		countingRule: text('counting_rule').$type<CountingRule>().notNull().default('mes'),
		tieBreak: text('tie_break')
			.$type<'id' | 'votes-cost-id' | 'cost-votes-id'>()
			.notNull()
			.default('votes-cost-id'),
		// Eligibility: verified accounts living in the area, single-use voting codes, or both.
		allowAccounts: boolean('allow_accounts').notNull().default(true),
		allowCodes: boolean('allow_codes').notNull().default(true),
		/** Voters must declare they are at least this old (no proof asked), when set. */
		minAge: integer('min_age'),
		/** Postcode districts ("AB1", "AB12") a voter's postcode must be in, when non-empty. */
		postcodeDistricts: jsonb('postcode_districts').$type<string[]>().notNull().default([]),
		/** A process imported from a Pabulib file (research, demo): read-only, no voting here. */
		importedFrom: text('imported_from'),
		createdBy: text('created_by').references(() => platformUsers.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('budgeting_processes_place_idx').on(t.placeId),
		check('budgeting_processes_status_check', sql`${t.status} in (${inList(processStatuses)})`),
		check('budgeting_processes_ballot_check', sql`${t.ballotType} in (${inList(ballotTypes)})`),
		check('budgeting_processes_rule_check', sql`${t.countingRule} in (${inList(countingRules)})`),
		check('budgeting_processes_budget_check', sql`${t.budgetPence} > 0`)
	]
);

// ---------------------------------------------------------------------------------------------
// Ideas: what residents propose. Organisers moderate them (with a public reason), officers turn
// them into costed projects, merging duplicates.
// ---------------------------------------------------------------------------------------------

/**
 * submitted → published (visible, can be supported) → in a project (merged into one) or
 * rejected at review; hidden when moderated out. The reason for hidden or rejected is public.
 */
export const ideaStatuses = ['submitted', 'published', 'hidden', 'rejected', 'in_project'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

/** An idea a resident put forward. */
export const budgetingIdeas = pgTable(
	'budgeting_ideas',
	{
		id: text('id').primaryKey(),
		processId: text('process_id')
			.notNull()
			.references(() => budgetingProcesses.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull(),
		/** The neighbourhood it is for, or a point on the map, or neither. */
		placeId: text('place_id').references(() => platformPlaces.id, { onDelete: 'set null' }),
		longitude: doublePrecision('longitude'),
		latitude: doublePrecision('latitude'),
		/** The resident's rough idea of cost, in pence. */
		roughCostPence: bigint('rough_cost_pence', { mode: 'number' }),
		authorId: text('author_id').references(() => platformUsers.id, { onDelete: 'set null' }),
		status: text('status').$type<IdeaStatus>().notNull().default('submitted'),
		/** Why it was hidden or rejected: shown publicly ("you said, we did"). */
		publicReason: text('public_reason'),
		/** The project it became part of. */
		projectId: text('project_id'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('budgeting_ideas_process_idx').on(t.processId, t.status),
		check('budgeting_ideas_status_check', sql`${t.status} in (${inList(ideaStatuses)})`)
	]
);

/**
 * Raw bytes. PGlite hands bytea back as a Uint8Array and postgres.js as a Buffer (a Uint8Array
 * too); both send a Uint8Array parameter as bytea.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
});

/**
 * The photo of an idea, uploaded with it: kept in the database so that every visitor's browser
 * loads it from this site, never from a host the author chose (which would learn who reads the
 * idea). One per idea; its description for people who cannot see it is required.
 */
export const budgetingIdeaPhotos = pgTable(
	'budgeting_idea_photos',
	{
		id: text('id').primaryKey(),
		ideaId: text('idea_id')
			.notNull()
			.references(() => budgetingIdeas.id, { onDelete: 'cascade' }),
		/** Detected from the bytes, never taken from the upload's name or declared type. */
		contentType: text('content_type').$type<ImageType>().notNull(),
		bytes: bytea('bytes').notNull(),
		byteSize: integer('byte_size').notNull(),
		/** The text alternative shown to people who cannot see the photo. */
		alt: text('alt').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('budgeting_idea_photos_idea_idx').on(t.ideaId),
		check('budgeting_idea_photos_type_check', sql`${t.contentType} in (${inList(imageTypes)})`),
		check('budgeting_idea_photos_size_check', sql`${t.byteSize} = octet_length(${t.bytes})`)
	]
);

/** A resident's support for an idea: one per person per idea. */
export const budgetingIdeaSupports = pgTable(
	'budgeting_idea_supports',
	{
		ideaId: text('idea_id')
			.notNull()
			.references(() => budgetingIdeas.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => platformUsers.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.ideaId, t.userId] })]
);

/** draft: being costed; on_ballot: voters can choose it; withdrawn: taken off, with a reason. */
export const projectStatuses = ['draft', 'on_ballot', 'withdrawn'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A costed project on (or being prepared for) the ballot. */
export const budgetingProjects = pgTable(
	'budgeting_projects',
	{
		id: text('id').primaryKey(),
		processId: text('process_id')
			.notNull()
			.references(() => budgetingProcesses.id, { onDelete: 'cascade' }),
		/** 1, 2, 3… within the process: the order on the ballot and the Pabulib project_id. */
		number: integer('number').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		costPence: bigint('cost_pence', { mode: 'number' }).notNull(),
		placeId: text('place_id').references(() => platformPlaces.id, { onDelete: 'set null' }),
		/** The officer's note on feasibility, public. */
		feasibilityNote: text('feasibility_note'),
		status: text('status').$type<ProjectStatus>().notNull().default('draft'),
		publicReason: text('public_reason'),
		createdBy: text('created_by').references(() => platformUsers.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('budgeting_projects_number_idx').on(t.processId, t.number),
		check('budgeting_projects_status_check', sql`${t.status} in (${inList(projectStatuses)})`),
		check('budgeting_projects_cost_check', sql`${t.costPence} > 0`)
	]
);

// ---------------------------------------------------------------------------------------------
// Voting. WHO voted (participations, voting codes) is stored apart from WHAT was voted (ballots),
// with nothing that links them: no shared id, no timestamp, no sequence on ballots. See
// docs/ballot-secrecy.md.
// ---------------------------------------------------------------------------------------------

/** A batch of single-use voting codes, generated together (e.g. for one neighbourhood's letters). */
export const budgetingCodeBatches = pgTable('budgeting_code_batches', {
	id: text('id').primaryKey(),
	processId: text('process_id')
		.notNull()
		.references(() => budgetingProcesses.id, { onDelete: 'cascade' }),
	label: text('label').notNull(),
	/** The neighbourhood whose households get these letters, for turnout by neighbourhood. */
	placeId: text('place_id').references(() => platformPlaces.id, { onDelete: 'set null' }),
	size: integer('size').notNull(),
	createdBy: text('created_by').references(() => platformUsers.id, { onDelete: 'set null' }),
	createdAt: createdAt()
});

/** A single-use voting code. Only its hash is kept; the code itself is shown once, on the letters. */
export const budgetingVotingCodes = pgTable(
	'budgeting_voting_codes',
	{
		id: text('id').primaryKey(),
		processId: text('process_id')
			.notNull()
			.references(() => budgetingProcesses.id, { onDelete: 'cascade' }),
		batchId: text('batch_id')
			.notNull()
			.references(() => budgetingCodeBatches.id, { onDelete: 'cascade' }),
		/** SHA-256 of the normalised code, hex. */
		codeHash: text('code_hash').notNull(),
		/** Cancelled (a letter lost or misprinted): cannot be used. */
		isCancelled: boolean('is_cancelled').notNull().default(false)
	},
	(t) => [uniqueIndex('budgeting_voting_codes_hash_idx').on(t.processId, t.codeHash)]
);

/**
 * The roll of who has taken part: one row per voter, by account or by code (or neither, for a
 * paper ballot an officer entered). The unique indexes make "one person, one ballot" hold under
 * concurrency. No time is stored, so it cannot be lined up with ballots.
 */
export const budgetingParticipations = pgTable(
	'budgeting_participations',
	{
		id: text('id').primaryKey(),
		processId: text('process_id')
			.notNull()
			.references(() => budgetingProcesses.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => platformUsers.id, { onDelete: 'set null' }),
		votingCodeId: text('voting_code_id').references(() => budgetingVotingCodes.id, {
			onDelete: 'set null'
		}),
		channel: text('channel').$type<ParticipationChannel>().notNull(),
		/** The neighbourhood the voter lives in, when known: for turnout by neighbourhood. */
		placeId: text('place_id').references(() => platformPlaces.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('budgeting_participations_user_idx').on(t.processId, t.userId),
		uniqueIndex('budgeting_participations_code_idx').on(t.processId, t.votingCodeId),
		check(
			'budgeting_participations_channel_check',
			sql`${t.channel} in (${inList(participationChannels)})`
		)
	]
);

/** What a ballot holds: project ids (best first for ranked) and, for cumulative, points. */
export type StoredBallot = { projectIds: string[]; points?: number[] };

/**
 * The ballot box: what was voted, and nothing about who. The id is random and there is no
 * timestamp or sequence. The receipt hash lets the voter (who alone knows the receipt code)
 * check that their ballot is in the count.
 */
export const budgetingBallots = pgTable(
	'budgeting_ballots',
	{
		id: text('id').primaryKey(),
		processId: text('process_id')
			.notNull()
			.references(() => budgetingProcesses.id, { onDelete: 'cascade' }),
		ballot: jsonb('ballot').$type<StoredBallot>().notNull(),
		/** SHA-256 of the voter's receipt code, hex. */
		receiptHash: text('receipt_hash').notNull()
	},
	(t) => [
		index('budgeting_ballots_process_idx').on(t.processId),
		uniqueIndex('budgeting_ballots_receipt_idx').on(t.receiptHash)
	]
);

// ---------------------------------------------------------------------------------------------
// Results: a count by the core engine, frozen with the hash of the ballots it counted.
// ---------------------------------------------------------------------------------------------

/** official: the process's result, frozen; preview: an organiser's look at another rule. */
export const resultKinds = ['official', 'preview'] as const;
export type ResultKind = (typeof resultKinds)[number];

/** A counted result. */
export const budgetingResults = pgTable(
	'budgeting_results',
	{
		id: text('id').primaryKey(),
		processId: text('process_id')
			.notNull()
			.references(() => budgetingProcesses.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<ResultKind>().notNull(),
		/** The rule as recorded by the engine (`mes/cost`, `greedy`, `phragmen`). */
		rule: text('rule').notNull(),
		/** The count's options and outcome, with money as strings (JSON has no bigint). */
		outcome: jsonb('outcome').$type<Record<string, unknown>>().notNull(),
		/** SHA-256 over the ballots counted, in a canonical order, hex. */
		ballotsHash: text('ballots_hash').notNull(),
		ballotCount: integer('ballot_count').notNull(),
		countedBy: text('counted_by'),
		countedAt: timestamp('counted_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('budgeting_results_process_idx').on(t.processId, t.kind),
		uniqueIndex('budgeting_results_official_idx')
			.on(t.processId)
			.where(sql`${t.kind} = 'official'`),
		check('budgeting_results_kind_check', sql`${t.kind} in (${inList(resultKinds)})`)
	]
);
