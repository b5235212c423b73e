/**
 * Demo data: processes in the draft, ideas and review phases, in Ashbrook.
 *
 * - Northgate Green Spaces Fund (Northgate ward): a draft the ward organiser is still setting up.
 * - Northgate Neighbourhood Fund (Northgate ward): open for ideas, with published ideas that
 *   the demo accounts support and one waiting for a moderator.
 * - Riverside Streets Budget (Riverside ward): in review, with ideas costed into projects (two
 *   merged into one), one on the ballot, and one idea turned down with a public reason.
 *
 * Everything but ids is the same on every machine; dates are relative to when the demo town is
 * generated (its first start), so the phases are current whenever someone first opens it.
 */
import { pointInGeometry, bboxOf, type AreaGeometry } from '../../../core/geo/index';
import type { Executor } from '../../db/client';
import { newId } from '../../platform/ids';
import type { DemoTown } from '../../platform/module-manifest';
import { platformPlaces } from '../../platform/schema';
import {
	budgetingIdeaSupports,
	budgetingIdeas,
	budgetingProcesses,
	budgetingProjects
} from '../schema';
import { inArray } from 'drizzle-orm';

const day = 24 * 60 * 60 * 1000;

/** Phase dates around `now`: ideas opened `ideasDaysAgo` ago; each later phase follows. */
function dates(now: Date, ideasDaysAgo: number, reviewDaysAgo: number | null) {
	const at = (days: number) => new Date(now.getTime() + days * day);
	const review = reviewDaysAgo === null ? at(28 - ideasDaysAgo) : at(-reviewDaysAgo);
	return {
		ideasOpensAt: at(-ideasDaysAgo),
		reviewOpensAt: review,
		votingOpensAt: new Date(review.getTime() + 21 * day),
		votingClosesAt: new Date(review.getTime() + 42 * day),
		resultsAt: new Date(review.getTime() + 49 * day),
		deliveryAt: null
	};
}

type DemoIdea = {
	key: string;
	title: string;
	description: string;
	placeSlug?: string;
	/** A map point at the middle of the neighbourhood, when it falls inside it. */
	atCentre?: boolean;
	roughCostPounds?: number;
	status: 'submitted' | 'published' | 'rejected' | 'in_project';
	publicReason?: string;
	supporters?: string[];
	author: string;
};

const resident = 'resident@ashbrook.example';
const organiser = 'organiser@ashbrook.example';
const officer = 'officer@ashbrook.example';
const councilAdmin = 'council.admin@ashbrook.example';
const platformAdmin = 'admin@ashbrook.example';

const northgateIdeas: DemoIdea[] = [
	{
		key: 'benches',
		title: 'Benches along the Old Market path',
		description:
			'There is nowhere to sit between the bus stop and the health centre. Four benches along the path would help older people and parents with small children.',
		placeSlug: 'old-market',
		atCentre: true,
		roughCostPounds: 4000,
		status: 'published',
		supporters: [organiser, officer, councilAdmin],
		author: resident
	},
	{
		key: 'planters',
		title: 'Planters and bulbs on Chapel Fields green',
		description:
			'Residents would plant and look after them. We need the planters, compost and bulbs.',
		placeSlug: 'chapel-fields',
		roughCostPounds: 1500,
		status: 'published',
		supporters: [resident, platformAdmin],
		author: resident
	},
	{
		key: 'lights',
		title: 'Better lighting in the Tanners Row alley',
		description: 'The alley is very dark in winter and people avoid it after four o’clock.',
		placeSlug: 'tanners-row',
		status: 'published',
		supporters: [resident],
		author: resident
	},
	{
		key: 'fridge',
		title: 'A community fridge at the library',
		description: 'Shops and neighbours could leave food that would otherwise be wasted.',
		roughCostPounds: 2500,
		status: 'submitted',
		author: resident
	}
];

const riversideIdeas: DemoIdea[] = [
	{
		key: 'crossing',
		title: 'A safe crossing by Willow Bank school',
		description: 'Children cross a busy road to get to school. A zebra crossing would help.',
		placeSlug: 'willow-bank',
		roughCostPounds: 20000,
		status: 'in_project',
		supporters: [resident, organiser, officer],
		author: resident
	},
	{
		key: 'crossing-2',
		title: 'Slow the traffic outside the school',
		description: 'Cars go too fast past the school gates at pick-up time.',
		placeSlug: 'willow-bank',
		status: 'in_project',
		supporters: [councilAdmin],
		author: organiser
	},
	{
		key: 'bins',
		title: 'More bins by the Ferry Meadows river path',
		description: 'The path gets covered in litter at weekends.',
		placeSlug: 'ferry-meadows',
		roughCostPounds: 1200,
		status: 'in_project',
		supporters: [resident],
		author: resident
	},
	{
		key: 'pool',
		title: 'A new swimming pool',
		description: 'The nearest pool is in the next town.',
		roughCostPounds: 3000000,
		status: 'rejected',
		publicReason:
			'A pool costs far more than this budget of £40,000. We have passed the idea to the council’s leisure review.',
		supporters: [resident, platformAdmin],
		author: resident
	},
	{
		key: 'murals',
		title: 'Murals on the Mill Quarter underpass',
		description: 'Local artists and school children could paint the underpass.',
		placeSlug: 'mill-quarter',
		roughCostPounds: 3000,
		status: 'published',
		supporters: [organiser],
		author: resident
	}
];

