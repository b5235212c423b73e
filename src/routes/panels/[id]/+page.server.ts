import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { drawCommand, getPublicPanel, rerunCommand } from '$lib/server/panels';
import { httpStatusOf, isDomainError } from '$lib/server/platform';
import type { PageServerLoad } from './$types';

const minute = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export const load: PageServerLoad = async ({ params }) => {
	let panel;
	try {
		panel = await getPublicPanel(await getDatabase(), params.id);
	} catch (cause) {
		if (isDomainError(cause)) error(httpStatusOf(cause.code), cause.message);
		throw cause;
	}
	const file = `panel-${panel.id}-lottery.csv`;
	return {
		panel: {
			...panel,
			lotteryPublishedAt: panel.lotteryPublishedAt ? minute(panel.lotteryPublishedAt) : null,
			draw: panel.draw ? { ...panel.draw, drawnAt: minute(panel.draw.drawnAt) } : null,
			minProbability: `${(panel.minProbability * 100).toFixed(1)}%`,
			replacements: panel.replacements.map((r) => ({ ...r, at: r.at.toISOString().slice(0, 10) }))
		},
		file,
		drawCommand: drawCommand({ seed: panel.draw?.seed ?? 'SEED', file }),
		pythonCommand: `python3 -c 'import hashlib,sys; print(int(hashlib.sha256((sys.argv[1] + ":" + sys.argv[2]).encode()).hexdigest(), 16) % ${panel.lotterySize} + 1)' ${panel.lotterySha256} "SEED"`,
		rerun: rerunCommand({
			panelSize: panel.panelSize,
			isOnePerHousehold: panel.isOnePerHousehold,
			timeLimitSeconds: panel.timeLimitSeconds
		})
	};
};
