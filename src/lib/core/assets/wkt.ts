/**
 * Well-known text (WKT, OGC Simple Features) for the planning data platform's `geometry` and
 * `point` fields: coordinates are WGS84 longitude then latitude, as in GeoJSON.
 */

type Position = readonly number[];

const pos = (p: Position) => `${p[0]} ${p[1]}`;
const ring = (r: readonly Position[]) => `(${r.map(pos).join(', ')})`;
const polygon = (rings: readonly (readonly Position[])[]) => `(${rings.map(ring).join(', ')})`;

/** `POINT (lon lat)`. */
export function pointWkt(longitude: number, latitude: number): string {
	return `POINT (${longitude} ${latitude})`;
}

/**
 * A GeoJSON Polygon or MultiPolygon as a WKT MULTIPOLYGON (the planning data platform stores
 * area geometries as multipolygons), or null for anything else.
 */
export function multiPolygonWkt(geometry: unknown): string | null {
	if (!geometry || typeof geometry !== 'object') return null;
	const g = geometry as { type?: unknown; coordinates?: unknown };
	if (!Array.isArray(g.coordinates)) return null;
	if (g.type === 'Polygon') {
		return `MULTIPOLYGON (${polygon(g.coordinates as Position[][])})`;
	}
	if (g.type === 'MultiPolygon') {
		return `MULTIPOLYGON (${(g.coordinates as Position[][][]).map(polygon).join(', ')})`;
	}
	return null;
}
