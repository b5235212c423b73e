/**
 * Test factories for budgeting: a process on a place and projects on its ballot, inserted
 * directly so tests of one use case do not depend on the others.
 */
import type { Executor } from '../db/client';
import { newId } from '../platform/ids';
import { budgetingProcesses, budgetingProjects } from './schema';

type ProcessRow = typeof budgetingProcesses.$inferInsert;
type ProjectRow = typeof budgetingProjects.$inferInsert;

const day = 24 * 60 * 60 * 1000;

/** Phase dates that put a process in the given phase now. */
export function datesForPhase(
	phase: 'draft' | 'ideas' | 'review' | 'voting' | 'counting' | 'results',
	now = new Date()
): Pick<
	ProcessRow,
	'ideasOpensAt' | 'reviewOpensAt' | 'votingOpensAt' | 'votingClosesAt' | 'resultsAt'
> {
	const at = (days: number) => new Date(now.getTime() + days * day);
	const order = ['draft', 'ideas', 'review', 'voting', 'counting', 'results'];
	const k = order.indexOf(phase);
	// Each phase lasts ten days; the current one started a day ago.
	const start = (i: number) => at((i - k) * 10 - 1);
	return {
		ideasOpensAt: start(1),
		reviewOpensAt: start(2),
		votingOpensAt: start(3),
		votingClosesAt: start(4),
		resultsAt: start(5)
	};
}

/** A published process on a place, in the voting phase unless told otherwise. */
export async function buildProcess(
	db: Executor,
	options: {
		placeId: string;
		phase?: Parameters<typeof datesForPhase>[0];
	} & Partial<ProcessRow>
): Promise<typeof budgetingProcesses.$inferSelect> {
	const { phase, ...overrides } = options;
	const [row] = await db
		.insert(budgetingProcesses)
		.values({
			id: newId(),
			title: 'Our neighbourhood fund',
			description: 'Residents decide how to spend it.',
			budgetPence: 1_000_000,
			status: 'published',
			ballotType: 'approval',
			maxChoices: 3,
			...datesForPhase(phase ?? 'voting'),
			...overrides
		})
		.returning();
	return row!;
}

/** Projects on a process's ballot, numbered in order, costs in pence. */
export async function buildProjects(
	db: Executor,
	processId: string,
	projects: (Partial<ProjectRow> & { costPence: number })[]
): Promise<(typeof budgetingProjects.$inferSelect)[]> {
	const rows = projects.map((p, i) => ({
		id: newId(),
		processId,
		number: i + 1,
		title: `Project ${i + 1}`,
		status: 'on_ballot' as const,
		...p
	}));
	return db.insert(budgetingProjects).values(rows).returning();
}
