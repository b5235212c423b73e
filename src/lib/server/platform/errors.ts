/**
 * The one error type modules throw. Routes map `code` to an HTTP status with
 * {@link httpStatusOf}; modules never throw HTTP errors themselves.
 */
export type DomainErrorCode =
	| 'invalid'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'rate_limited'
	| 'phase_closed';

/** A problem with one field of a submitted form, for the error summary. */
export type FieldError = { field: string; message: string };

/** An expected failure of a use case, with a plain-English message safe to show. */
export class DomainError extends Error {
	readonly code: DomainErrorCode;
	readonly fieldErrors: FieldError[];

	constructor(code: DomainErrorCode, message: string, fieldErrors: FieldError[] = []) {
		super(message);
		this.name = 'DomainError';
		this.code = code;
		this.fieldErrors = fieldErrors;
	}
}

const statusByCode: Record<DomainErrorCode, number> = {
	invalid: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	conflict: 409,
	phase_closed: 409,
	rate_limited: 429
};

/** The HTTP status for a domain error code. */
export function httpStatusOf(code: DomainErrorCode): number {
	return statusByCode[code];
}

/** True when `error` is a {@link DomainError}. */
export function isDomainError(error: unknown): error is DomainError {
	return error instanceof DomainError;
}
