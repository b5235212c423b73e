/**
 * English messages for the places pages. Every key starts with `places.`, for example
 * `'places.title': '…'`; the type below rejects any other prefix, so module files cannot clash.
 */
export const places = {} as const satisfies Record<`places.${string}`, string>;
