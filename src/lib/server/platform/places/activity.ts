/**
 * "What is happening here" on a place's page. Modules that run things in places (budgeting,
 * grants, assets…) register a provider; the place page asks each for what is happening in the
 * place and below it, and shows an empty state when nothing is.
 *
 *     placeActivityProviders.push({ id: 'budgeting', list: async (db, place) => [...] });
 */
import type { Executor } from '../../db/client';
import { childLogger } from '../logger';
import type { Actor } from '../permissions';
import type { Place } from './queries';

/** Something happening in a place, shown as a link with a line of text. */
export type PlaceActivity = {
	/** Plain-English title, already in the reader's language or neutral (a name). */
	title: string;
	href: string;
	summary?: string;
	/** When it happens or happened, to order the list (newest first). */
	at?: Date;
};

/** A module's contribution to place pages. Must only return what `actor` may see. */
export type PlaceActivityProvider = {
	id: string;
	list: (
		db: Executor,
		place: Pick<Place, 'id' | 'path' | 'level'>,
		actor: Actor
	) => Promise<PlaceActivity[]>;
};

/** The registered providers. Modules push into it when they load. */
export const placeActivityProviders: PlaceActivityProvider[] = [];

const log = childLogger({ component: 'place-activity' });

/**
 * What is happening in a place, newest first, from every provider. A provider that fails is
 * logged and left out, so one module's fault cannot take down every place page.
 */
export async function listPlaceActivity(
	db: Executor,
	actor: Actor,
	place: Pick<Place, 'id' | 'path' | 'level'>,
	providers: readonly PlaceActivityProvider[] = placeActivityProviders
): Promise<PlaceActivity[]> {
	const lists = await Promise.all(
		providers.map(async (provider) => {
			try {
				return await provider.list(db, place, actor);
			} catch (err) {
				log.error(
					{ err, provider: provider.id, placeId: place.id },
					'place activity provider failed'
				);
				return [];
			}
		})
	);
	return lists.flat().sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0));
}
