/**
 * The register as open data: a GeoJSON FeatureCollection (assets with a point or an area) and a
 * CSV of every asset, both following the filters of the list page. Only public assets.
 */
import { toCsv } from '../../core/assets/csv';
import type { Executor } from '../db/client';
import type { Actor } from '../platform/permissions';
import { listAllAssets, publicStatuses, type AssetExportRow, type AssetFilters } from './queries';

type ExportFilters = Omit<AssetFilters, 'page' | 'pageSize'>;

/** Exports never include suggestions: only confirmed and closed assets, whoever asks. */
function publicOnly(filters: ExportFilters): ExportFilters {
	const statuses = (filters.statuses ?? ['confirmed']).filter((s) => publicStatuses.includes(s));
	return { ...filters, statuses: statuses.length ? statuses : ['confirmed'] };
}

function properties(a: AssetExportRow, baseUrl: string) {
	return {
		id: a.id,
		name: a.name,
		kind: a.kind,
		status: a.status,
		address: a.address,
		postcode: a.postcode,
		owner_type: a.ownerType,
		owner_name: a.ownerName,
		run_by: a.runByName,
		condition: a.condition,
		opening_info: a.openingInfo,
		booking_info: a.bookingInfo,
		place: a.placeName,
		place_code: a.placeOnsCode,
		url: `${baseUrl}/assets/${a.id}`,
		updated: a.updatedAt.toISOString()
	};
}

/** A GeoJSON FeatureCollection (RFC 7946) of the assets that have a point or an area. */
export async function exportAssetsGeoJson(
	db: Executor,
	actor: Actor,
	filters: ExportFilters,
	baseUrl: string
) {
	const rows = await listAllAssets(db, actor, publicOnly(filters));
	const features = rows
		.filter((a) => a.polygon || (a.longitude !== null && a.latitude !== null))
		.map((a) => ({
			type: 'Feature' as const,
			id: a.id,
			geometry: a.polygon
				? (a.polygon as Record<string, unknown>)
				: { type: 'Point' as const, coordinates: [a.longitude!, a.latitude!] },
			properties: properties(a, baseUrl)
		}));
	return { type: 'FeatureCollection' as const, features };
}

/** The columns of the CSV export, in order. */
export const exportColumns = [
	'id',
	'name',
	'kind',
	'status',
	'address',
	'postcode',
	'latitude',
	'longitude',
	'owner_type',
	'owner_name',
	'run_by',
	'condition',
	'opening_info',
	'booking_info',
	'place',
	'place_code',
	'url',
	'updated'
] as const;

/** The assets as CSV, one row each, with a header. */
export async function exportAssetsCsv(
	db: Executor,
	actor: Actor,
	filters: ExportFilters,
	baseUrl: string
): Promise<string> {
	const rows = await listAllAssets(db, actor, publicOnly(filters));
	return toCsv([
		[...exportColumns],
		...rows.map((a) => {
			const p = { ...properties(a, baseUrl), latitude: a.latitude, longitude: a.longitude };
			return exportColumns.map((c) => p[c]);
		})
	]);
}
