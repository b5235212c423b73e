/**
 * English messages for the auth pages. Every key starts with `auth.`, for example
 * `'auth.title': '…'`; the type below rejects any other prefix, so module files cannot clash.
 */
export const auth = {} as const satisfies Record<`auth.${string}`, string>;
