import { getDatabase } from '$lib/server/db';
import { suggestAsset, suggestAssetSchema } from '$lib/server/assets';
import { formValues, listNeighbourhoods, listPlaceTree, validate } from '$lib/server/platform';
import { failFromError, invalid, requireSignedIn } from '../../admin/form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireSignedIn(locals, url);
	const db = await getDatabase();
	const [neighbourhoods, tree] = await Promise.all([
		listNeighbourhoods(db),
		listPlaceTree(db, { pageSize: 50 })
	]);
	// Neighbourhoods first, by name; where a council has no neighbourhoods yet, its wards.
	const places = neighbourhoods.map((n) => ({
		value: n.id,
		text: n.parentName ? `${n.name}, ${n.parentName}` : n.name
	}));
	for (const council of tree.items)
		for (const ward of council.wards)
			if (!neighbourhoods.some((n) => n.parentName === ward.name))
				places.push({ value: ward.id, text: `${ward.name}, ${council.name}` });
	return { places };
};

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		const parsed = validate(suggestAssetSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values);
		try {
			const { id } = await suggestAsset(await getDatabase(), actor, parsed.data);
			return { suggested: { id, name: parsed.data.name } };
		} catch (cause) {
			return failFromError(cause, values);
		}
	}
};
