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
 * Arithmetic (docs/decisions/0006-exact-arithmetic-in-counting.md): every voter's money is an exact
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
import { add, mulInt, rat, toNumber, floor as ratFloor } from './rational';
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
	/** Per type: its projects and the points it gives each. */
	typeProjects: Int32Array[];
	typeScores: Int32Array[];
	/** Per project: number of supporters giving it each number of points. */
	scoreWeights: Map<number, number>[];
	/** The distinct numbers of points given, and per type the index of each entry's points there. */
	scoreValues: number[];
	typeScoreIdx: Int32Array[];
	/** Start of each type's entries in flat per-entry arrays, and each entry's initial group slot. */
	typeOffset: Int32Array;
	initialSlots: Int32Array;
	/** Every type's projects and points indexes, flat, at `typeOffset`. */
	flatProjects: Int32Array;
	flatScoreIdx: Int32Array;
	/** Per project: the points index of each initial group slot. */
	initialSlotScores: number[][];
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
	const scoreIndex = new Map<number, number>();
	for (const l of scoreLists)
		for (const sc of l) if (!scoreIndex.has(sc)) scoreIndex.set(sc, scoreIndex.size);
	if (scoreIndex.size === 0) scoreIndex.set(1, 0);
	const scoreValues = [...scoreIndex.keys()];
	const typeScoreIdx = typeBallots.map((tb) =>
		Int32Array.from(tb.projects.map((_, k) => scoreIndex.get(tb.scores ? tb.scores[k]! : 1)!))
	);
	// Initial groups of a project: one per points value, all in the starting money class.
	const initialSlotScores: number[][] = Array.from({ length: P }, () => []);
	const typeOffset = new Int32Array(typeBallots.length + 1);
	typeBallots.forEach((tb, t) => (typeOffset[t + 1] = typeOffset[t]! + tb.projects.length));
	const initialSlots = new Int32Array(typeOffset[typeBallots.length]!);
	typeBallots.forEach((tb, t) => {
		tb.projects.forEach((j, k) => {
			const si = typeScoreIdx[t]![k]!;
			let slot = initialSlotScores[j]!.indexOf(si);
			if (slot < 0) slot = initialSlotScores[j]!.push(si) - 1;
			initialSlots[typeOffset[t]! + k] = slot;
		});
	});
	const scoreWeights = lists.map((l, j) => {
		const m = new Map<number, number>();
		l.forEach((t, k) => m.set(scoreLists[j]![k]!, (m.get(scoreLists[j]![k]!) ?? 0) + weights[t]!));
		return m;
	});
	return {
		n: instance.ballots.length,
		typeWeight: Float64Array.from(weights),
		suppTypes: lists.map((l) => Int32Array.from(l)),
		suppScore: scoreLists.map((l) => Int32Array.from(l)),
		typeProjects: typeBallots.map((tb) => Int32Array.from(tb.projects)),
		typeScores: typeBallots.map((tb) => Int32Array.from(tb.scores ?? tb.projects.map(() => 1))),
		scoreWeights,
		scoreValues,
		typeScoreIdx,
		typeOffset,
		initialSlots,
		flatProjects: Int32Array.from(typeBallots.flatMap((tb) => [...tb.projects])),
		flatScoreIdx: Int32Array.from(typeScoreIdx.flatMap((a) => [...a])),
		initialSlotScores,
		votes: projectVotes(instance),
		supporters,
		hasScores
	};
}

/** One funded round of a MES run: ρ = rhoNum / rhoDen (not reduced; see {@link mesRho}). */
export type MesRound = { project: number; rhoNum: bigint; rhoDen: bigint; maxPayNum: bigint };

/**
 * The combinatorial trace of one round, used to prove that runs at two endowments make the same
 * decisions (see {@link add1Search}): projects found unaffordable, the winner, which of the
 * winner's supporter groups paid all they had (`capped`) or exactly all (`exact`), the winner's ρ
 * as a double, and for losers whose margin was too thin to certify with doubles, the exact set of
 * groups capped at their own ρ.
 */
export type MesTraceRound = {
	removed: number[];
	winner: number;
	capped: string;
	exact: string;
	rhoF: number;
	thin: Map<number, string>;
};

/** The state at the end of one MES run with a given per-voter endowment. */
export type MesRun = {
	endowment: Rational;
	/** Free projects first, then one entry per round. */
	selected: number[];
	rounds: MesRound[];
	free: number[];
	cost: bigint;
	/** Money class of each voter type at the end. */
	typeClass: Int32Array;
	/** Exact money of a class at the end of the run is moneyNum(c) / moneyDen. */
	moneyNum: (c: number) => bigint;
	moneyDen: bigint;
	/** Money of each class when it was created, as a double (classes never change money). */
	moneyF: number[];
	trace: MesTraceRound[];
	/** With a guide: whether every round matched it (the trace is the guide's). */
	isSameAsGuide: boolean;
};

