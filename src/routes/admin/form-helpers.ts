/**
 * Glue shared by the admin pages: who is acting, and turning a use case's DomainError into the
 * right HTTP answer. Refusals (403, 401) become error pages; problems with what was typed come
 * back to the form with the values kept, for the error summary and inline errors.
 */
import { error, fail, redirect } from '@sveltejs/kit';
import { httpStatusOf, isDomainError, type Actor, type FieldError } from '$lib/server/platform';

/** The acting person, or anonymous when nobody is signed in. */
export function actorOf(locals: App.Locals): Actor {
	return (locals as Partial<App.Locals>).actor ?? { kind: 'anonymous' };
}

/** Sends an anonymous visitor to sign in and back; returns the actor otherwise. */
export function requireSignedIn(locals: App.Locals, url: URL): Actor {
	const actor = actorOf(locals);
	if (actor.kind === 'anonymous')
		redirect(303, `/auth/sign-in?returnTo=${encodeURIComponent(url.pathname + url.search)}`);
	return actor;
}

/** What a form action returns when the form needs correcting. */
export type FormFailure = {
	errors: FieldError[];
	values: Record<string, string | string[]>;
	form?: string;
};

/** Sends a form back with what needs correcting and the values as typed. */
export function invalid(errors: FieldError[], values: FormFailure['values'], form?: string) {
	return fail(400, { errors, values, form } satisfies FormFailure);
}

/**
 * Maps an error thrown by a use case: a refusal becomes an error page with its status; anything
 * else the person can fix comes back to the form. Unexpected errors are rethrown.
 */
export function failFromError(cause: unknown, values: FormFailure['values'], form?: string) {
	if (!isDomainError(cause)) throw cause;
	if (cause.code === 'forbidden' || cause.code === 'unauthenticated')
		error(httpStatusOf(cause.code), cause.message);
	const errors = cause.fieldErrors.length
		? cause.fieldErrors
		: [{ field: 'form', message: cause.message }];
	return fail(httpStatusOf(cause.code), { errors, values, form } satisfies FormFailure);
}

/** Maps an error thrown while loading a page to an error page. */
export function errorPage(cause: unknown): never {
	if (isDomainError(cause)) error(httpStatusOf(cause.code), cause.message);
	throw cause;
}

/** A positive page number from `?page=`. */
export function pageParam(url: URL): number {
	const n = Number(url.searchParams.get('page') ?? 1);
	return Number.isInteger(n) && n > 0 ? n : 1;
}
