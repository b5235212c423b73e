/**
 * What the places forms and the import command accept. Messages are keys of the `places.`
 * catalogue, translated by {@link validate}.
 */
import { z } from 'zod';
import { isOnsCode } from '../../../core/geo/index';

const optionalText = (max: number, message: string) =>
	z
		.string()
		.trim()
		.max(max, message)
		.optional()
		.transform((v) => (v ? v : null));

const onsCode = z
	.string()
	.trim()
	.toUpperCase()
	.optional()
	.transform((v) => (v ? v : null))
	.refine((v) => v === null || isOnsCode(v), 'places.validation.onsCode');

/** Creating a place below a parent. */
export const createPlaceSchema = z.object({
	parentId: z.string().trim().min(1, 'places.validation.parent'),
	name: z
		.string()
		.trim()
		.min(1, 'places.validation.nameRequired')
		.max(120, 'places.validation.nameTooLong'),
	onsCode,
	description: optionalText(2000, 'places.validation.descriptionTooLong')
});
export type CreatePlaceInput = z.infer<typeof createPlaceSchema> & {
	/** A GeoJSON Polygon or MultiPolygon, already checked. */
	boundary?: unknown;
};

/** Changing a place's name, code or description. */
export const updatePlaceSchema = z.object({
	placeId: z.string().trim().min(1, 'places.validation.place'),
	name: z
		.string()
		.trim()
		.min(1, 'places.validation.nameRequired')
		.max(120, 'places.validation.nameTooLong'),
	onsCode,
	description: optionalText(2000, 'places.validation.descriptionTooLong')
});
export type UpdatePlaceInput = z.infer<typeof updatePlaceSchema>;
