import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray, like } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run as panelCommand } from '../../../cli/panel';
import { replacementCandidates, replacementKey } from '../../core/panels/index';
import {
	buildProblem,
	drawTicket,
	loadHighsSolver,
	panelViolations,
	selectPanel,
	type Pool
} from '../../core/sortition/index';
import { hasSharedData, sharedDataDir } from '../../testing/shared-data';
import type { DatabaseHandle } from '../db/client';
import { listAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { runDueJobs } from '../platform/jobs';
import { sendMail } from '../platform/mail';
import { buildPerson, buildPlaceTree, systemActor } from '../platform/places/factories';
import { platformJobs, platformOutbox } from '../platform/schema';
import { createTestDatabase } from '../testing/test-database';
import { anonymisePanel, ANONYMISE_QUEUE, anonymisePanelJob } from './anonymise-panel';
import { createPanel } from './create-panel';
import { drawPanel } from './draw-panel';
import { importPool } from './import-pool';
import { inviteMembers } from './invite-members';
import { getOrganiserPanel } from './organiser-view';
import { getPublicPanel, listVolunteers, poolOf, publicLotteryCsv, findPanel } from './queries';
import { publishLottery } from './publish-lottery';
import { replaceMember } from './replace-member';
import { runSelectionJob } from './run-selection';
import { panelsSelections } from './schema';
import { setQuotas } from './set-quotas';
import { setRetention } from './set-retention';
import { SELECT_QUEUE, startSelection } from './start-selection';
import { createPanelSchema } from './validation';
import { jobHandlers } from '../platform/job-handlers';
import { panelsModule } from './module';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
});
afterAll(async () => {
	await t?.close();
});

const handlers = { [SELECT_QUEUE]: runSelectionJob };

async function expectCode(promise: Promise<unknown>, code: string) {
	await expect(promise).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
}

/** A deterministic pool of `n` volunteers: gender, age and tenure, skewed towards owners. */
function poolCsv(n: number, options: { household?: boolean } = {}): string {
	const lines = [`name,email,Gender,Age,Tenure${options.household ? ',household' : ''}`];
	for (let i = 1; i <= n; i++) {
		const gender = i % 2 === 0 ? 'Woman' : 'Man';
		const age = ['Under 40', '40 to 64', '65 and over'][i % 3]!;
		const tenure = i % 4 === 0 ? 'Renter' : 'Owner';
		lines.push(
			`Volunteer Person${i},person${i}@volunteers.example,${gender},${age},${tenure}${options.household ? `,house-${Math.ceil(i / 2)}` : ''}`
		);
	}
	return lines.join('\n');
}

async function setUp(options: { panelSize?: number; n?: number; title?: string } = {}) {
	const tree = await buildPlaceTree(t.db);
	const organiser = await buildPerson(t.db, {
		grants: [{ placeId: tree.wardA.id, role: 'organiser' }]
	});
	const { id } = await createPanel(
		t.db,
		organiser.actor,
		createPanelSchema.parse({
			placeId: tree.hoodA1.id,
			title: options.title ?? 'Panel on the park',
			panelSize: String(options.panelSize ?? 8)
		})
	);
	return { ...tree, organiser, panelId: id };
}

async function importAndDraw(
	panelId: string,
	actor: Parameters<typeof importPool>[1],
	seed: string
) {
	const report = await importPool(t.db, actor, { panelId, csv: poolCsv(40) });
	expect(report.problems).toEqual([]);
	// Owners crowd the pool (30 of 40) but may fill at most half the panel.
	await setTenure(panelId, actor, { owner: [3, 4], renter: [4, 5] });
	await reviewPublishAndDraw(panelId, actor, seed);
}

/** Runs a review, publishes its lottery, then draws with the public seed. */
async function reviewPublishAndDraw(
	panelId: string,
	actor: Parameters<typeof importPool>[1],
	seed: string
) {
	await startSelection(t.db, actor, { panelId });
	await runDueJobs(t.db, handlers);
	await publishLottery(t.db, actor, { panelId });
	return drawPanel(t.db, actor, { panelId, seed });
}

