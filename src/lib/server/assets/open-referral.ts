/**
 * The register in the Open Referral UK (HSDS 3.0 UK profile) shape, for directories that read
 * ORUK: each organisation on the platform is an `organization`, each confirmed asset a physical
 * `location`, and what happens there a `service` (the space itself: opening and booking details),
 * linked by `service_at_location`. Ids are UUIDs, as the standard requires, derived from ours.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { platformOrganisations, platformPlaces } from '../platform/schema';
import { pageOptions } from '../platform/places/queries';
import { assetsAssets, type AssetKind } from './schema';

/** The HSDS version and the UK profile these documents follow. */
export const orukVersion = '3.0';
export const orukProfile = 'https://github.com/openreferral/uk-profile';

/** A UUID for one of our ids: our ids are 32 hex characters already; others are hashed. */
export function uuidOf(kind: string, id: string): string {
	const hex = /^[0-9a-f]{32}$/.test(id)
		? id
		: createHash('sha1').update(`${kind}:${id}`).digest('hex').slice(0, 32);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Back from a UUID in a URL to our id (asset ids are plain hex with dashes added). */
export function idFromUuid(uuid: string): string | null {
	const hex = uuid.toLowerCase().replace(/-/g, '');
	return /^[0-9a-f]{32}$/.test(hex) ? hex : null;
}

const kindWords: Record<AssetKind, string> = {
	community_centre: 'Community centre',
	hall: 'Hall',
	pub: 'Pub',
	library: 'Library',
	place_of_worship: 'Place of worship',
	green_space: 'Green space',
	sports_facility: 'Sports facility',
	vacant_unit: 'Vacant unit',
	other: 'Community space'
};

/** An ORUK page: the `Page` schema of the ORUK API. */
export type OrukPage<T> = {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
};

function page<T>(contents: T[], total: number, pageNumber: number, size: number): OrukPage<T> {
	const totalPages = Math.max(1, Math.ceil(total / size));
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: pageNumber,
		size,
		first_page: pageNumber === 1,
		last_page: pageNumber >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

const publicAsset = eq(assetsAssets.status, 'confirmed');

type Row = {
	asset: typeof assetsAssets.$inferSelect;
	placeName: string;
	organisation: typeof platformOrganisations.$inferSelect | null;
};

async function loadRows(db: Executor, where = publicAsset, limit = 50, offset = 0): Promise<Row[]> {
	const rows = await db
		.select({
			asset: assetsAssets,
			placeName: platformPlaces.name,
			organisation: platformOrganisations
		})
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.leftJoin(platformOrganisations, eq(platformOrganisations.id, assetsAssets.runBy))
		.where(where)
		.orderBy(asc(assetsAssets.name), asc(assetsAssets.id))
		.limit(limit)
		.offset(offset);
	return rows.map((r) => ({ ...r, organisation: r.organisation?.id ? r.organisation : null }));
}

function organization(o: typeof platformOrganisations.$inferSelect, baseUrl: string) {
	return {
		id: uuidOf('organisation', o.id),
		name: o.name,
		description: o.description ?? o.name,
		...(o.contactEmail ? { email: o.contactEmail } : {}),
		...(o.website ? { website: o.website } : {}),
		uri: `${baseUrl}/organisations/${o.slug}`
	};
}

function serviceDescription(r: Row): string {
	const parts = [r.asset.description, r.asset.openingInfo, r.asset.bookingInfo].filter(Boolean);
	return parts.length ? parts.join('\n\n') : `${kindWords[r.asset.kind]} in ${r.placeName}.`;
}

function serviceSummary(r: Row, baseUrl: string) {
	return {
		id: uuidOf('asset', r.asset.id),
		...(r.organisation ? { organization_id: uuidOf('organisation', r.organisation.id) } : {}),
		name: r.asset.name,
		description: serviceDescription(r),
		url: `${baseUrl}/assets/${r.asset.id}`,
		status: 'active' as const,
		last_modified: r.asset.updatedAt.toISOString()
	};
}

function location(r: Row) {
	const id = uuidOf('location', r.asset.id);
	return {
		id,
		location_type: 'physical' as const,
		name: r.asset.name,
		description: kindWords[r.asset.kind],
		...(r.asset.latitude !== null && r.asset.longitude !== null
			? { latitude: r.asset.latitude, longitude: r.asset.longitude }
			: {}),
		addresses:
			r.asset.address && r.asset.postcode
				? [
						{
							id: uuidOf('address', r.asset.id),
							location_id: id,
							address_1: r.asset.address,
							city: r.placeName,
							state_province: '',
							postal_code: r.asset.postcode,
							country: 'GB',
							address_type: 'physical' as const
						}
					]
				: []
	};
}

function serviceAtLocation(r: Row) {
	return {
		id: uuidOf('service_at_location', r.asset.id),
		service_id: uuidOf('asset', r.asset.id),
		location_id: uuidOf('location', r.asset.id),
		location: location(r)
	};
}

/** The full service: its organisation, location and address. */
function serviceFull(r: Row, baseUrl: string) {
	return {
		...serviceSummary(r, baseUrl),
		...(r.organisation ? { organization: organization(r.organisation, baseUrl) } : {}),
		service_at_locations: [serviceAtLocation(r)]
	};
}

async function countPublic(db: Executor): Promise<number> {
	const [row] = await db.select({ n: count() }).from(assetsAssets).where(publicAsset);
	return row?.n ?? 0;
}

/** `GET /` of the ORUK API: the version, the profile and the profile's OpenAPI description. */
export function orukApiInfo() {
	return {
		version: orukVersion,
		profile: orukProfile,
		openapi_url:
			'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json'
	};
}

/** `GET /services`: a page of services with their one-to-one fields. */
export async function listOrukServices(
	db: Executor,
	baseUrl: string,
	options: { page?: number; perPage?: number } = {}
) {
	const {
		page: n,
		pageSize,
		offset
	} = pageOptions({ page: options.page, pageSize: options.perPage }, 50);
	const [rows, total] = await Promise.all([
		loadRows(db, publicAsset, pageSize, offset),
		countPublic(db)
	]);
	return page(
		rows.map((r) => serviceSummary(r, baseUrl)),
		total,
		n,
		pageSize
	);
}

/** `GET /services/{id}`: one service in full, or null. */
export async function getOrukService(db: Executor, baseUrl: string, uuid: string) {
	const id = idFromUuid(uuid);
	if (!id) return null;
	const [row] = await loadRows(db, and(publicAsset, eq(assetsAssets.id, id)), 1);
	return row ? serviceFull(row, baseUrl) : null;
}

/** `GET /service_at_locations`: a page of services at their locations. */
export async function listOrukServiceAtLocations(
	db: Executor,
	baseUrl: string,
	options: { page?: number; perPage?: number } = {}
) {
	const {
		page: n,
		pageSize,
		offset
	} = pageOptions({ page: options.page, pageSize: options.perPage }, 50);
	const [rows, total] = await Promise.all([
		loadRows(db, publicAsset, pageSize, offset),
		countPublic(db)
	]);
	return page(
		rows.map((r) => ({ ...serviceAtLocation(r), service: serviceSummary(r, baseUrl) })),
		total,
		n,
		pageSize
	);
}

/** `GET /organizations`: a page of the organisations that run assets on the register. */
export async function listOrukOrganizations(
	db: Executor,
	baseUrl: string,
	options: { page?: number; perPage?: number } = {}
) {
	const {
		page: n,
		pageSize,
		offset
	} = pageOptions({ page: options.page, pageSize: options.perPage }, 50);
	const running = db
		.selectDistinct({ id: assetsAssets.runBy })
		.from(assetsAssets)
		.where(publicAsset);
	const where = inArray(platformOrganisations.id, running);
	const [totalRow] = await db.select({ n: count() }).from(platformOrganisations).where(where);
	const rows = await db
		.select()
		.from(platformOrganisations)
		.where(where)
		.orderBy(asc(platformOrganisations.name))
		.limit(pageSize)
		.offset(offset);
	return page(
		rows.map((o) => organization(o, baseUrl)),
		totalRow?.n ?? 0,
		n,
		pageSize
	);
}
