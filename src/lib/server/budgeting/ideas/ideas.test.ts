import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { listAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { buildPerson, buildPlaceTree, systemActor } from '../../platform/places/factories';
import { validate } from '../../platform/validation';
import { createTestDatabase } from '../../testing/test-database';
import { buildProcess, buildProjects } from '../factories';
import { budgetingIdeas, budgetingProjects } from '../schema';
import { createProject } from './create-project';
import { moderateIdea } from './moderate-idea';
import {
	getIdea,
	getIdeaPhoto,
	getReviewBoard,
	listHiddenIdeas,
	listIdeaPlaces,
	listIdeas,
	listIdeasToModerate,
	listPublicProjects
} from './queries';
import { rejectIdea } from './reject-idea';
import { putProjectOnBallot, withdrawProject } from './set-project-on-ballot';
import { submitIdea } from './submit-idea';
import { toggleSupport } from './toggle-support';
import { updateProject } from './update-project';
import {
	createProjectSchema,
	moderateIdeaSchema,
	submitIdeaSchema,
	updateProjectSchema
} from './validation';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

async function expectCode(promise: Promise<unknown>, code: string) {
	await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

const anonymous = { kind: 'anonymous' } as const;

/** The 8-byte PNG signature and an IHDR start: enough to be recognised as a PNG. */
const tinyPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** A ward with a process open for ideas, its organiser, an officer and two residents. */
async function setting(phase: 'ideas' | 'review' | 'voting' = 'ideas') {
	const tree = await buildPlaceTree(t.db);
	const process = await buildProcess(t.db, { placeId: tree.wardA.id, phase });
	const organiser = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
	});
	const officer = await buildPerson(t.db, {
		grants: [{ placeId: tree.council.id, role: 'officer' }]
	});
	const amira = await buildPerson(t.db, { name: 'Amira Begum' });
	const ben = await buildPerson(t.db);
	return { ...tree, process, organiser, officer, amira, ben };
}

const idea = (processId: string, extra: Record<string, unknown> = {}) =>
	submitIdeaSchema.parse({
		processId,
		title: 'Benches in the park',
		description: 'Somewhere to sit by the pond.',
		...extra
	});

/** An idea put in the table directly, already published. */
async function publishedIdea(processId: string, title: string, authorId: string) {
	const id = crypto.randomUUID();
	await t.db
		.insert(budgetingIdeas)
		.values({ id, processId, title, description: title, authorId, status: 'published' });
	return id;
}

