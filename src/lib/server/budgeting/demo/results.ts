/**
 * Demo data: a closed process with a few thousand generated ballots and its frozen result, one
 * in delivery (counted too), and one still open for voting with some ballots, for the organiser
 * to close. Ballots come from a seeded generator, so every fresh start makes the same town.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client';
import type { DemoTown } from '../../platform/module-manifest';
import { newId } from '../../platform/ids';
import { countOptionsFor, toElection } from '../pabulib/to-election';
import { countElection } from '../results/outcome';
import {
	budgetingBallots,
	budgetingParticipations,
	budgetingProcesses,
	budgetingProjects,
	budgetingResults,
	type BallotType,
	type CountingRule,
	type ParticipationChannel,
	type StoredBallot
} from '../schema';

/** A small, fast, seeded pseudo-random generator (mulberry32): the same seed, the same town. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A project the generator can vote for: its id, how popular it is, and where it is. */
export type GeneratorProject = { id: string; popularity: number; placeId: string | null };

/** One generated voter: their ballot, and (kept apart, as in the app) their neighbourhood. */
export type GeneratedVoter = {
	ballot: StoredBallot;
	placeId: string;
	channel: ParticipationChannel;
};

/**
 * Generates voters. Each lives in one of `placeIds` (the first ones more often), reached the box
 * by a channel, and likes projects in their own neighbourhood three times as much as others.
 * Approval ballots pick one to `maxChoices` projects; knapsack ballots pick within the budget;
 * ranked ballots rank up to `maxChoices`; cumulative ballots spread `totalPoints`.
 */
export function generateVoters(options: {
	seed: number;
	count: number;
	projects: readonly (GeneratorProject & { costPence?: number })[];
	placeIds: readonly string[];
	ballotType: BallotType;
	maxChoices?: number;
	totalPoints?: number;
	budgetPence?: number;
}): GeneratedVoter[] {
	const random = seededRandom(options.seed);
	const placeWeights = options.placeIds.map((_, i) => 1 / (1 + i * 0.35));
	const channels: [ParticipationChannel, number][] = [
		['online_account', 0.52],
		['online_code', 0.36],
		['paper', 0.12]
	];
	const pick = <T>(items: readonly T[], weights: readonly number[]): number => {
		const total = weights.reduce((s, w) => s + w, 0);
		let r = random() * total;
		for (let i = 0; i < items.length; i++) {
			r -= weights[i]!;
			if (r <= 0) return i;
		}
		return items.length - 1;
	};
	const voters: GeneratedVoter[] = [];
	for (let v = 0; v < options.count; v++) {
		const placeId = options.placeIds[pick(options.placeIds, placeWeights)]!;
		const channel =
			channels[
				pick(
					channels,
					channels.map((c) => c[1])
				)
			]![0];
		// Tastes differ: every voter's liking for a project is its popularity, times a personal
		// taste, times three for a project in their own neighbourhood.
		const weights = options.projects.map(
			(p) => p.popularity * (0.3 + random() * 1.4) * (p.placeId === placeId ? 3 : 1)
		);
		const order: number[] = [];
		const left = weights.slice();
		while (order.length < options.projects.length) {
			const j = pick(left, left);
			order.push(j);
			left[j] = 0;
		}
		const k = Math.max(1, options.maxChoices ?? 3);
		let chosen: number[];
		if (options.ballotType === 'knapsack') {
			chosen = [];
			let spent = 0;
			const want = 1 + Math.floor(random() * options.projects.length * 0.5);
			for (const j of order) {
				const cost = options.projects[j]!.costPence ?? 0;
				if (spent + cost <= (options.budgetPence ?? Infinity)) {
					chosen.push(j);
					spent += cost;
				}
				if (chosen.length >= want) break;
			}
		} else {
			const size = 1 + Math.floor(Math.pow(random(), 0.6) * k);
			chosen = order.slice(0, Math.min(size, k));
		}
		const projectIds = chosen.map((j) => options.projects[j]!.id);
		let ballot: StoredBallot = { projectIds };
		if (options.ballotType === 'cumulative') {
			const total = options.totalPoints ?? 10;
			const points = projectIds.map(() => 0);
			for (let p = 0; p < total; p++)
				points[Math.min(points.length - 1, Math.floor(Math.pow(random(), 1.8) * points.length))]! +=
					1;
			const kept = projectIds.map((id, i) => ({ id, p: points[i]! })).filter((x) => x.p > 0);
			ballot = { projectIds: kept.map((x) => x.id), points: kept.map((x) => x.p) };
		}
		voters.push({ ballot, placeId, channel });
	}
	return voters;
}

