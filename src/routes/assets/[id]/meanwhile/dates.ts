/** Reading GOV.UK date inputs from a submitted form. */

/** The day, month and year typed into the date input called `name`. */
export function dateParts(values: Record<string, string>, name: string) {
	return {
		day: values[`${name}-day`] ?? '',
		month: values[`${name}-month`] ?? '',
		year: values[`${name}-year`] ?? ''
	};
}
