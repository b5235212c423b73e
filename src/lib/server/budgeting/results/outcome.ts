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
import { formatPence } from '../../../core/budgeting/money';
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

/** Options as JSON (a threshold is a bigint). */
function optionsJson(options: CountOptions): Record<string, unknown> {
	return JSON.parse(
		JSON.stringify(options, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))
	) as Record<string, unknown>;
}

/**
 * Counts an election with the engine and turns the result into a stored outcome. The app's own
 * elections are in pence; an imported file's amounts are in its currency's whole units, so
 * `scale` (100) turns them into pence for storing and showing, and `numberOf` maps the file's
 * project ids to the numbers the projects were given. `projectIdByNumber` maps those numbers to
 * database ids.
 */
export function countElection(
	election: PabulibElection,
	options: CountOptions,
	projectIdByNumber: ReadonlyMap<string, string>,
	extras: { currency?: string; scale?: bigint; numberOf?: ReadonlyMap<string, string> } = {}
): { result: CountResult; outcome: ResultOutcome } {
	const currency = extras.currency ?? 'GBP';
	const scale = extras.scale ?? 1n;
	const numberOf = (id: string) => extras.numberOf?.get(id) ?? id;
	const instance = toInstance(election);
	const result = count(instance, options, {
		formatMoney: (a) => formatPence(a * scale, currency)
	});
	const votes = projectVotes(instance);
	const order = new Map(result.selected.map((id, k) => [id, k + 1]));
	const outcome: ResultOutcome = {
		rule: result.rule,
		options: optionsJson(options),
		recountFlags: recountFlags(options),
		currency,
		budgetPence: (instance.budget * scale).toString(),
		totalCostPence: (result.totalCost * scale).toString(),
		selected: result.selected.map(numberOf),
		projects: instance.projects.map((p, j) => {
			const e = result.explanations[p.id]!;
			const number = numberOf(p.id);
			return {
				projectId: projectIdByNumber.get(number) ?? null,
				number,
				title: p.name ?? p.id,
				costPence: (p.cost * scale).toString(),
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
