/**
 * The assets module's manifest: what it shows on place pages and the demo town's assets.
 */
import { and, desc, eq } from 'drizzle-orm';
import { t } from '../../i18n/index';
import type { ModuleManifest } from '../platform/module-manifest';
import type { PlaceActivity } from '../platform/places/activity';
import { withinPathCondition } from '../platform/places/queries';
import { platformPlaces } from '../platform/schema';
import { acvJobHandlers } from './acv/reminders';
import { seedAcvDemo } from './acv/demo';
import { seedAssetsDemo } from './demo';
import { seedTransferDemo } from './transfer/demo';
import { countAssetsByKind } from './queries';
import { assetsAssets } from './schema';

export const assetsModule: ModuleManifest = {
	id: 'assets',
	// Reminders before the statutory dates of assets of community value.
	jobHandlers: { ...acvJobHandlers },
	placeActivity: {
		id: 'assets',
		// Public: confirmed assets only, so every actor sees the same.
		async list(db, place) {
			const counts = await countAssetsByKind(db, place.path);
			const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
			if (total === 0) return [];
			const recent = await db
				.select({
					id: assetsAssets.id,
					name: assetsAssets.name,
					kind: assetsAssets.kind,
					updatedAt: assetsAssets.updatedAt,
					placeName: platformPlaces.name
				})
				.from(assetsAssets)
				.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
				.where(and(withinPathCondition(place.path), eq(assetsAssets.status, 'confirmed')))
				.orderBy(desc(assetsAssets.updatedAt), desc(assetsAssets.id))
				.limit(3);
			const items: PlaceActivity[] = [
				{
					title: t('assets.activity.register', { count: total }),
					href: `/assets?place=${encodeURIComponent(place.id)}`,
					summary: t('assets.activity.registerSummary')
				}
			];
			for (const a of recent)
				items.push({
					title: a.name,
					href: `/assets/${a.id}`,
					summary: t('assets.activity.asset', {
						kind: t(`assets.kind.${a.kind}`),
						place: a.placeName
					}),
					at: a.updatedAt
				});
			return items;
		}
	},
	async seedDemo(db, town) {
		await seedAssetsDemo(db, town);
		// Assets of community value refer to the demo assets, so they come after them.
		await seedAcvDemo(db, town);
		// Transfer cases and meanwhile use refer to the demo assets and organisations too.
		await seedTransferDemo(db, town);
	}
};