/** Options of one MES run. */
export type MesRunOptions = {
	endowment: Rational;
	utility: MesUtility;
	tieBreak: TieBreak;
	/**
	 * Record the certificates a later run needs to use this one as its guide (add1 only); off
	 * for a single count. Guided runs that stop at the first difference never need them.
	 */
	isGuide?: boolean;
	/** Which certificate a guided run may use (add1Search): either (default), or one, for tests. */
	certificate?: 'any' | 'affine' | 'monotone';
};

/** Tolerance of the double fast path; doubles here err by less than 1e-11 relative. */
const REL = 1e-9;

type Groups = { cls: number[]; score: number[]; weight: number[] };

function bitLength(x: bigint): number {
	return x === 0n ? 0 : x.toString(16).length * 4;
}

/** a / b as a double for non-negative BigInts of any size. */
function ratioToNumber(a: bigint, b: bigint): number {
	const shift = Math.max(0, bitLength(b) - 960);
	if (shift === 0) return Number(a) / Number(b);
	const s = BigInt(shift);
	return Number(a >> s) / Number(b >> s);
}

/** ρ of a round as a reduced rational. */
export function mesRho(round: MesRound): Rational {
	return rat(round.rhoNum, round.rhoDen);
}

/**
 * Runs MES once with each voter starting at `endowment` (B/n for plain MES). Free projects with
 * a supporter are funded first, as pabutools does; projects without supporters never are.
 *
 * Exact money is kept as integers over one shared denominator D: a class's money is N_c / D.
 * Funding a project at ρ = X / (D·U) multiplies D by U (after removing gcd(X, U)), so no
 * rational is ever reduced inside a run; old classes are rescaled lazily by the product of the
 * multipliers since they were created.
 *
 * With `guide` (a run at a smaller endowment), the run also checks round by round that it makes
 * the same decisions, and returns undefined at the first difference.
 */
