/**
 * Why each project was or was not funded: a structured reason per project, and a plain-English
 * sentence built from it for budgeting pages. Money in reasons is in the election's currency unit
 * (an integer, rounded down where MES leaves fractions of a unit); the sentence builder takes a
 * formatter so the app can show pounds and pence.
 */
import type { CountOptions, TieBreak } from './types';
import type { Rational } from './rational';
import { toDecimal } from './rational';

/** Why a project was funded or not. `kind` names the stage of the count that decided it. */
export type Reason =
	/** Greedy: funded at position `rank` of the vote ranking while `remainingBefore` was left. */
	| { kind: 'greedy-funded'; rank: number; votes: bigint; cost: bigint; remainingBefore: bigint }
	/** Greedy: did not fit in the money left when its turn came. */
	| { kind: 'greedy-skipped'; rank: number; votes: bigint; cost: bigint; remaining: bigint }
	/** Greedy without skipping: counting had stopped at an earlier project that did not fit. */
	| { kind: 'greedy-stopped'; rank: number; votes: bigint; stoppedAt: string; remaining: bigint }
	/** Fewer votes than the minimum score a project needs to be eligible. */
	| { kind: 'below-threshold'; votes: bigint; threshold: bigint }
	/** Nobody voted for it; no rule funds a project without votes. */
	| { kind: 'no-votes' }
	/** Costs more than the whole budget. */
	| { kind: 'over-budget'; cost: bigint; budget: bigint }
	/** MES: free projects with a supporter are funded before the rounds start (as pabutools). */
	| { kind: 'mes-free'; votes: bigint }
	/**
	 * MES: funded in round `round` at price ρ: each supporter paid ρ × utility, or all they had
	 * left if less (Peters & Skowron 2021, "Proportional participatory budgeting with additive
	 * utilities", Sec. 4). `maxPayment` is the most any supporter paid, in currency units.
	 */
	| {
			kind: 'mes-funded';
			round: number;
			rho: Rational;
			rhoText: string;
			maxPayment: Rational;
			supporters: number;
			cost: bigint;
	  }
	/** MES: its supporters' remaining money, `supportersLeft` of `supportersStart`, is below its cost. */
	| {
			kind: 'mes-unaffordable';
			supporters: number;
			supportersLeft: bigint;
			supportersStart: bigint;
			cost: bigint;
	  }
	/** Completion after MES: funded by vote order from the money MES left unspent. */
	| { kind: 'completion-funded'; votes: bigint; cost: bigint; remainingBefore: bigint; mes: Reason }
	/** Completion after MES: unaffordable for its supporters, and did not fit in what remained. */
	| { kind: 'completion-skipped'; votes: bigint; cost: bigint; remaining: bigint; mes: Reason }
	/** Sequential Phragmén: funded in `round` when its supporters' maximum load became `load`. */
	| { kind: 'phragmen-funded'; round: number; load: Rational; loadText: string; supporters: number }
	/** Sequential Phragmén stops at the first project that does not fit (as pabutools). */
	| {
			kind: 'phragmen-stopped';
			stoppedAt: string;
			remaining: bigint;
			cost: bigint;
			isFirst: boolean;
	  }
	/** Comparison step: the greedy outcome was preferred by more voters and replaced MES's. */
	| {
			kind: 'comparison';
			chose: 'greedy' | 'mes';
			preferGreedy: number;
			preferMes: number;
			reason: Reason;
	  };

/** A project's explanation: status, structured reason and the sentence shown to residents. */
export type Explanation = {
	status: 'funded' | 'not_funded';
	reason: Reason;
	sentence: string;
};

/** The result of a count (API contract of `count` in index.ts). */
export type CountResult = {
	rule: string;
	options: CountOptions;
	tieBreak: TieBreak;
	/** Project ids in selection order. */
	selected: string[];
	totalCost: bigint;
	explanations: Record<string, Explanation>;
};

/** What a rule returns before ids and sentences are attached: indexes in selection order. */
export type RuleOutcome = {
	selected: number[];
	/** One reason per project index. */
	reasons: Reason[];
};

/** Formats an amount given in the election's currency unit. */
export type MoneyFormatter = (amount: bigint) => string;

