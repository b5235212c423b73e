/**
 * Selects a citizens' panel end to end: a fair distribution over panels (LEXIMIN, MAXIMIN or, for
 * comparison, LEGACY), its rounding to a lottery of 1,000 tickets, and, given the public seed,
 * the draw of one ticket; or, when the quotas admit no panel, the smallest quota relaxation.
 *
 * The lottery does not depend on the seed: its only randomness (LEGACY's panels, the rounding of
 * remainders) is seeded with the inputs' SHA-256, so the lottery can be published and frozen
 * before the seed is announced, and the ticket is then {@link drawTicket} of the seed and the
 * lottery file's SHA-256, which anyone can recompute from the published file alone. The result
 * carries everything needed to re-run it: method, sizes, time limit, engine version and the
 * inputs' SHA-256.
 */
import {
	DeadlineError,
	findFairDistribution,
	InfeasibleQuotasError,
	probabilitiesOf
} from './leximin';
import { legacyDistribution } from './legacy';
import { drawTicket, lotteryProbabilities, roundToLottery, type Lottery } from './lottery';
import { formatLotteryCsv, membersOfTicket, type PublishedLottery } from './lottery-file';
import { buildProblem } from './problem';
import { createRandom } from './random';
import { suggestRelaxation, type RelaxationSuggestion } from './relaxation';
import { sha256Hex } from './sha256';
import type { Solver } from './solver';
import type {
	PanelDistribution,
	PanelProblem,
	Pool,
	SelectionMethod,
	SelectionProgress
} from './types';

/** Options of {@link selectPanel}. */
export type SelectPanelOptions = {
	pool: Pool;
	/** Panel size. */
	k: number;
	method: SelectionMethod;
	/**
	 * The public seed, announced after the lottery is published. Without it the lottery is built
	 * but nothing is drawn; it never changes the lottery.
	 */
	seed?: string;
	solver: Solver;
	isOnePerHousehold?: boolean;
	/** Number of equally likely tickets in the published lottery (default 1,000). */
	lotterySize?: number;
	/** Recorded in the re-run record (the command line passes package.json's version). */
	engineVersion?: string;
	/** Milliseconds from any origin (the core has no clock); needed for `timeLimitSeconds`. */
	now?: () => number;
	/** After this many seconds LEXIMIN stops and falls back to MAXIMIN (noted in the result). */
	timeLimitSeconds?: number;
	onProgress?: (progress: SelectionProgress) => void;
};

/** One volunteer's chance of selection. */
export type VolunteerProbability = {
	id: string;
	/** Under the optimal distribution. */
	probability: number;
	/** Under the published lottery (tickets naming the volunteer / lottery size). */
	lotteryProbability: number;
};

/** What a re-run needs, with a fingerprint of the inputs to check they are the same. */
export type RerunRecord = {
	/** The public seed of the draw, or null when only the lottery was built. */
	seed: string | null;
	method: SelectionMethod;
	k: number;
	isOnePerHousehold: boolean;
	lotterySize: number;
	/** LEXIMIN's time limit; with one, a re-run may stop elsewhere and build another lottery. */
	timeLimitSeconds: number | null;
	/** SHA-256 of the pool and quotas in a canonical form; also seeds the lottery's rounding. */
	inputsHash: string;
	solver: string;
	/** Version of the engine that ran (package.json), or 'unknown'. */
	engineVersion: string;
};

/** A selected panel with its lottery and probabilities. */
export type PanelSelection = {
	status: 'selected';
	/** The method asked for. */
	method: SelectionMethod;
	/** What was achieved: may be 'maximin' when LEXIMIN ran out of time or failed. */
	methodUsed: SelectionMethod | 'maximin (unproven)';
	probabilities: VolunteerProbability[];
	minProbability: number;
	lottery: PublishedLottery & {
		maxDeviation: number;
		/** SHA-256 of the lottery file ({@link formatLotteryCsv}), which the draw uses. */
		sha256: string;
	};
	/** The ticket drawn with the seed and the members it names; absent without a seed. */
	drawn?: { ticket: number; members: string[] };
	rerun: RerunRecord;
	notes: string[];
	stats: { stages: number; oracleCalls: number; distributionPanels: number };
};

