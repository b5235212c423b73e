/**
 * The demo town's transfer cases and meanwhile use, added after the register's demo assets
 * (which it finds by name, falling back to the first asset of the same kind):
 *
 * - Eastfield Playing Fields: an expression of interest from The Kiln Community Pub;
 * - Willow Bank Library: Riverside Food Bank writing its business plan;
 * - Willow Bank Community Garden: terms set, a 30-year lease at a peppercorn rent;
 * - Hawthorn Green Youth Club: transferred to Westmoor Parish Council;
 * - Unit 4, Tanners Row Arcade: offered for meanwhile use, with one approved and one pending
 *   request.
 *
 * Rows are inserted directly (no mail is queued for the demo accounts). Meanwhile dates are
 * relative to the day the demo is generated, so the offer is always current.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { newId } from '../../platform/ids';
import type { DemoTown } from '../../platform/module-manifest';
import { assetsAssets, type AssetKind } from '../schema';
import { assetsMeanwhileOffers, assetsMeanwhileRequests } from '../meanwhile/schema';
import { assetsTransferCases, assetsTransferDocuments, assetsTransferEvents } from './schema';
import type { TransferStage } from './schema';

const day = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD`, `days` after `from`. */
function isoDay(from: Date, days: number): string {
	return new Date(from.getTime() + days * day).toISOString().slice(0, 10);
}

async function findAsset(db: Executor, name: string, kind: AssetKind): Promise<string | null> {
	const [byName] = await db
		.select({ id: assetsAssets.id })
		.from(assetsAssets)
		.where(eq(assetsAssets.name, name));
	if (byName) return byName.id;
	const [byKind] = await db
		.select({ id: assetsAssets.id })
		.from(assetsAssets)
		.where(and(eq(assetsAssets.kind, kind)))
		.orderBy(asc(assetsAssets.name));
	return byKind?.id ?? null;
}

type DemoCase = {
	asset: [name: string, kind: AssetKind];
	organisationSlug: string;
	proposal: string;
	/** Stages passed through after the expression of interest, with the officer's note. */
	steps: [TransferStage, string][];
	/** Days before the demo date that the expression of interest was made. */
	daysAgo: number;
	terms?: {
		tenure: 'freehold' | 'lease';
		leaseYears: number | null;
		annualRentPence: number | null;
		breakClauses: string | null;
		otherConditions: string | null;
	};
	decisionReasons?: string;
	documents?: { title: string; url: string; description: string }[];
};

const demoCases: DemoCase[] = [
	{
		asset: ['Eastfield Playing Fields', 'sports_facility'],
		organisationSlug: 'the-kiln-community-pub',
		proposal:
			'Our members run two junior football teams on the fields. We would take on the pitches and the changing rooms, repair the pavilion and open it as a café on match days.',
		steps: [],
		daysAgo: 12
	},
	{
		asset: ['Willow Bank Library', 'library'],
		organisationSlug: 'riverside-food-bank',
		proposal:
			'Keep the library open four days a week with volunteers, alongside a community fridge and a weekly advice session.',
		steps: [
			[
				'business_plan',
				'The council welcomes the proposal and has asked for a business plan by the end of next month.'
			]
		],
		daysAgo: 60
	},
	{
		asset: ['Willow Bank Community Garden', 'green_space'],
		organisationSlug: 'willow-bank-community-garden',
		proposal:
			'We have grown food on the old allotments for six years. A long lease would let us build a classroom and apply for a grant for a polytunnel.',
		steps: [
			['business_plan', 'The group has been asked for a business plan.'],
			['terms', 'The business plan was accepted. The council is drafting heads of terms.']
		],
		daysAgo: 150,
		terms: {
			tenure: 'lease',
			leaseYears: 30,
			annualRentPence: 100,
			breakClauses:
				'The council may end the lease if the land stops being used as a community garden for 12 months.',
			otherConditions: 'The group keeps the site open to the public at least two days a week.'
		},
		documents: [
			{
				title: 'Business plan 2026 to 2031',
				url: 'https://willowbank-garden.example/business-plan.pdf',
				description: 'The group’s five-year plan, with costs and how it will raise the money.'
			}
		]
	},
	{
		asset: ['Hawthorn Green Youth Club', 'community_centre'],
		organisationSlug: 'westmoor-parish-council',
		proposal:
			'Reopen the youth club as a village community centre run by the parish council, with youth sessions three evenings a week.',
		steps: [
			['business_plan', 'The parish council has been asked for a business plan.'],
			['terms', 'The business plan was accepted.'],
			['decision', 'Terms agreed; the transfer goes to the council’s cabinet for a decision.'],
			['completed', 'The lease was signed and the keys handed over.']
		],
		daysAgo: 400,
		terms: {
			tenure: 'lease',
			leaseYears: 99,
			annualRentPence: 0,
			breakClauses: null,
			otherConditions: 'The building is used for community purposes for the length of the lease.'
		},
		decisionReasons:
			'The plan is sound, the parish council can pay for the repairs, and the building will reopen for young people.'
	}
];

