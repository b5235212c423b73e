/** Demo data: a process open for voting, with voting codes. */
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
 * Adds a published process in the voting phase to Northgate, with eight projects on a knapsack
 * ballot and one batch of 200 voting codes (hashes only). Deterministic: ids come from fixed
 * names and the codes from a fixed, public seed, so anyone reading this file could work them out.
 * That is acceptable only in a demo; real codes come from node:crypto (issueBatchCodes). The
 * journeys make their own batch of codes through the organiser's pages.
 */
export async function seedVotingDemo(db: Executor, town: DemoTown): Promise<void> {
	const placeId = town.placeIdBySlug.get('northgate');
	if (!placeId) return;
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
		createdBy: town.userIdByEmail.get('organiser@ashbrook.example') ?? null,
		...datesForPhase('voting')
	});
	await db.insert(budgetingProjects).values(
		projects.map(([title, description, costPence], i) => ({
			id: demoId(`project-${i + 1}`),
			processId: demoVotingProcess.id,
			number: i + 1,
			title,
			description,
			costPence,
			status: 'on_ballot' as const
		}))
	);
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
}
