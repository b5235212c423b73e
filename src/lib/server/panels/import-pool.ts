import { eq } from 'drizzle-orm';
import {
	countPool,
	readVolunteers,
	suggestQuotas,
	type VolunteerRowProblem
} from '../../core/panels/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import { newId } from '../platform/ids';
import type { Actor } from '../platform/permissions';
import { censusShares } from './census';
import { findPlace } from './places';
import { requireManagedPanel } from './queries';
import { panelsPanels, panelsVolunteers, type QuotaSource } from './schema';

/** What an import did, or why it did nothing. */
export type PoolImportReport = {
	rowsRead: number;
	imported: number;
	problems: VolunteerRowProblem[];
	categories: string[];
};

/**
 * Imports the pool of volunteers from the organiser's CSV, replacing any earlier pool, until the
 * draw. All or nothing: when any row has a problem nothing is imported and every problem is
 * reported by line, so the organiser fixes the file and uploads it again. The quotas are then
 * suggested afresh (see {@link suggestPanelQuotas}).
 */
export async function importPool(
	db: Executor,
	actor: Actor,
	input: { panelId: string; csv: string; censusDir?: string }
): Promise<PoolImportReport> {
	return db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		if (panel.status !== 'draft')
			throw new DomainError(
				'conflict',
				'The lottery has been published; the pool can no longer change.'
			);
		const file = readVolunteers(input.csv);
		const report = {
			rowsRead: file.rowsRead,
			imported: 0,
			problems: file.problems,
			categories: file.categories
		};
		if (file.problems.length > 0) return report;
		if (file.volunteers.length < panel.panelSize)
			return {
				...report,
				problems: [
					{
						line: 1,
						message: `The file has ${file.volunteers.length} volunteers, fewer than the panel size of ${panel.panelSize}.`
					}
				]
			};
		await tx.delete(panelsVolunteers).where(eq(panelsVolunteers.panelId, panel.id));
		const rows = file.volunteers.map((v, i) => ({
			id: newId(),
			panelId: panel.id,
			number: i + 1,
			name: v.name,
			email: v.email,
			phone: v.phone,
			household: v.household,
			features: v.features
		}));
		for (let i = 0; i < rows.length; i += 500)
			await tx.insert(panelsVolunteers).values(rows.slice(i, i + 500));
		const counts = countPool(file.categories, file.volunteers);
		const place = await findPlace(tx, panel.placeId);
		const suggestion = suggestPanelQuotas({
			counts,
			k: panel.panelSize,
			onsCode: place?.onsCode ?? null,
			...(input.censusDir ? { censusDir: input.censusDir } : {})
		});
		await tx
			.update(panelsPanels)
			.set({
				categories: file.categories,
				poolCounts: counts,
				poolSize: rows.length,
				quotas: suggestion.quotas,
				quotaSource: suggestion.source,
				updatedAt: new Date()
			})
			.where(eq(panelsPanels.id, panel.id));
		await recordAudit(tx, actor, {
			action: 'panel.pool_import',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			// Counts only: the pool's personal data never goes into the audit log.
			details: {
				volunteers: rows.length,
				features: file.categories,
				quotaSource: suggestion.source
			}
		});
		return { ...report, imported: rows.length };
	});
}

/**
 * Quotas suggested for a pool: from census shares for the features the census covers in the
 * place, from the pool's own shares for the rest; `source` says which.
 */
export function suggestPanelQuotas(options: {
	counts: Record<string, Record<string, number>>;
	k: number;
	onsCode: string | null;
	censusDir?: string;
}) {
	const census = censusShares({
		onsCode: options.onsCode,
		values: Object.fromEntries(Object.entries(options.counts).map(([c, v]) => [c, Object.keys(v)])),
		...(options.censusDir ? { dir: options.censusDir } : {})
	});
	const suggested = suggestQuotas({ counts: options.counts, k: options.k, census });
	const sources = new Set(suggested.map((q) => q.source));
	const source: QuotaSource =
		sources.size > 1 ? 'mixed' : sources.has('census') ? 'census' : 'pool';
	return {
		quotas: suggested.map(({ category, value, min, max }) => ({ category, value, min, max })),
		suggested,
		source
	};
}
