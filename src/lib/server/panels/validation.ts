/** What the panel forms accept. Messages are keys of the `panels.` catalogue. */
import { z } from 'zod';

const wholeNumber = (min: number, max: number, message: string) =>
	z
		.string()
		.trim()
		.regex(/^\d+$/, message)
		.transform(Number)
		.refine((n) => n >= min && n <= max, message);

/** A new panel. */
export const createPanelSchema = z.object({
	placeId: z.string().trim().min(1, 'panels.validation.place'),
	title: z.string().trim().min(1, 'panels.validation.title').max(200, 'panels.validation.tooLong'),
	question: z
		.string()
		.trim()
		.max(2000, 'panels.validation.tooLong')
		.optional()
		.transform((v) => (v ? v : null)),
	panelSize: wholeNumber(2, 500, 'panels.validation.panelSize'),
	isOnePerHousehold: z
		.string()
		.optional()
		.transform((v) => v === 'yes'),
	timeLimitSeconds: z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			if (!/^\d+$/.test(v) || Number(v) < 5 || Number(v) > 3600) {
				ctx.addIssue({ code: 'custom', message: 'panels.validation.timeLimit' });
				return z.NEVER;
			}
			return Number(v);
		})
});
export type CreatePanelInput = z.infer<typeof createPanelSchema>;

/** The day after which the pool's personal data is wiped. */
export const retentionSchema = z.object({
	retentionDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'panels.validation.retentionDate')
});
export type RetentionInput = z.infer<typeof retentionSchema>;

/** A seed for a selection run. */
export const seedSchema = z.object({
	seed: z.string().trim().min(1, 'panels.validation.seed').max(200, 'panels.validation.tooLong')
});

/** A member who has dropped out. */
export const dropoutSchema = z.object({
	number: wholeNumber(1, 1_000_000, 'panels.validation.member')
});

/**
 * `YYYY-MM-DD` from the GOV.UK day, month and year fields `<name>-day`, `-month`, `-year`, or ''
 * when a part is missing or the day does not exist (no 30 February).
 */
export function dateFromFields(values: Record<string, string | undefined>, name: string): string {
	const [d, m, y] = ['day', 'month', 'year'].map((part) =>
		(values[`${name}-${part}`] ?? '').trim()
	);
	if (!/^\d{1,2}$/.test(d!) || !/^\d{1,2}$/.test(m!) || !/^\d{4}$/.test(y!)) return '';
	const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
	const date = new Date(`${iso}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : '';
}
