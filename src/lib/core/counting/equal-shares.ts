/**
 * Method of Equal Shares (MES), Peters & Skowron, "Proportional participatory budgeting with
 * additive utilities" (NeurIPS 2021), Sec. 4, as pabutools 1.2.3 and equalshares.net run it:
 * each of the n voters (empty ballots included) starts with an equal share of the budget; each
 * round funds the affordable project with the smallest ρ, where supporter i pays
 * min(money left, ρ·u_i); it stops when no project is affordable for its supporters.
 *
 * Also: completion by budget increase ("add1", Pabulib checker / equalshares.net), utilitarian
 * completion and the comparison step with greedy.
 *
 * Arithmetic (docs/decisions/0002-exact-arithmetic-in-counting.md): every voter's money is an exact
 * rational. Voters with identical ballots stay identical, so they are one weighted "type"; and
 * a voter's money is always e − Σ ρ_r·u over the rounds they paid in, so voters who paid in the
 * same rounds with the same utilities share one exact "money class". A round computes every
 * project's ρ in doubles from the classes' money, then recomputes exactly the ρ of every project
 * within a relative 1e-9 of the smallest (doubles err by far less) and picks the winner among
 * those exactly, ties broken by the named order. Affordability is decided in doubles only when
 * the margin exceeds 1e-9 relative, otherwise exactly. So the outcome is the exact one.
 */
import type { Instance, TieBreak } from './types';
import type { Reason, RuleOutcome } from './explain';
import type { Rational } from './rational';
import { rationalText } from './explain';
import { ZERO, add, cmp, mulInt, rat, sub, toNumber, floor as ratFloor } from './rational';
import { projectVotes } from './instance';
import { tieBreakComparator } from './tie-break';
import { greedy } from './greedy';

/** MES utilities: `cost` (u = points × cost, equalshares.net's default) or `approval` (u = points). */
export type MesUtility = 'cost' | 'approval';

/** Ballots grouped into weighted types plus per-project supporter lists, reused across reruns. */
export type MesPrepared = {
	/** Number of voters, including empty ballots. */
	n: number;
	typeWeight: Float64Array;
	/** Per project: the types supporting it and the points each gives it. */
	suppTypes: Int32Array[];
	suppScore: Int32Array[];
	votes: bigint[];
	supporters: number[];
	hasScores: boolean;
};

/** Groups identical ballots (their order does not matter to MES) into weighted types. */
export function prepareMes(instance: Instance): MesPrepared {
	const P = instance.projects.length;
	const typeIndex = new Map<string, number>();
	const typeBallots: { projects: readonly number[]; scores?: readonly number[] }[] = [];
	const weights: number[] = [];
	let hasScores = false;
	for (const b of instance.ballots) {
		if (b.projects.length === 0) continue;
		const order = b.projects.map((_, k) => k).sort((x, y) => b.projects[x]! - b.projects[y]!);
		const ps = order.map((k) => b.projects[k]!);
		const ss = b.scores ? order.map((k) => b.scores![k]!) : undefined;
		if (ss && ss.some((s) => s !== 1)) hasScores = true;
		const key = ss ? `${ps.join(',')}|${ss.join(',')}` : ps.join(',');
		let t = typeIndex.get(key);
		if (t === undefined) {
			t = typeBallots.length;
			typeIndex.set(key, t);
			typeBallots.push(ss ? { projects: ps, scores: ss } : { projects: ps });
			weights.push(0);
		}
		weights[t]! += 1;
	}
	const lists: number[][] = Array.from({ length: P }, () => []);
	const scoreLists: number[][] = Array.from({ length: P }, () => []);
	typeBallots.forEach((tb, t) => {
		tb.projects.forEach((j, k) => {
			lists[j]!.push(t);
			scoreLists[j]!.push(tb.scores ? tb.scores[k]! : 1);
		});
	});
	const supporters = lists.map((l) => l.reduce((a, t) => a + weights[t]!, 0));
	return {
		n: instance.ballots.length,
		typeWeight: Float64Array.from(weights),
		suppTypes: lists.map((l) => Int32Array.from(l)),
		suppScore: scoreLists.map((l) => Int32Array.from(l)),
		votes: projectVotes(instance),
		supporters,
		hasScores
	};
}

/** One funded round of a MES run. */
export type MesRound = { project: number; rho: Rational; maxPayment: Rational };

