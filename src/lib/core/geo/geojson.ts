/**
 * A small, strict reader of GeoJSON (RFC 7946) FeatureCollections of areas. It accepts what the
 * places import needs (Polygon and MultiPolygon features with properties) and reports anything
 * else as `file:line: what is wrong` or `file: feature N: what is wrong`, never by throwing a
 * raw JSON or type error.
 */

/** A position: [longitude, latitude] in WGS84 (RFC 7946 §3.1.1); extra values are ignored. */
export type Position = number[];

/** An area: a Polygon or MultiPolygon geometry (RFC 7946 §3.1.6–3.1.7). */
export type AreaGeometry =
	| { type: 'Polygon'; coordinates: Position[][] }
	| { type: 'MultiPolygon'; coordinates: Position[][][] };

/** One feature of a collection, with its properties as given. */
export type AreaFeature = {
	/** 1-based position in the file, for messages. */
	index: number;
	properties: Record<string, unknown>;
	geometry: AreaGeometry;
};

/** A problem with a GeoJSON file, with a message ready to show: `file:line: what is wrong`. */
export class GeoJsonError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'GeoJsonError';
	}
}

/** The line (1-based) of a character offset in `text`. */
function lineOf(text: string, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
	return line;
}

/**
 * Parses JSON, turning the engine's error into `file:line: …`. V8 reports "at position N" for
 * most syntax errors and "Unexpected end of JSON input" for a file cut short.
 */
function parseJson(text: string, fileName: string): unknown {
	try {
		return JSON.parse(text);
	} catch (cause) {
		const message = cause instanceof Error ? cause.message : String(cause);
		const trimmed = text.trimStart();
		if (trimmed === '') throw new GeoJsonError(`${fileName}:1: the file is empty`);
		if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
			const line = lineOf(text, text.length - trimmed.length);
			throw new GeoJsonError(`${fileName}:${line}: not JSON, so not a GeoJSON file`);
		}
		if (/end of JSON input/i.test(message)) {
			const line = lineOf(text, text.trimEnd().length);
			throw new GeoJsonError(`${fileName}:${line}: the file ends too early; it may be truncated`);
		}
		const at = /at position (\d+)/.exec(message);
		const end = text.trimEnd().length;
		if (at?.[1] !== undefined && Number(at[1]) >= end) {
			throw new GeoJsonError(
				`${fileName}:${lineOf(text, end)}: the file ends too early; it may be truncated`
			);
		}
		const line = at?.[1] !== undefined ? lineOf(text, Number(at[1])) : 1;
		const reason = message
			.replace(/\s*(in JSON )?at position \d+.*$/, '')
			.replace(/, ".*" is not valid JSON$/, '');
		throw new GeoJsonError(`${fileName}:${line}: not valid JSON (${reason})`);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPosition(value: unknown): value is Position {
	return (
		Array.isArray(value) &&
		value.length >= 2 &&
		value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
		Math.abs(value[0] as number) <= 180 &&
		Math.abs(value[1] as number) <= 90
	);
}

/** A linear ring: at least four positions, the last equal to the first (RFC 7946 §3.1.6). */
function ringProblem(ring: unknown): string | null {
	if (!Array.isArray(ring)) return 'a ring is not a list of positions';
	if (ring.length < 4) return 'a ring has fewer than 4 positions';
	if (!ring.every(isPosition)) return 'a position is not [longitude, latitude] in degrees';
	const first = ring[0] as Position;
	const last = ring[ring.length - 1] as Position;
	if (first[0] !== last[0] || first[1] !== last[1]) return 'a ring does not end where it starts';
	return null;
}

function polygonProblem(rings: unknown): string | null {
	if (!Array.isArray(rings) || rings.length === 0) return 'a polygon has no rings';
	for (const ring of rings) {
		const problem = ringProblem(ring);
		if (problem) return problem;
	}
	return null;
}

/**
 * Checks that `value` is a Polygon or MultiPolygon geometry. Returns the geometry, or a
 * plain-English reason it is not one.
 */
export function checkAreaGeometry(
	value: unknown
): { geometry: AreaGeometry } | { problem: string } {
	if (!isRecord(value)) return { problem: 'has no geometry' };
	if (value.type === 'Polygon') {
		const problem = polygonProblem(value.coordinates);
		return problem ? { problem } : { geometry: value as AreaGeometry };
	}
	if (value.type === 'MultiPolygon') {
		if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) {
			return { problem: 'a MultiPolygon has no polygons' };
		}
		for (const polygon of value.coordinates) {
			const problem = polygonProblem(polygon);
			if (problem) return { problem };
		}
		return { geometry: value as AreaGeometry };
	}
	const type = typeof value.type === 'string' ? value.type : 'unknown';
	return { problem: `has a ${type} geometry; only Polygon and MultiPolygon areas can be places` };
}

