import { getDatabase } from '$lib/server/db';
import { listDrawnPanels } from '$lib/server/panels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const panels = await listDrawnPanels(await getDatabase());
	return {
		panels: panels.map((p) => ({
			id: p.id,
			title: p.title,
			placeName: p.placeName,
			panelSize: p.panelSize,
			drawnOn: p.drawnAt?.toISOString().slice(0, 10) ?? ''
		}))
	};
};
