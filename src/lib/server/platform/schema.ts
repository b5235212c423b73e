import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Accounts. Column sets follow better-auth's core schema (user, session, account, verification,
// rateLimit); better-auth maps its models onto these tables through the Drizzle adapter.
// ---------------------------------------------------------------------------------------------

/** People with an account. */
export const platformUsers = pgTable('platform_users', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	/** The neighbourhood a resident says they live in (optional). */
	homePlaceId: text('home_place_id'),
	/** Can create councils and act everywhere; set from the command line or the demo, never by a form. */
	isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** Signed-in sessions. */
export const platformSessions = pgTable(
	'platform_sessions',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => platformUsers.id, { onDelete: 'cascade' })
	},
	(t) => [index('platform_sessions_user_idx').on(t.userId)]
);

/** Credentials (password hashes) and linked sign-in providers. */
export const platformAccounts = pgTable(
	'platform_accounts',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => platformUsers.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('platform_accounts_user_idx').on(t.userId)]
);

/** One-time tokens: magic links, password resets, email verification. */
export const platformVerifications = pgTable(
	'platform_verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('platform_verifications_identifier_idx').on(t.identifier)]
);

/** Sign-in rate limiting counters, kept in the database so they hold across app servers. */
export const platformRateLimits = pgTable('platform_rate_limits', {
	id: text('id').primaryKey(),
	key: text('key').notNull().unique(),
	count: integer('count').notNull(),
	lastRequest: bigint('last_request', { mode: 'number' }).notNull()
});

// ---------------------------------------------------------------------------------------------
// Places: council → ward → neighbourhood, with optional boundaries and ONS codes.
// ---------------------------------------------------------------------------------------------

/** Levels of the place tree, from the widest. */
export const placeLevels = ['council', 'ward', 'neighbourhood'] as const;
export type PlaceLevel = (typeof placeLevels)[number];

/** Areas. `path` is the chain of ids from the root, so "is below" is one indexed prefix test. */
export const platformPlaces = pgTable(
	'platform_places',
	{
		id: text('id').primaryKey(),
		parentId: text('parent_id'),
		/** Ids from the root to this place joined by '/', ending with this place's id. */
		path: text('path').notNull(),
		level: text('level').$type<PlaceLevel>().notNull(),
		name: text('name').notNull(),
		slug: text('slug').notNull().unique(),
		/** ONS (GSS) code such as E05012345 (ward) or E01012345 (LSOA), when known. */
		onsCode: text('ons_code').unique(),
		/** GeoJSON Polygon or MultiPolygon geometry. */
		boundary: jsonb('boundary'),
		/** [minLon, minLat, maxLon, maxLat] of the boundary, for maps and point-in-area checks. */
		bbox: jsonb('bbox').$type<[number, number, number, number]>(),
		description: text('description'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('platform_places_parent_idx').on(t.parentId),
		index('platform_places_path_idx').on(t.path),
		check('platform_places_level_check', sql`${t.level} in ('council', 'ward', 'neighbourhood')`)
	]
);

// ---------------------------------------------------------------------------------------------
// Roles per place.
// ---------------------------------------------------------------------------------------------

export const roleNames = ['resident', 'organiser', 'officer', 'admin'] as const;
export type RoleName = (typeof roleNames)[number];

/** A role granted to a person on a place; it applies to that place and every place below it. */
export const platformRoleGrants = pgTable(
	'platform_role_grants',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => platformUsers.id, { onDelete: 'cascade' }),
		placeId: text('place_id')
			.notNull()
			.references(() => platformPlaces.id, { onDelete: 'cascade' }),
		role: text('role').$type<RoleName>().notNull(),
		grantedBy: text('granted_by'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('platform_role_grants_unique').on(t.userId, t.placeId, t.role),
		check(
			'platform_role_grants_role_check',
			sql`${t.role} in ('resident', 'organiser', 'officer', 'admin')`
		)
	]
);

