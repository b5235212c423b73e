/** One option of a `Radios` or `Checkboxes` group, or a divider (like "or") between options. */
export type ChoiceItem =
	{ value: string; text: string; hint?: string; disabled?: boolean } | { divider: string };

/**
 * Ids for the options of a group, following GOV.UK Frontend: the first option's id is the group's
 * id, so an error summary link to `#<name>` lands on the first option; later ones add `-2`, `-3`….
 */
export function optionId(idPrefix: string, index: number): string {
	return index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
}
