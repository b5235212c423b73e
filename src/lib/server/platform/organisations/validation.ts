/** What the organisation forms accept. Messages are keys of the `admin.` catalogue. */
import { z } from 'zod';
import { organisationKinds } from '../schema';

const optional = (max: number) =>
	z
		.string()
		.trim()
		.max(max, 'admin.validation.tooLong')
		.optional()
		.transform((v) => (v ? v : null));

const fields = {
	name: z
		.string()
		.trim()
		.min(1, 'admin.validation.orgNameRequired')
		.max(160, 'admin.validation.tooLong'),
	kind: z.enum(organisationKinds, 'admin.validation.orgKind'),
	description: optional(4000),
	registrationNumber: optional(40),
	contactName: optional(120),
	contactEmail: optional(254).refine(
		(v) => v === null || z.email().safeParse(v).success,
		'admin.validation.emailFormat'
	),
	contactPhone: optional(40).refine(
		(v) => v === null || /^[+()\d\s-]{6,}$/.test(v),
		'admin.validation.phoneFormat'
	),
	website: optional(300).refine(
		(v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(v),
		'admin.validation.websiteFormat'
	),
	placeIds: z
		.array(z.string().trim().min(1))
		.min(1, 'admin.validation.orgPlaces')
		.max(200, 'admin.validation.orgPlaces')
};

/** Creating an organisation working in one or more places. */
export const createOrganisationSchema = z.object(fields);
export type CreateOrganisationInput = z.infer<typeof createOrganisationSchema>;

/** Changing an organisation's details and where it works. */
export const updateOrganisationSchema = z.object({
	organisationId: z.string().trim().min(1, 'admin.validation.organisation'),
	...fields
});
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationSchema>;