/** Invitations to join with a role on a place, accepted by signing in with the invited email. */
export const platformInvitations = pgTable('platform_invitations', {
	id: text('id').primaryKey(),
	email: text('email').notNull(),
	placeId: text('place_id')
		.notNull()
		.references(() => platformPlaces.id, { onDelete: 'cascade' }),
	role: text('role').$type<RoleName>().notNull(),
	invitedBy: text('invited_by').notNull(),
	acceptedAt: timestamp('accepted_at', { withTimezone: true }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdAt: createdAt()
});

// ---------------------------------------------------------------------------------------------
// Organisations.
// ---------------------------------------------------------------------------------------------

export const organisationKinds = [
	'community_group',
	'charity',
	'cic',
	'parish_council',
	'community_business',
	'other'
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** Community groups, charities, CICs, parish councils, community businesses. */
export const platformOrganisations = pgTable('platform_organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	slug: text('slug').notNull().unique(),
	kind: text('kind').$type<OrganisationKind>().notNull(),
	description: text('description'),
	/** Charity or company number, when registered. */
	registrationNumber: text('registration_number'),
	contactName: text('contact_name'),
	contactEmail: text('contact_email'),
	contactPhone: text('contact_phone'),
	website: text('website'),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

/** Where an organisation works. */
export const platformOrganisationPlaces = pgTable(
	'platform_organisation_places',
	{
		organisationId: text('organisation_id')
			.notNull()
			.references(() => platformOrganisations.id, { onDelete: 'cascade' }),
		placeId: text('place_id')
			.notNull()
			.references(() => platformPlaces.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.organisationId, t.placeId] })]
);

// ---------------------------------------------------------------------------------------------
// Audit log: append-only. The application has no update or delete path for it, and the
// migration adds a trigger that refuses UPDATE and DELETE at the database too.
// ---------------------------------------------------------------------------------------------

export const platformAuditLog = pgTable(
	'platform_audit_log',
	{
		id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: text('actor_id'),
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		placeId: text('place_id'),
		subjectType: text('subject_type'),
		subjectId: text('subject_id'),
		details: jsonb('details').$type<Record<string, unknown>>().notNull().default({})
	},
	(t) => [
		index('platform_audit_log_place_idx').on(t.placeId, t.at),
		index('platform_audit_log_at_idx').on(t.at)
	]
);

// ---------------------------------------------------------------------------------------------
// Background jobs, stored in the database so they survive a restart; claimed with
// FOR UPDATE SKIP LOCKED, which both PGlite and PostgreSQL support.
// ---------------------------------------------------------------------------------------------

export const platformJobs = pgTable(
	'platform_jobs',
	{
		id: text('id').primaryKey(),
		queue: text('queue').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
		status: text('status')
			.$type<'queued' | 'running' | 'done' | 'failed'>()
			.notNull()
			.default('queued'),
		runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
		attempts: integer('attempts').notNull().default(0),
		maxAttempts: integer('max_attempts').notNull().default(5),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		lastError: text('last_error'),
		progress: jsonb('progress').$type<Record<string, unknown>>(),
		result: jsonb('result').$type<Record<string, unknown>>(),
		/** Optional key so the same job is not queued twice (e.g. one reminder per deadline). */
		singletonKey: text('singleton_key').unique(),
		createdAt: createdAt(),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [index('platform_jobs_claim_idx').on(t.status, t.runAt)]
);

// ---------------------------------------------------------------------------------------------
// Mail outbox: every message the platform sends is recorded; without SMTP this is where mail
// goes, readable by admins and organisers in a demo and by tests.
// ---------------------------------------------------------------------------------------------

export const platformOutbox = pgTable(
	'platform_outbox',
	{
		id: text('id').primaryKey(),
		to: text('to_address').notNull(),
		subject: text('subject').notNull(),
		text: text('text_body').notNull(),
		html: text('html_body'),
		transport: text('transport').$type<'outbox' | 'smtp'>().notNull(),
		status: text('status').$type<'stored' | 'sent' | 'failed'>().notNull(),
		error: text('error'),
		createdAt: createdAt()
	},
	(t) => [index('platform_outbox_to_idx').on(t.to, t.createdAt)]
);
