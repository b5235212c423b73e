/**
 * Population shares from the 2021 Census for a place with an ONS code, to suggest quotas. The
 * census files are not part of the repository (they are Open Government Licence data published
 * by ONS); `POWERSHARE_CENSUS_DIR` names a folder holding them in the layout of the UK data set:
 *
 * - `census/census21_age_sex_ltla21_ew.csv`: females and males per local authority;
 * - `census/census21_ethnicity_lsoa21_ew.csv`: five high-level ethnic groups per LSOA;
 * - `geo/lookup_lsoa21_ward24_ltla24.csv`: which LSOAs make up each ward and authority;
 * - `census/population_mid2020_lsoa11_ageband.csv` (optional): people aged 16–24, 25–44, 45–64
 *   and 65+ per LSOA, ONS mid-2020 estimates on 2011 LSOA codes (most are unchanged in 2021;
 *   an LSOA whose code changed has no age figures and is left out of the sum).
 *
 * A feature named "gender" or "sex" gets shares of women and men (of the place's local
 * authority: the census publishes sex at that level here); a feature named like "ethnicity" gets
 * the shares of the five groups summed over the place's LSOAs. Values are matched by their
 * first word ("White British" → White). A feature named like "age" gets the shares of its bands
 * when every value reads as a range of years (`core/panels/age-bands.ts`). Anything else, or a
 * place without census figures, has no shares, and its quotas come from the pool's own shares.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../core/sortition/index';
import {
	ageBands,
	ageRange,
	peopleInAgeRange,
	type PopulationShares
} from '../../core/panels/index';

type CensusTables = {
	sexByLtla: Map<string, { females: number; males: number }>;
	ethnicityByLsoa: Map<string, number[]>;
	ethnicGroups: string[];
	lsoasByArea: Map<string, string[]>;
	ltlaOf: Map<string, string>;
	/** People aged 16–24, 25–44, 45–64 and 65+ by LSOA, when the age file is there. */
	ageByLsoa: Map<string, number[]>;
};

/** The columns of the age file, in the order of `ageBands`. */
const ageColumns = ['age_16_24', 'age_25_44', 'age_45_64', 'age_65_plus'];

const cache = new Map<string, CensusTables | null>();

/** The folder of census files, if configured and present. */
export function censusDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const dir = env.POWERSHARE_CENSUS_DIR;
	return dir && existsSync(dir) ? dir : undefined;
}

function readTable(file: string): string[][] {
	const parsed = parseCsv(readFileSync(file, 'utf8'));
	return parsed.rows.map((r) => r.cells);
}

function loadTables(dir: string): CensusTables | null {
	if (cache.has(dir)) return cache.get(dir)!;
	const files = {
		sex: path.join(dir, 'census', 'census21_age_sex_ltla21_ew.csv'),
		ethnicity: path.join(dir, 'census', 'census21_ethnicity_lsoa21_ew.csv'),
		lookup: path.join(dir, 'geo', 'lookup_lsoa21_ward24_ltla24.csv')
	};
	if (!Object.values(files).every((f) => existsSync(f))) {
		cache.set(dir, null);
		return null;
	}
	const [sexHeader, ...sexRows] = readTable(files.sex);
	const col = (header: string[], name: string) => header.indexOf(name);
	const sexByLtla = new Map<string, { females: number; males: number }>();
	for (const row of sexRows)
		sexByLtla.set(row[0]!, {
			females: Number(row[col(sexHeader!, 'total_females')]),
			males: Number(row[col(sexHeader!, 'total_males')])
		});
	const [ethHeader, ...ethRows] = readTable(files.ethnicity);
	const ethnicGroups = ethHeader!.slice(2);
	const ethnicityByLsoa = new Map<string, number[]>();
	for (const row of ethRows) ethnicityByLsoa.set(row[0]!, row.slice(2).map(Number));
	const [lookupHeader, ...lookupRows] = readTable(files.lookup);
	const lsoaCol = col(lookupHeader!, 'lsoa21_code');
	const wardCol = col(lookupHeader!, 'ward24_code');
	const ltlaCol = col(lookupHeader!, 'ltla24_code');
	const lsoasByArea = new Map<string, string[]>();
	const ltlaOf = new Map<string, string>();
	for (const row of lookupRows) {
		const lsoa = row[lsoaCol]!;
		for (const area of [row[wardCol]!, row[ltlaCol]!]) {
			const list = lsoasByArea.get(area);
			if (list) list.push(lsoa);
			else lsoasByArea.set(area, [lsoa]);
		}
		ltlaOf.set(lsoa, row[ltlaCol]!);
		ltlaOf.set(row[wardCol]!, row[ltlaCol]!);
	}
	const ageByLsoa = new Map<string, number[]>();
	const ageFile = path.join(dir, 'census', 'population_mid2020_lsoa11_ageband.csv');
	if (existsSync(ageFile)) {
		const [ageHeader, ...ageRows] = readTable(ageFile);
		const columns = ageColumns.map((name) => col(ageHeader!, name));
		if (columns.every((c) => c >= 0))
			for (const row of ageRows)
				ageByLsoa.set(
					row[0]!,
					columns.map((c) => Number(row[c]))
				);
	}
	const tables = { sexByLtla, ethnicityByLsoa, ethnicGroups, lsoasByArea, ltlaOf, ageByLsoa };
	cache.set(dir, tables);
	return tables;
}

