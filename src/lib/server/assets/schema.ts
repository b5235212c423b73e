import { sql } from 'drizzle-orm';
import {
	check,
	doublePrecision,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { importKinds, importOwnerTypes } from '../../core/assets/import-rows';
import { platformOrganisations, platformPlaces } from '../platform/schema';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// The register of community assets and spaces.
// ---------------------------------------------------------------------------------------------

// One list of kinds and owner types, kept in core so the pure CSV import checks rows against
// exactly the values the table accepts.
export const assetKinds = importKinds;
export type AssetKind = (typeof assetKinds)[number];

export const assetOwnerTypes = importOwnerTypes;
export type AssetOwnerType = (typeof assetOwnerTypes)[number];

export const assetConditions = ['good', 'fair', 'poor', 'unknown'] as const;
export type AssetCondition = (typeof assetConditions)[number];

/** suggested by a resident → confirmed (or rejected) by an organiser; closed when it shuts. */
export const assetStatuses = ['suggested', 'confirmed', 'closed', 'rejected'] as const;
export type AssetStatus = (typeof assetStatuses)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** A community space: a centre, hall, pub, library, green space, vacant unit… */
export const assetsAssets = pgTable(
	'assets_assets',
	{
		id: text('id').primaryKey(),
		/** The neighbourhood (or ward, or council) the asset is in. */
		placeId: text('place_id')
			.notNull()
			.references(() => platformPlaces.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		kind: text('kind').$type<AssetKind>().notNull(),
		description: text('description'),
		address: text('address'),
		postcode: text('postcode'),
		/** WGS84 point, when known. */
		longitude: doublePrecision('longitude'),
		latitude: doublePrecision('latitude'),
		/** GeoJSON Polygon or MultiPolygon, for sites such as parks. */
		polygon: jsonb('polygon'),
		ownerType: text('owner_type').$type<AssetOwnerType>(),
		ownerName: text('owner_name'),
		/** The organisation that runs it, when it is on the platform. */
		runBy: text('run_by').references(() => platformOrganisations.id, { onDelete: 'set null' }),
		condition: text('condition').$type<AssetCondition>().notNull().default('unknown'),
		openingInfo: text('opening_info'),
		bookingInfo: text('booking_info'),
		status: text('status').$type<AssetStatus>().notNull().default('suggested'),
		/** Where the record came from when imported (e.g. 'libraries-taskforce-2016') and its id there. */
		source: text('source'),
		sourceRef: text('source_ref'),
		suggestedBy: text('suggested_by'),
		confirmedBy: text('confirmed_by'),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		/** Why a suggestion was rejected, shown to the person who made it. */
		rejectionReason: text('rejection_reason'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('assets_assets_place_idx').on(t.placeId),
		index('assets_assets_status_kind_idx').on(t.status, t.kind),
		uniqueIndex('assets_assets_source_ref_unique').on(t.source, t.sourceRef),
		check('assets_assets_kind_check', sql`${t.kind} in (${inList(assetKinds)})`),
		check('assets_assets_status_check', sql`${t.status} in (${inList(assetStatuses)})`),
		check('assets_assets_condition_check', sql`${t.condition} in (${inList(assetConditions)})`),
		check(
			'assets_assets_owner_type_check',
			sql`${t.ownerType} is null or ${t.ownerType} in (${inList(assetOwnerTypes)})`
		),
		check(
			'assets_assets_point_check',
			sql`(${t.longitude} is null) = (${t.latitude} is null) and (${t.longitude} is null or (${t.longitude} between -180 and 180 and ${t.latitude} between -90 and 90))`
		)
	]
);

/**
 * Photos of an asset. For now a photo is a URL with its alt text (no file uploads yet); the alt
 * text is required so every photo can be described to screen reader users.
 */
export const assetsPhotos = pgTable(
	'assets_photos',
	{
		id: text('id').primaryKey(),
		assetId: text('asset_id')
			.notNull()
			.references(() => assetsAssets.id, { onDelete: 'cascade' }),
		url: text('url').notNull(),
		altText: text('alt_text').notNull(),
		caption: text('caption'),
		position: integer('position').notNull().default(0),
		addedBy: text('added_by'),
		createdAt: createdAt()
	},
	(t) => [index('assets_photos_asset_idx').on(t.assetId, t.position)]
);

// Assets of community value.
export * from './acv/schema';
export * from './transfer/schema';
export * from './meanwhile/schema';
