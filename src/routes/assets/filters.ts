/**
 * The register's filters as they travel in the URL (`?q=hall&kind=hall&kind=pub&place=…`), shared
 * by the list, the map and the downloads so each shows the same spaces.
 */
import {
	assetKinds,
	assetOwnerTypes,
	type AssetFilters,
	type AssetKind,
	type AssetOwnerType
} from '$lib/server/assets';

/** The filters as chosen, for the form to show again. */
export type FilterValues = {
	q: string;
	kind: AssetKind[];
	owner: AssetOwnerType[];
	place: string;
	closed: boolean;
	acv: boolean;
};

/** Reads the filters from a URL, ignoring values that are not allowed. */
export function readFilters(url: URL): FilterValues {
	const params = url.searchParams;
	const pick = <T extends string>(allowed: readonly T[], name: string) =>
		[...new Set(params.getAll(name))].filter((v): v is T =>
			(allowed as readonly string[]).includes(v)
		);
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		kind: pick(assetKinds, 'kind'),
		owner: pick(assetOwnerTypes, 'owner'),
		place: (params.get('place') ?? '').trim().slice(0, 64),
		closed: params.get('closed') === '1',
		acv: params.get('acv') === '1'
	};
}

/** The filters for the module's queries, given the chosen place's path. */
export function toAssetFilters(values: FilterValues, placePath: string | undefined): AssetFilters {
	return {
		search: values.q || undefined,
		kinds: values.kind.length ? values.kind : undefined,
		ownerTypes: values.owner.length ? values.owner : undefined,
		placePath,
		statuses: values.closed ? ['confirmed', 'closed'] : ['confirmed'],
		acvListed: values.acv ? true : undefined
	};
}

/** The query string for the filters (without a page), to link to the map, downloads and pages. */
export function filterQuery(values: FilterValues): string {
	const params = new URLSearchParams();
	if (values.q) params.set('q', values.q);
	for (const k of values.kind) params.append('kind', k);
	for (const o of values.owner) params.append('owner', o);
	if (values.place) params.set('place', values.place);
	if (values.closed) params.set('closed', '1');
	if (values.acv) params.set('acv', '1');
	return params.toString();
}
