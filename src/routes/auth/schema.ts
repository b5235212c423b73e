/**
 * What the account forms accept. Messages are catalogue keys, translated by `validate`.
 */
import { z } from 'zod';
import { minPasswordLength } from '$lib/server/platform';

const email = z
	.string()
	.trim()
	.min(1, 'validation.email.required')
	.max(254, 'validation.email.format')
	.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'validation.email.format')
	.transform((value) => value.toLowerCase());

const password = z.string().min(1, 'validation.password.required').max(128, 'auth.passwordTooLong');

const newPassword = z
	.string()
	.min(1, 'validation.password.required')
	.min(minPasswordLength, 'auth.passwordTooShort')
	.max(128, 'auth.passwordTooLong');

const name = z.string().trim().min(1, 'validation.name.required').max(200, 'auth.nameTooLong');

/** Optional: the question is not asked while no neighbourhoods exist. */
const homePlaceId = z
	.string()
	.max(100, 'auth.homeInvalid')
	.optional()
	.transform((value) => value?.trim() || null);

export const signInSchema = z.object({ email, password });
export const magicLinkSchema = z.object({ email });
export const signUpSchema = z.object({ name, email, password: newPassword, homePlaceId });
export const signUpByLinkSchema = z.object({ name, email, homePlaceId });
export const forgotPasswordSchema = z.object({ email });
export const resetPasswordSchema = z.object({ token: z.string().min(1), password: newPassword });
export const accountSchema = z.object({ name, homePlaceId });
