import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/client';
import { createTestDatabase } from '../../testing/test-database';
import { generateDemoTown } from '../../platform/demo/generate-demo-town';
import { currentPhase } from '../../../core/budgeting/phases';
import { budgetingModule } from '../module';
import { budgetingBallots, budgetingParticipations, budgetingProcesses } from '../schema';
import { exportProcessPb } from '../pabulib/export-process';
import { countOptionsFor } from '../pabulib/to-election';
import { countElection } from '../results/outcome';
import { loadProcessElection } from '../results/process-election';
import { officialResult } from '../results/queries';
import { demoProcessId, generateVoters, resultsDemoProcesses } from './results';

let t: DatabaseHandle;
beforeAll(async () => {
	t = await createTestDatabase();
	await generateDemoTown(t.db, { password: 'demo-results-password', modules: [budgetingModule] });
});
afterAll(async () => {
	await t?.close();
});

describe('the results demo', () => {
	it('generates the same ballots from the same seed', () => {
		const options = {
			seed: 3,
			count: 50,
			projects: [
				{ id: 'a', popularity: 1, placeId: 'x' },
				{ id: 'b', popularity: 2, placeId: null },
				{ id: 'c', popularity: 0.5, placeId: 'y' }
			],
			placeIds: ['x', 'y'],
			ballotType: 'approval' as const,
			maxChoices: 2
		};
		expect(generateVoters(options)).toEqual(generateVoters(options));
		expect(generateVoters({ ...options, seed: 4 })).not.toEqual(generateVoters(options));
	});

	it('has a closed process in results with thousands of ballots, one in delivery, and one open for voting', async () => {
		const now = new Date();
		const phases = [];
		for (const spec of resultsDemoProcesses) {
			const id = demoProcessId(spec.title);
			const [process] = await t.db
				.select()
				.from(budgetingProcesses)
				.where(eq(budgetingProcesses.id, id));
			expect(process).toBeDefined();
			phases.push(currentPhase(process!, now));
			const [ballots] = await t.db
				.select({ n: count() })
				.from(budgetingBallots)
				.where(eq(budgetingBallots.processId, id));
			const [roll] = await t.db
				.select({ n: count() })
				.from(budgetingParticipations)
				.where(eq(budgetingParticipations.processId, id));
			expect(ballots!.n).toBe(spec.voters);
			expect(roll!.n).toBe(spec.voters);
			const result = await officialResult(t.db, id);
			if (!spec.isCounted) {
				expect(result).toBeNull();
				continue;
			}
			// The stored result is what the count job would store from the database's ballots.
			const { canonical } = await loadProcessElection(t.db, id);
			expect(result!.ballotsHash).toBe(canonical.ballotsHash);
			const { outcome } = countElection(
				canonical.election,
				countOptionsFor(process!.countingRule, process!.tieBreak),
				canonical.projectIdByNumber
			);
			expect(result!.outcome.selected).toEqual(outcome.selected);
			expect(result!.outcome.selected.length).toBeGreaterThan(1);
			expect((await exportProcessPb(t.db, { processId: id })).text).toContain('VOTES');
		}
		expect(phases).toEqual(['results', 'delivery', 'voting']);
		expect(resultsDemoProcesses[0]!.voters).toBeGreaterThanOrEqual(3000);
	});
});
