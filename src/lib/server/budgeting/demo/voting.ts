/**
 * Demo data: processes open for voting, with voting codes: one for each ballot a resident can
 * fill in except plain approval, so the demo shows each form. Northgate's ward-wide fund has a
 * knapsack ballot; its neighbourhoods Tanners Row and Chapel Fields each have a small fund of their
 * own, one ranked and one spreading points.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/client';
import type { DemoTown } from '../../platform/module-manifest';
import { datesForPhase } from '../factories';
import {
	budgetingCodeBatches,
	budgetingProcesses,
	budgetingProjects,
	budgetingVotingCodes
} from '../schema';
import { codeAlphabet, formatCode, hashCode } from '../voting/codes';

/** A stable id for a demo row, so the demo is the same every time. */
const demoId = (name: string) =>
	createHash('sha256').update(`ashbrook-demo:budgeting-voting:${name}`).digest('hex').slice(0, 32);

/** The Northgate budget open for voting: a knapsack ballot of eight costed projects. */
export const demoVotingProcess = {
	id: demoId('process'),
	title: 'Northgate Community Fund',
	budgetPence: 5_000_000
} as const;

/** Tanners Row's fund, open for voting on a ranked ballot: rank up to three projects. */
export const demoRankedProcess = {
	id: demoId('ranked-process'),
	title: 'Tanners Row Small Grants',
	budgetPence: 1_500_000,
	maxChoices: 3
} as const;

/** Chapel Fields' fund, open for voting on a cumulative ballot: share out ten points. */
export const demoCumulativeProcess = {
	id: demoId('cumulative-process'),
	title: 'Chapel Fields Green Fund',
	budgetPence: 1_200_000,
	totalPoints: 10
} as const;

const rankedProjects = [
	['Light the Tanners Row alley', 'Six lamps along the alley behind the shops.', 600_000],
	['Tidy the canal steps', 'Repair the steps and clear the weeds for a year.', 350_000],
	['Murals on the tannery wall', 'Local artists paint the old tannery wall.', 400_000],
	['Bike racks by the shops', 'Twelve covered bike racks on Tanners Row.', 250_000],
	['Planters on the corner', 'Four planters tended by volunteers.', 150_000]
] as const;

const cumulativeProjects = [
	['Wildflower meadow', 'Sow a wildflower meadow on the top field.', 300_000],
	['Pond clean-up', 'Clear the pond and add a dipping platform.', 450_000],
	['Fruit trees', 'Twelve fruit trees by the footpath.', 250_000],
	['Nature trail signs', 'Signs about birds and plants along the trail.', 200_000],
	['Bird boxes', 'Forty bird and bat boxes in the old hedges.', 100_000]
] as const;

const projects = [
	['Repair the Old Market clock', 'Restore the clock and light its face at night.', 900_000],
	['Benches along Tanners Row', 'Ten benches with arms, every 100 metres.', 650_000],
	['Chapel Fields play area', 'New swings and a play area for disabled children.', 2_200_000],
	['Saturday library opening', 'Keep Northgate library open on Saturdays for a year.', 1_200_000],
	['Street trees', 'Forty street trees where residents ask for them.', 1_600_000],
	['Community fridge', 'A shared fridge and volunteers to run it for two years.', 450_000],
	['Safer crossing on Market Street', 'A zebra crossing by the school gates.', 1_800_000],
	['Youth music nights', 'Monthly music nights for young people at the hall.', 500_000]
] as const;

/**
 * Adds the processes in the voting phase: Northgate's fund with eight projects on a knapsack
 * ballot and one batch of 200 voting codes (hashes only), and the ranked and cumulative funds of
 * Tanners Row and Chapel Fields with five projects each and no codes. Deterministic: ids come
 * from fixed names and the codes from a fixed, public seed, so anyone reading this file could
 * work them out. That is acceptable only in a demo; real codes come from node:crypto
 * (issueBatchCodes). The journeys make their own batches of codes through the organiser's pages.
 */
