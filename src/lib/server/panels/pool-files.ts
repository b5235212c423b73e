/**
 * The pool as the two files `powershare panel select` reads (the sortition-algorithms format):
 * `features.csv` (feature,value,min,max) and `people.csv` (id = the volunteer's number, one
 * column per feature, and the household key when households are enforced). No names or contact
 * details: an observer given these files can rebuild the lottery and check its SHA-256 and the
 * inputs'. They are for the panel's organisers only, since features are personal data.
 */
import type { Pool } from '../../core/sortition/index';

const cell = (value: string) =>
	/[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
const line = (cells: string[]) => cells.map(cell).join(',');

/** The quota file. */
export function featuresCsv(pool: Pool): string {
	const lines = [line(['feature', 'value', 'min', 'max'])];
	for (const q of pool.quotas)
		lines.push(line([q.category, q.value, String(q.min), String(q.max)]));
	return lines.join('\r\n') + '\r\n';
}

/** The people file; `household` is the column name the re-run command passes to --household. */
export function peopleCsv(pool: Pool, options: { isOnePerHousehold: boolean }): string {
	const header = ['id', ...pool.categories, ...(options.isOnePerHousehold ? ['household'] : [])];
	const lines = [line(header)];
	for (const person of pool.people)
		lines.push(
			line([
				person.id,
				...pool.categories.map((c) => person.features[c] ?? ''),
				...(options.isOnePerHousehold ? [person.household ?? ''] : [])
			])
		);
	return lines.join('\r\n') + '\r\n';
}

const quoted = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/**
 * The command that rebuilds the lottery from those two files: it writes `lottery.csv` and prints
 * its SHA-256, which must be the published one. No seed: the lottery never depends on it.
 */
export function rerunCommand(options: {
	panelSize: number;
	isOnePerHousehold: boolean;
	timeLimitSeconds: number | null;
}): string {
	return [
		'npx powershare panel select --people people.csv --quotas features.csv',
		`--size ${options.panelSize}`,
		...(options.isOnePerHousehold ? ['--household household'] : []),
		...(options.timeLimitSeconds ? [`--time-limit ${options.timeLimitSeconds}`] : []),
		'--lottery-out lottery.csv'
	].join(' ');
}

/** The command that draws from the published lottery file alone, with the public seed. */
export function drawCommand(options: { seed: string; file?: string }): string {
	return `npx powershare panel draw --lottery ${options.file ?? 'lottery.csv'} --seed ${quoted(options.seed)}`;
}