/** The quotas admit no panel; `relaxation` suggests the smallest change. */
export type InfeasibleSelection = {
	status: 'infeasible';
	relaxation: RelaxationSuggestion;
	rerun: RerunRecord;
	notes: string[];
};

/** Result of {@link selectPanel}. */
export type SelectPanelResult = PanelSelection | InfeasibleSelection;

/** SHA-256 of the pool, quotas and panel rules in a canonical JSON form. */
export function hashInputs(pool: Pool, k: number, isOnePerHousehold: boolean): string {
	const canonical = {
		k,
		isOnePerHousehold,
		categories: pool.categories,
		quotas: pool.quotas.map((q) => [
			q.category,
			q.value,
			q.min,
			q.max,
			q.minFlex ?? null,
			q.maxFlex ?? null
		]),
		people: pool.people.map((p) => [
			p.id,
			...pool.categories.map((c) => p.features[c] ?? ''),
			isOnePerHousehold ? (p.household ?? null) : null
		])
	};
	return sha256Hex(JSON.stringify(canonical));
}

/**
 * Runs a selection (see the module comment). Solver failures are retried inside each method; if
 * a method still fails, the next simpler one is tried (LEXIMIN → MAXIMIN → LEGACY) and a note
 * says so. Throws only on invalid options (RangeError).
 */
export function selectPanel(options: SelectPanelOptions): SelectPanelResult {
	const { pool, k, method, seed, solver } = options;
	const isOnePerHousehold = options.isOnePerHousehold ?? false;
	const lotterySize = options.lotterySize ?? 1000;
	if (!Number.isInteger(lotterySize) || lotterySize < 1)
		throw new RangeError('the lottery size must be a positive whole number');
	if (options.timeLimitSeconds !== undefined && !options.now)
		throw new RangeError('a time limit needs a now() function');
	const problem = buildProblem(pool, k, { isOnePerHousehold });
	const inputsHash = hashInputs(pool, k, isOnePerHousehold);
	const rerun: RerunRecord = {
		seed: seed ?? null,
		method,
		k,
		isOnePerHousehold,
		lotterySize,
		timeLimitSeconds: options.timeLimitSeconds ?? null,
		inputsHash,
		solver: solver.name,
		engineVersion: options.engineVersion ?? 'unknown'
	};
	const notes: string[] = [];
	const now = options.now;
	const deadline =
		now && options.timeLimitSeconds !== undefined
			? now() + options.timeLimitSeconds * 1000
			: undefined;

	let distribution: PanelDistribution | undefined;
	let methodUsed: PanelSelection['methodUsed'] = method;
	let stats = { stages: 0, oracleCalls: 0 };
	const chain: SelectionMethod[] =
		method === 'leximin'
			? ['leximin', 'maximin', 'legacy']
			: method === 'maximin'
				? ['maximin', 'legacy']
				: ['legacy'];
	for (const [position, attempt] of chain.entries()) {
		try {
			if (attempt === 'legacy') {
				// Seeded by the inputs, not the public seed, so the lottery exists before the seed.
				distribution = legacyDistribution(
					problem,
					createRandom(`${inputsHash}:legacy`),
					lotterySize
				);
				if (!distribution) {
					notes.push('LEGACY hit a dead end in every attempt.');
					break;
				}
				methodUsed = 'legacy';
				if (method === 'legacy')
					notes.push(
						'LEGACY is for comparison only: its probabilities are estimated from the lottery of independent greedy panels, and some volunteers get almost no chance.'
					);
				break;
			}
			const fair = findFairDistribution({
				problem,
				solver,
				objective: attempt,
				...(now ? { now } : {}),
				...(deadline !== undefined ? { deadline } : {}),
				...(options.onProgress ? { onProgress: options.onProgress } : {})
			});
			distribution = fair.distribution;
			notes.push(...fair.notes);
			methodUsed = fair.achieved === 'unproven' ? 'maximin (unproven)' : fair.achieved;
			stats = { stages: fair.stages, oracleCalls: fair.oracleCalls };
			break;
		} catch (error) {
			if (error instanceof InfeasibleQuotasError) {
				return {
					status: 'infeasible',
					relaxation: suggestRelaxation(pool, problem, solver),
					rerun,
					notes: ['No panel meets every quota.']
				};
			}
			if (error instanceof DeadlineError) {
				const next = chain[position + 1];
				notes.push(
					`The time limit passed before ${attempt.toUpperCase()} had a fair distribution; ${next ? `falling back to ${next.toUpperCase()}` : 'no method is left to try'}.`
				);
				continue;
			}
			notes.push(
				`${attempt.toUpperCase()} failed (${error instanceof Error ? error.message : String(error)}); trying the next method.`
			);
		}
	}
	if (!distribution) {
		// Only reachable when LEGACY cannot find panels either; the oracle then decides feasibility.
		return {
			status: 'infeasible',
			relaxation: suggestRelaxation(pool, problem, solver),
			rerun,
			notes
		};
	}
	if (deadline !== undefined && methodUsed !== method && methodUsed !== 'legacy') {
		// Where the run stopped depends on the machine's speed, so the lottery may differ next time.
		notes.push(
			'The time limit shaped this lottery: a re-run reproduces the draw only if it stops at the same point; without a time limit every re-run is identical.'
		);
	}
	options.onProgress?.({
		method,
		phase: 'lottery',
		message: `rounding to a lottery of ${lotterySize} tickets`
	});
	const lottery = roundToLottery(distribution, lotterySize, createRandom(`${inputsHash}:round`));
	return buildSelection({
		pool,
		problem,
		method,
		methodUsed,
		distribution,
		lottery,
		...(seed !== undefined ? { seed } : {}),
		rerun,
		notes,
		stats
	});
}

