/**
 * Turns the features of an ONS-coded boundary file into areas to import: each with its own code
 * and name and, for LSOAs, the ward it lies in. The property names are detected from the first
 * feature (see {@link detectOnsProperties}) and every feature must then carry them.
 */
import {
	detectOnsProperties,
	GeoJsonError,
	isOnsCode,
	type AreaFeature,
	type AreaGeometry
} from './geojson';

/** Which kind of area a file holds. */
export type OnsAreaLevel = 'ward' | 'lsoa';

/** One area read from a file. */
export type OnsArea = {
	code: string;
	name: string;
	geometry: AreaGeometry;
	/** For LSOAs: the ward the file places it in. */
	ward?: { code: string; name: string };
};

function text(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

/**
 * Reads the areas of `level` from features. Throws {@link GeoJsonError} naming the feature and
 * property when a code or name is missing or a code appears twice.
 */
export function readOnsAreas(
	features: AreaFeature[],
	options: { fileName: string; level: OnsAreaLevel }
): OnsArea[] {
	const { fileName, level } = options;
	const first = features[0];
	if (!first) throw new GeoJsonError(`${fileName}: the FeatureCollection has no features`);
	const detected = detectOnsProperties(first.properties);
	const own = level === 'lsoa' ? detected.lsoa : detected.ward;
	const label = level === 'lsoa' ? 'LSOA' : 'ward';
	if (!own) {
		const found = Object.keys(first.properties).join(', ') || 'none';
		throw new GeoJsonError(
			`${fileName}: feature 1 has no ${label} code and name properties (like ${level === 'lsoa' ? 'LSOA21CD and LSOA21NM' : 'WD22CD and WD22NM'}); its properties are: ${found}`
		);
	}
	if (level === 'lsoa' && !detected.ward) {
		throw new GeoJsonError(
			`${fileName}: feature 1 does not say which ward it is in (a ward code and name property like WD24CD and WD24NM)`
		);
	}
	const seen = new Set<string>();
	return features.map((feature) => {
		const where = `${fileName}: feature ${feature.index}`;
		const code = text(feature.properties[own.code]);
		const name = text(feature.properties[own.name]);
		if (!code) throw new GeoJsonError(`${where} has no ${own.code}`);
		if (!isOnsCode(code))
			throw new GeoJsonError(`${where}: ${own.code} "${code}" is not an ONS code like E01023750`);
		if (!name) throw new GeoJsonError(`${where} has no ${own.name}`);
		if (seen.has(code)) throw new GeoJsonError(`${where}: ${code} appears twice in the file`);
		seen.add(code);
		const area: OnsArea = { code, name, geometry: feature.geometry };
		if (level === 'lsoa' && detected.ward) {
			const wardCode = text(feature.properties[detected.ward.code]);
			const wardName = text(feature.properties[detected.ward.name]);
			if (!wardCode) throw new GeoJsonError(`${where} has no ${detected.ward.code}`);
			if (!isOnsCode(wardCode))
				throw new GeoJsonError(
					`${where}: ${detected.ward.code} "${wardCode}" is not an ONS code like E05015625`
				);
			if (!wardName) throw new GeoJsonError(`${where} has no ${detected.ward.name}`);
			area.ward = { code: wardCode, name: wardName };
		}
		return area;
	});
}
