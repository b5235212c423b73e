/**
 * What the process forms accept. Messages are keys of the `budgeting.process.` catalogue. Money
 * is typed in pounds and kept in pence; phase dates are typed as UK calendar days (see
 * `dates.ts`).
 */
import { z } from 'zod';
import { parsePounds } from '../../../core/budgeting/money';
import {
	ballotTypes,
	countingRules,
	phaseDateProblems,
	type Phase,
	type PhaseDates
} from '../../../core/budgeting/phases';
import { nextDay, ukMidnight } from './dates';

/** The phase date fields, in order. `votingClosesAt` is typed as the last day of voting. */
export const phaseDateFields = [
	'ideasOpensAt',
	'reviewOpensAt',
	'votingOpensAt',
	'votingClosesAt',
	'resultsAt',
	'deliveryAt'
] as const satisfies readonly (keyof PhaseDates)[];

function isRealDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Each phase date as one value from its day, month and year boxes (`<name>-day`…): `YYYY-MM-DD`,
 * '' when all three are blank, or what was typed when it is not a real date (the schema then
 * says so). The boxes themselves are kept, so the form shows them again as typed.
 */
export function withPhaseDates(values: Record<string, string>): Record<string, string> {
	const out = { ...values };
	for (const name of phaseDateFields) {
		const [d, m, y] = ['day', 'month', 'year'].map((p) => (values[`${name}-${p}`] ?? '').trim());
		if (!d && !m && !y) {
			out[name] = '';
			continue;
		}
		const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
		out[name] = /^\d{1,2}$/.test(d!) && /^\d{1,2}$/.test(m!) && /^\d{4}$/.test(y!) ? iso : 'x';
	}
	return out;
}

const text = (max: number, required?: string) => {
	const base = z.string().trim().max(max, 'budgeting.process.validation.tooLong');
	return required ? base.min(1, required) : base;
};

/** A whole number in a range, or null when blank. */
const optionalCount = (min: number, max: number, message: string) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const n = /^\d+$/.test(v) ? Number(v) : NaN;
			if (!Number.isInteger(n) || n < min || n > max) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});

const phaseDay = z
	.string()
	.trim()
	.optional()
	.transform((v, ctx) => {
		if (!v) return null;
		if (!isRealDay(v)) {
			ctx.addIssue({ code: 'custom', message: 'budgeting.process.validation.date' });
			return z.NEVER;
		}
		return v;
	});

const checkbox = z
	.union([z.literal('yes'), z.literal('')])
	.optional()
	.transform((v) => v === 'yes');

const processFields = {
	placeId: z.string().trim().min(1, 'budgeting.process.validation.place'),
	title: text(200, 'budgeting.process.validation.titleRequired'),
	description: text(8000),
	budget: z
		.string()
		.trim()
		.transform((v, ctx) => {
			const pence = v ? parsePounds(v) : null;
			if (pence === null || pence <= 0) {
				ctx.addIssue({
					code: 'custom',
					message: v
						? 'budgeting.process.validation.budget'
						: 'budgeting.process.validation.budgetRequired'
				});
				return z.NEVER;
			}
			return pence;
		}),
	ballotType: z.enum(ballotTypes, 'budgeting.process.validation.ballotType'),
	maxChoices: optionalCount(1, 1000, 'budgeting.process.validation.maxChoices'),
	minProjects: optionalCount(0, 1000, 'budgeting.process.validation.minProjects'),
	maxProjects: optionalCount(1, 1000, 'budgeting.process.validation.maxProjects'),
	totalPoints: optionalCount(1, 10_000, 'budgeting.process.validation.totalPoints'),
	maxPointsPerProject: optionalCount(1, 10_000, 'budgeting.process.validation.maxPointsPerProject'),
	countingRule: z.enum(countingRules, 'budgeting.process.validation.countingRule'),
	allowAccounts: checkbox,
	allowCodes: checkbox,
	minAge: optionalCount(1, 120, 'budgeting.process.validation.minAge'),
	postcodeDistricts: z
		.string()
		.optional()
		.transform((v, ctx) => {
			const districts = [
				...new Set(
					(v ?? '')
						.toUpperCase()
						.split(/[\s,;]+/)
						.filter(Boolean)
				)
			];
			if (districts.some((d) => !/^[A-Z]{1,2}\d[A-Z\d]?$/.test(d))) {
				ctx.addIssue({ code: 'custom', message: 'budgeting.process.validation.postcodeDistricts' });
				return z.NEVER;
			}
			return districts;
		}),
	ideasOpensAt: phaseDay,
	reviewOpensAt: phaseDay,
	votingOpensAt: phaseDay,
	votingClosesAt: phaseDay,
	resultsAt: phaseDay,
	deliveryAt: phaseDay
};

type Raw = z.infer<z.ZodObject<typeof processFields>>;