function buildSelection(input: {
	pool: Pool;
	problem: PanelProblem;
	method: SelectionMethod;
	methodUsed: PanelSelection['methodUsed'];
	distribution: PanelDistribution;
	lottery: Lottery;
	seed?: string;
	rerun: RerunRecord;
	notes: string[];
	stats: { stages: number; oracleCalls: number };
}): PanelSelection {
	const { pool, problem, lottery } = input;
	const exact = probabilitiesOf(problem, input.distribution);
	const rounded = lotteryProbabilities(lottery, problem.n);
	const ids = pool.people.map((p) => p.id);
	let maxDeviation = 0;
	exact.forEach((p, i) => (maxDeviation = Math.max(maxDeviation, Math.abs(p - rounded[i]!))));
	const published: PublishedLottery = {
		size: lottery.size,
		panels: lottery.panels.map((e) => ({
			firstTicket: e.firstTicket,
			tickets: e.tickets,
			members: e.panel.map((i) => ids[i]!)
		}))
	};
	const sha256 = sha256Hex(formatLotteryCsv(published));
	let drawn: PanelSelection['drawn'];
	if (input.seed !== undefined) {
		const ticket = drawTicket({ lotterySha256: sha256, seed: input.seed, size: lottery.size });
		drawn = { ticket, members: membersOfTicket(published, ticket) };
	}
	return {
		status: 'selected',
		method: input.method,
		methodUsed: input.methodUsed,
		probabilities: ids.map((id, i) => ({
			id,
			probability: exact[i]!,
			lotteryProbability: rounded[i]!
		})),
		minProbability: Math.min(...exact),
		lottery: { ...published, maxDeviation, sha256 },
		...(drawn ? { drawn } : {}),
		rerun: input.rerun,
		notes: input.notes,
		stats: { ...input.stats, distributionPanels: input.distribution.panels.length }
	};
}
