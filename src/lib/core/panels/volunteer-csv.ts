/**
 * Reads an organiser's volunteer pool from CSV: one row per volunteer with `name` and `email`
 * (and optionally `phone` and `household`), and one column per feature the quotas are set on
 * (gender, age band, neighbourhood…). Every other column is a feature, so the organiser's own
 * spreadsheet works as it is. Problems are reported by line, so the organiser can fix the file;
 * the parser never throws on garbage.
 */
import { parseCsv } from '../sortition/index';

/** Columns that hold contact details, or an id of the organiser's own, not features. */
export const contactColumns = ['name', 'email', 'phone', 'household', 'id'] as const;

/** One volunteer as read from the file. */
export type VolunteerRow = {
	line: number;
	name: string;
	email: string;
	phone: string | null;
	household: string | null;
	/** Feature (category) → value, one entry per feature column. */
	features: Record<string, string>;
};

/** A problem on one line of the file. */
export type VolunteerRowProblem = { line: number; message: string };

/** What {@link readVolunteers} found. */
export type VolunteerFile = {
	categories: string[];
	volunteers: VolunteerRow[];
	problems: VolunteerRowProblem[];
	/** Rows read after the header, with or without problems. */
	rowsRead: number;
};

/** The largest pool one file may hold (a city-wide lottery's replies fit well under it). */
export const maxVolunteers = 5000;

const emailPattern = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

/**
 * Reads the file. The header decides the columns (case and surrounding spaces ignored); values
 * of a feature are kept as typed, trimmed, so "Owner" and "owner " are the same value.
 */
export function readVolunteers(text: string): VolunteerFile {
	const parsed = parseCsv(text);
	const problems: VolunteerRowProblem[] = parsed.problems.map((p) => ({ ...p }));
	const [header, ...rows] = parsed.rows;
	if (!header) {
		problems.push({ line: 1, message: 'The file is empty.' });
		return { categories: [], volunteers: [], problems, rowsRead: 0 };
	}
	const names = header.cells.map((c) => c.trim());
	const lowered = names.map((c) => c.toLowerCase());
	const headerProblem = (message: string) => problems.push({ line: header.line, message });
	const seenColumns = new Set<string>();
	names.forEach((name, i) => {
		if (name === '') headerProblem(`Column ${i + 1} has no heading.`);
		else if (seenColumns.has(lowered[i]!)) headerProblem(`The column "${name}" appears twice.`);
		seenColumns.add(lowered[i]!);
	});
	const column = (name: string) => lowered.indexOf(name);
	if (column('name') < 0) headerProblem('There is no "name" column.');
	if (column('email') < 0) headerProblem('There is no "email" column.');
	const featureColumns = names
		.map((name, i) => ({ name, i }))
		.filter(
			({ name, i }) => name !== '' && !(contactColumns as readonly string[]).includes(lowered[i]!)
		);
	if (featureColumns.length === 0)
		headerProblem('There are no feature columns (such as gender or age band) to set quotas on.');
	if (problems.length > 0)
		return { categories: [], volunteers: [], problems, rowsRead: rows.length };

	const categories = featureColumns.map((c) => c.name);
	const volunteers: VolunteerRow[] = [];
	const emails = new Map<string, number>();
	if (rows.length > maxVolunteers)
		problems.push({
			line: rows[maxVolunteers]!.line,
			message: `The file has ${rows.length} volunteers; at most ${maxVolunteers} can be imported at once.`
		});
	for (const row of rows.slice(0, maxVolunteers)) {
		const at = (message: string) => problems.push({ line: row.line, message });
		if (row.cells.length !== names.length) {
			at(`Expected ${names.length} values, found ${row.cells.length}.`);
			continue;
		}
		const cell = (i: number) => (i >= 0 ? (row.cells[i] ?? '').trim() : '');
		const name = cell(column('name'));
		const email = cell(column('email')).toLowerCase();
		let isValid = true;
		if (name === '') {
			at('The name is empty.');
			isValid = false;
		}
		if (!emailPattern.test(email)) {
			at(email === '' ? 'The email address is empty.' : `"${email}" is not an email address.`);
			isValid = false;
		} else if (emails.has(email)) {
			at(`The email address ${email} is also on line ${emails.get(email)}.`);
			isValid = false;
		}
		const features: Record<string, string> = {};
		for (const { name: category, i } of featureColumns) {
			const value = cell(i);
			if (value === '') {
				at(`The "${category}" value is empty.`);
				isValid = false;
			} else if (value.length > 100) {
				at(`The "${category}" value is longer than 100 characters.`);
				isValid = false;
			} else features[category] = value;
		}
		if (!isValid) continue;
		emails.set(email, row.line);
		volunteers.push({
			line: row.line,
			name,
			email,
			phone: cell(column('phone')) || null,
			household: cell(column('household')) || null,
			features
		});
	}
	if (rows.length === 0) problems.push({ line: header.line, message: 'No volunteers are listed.' });
	return { categories, volunteers, problems, rowsRead: rows.length };
}
