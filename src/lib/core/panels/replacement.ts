/**
 * Replacing a panel member who drops out without breaking a quota: the candidates are the
 * volunteers not on the panel (and not dropped out) whose arrival, with the remaining members,
 * gives a panel that meets every quota (and the household rule), as the selection engine checks
 * it. One candidate is drawn with a seed derived from the published seed, so anyone holding the
 * pool can re-run the choice.
 */
import { buildProblem, createRandom, panelViolations, type Pool } from '../sortition/index';

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

/** Draws one of the candidates with the seed `<seed>:replacement:<n>` (n counts replacements). */
export function drawReplacement(
	candidates: readonly string[],
	seed: string,
	replacementNumber: number
): string | undefined {
	if (candidates.length === 0) return undefined;
	const random = createRandom(`${seed}:replacement:${replacementNumber}`);
	return candidates[random.int(candidates.length)];
}
