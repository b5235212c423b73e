/** What the people forms accept. Messages are keys of the `admin.` catalogue. */
import { z } from 'zod';
import { roleNames } from '../schema';

const email = z
	.string()
	.trim()
	.toLowerCase()
	.min(1, 'admin.validation.emailRequired')
	.max(254, 'admin.validation.emailFormat')
	.pipe(z.email('admin.validation.emailFormat'));

const role = z.enum(roleNames, 'admin.validation.role');
const placeId = z.string().trim().min(1, 'admin.validation.place');

/** Granting a role on a place to someone who has an account. */
export const grantRoleSchema = z.object({
	userId: z.string().trim().min(1, 'admin.validation.person'),
	placeId,
	role
});
export type GrantRoleInput = z.infer<typeof grantRoleSchema>;

/** Taking a grant away. */
export const revokeRoleSchema = z.object({
	grantId: z.string().trim().min(1, 'admin.validation.grant')
});
export type RevokeRoleInput = z.infer<typeof revokeRoleSchema>;

/** Inviting someone by email to a role on a place. */
export const invitePersonSchema = z.object({ email, placeId, role });
export type InvitePersonInput = z.infer<typeof invitePersonSchema>;
