import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { Actor } from '../../platform/permissions';
import { can, isWithin } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { describeRules, type BallotRules } from '../../../core/budgeting/ballot';
import type { Phase } from '../../../core/budgeting/phases';
import {
	listBallotProjects,
	requireVotingProcess,
	rulesOf,
	votingState,
	type BallotPageProject,
	type VotingProcess
} from './queries';

/** Everything the ballot page shows. */
export type BallotPage = {
	process: VotingProcess;
	projects: BallotPageProject[];
	rules: BallotRules;
	rulesText: string;
	phase: Phase;
	isOpen: boolean;
	/** The signed-in voter may vote with their account (a code field is still offered). */
	canUseAccount: boolean;
	/** Neighbourhoods under the process's place, for the paper ballot form. */
	neighbourhoods: { id: string; name: string }[];
};

/**
 * The ballot page of a process: its projects, rules and whether it takes ballots now. Drafts
 * are shown only to those who manage them; imported processes have no ballot.
 */
export async function getBallotPage(
	db: Executor,
	actor: Actor,
	input: { processId: string; now?: Date; withNeighbourhoods?: boolean }
): Promise<BallotPage | null> {
	const now = input.now ?? new Date();
	const process = await requireVotingProcess(db, input.processId).catch(() => null);
	if (!process || process.importedFrom) return null;
	if (process.status !== 'published' && !can(actor, 'budgeting.manage', process.place)) return null;
	const projects = await listBallotProjects(db, process.id);
	const rules = rulesOf(process);
	const { phase, isOpen } = votingState(process, now);
	const neighbourhoods = input.withNeighbourhoods
		? (
				await db
					.select({ id: platformPlaces.id, name: platformPlaces.name, path: platformPlaces.path })
					.from(platformPlaces)
					.where(eq(platformPlaces.level, 'neighbourhood'))
			)
				.filter((p) => isWithin(p, process.place.path))
				.map(({ id, name }) => ({ id, name }))
				.sort((a, b) => a.name.localeCompare(b.name))
		: [];
	return {
		process,
		projects,
		rules,
		rulesText: describeRules(rules),
		phase,
		isOpen,
		canUseAccount: process.allowAccounts && actor.kind === 'person',
		neighbourhoods
	};
}