/**
 * Adds the demo's transfer cases and meanwhile use. Call it inside the demo town's transaction,
 * after the register's demo assets. Missing assets or organisations are skipped, so the demo still
 * starts if the register's demo changes.
 */
export async function seedTransferDemo(db: Executor, town: DemoTown): Promise<void> {
	const now = new Date();
	const officerId = town.userIdByEmail.get('officer@ashbrook.example') ?? null;
	for (const demo of demoCases) {
		const assetId = await findAsset(db, ...demo.asset);
		const organisationId = town.organisationIdBySlug.get(demo.organisationSlug);
		if (!assetId || !organisationId) continue;
		const caseId = newId();
		const start = new Date(now.getTime() - demo.daysAgo * day);
		const stepAt = (i: number) =>
			new Date(start.getTime() + ((i + 1) * demo.daysAgo * day) / (demo.steps.length + 1));
		const stage = demo.steps.at(-1)?.[0] ?? 'expression_of_interest';
		const decisionIndex = demo.steps.findIndex(([s]) => s === 'decision');
		const decidedAt = decisionIndex >= 0 ? stepAt(decisionIndex) : null;
		await db.insert(assetsTransferCases).values({
			id: caseId,
			assetId,
			organisationId,
			stage,
			proposal: demo.proposal,
			submittedBy: town.userIdByEmail.get('organiser@ashbrook.example') ?? null,
			submittedAt: start,
			...(demo.terms ? { ...demo.terms, termsSetAt: start } : {}),
			...(demo.decisionReasons && decidedAt
				? {
						decision: 'approved' as const,
						decisionReasons: demo.decisionReasons,
						decidedAt,
						decidedBy: officerId
					}
				: {}),
			completedAt: stage === 'completed' ? stepAt(demo.steps.length - 1) : null,
			createdAt: start,
			updatedAt: now
		});
		await db.insert(assetsTransferEvents).values([
			{ caseId, fromStage: null, toStage: 'expression_of_interest', at: start },
			...demo.steps.map(([toStage, note], i) => ({
				caseId,
				fromStage: i === 0 ? ('expression_of_interest' as const) : demo.steps[i - 1]![0],
				toStage,
				note,
				actorId: officerId,
				at: stepAt(i)
			}))
		]);
		for (const document of demo.documents ?? []) {
			await db
				.insert(assetsTransferDocuments)
				.values({ id: newId(), caseId, ...document, isPublic: true, addedBy: officerId });
		}
	}

	const unitId = await findAsset(db, 'Unit 4, Tanners Row Arcade', 'vacant_unit');
	if (!unitId) return;
	const offerId = newId();
	await db.insert(assetsMeanwhileOffers).values({
		id: offerId,
		assetId: unitId,
		availableFrom: isoDay(now, 0),
		availableTo: isoDay(now, 180),
		conditions:
			'Users bring their own public liability insurance, open only between 8am and 10pm, and make no changes to the building.',
		offeredBy: officerId
	});
	const organiserId = town.userIdByEmail.get('organiser@ashbrook.example');
	const residentId = town.userIdByEmail.get('resident@ashbrook.example');
	if (organiserId) {
		await db.insert(assetsMeanwhileRequests).values({
			id: newId(),
			offerId,
			assetId: unitId,
			requestedBy: organiserId,
			organisationId: town.organisationIdBySlug.get('northgate-residents-association') ?? null,
			purpose: 'A pop-up repair café and swap shop on Saturdays.',
			startsOn: isoDay(now, 14),
			endsOn: isoDay(now, 42),
			status: 'approved',
			decidedBy: officerId,
			decidedAt: now
		});
	}
	if (residentId) {
		await db.insert(assetsMeanwhileRequests).values({
			id: newId(),
			offerId,
			assetId: unitId,
			requestedBy: residentId,
			purpose: 'An exhibition of photographs of the old market by local schoolchildren.',
			startsOn: isoDay(now, 60),
			endsOn: isoDay(now, 74)
		});
	}
}
