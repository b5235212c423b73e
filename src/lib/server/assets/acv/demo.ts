/**
 * The demo town's assets of community value, added after the register's demo assets:
 * - The Ferryman, listed, whose owner has given notice of a sale and for which Riverside Food
 *   Bank has asked to bid: a full moratorium;
 * - The Kiln, listed, with no sale;
 * - Foxley End Village Hall, nominated by Westmoor Parish Council and awaiting a decision.
 *
 * Dates are counted back from the day the demo is generated, so each asset is in that state
 * whenever the demo is made. The Drovers Arms is left alone: the journey in
 * tests/e2e/assets/group-nominates-pub-as-acv.spec.ts nominates it.
 */
import { and, eq } from 'drizzle-orm';
import { addDays } from '../../../core/assets/acv-dates';
import type { Executor } from '../../db/client';
import type { DemoTown } from '../../platform/module-manifest';
import type { Actor } from '../../platform/permissions';
import { assetsAssets, type AssetKind } from '../schema';
import { decideNomination } from './decide-nomination';
import { nominateAsset } from './nominate-asset';
import { getAcvSummary, todayUtc } from './queries';
import { recordBidRequest } from './record-bid-request';
import { recordDisposalNotice } from './record-disposal-notice';
import type { NominateAssetInput } from './validation';

const demoActor: Actor = { kind: 'system', label: 'demo' };

async function assetId(db: Executor, name: string, kind: AssetKind): Promise<string | null> {
	const [row] = await db
		.select({ id: assetsAssets.id })
		.from(assetsAssets)
		.where(and(eq(assetsAssets.name, name), eq(assetsAssets.kind, kind)));
	return row?.id ?? null;
}

/**
 * Adds the demo's assets of community value. Skips any whose asset or group is missing, or that
 * has been nominated already.
 */
export async function seedAcvDemo(
	db: Executor,
	town: DemoTown,
	options: { today?: string } = {}
): Promise<void> {
	const today = options.today ?? todayUtc();
	const day = (offset: number) => addDays(today, offset);
	const org = (slug: string) => town.organisationIdBySlug.get(slug) ?? null;

	const nominate = async (
		asset: string | null,
		organisationId: string | null,
		answers: Pick<NominateAssetInput, 'kind' | 'localElectorMembers' | 'landInParish'>,
		reasons: string,
		receivedDate: string
	) => {
		if (!asset || !organisationId) return null;
		// Seeding twice (or over a nomination made some other way) leaves the existing one alone.
		if (await getAcvSummary(db, asset, { today })) return null;
		const { nominationId } = await nominateAsset(
			db,
			demoActor,
			{
				assetId: asset,
				organisationId,
				isLocal: true,
				distributesNoSurplus: true,
				reasons,
				...answers
			},
			{ today: receivedDate }
		);
		return nominationId;
	};
	const list = (nominationId: string, decisionDate: string, reasons: string) =>
		decideNomination(
			db,
			demoActor,
			{ nominationId, decision: 'listed', decisionDate, reasons },
			{ today: decisionDate }
		);

	// The Ferryman: listed over a year ago; notice 30 days ago; a request to bid 20 days ago.
	const ferryman = await assetId(db, 'The Ferryman', 'pub');
	const ferrymanNomination = await nominate(
		ferryman,
		org('riverside-food-bank'),
		{ kind: 'charity', localElectorMembers: null, landInParish: null },
		'The last pub on the river. Its back room hosts the food bank’s Friday café and the rowing club.',
		day(-450)
	);
	if (ferryman && ferrymanNomination) {
		await list(
			ferrymanNomination,
			day(-400),
			'The pub’s main use furthers the social wellbeing of Riverside, and can continue.'
		);
		await recordDisposalNotice(
			db,
			demoActor,
			{ assetId: ferryman, receivedDate: day(-30), ownerName: 'Riverside Inns plc', notes: null },
			{ today: day(-30) }
		);
		await recordBidRequest(
			db,
			demoActor,
			{
				assetId: ferryman,
				organisationId: org('riverside-food-bank'),
				groupName: null,
				receivedDate: day(-20)
			},
			{ today: day(-20) }
		);
	}

	// The Kiln: listed, no sale.
	const kiln = await assetId(db, 'The Kiln', 'pub');
	const kilnNomination = await nominate(
		kiln,
		org('the-kiln-community-pub'),
		{ kind: 'community_benefit_society', localElectorMembers: null, landInParish: null },
		'Owned by 300 local shareholders; the only meeting place in Eastfield open every evening.',
		day(-200)
	);
	if (kilnNomination) {
		await list(kilnNomination, day(-150), 'A well-used community pub with a clear future as one.');
	}

	// Foxley End Village Hall: nominated ten days ago by the parish council, awaiting a decision.
	await nominate(
		await assetId(db, 'Foxley End Village Hall', 'hall'),
		org('westmoor-parish-council'),
		{ kind: 'parish_council', localElectorMembers: null, landInParish: true },
		'The village hall: playgroup, parish meetings, the polling station and the winter warm space.',
		day(-10)
	);
}
