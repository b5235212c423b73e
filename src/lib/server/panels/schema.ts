/**
 * The Panels module's tables: a citizens' panel for a place, its pool of volunteers, the
 * selection runs (background jobs) and the replacements made after the public draw.
 *
 * Personal data (name, email, phone, household, features) lives only in `panels_volunteers`,
 * read only by the panel's organisers, and is wiped after the panel's retention date. Everything
 * published refers to volunteers by their `number` alone.
 */
import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import type { Quota } from '../../core/sortition/index';
import { platformPlaces, platformUsers } from '../platform/schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * draft (pool and quotas being prepared) → published (the lottery is public and frozen, waiting
 * for the seed) → drawn (the public draw has happened).
 */
export const panelStatuses = ['draft', 'published', 'drawn'] as const;
export type PanelStatus = (typeof panelStatuses)[number];

/** Where the quotas came from, shown next to them. */
export const quotaSources = ['census', 'pool', 'mixed', 'organiser'] as const;
export type QuotaSource = (typeof quotaSources)[number];

/** A citizens' panel (or assembly, or jury) for a place. */
export const panelsPanels = pgTable(
	'panels_panels',
	{
		id: text('id').primaryKey(),
		placeId: text('place_id')
			.notNull()
			.references(() => platformPlaces.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		/** What the panel will consider, in plain words (public). */
		question: text('question'),
		panelSize: integer('panel_size').notNull(),
		isOnePerHousehold: boolean('is_one_per_household').notNull().default(false),
		/** Seconds LEXIMIN may run before falling back (null: no limit, every re-run identical). */
		timeLimitSeconds: integer('time_limit_seconds'),
		status: text('status').$type<PanelStatus>().notNull().default('draft'),
		/** Feature names of the pool, in the file's column order. */
		categories: jsonb('categories').$type<string[]>().notNull().default([]),
		quotas: jsonb('quotas').$type<Quota[]>().notNull().default([]),
		quotaSource: text('quota_source').$type<QuotaSource>(),
		/** Counts of each feature value in the pool, kept after anonymisation for the record. */
		poolCounts: jsonb('pool_counts').$type<Record<string, Record<string, number>>>(),
		poolSize: integer('pool_size').notNull().default(0),
		/** The review run whose lottery was published; it can no longer change. */
		lotterySelectionId: text('lottery_selection_id'),
		/** SHA-256 of the published lottery file, which the draw combines with the seed. */
		lotterySha256: text('lottery_sha256'),
		lotteryPublishedAt: timestamp('lottery_published_at', { withTimezone: true }),
		/** The public seed of the draw, announced after the lottery was published. */
		seed: text('seed'),
		/** The run holding the drawn lottery (the published one). */
		drawnSelectionId: text('drawn_selection_id'),
		/** The ticket the seed drew (null for panels drawn before lotteries were published first). */
		drawnTicket: integer('drawn_ticket'),
		drawnAt: timestamp('drawn_at', { withTimezone: true }),
		/** After this day personal data of the pool is wiped (set by the organiser). */
		retentionDate: date('retention_date', { mode: 'string' }),
		anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => platformUsers.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('panels_panels_place_idx').on(t.placeId),
		check('panels_panels_status_check', sql`${t.status} in (${inList(panelStatuses)})`),
		check('panels_panels_size_check', sql`${t.panelSize} between 1 and 1000`)
	]
);

/** pool → member (drawn or replacing someone) → dropped_out. */
export const volunteerRoles = ['pool', 'member', 'dropped_out'] as const;
export type VolunteerRole = (typeof volunteerRoles)[number];

/** A volunteer in a panel's pool. `number` is the only thing about them ever published. */
export const panelsVolunteers = pgTable(
	'panels_volunteers',
	{
		id: text('id').primaryKey(),
		panelId: text('panel_id')
			.notNull()
			.references(() => panelsPanels.id, { onDelete: 'cascade' }),
		/** 1..n in the order of the imported file; opaque to the public. */
		number: integer('number').notNull(),
		name: text('name'),
		email: text('email'),
		phone: text('phone'),
		household: text('household'),
		features: jsonb('features').$type<Record<string, string>>().notNull(),
		role: text('role').$type<VolunteerRole>().notNull().default('pool'),
		/** How a member joined: by the draw, or as a replacement. */
		joinedBy: text('joined_by').$type<'draw' | 'replacement'>(),
		invitedAt: timestamp('invited_at', { withTimezone: true }),
		anonymisedAt: timestamp('anonymised_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('panels_volunteers_number_unique').on(t.panelId, t.number),
		check('panels_volunteers_role_check', sql`${t.role} in (${inList(volunteerRoles)})`)
	]
);

/**
 * review: builds the lottery for the organiser to check and, if they choose, publish. draw: the
 * runs that drew with a seed before lotteries were published ahead of the seed (decision 0010);
 * no new ones are made.
 */
export const selectionPurposes = ['review', 'draw'] as const;
export type SelectionPurpose = (typeof selectionPurposes)[number];

export const selectionStatuses = ['queued', 'running', 'done', 'infeasible', 'failed'] as const;
export type SelectionStatus = (typeof selectionStatuses)[number];

/** The stored outcome of a selection, with volunteers by number only. */
export type StoredSelection = {
	method: string;
	methodUsed: string;
	minProbability: number;
	/** [number, probability under the fair distribution, probability under the lottery]. */
	probabilities: [number, number, number][];
	lottery: {
		size: number;
		maxDeviation: number;
		panels: { firstTicket: number; tickets: number; members: number[] }[];
	};
	/** Only in runs made before lotteries were published ahead of the seed. */
	drawn?: { ticket: number; members: number[] };
	/** SHA-256 of the lottery file (absent in runs made before lotteries had one). */
	lotterySha256?: string;
	inputsHash: string;
	solver: string;
	engineVersion?: string;
	timeLimitSeconds?: number | null;
	notes: string[];
	seconds: number;
};

/** The smallest change to the quotas that would allow a panel, when none meets them. */
export type StoredRelaxation = {
	isPossible: boolean;
	reason?: string;
	changes: {
		category: string;
		value: string;
		min: number;
		max: number;
		newMin: number;
		newMax: number;
	}[];
};

/** One run of the selection engine, as a background job. */
export const panelsSelections = pgTable(
	'panels_selections',
	{
		id: text('id').primaryKey(),
		panelId: text('panel_id')
			.notNull()
			.references(() => panelsPanels.id, { onDelete: 'cascade' }),
		purpose: text('purpose').$type<SelectionPurpose>().notNull(),
		/** The seed of old draw runs; reviews have none (the lottery never depends on one). */
		seed: text('seed'),
		status: text('status').$type<SelectionStatus>().notNull().default('queued'),
		jobId: text('job_id'),
		/** SHA-256 of the pool and quotas the run used (from the engine). */
		inputsHash: text('inputs_hash'),
		minProbability: doublePrecision('min_probability'),
		result: jsonb('result').$type<StoredSelection>(),
		relaxation: jsonb('relaxation').$type<StoredRelaxation>(),
		error: text('error'),
		requestedBy: text('requested_by').references(() => platformUsers.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [
		index('panels_selections_panel_idx').on(t.panelId, t.createdAt),
		check('panels_selections_purpose_check', sql`${t.purpose} in (${inList(selectionPurposes)})`),
		check('panels_selections_status_check', sql`${t.status} in (${inList(selectionStatuses)})`)
	]
);

/** A member who dropped out after the draw and who took their place (public, by number). */
export const panelsReplacements = pgTable(
	'panels_replacements',
	{
		id: text('id').primaryKey(),
		panelId: text('panel_id')
			.notNull()
			.references(() => panelsPanels.id, { onDelete: 'cascade' }),
		/** 1, 2, … in order; part of the replacement's seed. */
		sequence: integer('sequence').notNull(),
		droppedNumber: integer('dropped_number').notNull(),
		replacementNumber: integer('replacement_number').notNull(),
		/** How many volunteers could have taken the place while keeping every quota. */
		candidates: integer('candidates').notNull(),
		seed: text('seed').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('panels_replacements_sequence_unique').on(t.panelId, t.sequence)]
);
