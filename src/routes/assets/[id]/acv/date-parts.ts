/** The day, month and year of a date input called `name` as typed, to show again. */
export function dateParts(values: Record<string, string | undefined>, name: string) {
	return {
		day: values[`${name}-day`] ?? '',
		month: values[`${name}-month`] ?? '',
		year: values[`${name}-year`] ?? ''
	};
}