/** The state at the end of one MES run with a given per-voter endowment. */
export type MesRun = {
	endowment: Rational;
	/** Free projects first, then one entry per round. */
	selected: number[];
	rounds: MesRound[];
	free: number[];
	cost: bigint;
	/** Money class of each voter type at the end, and each class's exact money. */
	typeClass: Int32Array;
	classMoney: Rational[];
};

/** Options of one MES run. */
export type MesRunOptions = {
	endowment: Rational;
	utility: MesUtility;
	tieBreak: TieBreak;
};

const REL = 1e-9;

type Groups = { cls: number[]; score: number[]; weight: number[] };

/**
 * Runs MES once with each voter starting at `endowment` (B/n for plain MES). Free projects with
 * a supporter are funded first, as pabutools does; projects without supporters never are.
 */
export function runMes(instance: Instance, prep: MesPrepared, options: MesRunOptions): MesRun {
	const P = instance.projects.length;
	const costs = instance.projects.map((p) => p.cost);
	const costF = costs.map((c) => Number(c));
	const factor = costs.map((c) => (options.utility === 'cost' ? c : 1n));
	const factorF = factor.map((c) => Number(c));
	const tie = tieBreakComparator(instance, options.tieBreak, prep.votes);

	const money: Rational[] = [ZERO, options.endowment];
	const moneyF: number[] = [0, toNumber(options.endowment)];
	const typeClass = new Int32Array(prep.typeWeight.length).fill(1);

	const free = instance.projects
		.map((_, j) => j)
		.filter((j) => costs[j] === 0n && prep.supporters[j]! > 0)
		.sort(tie);
	const selected = [...free];
	const rounds: MesRound[] = [];
	let spent = 0n;
	let alive = instance.projects
		.map((_, j) => j)
		.filter((j) => costs[j]! > 0n && prep.supporters[j]! > 0);

	const groupIndex = new Map<number, number>();
	const groupsOf = (j: number): Groups => {
		groupIndex.clear();
		const g: Groups = { cls: [], score: [], weight: [] };
		const ts = prep.suppTypes[j]!;
		const ss = prep.suppScore[j]!;
		for (let k = 0; k < ts.length; k++) {
			const t = ts[k]!;
			const c = typeClass[t]!;
			if (c === 0) continue;
			const s = ss[k]!;
			const key = prep.hasScores ? c * 65536 + s : c;
			let gi = groupIndex.get(key);
			if (gi === undefined) {
				gi = g.cls.length;
				groupIndex.set(key, gi);
				g.cls.push(c);
				g.score.push(s);
				g.weight.push(0);
			}
			g.weight[gi]! += prep.typeWeight[t]!;
		}
		return g;
	};

	while (alive.length > 0) {
		const groups: Groups[] = [];
		const rhoF: number[] = [];
		const stillAlive: number[] = [];
		for (const j of alive) {
			const g = groupsOf(j);
			const affordable = isAffordable(g, j);
			if (!affordable) continue;
			stillAlive.push(j);
			groups[j] = g;
			rhoF[j] = floatRho(g, j);
		}
		alive = stillAlive;
		if (alive.length === 0) break;
		let minF = Infinity;
		for (const j of alive) if (rhoF[j]! < minF) minF = rhoF[j]!;
		const limit = minF * (1 + REL) + Number.MIN_VALUE;
		let best = -1;
		let bestRho: Rational = ZERO;
		for (const j of alive) {
			if (rhoF[j]! > limit) continue;
			const r = exactRho(groups[j]!, j);
			if (best < 0) {
				best = j;
				bestRho = r;
				continue;
			}
			const c = cmp(r, bestRho);
			if (c < 0 || (c === 0 && tie(j, best) < 0)) {
				best = j;
				bestRho = r;
			}
		}
		const w = best;
		const maxPayment = charge(groups[w]!, w, bestRho);
		rounds.push({ project: w, rho: bestRho, maxPayment });
		selected.push(w);
		spent += costs[w]!;
		alive = alive.filter((j) => j !== w);
	}

	return {
		endowment: options.endowment,
		selected,
		rounds,
		free,
		cost: spent,
		typeClass,
		classMoney: money
	};

	function isAffordable(g: Groups, j: number): boolean {
		let total = 0;
		for (let k = 0; k < g.cls.length; k++) total += g.weight[k]! * moneyF[g.cls[k]!]!;
		const c = costF[j]!;
		if (total > c * (1 + REL)) return true;
		if (total < c * (1 - REL)) return false;
		let exact: Rational = ZERO;
		for (let k = 0; k < g.cls.length; k++) {
			exact = add(exact, mulInt(money[g.cls[k]!]!, BigInt(g.weight[k]!)));
		}
		return cmp(exact, rat(costs[j]!)) >= 0;
	}

	function floatRho(g: Groups, j: number): number {
		const m = g.cls.length;
		const f = factorF[j]!;
		const ratio = new Float64Array(m);
		const order = new Array<number>(m);
		let uRem = 0;
		for (let k = 0; k < m; k++) {
			ratio[k] = moneyF[g.cls[k]!]! / (g.score[k]! * f);
			order[k] = k;
			uRem += g.weight[k]! * g.score[k]! * f;
		}
		order.sort((a, b) => ratio[a]! - ratio[b]!);
		let paid = 0;
		const c = costF[j]!;
		let rho = ratio[order[m - 1]!]!;
		for (const k of order) {
			const r = (c - paid) / uRem;
			if (r <= ratio[k]!) {
				rho = r;
				break;
			}
			paid += g.weight[k]! * moneyF[g.cls[k]!]!;
			uRem -= g.weight[k]! * g.score[k]! * f;
		}
		return rho;
	}

	/**
	 * Exact ρ: sort supporter groups by money/utility; the first k groups pay everything they
	 * have and the rest pay ρ·u, with ρ = (cost − paid by the first k) / (utility of the rest),
	 * for the smallest k at which the (k+1)-th group can pay ρ·u.
	 */
	function exactRho(g: Groups, j: number): Rational {
		const m = g.cls.length;
		const f = factor[j]!;
		const u = g.score.map((s) => BigInt(s) * f);
		const b = g.cls.map((c) => money[c]!);
		const order = Array.from({ length: m }, (_, k) => k).sort((x, y) => {
			const l = b[x]!.num * b[y]!.den * u[y]!;
			const r = b[y]!.num * b[x]!.den * u[x]!;
			return l < r ? -1 : l > r ? 1 : 0;
		});
		let paid: Rational = ZERO;
		let uRem = 0n;
		for (let k = 0; k < m; k++) uRem += BigInt(g.weight[k]!) * u[k]!;
		const cost = rat(costs[j]!);
		let last: Rational = ZERO;
		for (const k of order) {
			const need = sub(cost, paid);
			// ρ·u_k ≤ b_k  ⇔  need·u_k ≤ b_k·uRem
			if (cmp(mulInt(need, u[k]!), mulInt(b[k]!, uRem)) <= 0) return rat(need.num, need.den * uRem);
			paid = add(paid, mulInt(b[k]!, BigInt(g.weight[k]!)));
			uRem -= BigInt(g.weight[k]!) * u[k]!;
			last = rat(b[k]!.num, b[k]!.den * u[k]!);
		}
		return last;
	}

	/** Charges the winner's supporters, moving each group to a new money class; returns the largest payment. */
	function charge(g: Groups, j: number, rho: Rational): Rational {
		const f = factor[j]!;
		const newClass = new Map<number, number>();
		let maxPay: Rational = ZERO;
		for (let k = 0; k < g.cls.length; k++) {
			const c = g.cls[k]!;
			const s = g.score[k]!;
			const pay = mulInt(rho, BigInt(s) * f);
			const b = money[c]!;
			let nc = 0;
			if (cmp(b, pay) <= 0) {
				if (cmp(b, maxPay) > 0) maxPay = b;
			} else {
				if (cmp(pay, maxPay) > 0) maxPay = pay;
				nc = money.length;
				const left = sub(b, pay);
				money.push(left);
				moneyF.push(toNumber(left));
			}
			newClass.set(prep.hasScores ? c * 65536 + s : c, nc);
		}
		const ts = prep.suppTypes[j]!;
		const ss = prep.suppScore[j]!;
		for (let k = 0; k < ts.length; k++) {
			const t = ts[k]!;
			const c = typeClass[t]!;
			if (c === 0) continue;
			typeClass[t] = newClass.get(prep.hasScores ? c * 65536 + ss[k]! : c)!;
		}
		return maxPay;
	}
}

