/**
 * Volunteers of one _type_ (the same value in every category, and no household rule binding
 * them) are interchangeable: swapping two of them maps every panel meeting the quotas to another
 * one. The LEXIMIN probabilities are unique, so they are equal within a type, and MAXIMIN and
 * LEXIMIN can be computed over _count vectors_ (how many of each type a panel has) with one
 * constraint per type instead of one per volunteer. On skewed pools that halves the linear
 * programme (synthetic n = 1,000: 473 types); on the paper's examples it leaves 3 rows.
 *
 * A distribution over count vectors is then _realised_ as a distribution over actual panels that
 * gives every volunteer of a type exactly the type's probability (see {@link realizeDistribution}).
 */
import type { PanelDistribution, PanelProblem } from './types';

/** The partition of the pool into types. */
export type VolunteerTypes = {
	count: number;
	/** typeOf[i] is volunteer i's type. */
	typeOf: Int32Array;
	/** members[t]: the volunteers of type t, ascending. */
	members: number[][];
};

/** Groups volunteers by their quota values; a volunteer under a household rule is a type alone. */
export function groupTypes(problem: PanelProblem): VolunteerTypes {
	const byKey = new Map<string, number>();
	const typeOf = new Int32Array(problem.n);
	const members: number[][] = [];
	for (let i = 0; i < problem.n; i++) {
		const key = problem.householdOf[i]! >= 0 ? `h${i}` : problem.memberQuotas[i]!.join(',');
		let t = byKey.get(key);
		if (t === undefined) {
			t = members.length;
			byKey.set(key, t);
			members.push([]);
		}
		members[t]!.push(i);
		typeOf[i] = t;
	}
	return { count: members.length, typeOf, members };
}

/** Number of members of each type on a panel. */
export function countVector(types: VolunteerTypes, panel: readonly number[]): Int32Array {
	const counts = new Int32Array(types.count);
	for (const i of panel) counts[types.typeOf[i]!]!++;
	return counts;
}

/** The representative panel of a count vector: the first members of each type, sorted. */
export function canonicalPanel(types: VolunteerTypes, panel: readonly number[]): number[] {
	const counts = countVector(types, panel);
	const out: number[] = [];
	for (let t = 0; t < types.count; t++) {
		const members = types.members[t]!;
		for (let j = 0; j < counts[t]!; j++) out.push(members[j]!);
	}
	return out.sort((a, b) => a - b);
}

// Shares of a block below this are rounding noise.
const EPS = 1e-13;
// Pieces of a block this short whose panel has the wrong size come from rounding.
const SLIVER = 1e-9;

/**
 * Turns a distribution over count vectors (panels given by any representative) into one over
 * actual panels in which every volunteer of type t has probability Σ_P λ_P c_t(P) / m_t.
 *
 * Lay the distribution on [0, 1): panel P occupies a block of length λ_P. For each type t and
 * block, decide how much of the block each member spends on the panel (a transportation problem:
 * member j's total must be the type's probability, block s must hold c_t(s)·λ_s, nobody more than
 * λ_s of one block). Largest-remaining-first fills most cells completely, so few members are
 * split. McNaughton's wrap-around rule (1959) then schedules the c_t(s) seats of the block so that
 * nobody holds two seats at once. Cutting every block at all types' switching points gives the
 * panels. A type whose largest-remaining-first filling gets stuck uses the equal split (each
 * member c_t(s)·λ_s/m_t of every block), which is always feasible.
 */
export function realizeDistribution(
	problem: PanelProblem,
	types: VolunteerTypes,
	distribution: PanelDistribution
): PanelDistribution {
	const blocks = distribution.panels.map((panel) => countVector(types, panel));
	const lengths = distribution.weights;
	const S = blocks.length;
	// Per block: for each type that is split (0 < c < m), its schedule as a list of
	// [start, end, member] segments within the block; types taken whole or not at all need none.
	type Segment = { start: number; end: number; member: number };
	const schedules: { type: number; segments: Segment[] }[][] = Array.from({ length: S }, () => []);
	for (let t = 0; t < types.count; t++) {
		const members = types.members[t]!;
		const m = members.length;
		if (m < 2) continue;
		let isSplit = false;
		for (let s = 0; s < S && !isSplit; s++) isSplit = blocks[s]![t]! > 0 && blocks[s]![t]! < m;
		if (!isSplit) continue;
		// Blocks needing most members first (a block taking all m needs everyone's share intact),
		// then longest first; other orders are tried before the equal split.
		const shares =
			fillBlocks(
				m,
				t,
				blocks,
				lengths,
				(a, b) => blocks[b]![t]! - blocks[a]![t]! || lengths[b]! - lengths[a]! || a - b
			) ??
			fillBlocks(m, t, blocks, lengths, (a, b) => lengths[b]! - lengths[a]! || a - b) ??
			equalShares(m, t, blocks, lengths);
		for (let s = 0; s < S; s++) {
			const c = blocks[s]![t]!;
			if (c === 0 || c === m) continue;
			schedules[s]!.push({ type: t, segments: wrapAround(shares[s]!, lengths[s]!, members) });
		}
	}
	const merged = new Map<string, { panel: number[]; weight: number }>();
	const addPanel = (panel: number[], weight: number) => {
		if (weight <= 0) return;
		panel.sort((a, b) => a - b);
		const key = panel.join(',');
		const entry = merged.get(key);
		if (entry) entry.weight += weight;
		else merged.set(key, { panel, weight });
	};
	for (let s = 0; s < S; s++) {
		const counts = blocks[s]!;
		const fixedMembers: number[] = [];
		const split = new Set(schedules[s]!.map((x) => x.type));
		for (let t = 0; t < types.count; t++) {
			if (split.has(t)) continue;
			const c = counts[t]!;
			const members = types.members[t]!;
			for (let j = 0; j < c; j++) fixedMembers.push(members[j]!);
		}
		const cuts = new Set<number>([0, lengths[s]!]);
		for (const { segments } of schedules[s]!)
			for (const seg of segments) {
				cuts.add(seg.start);
				cuts.add(seg.end);
			}
		const points = [...cuts].sort((a, b) => a - b);
		for (let c = 0; c + 1 < points.length; c++) {
			const a = points[c]!;
			const b = points[c + 1]!;
			if (b - a <= EPS) continue;
			const mid = (a + b) / 2;
			const panel = [...fixedMembers];
			for (const { segments } of schedules[s]!)
				for (const seg of segments) if (seg.start <= mid && mid < seg.end) panel.push(seg.member);
			// Rounding can leave slivers where a seat is empty or doubly held; they carry no weight.
			if (panel.length !== problem.k && b - a < SLIVER) continue;
			addPanel(panel, b - a);
		}
	}
	checkProbabilities(problem, types, distribution, blocks, merged);
	const entries = [...merged.values()];
	const total = entries.reduce((sum, e) => sum + e.weight, 0);
	const out = {
		panels: entries.map((e) => e.panel),
		weights: entries.map((e) => e.weight / total)
	};
	for (const panel of out.panels)
		if (panel.length !== problem.k) throw new Error('realising the distribution broke a panel');
	return out;
}

