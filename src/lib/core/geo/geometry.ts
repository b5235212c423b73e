/**
 * Plane geometry on longitude/latitude areas: bounding boxes, point-in-area tests and an SVG
 * outline. Treating degrees as planar coordinates is exact enough for neighbourhood-sized areas
 * (edges are a few hundred metres long) and is what GeoJSON itself assumes (RFC 7946 §3.1.1).
 */
import type { AreaGeometry, Position } from './geojson';

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

/** Every polygon of a geometry, as a list of rings. */
function polygonsOf(geometry: AreaGeometry): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** The bounding box of a Polygon or MultiPolygon. */
export function bboxOf(geometry: AreaGeometry): BBox {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const polygon of polygonsOf(geometry)) {
		for (const ring of polygon) {
			for (const [x, y] of ring as [number, number][]) {
				if (x < minX) minX = x;
				if (y < minY) minY = y;
				if (x > maxX) maxX = x;
				if (y > maxY) maxY = y;
			}
		}
	}
	return [minX, minY, maxX, maxY];
}

/** Whether a point lies inside (or on the edge of) a bounding box. */
export function bboxContains(bbox: BBox, point: [number, number]): boolean {
	const [x, y] = point;
	return x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3];
}

/**
 * Even-odd ray casting (W. R. Franklin's PNPOLY): a horizontal ray from the point crosses the
 * ring's edges an odd number of times exactly when the point is inside.
 */
function insideRing(ring: Position[], x: number, y: number): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i] as [number, number];
		const [xj, yj] = ring[j] as [number, number];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/**
 * Whether a point [lon, lat] is inside an area: inside the outer ring of one of its polygons and
 * outside that polygon's holes (RFC 7946: the first ring is the exterior, the others are holes).
 */
export function pointInGeometry(geometry: AreaGeometry, point: [number, number]): boolean {
	const [x, y] = point;
	return polygonsOf(geometry).some((polygon) => {
		const [outer, ...holes] = polygon;
		if (!outer || !insideRing(outer, x, y)) return false;
		return !holes.some((hole) => insideRing(hole, x, y));
	});
}

/** An outline of an area drawn for SVG, and the view box it fits. */
export type SvgOutline = { path: string; viewBox: string; width: number; height: number };

/** Several areas drawn on one frame: one path each, in the order given. */
export type SvgOutlines = { paths: string[]; viewBox: string; width: number; height: number };

/** The bounding box of several areas. */
function bboxOfAll(geometries: AreaGeometry[]): BBox {
	const boxes = geometries.map(bboxOf);
	return [
		Math.min(...boxes.map((b) => b[0])),
		Math.min(...boxes.map((b) => b[1])),
		Math.max(...boxes.map((b) => b[2])),
		Math.max(...boxes.map((b) => b[3]))
	];
}

/**
 * Draws areas as SVG paths on one frame, `size` units on its longer side (for a ward drawn as
 * its neighbourhoods). Longitude is scaled by the cosine of the middle latitude (an
 * equirectangular projection), so an area in England is not drawn stretched sideways; y grows
 * downwards in SVG, so latitude is flipped.
 */
export function svgOutlines(geometries: AreaGeometry[], size = 300): SvgOutlines {
	if (geometries.length === 0) return { paths: [], viewBox: '0 0 1 1', width: 1, height: 1 };
	const [minX, minY, maxX, maxY] = bboxOfAll(geometries);
	const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
	const spanX = Math.max((maxX - minX) * k, 1e-9);
	const spanY = Math.max(maxY - minY, 1e-9);
	const scale = size / Math.max(spanX, spanY);
	const width = Math.max(1, Math.round(spanX * scale));
	const height = Math.max(1, Math.round(spanY * scale));
	const round = (n: number) => Math.round(n * 10) / 10;
	const paths = geometries.map((geometry) => {
		const parts: string[] = [];
		for (const polygon of polygonsOf(geometry)) {
			for (const ring of polygon) {
				const points = ring.map(
					([x, y]) =>
						`${round(((x as number) - minX) * k * scale)} ${round((maxY - (y as number)) * scale)}`
				);
				parts.push(`M${points.join('L')}Z`);
			}
		}
		return parts.join('');
	});
	return { paths, viewBox: `0 0 ${width} ${height}`, width, height };
}

/** Draws one area as an SVG path: {@link svgOutlines} for a single area. */
export function svgOutline(geometry: AreaGeometry, size = 300): SvgOutline {
	const { paths, ...frame } = svgOutlines([geometry], size);
	return { path: paths[0] ?? '', ...frame };
}

/** Kilometres across the bounding box of areas, roughly (a degree of latitude is 110.57 km). */
export function sizeInKm(geometries: AreaGeometry[]): { widthKm: number; heightKm: number } {
	if (geometries.length === 0) return { widthKm: 0, heightKm: 0 };
	const [minX, minY, maxX, maxY] = bboxOfAll(geometries);
	const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
	const round = (n: number) => Math.round(n * 10) / 10;
	return { widthKm: round((maxX - minX) * 111.32 * k), heightKm: round((maxY - minY) * 110.57) };
}