/** Exact money left with a project's supporters at the end of a run. */
export function supportersMoney(prep: MesPrepared, run: MesRun, j: number): Rational {
	let total: Rational = ZERO;
	const ts = prep.suppTypes[j]!;
	const byClass = new Map<number, number>();
	for (let k = 0; k < ts.length; k++) {
		const c = run.typeClass[ts[k]!]!;
		if (c !== 0) byClass.set(c, (byClass.get(c) ?? 0) + prep.typeWeight[ts[k]!]!);
	}
	for (const [c, w] of byClass) total = add(total, mulInt(run.classMoney[c]!, BigInt(w)));
	return total;
}

/** Options of {@link equalShares}. */
export type EqualSharesOptions = {
	tieBreak: TieBreak;
	utility?: MesUtility;
	/** `add1`: raise every voter's endowment by one currency unit while the outcome fits the budget. */
	completion?: 'none' | 'add1';
	/** add1: start from ⌊B/n⌋ (Pabulib checker) rather than B/n (pabutools). */
	integralStart?: boolean;
	/** add1: stop at the first outcome that leaves no affordable project unfunded (pabutools, equalshares.net). */
	exhaustiveStop?: boolean;
	/** Afterwards fund the remaining projects by votes while they fit (equalshares.net "add1u"). */
	utilitarianCompletion?: boolean;
	/** Afterwards switch to the greedy outcome if more voters prefer it (Pabulib "-comparison"). */
	comparison?: boolean;
};