export function runMes(
	instance: Instance,
	prep: MesPrepared,
	options: MesRunOptions,
	guide?: MesRun,
	onDifference: 'stop' | 'continue' = 'stop'
): MesRun | undefined {
	let isSame = guide !== undefined;
	// Two certificates of "same decisions as the guide on the whole interval" (add1Search):
	// `sameA`, the affine one (same capped sets), and `sameM`, the monotone one (each loser's ρ
	// here is above the winner's ρ in the guide). The run matches while either still holds.
	let sameA = isSame && options.certificate !== 'monotone';
	let sameM = isSame && options.certificate !== 'affine';
	const isGuide = options.isGuide ?? false;
	/** Called at the first difference from the guide: stop, or carry on unguided. */
	const differs = (): boolean => {
		isSame = false;
		sameA = false;
		sameM = false;
		return onDifference === 'stop';
	};
	/** One certificate failed; the run differs once both have. */
	const failA = (): boolean => {
		sameA = false;
		return !sameM && differs();
	};
	const failM = (): boolean => {
		sameM = false;
		return !sameA && differs();
	};
	const costs = instance.projects.map((p) => p.cost);
	const costF = costs.map((c) => Number(c));
	const factor = costs.map((c) => (options.utility === 'cost' ? c : 1n));
	const factorF = factor.map((c) => Number(c));
	const tie = tieBreakComparator(instance, options.tieBreak, prep.votes);
	// Group key of (money class, points): the class alone for approval ballots.
	const keyOf = prep.hasScores ? (c: number, sc: number) => c * 65536 + sc : (c: number) => c;

	let D = options.endowment.den;
	const classNum: bigint[] = [0n, options.endowment.num];
	const classEpoch: number[] = [0, 0];
	const scaleFrom: bigint[] = [1n];
	let epoch = 0;
	const moneyF: number[] = [0, toNumber(options.endowment)];
	const typeClass = new Int32Array(prep.typeWeight.length).fill(1);
	const numNow = (c: number): bigint => {
		const e = classEpoch[c]!;
		if (e === epoch) return classNum[c]!;
		const v = classNum[c]! * scaleFrom[e]!;
		classNum[c] = v;
		classEpoch[c] = epoch;
		return v;
	};

	const free = instance.projects
		.map((_, j) => j)
		.filter((j) => costs[j] === 0n && prep.supporters[j]! > 0)
		.sort(tie);
	const selected = [...free];
	const rounds: MesRound[] = [];
	const trace: MesTraceRound[] = [];
	let spent = 0n;
	let alive = instance.projects
		.map((_, j) => j)
		.filter((j) => costs[j]! > 0n && prep.supporters[j]! > 0);

	// Supporters of each live project grouped by (money class, points) with their number: per
	// project a list of group slots (gid = class·S + points index, weight), and per ballot entry
	// the slot its type is in. Kept up to date as classes change, touching only the ballots of
	// the winner's supporters.
	const S = prep.scoreValues.length;
	const pw: Float64Array[] = [];
	const pCount = new Int32Array(instance.projects.length);
	const pGid: number[][] = [];
	const isAlive = new Uint8Array(instance.projects.length);
	instance.projects.forEach((_, j) => {
		const sis = prep.initialSlotScores[j]!;
		pGid.push(sis.map((si) => S + si));
		const w0 = new Float64Array(Math.max(8, 2 * sis.length));
		sis.forEach((si, k) => (w0[k] = prep.scoreWeights[j]!.get(prep.scoreValues[si]!) ?? 0));
		pw.push(w0);
		pCount[j] = sis.length;
	});
	for (const j of alive) isAlive[j] = 1;
	const typeSlot = prep.initialSlots.slice();
	// Per-run copies of the ballots: entries of projects no longer live are swapped out of a
	// type's live prefix the first time they are met, so each is skipped once per run.
	const entryProject = prep.flatProjects.slice();
	const entryScore = prep.flatScoreIdx.slice();
	const liveLength = new Int32Array(prep.typeWeight.length);
	for (let t = 0; t < liveLength.length; t++)
		liveLength[t] = prep.typeOffset[t + 1]! - prep.typeOffset[t]!;
	let slotLookup = new Int32Array(0);
	const touched: number[] = [];
	// One Groups object per project, refilled in place (its arrays keep their storage).
	const groupStore: Groups[] = instance.projects.map(() => ({ cls: [], score: [], weight: [] }));
	const groupsOf = (j: number): Groups => {
		const g = groupStore[j]!;
		g.cls.length = 0;
		g.score.length = 0;
		g.weight.length = 0;
		const weights = pw[j]!;
		const gids = pGid[j]!;
		const n = pCount[j]!;
		for (let k = 0; k < n; k++) {
			const w = weights[k]!;
			if (w === 0) continue;
			const gid = gids[k]!;
			const c = Math.floor(gid / S);
			g.cls.push(c);
			g.score.push(prep.scoreValues[gid - c * S]!);
			g.weight.push(w);
		}
		return g;
	};

	// A project none of whose supporters paid in the last round keeps its groups, hence its
	// affordability and ρ (money classes never change), so they are not recomputed.
	const groups: Groups[] = [];
	const rhoF: number[] = [];
	const isDirty = new Uint8Array(instance.projects.length).fill(1);
	for (let round = 0; ; round++) {
		const kept: number[] = [];
		const removed: number[] = [];
		for (const j of alive) {
			if (!isDirty[j]) {
				kept.push(j);
				continue;
			}
			isDirty[j] = 0;
			const g = groupsOf(j);
			if (!isAffordable(g, j)) {
				removed.push(j);
				isAlive[j] = 0;
				continue;
			}
			kept.push(j);
			groups[j] = g;
			rhoF[j] = floatRho(g, j);
		}
		alive = kept;
		let gr = isSame ? guide!.trace[round] : undefined;
		if (isSame && !gr) {
			if (differs()) return undefined;
			gr = undefined;
		}
		// The affine certificate needs the same projects found unaffordable; the monotone one
		// does not (a project affordable here only has to lose, which the loser check covers).
		if (gr && sameA && gr.removed.join() !== removed.join()) {
			if (failA()) return undefined;
		}
		if (!isSame) gr = undefined;
		if (alive.length === 0) {
			if (gr && gr.winner !== -1 && differs()) return undefined;
			trace.push({ removed, winner: -1, capped: '', exact: '', rhoF: 0, thin: new Map() });
			break;
		}
		let minF = Infinity;
		for (const j of alive) if (rhoF[j]! < minF) minF = rhoF[j]!;
		const limit = minF * (1 + REL) + Number.MIN_VALUE;
		const exactOf = new Map<number, ExactRho>();
		let best = -1;
		for (const j of alive) {
			if (rhoF[j]! > limit) continue;
			const r = exactRho(groups[j]!, j);
			exactOf.set(j, r);
			if (best < 0) {
				best = j;
				continue;
			}
			const b = exactOf.get(best)!;
			const l = r.x * b.u;
			const rr = b.x * r.u;
			if (l < rr || (l === rr && tie(j, best) < 0)) best = j;
		}
		if (gr && gr.winner !== best) {
			if (differs()) return undefined;
			gr = undefined;
		}
		const w = best;
		const wr = exactOf.get(w)!;
		const wRhoF = ratioToNumber(wr.x, D * wr.u);
		// Monotone certificate: every live loser's ρ here is above the winner's ρ in the guide
		// (or equal with the winner first in the tie order).
		if (gr && sameM) {
			const g0 = guide!.rounds[round]!;
			const limitM = gr.rhoF * (1 + REL) + Number.MIN_VALUE;
			const lowM = gr.rhoF * (1 - REL);
			for (const j of alive) {
				if (j === w || rhoF[j]! > limitM) continue;
				let ok = false;
				if (!(rhoF[j]! < lowM)) {
					const r = exactOf.get(j) ?? exactRho(groups[j]!, j);
					exactOf.set(j, r);
					// ρ_j = r.x / (D·r.u) against ρ_w(guide) = rhoNum / rhoDen.
					const l = r.x * g0.rhoDen;
					const rr = g0.rhoNum * D * r.u;
					ok = l > rr || (l === rr && tie(w, j) < 0);
				}
				if (!ok) {
					if (failM()) return undefined;
					break;
				}
			}
		}
		// Certify every loser: either with doubles and a margin, or by its exact capped set.
		const thin = new Map<number, string>();
		for (const j of isGuide || (gr && sameA) ? alive : []) {
			if (j === w) continue;
			const g = groups[j]!;
			const f = factorF[j]!;
			const limitCost = costF[j]! * (1 - 1e3 * REL);
			if (isGuide) {
				let g0 = 0;
				for (let k = 0; k < g.cls.length; k++) {
					g0 += g.weight[k]! * Math.min(moneyF[g.cls[k]!]!, wRhoF * g.score[k]! * f);
				}
				if (!(g0 < limitCost)) thin.set(j, (exactOf.get(j) ?? exactRho(g, j)).capped);
			}
			if (!gr || !sameA) continue;
			const sig = gr.thin.get(j);
			if (sig !== undefined) {
				const e = exactOf.get(j) ?? exactRho(g, j);
				if (e.capped !== sig && failA()) return undefined;
				continue;
			}
			// H(t) = Σ w·(piece chosen at the guide's endowment), an affine upper bound of
			// Σ w·min(b, ρ_w·u), which is below cost exactly when j loses to w.
			let h0 = 0;
			let hk = 0;
			for (let k = 0; k < g.cls.length; k++) {
				const c = g.cls[k]!;
				const u = g.score[k]! * f;
				const b0 = guide!.moneyF[c]!;
				const p0 = gr.rhoF * u;
				if (b0 <= p0) {
					h0 += g.weight[k]! * b0;
					hk += g.weight[k]! * moneyF[c]!;
				} else {
					h0 += g.weight[k]! * p0;
					hk += g.weight[k]! * wRhoF * u;
				}
			}
			if (!(h0 < limitCost && hk < limitCost) && failA()) return undefined;
		}
		if (!isSame) gr = undefined;
		const charged = charge(groups[w]!, w, wr);
		if (gr && sameA && (gr.capped !== charged.capped || gr.exact !== charged.exact) && failA())
			return undefined;
		trace.push({
			removed,
			winner: w,
			capped: charged.capped,
			exact: charged.exact,
			rhoF: wRhoF,
			thin
		});
		rounds.push({ project: w, rhoNum: charged.x, rhoDen: D, maxPayNum: charged.maxPay });
		selected.push(w);
		spent += costs[w]!;
		alive = alive.filter((j) => j !== w);
	}

	const finalD = D;
	return {
		endowment: options.endowment,
		selected,
		rounds,
		free,
		cost: spent,
		typeClass,
		moneyNum: numNow,
		moneyDen: finalD,
		moneyF,
		trace,
		isSameAsGuide: isSame
	};

	function isAffordable(g: Groups, j: number): boolean {
		let total = 0;
		for (let k = 0; k < g.cls.length; k++) total += g.weight[k]! * moneyF[g.cls[k]!]!;
		const c = costF[j]!;
		if (total > c * (1 + REL)) return true;
		if (total < c * (1 - REL)) return false;
		let exact = 0n;
		for (let k = 0; k < g.cls.length; k++) exact += BigInt(g.weight[k]!) * numNow(g.cls[k]!);
		return exact >= costs[j]! * D;
	}

	/**
	 * ρ in doubles by fixed-point iteration: start with nobody capped, ρ = cost / Σ w·u; cap the
	 * groups that cannot pay ρ·u and recompute. Each step's ρ is a lower bound of the true ρ
	 * (the linear function used is above Σ w·min(b, ρ·u)) and grows, so it stops at the true ρ
	 * once the capped set no longer changes — usually after one or two passes, without sorting.
	 */
	function floatRho(g: Groups, j: number): number {
		const m = g.cls.length;
		const f = factorF[j]!;
		const c = costF[j]!;
		let rho = 0;
		for (let pass = 0; pass <= m; pass++) {
			let paid = 0;
			let uFree = 0;
			for (let k = 0; k < m; k++) {
				const u = g.score[k]! * f;
				const b = moneyF[g.cls[k]!]!;
				if (b < rho * u) paid += g.weight[k]! * b;
				else uFree += g.weight[k]! * u;
			}
			const next = uFree > 0 ? (c - paid) / uFree : rho;
			if (!(next > rho)) return Math.max(next, rho);
			rho = next;
		}
		return rho;
	}

	/**
	 * Exact ρ = x / (D·u): sort supporter groups by money/utility; the first groups pay all they
	 * have and the rest pay ρ·utility, for the first group that can pay ρ·utility.
	 */
	function exactRho(g: Groups, j: number): ExactRho {
		const m = g.cls.length;
		const f = factor[j]!;
		const u = g.score.map((s) => BigInt(s) * f);
		const b = g.cls.map((c) => numNow(c));
		// Money per point in doubles (each within 1e-15 relative of the exact value) orders all
		// but near-equal pairs; those are ordered exactly.
		const key = g.cls.map((c, k) => moneyF[c]! / g.score[k]!);
		const order = Array.from({ length: m }, (_, k) => k).sort((x, y) => {
			const kx = key[x]!;
			const ky = key[y]!;
			if (kx < ky * (1 - 1e-12)) return -1;
			if (kx > ky * (1 + 1e-12)) return 1;
			const l = b[x]! * u[y]!;
			const r = b[y]! * u[x]!;
			return l < r ? -1 : l > r ? 1 : g.cls[x]! - g.cls[y]! || g.score[x]! - g.score[y]!;
		});
		let x = costs[j]! * D;
		let uRem = 0n;
		for (let k = 0; k < m; k++) uRem += BigInt(g.weight[k]!) * u[k]!;
		const capped: number[] = [];
		for (let i = 0; i < m; i++) {
			const k = order[i]!;
			if (x * u[k]! <= b[k]! * uRem || i === m - 1) {
				return { x, u: uRem, capped: capped.sort((p, q) => p - q).join() };
			}
			capped.push(keyOf(g.cls[k]!, g.score[k]!));
			x -= BigInt(g.weight[k]!) * b[k]!;
			uRem -= BigInt(g.weight[k]!) * u[k]!;
		}
		throw new Error('unreachable: a project with supporters has at least one group');
	}

	/** Charges the winner's supporters, moving each group to a new money class. */
	function charge(
		g: Groups,
		j: number,
		r: ExactRho
	): { x: bigint; maxPay: bigint; capped: string; exact: string } {
		const f = factor[j]!;
		const div = gcdBig(r.x, r.u);
		const x = r.x / div;
		const mult = r.u / div;
		const idx = g.cls
			.map((_, k) => k)
			.sort((p, q) => g.cls[p]! - g.cls[q]! || g.score[p]! - g.score[q]!);
		g = {
			cls: idx.map((k) => g.cls[k]!),
			score: idx.map((k) => g.score[k]!),
			weight: idx.map((k) => g.weight[k]!)
		};
		const olds = g.cls.map((c) => numNow(c));
		// New denominator D·mult; every older class is rescaled lazily.
		D *= mult;
		for (let e = 0; e <= epoch; e++) scaleFrom[e] = scaleFrom[e]! * mult;
		epoch += 1;
		scaleFrom.push(1n);
		const newClass = new Map<number, number>();
		// Approval ballots: the new class of every old class, by index (faster than the map).
		const newClassOf = prep.hasScores ? undefined : new Int32Array(classNum.length);
		const firstNew = classNum.length;
		let maxPay = 0n;
		const capped: number[] = [];
		const exact: number[] = [];
		for (let k = 0; k < g.cls.length; k++) {
			const c = g.cls[k]!;
			const s = g.score[k]!;
			const key = keyOf(c, s);
			const have = olds[k]! * mult;
			const pay = x * BigInt(s) * f;
			let nc = 0;
			if (have <= pay) {
				if (have > maxPay) maxPay = have;
				(have < pay ? capped : exact).push(key);
			} else {
				if (pay > maxPay) maxPay = pay;
				nc = classNum.length;
				const left = have - pay;
				classNum.push(left);
				classEpoch.push(epoch);
				moneyF.push(ratioToNumber(left, D));
			}
			newClass.set(key, nc);
			if (newClassOf) newClassOf[c] = nc;
		}
		isAlive[j] = 0;
		const newCount = classNum.length - firstNew;
		const need = instance.projects.length * Math.max(1, newCount) * S;
		if (slotLookup.length < need)
			slotLookup = new Int32Array(Math.max(need, slotLookup.length * 2));
		moveSupporters({
			prep,
			j,
			typeClass,
			newClass,
			newClassOf,
			keyOf,
			isAlive,
			isDirty,
			pw,
			pCount,
			pGid,
			typeSlot,
			entryProject,
			entryScore,
			liveLength,
			slotLookup,
			touched,
			firstNew,
			newCount,
			S
		});
		for (const li of touched) slotLookup[li] = 0;
		touched.length = 0;
		return {
			x,
			maxPay,
			capped: capped.sort((p, q) => p - q).join(),
			exact: exact.sort((p, q) => p - q).join()
		};
	}
}

