/**
 * Validation at the edge: routes and the command line turn raw input into a module's typed input
 * with a zod schema, and get back field errors ready for the error summary. Schemas give message
 * keys as their messages, so errors are translated into the reader's language here.
 */
import type { z } from 'zod';
import { t as english, type MessageKey, type Translate } from '../../i18n/index';
import type { FieldError } from './errors';

/** The outcome of validating a form. */
export type Validated<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/**
 * Parses `input` with `schema`. Each issue becomes one field error, the first per field, with
 * its message key translated by `translate` (English by default).
 */
export function validate<S extends z.ZodType>(
	schema: S,
	input: unknown,
	translate: Translate = english
): Validated<z.infer<S>> {
	const result = schema.safeParse(input);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldError[] = [];
	const seen = new Set<string>();
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		if (seen.has(field)) continue;
		seen.add(field);
		errors.push({ field, message: translate(issue.message as MessageKey) });
	}
	return { ok: false, errors };
}

/** A form's fields as plain strings (the last value of each name), to validate and to show again. */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}