/** Default money formatter: digits grouped by thousands, then the unit if one is given. */
export function plainMoney(unit?: string): MoneyFormatter {
	return (amount) => {
		const neg = amount < 0n;
		const digits = (neg ? -amount : amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
		return `${neg ? '-' : ''}${digits}${unit ? ` ${unit}` : ''}`;
	};
}

/** Integer part of a rational amount of money, for display (never overstates money left). */
export function moneyFloor(a: Rational): bigint {
	const q = a.num / a.den;
	return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

function plural(n: number | bigint, one: string, many: string): string {
	return `${n.toLocaleString('en-GB')} ${n === 1 || n === 1n ? one : many}`;
}

function ordinal(n: number): string {
	const last = n % 10;
	const isTeen = n % 100 >= 11 && n % 100 <= 13;
	const suffix = isTeen ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
	return `${n}${suffix}`;
}

/** Builds the plain-English sentence for a reason. */
export function explainReason(reason: Reason, money: MoneyFormatter = plainMoney()): string {
	switch (reason.kind) {
		case 'greedy-funded':
			return `Funded: ${ordinal(reason.rank)} by votes (${plural(reason.votes, 'vote', 'votes')}), and its cost of ${money(reason.cost)} fitted in the ${money(reason.remainingBefore)} still available.`;
		case 'greedy-skipped':
			return `Not funded: ${ordinal(reason.rank)} by votes (${plural(reason.votes, 'vote', 'votes')}), but it costs ${money(reason.cost)} and only ${money(reason.remaining)} remained when its turn came.`;
		case 'greedy-stopped':
			return `Not funded: ${ordinal(reason.rank)} by votes, but the count stopped at project ${reason.stoppedAt}, which did not fit in the ${money(reason.remaining)} remaining; this rule does not skip ahead.`;
		case 'below-threshold':
			return `Not funded: it received ${plural(reason.votes, 'vote', 'votes')}, fewer than the ${reason.threshold.toLocaleString('en-GB')} a project needs to be eligible.`;
		case 'no-votes':
			return 'Not funded: nobody voted for it.';
		case 'over-budget':
			return `Not funded: it costs ${money(reason.cost)}, more than the whole budget of ${money(reason.budget)}.`;
		case 'mes-free':
			return `Funded: it costs nothing and ${plural(reason.votes, 'voter supports', 'voters support')} it.`;
		case 'mes-funded':
			return `Funded in round ${reason.round}: its ${plural(reason.supporters, 'supporter', 'supporters')} shared the cost of ${money(reason.cost)}, none paying more than ${money(moneyCeil(reason.maxPayment))}.`;
		case 'mes-unaffordable':
			return `Not funded: it costs ${money(reason.cost)}, but its ${plural(reason.supporters, 'supporter', 'supporters')} had only ${money(reason.supportersLeft)} left of the ${money(reason.supportersStart)} they started with.`;
		case 'completion-funded':
			return `Funded after the equal-shares rounds: it had ${plural(reason.votes, 'vote', 'votes')} and its cost of ${money(reason.cost)} fitted in the ${money(reason.remainingBefore)} left unspent.`;
		case 'completion-skipped':
			return `${explainReason(reason.mes, money)} It also did not fit in the ${money(reason.remaining)} left unspent afterwards.`;
		case 'phragmen-funded':
			return `Funded in round ${reason.round}: its ${plural(reason.supporters, 'supporter', 'supporters')} were the first to earn its cost (load ${reason.loadText}).`;
		case 'phragmen-stopped':
			return reason.isFirst
				? `Not funded: it was next in line but costs ${money(reason.cost)}, more than the ${money(reason.remaining)} remaining, so the count stopped.`
				: `Not funded: the count stopped at project ${reason.stoppedAt}, which did not fit in the ${money(reason.remaining)} remaining.`;
		case 'comparison':
			return `${explainReason(reason.reason, money)} (${reason.preferGreedy.toLocaleString('en-GB')} voters preferred the vote-ranking outcome and ${reason.preferMes.toLocaleString('en-GB')} the equal-shares outcome, so the ${reason.chose === 'greedy' ? 'vote-ranking' : 'equal-shares'} outcome was used.)`;
	}
}

function moneyCeil(a: Rational): bigint {
	return -moneyFloor({ num: -a.num, den: a.den });
}

/** Decimal text of ρ or a load for explanations. */
export function rationalText(a: Rational): string {
	return toDecimal(a, 6);
}
