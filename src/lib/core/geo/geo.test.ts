import { describe, expect, it } from 'vitest';
import { hasSharedData, readSharedText } from '../../testing/shared-data';
import {
	bboxOf,
	detectOnsProperties,
	GeoJsonError,
	parseAreaCollection,
	pointInGeometry,
	readOnsAreas,
	sizeInKm,
	svgOutline,
	svgOutlines,
	type AreaGeometry
} from './index';

const square: AreaGeometry = {
	type: 'Polygon',
	coordinates: [
		[
			[0, 0],
			[4, 0],
			[4, 4],
			[0, 4],
			[0, 0]
		],
		[
			[1, 1],
			[2, 1],
			[2, 2],
			[1, 2],
			[1, 1]
		]
	]
};

function feature(properties: Record<string, unknown>, geometry: unknown = square) {
	return { type: 'Feature', properties, geometry };
}

function collection(...features: unknown[]): string {
	return JSON.stringify({ type: 'FeatureCollection', features }, null, 1);
}

function problemOf(text: string): string {
	try {
		parseAreaCollection(text, 'areas.geojson');
	} catch (error) {
		expect(error).toBeInstanceOf(GeoJsonError);
		return (error as Error).message;
	}
	throw new Error('expected a GeoJsonError');
}

describe('pointInGeometry', () => {
	it('finds a point inside the outer ring', () => {
		expect(pointInGeometry(square, [3, 3])).toBe(true);
	});
	it('treats a hole as outside', () => {
		expect(pointInGeometry(square, [1.5, 1.5])).toBe(false);
	});
	it('treats a point beyond the ring as outside', () => {
		expect(pointInGeometry(square, [5, 1])).toBe(false);
		expect(pointInGeometry(square, [-0.1, 2])).toBe(false);
	});
	it('looks in every polygon of a MultiPolygon', () => {
		const two: AreaGeometry = {
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[0, 0],
						[1, 0],
						[1, 1],
						[0, 0]
					]
				],
				[
					[
						[10, 10],
						[12, 10],
						[12, 12],
						[10, 12],
						[10, 10]
					]
				]
			]
		};
		expect(pointInGeometry(two, [11, 11])).toBe(true);
		expect(pointInGeometry(two, [5, 5])).toBe(false);
	});
});

describe('bboxOf', () => {
	it('spans every ring of every polygon', () => {
		expect(bboxOf(square)).toEqual([0, 0, 4, 4]);
	});
});

describe('svgOutline', () => {
	it('fits the longer side to the size and flips latitude', () => {
		const outline = svgOutline(
			{
				type: 'Polygon',
				coordinates: [
					[
						[0, 0],
						[2, 0],
						[2, 1],
						[0, 0]
					]
				]
			},
			100
		);
		expect(outline.width).toBe(100);
		expect(outline.height).toBe(50);
		expect(outline.path.startsWith('M0 50L100 50L100 0L0 50Z')).toBe(true);
	});
});

describe('svgOutlines', () => {
	it('draws several areas on one frame', () => {
		const left: AreaGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 0],
					[1, 1],
					[0, 1],
					[0, 0]
				]
			]
		};
		const right: AreaGeometry = {
			type: 'Polygon',
			coordinates: [
				[
					[1, 0],
					[2, 0],
					[2, 1],
					[1, 1],
					[1, 0]
				]
			]
		};
		const drawn = svgOutlines([left, right], 100);
		expect(drawn.viewBox).toBe('0 0 100 50');
		expect(drawn.paths).toEqual(['M0 50L50 50L50 0L0 0L0 50Z', 'M50 50L100 50L100 0L50 0L50 50Z']);
		expect(sizeInKm([left, right])).toEqual({ widthKm: 222.6, heightKm: 110.6 });
	});
});

