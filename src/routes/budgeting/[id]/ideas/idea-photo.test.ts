/**
 * The idea form's photo upload and the photo's address, through the route handlers as a browser
 * without JavaScript uses them: a multipart form post, then a plain GET.
 */
import { isRedirect, type ActionFailure } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatabaseHandle } from '$lib/server/db';
import { moderateIdea } from '$lib/server/budgeting';
import type { Actor } from '$lib/server/platform';
import { buildPerson, buildPlaceTree, buildProcess } from '$lib/server/testing/factories';
import { createTestDatabase } from '$lib/server/testing/test-database';

let t: DatabaseHandle;
vi.mock('$lib/server/db', async (original) => ({
	...(await original<typeof import('$lib/server/db')>()),
	getDatabase: async () => t.db
}));

const { actions } = await import('./new/+page.server');
const { load } = await import('./+page.server');
const { GET } = await import('./[ideaId]/photo/+server');

beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const anonymous: Actor = { kind: 'anonymous' };

/** A real (1×1, red) PNG, made by hand so the test needs no image library. */
const png = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
		'base64'
	)
);

async function setting() {
	const tree = await buildPlaceTree(t.db);
	const process = await buildProcess(t.db, { placeId: tree.wardA.id, phase: 'ideas' });
	const organiser = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
	});
	const resident = await buildPerson(t.db, { name: 'Amira Begum' });
	return { process, organiser, resident };
}

type Fields = Record<string, string | File>;
type FormFailure = { errors: { field: string; message: string }[]; values: Record<string, string> };

/** Posts the idea form as a browser does; returns the redirect's address or the failure. */
async function submitForm(processId: string, actor: Actor, fields: Fields) {
	const body = new FormData();
	const all: Fields = { title: 'Benches', description: 'By the pond.', ...fields };
	for (const [name, value] of Object.entries(all)) body.append(name, value);
	const url = new URL(`http://localhost/budgeting/${processId}/ideas/new`);
	const request = new Request(url, { method: 'POST', body });
	const event = { request, url, params: { id: processId }, locals: { actor } };
	try {
		const result = await actions.default!(event as never);
		return { failure: result as ActionFailure<FormFailure> };
	} catch (thrown) {
		if (isRedirect(thrown)) return { location: thrown.location };
		throw thrown;
	}
}

async function fetchPhoto(processId: string, ideaId: string, actor: Actor, headers = {}) {
	const url = new URL(`http://localhost/budgeting/${processId}/ideas/${ideaId}/photo`);
	const event = {
		request: new Request(url, { headers }),
		url,
		params: { id: processId, ideaId },
		locals: { actor }
	};
	try {
		return await GET(event as never);
	} catch (thrown) {
		// SvelteKit's error() throws an HttpError with a status.
		return { status: (thrown as { status: number }).status } as Response;
	}
}

const ideaIdOf = (location: string | undefined) => location?.match(/ideas\/([^/?]+)\?sent$/)?.[1];

