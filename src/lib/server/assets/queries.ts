/**
 * Reading the register. Confirmed and closed assets are public; suggestions (and rejected ones)
 * are seen only by the person who suggested them and by those who keep the register there.
 */
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { can, isWithin, type Actor } from '../platform/permissions';
import { listManagedPlaces } from '../platform/roles/queries';
import { platformOrganisations, platformPlaces } from '../platform/schema';
import { pageOptions, toPage, withinPathCondition, type Page } from '../platform/places/queries';
import { assetsAcvNominations } from './acv/schema';
import {
	assetsAssets,
	assetsPhotos,
	type AssetKind,
	type AssetOwnerType,
	type AssetStatus
} from './schema';

/** An asset as stored. */
export type Asset = typeof assetsAssets.$inferSelect;

/** A photo of an asset. */
export type AssetPhoto = typeof assetsPhotos.$inferSelect;

/** A line in the register. */
export type AssetSummary = Pick<
	Asset,
	| 'id'
	| 'name'
	| 'kind'
	| 'address'
	| 'postcode'
	| 'status'
	| 'ownerType'
	| 'longitude'
	| 'latitude'
	| 'placeId'
	| 'updatedAt'
> & { placeName: string; placeSlug: string };

/** An asset with its place, who runs it and its photos, for the asset page. */
export type AssetDetail = Asset & {
	place: { id: string; name: string; slug: string; path: string; level: string };
	runByOrganisation: { id: string; name: string; slug: string } | null;
	photos: AssetPhoto[];
	/** May the actor change it (confirm, edit)? */
	canManage: boolean;
};

/** Statuses anyone may see. */
export const publicStatuses: readonly AssetStatus[] = ['confirmed', 'closed'];

/** Filters for the register. Every one is optional; lists combine them with "and". */
export type AssetFilters = {
	/** The place and every place below it. */
	placePath?: string;
	kinds?: AssetKind[];
	ownerTypes?: AssetOwnerType[];
	/** Defaults to confirmed only. Suggested and rejected ones need `asset.manage` there. */
	statuses?: AssetStatus[];
	/** Words in the name, address, postcode or owner. */
	search?: string;
	/** Only assets listed (true) or not listed (false) as assets of community value. */
	acvListed?: boolean;
	page?: number;
	pageSize?: number;
};

/**
 * SQL for "the asset is on the list of assets of community value today": a nomination decided
 * `listed`, whose listing has started, not expired and not been removed.
 */
