/**
 * Geography without a framework: reading GeoJSON areas, their bounding boxes, point-in-area
 * tests and SVG outlines. Pure functions, data in and data out.
 */
export {
	checkAreaGeometry,
	detectOnsProperties,
	GeoJsonError,
	isOnsCode,
	parseAreaCollection,
	type AreaFeature,
	type AreaGeometry,
	type CodeFields,
	type OnsAreaProperties,
	type Position
} from './geojson';
export {
	bboxContains,
	bboxOf,
	pointInGeometry,
	sizeInKm,
	svgOutline,
	svgOutlines,
	type BBox,
	type SvgOutline,
	type SvgOutlines
} from './geometry';
export { readOnsAreas, type OnsArea, type OnsAreaLevel } from './ons-areas';