type ExactRho = { x: bigint; u: bigint; capped: string };

/**
 * Moves the winner's supporters to their new money classes and updates, for every live project
 * on their ballots, the weights of its (class, points) groups. The hot loop of a MES run, kept
 * out of runMes's closure so the engine compiles it on its own.
 */
function moveSupporters(a: {
	prep: MesPrepared;
	j: number;
	typeClass: Int32Array;
	newClass: Map<number, number>;
	newClassOf: Int32Array | undefined;
	keyOf: (c: number, sc: number) => number;
	isAlive: Uint8Array;
	isDirty: Uint8Array;
	pw: Float64Array[];
	pCount: Int32Array;
	pGid: number[][];
	typeSlot: Int32Array;
	entryProject: Int32Array;
	entryScore: Int32Array;
	liveLength: Int32Array;
	slotLookup: Int32Array;
	touched: number[];
	firstNew: number;
	newCount: number;
	S: number;
}): void {
	const {
		prep,
		j,
		typeClass,
		newClass,
		newClassOf,
		keyOf,
		isAlive,
		isDirty,
		pw,
		pCount,
		pGid,
		typeSlot,
		entryProject,
		entryScore,
		liveLength,
		slotLookup,
		touched,
		firstNew,
		newCount,
		S
	} = a;
	const ts = prep.suppTypes[j]!;
	const ss = prep.suppScore[j]!;
	const typeWeight = prep.typeWeight;
	const typeOffset = prep.typeOffset;
	for (let k = 0; k < ts.length; k++) {
		const t = ts[k]!;
		const c = typeClass[t]!;
		if (c === 0) continue;
		const nc = newClassOf ? newClassOf[c]! : newClass.get(keyOf(c, ss[k]!))!;
		typeClass[t] = nc;
		const tw = typeWeight[t]!;
		const off = typeOffset[t]!;
		let len = liveLength[t]!;
		for (let q = 0; q < len;) {
			const e = off + q;
			const p = entryProject[e]!;
			if (isAlive[p] === 0) {
				const last = off + len - 1;
				entryProject[e] = entryProject[last]!;
				entryProject[last] = p;
				const sc = entryScore[e]!;
				entryScore[e] = entryScore[last]!;
				entryScore[last] = sc;
				const sl = typeSlot[e]!;
				typeSlot[e] = typeSlot[last]!;
				typeSlot[last] = sl;
				len -= 1;
				continue;
			}
			q += 1;
			isDirty[p] = 1;
			let weights = pw[p]!;
			weights[typeSlot[e]!]! -= tw;
			if (nc === 0) continue;
			const si = entryScore[e]!;
			// Slot of (new class, points) in project p, through a table reset after each charge.
			const li = (p * newCount + (nc - firstNew)) * S + si;
			let ns = slotLookup[li]! - 1;
			if (ns < 0) {
				ns = pCount[p]!;
				if (ns === weights.length) {
					const grown = new Float64Array(ns * 2);
					grown.set(weights);
					pw[p] = weights = grown;
				}
				pCount[p] = ns + 1;
				pGid[p]!.push(nc * S + si);
				slotLookup[li] = ns + 1;
				touched.push(li);
			}
			weights[ns]! += tw;
			typeSlot[e] = ns;
		}
		liveLength[t] = len;
	}
}

