/**
 * Replacing a panel member who drops out without breaking a quota: the candidates are the
 * volunteers not on the panel (and not dropped out) whose arrival, with the remaining members,
 * gives a panel that meets every quota (and the household rule), as the selection engine checks
 * it. The choice is fixed by public data only (see {@link replacementKey}): every volunteer's
 * place in the order of replacement follows from the lottery's SHA-256, the public seed and the
 * replacement's sequence number, so nobody can steer it once the seed is announced, and anyone
 * can recompute the order from the public record.
 */
import { buildProblem, panelViolations, sha256Hex, type Pool } from '../sortition/index';

/** The candidates, in pool order, who can take the place of the dropped-out member. */
export function replacementCandidates(options: {
	pool: Pool;
	k: number;
	/** Ids of the members who stay. */
	remaining: readonly string[];
	/** Ids who may not be chosen (dropped out, or already replaced). */
	excluded: ReadonlySet<string>;
	isOnePerHousehold?: boolean;
}): string[] {
	const { pool, k, remaining } = options;
	const problem = buildProblem(pool, k, { isOnePerHousehold: options.isOnePerHousehold ?? false });
	const indexOf = new Map(pool.people.map((p, i) => [p.id, i]));
	const staying = remaining.map((id) => indexOf.get(id)!);
	const onPanel = new Set(remaining);
	const candidates: string[] = [];
	pool.people.forEach((person, i) => {
		if (onPanel.has(person.id) || options.excluded.has(person.id)) return;
		if (panelViolations(problem, [...staying, i]).length === 0) candidates.push(person.id);
	});
	return candidates;
}

/** What a replacement draw depends on: all of it is on the public page. */
export type ReplacementDraw = {
	/** SHA-256 of the published lottery file. */
	lotterySha256: string;
	/** The public seed of the draw. */
	seed: string;
	/** 1 for the first replacement of the panel, 2 for the next, … */
	sequence: number;
};

/**
 * A volunteer's key for replacement `sequence`: the SHA-256 (hex) of the UTF-8 text
 * `<lottery SHA-256>:<seed>:replacement:<sequence>:<volunteer number>`. The candidate with the
 * smallest key is chosen, which is a uniform choice among the candidates.
 */
export function replacementKey(draw: ReplacementDraw, id: string): string {
	return sha256Hex(`${draw.lotterySha256}:${draw.seed}:replacement:${draw.sequence}:${id}`);
}

/** The candidate with the smallest {@link replacementKey}, or undefined when there is none. */
export function drawReplacement(
	candidates: readonly string[],
	draw: ReplacementDraw
): string | undefined {
	let best: { id: string; key: string } | undefined;
	for (const id of candidates) {
		const key = replacementKey(draw, id);
		if (!best || key < best.key) best = { id, key };
	}
	return best?.id;
}
