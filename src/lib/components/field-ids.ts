/**
 * Builds the `aria-describedby` value for a form field from its optional hint and error ids,
 * in the order GOV.UK Frontend uses (hint first, then error), or `undefined` when there are none.
 */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
	const present = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
	return present.length > 0 ? present.join(' ') : undefined;
}

/** GOV.UK label and legend sizes. */
export type TextSize = 's' | 'm' | 'l' | 'xl';
