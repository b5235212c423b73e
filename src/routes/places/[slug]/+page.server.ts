import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	can,
	getPlaceBySlug,
	listAncestors,
	listChildren,
	listOrganisations,
	listPlaceActivity
} from '$lib/server/platform';
import { bboxOf, svgOutline, type AreaGeometry } from '$lib/core/geo';
import { actorOf, pageParam } from '../../admin/form-helpers';
import type { PageServerLoad } from './$types';

/** Kilometres across a bounding box, for the outline's text alternative. */
function sizeInKm(geometry: AreaGeometry) {
	const [minX, minY, maxX, maxY] = bboxOf(geometry);
	const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
	const round = (n: number) => Math.round(n * 10) / 10;
	return { widthKm: round((maxX - minX) * 111.32 * k), heightKm: round((maxY - minY) * 110.57) };
}

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
	const boundary = place.boundary ? (place.boundary as AreaGeometry) : null;
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
		outline: boundary ? { ...svgOutline(boundary, 300), ...sizeInKm(boundary) } : null,
		canManage: can(actor, 'place.manage', place)
	};
};