/** `powershare panel draw` on a lottery file's text, as an observer would run it. */
async function drawWithCommand(csv: string, seed: string) {
	const dir = mkdtempSync(path.join(tmpdir(), 'powershare-draw-'));
	const out: string[] = [];
	const log = vi.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ')));
	try {
		const file = path.join(dir, 'lottery.csv');
		writeFileSync(file, csv);
		expect(await panelCommand(['draw', '--lottery', file, '--seed', seed, '--json'])).toBe(0);
		return JSON.parse(out.join('\n')) as {
			lotterySha256: string;
			ticket: number;
			members: string[];
		};
	} finally {
		log.mockRestore();
		rmSync(dir, { recursive: true, force: true });
	}
}

async function setTenure(
	panelId: string,
	actor: Parameters<typeof importPool>[1],
	tenure: { owner: [number, number]; renter: [number, number] }
) {
	const panel = await findPanel(t.db, panelId);
	await setQuotas(t.db, actor, {
		panelId,
		quotas: panel.quotas.map((q) =>
			q.category === 'Tenure'
				? {
						min: tenure[q.value === 'Owner' ? 'owner' : 'renter'][0],
						max: tenure[q.value === 'Owner' ? 'owner' : 'renter'][1]
					}
				: { min: q.min, max: q.max }
		)
	});
}

function meetsEveryQuota(pool: Pool, k: number, members: number[], isOnePerHousehold = false) {
	const problem = buildProblem(pool, k, { isOnePerHousehold });
	const index = new Map(pool.people.map((p, i) => [p.id, i]));
	return panelViolations(
		problem,
		members.map((m) => index.get(String(m))!)
	);
}

describe('importing the pool', () => {
	it('reports every row with a problem by line and imports nothing', async () => {
		const { organiser, panelId } = await setUp();
		const csv = [
			'Name,Email,Gender,Age',
			'Ann Smith,ann@volunteers.example,Woman,Under 40',
			'Bob Jones,not-an-email,Man,65 and over',
			'Cat Brown,ann@volunteers.example,Woman,40 to 64',
			',dan@volunteers.example,Man,Under 40',
			'Eve Black,eve@volunteers.example,,Under 40',
			'Fay Green,fay@volunteers.example,Woman'
		].join('\n');
		const report = await importPool(t.db, organiser.actor, { panelId, csv });
		expect(report.imported).toBe(0);
		expect(report.problems).toEqual([
			{ line: 3, message: '"not-an-email" is not an email address.' },
			{ line: 4, message: 'The email address ann@volunteers.example is also on line 2.' },
			{ line: 5, message: 'The name is empty.' },
			{ line: 6, message: 'The "Gender" value is empty.' },
			{ line: 7, message: 'Expected 4 values, found 3.' }
		]);
		expect(await listVolunteers(t.db, panelId)).toEqual([]);
	});

	it('says what is wrong with the header', async () => {
		const { organiser, panelId } = await setUp();
		const report = await importPool(t.db, organiser.actor, {
			panelId,
			csv: 'Full name,Gender\nAnn,Woman'
		});
		expect(report.problems.map((p) => p.message)).toEqual([
			'There is no "name" column.',
			'There is no "email" column.'
		]);
	});

	it('numbers the volunteers and suggests quotas from the pool’s own shares when there is no census', async () => {
		const { organiser, panelId } = await setUp();
		const report = await importPool(t.db, organiser.actor, { panelId, csv: poolCsv(40) });
		expect(report).toMatchObject({
			imported: 40,
			problems: [],
			categories: ['Gender', 'Age', 'Tenure']
		});
		const view = await getOrganiserPanel(t.db, organiser.actor, panelId);
		expect(view.volunteers.map((v) => v.number)).toEqual(
			Array.from({ length: 40 }, (_, i) => i + 1)
		);
		expect(view.panel.quotaSource).toBe('pool');
		// 30 of 40 own their home: 75% of 8 is exactly 6.
		expect(view.panel.quotas).toContainEqual({
			category: 'Tenure',
			value: 'Owner',
			min: 6,
			max: 6
		});
		expect(view.panel.quotas).toContainEqual({
			category: 'Gender',
			value: 'Woman',
			min: 4,
			max: 4
		});
		expect(view.suggested.every((q) => q.source === 'pool')).toBe(true);
	});

	it.runIf(hasSharedData('uk', 'census quota suggestions'))(
		'suggests gender quotas from the census for a place with a real ONS code, and the rest from the pool',
		async () => {
			const tree = await buildPlaceTree(t.db, { councilCode: 'E06000002' }); // Middlesbrough
			const { id: panelId } = await createPanel(
				t.db,
				systemActor,
				createPanelSchema.parse({
					placeId: tree.council.id,
					title: 'Middlesbrough panel',
					panelSize: '10'
				})
			);
			// Nine women in ten volunteers: the census (about half women) corrects the pool's skew.
			const lines = ['name,email,Gender,Tenure'];
			for (let i = 1; i <= 20; i++)
				lines.push(
					`P${i},p${i}@volunteers.example,${i % 10 === 0 ? 'Male' : 'Female'},${i % 2 ? 'Owner' : 'Renter'}`
				);
			const report = await importPool(t.db, systemActor, {
				panelId,
				csv: lines.join('\n'),
				censusDir: `${sharedDataDir}/uk`
			});
			expect(report.imported).toBe(20);
			const panel = await findPanel(t.db, panelId);
			expect(panel.quotaSource).toBe('mixed');
			// Census 2021, Middlesbrough: 73,035 females and 70,887 males → 5.07 of 10.
			expect(panel.quotas).toContainEqual({ category: 'Gender', value: 'Female', min: 5, max: 6 });
			expect(panel.quotas).toContainEqual({ category: 'Gender', value: 'Male', min: 2, max: 5 });
			expect(panel.quotas).toContainEqual({ category: 'Tenure', value: 'Owner', min: 5, max: 5 });
		}
	);
});