function acvListedToday(): SQL {
	const n = assetsAcvNominations;
	return sql`exists (select 1 from ${n} where ${n.assetId} = ${assetsAssets.id} and ${n.decision} = 'listed' and ${n.listingDate} <= current_date and ${n.expiryDate} >= current_date and (${n.removedDate} is null or ${n.removedDate} > current_date))`;
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The where clause for {@link AssetFilters}, honouring who may see what. */
async function filterCondition(
	db: Executor,
	actor: Actor,
	filters: AssetFilters
): Promise<SQL | undefined> {
	const conditions: SQL[] = [];
	if (filters.placePath) conditions.push(withinPathCondition(filters.placePath));
	if (filters.kinds?.length) conditions.push(inArray(assetsAssets.kind, filters.kinds));
	if (filters.ownerTypes?.length)
		conditions.push(inArray(assetsAssets.ownerType, filters.ownerTypes));
	const statuses = filters.statuses?.length ? filters.statuses : (['confirmed'] as AssetStatus[]);
	const open = statuses.filter((s) => publicStatuses.includes(s));
	const hidden = statuses.filter((s) => !publicStatuses.includes(s));
	const visible: SQL[] = [];
	if (open.length) visible.push(inArray(assetsAssets.status, open));
	if (hidden.length) {
		const managed = await listManagedPlaces(db, actor, 'asset.manage');
		const mine = actor.kind === 'person' ? eq(assetsAssets.suggestedBy, actor.userId) : undefined;
		const where = or(...managed.map((m) => withinPathCondition(m.path)), mine);
		if (where) visible.push(and(inArray(assetsAssets.status, hidden), where)!);
	}
	conditions.push(visible.length ? or(...visible)! : sql`false`);
	const search = filters.search?.trim();
	if (search) {
		const pattern = `%${escapeLike(search.slice(0, 100))}%`;
		conditions.push(
			or(
				sql`${assetsAssets.name} ilike ${pattern}`,
				sql`${assetsAssets.address} ilike ${pattern}`,
				sql`${assetsAssets.postcode} ilike ${pattern}`,
				sql`${assetsAssets.ownerName} ilike ${pattern}`
			)!
		);
	}
	if (filters.acvListed !== undefined)
		conditions.push(filters.acvListed ? acvListedToday() : sql`not ${acvListedToday()}`);
	return and(...conditions);
}

const summaryColumns = {
	id: assetsAssets.id,
	name: assetsAssets.name,
	kind: assetsAssets.kind,
	address: assetsAssets.address,
	postcode: assetsAssets.postcode,
	status: assetsAssets.status,
	ownerType: assetsAssets.ownerType,
	longitude: assetsAssets.longitude,
	latitude: assetsAssets.latitude,
	placeId: assetsAssets.placeId,
	updatedAt: assetsAssets.updatedAt,
	placeName: platformPlaces.name,
	placeSlug: platformPlaces.slug
};

/** One page of the register, by name. */
export async function listAssets(
	db: Executor,
	actor: Actor,
	filters: AssetFilters = {}
): Promise<Page<AssetSummary>> {
	const { page, pageSize, offset } = pageOptions(filters, 20);
	const where = await filterCondition(db, actor, filters);
	const [total] = await db
		.select({ n: count() })
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(where);
	const items = await db
		.select(summaryColumns)
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(where)
		.orderBy(asc(assetsAssets.name), asc(assetsAssets.id))
		.limit(pageSize)
		.offset(offset);
	return toPage(items, total?.n ?? 0, page, pageSize);
}

/** A full row of the register, for exports. */
export type AssetExportRow = Asset & {
	placeName: string;
	placeSlug: string;
	placeOnsCode: string | null;
	runByName: string | null;
};

/** Every asset matching the filters (no pages), for exports and the map. At most `limit`. */
export async function listAllAssets(
	db: Executor,
	actor: Actor,
	filters: Omit<AssetFilters, 'page' | 'pageSize'> = {},
	limit = 20_000
): Promise<AssetExportRow[]> {
	const where = await filterCondition(db, actor, filters);
	const rows = await db
		.select({
			asset: assetsAssets,
			placeName: platformPlaces.name,
			placeSlug: platformPlaces.slug,
			placeOnsCode: platformPlaces.onsCode,
			runByName: platformOrganisations.name
		})
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.leftJoin(platformOrganisations, eq(platformOrganisations.id, assetsAssets.runBy))
		.where(where)
		.orderBy(asc(assetsAssets.name), asc(assetsAssets.id))
		.limit(limit);
	return rows.map((r) => ({
		...r.asset,
		placeName: r.placeName,
		placeSlug: r.placeSlug,
		placeOnsCode: r.placeOnsCode,
		runByName: r.runByName
	}));
}

/** The asset as stored with its place's path, or null. No visibility check: for use cases. */
export async function loadAssetWithPlace(db: Executor, id: string) {
	const [row] = await db
		.select({ asset: assetsAssets, placePath: platformPlaces.path })
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(eq(assetsAssets.id, id));
	return row ?? null;
}

/** May the actor see this asset? */
export function canSeeAsset(actor: Actor, asset: Asset, placePath: string): boolean {
	if (publicStatuses.includes(asset.status)) return true;
	if (actor.kind === 'person' && asset.suggestedBy === actor.userId) return true;
	return can(actor, 'asset.manage', { path: placePath });
}

/**
 * An asset with its place, organisation and photos, or null when it does not exist or the actor
 * may not see it (a suggestion of someone else's, say) — the two look the same from outside.
 */
export async function getAsset(
	db: Executor,
	actor: Actor,
	id: string
): Promise<AssetDetail | null> {
	const [row] = await db
		.select({
			asset: assetsAssets,
			place: {
				id: platformPlaces.id,
				name: platformPlaces.name,
				slug: platformPlaces.slug,
				path: platformPlaces.path,
				level: platformPlaces.level
			},
			organisation: {
				id: platformOrganisations.id,
				name: platformOrganisations.name,
				slug: platformOrganisations.slug
			}
		})
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.leftJoin(platformOrganisations, eq(platformOrganisations.id, assetsAssets.runBy))
		.where(eq(assetsAssets.id, id));
	if (!row || !canSeeAsset(actor, row.asset, row.place.path)) return null;
	const photos = await db
		.select()
		.from(assetsPhotos)
		.where(eq(assetsPhotos.assetId, id))
		.orderBy(asc(assetsPhotos.position), asc(assetsPhotos.createdAt));
	return {
		...row.asset,
		place: row.place,
		runByOrganisation: row.organisation?.id ? row.organisation : null,
		photos,
		canManage: can(actor, 'asset.manage', row.place)
	};
}

/** Counts of public assets by kind in a place and below, for summaries. */
export async function countAssetsByKind(
	db: Executor,
	placePath: string
): Promise<Partial<Record<AssetKind, number>>> {
	const rows = await db
		.select({ kind: assetsAssets.kind, n: count() })
		.from(assetsAssets)
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.where(and(withinPathCondition(placePath), eq(assetsAssets.status, 'confirmed')))
		.groupBy(assetsAssets.kind);
	return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** True when the place at `path` is the place at `outer` or below it. */
export function placeIsWithin(path: string, outer: string): boolean {
	return isWithin({ path }, outer);
}
