/**
 * Boundaries for the fictional demo town, generated from a seed.
 *
 * Pure TypeScript (no Node built-ins, no database), so it could move to `src/lib/core` as is.
 *
 * The town is a grid of cells whose corner points are jittered, with every cell edge bent by a
 * few extra points. A place is a rectangle of cells, and its ring walks the shared points around
 * that rectangle, so neighbouring places share their edges exactly: the wards tile the council
 * and the neighbourhoods tile their ward, with no gaps and no overlaps.
 */

/** A position: [longitude, latitude] (RFC 7946 §3.1.1). */
export type Position = [number, number];

/** A GeoJSON Polygon with one exterior ring, counter-clockwise (RFC 7946 §3.1.6). */
export type Polygon = { type: 'Polygon'; coordinates: Position[][] };

/** [minLon, minLat, maxLon, maxLat]. */
export type BBox = [number, number, number, number];

/** A deterministic random number generator: each call returns a number in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32, a small 32-bit seeded generator: good enough for jitter, and the same seed gives
 * the same town on every machine.
 */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A rectangle of grid cells: columns `col0` to `col1` (exclusive), rows `row0` to `row1`. */
export type CellRect = { col0: number; col1: number; row0: number; row1: number };

/** The shape of the generated town. */
export type DemoGeometryOptions = {
	seed: number;
	/** Centre of the town, [lon, lat]. */
	centre: Position;
	/** Cells across (west to east) and down (south to north). */
	columns: number;
	rows: number;
	/** Size of one cell in degrees of longitude and latitude. */
	cellSize: Position;
	/** Extra points bending each cell edge (0 for straight edges). */
	bendsPerEdge?: number;
};

/** A generated grid, from which rings for any rectangle of cells can be drawn. */
export type DemoGrid = {
	/** The ring around a rectangle of cells, closed, counter-clockwise. */
	polygon: (rect: CellRect) => Polygon;
};

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/**
 * Builds the jittered grid. Corner points move by up to a fifth of a cell; points on the town's
 * outer edge move only outwards or inwards, so the outline is irregular but every ring stays
 * simple (no self-crossing).
 */
export function createDemoGrid(options: DemoGeometryOptions): DemoGrid {
	const { columns, rows, cellSize, centre } = options;
	const bends = options.bendsPerEdge ?? 2;
	const random = createRandom(options.seed);
	const jitter = (scale: number) => (random() * 2 - 1) * scale;
	const [cellLon, cellLat] = cellSize;
	const west = centre[0] - (columns * cellLon) / 2;
	const south = centre[1] - (rows * cellLat) / 2;

	// Corner points, indexed [col][row].
	const corners: Position[][] = [];
	for (let col = 0; col <= columns; col++) {
		const column: Position[] = [];
		for (let row = 0; row <= rows; row++) {
			const isWestOrEast = col === 0 || col === columns;
			const isSouthOrNorth = row === 0 || row === rows;
			const dLon = isSouthOrNorth && !isWestOrEast ? jitter(0.1) : jitter(0.2);
			const dLat = isWestOrEast && !isSouthOrNorth ? jitter(0.1) : jitter(0.2);
			column.push([west + (col + dLon) * cellLon, south + (row + dLat) * cellLat]);
		}
		corners.push(column);
	}

	// Bend points of each edge, keyed by the edge's lower end, in order from that end.
	const bendPoints = new Map<string, Position[]>();
	const edgeKey = (a: [number, number], b: [number, number]) => `${a[0]},${a[1]}-${b[0]},${b[1]}`;
	const addEdge = (a: [number, number], b: [number, number]) => {
		const from = corners[a[0]]![a[1]]!;
		const to = corners[b[0]]![b[1]]!;
		const points: Position[] = [];
		for (let i = 1; i <= bends; i++) {
			const f = i / (bends + 1);
			// Offset across the edge, at most 6% of a cell: small enough to keep rings simple.
			const across = jitter(0.06);
			const dx = to[0] - from[0];
			const dy = to[1] - from[1];
			points.push([
				from[0] + dx * f - (dy / cellLat) * across * cellLon,
				from[1] + dy * f + (dx / cellLon) * across * cellLat
			]);
		}
		bendPoints.set(edgeKey(a, b), points);
	};
	for (let col = 0; col <= columns; col++) {
		for (let row = 0; row <= rows; row++) {
			if (col < columns) addEdge([col, row], [col + 1, row]);
			if (row < rows) addEdge([col, row], [col, row + 1]);
		}
	}

	/** Points from corner a to the next corner b (a excluded, b included). */
	const walk = (a: [number, number], b: [number, number]): Position[] => {
		const isForward = a[0] < b[0] || a[1] < b[1];
		const bentForward = isForward ? bendPoints.get(edgeKey(a, b))! : bendPoints.get(edgeKey(b, a))!;
		const bent = isForward ? bentForward : [...bentForward].reverse();
		return [...bent, corners[b[0]]![b[1]]!];
	};

	const polygon = ({ col0, col1, row0, row1 }: CellRect): Polygon => {
		// South edge west → east, east edge south → north, north edge east → west, west edge
		// north → south: counter-clockwise with longitude as x and latitude as y.
		const path: [number, number][] = [];
		for (let col = col0; col <= col1; col++) path.push([col, row0]);
		for (let row = row0 + 1; row <= row1; row++) path.push([col1, row]);
		for (let col = col1 - 1; col >= col0; col--) path.push([col, row1]);
		for (let row = row1 - 1; row >= row0; row--) path.push([col0, row]);
		const ring: Position[] = [corners[col0]![row0]!];
		for (let i = 1; i < path.length; i++) ring.push(...walk(path[i - 1]!, path[i]!));
		return { type: 'Polygon', coordinates: [ring.map(([lon, lat]) => [round(lon), round(lat)])] };
	};

	return { polygon };
}

/** The bounding box of a polygon. */
export function bboxOf(polygon: Polygon): BBox {
	let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const ring of polygon.coordinates) {
		for (const [lon, lat] of ring) {
			minLon = Math.min(minLon, lon);
			minLat = Math.min(minLat, lat);
			maxLon = Math.max(maxLon, lon);
			maxLat = Math.max(maxLat, lat);
		}
	}
	return [minLon, minLat, maxLon, maxLat];
}

/**
 * Twice the signed area of a ring by the shoelace formula, in square degrees: positive when the
 * ring runs counter-clockwise.
 */
export function signedArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		const [x1, y1] = ring[i]!;
		const [x2, y2] = ring[i + 1]!;
		sum += x1 * y2 - x2 * y1;
	}
	return sum / 2;
}
