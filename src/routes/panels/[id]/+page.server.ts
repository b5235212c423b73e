import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getPublicPanel, rerunCommand } from '$lib/server/panels';
import { httpStatusOf, isDomainError } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	let panel;
	try {
		panel = await getPublicPanel(await getDatabase(), params.id);
	} catch (cause) {
		if (isDomainError(cause)) error(httpStatusOf(cause.code), cause.message);
		throw cause;
	}
	return {
		panel: {
			...panel,
			drawnAt: panel.drawnAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
			minProbability: `${(panel.minProbability * 100).toFixed(1)}%`,
			replacements: panel.replacements.map((r) => ({ ...r, at: r.at.toISOString().slice(0, 10) }))
		},
		rerun: rerunCommand({
			panelSize: panel.panelSize,
			seed: panel.seed,
			isOnePerHousehold: panel.isOnePerHousehold,
			timeLimitSeconds: panel.timeLimitSeconds
		})
	};
};
