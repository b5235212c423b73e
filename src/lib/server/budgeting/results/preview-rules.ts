import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { requireCan, type Actor } from '../../platform/permissions';
import type { CountingRule } from '../schema';
import { countOptionsFor } from '../pabulib/to-election';
import { countElection, type ResultOutcome } from './outcome';
import { loadProcessElection } from './process-election';

/** One project across the rules compared. */
export type ComparisonRow = {
	number: string;
	title: string;
	costPence: string;
	votes: string;
	/** Funded or not, in the order of `rules`. */
	funded: boolean[];
};

/** The outcome of a process under several rules, side by side. */
export type RuleComparison = {
	rules: CountingRule[];
	outcomes: ResultOutcome[];
	rows: ComparisonRow[];
	totals: { rule: CountingRule; funded: number; totalCostPence: string }[];
	ballotCount: number;
};

/**
 * An organiser previews what other rules would have funded, from the same ballots. Computed on
 * the fly and never stored: the official result stays the one the process's rule gave. Only once
 * voting has closed, so nobody sees a running tally.
 */
export async function previewRules(
	db: Executor,
	actor: Actor,
	input: { processId: string; rules: CountingRule[]; now?: Date }
): Promise<RuleComparison> {
	const now = input.now ?? new Date();
	const { process, placePath, canonical } = await loadProcessElection(db, input.processId);
	requireCan(actor, 'budgeting.count', { path: placePath });
	if (!process.votingClosesAt || process.votingClosesAt.getTime() > now.getTime())
		throw new DomainError('phase_closed', 'Other rules can be previewed once voting has closed.');
	const rules = [...new Set(input.rules)];
	if (rules.length === 0) throw new DomainError('invalid', 'Choose at least one rule to compare.');
	const outcomes = rules.map(
		(rule) =>
			countElection(
				canonical.election,
				countOptionsFor(rule, process.tieBreak),
				canonical.projectIdByNumber
			).outcome
	);
	const first = outcomes[0]!;
	return {
		rules,
		outcomes,
		rows: first.projects.map((p, j) => ({
			number: p.number,
			title: p.title,
			costPence: p.costPence,
			votes: p.votes,
			funded: outcomes.map((o) => o.projects[j]!.isFunded)
		})),
		totals: rules.map((rule, k) => ({
			rule,
			funded: outcomes[k]!.selected.length,
			totalCostPence: outcomes[k]!.totalCostPence
		})),
		ballotCount: canonical.lines.length
	};
}