function gcdBig(a: bigint, b: bigint): bigint {
	while (b !== 0n) {
		const t = a % b;
		a = b;
		b = t;
	}
	return a < 0n ? -a : a;
}

/** Exact money left with a project's supporters at the end of a run. */
export function supportersMoney(prep: MesPrepared, run: MesRun, j: number): Rational {
	const ts = prep.suppTypes[j]!;
	const byClass = new Map<number, number>();
	for (let k = 0; k < ts.length; k++) {
		const c = run.typeClass[ts[k]!]!;
		if (c !== 0) byClass.set(c, (byClass.get(c) ?? 0) + prep.typeWeight[ts[k]!]!);
	}
	let total = 0n;
	for (const [c, w] of byClass) total += run.moneyNum(c) * BigInt(w);
	return { num: total, den: run.moneyDen };
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
function isExhaustive(
	instance: Instance,
	prep: MesPrepared,
	selected: readonly number[],
	spent: bigint
): boolean {
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
	const isAdd1 = options.completion === 'add1';
	let run = runMes(instance, prep, { ...runOpts, endowment: start, isGuide: isAdd1 })!;
	let runs = 1;
	// As equalshares.net: when every project with votes fits in the budget together, add1 is not
	// used (the loop would never overspend, so it would not end).
	const supportedCost = instance.projects.reduce(
		(s, p, j) => (prep.supporters[j]! > 0 ? s + p.cost : s),
		0n
	);
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
			reasons[j] = {
				kind: 'completion-funded',
				votes: prep.votes[j]!,
				cost: instance.projects[j]!.cost,
				remainingBefore: before,
				mes: reasons[j]!
			};
			selected.push(j);
			spent += instance.projects[j]!.cost;
		}
		instance.projects.forEach((p, j) => {
			const r = reasons[j]!;
			if (r.kind === 'mes-unaffordable') {
				reasons[j] = {
					kind: 'completion-skipped',
					votes: prep.votes[j]!,
					cost: p.cost,
					remaining: B - spent,
					mes: r
				};
			}
		});
	}
	let outcome: RuleOutcome = { selected, reasons };
	if (options.comparison) outcome = compareWithGreedy(instance, outcome, options.tieBreak);
	return { ...outcome, endowment: run.endowment, runs };
}

