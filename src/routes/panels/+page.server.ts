import { getDatabase } from '$lib/server/db';
import { listDrawnPanels, listPublishedLotteries } from '$lib/server/panels';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const db = await getDatabase();
	const [drawn, waiting] = await Promise.all([listDrawnPanels(db), listPublishedLotteries(db)]);
	return {
		panels: drawn.map((p) => ({
			id: p.id,
			title: p.title,
			placeName: p.placeName,
			panelSize: p.panelSize,
			drawnOn: p.drawnAt?.toISOString().slice(0, 10) ?? ''
		})),
		waiting: waiting.map((p) => ({
			id: p.id,
			title: p.title,
			placeName: p.placeName,
			panelSize: p.panelSize,
			publishedOn: p.publishedAt?.toISOString().slice(0, 10) ?? ''
		}))
	};
};