describe('a photo with an idea', () => {
	it('accepts a PNG and serves it back byte-identical with the right headers', async () => {
		const s = await setting();
		const sent = await submitForm(s.process.id, s.resident.actor, {
			photo: new File([png], 'swing.png', { type: 'image/png' }),
			photoAlt: 'The corner of the green by the benches'
		});
		const ideaId = ideaIdOf(sent.location);
		expect(ideaId).toBeTruthy();

		// Waiting for a moderator: its author sees the photo, nobody else, and no cache shares it.
		const own = await fetchPhoto(s.process.id, ideaId!, s.resident.actor);
		expect(own.status).toBe(200);
		expect(own.headers.get('cache-control')).toBe('private, no-cache');
		expect(new Uint8Array(await own.arrayBuffer())).toEqual(png);

		await moderateIdea(t.db, s.organiser.actor, {
			ideaId: ideaId!,
			decision: 'publish',
			reason: null
		});
		const response = await fetchPhoto(s.process.id, ideaId!, anonymous);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/png');
		expect(response.headers.get('content-length')).toBe(String(png.byteLength));
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(png);

		// The browser asks again with the ETag it has: nothing is sent twice.
		const again = await fetchPhoto(s.process.id, ideaId!, anonymous, {
			'if-none-match': response.headers.get('etag')!
		});
		expect(again.status).toBe(304);
	});

	it('detects the type from the bytes, whatever the name and declared type say', async () => {
		const s = await setting();
		const sent = await submitForm(s.process.id, s.resident.actor, {
			photo: new File([png], 'holiday.jpg', { type: 'image/jpeg' }),
			photoAlt: 'A red dot'
		});
		const ideaId = ideaIdOf(sent.location)!;
		const response = await fetchPhoto(s.process.id, ideaId, s.resident.actor);
		expect(response.headers.get('content-type')).toBe('image/png');
	});

	it('refuses a text file renamed .jpg, naming the field, and keeps the other answers', async () => {
		const s = await setting();
		const { failure } = await submitForm(s.process.id, s.resident.actor, {
			title: 'A swing',
			roughCost: '800',
			photo: new File(['just some text'], 'photo.jpg', { type: 'image/jpeg' }),
			photoAlt: 'A swing'
		});
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual([
			{
				field: 'photo',
				message: 'The photo must be a JPEG, PNG or WebP image. Choose a photo again'
			}
		]);
		expect(failure?.data.values).toMatchObject({
			title: 'A swing',
			roughCost: '800',
			photoAlt: 'A swing'
		});
	});

	it('refuses a photo over 5 MB', async () => {
		const s = await setting();
		const big = new Uint8Array(5 * 1024 * 1024 + 1);
		big.set(png);
		const { failure } = await submitForm(s.process.id, s.resident.actor, {
			photo: new File([big], 'big.png', { type: 'image/png' }),
			photoAlt: 'A big photo'
		});
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual([
			{ field: 'photo', message: 'The photo must be smaller than 5 MB. Choose a smaller photo' }
		]);
	});

	it('needs a description of the photo for people who cannot see it', async () => {
		const s = await setting();
		const { failure } = await submitForm(s.process.id, s.resident.actor, {
			photo: new File([png], 'swing.png', { type: 'image/png' }),
			photoAlt: '  '
		});
		expect(failure?.status).toBe(400);
		expect(failure?.data.errors).toEqual([
			{
				field: 'photoAlt',
				message: 'Describe the photo for people who cannot see it, then choose the photo again'
			}
		]);
		// The page is told a photo was chosen, so it can ask for it again.
		expect(failure?.data.values.photoChosen).toBe('1');
	});

	it('takes an idea without a photo, and an empty file input is no photo', async () => {
		const s = await setting();
		const sent = await submitForm(s.process.id, s.resident.actor, {
			photo: new File([], '', { type: 'application/octet-stream' })
		});
		const ideaId = ideaIdOf(sent.location)!;
		expect((await fetchPhoto(s.process.id, ideaId, s.resident.actor)).status).toBe(404);
	});

	it('hides a hidden idea’s photo from the public, but not from its author', async () => {
		const s = await setting();
		const sent = await submitForm(s.process.id, s.resident.actor, {
			photo: new File([png], 'swing.png', { type: 'image/png' }),
			photoAlt: 'A swing'
		});
		const ideaId = ideaIdOf(sent.location)!;
		await moderateIdea(t.db, s.organiser.actor, { ideaId, decision: 'publish', reason: null });
		expect((await fetchPhoto(s.process.id, ideaId, anonymous)).status).toBe(200);
		await moderateIdea(t.db, s.organiser.actor, {
			ideaId,
			decision: 'hide',
			reason: 'The photo shows a private garden.'
		});
		expect((await fetchPhoto(s.process.id, ideaId, anonymous)).status).toBe(404);
		expect((await fetchPhoto(s.process.id, ideaId, s.resident.actor)).status).toBe(200);
		expect((await fetchPhoto(s.process.id, ideaId, s.organiser.actor)).status).toBe(200);
	});
});

describe('the public list of hidden ideas', () => {
	async function ideasPage(processId: string) {
		const url = new URL(`http://localhost/budgeting/${processId}/ideas`);
		const data = await load({
			params: { id: processId },
			locals: { actor: anonymous },
			url
		} as never);
		return data as Exclude<typeof data, void>;
	}

	it('is empty when nothing has been hidden', async () => {
		const s = await setting();
		expect((await ideasPage(s.process.id)).hidden).toEqual([]);
	});

	it('shows when and why each idea was hidden, but not its title or text', async () => {
		const s = await setting();
		const sent = await submitForm(s.process.id, s.resident.actor, {
			title: 'Something rude about Jo Bloggs',
			description: 'Abusive words here.'
		});
		const ideaId = ideaIdOf(sent.location)!;
		await moderateIdea(t.db, s.organiser.actor, {
			ideaId,
			decision: 'hide',
			reason: 'It was abusive about a named person.'
		});
		const page = await ideasPage(s.process.id);
		expect(page.hidden).toEqual([
			{
				id: ideaId,
				hiddenOn: expect.stringMatching(/^\d{1,2} [A-Z][a-z]+ \d{4}$/),
				reason: 'It was abusive about a named person.'
			}
		]);
		expect(JSON.stringify(page)).not.toMatch(/Bloggs|Abusive words/);
	});
});