describe('parseAreaCollection', () => {
	it('reads polygons with their properties', () => {
		const features = parseAreaCollection(collection(feature({ a: 1 })), 'areas.geojson');
		expect(features).toHaveLength(1);
		expect(features[0]?.properties).toEqual({ a: 1 });
	});
	it('says where a syntax error is', () => {
		expect(problemOf('{\n"type": "FeatureCollection",\n"features" [\n]}')).toMatch(
			/^areas\.geojson:3: not valid JSON/
		);
	});
	it('says a cut-short file may be truncated, at its last line', () => {
		const text = collection(feature({ a: 1 }));
		const cut = text.slice(0, Math.floor(text.length / 2));
		expect(problemOf(cut)).toBe(
			`areas.geojson:${cut.trimEnd().split('\n').length}: the file ends too early; it may be truncated`
		);
	});
	it('says a file that is not JSON is not GeoJSON', () => {
		expect(problemOf('lsoa21_code,lsoa21_name\nE01023750,Stevenage 009A\n')).toBe(
			'areas.geojson:1: not JSON, so not a GeoJSON file'
		);
		expect(problemOf('')).toBe('areas.geojson:1: the file is empty');
	});
	it('refuses JSON that is not a FeatureCollection', () => {
		expect(problemOf('{"type": "Feature"}')).toBe(
			'areas.geojson:1: not a GeoJSON FeatureCollection (found a Feature)'
		);
		expect(problemOf('[1, 2]')).toBe(
			'areas.geojson:1: not a GeoJSON FeatureCollection (found JSON)'
		);
	});
	it('names the feature without a geometry or with the wrong kind', () => {
		expect(problemOf(collection(feature({}), feature({}, null)))).toBe(
			'areas.geojson: feature 2 has no geometry'
		);
		expect(problemOf(collection(feature({}, { type: 'Point', coordinates: [0, 0] })))).toBe(
			'areas.geojson: feature 1 has a Point geometry; only Polygon and MultiPolygon areas can be places'
		);
		expect(
			problemOf(
				collection(
					feature(
						{},
						{
							type: 'Polygon',
							coordinates: [
								[
									[0, 0],
									[1, 1],
									[0, 0]
								]
							]
						}
					)
				)
			)
		).toBe('areas.geojson: feature 1 has an invalid geometry: a ring has fewer than 4 positions');
	});
	it('never throws anything but a GeoJsonError on garbage', () => {
		for (const garbage of [
			'null',
			'"x"',
			'{}',
			'{"type":"FeatureCollection"}',
			'{"type":"FeatureCollection","features":[1]}',
			'\u0000\u0001',
			'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[["x"]]]}}]}'
		]) {
			expect(() => parseAreaCollection(garbage, 'g.geojson')).toThrow(GeoJsonError);
		}
	});
});

describe('readOnsAreas', () => {
	const lsoa = (code: unknown, ward: unknown = 'E05000001') =>
		feature({ LSOA21CD: code, LSOA21NM: `Area ${String(code)}`, WD24CD: ward, WD24NM: 'Ward' });

	it('detects ONS property names in either spelling', () => {
		expect(detectOnsProperties({ LSOA21CD: '', LSOA21NM: '', WD22CD: '', WD22NM: '' })).toEqual({
			lsoa: { code: 'LSOA21CD', name: 'LSOA21NM' },
			ward: { code: 'WD22CD', name: 'WD22NM' }
		});
		expect(
			detectOnsProperties({ ward22_name: '', ward22_code: '', ltla24_code: '', ltla24_name: '' })
		).toEqual({
			ward: { code: 'ward22_code', name: 'ward22_name' },
			council: { code: 'ltla24_code', name: 'ltla24_name' }
		});
	});
	it('reads each LSOA with its ward', () => {
		const features = parseAreaCollection(
			collection(lsoa('E01000001'), lsoa('E01000002', 'E05000002')),
			'f'
		);
		const areas = readOnsAreas(features, { fileName: 'f', level: 'lsoa' });
		expect(areas.map((a) => [a.code, a.ward?.code])).toEqual([
			['E01000001', 'E05000001'],
			['E01000002', 'E05000002']
		]);
	});
	it('names the feature missing its code', () => {
		const features = parseAreaCollection(collection(lsoa('E01000001'), lsoa('')), 'f');
		expect(() => readOnsAreas(features, { fileName: 'f', level: 'lsoa' })).toThrow(
			'f: feature 2 has no LSOA21CD'
		);
	});
	it('refuses a file without the properties of the level asked for', () => {
		const features = parseAreaCollection(
			collection(feature({ WD22CD: 'E05000001', WD22NM: 'W' })),
			'f'
		);
		expect(() => readOnsAreas(features, { fileName: 'f', level: 'lsoa' })).toThrow(
			/feature 1 has no LSOA code and name properties/
		);
	});
	it('refuses a code that appears twice', () => {
		const features = parseAreaCollection(collection(lsoa('E01000001'), lsoa('E01000001')), 'f');
		expect(() => readOnsAreas(features, { fileName: 'f', level: 'lsoa' })).toThrow(
			'f: feature 2: E01000001 appears twice in the file'
		);
	});
});

describe.runIf(hasSharedData('uk/geo', 'GeoJSON tests on the Stevenage boundaries'))(
	'Stevenage boundaries',
	() => {
		it('reads 54 LSOAs in 13 wards', () => {
			const features = parseAreaCollection(
				readSharedText('uk/geo', 'lsoa21_stevenage.geojson'),
				'lsoa21_stevenage.geojson'
			);
			const areas = readOnsAreas(features, { fileName: 'lsoa21_stevenage.geojson', level: 'lsoa' });
			expect(areas).toHaveLength(54);
			expect(new Set(areas.map((a) => a.ward?.code)).size).toBe(13);
		});
		it('reads 13 wards of 2022', () => {
			const features = parseAreaCollection(
				readSharedText('uk/geo', 'wards22_stevenage.geojson'),
				'wards22_stevenage.geojson'
			);
			expect(readOnsAreas(features, { fileName: 'w', level: 'ward' })).toHaveLength(13);
		});
	}
);