describe('census age quotas', () => {
	it.runIf(hasSharedData('uk', 'census age quota suggestions'))(
		'suggests age quotas from the LSOAs of the place',
		async () => {
			const tree = await buildPlaceTree(t.db, { councilCode: 'E08000010' }); // Wigan
			const { id: panelId } = await createPanel(
				t.db,
				systemActor,
				createPanelSchema.parse({
					placeId: tree.council.id,
					title: 'Wigan age panel',
					panelSize: '10'
				})
			);
			// A pool that is mostly over 65: the census pulls the suggestion back.
			const bands = ['Under 40', '40 to 64', '65 and over'];
			const lines = ['name,email,Age'];
			for (let i = 1; i <= 30; i++)
				lines.push(`P${i},p${i}@volunteers.example,${bands[Math.min(Math.floor((i - 1) / 6), 2)]}`);
			await importPool(t.db, systemActor, {
				panelId,
				csv: lines.join('\n'),
				censusDir: `${sharedDataDir}/uk`
			});
			// The same sum, read straight from the files: the authority's 2021 LSOAs in the
			// lookup, their people by band in the mid-2020 estimates.
			const rows = (file: string) =>
				readFileSync(`${sharedDataDir}/uk/${file}`, 'utf8')
					.trim()
					.split('\n')
					.map((l) => l.replace(/"/g, '').split(','));
			const [lookupHeader, ...lookup] = rows('geo/lookup_lsoa21_ward24_ltla24.csv');
			const lsoas = new Set(
				lookup
					.filter((r) => r[lookupHeader!.indexOf('ltla24_code')] === 'E08000010')
					.map((r) => r[lookupHeader!.indexOf('lsoa21_code')])
			);
			const [ageHeader, ...ages] = rows('census/population_mid2020_lsoa11_ageband.csv');
			const band = (name: string) =>
				ages
					.filter((r) => lsoas.has(r[0]))
					.reduce((sum, r) => sum + Number(r[ageHeader!.indexOf(name)]), 0);
			const [a, b, c, d] = ['age_16_24', 'age_25_44', 'age_45_64', 'age_65_plus'].map(band);
			expect(a! + b! + c! + d!).toBeGreaterThan(50_000);
			const people = { 'Under 40': a! + b! * 0.75, '40 to 64': b! * 0.25 + c!, '65 and over': d! };
			const total = people['Under 40'] + people['40 to 64'] + people['65 and over'];
			const panel = await findPanel(t.db, panelId);
			for (const [value, count] of Object.entries(people)) {
				const seats = (count / total) * 10;
				expect(panel.quotas).toContainEqual({
					category: 'Age',
					value,
					min: Math.floor(seats),
					max: Math.ceil(seats)
				});
			}
			// 18 of the 30 volunteers are over 65, but the census gives them about a quarter.
			expect(panel.quotas.find((q) => q.value === '65 and over')!.max).toBeLessThan(5);
		}
	);
});

describe('quotas', () => {
	it('refuses quotas that cannot be met, saying which value and why', async () => {
		const { organiser, panelId } = await setUp();
		await importPool(t.db, organiser.actor, { panelId, csv: poolCsv(40) });
		const panel = await findPanel(t.db, panelId);
		const owner = panel.quotas.findIndex((q) => q.value === 'Owner');
		const error = await setQuotas(t.db, organiser.actor, {
			panelId,
			quotas: panel.quotas.map((q, i) =>
				i === owner ? { min: 7, max: 3 } : { min: q.min, max: q.max }
			)
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(DomainError);
		expect((error as DomainError).fieldErrors).toContainEqual({
			field: `min-${owner}`,
			message: 'Tenure: Owner has a minimum of 7, more than its maximum of 3.'
		});
		expect((await findPanel(t.db, panelId)).quotas[owner]).toMatchObject({ min: 6, max: 6 });
	});
});

describe('selection', () => {
	it('runs a review as a background job with progress, and explains who is least likely and why', async () => {
		const { organiser, panelId } = await setUp();
		await importPool(t.db, organiser.actor, { panelId, csv: poolCsv(40) });
		await setTenure(panelId, organiser.actor, { owner: [3, 4], renter: [4, 5] });
		const { selectionId } = await startSelection(t.db, organiser.actor, { panelId });
		const [queued] = await t.db
			.select()
			.from(panelsSelections)
			.where(eq(panelsSelections.id, selectionId));
		expect(queued!.status).toBe('queued');
		expect(await runDueJobs(t.db, handlers)).toBe(1);
		const view = await getOrganiserPanel(t.db, organiser.actor, panelId, { leastLikely: 3 });
		expect(view.latest).toMatchObject({ id: selectionId, status: 'done' });
		expect(view.latest!.progress).toMatchObject({ message: expect.any(String) });
		const result = view.latest!.result!;
		expect(result.lottery.size).toBe(1000);
		expect(result.methodUsed).toBe('leximin');
		// Owners: 30 volunteers for at most 4 places; renters: 10 for at least 4.
		expect(view.leastLikely).toHaveLength(3);
		for (const person of view.leastLikely) {
			expect(person.probability).toBeLessThan(0.2);
			expect(person.crowded[0]).toMatchObject({
				category: 'Tenure',
				value: 'Owner',
				poolShare: 0.75,
				panelShare: 0.5
			});
		}
		const renter = result.probabilities.find(([n]) => n === 4)!;
		expect(renter[1]).toBeGreaterThan(0.39);
		// A review never publishes anything.
		await expectCode(getPublicPanel(t.db, panelId), 'not_found');
	});

	it('publishes the reviewed lottery before the draw, and then it can no longer change', async () => {
		const { organiser, panelId } = await setUp();
		await importPool(t.db, organiser.actor, { panelId, csv: poolCsv(40) });
		await setTenure(panelId, organiser.actor, { owner: [3, 4], renter: [4, 5] });
		// Nothing to publish, or draw from, before a review.
		await expectCode(publishLottery(t.db, organiser.actor, { panelId }), 'invalid');
		await expectCode(drawPanel(t.db, organiser.actor, { panelId, seed: 'too soon' }), 'conflict');
		await startSelection(t.db, organiser.actor, { panelId });
		await runDueJobs(t.db, handlers);
		// A review of other quotas is not what would be published.
		await setTenure(panelId, organiser.actor, { owner: [2, 4], renter: [4, 6] });
		await expectCode(publishLottery(t.db, organiser.actor, { panelId }), 'conflict');
		await setTenure(panelId, organiser.actor, { owner: [3, 4], renter: [4, 5] });
		const { lotterySha256 } = await publishLottery(t.db, organiser.actor, { panelId });

		const published = await getPublicPanel(t.db, panelId);
		expect(published.draw).toBeNull();
		expect(published.lotterySha256).toBe(lotterySha256);
		const csv = await publicLotteryCsv(t.db, panelId);
		expect(createHash('sha256').update(csv).digest('hex')).toBe(lotterySha256);
		expect(csv.split('\r\n')[0]).toMatch(/^first_ticket,last_ticket,tickets,member_1,/);

		// The lottery is frozen: no new review, pool or quotas, and no second publication.
		await expectCode(startSelection(t.db, organiser.actor, { panelId }), 'conflict');
		await expectCode(importPool(t.db, organiser.actor, { panelId, csv: poolCsv(40) }), 'conflict');
		await expectCode(
			setTenure(panelId, organiser.actor, { owner: [2, 4], renter: [4, 6] }),
			'conflict'
		);
		await expectCode(publishLottery(t.db, organiser.actor, { panelId }), 'conflict');
		expect(await publicLotteryCsv(t.db, panelId)).toBe(csv);
		// The engine rebuilds the same lottery from the pool, with no seed at all.
		const panel = await findPanel(t.db, panelId);
		const again = selectPanel({
			pool: poolOf(panel, await listVolunteers(t.db, panelId)),
			k: 8,
			method: 'leximin',
			solver: await loadHighsSolver()
		});
		if (again.status !== 'selected') throw new Error('expected a lottery');
		expect(again.lottery.sha256).toBe(lotterySha256);
		expect(again.rerun.inputsHash).toBe(published.inputsHash);
	});

	it('draws with the public seed what anyone computes from the lottery file alone', async () => {
		const { organiser, panelId } = await setUp();
		const seed = 'town hall 4 December: 17 42 8';
		await importAndDraw(panelId, organiser.actor, seed);
		const panel = await findPanel(t.db, panelId);
		expect(panel.status).toBe('drawn');
		expect(panel.seed).toBe(seed);
		const published = await getPublicPanel(t.db, panelId);
		const draw = published.draw!;
		expect(draw.isFromPublishedLottery).toBe(true);
		expect(published.currentMembers).toEqual([...draw.members].sort((a, b) => a - b));
		expect(draw.members).toHaveLength(8);
		expect(draw.ticket).toBe(
			drawTicket({ lotterySha256: published.lotterySha256, seed, size: 1000 })
		);

		// An observer with the downloaded file and the seed, and nothing else, gets the same.
		const csv = await publicLotteryCsv(t.db, panelId);
		const observed = await drawWithCommand(csv, seed);
		expect(observed.lotterySha256).toBe(published.lotterySha256);
		expect(observed.ticket).toBe(draw.ticket);
		expect(observed.members.map(Number)).toEqual(draw.members);
		// Another seed would generally have drawn another ticket.
		expect((await drawWithCommand(csv, `${seed}!`)).ticket).not.toBe(draw.ticket);

		// Place pages show the drawn panel, above and at its place.
		const [activity] = await panelsModule.placeActivity!.list(
			t.db,
			{
				id: panel.placeId,
				path: panel.placePath.split('/').slice(0, 1).join('/'),
				level: 'council'
			},
			{ kind: 'anonymous' }
		);
		expect(activity).toMatchObject({
			title: 'Panel on the park',
			href: `/panels/${panelId}`
		});

		// A panel is drawn once: no second draw, no new pool, no new quotas.
		await expectCode(drawPanel(t.db, organiser.actor, { panelId, seed: 'another' }), 'conflict');
		await expectCode(importPool(t.db, organiser.actor, { panelId, csv: poolCsv(40) }), 'conflict');
		const audit = await listAudit(t.db, systemActor, {
			place: { id: panel.placeId, path: panel.placePath }
		});
		expect(audit.entries.map((e) => e.action)).toEqual(
			expect.arrayContaining([
				'panel.create',
				'panel.pool_import',
				'panel.quotas_set',
				'panel.review_start',
				'panel.lottery_publish',
				'panel.draw'
			])
		);
		const publication = audit.entries.find((e) => e.action === 'panel.lottery_publish')!;
		expect(publication.details).toMatchObject({ lotterySha256: published.lotterySha256 });
	});

	it('says which quotas to relax when no panel meets them', async () => {
		const { organiser, panelId } = await setUp();
		await importPool(t.db, organiser.actor, { panelId, csv: poolCsv(40) });
		// Every renter is a woman (numbers divisible by 4): 3 renters cannot fit among 2 women.
		await setTenure(panelId, organiser.actor, { owner: [5, 5], renter: [3, 3] });
		const panel = await findPanel(t.db, panelId);
		await setQuotas(t.db, organiser.actor, {
			panelId,
			quotas: panel.quotas.map((q) =>
				q.category === 'Gender'
					? { min: q.value === 'Man' ? 6 : 2, max: q.value === 'Man' ? 6 : 2 }
					: q
			)
		});
		await startSelection(t.db, organiser.actor, { panelId });
		await runDueJobs(t.db, handlers);
		const view = await getOrganiserPanel(t.db, organiser.actor, panelId);
		expect(view.latest).toMatchObject({ status: 'infeasible' });
		expect(view.latest!.relaxation!.isPossible).toBe(true);
		expect(view.latest!.relaxation!.changes.length).toBeGreaterThan(0);
	});
});

describe('after the draw', () => {
	it('replaces a member who drops out with a volunteer who keeps every quota, publicly and with audit', async () => {
		const { organiser, panelId } = await setUp();
		await importAndDraw(panelId, organiser.actor, 'replacement seed');
		const panel = await findPanel(t.db, panelId);
		const before = (await getPublicPanel(t.db, panelId)).currentMembers;
		const pool = poolOf(panel, await listVolunteers(t.db, panelId));
		const eligible = replacementCandidates({
			pool,
			k: 8,
			remaining: before.slice(1).map(String),
			excluded: new Set([String(before[0])])
		});
		const { replacementNumber, candidates } = await replaceMember(t.db, organiser.actor, {
			panelId,
			number: before[0]!
		});
		expect(candidates).toBeGreaterThan(0);
		const after = (await getPublicPanel(t.db, panelId)).currentMembers;
		expect(after).toHaveLength(8);
		expect(after).toContain(replacementNumber);
		expect(after).not.toContain(before[0]);
		expect(meetsEveryQuota(pool, 8, after)).toEqual([]);
		// The candidate first in the public order: the smallest SHA-256 of
		// "<lottery SHA-256>:<seed>:replacement:1:<number>".
		const draw = { lotterySha256: panel.lotterySha256!, seed: 'replacement seed', sequence: 1 };
		expect(eligible).toHaveLength(candidates);
		const [first] = [...eligible].sort((a, b) =>
			replacementKey(draw, a) < replacementKey(draw, b) ? -1 : 1
		);
		expect(replacementNumber).toBe(Number(first));
		const published = await getPublicPanel(t.db, panelId);
		expect(published.replacements).toEqual([
			expect.objectContaining({
				sequence: 1,
				droppedNumber: before[0],
				replacementNumber,
				seed: 'replacement seed:replacement:1'
			})
		]);
		// The replacement is invited by mail; the others when the organiser invites them.
		const { invited } = await inviteMembers(t.db, organiser.actor, { panelId });
		expect(invited).toBe(7);
		await runDueJobs(t.db, jobHandlers);
		const sent = await t.db.select().from(platformOutbox);
		const replacement = (await listVolunteers(t.db, panelId)).find(
			(v) => v.number === replacementNumber
		)!;
		expect(sent.filter((m) => m.to === replacement.email)).toHaveLength(1);
		expect(sent.find((m) => m.to === replacement.email)!.subject).toBe(
			'You have been selected for Panel on the park'
		);
		// A volunteer who is not on the panel cannot drop out of it.
		await expectCode(
			replaceMember(t.db, organiser.actor, { panelId, number: before[0]! }),
			'invalid'
		);
	});

	it('refuses a replacement when nobody left can keep every quota', async () => {
		const { organiser, panelId } = await setUp({ panelSize: 4 });
		const csv = [
			'name,email,Tenure',
			'A,a@v.example,Renter',
			'B,b@v.example,Owner',
			'C,c@v.example,Owner',
			'D,d@v.example,Owner',
			'E,e@v.example,Owner'
		].join('\n');
		await importPool(t.db, organiser.actor, { panelId, csv });
		await setQuotas(t.db, organiser.actor, {
			panelId,
			quotas: [
				{ min: 1, max: 1 },
				{ min: 3, max: 3 }
			].slice(0, 2)
		});
		await reviewPublishAndDraw(panelId, organiser.actor, 's');
		const panel = await findPanel(t.db, panelId);
		const renterIndex = panel.quotas.findIndex((q) => q.value === 'Renter');
		expect(panel.quotas[renterIndex]).toMatchObject({ min: 1, max: 1 });
		// The only renter drops out: no one else is a renter.
		await expectCode(replaceMember(t.db, organiser.actor, { panelId, number: 1 }), 'conflict');
		expect((await getPublicPanel(t.db, panelId)).currentMembers).toContain(1);
	});
});

describe('privacy', () => {
	it('shows the public no name, email or feature, in the page data or the lottery file', async () => {
		const { organiser, panelId } = await setUp();
		await importAndDraw(panelId, organiser.actor, 'privacy');
		const volunteers = await listVolunteers(t.db, panelId);
		const published = JSON.stringify(await getPublicPanel(t.db, panelId));
		const csv = await publicLotteryCsv(t.db, panelId);
		const secrets = new Set<string>();
		for (const v of volunteers) {
			secrets.add(v.name!);
			secrets.add(v.email!);
			for (const value of Object.values(v.features)) secrets.add(value);
		}
		for (const category of ['Gender', 'Age', 'Tenure']) secrets.add(category);
		for (const secret of secrets) {
			expect(published).not.toContain(secret);
			expect(csv).not.toContain(secret);
		}
	});

	it('wipes personal data after the retention date on schedule, keeping the published record', async () => {
		// Every test's pool has the same addresses; this panel's own title tells its mail apart.
		const { organiser, panelId } = await setUp({ title: 'Panel on the library' });
		await importAndDraw(panelId, organiser.actor, 'retention');
		const now = new Date('2030-01-10T12:00:00Z');
		await expectCode(
			setRetention(t.db, organiser.actor, { panelId, retentionDate: '2030-01-09' }, now),
			'invalid'
		);
		await setRetention(t.db, organiser.actor, { panelId, retentionDate: '2030-01-10' }, now);
		const [job] = await t.db
			.select()
			.from(platformJobs)
			.where(
				and(
					eq(platformJobs.queue, ANONYMISE_QUEUE),
					eq(platformJobs.singletonKey, `${ANONYMISE_QUEUE}:${panelId}:2030-01-10`)
				)
			);
		expect(job!.runAt).toEqual(new Date('2030-01-11T00:00:00Z'));
		// Members are invited by mail: the jobs and the outbox copies hold names and addresses.
		const { invited } = await inviteMembers(t.db, organiser.actor, { panelId });
		expect(invited).toBeGreaterThan(0);
		await runDueJobs(t.db, jobHandlers);
		const addresses = (await listVolunteers(t.db, panelId)).map((v) => v.email!);
		const invitations = () =>
			t.db
				.select()
				.from(platformOutbox)
				.where(
					and(
						inArray(platformOutbox.to, addresses),
						inArray(platformOutbox.subject, [
							'You have been selected for Panel on the library',
							'Your library card'
						])
					)
				);
		expect(await invitations()).toHaveLength(invited);
		// Other mail to the same person is not the panel's to delete.
		await sendMail(t.db, { to: addresses[0]!, subject: 'Your library card', text: 'Hello' });
		const published = await getPublicPanel(t.db, panelId);

		// On the day itself nothing is wiped.
		expect(await anonymisePanel(t.db, panelId, new Date('2030-01-10T23:59:00Z'))).toEqual({
			anonymised: 0
		});
		expect((await listVolunteers(t.db, panelId))[0]!.email).not.toBeNull();
		// The job, when due, wipes every volunteer.
		expect(await anonymisePanel(t.db, panelId, new Date('2030-01-11T00:00:00Z'))).toEqual({
			anonymised: 40
		});
		for (const v of await listVolunteers(t.db, panelId)) {
			expect(v).toMatchObject({
				name: null,
				email: null,
				phone: null,
				household: null,
				features: {}
			});
			expect(v.anonymisedAt).not.toBeNull();
		}
		expect(await getPublicPanel(t.db, panelId)).toEqual(published);
		expect((await invitations()).map((m) => m.subject)).toEqual(['Your library card']);
		const inviteJobs = await t.db
			.select()
			.from(platformJobs)
			.where(like(platformJobs.singletonKey, `panels.invite:${panelId}:%`));
		expect(inviteJobs).toEqual([]);
		expect(await anonymisePanelJob({ panelId }, { db: t.db })).toEqual({ anonymised: 0 });
		// With the pool wiped there is nobody to draw a replacement from.
		await expectCode(
			replaceMember(t.db, organiser.actor, { panelId, number: published.currentMembers[0]! }),
			'conflict'
		);
	});
});

describe('permissions', () => {
	it('lets only organisers and admins of the place see or change the pool', async () => {
		const { panelId, wardB, hoodA1, council } = await setUp();
		const resident = await buildPerson(t.db, {
			grants: [{ placeId: hoodA1.id, role: 'resident' }]
		});
		const officer = await buildPerson(t.db, { grants: [{ placeId: council.id, role: 'officer' }] });
		const elsewhere = await buildPerson(t.db, {
			grants: [{ placeId: wardB.id, role: 'organiser' }]
		});
		const admin = await buildPerson(t.db, { grants: [{ placeId: council.id, role: 'admin' }] });
		for (const actor of [resident.actor, officer.actor, elsewhere.actor]) {
			await expectCode(getOrganiserPanel(t.db, actor, panelId), 'forbidden');
			await expectCode(importPool(t.db, actor, { panelId, csv: poolCsv(10) }), 'forbidden');
			await expectCode(startSelection(t.db, actor, { panelId }), 'forbidden');
			await expectCode(publishLottery(t.db, actor, { panelId }), 'forbidden');
			await expectCode(drawPanel(t.db, actor, { panelId, seed: 'x' }), 'forbidden');
			await expectCode(replaceMember(t.db, actor, { panelId, number: 1 }), 'forbidden');
			await expectCode(
				setRetention(t.db, actor, { panelId, retentionDate: '2099-01-01' }),
				'forbidden'
			);
		}
		await expectCode(getOrganiserPanel(t.db, { kind: 'anonymous' }, panelId), 'unauthenticated');
		await expectCode(
			createPanel(
				t.db,
				elsewhere.actor,
				createPanelSchema.parse({ placeId: hoodA1.id, title: 'X', panelSize: '4' })
			),
			'forbidden'
		);
		expect((await importPool(t.db, admin.actor, { panelId, csv: poolCsv(10) })).imported).toBe(10);
	});
});

describe('property: every stored draw meets every quota', () => {
	it('holds for random pools and quotas, for the drawn panel and every lottery ticket', async () => {
		const tree = await buildPlaceTree(t.db);
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(fc.constantFrom('A', 'B'), fc.constantFrom('X', 'Y', 'Z')), {
					minLength: 12,
					maxLength: 24
				}),
				fc.integer({ min: 0, max: 2 }),
				fc.string({ minLength: 1, maxLength: 8 }),
				async (people, slack, seed) => {
					const { id: panelId } = await createPanel(
						t.db,
						systemActor,
						createPanelSchema.parse({ placeId: tree.hoodA1.id, title: 'Property', panelSize: '5' })
					);
					const csv = [
						'name,email,First,Second',
						...people.map(([a, b], i) => `P${i},p${i}@v.example,${a},${b}`)
					].join('\n');
					expect((await importPool(t.db, systemActor, { panelId, csv })).imported).toBe(
						people.length
					);
					const panel = await findPanel(t.db, panelId);
					// Widen the suggested quotas by `slack`, within the pool and panel.
					await setQuotas(t.db, systemActor, {
						panelId,
						quotas: panel.quotas.map((q) => ({
							min: Math.max(0, q.min - slack),
							max: Math.min(5, q.max + slack)
						}))
					});
					const { members } = await reviewPublishAndDraw(panelId, systemActor, seed);
					const drawn = await findPanel(t.db, panelId);
					expect(drawn.status).toBe('drawn');
					const [selection] = await t.db
						.select()
						.from(panelsSelections)
						.where(eq(panelsSelections.id, drawn.drawnSelectionId!));
					const pool = poolOf(drawn, await listVolunteers(t.db, panelId));
					const result = selection!.result!;
					expect(meetsEveryQuota(pool, 5, members)).toEqual([]);
					for (const entry of result.lottery.panels)
						expect(meetsEveryQuota(pool, 5, entry.members)).toEqual([]);
					expect(result.lottery.panels.reduce((a, e) => a + e.tickets, 0)).toBe(1000);
				}
			),
			{ numRuns: 4, seed: 20261204 }
		);
	});
});
