/** The first error for a field, for a form component's `error` prop. Safe to use in components. */
export function fieldError(
	errors: { field: string; message: string }[] | undefined,
	field: string
): string | undefined {
	return errors?.find((e) => e.field === field)?.message;
}