/** The outcome of {@link equalShares}, with the endowment of the MES run it used. */
export type EqualSharesOutcome = RuleOutcome & { endowment: Rational; runs: number };

/**
 * Whether no project with votes that is not funded would fit in the money left (pabutools'
 * `is_exhaustive`, restricted to projects someone voted for since no rule here funds others).
 */
function isExhaustive(instance: Instance, prep: MesPrepared, selected: readonly number[], spent: bigint): boolean {
	const chosen = new Set(selected);
	const left = instance.budget - spent;
	return instance.projects.every(
		(p, j) => chosen.has(j) || prep.supporters[j] === 0 || p.cost > left
	);
}

/**
 * Runs MES with the chosen completion. add1 (PB-COUNTING.md, "Completion by budget increase"):
 * start at B/n, or ⌊B/n⌋ with `integralStart`; while the outcome fits the budget, add one
 * currency unit to every voter's endowment and rerun; keep the last outcome that fits, or with
 * `exhaustiveStop` the first exhaustive one. See {@link add1Search} for how reruns are skipped.
 */
export function equalShares(instance: Instance, options: EqualSharesOptions): EqualSharesOutcome {
	const utility = options.utility ?? 'cost';
	const prep = prepareMes(instance);
	const n = BigInt(Math.max(1, prep.n));
	const B = instance.budget;
	const start = options.completion === 'add1' && options.integralStart ? rat(B / n) : rat(B, n);
	const runOpts = { utility, tieBreak: options.tieBreak };
	let run = runMes(instance, prep, { ...runOpts, endowment: start });
	let runs = 1;
	// As equalshares.net: when every project with votes fits in the budget together, add1 is not
	// used (the loop would never overspend, so it would not end).
	const supportedCost = instance.projects.reduce((s, p, j) => (prep.supporters[j]! > 0 ? s + p.cost : s), 0n);
	if (options.completion === 'add1' && supportedCost > B) {
		const found = add1Search(instance, prep, run, runOpts, options.exhaustiveStop ?? false);
		run = found.run;
		runs += found.runs;
	}
	const reasons = mesReasons(instance, prep, run);
	const selected = [...run.selected];
	let spent = run.cost;
	if (options.utilitarianCompletion) {
		const done = new Set(selected);
		const g = greedy(instance, { tieBreak: options.tieBreak, budget: B - spent, exclude: done });
		for (const j of g.selected) {
			const r = g.reasons[j]!;
			const before = r.kind === 'greedy-funded' ? r.remainingBefore : 0n;
			reasons[j] = { kind: 'completion-funded', votes: prep.votes[j]!, cost: instance.projects[j]!.cost, remainingBefore: before, mes: reasons[j]! };
			selected.push(j);
			spent += instance.projects[j]!.cost;
		}
		instance.projects.forEach((p, j) => {
			const r = reasons[j]!;
			if (r.kind === 'mes-unaffordable') {
				reasons[j] = { kind: 'completion-skipped', votes: prep.votes[j]!, cost: p.cost, remaining: B - spent, mes: r };
			}
		});
	}
	let outcome: RuleOutcome = { selected, reasons };
	if (options.comparison) outcome = compareWithGreedy(instance, prep, outcome, options.tieBreak);
	return { ...outcome, endowment: run.endowment, runs };
}

