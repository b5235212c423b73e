import { inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { slugify } from '../ids';
import { platformOrganisations, platformPlaces } from '../schema';

/**
 * Free slugs for names, in order: the name's slug when free, otherwise the slug followed by
 * `suffix` (an ONS code, a parent's slug…), then by a number. Also unique among themselves.
 */
export async function freeSlugs(
	db: Executor,
	table: 'places' | 'organisations',
	wanted: { name: string; suffix?: string }[]
): Promise<string[]> {
	const bases = wanted.map((w) => slugify(w.name));
	const column = table === 'places' ? platformPlaces.slug : platformOrganisations.slug;
	const from = table === 'places' ? platformPlaces : platformOrganisations;
	const candidates = [
		...new Set(
			bases.flatMap((b, i) => [
				b,
				...(wanted[i]?.suffix ? [`${b}-${slugify(wanted[i].suffix)}`] : [])
			])
		)
	];
	const taken = new Set<string>();
	for (let i = 0; i < candidates.length; i += 500) {
		const rows = await db
			.select({ slug: column })
			.from(from)
			.where(inArray(column, candidates.slice(i, i + 500)));
		for (const row of rows) taken.add(row.slug);
	}
	const result: string[] = [];
	for (const [i, base] of bases.entries()) {
		const suffix = wanted[i]?.suffix;
		let slug = base;
		if (taken.has(slug) && suffix) slug = `${base}-${slugify(suffix)}`;
		for (let n = 2; taken.has(slug); n++) {
			slug = `${base}-${n}`;
			if (!taken.has(slug)) {
				// A numbered slug was not in the batch looked up; check it.
				const rows = await db
					.select({ slug: column })
					.from(from)
					.where(inArray(column, [slug]));
				if (rows.length > 0) taken.add(slug);
			}
		}
		taken.add(slug);
		result.push(slug);
	}
	return result;
}
