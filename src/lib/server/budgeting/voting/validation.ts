/**
 * What the voting forms accept. The ballot itself is read from the form by
 * {@link readBallotForm} and checked by the pure ballot rules (`core/budgeting/ballot.ts`);
 * zod checks the organiser's code batch form.
 */
import { z } from 'zod';
import type { BallotType } from '../../../core/budgeting/phases';
import type { SubmittedBallot } from '../../../core/budgeting/ballot';

/** An organiser planning a batch of voting codes. Messages are keys of `budgeting.vote.`. */
export const createCodeBatchSchema = z.object({
	processId: z.string().min(1),
	label: z
		.string()
		.trim()
		.min(1, 'budgeting.vote.codes.labelRequired')
		.max(120, 'budgeting.vote.codes.labelTooLong'),
	size: z
		.string()
		.trim()
		.regex(/^\d+$/, 'budgeting.vote.codes.sizeWhole')
		.transform(Number)
		.refine((n) => n >= 1 && n <= 50_000, 'budgeting.vote.codes.sizeRange'),
	placeId: z
		.string()
		.optional()
		.transform((v) => (v ? v : null))
});
export type CreateCodeBatchInput = z.infer<typeof createCodeBatchSchema>;

/** The fields of a ballot form besides the ballot. */
export type BallotFormExtras = {
	code: string;
	isAgeConfirmed: boolean;
	postcode: string;
	placeId: string;
};

/**
 * Reads a ballot form: ticked `projects` for approval and knapsack, `points-<id>` for
 * cumulative, `rank-<id>` for ranked; and the code, age declaration, postcode and (paper
 * ballots) neighbourhood. `values` is what was submitted, to show the form again as it was.
 */
export function readBallotForm(
	form: FormData,
	ballotType: BallotType,
	projectIds: readonly string[]
): {
	submitted: SubmittedBallot;
	extras: BallotFormExtras;
	values: Record<string, string | string[]>;
} {
	const text = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const values: Record<string, string | string[]> = {};
	const choices: SubmittedBallot['choices'] = [];
	if (ballotType === 'approval' || ballotType === 'knapsack') {
		const ticked = form.getAll('projects').filter((v): v is string => typeof v === 'string');
		values.projects = ticked;
		for (const projectId of ticked) choices.push({ projectId });
	} else {
		const prefix = ballotType === 'cumulative' ? 'points-' : 'rank-';
		for (const id of projectIds) {
			const raw = text(prefix + id).trim();
			values[prefix + id] = raw;
			if (raw === '') continue;
			choices.push({ projectId: id, value: /^-?\d+$/.test(raw) ? Number(raw) : NaN });
		}
	}
	const extras = {
		code: text('code').trim(),
		isAgeConfirmed: text('age') === 'yes',
		postcode: text('postcode').trim(),
		placeId: text('placeId')
	};
	values.code = extras.code;
	values.age = extras.isAgeConfirmed ? 'yes' : '';
	values.postcode = extras.postcode;
	values.placeId = extras.placeId;
	return { submitted: { choices }, extras, values };
}