describe('putting forward ideas', () => {
	it('takes an idea from a signed-in person while ideas are open, hidden until a moderator publishes it', async () => {
		const s = await setting();
		const input = idea(s.process.id, { placeId: s.hoodA1.id, roughCost: '£1,500' });
		expect(input.roughCostPence).toBe(150_000);
		await expectCode(submitIdea(t.db, anonymous, input), 'unauthenticated');
		const { id } = await submitIdea(t.db, s.amira.actor, input);

		expect(await getIdea(t.db, anonymous, id)).toBeNull();
		expect(await getIdea(t.db, s.ben.actor, id)).toBeNull();
		expect(await getIdea(t.db, s.amira.actor, id)).toMatchObject({
			status: 'submitted',
			isAuthor: true,
			placeName: 'Neighbourhood A1'
		});
		// The author sees their own waiting idea in the list; others do not.
		expect((await listIdeas(t.db, s.amira.actor, { processId: s.process.id })).total).toBe(1);
		expect((await listIdeas(t.db, s.ben.actor, { processId: s.process.id })).total).toBe(0);

		const waiting = await listIdeasToModerate(t.db, s.organiser.actor, { processId: s.process.id });
		expect(waiting.items.map((i) => i.id)).toEqual([id]);
		await expectCode(
			listIdeasToModerate(t.db, s.amira.actor, { processId: s.process.id }),
			'forbidden'
		);
		await expectCode(
			moderateIdea(t.db, s.amira.actor, { ideaId: id, decision: 'publish', reason: null }),
			'forbidden'
		);
		await moderateIdea(t.db, s.organiser.actor, { ideaId: id, decision: 'publish', reason: null });
		expect(await getIdea(t.db, anonymous, id)).toMatchObject({
			status: 'published',
			authorName: 'Amira',
			roughCostPence: 150_000
		});
		const audit = await listAudit(t.db, systemActor, { place: s.wardA });
		expect(audit.entries.slice(0, 2).map((e) => e.action)).toEqual([
			'budgeting.idea.publish',
			'budgeting.idea.submit'
		]);
	});

	it('refuses ideas outside the ideas phase, for a draft, or for a neighbourhood elsewhere', async () => {
		const s = await setting('review');
		await expectCode(submitIdea(t.db, s.amira.actor, idea(s.process.id)), 'phase_closed');
		const draft = await buildProcess(t.db, {
			placeId: s.wardA.id,
			phase: 'ideas',
			status: 'draft'
		});
		await expectCode(submitIdea(t.db, s.amira.actor, idea(draft.id)), 'not_found');
		const open = await buildProcess(t.db, { placeId: s.wardA.id, phase: 'ideas' });
		const error = await submitIdea(
			t.db,
			s.amira.actor,
			idea(open.id, { placeId: s.wardB.id })
		).catch((e: unknown) => e);
		expect((error as DomainError).fieldErrors).toEqual([
			{ field: 'placeId', message: 'Choose a neighbourhood from the list' }
		]);
		expect(await listIdeaPlaces(t.db, { ...s.wardA, level: 'ward' })).toEqual([
			{ id: s.hoodA1.id, name: 'Neighbourhood A1' }
		]);
	});

	it('says what is wrong with an idea form, field by field', () => {
		const result = validate(submitIdeaSchema, {
			processId: 'p',
			title: '',
			description: 'x',
			latitude: '52.4',
			roughCost: 'a lot',
			photo: new TextEncoder().encode('not a photo')
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual([
			{ field: 'title', message: 'Enter a short name for your idea' },
			{ field: 'roughCost', message: 'Enter the rough cost as an amount in pounds, like 5000' },
			{
				field: 'photo',
				message: 'The photo must be a JPEG, PNG or WebP image. Choose a photo again'
			}
		]);
		const second = validate(submitIdeaSchema, {
			processId: 'p',
			title: 'Bins',
			description: 'More bins',
			latitude: '52.4',
			photo: tinyPng
		});
		expect(second.ok ? [] : second.errors.map((e) => e.field)).toEqual(['longitude', 'photoAlt']);
		// The description of a photo is asked for even while other answers are wrong, since the
		// photo must be chosen again after any error.
		const third = validate(submitIdeaSchema, { processId: 'p', title: '', photo: tinyPng });
		expect(third.ok ? [] : third.errors.map((e) => e.field)).toEqual([
			'title',
			'description',
			'photoAlt'
		]);
	});

	it('hides an idea with a public reason, and needs the reason', async () => {
		const s = await setting();
		const { id } = await submitIdea(t.db, s.amira.actor, idea(s.process.id));
		const noReason = validate(moderateIdeaSchema, { ideaId: id, decision: 'hide', reason: '' });
		expect(noReason.ok ? [] : noReason.errors).toEqual([
			{ field: 'reason', message: 'Say why the idea is hidden; everyone will see this' }
		]);
		await moderateIdea(t.db, s.officer.actor, {
			ideaId: id,
			decision: 'hide',
			reason: 'It names a private person.'
		});
		expect(await getIdea(t.db, anonymous, id)).toBeNull();
		expect(await getIdea(t.db, s.amira.actor, id)).toMatchObject({
			status: 'hidden',
			publicReason: 'It names a private person.'
		});
	});

	it('lists hidden ideas publicly with the date and reason, but not what they said', async () => {
		const s = await setting();
		expect(await listHiddenIdeas(t.db, s.process.id)).toEqual([]);
		const { id } = await submitIdea(
			t.db,
			s.amira.actor,
			idea(s.process.id, { title: 'Fence off Jo Bloggs’s garden', description: 'Rude words.' })
		);
		const kept = await submitIdea(t.db, s.ben.actor, idea(s.process.id));
		await moderateIdea(t.db, s.organiser.actor, {
			ideaId: kept.id,
			decision: 'publish',
			reason: null
		});
		await moderateIdea(t.db, s.organiser.actor, {
			ideaId: id,
			decision: 'hide',
			reason: 'It names a private person.'
		});
		const hidden = await listHiddenIdeas(t.db, s.process.id);
		expect(hidden).toEqual([
			{ id, hiddenAt: expect.any(Date), publicReason: 'It names a private person.' }
		]);
		expect(JSON.stringify(hidden)).not.toMatch(/Bloggs|Rude/);
		// Published again, it leaves the list.
		await moderateIdea(t.db, s.organiser.actor, { ideaId: id, decision: 'publish', reason: null });
		expect(await listHiddenIdeas(t.db, s.process.id)).toEqual([]);
	});

	it('shows a photo only to those who may see its idea', async () => {
		const s = await setting();
		const { id } = await submitIdea(
			t.db,
			s.amira.actor,
			idea(s.process.id, { photo: tinyPng, photoAlt: 'The pond' })
		);
		const where = { processId: s.process.id, ideaId: id };
		expect(await getIdeaPhoto(t.db, anonymous, where)).toBeNull();
		expect(await getIdeaPhoto(t.db, s.ben.actor, where)).toBeNull();
		expect(await getIdeaPhoto(t.db, s.amira.actor, where)).toMatchObject({
			contentType: 'image/png',
			isPublic: false
		});
		expect(await getIdeaPhoto(t.db, s.organiser.actor, where)).not.toBeNull();
		await moderateIdea(t.db, s.organiser.actor, { ideaId: id, decision: 'publish', reason: null });
		const published = await getIdeaPhoto(t.db, anonymous, where);
		expect(published).toMatchObject({ contentType: 'image/png', isPublic: true });
		expect([...published!.bytes]).toEqual([...tinyPng]);
		expect((await getIdea(t.db, anonymous, id))?.photo).toEqual({
			id: published!.id,
			alt: 'The pond'
		});
		// Another process's address for the same idea finds nothing.
		const other = await buildProcess(t.db, { placeId: s.wardA.id, phase: 'ideas' });
		expect(await getIdeaPhoto(t.db, anonymous, { processId: other.id, ideaId: id })).toBeNull();
	});
});

describe('supporting ideas', () => {
	it('counts one support per person, and a second click takes it back', async () => {
		const s = await setting();
		const id = await publishedIdea(s.process.id, 'Bins', s.amira.id);
		await expectCode(toggleSupport(t.db, anonymous, { ideaId: id }), 'unauthenticated');
		expect(await toggleSupport(t.db, s.amira.actor, { ideaId: id })).toEqual({ isSupported: true });
		expect(await toggleSupport(t.db, s.ben.actor, { ideaId: id })).toEqual({ isSupported: true });
		const list = await listIdeas(t.db, s.ben.actor, { processId: s.process.id });
		expect(list.items[0]).toMatchObject({ supportCount: 2, isSupported: true });
		expect(await toggleSupport(t.db, s.ben.actor, { ideaId: id })).toEqual({ isSupported: false });
		expect(await getIdea(t.db, s.ben.actor, id)).toMatchObject({
			supportCount: 1,
			isSupported: false
		});
	});

	it('keeps one support when the same person clicks twice at once', async () => {
		const s = await setting();
		const id = await publishedIdea(s.process.id, 'Trees', s.amira.id);
		const results = await Promise.allSettled([
			toggleSupport(t.db, s.ben.actor, { ideaId: id }),
			toggleSupport(t.db, s.ben.actor, { ideaId: id })
		]);
		const count = (await getIdea(t.db, anonymous, id))!.supportCount;
		// Either both ran (support, then take back) or one raced the other; never two supports.
		expect(count).toBeLessThanOrEqual(1);
		expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
	});

	it('refuses support for an idea waiting for a moderator or once voting has opened', async () => {
		const s = await setting();
		const { id } = await submitIdea(t.db, s.amira.actor, idea(s.process.id));
		await expectCode(toggleSupport(t.db, s.ben.actor, { ideaId: id }), 'not_found');
		const voting = await setting('voting');
		const published = await publishedIdea(voting.process.id, 'Lights', voting.amira.id);
		await expectCode(toggleSupport(t.db, voting.ben.actor, { ideaId: published }), 'phase_closed');
	});
});

describe('reviewing ideas into projects', () => {
	it('merges duplicate ideas into one costed project, which goes on the ballot numbered in order', async () => {
		const s = await setting('review');
		const a = await publishedIdea(s.process.id, 'Benches by the pond', s.amira.id);
		const b = await publishedIdea(s.process.id, 'Seats in the park', s.ben.id);
		const c = await publishedIdea(s.process.id, 'A new skate park', s.ben.id);
		const input = createProjectSchema.parse({
			processId: s.process.id,
			ideaIds: [a, b],
			title: 'Benches in Ward A park',
			cost: '4,500',
			feasibilityNote: 'Parks team can install six benches in spring.'
		});
		await expectCode(createProject(t.db, s.amira.actor, input), 'forbidden');
		const { id } = await createProject(t.db, s.officer.actor, input);

		const ideaA = await getIdea(t.db, anonymous, a);
		expect(ideaA).toMatchObject({ status: 'in_project', project: { id, status: 'draft' } });
		// An idea already in a project cannot go into another.
		await expectCode(
			createProject(t.db, s.officer.actor, { ...input, ideaIds: [b, c] }),
			'conflict'
		);

		await rejectIdea(t.db, s.officer.actor, {
			ideaId: c,
			reason: 'The only site is a flood plain.'
		});
		await expectCode(rejectIdea(t.db, s.officer.actor, { ideaId: c, reason: 'Again' }), 'conflict');
		let page = await listPublicProjects(t.db, s.process.id);
		expect(page.onBallot).toEqual([]);
		expect(page.rejected).toEqual([
			{ id: c, title: 'A new skate park', publicReason: 'The only site is a flood plain.' }
		]);

		await putProjectOnBallot(t.db, s.officer.actor, { projectId: id });
		page = await listPublicProjects(t.db, s.process.id);
		expect(page.onBallot).toMatchObject([
			{
				id,
				number: 1,
				costPence: 450_000,
				feasibilityNote: 'Parks team can install six benches in spring.',
				ideas: [
					{ id: a, title: 'Benches by the pond' },
					{ id: b, title: 'Seats in the park' }
				]
			}
		]);
		const audit = await listAudit(t.db, systemActor, { place: s.wardA });
		expect(audit.entries.slice(0, 3).map((e) => e.action)).toEqual([
			'budgeting.project.put_on_ballot',
			'budgeting.idea.reject',
			'budgeting.project.create'
		]);
		expect(audit.entries[2]?.details).toMatchObject({ merged: true, ideaIds: [a, b] });
	});

	it('numbers the ballot 1..n with no gaps when projects are withdrawn or come back', async () => {
		const s = await setting('review');
		const [p1, p2, p3] = await buildProjects(t.db, s.process.id, [
			{ costPence: 100_000, status: 'draft' },
			{ costPence: 200_000, status: 'draft' },
			{ costPence: 300_000, status: 'draft' }
		]);
		for (const p of [p3!, p1!, p2!])
			await putProjectOnBallot(t.db, s.officer.actor, { projectId: p.id });
		await withdrawProject(t.db, s.officer.actor, {
			projectId: p1!.id,
			reason: 'Already funded by the county.'
		});
		const numbers = async () =>
			Object.fromEntries(
				(
					await t.db
						.select({ id: budgetingProjects.id, number: budgetingProjects.number })
						.from(budgetingProjects)
						.where(eq(budgetingProjects.processId, s.process.id))
				).map((r) => [r.id, r.number])
			);
		// In the order they were put on the ballot, withdrawn ones last.
		expect(await numbers()).toEqual({ [p3!.id]: 1, [p2!.id]: 2, [p1!.id]: 3 });
		const page = await listPublicProjects(t.db, s.process.id);
		expect(page.withdrawn).toMatchObject([
			{ id: p1!.id, publicReason: 'Already funded by the county.' }
		]);
		await putProjectOnBallot(t.db, s.officer.actor, { projectId: p1!.id });
		expect((await listPublicProjects(t.db, s.process.id)).onBallot.map((p) => p.id)).toEqual([
			p3!.id,
			p2!.id,
			p1!.id
		]);
	});

	it('refuses a project costing more than the budget, and any change once voting has opened', async () => {
		const s = await setting('review');
		const [big] = await buildProjects(t.db, s.process.id, [
			{ costPence: s.process.budgetPence + 1, status: 'draft' }
		]);
		await expectCode(putProjectOnBallot(t.db, s.officer.actor, { projectId: big!.id }), 'invalid');
		await updateProject(
			t.db,
			s.officer.actor,
			updateProjectSchema.parse({ projectId: big!.id, title: 'Smaller', cost: '5000' })
		);
		await putProjectOnBallot(t.db, s.officer.actor, { projectId: big!.id });

		const voting = await setting('voting');
		const id = await publishedIdea(voting.process.id, 'Late idea', voting.amira.id);
		const [onBallot] = await buildProjects(t.db, voting.process.id, [{ costPence: 1000 }]);
		await expectCode(
			createProject(
				t.db,
				voting.officer.actor,
				createProjectSchema.parse({
					processId: voting.process.id,
					ideaIds: [id],
					title: 'Late',
					cost: '10'
				})
			),
			'phase_closed'
		);
		await expectCode(
			withdrawProject(t.db, voting.officer.actor, { projectId: onBallot!.id, reason: 'No' }),
			'phase_closed'
		);
		await expectCode(
			rejectIdea(t.db, voting.officer.actor, { ideaId: id, reason: 'No' }),
			'phase_closed'
		);
	});

	it('numbers projects made at the same moment by two officers without a clash', async () => {
		const s = await setting('review');
		const ideas = await Promise.all(
			['Trees', 'Bins', 'Signs', 'Paths'].map((title) =>
				publishedIdea(s.process.id, title, s.amira.id)
			)
		);
		await Promise.all(
			ideas.map((id, i) =>
				createProject(
					t.db,
					s.officer.actor,
					createProjectSchema.parse({
						processId: s.process.id,
						ideaIds: [id],
						title: `Project ${i}`,
						cost: '100'
					})
				)
			)
		);
		const numbers = await t.db
			.select({ number: budgetingProjects.number })
			.from(budgetingProjects)
			.where(eq(budgetingProjects.processId, s.process.id));
		expect(numbers.map((n) => n.number).sort()).toEqual([1, 2, 3, 4]);
	});

	it('shows the review board only to those who review there', async () => {
		const s = await setting('review');
		const a = await publishedIdea(s.process.id, 'Murals', s.amira.id);
		const board = await getReviewBoard(t.db, s.officer.actor, { processId: s.process.id });
		expect(board.waiting.items.map((i) => i.id)).toEqual([a]);
		await expectCode(getReviewBoard(t.db, s.amira.actor, { processId: s.process.id }), 'forbidden');
	});
});
