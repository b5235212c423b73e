/**
 * An idea's photo, served from this site so that no visitor's browser is sent to a host the
 * author chose. Seen by whoever may see the idea; anyone else gets the same 404 as for an idea
 * that does not exist.
 */
import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getIdeaPhoto } from '$lib/server/budgeting';
import { actorOf } from '../../../../../admin/form-helpers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, request }) => {
	const photo = await getIdeaPhoto(await getDatabase(), actorOf(locals), {
		processId: params.id,
		ideaId: params.ideaId
	});
	if (!photo) error(404, 'Page not found');
	// A stored photo never changes, so its id is a strong validator. A public idea's photo may be
	// kept by shared caches, but only for five minutes: a moderator may hide the idea (and so its
	// photo) at any time. A waiting or hidden idea's photo is for its author and moderators only,
	// and must be asked for again each time, so signing out or a moderator's decision takes effect.
	const etag = `"${photo.id}"`;
	const headers = {
		'Cache-Control': photo.isPublic ? 'public, max-age=300' : 'private, no-cache',
		ETag: etag,
		'X-Content-Type-Options': 'nosniff',
		// Opened on its own, the response may do nothing but be an image.
		'Content-Security-Policy': "default-src 'none'; sandbox",
		'Cross-Origin-Resource-Policy': 'same-origin',
		'Content-Disposition': 'inline'
	};
	if (request.headers.get('if-none-match') === etag)
		return new Response(null, { status: 304, headers });
	return new Response(photo.bytes as Uint8Array<ArrayBuffer>, {
		headers: {
			...headers,
			'Content-Type': photo.contentType,
			'Content-Length': String(photo.bytes.byteLength)
		}
	});
};
