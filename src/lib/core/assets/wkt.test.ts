import { describe, expect, it } from 'vitest';
import { multiPolygonWkt, pointWkt } from './wkt';

describe('wkt', () => {
	it('writes a point as longitude then latitude', () => {
		expect(pointWkt(-1.5, 52.25)).toBe('POINT (-1.5 52.25)');
	});
	it('writes polygons as multipolygons', () => {
		const square = [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 0]
			]
		];
		expect(multiPolygonWkt({ type: 'Polygon', coordinates: square })).toBe(
			'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))'
		);
		expect(multiPolygonWkt({ type: 'MultiPolygon', coordinates: [square, square] })).toBe(
			'MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((0 0, 1 0, 1 1, 0 0)))'
		);
		expect(multiPolygonWkt({ type: 'Point', coordinates: [0, 0] })).toBeNull();
		expect(multiPolygonWkt(null)).toBeNull();
	});
});
