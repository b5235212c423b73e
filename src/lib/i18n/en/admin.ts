/**
 * English messages for the admin pages. Every key starts with `admin.`, for example
 * `'admin.title': '…'`; the type below rejects any other prefix, so module files cannot clash.
 */
export const admin = {} as const satisfies Record<`admin.${string}`, string>;