/**
 * Largest-remaining-first filling of the transportation problem for one type: returns, per block,
 * each member's share (index into the type's members), or undefined if it gets stuck.
 */
function fillBlocks(
	m: number,
	t: number,
	blocks: Int32Array[],
	lengths: number[],
	compareBlocks: (a: number, b: number) => number
): Float64Array[] | undefined {
	let target = 0;
	blocks.forEach((counts, s) => (target += (counts[t]! * lengths[s]!) / m));
	const remaining = new Float64Array(m).fill(target);
	const order = Array.from({ length: m }, (_, j) => j);
	const blockOrder = blocks.map((_, s) => s).sort(compareBlocks);
	const shares: Float64Array[] = blocks.map(() => new Float64Array(m));
	for (const s of blockOrder) {
		const c = blocks[s]![t]!;
		const length = lengths[s]!;
		let demand = c * length;
		if (c === 0) continue;
		order.sort((a, b) => remaining[b]! - remaining[a]! || a - b);
		for (const j of order) {
			if (demand <= EPS) break;
			const give = Math.min(remaining[j]!, length, demand);
			if (give <= EPS) continue;
			shares[s]![j] = give;
			remaining[j]! -= give;
			demand -= give;
		}
		if (demand > 1e-10) return undefined;
	}
	return shares;
}

/** The always-feasible filling: every member gets c·λ/m of every block. */
function equalShares(
	m: number,
	t: number,
	blocks: Int32Array[],
	lengths: number[]
): Float64Array[] {
	return blocks.map((counts, s) => new Float64Array(m).fill((counts[t]! * lengths[s]!) / m));
}

/**
 * McNaughton's wrap-around rule: seats are filled one after another along [0, length); a member
 * whose share overflows a seat continues at the start of the next. Because no share exceeds the
 * length, the two pieces of a wrapped member never overlap in time. Whole shares go first, so
 * they occupy seats alone and cause no cuts.
 */
function wrapAround(
	shares: Float64Array,
	length: number,
	members: number[]
): { start: number; end: number; member: number }[] {
	const order = Array.from(shares.keys())
		.filter((j) => shares[j]! > EPS)
		.sort((a, b) => Number(shares[a]! < length - EPS) - Number(shares[b]! < length - EPS) || a - b);
	const segments: { start: number; end: number; member: number }[] = [];
	let time = 0;
	for (const j of order) {
		let share = Math.min(shares[j]!, length);
		const member = members[j]!;
		if (time + share <= length + EPS) {
			segments.push({ start: time, end: Math.min(length, time + share), member });
			time += share;
			if (time >= length - EPS) time = 0;
		} else {
			const first = length - time;
			segments.push({ start: time, end: length, member });
			share -= first;
			segments.push({ start: 0, end: share, member });
			time = share;
		}
	}
	return segments;
}

/** Guards the realisation: every volunteer must get exactly the type's probability. */
function checkProbabilities(
	problem: PanelProblem,
	types: VolunteerTypes,
	distribution: PanelDistribution,
	blocks: Int32Array[],
	merged: Map<string, { panel: number[]; weight: number }>
): void {
	const expected = new Float64Array(types.count);
	blocks.forEach((counts, s) => {
		for (let t = 0; t < types.count; t++)
			expected[t]! += (distribution.weights[s]! * counts[t]!) / types.members[t]!.length;
	});
	const actual = new Float64Array(problem.n);
	for (const { panel, weight } of merged.values()) for (const i of panel) actual[i]! += weight;
	for (let i = 0; i < problem.n; i++)
		if (Math.abs(actual[i]! - expected[types.typeOf[i]!]!) > 1e-9)
			throw new Error('realising the distribution changed a probability');
}
