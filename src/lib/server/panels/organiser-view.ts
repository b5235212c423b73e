/**
 * Everything the organiser's pages show about one panel, for `panel.manage` only: the pool
 * summary, quotas, selection runs with progress, the review of probabilities (who is least
 * likely and why), members and replacements.
 */
import { asc, eq } from 'drizzle-orm';
import {
	explainLeastLikely,
	suggestQuotas,
	type ProbabilityExplanation,
	type SuggestedQuota
} from '../../core/panels/index';
import type { Executor } from '../db/client';
import type { Actor } from '../platform/permissions';
import { censusShares } from './census';
import { findPlace } from './places';
import {
	listSelections,
	listVolunteers,
	poolOf,
	requireManagedPanel,
	type PanelRecord,
	type SelectionRecord,
	type VolunteerRecord
} from './queries';
import { panelsReplacements } from './schema';
import { drawCommand, featuresCsv, peopleCsv, rerunCommand } from './pool-files';

/** The organiser's view of a panel. */
export type OrganiserPanel = {
	panel: PanelRecord;
	volunteers: VolunteerRecord[];
	selections: SelectionRecord[];
	/** The latest finished run, for the review. */
	latest: SelectionRecord | undefined;
	leastLikely: ProbabilityExplanation[];
	/** Suggested quotas with their shares and sources, for the quotas page. */
	suggested: SuggestedQuota[];
	replacements: (typeof panelsReplacements.$inferSelect)[];
	/** How an observer rebuilds the lottery and draws, once the lottery is published. */
	rerun: { select: string; draw: string | null } | null;
};

/** Loads the organiser's view, checking `panel.manage` on the panel's place. */
export async function getOrganiserPanel(
	db: Executor,
	actor: Actor,
	panelId: string,
	options: { leastLikely?: number } = {}
): Promise<OrganiserPanel> {
	const panel = await requireManagedPanel(db, actor, panelId);
	const volunteers = await listVolunteers(db, panel.id);
	const selections = await listSelections(db, panel.id);
	const latest = selections.find((s) => s.status === 'done' || s.status === 'infeasible');
	const probabilities = new Map<number, number>(
		(latest?.result?.probabilities ?? []).map(([number, p]) => [number, p])
	);
	const leastLikely =
		latest?.result && panel.poolCounts && !panel.anonymisedAt
			? explainLeastLikely({
					people: volunteers.map((v) => ({ number: v.number, features: v.features })),
					probabilities,
					quotas: panel.quotas,
					counts: panel.poolCounts,
					k: panel.panelSize,
					limit: options.leastLikely ?? 10
				})
			: [];
	const place = await findPlace(db, panel.placeId);
	const suggested = panel.poolCounts
		? suggestQuotas({
				counts: panel.poolCounts,
				k: panel.panelSize,
				census: censusShares({
					onsCode: place?.onsCode ?? null,
					values: Object.fromEntries(
						Object.entries(panel.poolCounts).map(([c, v]) => [c, Object.keys(v)])
					)
				})
			})
		: [];
	const replacements = await db
		.select()
		.from(panelsReplacements)
		.where(eq(panelsReplacements.panelId, panel.id))
		.orderBy(asc(panelsReplacements.sequence));
	return {
		panel,
		volunteers,
		selections,
		latest,
		leastLikely,
		suggested,
		replacements,
		rerun:
			panel.status !== 'draft'
				? {
						select: rerunCommand({
							panelSize: panel.panelSize,
							isOnePerHousehold: panel.isOnePerHousehold,
							timeLimitSeconds: panel.timeLimitSeconds
						}),
						draw: panel.seed ? drawCommand({ seed: panel.seed }) : null
					}
				: null
	};
}

/**
 * The two files of a re-run (`people.csv` with numbers and features, `features.csv` with the
 * quotas), for the panel's organisers only: features are personal data and are never public.
 * Holding them before the draw gives no advantage: the lottery they rebuild is published before
 * the seed is announced, and the seed alone decides the ticket (decision 0010).
 */
export async function getRerunFiles(
	db: Executor,
	actor: Actor,
	panelId: string
): Promise<{ people: string; features: string }> {
	const panel = await requireManagedPanel(db, actor, panelId);
	const pool = poolOf(panel, await listVolunteers(db, panel.id));
	return {
		people: peopleCsv(pool, { isOnePerHousehold: panel.isOnePerHousehold }),
		features: featuresCsv(pool)
	};
}