/** Adds processes in the draft, ideas and review phases to the demo town. Deterministic. */
export async function seedProcessesDemo(db: Executor, town: DemoTown): Promise<void> {
	const now = new Date();
	const placeId = (slug: string) => {
		const id = town.placeIdBySlug.get(slug);
		if (!id) throw new Error(`The demo town has no place ${slug}.`);
		return id;
	};
	const userId = (email: string) => town.userIdByEmail.get(email) ?? null;
	const slugs = [...northgateIdeas, ...riversideIdeas]
		.map((i) => i.placeSlug)
		.filter((s): s is string => Boolean(s));
	const boundaries = new Map(
		(
			await db
				.select({ id: platformPlaces.id, boundary: platformPlaces.boundary })
				.from(platformPlaces)
				.where(inArray(platformPlaces.id, slugs.map(placeId)))
		).map((p) => [p.id, p.boundary as AreaGeometry | null])
	);
	const centreOf = (id: string): [number, number] | null => {
		const boundary = boundaries.get(id);
		if (!boundary) return null;
		const [minX, minY, maxX, maxY] = bboxOf(boundary);
		const round = (n: number) => Math.round(n * 1e6) / 1e6;
		const point: [number, number] = [round((minX + maxX) / 2), round((minY + maxY) / 2)];
		return pointInGeometry(boundary, point) ? point : null;
	};

	const common = {
		ballotType: 'approval' as const,
		maxChoices: 3,
		countingRule: 'mes' as const,
		createdBy: userId(organiser)
	};
	await db.insert(budgetingProcesses).values({
		id: newId(),
		placeId: placeId('northgate'),
		title: 'Northgate Green Spaces Fund',
		description:
			'A fund for trees, planting and wildlife in Northgate. Still being set up: the dates are not decided yet.',
		budgetPence: 1_500_000,
		status: 'draft',
		...common
	});

	const northgate = newId();
	await db.insert(budgetingProcesses).values({
		id: northgate,
		placeId: placeId('northgate'),
		title: 'Northgate Neighbourhood Fund',
		description:
			'£25,000 for Northgate, decided by the people who live here.\n\nPut forward your ideas for making Old Market, Chapel Fields and Tanners Row better places to live. Ideas must be on public land and cost less than the whole fund.',
		budgetPence: 2_500_000,
		status: 'published',
		...dates(now, 7, null),
		...common
	});

	const riverside = newId();
	await db.insert(budgetingProcesses).values({
		id: riverside,
		placeId: placeId('riverside'),
		title: 'Riverside Streets Budget',
		description:
			'£40,000 to make Riverside’s streets safer and cleaner. Officers are now costing the ideas people put forward; voting opens soon.',
		budgetPence: 4_000_000,
		status: 'published',
		...dates(now, 35, 5),
		...common,
		ballotType: 'knapsack',
		maxChoices: null
	});

	const ideaIds = new Map<string, string>();
	const insertIdeas = async (processId: string, ideas: DemoIdea[], daysAgo: number) => {
		for (const [i, idea] of ideas.entries()) {
			const id = newId();
			ideaIds.set(idea.key, id);
			const ideaPlace = idea.placeSlug ? placeId(idea.placeSlug) : null;
			const point = idea.atCentre && ideaPlace ? centreOf(ideaPlace) : null;
			const createdAt = new Date(now.getTime() - (daysAgo - i) * day);
			await db.insert(budgetingIdeas).values({
				id,
				processId,
				title: idea.title,
				description: idea.description,
				placeId: ideaPlace,
				longitude: point?.[0] ?? null,
				latitude: point?.[1] ?? null,
				roughCostPence: idea.roughCostPounds ? idea.roughCostPounds * 100 : null,
				authorId: userId(idea.author),
				status: idea.status,
				publicReason: idea.publicReason ?? null,
				createdAt,
				updatedAt: createdAt
			});
			const supporters = (idea.supporters ?? []).map(userId).filter((u): u is string => !!u);
			if (supporters.length)
				await db
					.insert(budgetingIdeaSupports)
					.values(supporters.map((u) => ({ ideaId: id, userId: u })));
		}
	};
	await insertIdeas(northgate, northgateIdeas, 6);
	await insertIdeas(riverside, riversideIdeas, 30);

	// Review: the two school-crossing ideas merged into one project on the ballot; the bins
	// costed but not yet on the ballot.
	const crossing = newId();
	const bins = newId();
	await db.insert(budgetingProjects).values([
		{
			id: crossing,
			processId: riverside,
			number: 1,
			title: 'Zebra crossing and 20 mph signs by Willow Bank school',
			description: 'A zebra crossing on School Lane with flashing 20 mph signs either side.',
			costPence: 2_400_000,
			placeId: placeId('willow-bank'),
			feasibilityNote:
				'Highways have surveyed the road: a crossing fits outside the main gate. Built over the summer holidays.',
			status: 'on_ballot',
			createdBy: userId(officer)
		},
		{
			id: bins,
			processId: riverside,
			number: 2,
			title: 'Six litter bins on the Ferry Meadows river path',
			description: '',
			costPence: 180_000,
			placeId: placeId('ferry-meadows'),
			feasibilityNote: 'Emptied weekly by the parks team at no extra cost.',
			status: 'draft',
			createdBy: userId(officer)
		}
	]);
	await db
		.update(budgetingIdeas)
		.set({ projectId: crossing })
		.where(inArray(budgetingIdeas.id, [ideaIds.get('crossing')!, ideaIds.get('crossing-2')!]));
	await db
		.update(budgetingIdeas)
		.set({ projectId: bins })
		.where(inArray(budgetingIdeas.id, [ideaIds.get('bins')!]));
}