/** Inserts rows in chunks: one statement per chunk keeps a few thousand rows fast on PGlite. */
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 1000) {
	for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * Puts generated voters in the box: ballots (with a receipt hash no one holds the code of) and,
 * separately and shuffled apart, the roll of who took part.
 */
export async function insertVoters(
	db: Executor,
	processId: string,
	voters: readonly GeneratedVoter[],
	seed = 1
): Promise<void> {
	const random = seededRandom(seed);
	const receipt = (i: number) =>
		createHash('sha256').update(`demo:${processId}:${i}:${random()}`).digest('hex');
	await insertChunks(
		voters.map((v, i) => ({ id: newId(), processId, ballot: v.ballot, receiptHash: receipt(i) })),
		(chunk) => db.insert(budgetingBallots).values(chunk)
	);
	await insertChunks(
		voters.map((v) => ({ id: newId(), processId, channel: v.channel, placeId: v.placeId })),
		(chunk) => db.insert(budgetingParticipations).values(chunk)
	);
}

type DemoProject = {
	title: string;
	description: string;
	costPounds: number;
	place: string | null;
	popularity: number;
};

type DemoProcess = {
	title: string;
	description: string;
	place: string;
	budgetPounds: number;
	ballotType: BallotType;
	maxChoices?: number;
	totalPoints?: number;
	maxPointsPerProject?: number;
	countingRule: CountingRule;
	/** Days from now of the voting open and close, results and delivery dates. */
	days: { opens: number; closes: number; results?: number; delivery?: number };
	voters: number;
	/** Neighbourhoods the voters live in (slugs). */
	hoods: string[];
	projects: DemoProject[];
	seed: number;
	isCounted: boolean;
};

const ashbrookHoods = [
	'old-market',
	'foxley-end',
	'ferry-meadows',
	'kiln-lane',
	'chapel-fields',
	'beacon-hill',
	'willow-bank',
	'orchard-rise',
	'tanners-row',
	'hawthorn-green',
	'mill-quarter',
	'brickyard'
];

/** The demo's processes with results, and the one still open for voting. */
export const resultsDemoProcesses: DemoProcess[] = [
	{
		title: 'Ashbrook Community Fund 2026',
		description:
			'Residents across Ashbrook chose how to spend £60,000 on projects in their neighbourhoods. Everyone could back up to four projects.',
		place: 'ashbrook',
		budgetPounds: 60_000,
		ballotType: 'approval',
		maxChoices: 4,
		countingRule: 'mes',
		days: { opens: -40, closes: -12, results: -5 },
		voters: 3000,
		hoods: ashbrookHoods,
		seed: 2026,
		isCounted: true,
		projects: [
			{
				title: 'Youth club evenings at the Corn Exchange',
				description: 'Two evenings a week for a year, with trained youth workers.',
				costPounds: 14_000,
				place: 'old-market',
				popularity: 1.3
			},
			{
				title: 'Benches and shade along the river path',
				description: 'Twelve benches and four trees between Ferry Meadows and Mill Quarter.',
				costPounds: 9_500,
				place: 'ferry-meadows',
				popularity: 1.1
			},
			{
				title: 'Community fridge and food larder',
				description: 'A fridge, shelving and a year of volunteer training at the Kiln Lane centre.',
				costPounds: 6_000,
				place: 'kiln-lane',
				popularity: 1.2
			},
			{
				title: 'Play area repairs in Foxley End',
				description: 'New safety surfacing and two pieces of play equipment.',
				costPounds: 18_000,
				place: 'foxley-end',
				popularity: 1.0
			},
			{
				title: 'Free bike repair days',
				description: 'Monthly repair days with a mechanic, tools and spare parts.',
				costPounds: 3_500,
				place: 'chapel-fields',
				popularity: 0.8
			},
			{
				title: 'Wildflower verges',
				description: 'Sow and look after wildflower strips on six verges.',
				costPounds: 4_200,
				place: 'beacon-hill',
				popularity: 0.9
			},
			{
				title: 'Warm space at Willow Bank hall',
				description: 'Heating and opening costs for a weekday warm space over winter.',
				costPounds: 7_800,
				place: 'willow-bank',
				popularity: 1.0
			},
			{
				title: 'Street lighting on Orchard Rise footpath',
				description: 'Solar lights on the unlit path to the school.',
				costPounds: 12_500,
				place: 'orchard-rise',
				popularity: 0.9
			},
			{
				title: 'Digital help sessions at the library',
				description: 'Weekly drop-in help with phones, forms and online safety.',
				costPounds: 5_000,
				place: 'tanners-row',
				popularity: 0.85
			},
			{
				title: 'Community orchard in Hawthorn Green',
				description: 'Thirty fruit trees, a water butt and a tool store.',
				costPounds: 8_000,
				place: 'hawthorn-green',
				popularity: 0.7
			},
			{
				title: 'Mill Quarter mural project',
				description: 'Young people design and paint a mural on the underpass.',
				costPounds: 6_500,
				place: 'mill-quarter',
				popularity: 0.6
			},
			{
				title: 'Brickyard allotment water supply',
				description: 'Mains water and troughs for the Brickyard allotments.',
				costPounds: 11_000,
				place: 'brickyard',
				popularity: 0.65
			}
		]
	},
	{
		title: 'Riverside Small Grants 2025',
		description:
			'Riverside ward residents spread ten points across the projects they cared about most. The projects are now being delivered.',
		place: 'riverside',
		budgetPounds: 20_000,
		ballotType: 'cumulative',
		totalPoints: 10,
		maxPointsPerProject: 10,
		countingRule: 'greedy',
		days: { opens: -300, closes: -270, results: -260, delivery: -200 },
		voters: 700,
		hoods: ['ferry-meadows', 'willow-bank', 'mill-quarter'],
		seed: 2025,
		isCounted: true,
		projects: [
			{
				title: 'Riverbank litter picks and equipment',
				description: 'Grabbers, bags and a storage box for monthly litter picks.',
				costPounds: 1_500,
				place: 'ferry-meadows',
				popularity: 1.1
			},
			{
				title: 'Willow Bank garden raised beds',
				description: 'Accessible raised beds for older and disabled gardeners.',
				costPounds: 4_000,
				place: 'willow-bank',
				popularity: 1.0
			},
			{
				title: 'Mill Quarter summer fun days',
				description: 'Three free family days in the summer holidays.',
				costPounds: 6_000,
				place: 'mill-quarter',
				popularity: 1.2
			},
			{
				title: 'Defibrillator at the ferry landing',
				description: 'A public defibrillator with a heated cabinet and training.',
				costPounds: 2_500,
				place: 'ferry-meadows',
				popularity: 1.3
			},
			{
				title: 'Ward newsletter in four languages',
				description: 'A quarterly printed newsletter, translated.',
				costPounds: 3_000,
				place: null,
				popularity: 0.7
			},
			{
				title: 'Boat club taster sessions',
				description: 'Rowing taster sessions for young people.',
				costPounds: 5_500,
				place: 'mill-quarter',
				popularity: 0.6
			},
			{
				title: 'Bird boxes and bat boxes',
				description: 'Fifty boxes made with local schools.',
				costPounds: 1_200,
				place: 'willow-bank',
				popularity: 0.8
			},
			{
				title: 'Riverside cafe community tables',
				description: 'Tables and chairs for a pay-what-you-can cafe.',
				costPounds: 3_500,
				place: 'ferry-meadows',
				popularity: 0.75
			},
			{
				title: 'Safer crossing on Mill Road',
				description: 'A study and temporary crossing point.',
				costPounds: 8_000,
				place: 'mill-quarter',
				popularity: 0.9
			},
			{
				title: 'Tool library',
				description: 'Shelving, tools and a lending system in the community centre.',
				costPounds: 2_800,
				place: 'willow-bank',
				popularity: 0.85
			}
		]
	},
	{
		title: 'Northgate Green Streets',
		description:
			'Northgate residents are choosing greener streets. Back up to three projects. Voting is open now.',
		place: 'northgate',
		budgetPounds: 25_000,
		ballotType: 'approval',
		maxChoices: 3,
		countingRule: 'mes',
		days: { opens: -6, closes: 21, results: 28 },
		voters: 400,
		hoods: ['old-market', 'chapel-fields', 'tanners-row'],
		seed: 77,
		isCounted: false,
		projects: [
			{
				title: 'Street trees on Chapel Street',
				description: 'Fifteen street trees with guards and watering for two years.',
				costPounds: 9_000,
				place: 'chapel-fields',
				popularity: 1.2
			},
			{
				title: 'Pocket park on Tanners Row',
				description: 'Turn the empty corner plot into a small park with seating.',
				costPounds: 12_000,
				place: 'tanners-row',
				popularity: 1.0
			},
			{
				title: 'Planters in the Old Market square',
				description: 'Twenty large planters looked after by volunteers.',
				costPounds: 4_500,
				place: 'old-market',
				popularity: 1.1
			},
			{
				title: 'Cycle parking at the shops',
				description: 'Covered stands for thirty bikes.',
				costPounds: 3_800,
				place: 'old-market',
				popularity: 0.8
			},
			{
				title: 'Rain gardens to stop flooding',
				description: 'Three rain gardens on streets that flood.',
				costPounds: 7_500,
				place: 'chapel-fields',
				popularity: 0.9
			},
			{
				title: 'Green roof on the bus shelter',
				description: 'Sedum roofs on four bus shelters.',
				costPounds: 2_400,
				place: 'tanners-row',
				popularity: 0.7
			},
			{
				title: 'School street planting day',
				description: 'Plants, tools and a planting day with two schools.',
				costPounds: 1_600,
				place: 'chapel-fields',
				popularity: 0.75
			},
			{
				title: 'Hedgerow along the railway path',
				description: 'Plant 300 metres of native hedge.',
				costPounds: 5_200,
				place: 'tanners-row',
				popularity: 0.6
			},
			{
				title: 'Water refill points',
				description: 'Two public drinking-water refill points.',
				costPounds: 6_000,
				place: 'old-market',
				popularity: 0.65
			},
			{
				title: 'Compost bins for flats',
				description: 'Shared compost bins for five blocks of flats.',
				costPounds: 2_000,
				place: 'old-market',
				popularity: 0.55
			}
		]
	}
];

const day = 24 * 60 * 60 * 1000;

/**
 * The demo processes' ids are derived from their titles, so a journey can open one without a
 * list page: `sha256("powershare-demo:budgeting:<title>")`, first 32 hex digits.
 */
export function demoProcessId(title: string): string {
	return createHash('sha256')
		.update(`powershare-demo:budgeting:${title}`)
		.digest('hex')
		.slice(0, 32);
}

/**
 * Adds the demo's closed processes with results (one in the results phase, one in delivery) and
 * one open for voting with some ballots. Deterministic: the same ballots on every fresh start.
 */
export async function seedResultsDemo(db: Executor, town: DemoTown): Promise<void> {
	const now = Date.now();
	const at = (days: number) => new Date(now + days * day);
	const organiser = town.userIdByEmail.get('organiser@ashbrook.example') ?? null;
	for (const spec of resultsDemoProcesses) {
		const placeId = town.placeIdBySlug.get(spec.place);
		if (!placeId) continue;
		const processId = demoProcessId(spec.title);
		const [process] = await db
			.insert(budgetingProcesses)
			.values({
				id: processId,
				placeId,
				title: spec.title,
				description: spec.description,
				budgetPence: spec.budgetPounds * 100,
				status: 'published',
				ideasOpensAt: at(spec.days.opens - 60),
				reviewOpensAt: at(spec.days.opens - 30),
				votingOpensAt: at(spec.days.opens),
				votingClosesAt: at(spec.days.closes),
				resultsAt: spec.days.results === undefined ? null : at(spec.days.results),
				deliveryAt: spec.days.delivery === undefined ? null : at(spec.days.delivery),
				ballotType: spec.ballotType,
				maxChoices: spec.maxChoices ?? null,
				totalPoints: spec.totalPoints ?? null,
				maxPointsPerProject: spec.maxPointsPerProject ?? null,
				countingRule: spec.countingRule,
				allowAccounts: true,
				allowCodes: true,
				createdBy: organiser
			})
			.returning();
		const projects = spec.projects.map((p, i) => ({
			id: newId(),
			processId,
			number: i + 1,
			title: p.title,
			description: p.description,
			costPence: p.costPounds * 100,
			placeId: p.place ? (town.placeIdBySlug.get(p.place) ?? null) : null,
			feasibilityNote: 'Checked and costed by the council’s officers.',
			status: 'on_ballot' as const,
			createdBy: organiser
		}));
		await db.insert(budgetingProjects).values(projects);
		const hoods = spec.hoods
			.map((slug) => town.placeIdBySlug.get(slug))
			.filter((id): id is string => !!id);
		const voters = generateVoters({
			seed: spec.seed,
			count: spec.voters,
			projects: projects.map((p, i) => ({
				id: p.id,
				popularity: spec.projects[i]!.popularity,
				placeId: p.placeId,
				costPence: p.costPence
			})),
			placeIds: hoods,
			ballotType: spec.ballotType,
			...(spec.maxChoices ? { maxChoices: spec.maxChoices } : {}),
			...(spec.totalPoints ? { totalPoints: spec.totalPoints } : {}),
			budgetPence: spec.budgetPounds * 100
		});
		await insertVoters(db, processId, voters, spec.seed);
		if (!spec.isCounted) continue;
		// Counted as the count job would: the same election, hash and outcome.
		const canonical = toElection({
			process: process!,
			placeName: spec.place,
			projects: projects.map((p) => ({ ...p, placeName: null })),
			ballots: voters.map((v) => v.ballot)
		});
		const { outcome } = countElection(
			canonical.election,
			countOptionsFor(process!.countingRule, process!.tieBreak),
			canonical.projectIdByNumber
		);
		await db.insert(budgetingResults).values({
			id: newId(),
			processId,
			kind: 'official',
			rule: outcome.rule,
			outcome,
			ballotsHash: canonical.ballotsHash,
			ballotCount: canonical.lines.length,
			countedBy: 'budgeting.count',
			countedAt: at(spec.days.closes)
		});
	}
}
