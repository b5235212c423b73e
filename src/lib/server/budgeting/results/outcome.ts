/**
 * What a stored result holds (`budgeting_results.outcome`): the count's options, the winners and,
 * for every project, a snapshot of it and the engine's sentence saying why it won or lost. Money
 * is written as strings of pence, since JSON has no bigint.
 */
import {
	count,
	projectVotes,
	toInstance,
	type CountOptions,
	type CountResult,
	type PabulibElection
} from '../../../core/counting/index';
import { recountFlags } from '../pabulib/to-election';

/** One project in a stored result. */
export type ResultProject = {
	/** The database project id (null for a project only in an imported file). */
	projectId: string | null;
	/** The Pabulib project_id: the project's number on the ballot. */
	number: string;
	title: string;
	costPence: string;
	/** Approvals, or points for points ballots. */
	votes: string;
	isFunded: boolean;
	/** 1-based position in the order the rule selected winners, when funded. */
	selectedAt: number | null;
	reasonKind: string;
	sentence: string;
};

/** A stored result's outcome. */
export type ResultOutcome = {
	rule: string;
	options: Record<string, unknown>;
	/** `powershare count` flags that reproduce the count. */
	recountFlags: string;
	currency: string;
	budgetPence: string;
	totalCostPence: string;
	/** Winners' numbers in selection order. */
	selected: string[];
	projects: ResultProject[];
};

/** Formats pence as pounds: "£1,250" for whole pounds, "£12.50" otherwise. */
export function formatPence(pence: bigint | number | string, currency = 'GBP'): string {
	const p = BigInt(pence);
	const whole = p % 100n === 0n;
	return new Intl.NumberFormat('en-GB', {
		style: 'currency',
		currency,
		minimumFractionDigits: whole ? 0 : 2,
		maximumFractionDigits: 2
	}).format(Number(p) / 100);
}

/** Options as JSON (a threshold is a bigint). */
function optionsJson(options: CountOptions): Record<string, unknown> {
	return JSON.parse(
		JSON.stringify(options, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
	) as Record<string, unknown>;
}

/**
 * Counts an election with the engine and turns the result into a stored outcome. Amounts are in
 * pence; `projectIdByNumber` maps the file's project ids back to the database.
 */
export function countElection(
	election: PabulibElection,
	options: CountOptions,
	projectIdByNumber: ReadonlyMap<string, string>,
	currency = 'GBP'
): { result: CountResult; outcome: ResultOutcome } {
	const instance = toInstance(election);
	const result = count(instance, options, { formatMoney: (a) => formatPence(a, currency) });
	const votes = projectVotes(instance);
	const order = new Map(result.selected.map((id, k) => [id, k + 1]));
	const outcome: ResultOutcome = {
		rule: result.rule,
		options: optionsJson(options),
		recountFlags: recountFlags(options),
		currency,
		budgetPence: instance.budget.toString(),
		totalCostPence: result.totalCost.toString(),
		selected: result.selected,
		projects: instance.projects.map((p, j) => {
			const e = result.explanations[p.id]!;
			return {
				projectId: projectIdByNumber.get(p.id) ?? null,
				number: p.id,
				title: p.name ?? p.id,
				costPence: p.cost.toString(),
				votes: votes[j]!.toString(),
				isFunded: e.status === 'funded',
				selectedAt: order.get(p.id) ?? null,
				reasonKind: e.reason.kind,
				sentence: e.sentence
			};
		})
	};
	return { result, outcome };
}