const firstWord = (value: string) =>
	value
		.trim()
		.toLowerCase()
		.split(/[\s,/-]+/)[0] ?? '';

/**
 * Census shares for the features of a pool (feature → its values in the pool), for the place
 * with `onsCode`. Returns only the features the census covers; `{}` when it covers none.
 */
export function censusShares(options: {
	onsCode: string | null;
	values: Record<string, string[]>;
	dir?: string;
}): PopulationShares {
	const dir = options.dir ?? censusDir();
	if (!dir || !options.onsCode) return {};
	const tables = loadTables(dir);
	if (!tables) return {};
	const code = options.onsCode;
	const shares: PopulationShares = {};
	for (const [category, values] of Object.entries(options.values)) {
		if (/^(gender|sex)$/i.test(category.trim())) {
			const ltla = tables.sexByLtla.has(code) ? code : tables.ltlaOf.get(code);
			const row = ltla ? tables.sexByLtla.get(ltla) : undefined;
			if (!row) continue;
			const byValue: Record<string, number> = {};
			for (const value of values) {
				if (/^(woman|women|female|f)$/i.test(value.trim())) byValue[value] = row.females;
				else if (/^(man|men|male|m)$/i.test(value.trim())) byValue[value] = row.males;
			}
			shares[category] = byValue;
		} else if (/ethnic/i.test(category)) {
			const lsoas = tables.ethnicityByLsoa.has(code)
				? [code]
				: (tables.lsoasByArea.get(code) ?? []);
			if (lsoas.length === 0) continue;
			const totals = tables.ethnicGroups.map(() => 0);
			for (const lsoa of lsoas)
				tables.ethnicityByLsoa.get(lsoa)?.forEach((count, i) => (totals[i]! += count));
			const byValue: Record<string, number> = {};
			for (const value of values) {
				const group = tables.ethnicGroups.findIndex((g) => firstWord(g) === firstWord(value));
				if (group >= 0) byValue[value] = totals[group]!;
			}
			shares[category] = byValue;
		} else if (/^age/i.test(category.trim()) && tables.ageByLsoa.size > 0) {
			const lsoas = tables.ageByLsoa.has(code) ? [code] : (tables.lsoasByArea.get(code) ?? []);
			const counts = ageBands.map(() => 0);
			for (const lsoa of lsoas)
				tables.ageByLsoa.get(lsoa)?.forEach((count, i) => (counts[i]! += count));
			if (counts.every((c) => c === 0)) continue;
			const byValue: Record<string, number> = {};
			for (const value of values) {
				const range = ageRange(value);
				const people = range ? peopleInAgeRange(counts, range) : null;
				if (people === null) break;
				byValue[value] = people;
			}
			// All the pool's bands or none: a share for some would skew the others.
			if (Object.keys(byValue).length === values.length) shares[category] = byValue;
		}
	}
	return shares;
}