/** The settings of a process as stored: pence, instants, and only the limits of its ballot type. */
function toSettings(raw: Raw, ctx: z.RefinementCtx) {
	const issue = (path: string, message: string) =>
		ctx.addIssue({ code: 'custom', message, path: [path] });
	const type = raw.ballotType;
	const choosesUpTo = type === 'approval' || type === 'ranked';
	if (choosesUpTo && raw.maxChoices === null)
		issue('maxChoices', 'budgeting.process.validation.maxChoicesRequired');
	if (
		type === 'knapsack' &&
		raw.minProjects !== null &&
		raw.maxProjects !== null &&
		raw.minProjects > raw.maxProjects
	)
		issue('maxProjects', 'budgeting.process.validation.minAboveMax');
	if (type === 'cumulative') {
		if (raw.totalPoints === null)
			issue('totalPoints', 'budgeting.process.validation.totalPointsRequired');
		else if (raw.maxPointsPerProject !== null && raw.maxPointsPerProject > raw.totalPoints)
			issue('maxPointsPerProject', 'budgeting.process.validation.maxPointsAboveTotal');
	}
	if (!raw.allowAccounts && !raw.allowCodes)
		issue('allowAccounts', 'budgeting.process.validation.eligibility');
	const dates: PhaseDates = {
		ideasOpensAt: raw.ideasOpensAt ? ukMidnight(raw.ideasOpensAt) : null,
		reviewOpensAt: raw.reviewOpensAt ? ukMidnight(raw.reviewOpensAt) : null,
		votingOpensAt: raw.votingOpensAt ? ukMidnight(raw.votingOpensAt) : null,
		// The last day of voting: voting closes when it ends.
		votingClosesAt: raw.votingClosesAt ? ukMidnight(nextDay(raw.votingClosesAt)) : null,
		resultsAt: raw.resultsAt ? ukMidnight(raw.resultsAt) : null,
		deliveryAt: raw.deliveryAt ? ukMidnight(raw.deliveryAt) : null
	};
	for (const problem of phaseDateProblems(dates))
		issue(
			problem.field,
			problem.field === 'votingClosesAt' && !dates.votingClosesAt
				? 'budgeting.process.validation.votingClosesRequired'
				: `budgeting.process.validation.order.${problem.field}`
		);
	if (dates.votingOpensAt && dates.votingClosesAt && dates.votingClosesAt <= dates.votingOpensAt)
		issue('votingClosesAt', 'budgeting.process.validation.order.votingClosesAt');
	return {
		placeId: raw.placeId,
		title: raw.title,
		description: raw.description,
		budgetPence: raw.budget,
		ballotType: type,
		maxChoices: choosesUpTo ? raw.maxChoices : null,
		minProjects: type === 'knapsack' ? raw.minProjects : null,
		maxProjects: type === 'knapsack' ? raw.maxProjects : null,
		totalPoints: type === 'cumulative' ? raw.totalPoints : null,
		maxPointsPerProject: type === 'cumulative' ? raw.maxPointsPerProject : null,
		countingRule: raw.countingRule,
		allowAccounts: raw.allowAccounts,
		allowCodes: raw.allowCodes,
		minAge: raw.minAge,
		postcodeDistricts: raw.postcodeDistricts,
		...dates
	};
}

/** An organiser setting up a process (its form, with each phase date as one `YYYY-MM-DD`). */
export const createProcessSchema = z.object(processFields).transform(toSettings);
export type CreateProcessInput = z.infer<typeof createProcessSchema>;

/** An organiser changing a process's settings. */
export const updateProcessSchema = z
	.object({
		processId: z.string().trim().min(1, 'budgeting.process.validation.process'),
		...processFields
	})
	.transform((raw, ctx) => ({ processId: raw.processId, ...toSettings(raw, ctx) }));
export type UpdateProcessInput = z.infer<typeof updateProcessSchema>;

/**
 * Phases an organiser may move a process to by hand. Results come from closing voting (which
 * counts); delivery follows the results.
 */
export const movablePhases = ['ideas', 'review', 'voting', 'delivery'] as const;
export type MovablePhase = (typeof movablePhases)[number];

/**
 * Where a process in phase `from` may be moved by hand. Before voting closes, among ideas,
 * review and voting (back as well as forward); once voting has closed, only on to delivery (when
 * the result is counted), so a vote can never be reopened.
 */
export function phasesMovableFrom(from: Phase): MovablePhase[] {
	if (from === 'counting' || from === 'results') return ['delivery'];
	if (from === 'delivery') return [];
	return movablePhases.filter((p) => p !== 'delivery' && p !== from);
}

/** An organiser moving a process to a phase now. */
export const movePhaseSchema = z.object({
	processId: z.string().trim().min(1, 'budgeting.process.validation.process'),
	phase: z.enum(movablePhases, 'budgeting.process.validation.phase')
});
export type MovePhaseInput = z.infer<typeof movePhaseSchema>;
