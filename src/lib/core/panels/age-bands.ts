/**
 * Age bands as organisers write them in a pool, matched to the bands official population
 * figures are published in, so a quota can be suggested from the place's population. Pure.
 */

/** The published bands, in years, adults only; the last is open-ended. */
export const ageBands: readonly [number, number][] = [
	[16, 24],
	[25, 44],
	[45, 64],
	[65, Infinity]
];

/**
 * The years an age band covers, from how people write bands: "16-24", "25 to 44", "65+",
 * "65 and over", "Under 40" (from 16), "24 and under". Null when it does not read as one.
 */
export function ageRange(value: string): [number, number] | null {
	const text = value
		.trim()
		.toLowerCase()
		.replace(/\s*years?( old)?$/, '');
	let m = /^(\d+)\s*(?:-|–|to)\s*(\d+)$/.exec(text);
	if (m) return Number(m[1]) <= Number(m[2]) ? [Number(m[1]), Number(m[2])] : null;
	m = /^(\d+)\s*(?:\+|plus|and over|or over|and older|or older)$/.exec(text);
	if (m) return [Number(m[1]), Infinity];
	m = /^(?:under|below|younger than|less than)\s*(\d+)$/.exec(text);
	if (m) return [16, Number(m[1]) - 1];
	m = /^(\d+)\s*(?:and under|or under|and younger|or younger)$/.exec(text);
	if (m) return [16, Number(m[1])];
	return null;
}

/**
 * How many of the people counted in `ageBands` (`counts`, one per band) fall in the years
 * `range`, taking a part of a band in proportion to the years it covers (people assumed spread
 * evenly over a band's years). Null when the range cuts the open-ended 65+ band, whose years
 * are unknown.
 */
export function peopleInAgeRange(
	counts: readonly number[],
	range: [number, number]
): number | null {
	let people = 0;
	for (const [i, [from, to]] of ageBands.entries()) {
		const lo = Math.max(from, range[0]);
		const hi = Math.min(to, range[1]);
		if (lo > hi) continue;
		if (to === Infinity) {
			if (lo !== from || hi !== Infinity) return null;
			people += counts[i]!;
		} else people += (counts[i]! * (hi - lo + 1)) / (to - from + 1);
	}
	return people;
}
