/**
 * Sequential Phragmén for participatory budgeting, as pabutools 1.2.3 runs it (Brill, Freeman,
 * Janson & Lackner, "Phragmén's voting methods and justified representation", AAAI 2017, Sec. 4,
 * with costs as in Los, Christoff & Grossi, "Proportional budget allocations", 2022): voters earn
 * money continuously; the next project funded is the one whose supporters can first pay for it,
 * i.e. with the smallest new maximum load (cost + supporters' current loads) / supporters, after
 * which all its supporters carry that load. Projects costing more than the budget or without
 * supporters are dropped; the count **stops at the first project chosen that does not fit**.
 *
 * Points ballots count as approval of every project given points (pabutools' Phragmén is defined
 * for approval ballots). Loads are exact rationals; a double fast path picks the candidates within
 * a relative 1e-9 of the smallest load and the winner is decided exactly among them.
 */
import type { Instance, TieBreak } from './types';
import type { Reason, RuleOutcome } from './explain';
import type { Rational } from './rational';
import { rationalText } from './explain';
import { ZERO, add, cmp, mulInt, rat, toNumber } from './rational';
import { prepareMes } from './equal-shares';
import { tieBreakComparator } from './tie-break';

/** Options of {@link phragmen}. */
export type PhragmenOptions = { tieBreak: TieBreak };

/** Runs sequential Phragmén. */
export function phragmen(instance: Instance, options: PhragmenOptions): RuleOutcome {
	const prep = prepareMes(instance);
	const P = instance.projects.length;
	const tie = tieBreakComparator(instance, options.tieBreak, prep.votes);
	const reasons: Reason[] = instance.projects.map(() => ({ kind: 'no-votes' }));
	// Every voter's load is the new maximum load of the last round they paid in (0 before).
	const loads: Rational[] = [ZERO];
	const loadsF: number[] = [0];
	const typeRound = new Int32Array(prep.typeWeight.length);
	let candidates = instance.projects
		.map((_, j) => j)
		.filter((j) => prep.supporters[j]! > 0 && instance.projects[j]!.cost <= instance.budget);
	instance.projects.forEach((p, j) => {
		if (prep.supporters[j]! > 0 && p.cost > instance.budget)
			reasons[j] = { kind: 'over-budget', cost: p.cost, budget: instance.budget };
	});
	const selected: number[] = [];
	let remaining = instance.budget;
	const perRound = new Float64Array(P + 1);
	// Σ of supporters' loads per project in doubles, updated when loads change; exact sums are
	// computed only for the candidates near the smallest new load.
	const loadSumF = new Float64Array(P);
	while (candidates.length > 0) {
		const newLoadF: number[] = [];
		let minF = Infinity;
		for (const j of candidates) {
			newLoadF[j] = (Number(instance.projects[j]!.cost) + loadSumF[j]!) / prep.supporters[j]!;
			if (newLoadF[j]! < minF) minF = newLoadF[j]!;
		}
		const limit = minF * (1 + 1e-9) + Number.MIN_VALUE;
		let best = -1;
		let bestLoad: Rational = ZERO;
		for (const j of candidates) {
			if (newLoadF[j]! > limit) continue;
			perRound.fill(0);
			const ts = prep.suppTypes[j]!;
			for (let k = 0; k < ts.length; k++) perRound[typeRound[ts[k]!]!]! += prep.typeWeight[ts[k]!]!;
			let total = rat(instance.projects[j]!.cost);
			for (let r = 1; r < loads.length; r++) {
				if (perRound[r]! > 0) total = add(total, mulInt(loads[r]!, BigInt(perRound[r]!)));
			}
			const load = rat(total.num, total.den * BigInt(prep.supporters[j]!));
			const c = best < 0 ? -1 : cmp(load, bestLoad);
			if (c < 0 || (c === 0 && tie(j, best) < 0)) {
				best = j;
				bestLoad = load;
			}
		}
		const cost = instance.projects[best]!.cost;
		if (cost > remaining) {
			for (const j of candidates) {
				reasons[j] = {
					kind: 'phragmen-stopped',
					stoppedAt: instance.projects[best]!.id,
					remaining,
					cost: instance.projects[j]!.cost,
					isFirst: j === best
				};
			}
			break;
		}
		selected.push(best);
		remaining -= cost;
		loads.push(bestLoad);
		loadsF.push(toNumber(bestLoad));
		const round = loads.length - 1;
		const newF = loadsF[round]!;
		for (const t of prep.suppTypes[best]!) {
			const delta = prep.typeWeight[t]! * (newF - loadsF[typeRound[t]!]!);
			for (const p of prep.typeProjects[t]!) loadSumF[p]! += delta;
			typeRound[t] = round;
		}
		reasons[best] = {
			kind: 'phragmen-funded',
			round: selected.length,
			load: bestLoad,
			loadText: rationalText(bestLoad),
			supporters: prep.supporters[best]!
		};
		candidates = candidates.filter((j) => j !== best);
	}
	return { selected, reasons };
}