export async function seedVotingDemo(db: Executor, town: DemoTown): Promise<void> {
	const placeId = town.placeIdBySlug.get('northgate');
	if (!placeId) return;
	const createdBy = town.userIdByEmail.get('organiser@ashbrook.example') ?? null;
	await db.insert(budgetingProcesses).values({
		id: demoVotingProcess.id,
		placeId,
		title: demoVotingProcess.title,
		description:
			'Northgate residents decide how to spend £50,000 on their neighbourhood. Choose the projects you want, up to the budget.',
		budgetPence: demoVotingProcess.budgetPence,
		status: 'published',
		ballotType: 'knapsack',
		countingRule: 'mes',
		allowAccounts: true,
		allowCodes: true,
		minAge: 16,
		createdBy,
		...datesForPhase('voting')
	});
	await insertProjects(db, demoVotingProcess.id, 'project', projects);
	const batchId = demoId('batch-1');
	await db.insert(budgetingCodeBatches).values({
		id: batchId,
		processId: demoVotingProcess.id,
		label: 'Letters to Old Market households',
		placeId: town.placeIdBySlug.get('old-market') ?? null,
		size: 200
	});
	await db.insert(budgetingVotingCodes).values(
		Array.from({ length: 200 }, (_, i) => {
			const bytes = createHash('sha256').update(`ashbrook-demo-code:${i}`).digest();
			let code = '';
			for (let j = 0; j < 12; j++) code += codeAlphabet[bytes[j]! & 31];
			return {
				id: demoId(`code-${i}`),
				processId: demoVotingProcess.id,
				batchId,
				codeHash: hashCode(formatCode(code).replaceAll('-', ''))
			};
		})
	);

	const tannersRow = town.placeIdBySlug.get('tanners-row');
	if (tannersRow) {
		await db.insert(budgetingProcesses).values({
			id: demoRankedProcess.id,
			placeId: tannersRow,
			title: demoRankedProcess.title,
			description:
				'Tanners Row residents decide how to spend £15,000. Rank the projects you want most.',
			budgetPence: demoRankedProcess.budgetPence,
			status: 'published',
			ballotType: 'ranked',
			maxChoices: demoRankedProcess.maxChoices,
			countingRule: 'phragmen',
			allowAccounts: true,
			allowCodes: true,
			createdBy,
			...datesForPhase('voting')
		});
		await insertProjects(db, demoRankedProcess.id, 'ranked-project', rankedProjects);
	}
	const chapelFields = town.placeIdBySlug.get('chapel-fields');
	if (chapelFields) {
		await db.insert(budgetingProcesses).values({
			id: demoCumulativeProcess.id,
			placeId: chapelFields,
			title: demoCumulativeProcess.title,
			description:
				'Chapel Fields residents decide how to spend £12,000 on the green. Share out 10 points between the projects you support.',
			budgetPence: demoCumulativeProcess.budgetPence,
			status: 'published',
			ballotType: 'cumulative',
			maxChoices: null,
			totalPoints: demoCumulativeProcess.totalPoints,
			countingRule: 'mes',
			allowAccounts: true,
			allowCodes: true,
			createdBy,
			...datesForPhase('voting')
		});
		await insertProjects(db, demoCumulativeProcess.id, 'cumulative-project', cumulativeProjects);
	}
}

/** A process's projects, numbered in list order, with ids from `name` and their number. */
async function insertProjects(
	db: Executor,
	processId: string,
	name: string,
	list: readonly (readonly [title: string, description: string, costPence: number])[]
): Promise<void> {
	await db.insert(budgetingProjects).values(
		list.map(([title, description, costPence], i) => ({
			id: demoId(`${name}-${i + 1}`),
			processId,
			number: i + 1,
			title,
			description,
			costPence,
			status: 'on_ballot' as const
		}))
	);
}