/**
 * The add1 loop. Rerunning MES for every one-unit step is exact but slow when the currency unit
 * is small (HUF); the loop only needs each step's selected set, so any stretch of steps whose
 * outcome provably equals the current one can be skipped. Currently every step is rerun.
 */
export function add1Search(
	instance: Instance,
	prep: MesPrepared,
	first: MesRun,
	runOpts: { utility: MesUtility; tieBreak: TieBreak },
	exhaustiveStop: boolean
): { run: MesRun; runs: number } {
	let current = first;
	let runs = 0;
	if (exhaustiveStop && isExhaustive(instance, prep, current.selected, current.cost)) return { run: current, runs };
	for (;;) {
		const e = add(current.endowment, rat(1n));
		const next = runMes(instance, prep, { ...runOpts, endowment: e });
		runs += 1;
		if (next.cost > instance.budget) return { run: current, runs };
		current = next;
		if (exhaustiveStop && isExhaustive(instance, prep, current.selected, current.cost)) return { run: current, runs };
	}
}

/** Reasons for every project from the final MES run. */
function mesReasons(instance: Instance, prep: MesPrepared, run: MesRun): Reason[] {
	const reasons: Reason[] = instance.projects.map(() => ({ kind: 'no-votes' }));
	for (const j of run.free) reasons[j] = { kind: 'mes-free', votes: prep.votes[j]! };
	run.rounds.forEach((r, k) => {
		reasons[r.project] = {
			kind: 'mes-funded',
			round: k + 1,
			rho: r.rho,
			rhoText: rationalText(r.rho),
			maxPayment: r.maxPayment,
			supporters: prep.supporters[r.project]!,
			cost: instance.projects[r.project]!.cost
		};
	});
	const chosen = new Set(run.selected);
	instance.projects.forEach((p, j) => {
		if (chosen.has(j) || prep.supporters[j] === 0) return;
		if (p.cost > instance.budget) {
			reasons[j] = { kind: 'over-budget', cost: p.cost, budget: instance.budget };
			return;
		}
		const left = supportersMoney(prep, run, j);
		reasons[j] = {
			kind: 'mes-unaffordable',
			supporters: prep.supporters[j]!,
			supportersLeft: ratFloor(left),
			supportersStart: ratFloor(mulInt(run.endowment, BigInt(prep.supporters[j]!))),
			cost: p.cost
		};
	});
	return reasons;
}

/**
 * Comparison step (Pabulib `-comparison`; equalshares.net's `comparisonStep` with its
 * "satisfaction" measure): each voter counts the funded projects they support (points ballots:
 * their points) under MES and under greedy; if more voters prefer greedy, greedy's outcome is used.
 */
export function compareWithGreedy(
	instance: Instance,
	prep: MesPrepared,
	mes: RuleOutcome,
	tieBreak: TieBreak
): RuleOutcome {
	const g = greedy(instance, { tieBreak });
	const inMes = new Uint8Array(instance.projects.length);
	const inGreedy = new Uint8Array(instance.projects.length);
	for (const j of mes.selected) inMes[j] = 1;
	for (const j of g.selected) inGreedy[j] = 1;
	let preferGreedy = 0;
	let preferMes = 0;
	for (const b of instance.ballots) {
		let um = 0n;
		let ug = 0n;
		b.projects.forEach((j, k) => {
			const u = BigInt(b.scores ? b.scores[k]! : 1);
			if (inMes[j]) um += u;
			if (inGreedy[j]) ug += u;
		});
		if (ug > um) preferGreedy += 1;
		else if (um > ug) preferMes += 1;
	}
	void prep;
	const chose = preferGreedy > preferMes ? 'greedy' : 'mes';
	const base = chose === 'greedy' ? g : mes;
	return {
		selected: base.selected,
		reasons: base.reasons.map((reason) => ({ kind: 'comparison', chose, preferGreedy, preferMes, reason }))
	};
}
