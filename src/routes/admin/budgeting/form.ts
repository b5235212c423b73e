/** Reading the process form and loading its choices. */
import type { Database } from '$lib/server/db';
import {
	penceToPoundsText,
	phaseDateFields,
	previousDay,
	ukDay,
	type Process
} from '$lib/server/budgeting';
import { listPlacesForAction, type Actor } from '$lib/server/platform';

/** The places the actor may run a process in, indented by level. */
export async function placeChoices(db: Database, actor: Actor) {
	const places = await listPlacesForAction(db, actor, 'budgeting.manage');
	return places.map((p) => ({
		value: p.id,
		text: `${'— '.repeat(p.path.split('/').length - 1)}${p.name}`
	}));
}

/** A stored process as the form's text values, each phase date as its day, month and year. */
export function processValues(process: Process): Record<string, string> {
	const text = (v: number | null) => (v === null ? '' : String(v));
	const values: Record<string, string> = {
		placeId: process.placeId,
		title: process.title,
		description: process.description,
		budget: penceToPoundsText(process.budgetPence),
		ballotType: process.ballotType,
		maxChoices: text(process.maxChoices),
		minProjects: text(process.minProjects),
		maxProjects: text(process.maxProjects),
		totalPoints: text(process.totalPoints),
		maxPointsPerProject: text(process.maxPointsPerProject),
		countingRule: process.countingRule,
		allowAccounts: process.allowAccounts ? 'yes' : '',
		allowCodes: process.allowCodes ? 'yes' : '',
		minAge: text(process.minAge),
		postcodeDistricts: process.postcodeDistricts.join(', ')
	};
	for (const field of phaseDateFields) {
		const at = process[field];
		if (!at) continue;
		// Voting closes at midnight after its last day, which is what the form asks for.
		let day = ukDay(at);
		if (field === 'votingClosesAt' && ukDay(new Date(at.getTime() - 1)) !== day)
			day = previousDay(day);
		const [y, m, d] = day.split('-');
		values[`${field}-day`] = String(Number(d));
		values[`${field}-month`] = String(Number(m));
		values[`${field}-year`] = y!;
	}
	return values;
}
