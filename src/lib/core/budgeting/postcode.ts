/**
 * Postcode districts for the eligibility check: a voter types their postcode, and the process
 * accepts it when its district (the outward code, the part before the space) is one of the
 * process's districts. Pure; the postcode itself is never stored.
 */

/** A UK postcode, loosely: one or two letters, a digit, an optional letter or digit, then the
 * inward code (a digit and two letters). Spaces and case do not matter. */
const postcodePattern = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/;

/**
 * The district (outward code) of a postcode, upper case: "ab12 3cd" → "AB12"; null when the
 * text is not a postcode.
 */
export function postcodeDistrict(postcode: string): string | null {
	const compact = postcode.toUpperCase().replace(/\s+/g, '');
	return postcodePattern.exec(compact)?.[1] ?? null;
}

/** True when `postcode` lies in one of `districts` (compared upper case, spaces removed). */
export function isPostcodeInDistricts(postcode: string, districts: readonly string[]): boolean {
	const district = postcodeDistrict(postcode);
	if (!district) return false;
	return districts.some((d) => d.toUpperCase().replace(/\s+/g, '') === district);
}
