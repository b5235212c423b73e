/** Reading the asset forms and loading their choices. */
import type { Database } from '$lib/server/db';
import { listOrganisations, listPlacesForAction, type Actor } from '$lib/server/platform';

/** The asset form's fields as text. */
export function assetValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of data) if (typeof value === 'string') values[key] = value;
	return values;
}

/** The places the actor looks after, indented by level, and the organisations that can run a space. */
export async function formChoices(db: Database, actor: Actor) {
	const [places, organisations] = await Promise.all([
		listPlacesForAction(db, actor, 'asset.manage'),
		listOrganisations(db, { pageSize: 200 })
	]);
	return {
		places: places.map((p) => ({
			value: p.id,
			text: `${'— '.repeat(p.path.split('/').length - 1)}${p.name}`
		})),
		organisations: organisations.items.map((o) => ({ value: o.id, text: o.name }))
	};
}