/**
 * The add1 loop: from the start endowment e, rerun MES at e + 1, e + 2, … and keep the last
 * outcome that fits the budget (or, with `exhaustiveStop`, the first exhaustive one). Rerunning
 * every one-unit step is exact but slow when the unit is small (HUF), so steps whose outcome is
 * provably that of e are skipped. This is equivalent to the one-step loop because the loop's
 * only inputs at a step are the outcome's cost and exhaustiveness.
 *
 * Proof that skipping is sound ("same trace on an interval"). Fix a run at endowment e and call
 * its trace T: per round, the projects found unaffordable, the winner, the winner's supporter
 * groups that pay all they have or exactly all, and for each loser either its capped set or an
 * affine certificate (below). Consider endowments e + t, t ∈ [0, k], and suppose the runs at
 * t = 0 and t = k both have trace T. By induction over rounds: if rounds before r are the same
 * for every t in [0, k], then every money class at the start of round r is an affine function of
 * t (the start money is e + t; a winner's ρ with a fixed capped set is (cost − money of capped
 * groups) / (utility of the others), affine; new money is old money − ρ·u, affine). In round r:
 * - affordability of a project is "Σ money ≥ cost", affine in t: true (or false) at both ends
 *   means true (false) throughout;
 * - the winner's ρ_w(t) is affine while its capped set is fixed, and "group capped" is
 *   "b_g(t) < ρ_w(t)·u_g", again affine; holding at both ends, it holds throughout, so the
 *   capped set and ρ_w(t) are those of T on all of [0, k]; the same for "pays exactly all";
 * - a loser j whose capped set is recorded has ρ_j(t) affine on [0, k] by the same argument;
 *   "w beats j" (ρ_w < ρ_j, or equal and w first in the tie order) is an affine (half-open)
 *   condition holding at both ends, hence throughout;
 * - any other loser j is certified by H_j(t) = Σ_g w_g·ℓ_g(t) where ℓ_g is the piece of
 *   min(b_g(t), ρ_w(t)·u_g) smaller at t = 0. H_j is affine and H_j ≥ Σ_g w_g·min(b_g, ρ_w·u_g),
 *   and the latter is below cost exactly when ρ_j > ρ_w. H_j(0) and H_j(k) are computed in
 *   doubles from exact values, all terms non-negative, and required to be below
 *   cost·(1 − 1e-6), a margin far above the doubles' error (< 1e-11 relative).
 * So round r is the same throughout, and by induction the whole run is: every endowment in
 * [e, e + k] gives the outcome of e.
 *
 * Second certificate ("monotone"), which needs neither the capped sets nor the projects found
 * unaffordable, only the winners. Suppose every t ∈ [0, k] funds the same winners in the rounds
 * before r. Then every voter's money at the start of round r is non-decreasing in t: it starts
 * at e + t, and in each earlier round the winner's ρ_w(t), the least ρ with
 * Σ_g w_g·min(b_g(t), ρ·u_g) ≥ cost, is non-increasing when every b_g(t) is non-decreasing, so
 * what a supporter keeps, max(0, b − ρ_w·u), is non-decreasing. Hence in round r a project
 * affordable at t is affordable at every larger t (the winner w of t = 0 is affordable
 * throughout; a project affordable somewhere in [0, k] is affordable at k), and an affordable
 * project's ρ_j(t) is non-increasing. If the run at k funds w in round r and every other project
 * affordable there has ρ_j(k) > ρ_w(0), or ρ_j(k) = ρ_w(0) with w first in the tie order, then
 * for every t and every project j affordable at t: ρ_w(t) ≤ ρ_w(0) ≤ ρ_j(k) ≤ ρ_j(t), so w wins
 * at t. When no project is affordable at k, none is at any t. By induction every t funds the same
 * winners, hence the same projects at the same cost. The comparison uses doubles with the 1e-9
 * margin of the fast path and exact ρ within it. A guided run succeeds while either certificate
 * holds for all its rounds (each is checked on its own).
 *
 * The loop reads only the cost and exhaustiveness of each step's outcome, functions of the funded
 * set, so steps proven to fund the set of e are skipped. A successful probe at k proves all of
 * [0, k] and is itself a full run at e + k with that set (so it fits the budget), which becomes
 * the next guide: stretches are chained, with a stride that doubles after a success and halves
 * after a failure. A probe is a run guided by T that stops once both certificates have failed;
 * at stride 1 the next step is run in full, checked as it goes, and taken as the loop would.
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
	const at = (
		e: Rational,
		guide?: MesRun,
		onDifference: 'stop' | 'continue' = 'stop',
		isGuide = guide === undefined || onDifference === 'continue'
	) => {
		runs += 1;
		return runMes(instance, prep, { ...runOpts, endowment: e, isGuide }, guide, onDifference);
	};
	const plus = (e: Rational, k: bigint) => add(e, rat(k));
	// Steps in a row whose decisions differed from the previous step's. On files where every
	// step differs, checking is pure overhead, so most steps then run plainly (as the one-step
	// loop) and every eighth is checked again. A plainly run guide has no exact certificates
	// for thin losers, which only makes later checks fail more often, never wrongly succeed.
	let changedInRow = 0;
	// Stride of the next probe: a probe at current + stride guided by `current` that succeeds
	// proves every endowment up to it funds the set of `current`, and being a full run at that
	// endowment it becomes the next guide; the stride then doubles, and halves after a failure.
	let stride = 1n;
	for (;;) {
		if (exhaustiveStop && isExhaustive(instance, prep, current.selected, current.cost))
			return { run: current, runs };
		if (changedInRow >= 4 && changedInRow % 8 !== 0) {
			const plain = at(plus(current.endowment, 1n), undefined, 'stop', false)!;
			changedInRow += 1;
			if (plain.cost > instance.budget) return { run: current, runs };
			current = plain;
			continue;
		}
		if (stride > 1n) {
			const r = at(plus(current.endowment, stride), current, 'stop', true);
			if (r) {
				current = r;
				stride *= 2n;
			} else stride /= 2n;
			continue;
		}
		// The next step, checked against the current trace as it goes: when decisions change
		// often (short stretches) this costs one run per step, as the plain loop.
		const step = at(plus(current.endowment, 1n), current, 'continue')!;
		if (!step.isSameAsGuide) {
			changedInRow += 1;
			if (step.cost > instance.budget) return { run: current, runs };
			current = step;
			continue;
		}
		changedInRow = 0;
		current = step;
		stride = 2n;
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
			rho: mesRho(r),
			rhoText: rationalText(mesRho(r)),
			maxPayment: rat(r.maxPayNum, r.rhoDen),
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
	const chose = preferGreedy > preferMes ? 'greedy' : 'mes';
	const base = chose === 'greedy' ? g : mes;
	return {
		selected: base.selected,
		reasons: base.reasons.map((reason) => ({
			kind: 'comparison',
			chose,
			preferGreedy,
			preferMes,
			reason
		}))
	};
}