/** Reads a GeoJSON FeatureCollection of areas. Throws {@link GeoJsonError} on any problem. */
export function parseAreaCollection(text: string, fileName: string): AreaFeature[] {
	const value = parseJson(text.replace(/^\uFEFF/, ''), fileName);
	if (!isRecord(value) || value.type !== 'FeatureCollection') {
		const what = isRecord(value) && typeof value.type === 'string' ? `a ${value.type}` : 'JSON';
		throw new GeoJsonError(`${fileName}:1: not a GeoJSON FeatureCollection (found ${what})`);
	}
	if (!Array.isArray(value.features)) {
		throw new GeoJsonError(`${fileName}: the FeatureCollection has no "features" list`);
	}
	if (value.features.length === 0) {
		throw new GeoJsonError(`${fileName}: the FeatureCollection has no features`);
	}
	return value.features.map((feature: unknown, i: number): AreaFeature => {
		const index = i + 1;
		if (!isRecord(feature) || feature.type !== 'Feature') {
			throw new GeoJsonError(`${fileName}: feature ${index} is not a GeoJSON Feature`);
		}
		const checked = checkAreaGeometry(feature.geometry);
		if ('problem' in checked) {
			const problem = checked.problem.startsWith('has ')
				? checked.problem
				: `has an invalid geometry: ${checked.problem}`;
			throw new GeoJsonError(`${fileName}: feature ${index} ${problem}`);
		}
		const properties = isRecord(feature.properties) ? feature.properties : {};
		return { index, properties, geometry: checked.geometry };
	});
}

/** Which properties hold the code and name of an area, and which level they describe. */
export type CodeFields = { code: string; name: string };

/** What the ONS-coded properties of a feature say about the area and the ward it is in. */
export type OnsAreaProperties = {
	lsoa?: CodeFields;
	ward?: CodeFields;
	council?: CodeFields;
};

/**
 * Finds the ONS code and name properties by their usual names across vintages and spellings:
 * `LSOA21CD`/`LSOA21NM` (ONS Open Geography), `lsoa21_code`/`lsoa21_name` (humaniverse
 * geographr), `WD22CD`/`WD22NM`, `ward24_code`/`ward24_name`, `LAD24CD`, `ltla24_code`…
 * Returns the property names present in `properties`.
 */
export function detectOnsProperties(properties: Record<string, unknown>): OnsAreaProperties {
	const keys = Object.keys(properties);
	const find = (prefix: RegExp): CodeFields | undefined => {
		const code = keys.find((k) => new RegExp(`^${prefix.source}\\d{2}_?(cd|code)$`, 'i').test(k));
		const name = keys.find((k) => new RegExp(`^${prefix.source}\\d{2}_?(nm|name)$`, 'i').test(k));
		return code && name ? { code, name } : undefined;
	};
	const result: OnsAreaProperties = {};
	const lsoa = find(/lsoa/);
	const ward = find(/(wd|ward)/);
	const council = find(/(lad|ltla|lau)/);
	if (lsoa) result.lsoa = lsoa;
	if (ward) result.ward = ward;
	if (council) result.council = council;
	return result;
}

/** An ONS (GSS) code: a letter, two digits and six digits, like E05015625. */
export function isOnsCode(value: unknown): value is string {
	return typeof value === 'string' && /^[A-Z]\d{8}$/.test(value);
}
