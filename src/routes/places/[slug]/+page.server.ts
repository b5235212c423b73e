import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	can,
	getPlaceBySlug,
	listAncestors,
	listChildBoundaries,
	listChildren,
	listOrganisations,
	listPlaceActivity
} from '$lib/server/platform';
import { sizeInKm, svgOutlines, type AreaGeometry } from '$lib/core/geo';
import { actorOf, pageParam } from '../../admin/form-helpers';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = await getDatabase();
	const place = await getPlaceBySlug(db, params.slug);
	if (!place) error(404, 'Place not found');
	const actor = actorOf(locals);
	const [ancestors, children, organisations, activity] = await Promise.all([
		listAncestors(db, place),
		listChildren(db, place.id, { page: pageParam(url), pageSize: 50 }),
		listOrganisations(db, { withinPaths: [place.path], pageSize: 20 }),
		listPlaceActivity(db, actor, place)
	]);
	// A place without a boundary of its own (a ward made from an LSOA file) is drawn as the
	// areas inside it.
	const own = place.boundary ? [place.boundary as AreaGeometry] : [];
	const shapes = own.length
		? own
		: (await listChildBoundaries(db, place.id)).map((c) => c.boundary);
	return {
		place: {
			id: place.id,
			name: place.name,
			slug: place.slug,
			level: place.level,
			onsCode: place.onsCode,
			description: place.description
		},
		ancestors: ancestors.map((a) => ({ name: a.name, slug: a.slug })),
		children: children.items.map((c) => ({ name: c.name, slug: c.slug, onsCode: c.onsCode })),
		childrenPage: children.page,
		childrenPages: children.totalPages,
		childrenTotal: children.total,
		organisations: organisations.items.map((o) => ({ name: o.name, slug: o.slug, kind: o.kind })),
		organisationsTotal: organisations.total,
		activity: activity.map((a) => ({ title: a.title, href: a.href, summary: a.summary ?? null })),
		outline: shapes.length
			? { ...svgOutlines(shapes, 300), ...sizeInKm(shapes), ofChildren: own.length === 0 }
			: null,
		canManage: can(actor, 'place.manage', place)
	};
};
