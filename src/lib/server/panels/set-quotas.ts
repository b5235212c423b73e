import { eq } from 'drizzle-orm';
import { checkQuotas } from '../../core/panels/index';
import type { Quota } from '../../core/sortition/index';
import type { Executor } from '../db/client';
import { recordAudit } from '../platform/audit';
import { DomainError } from '../platform/errors';
import type { Actor } from '../platform/permissions';
import { requireManagedPanel } from './queries';
import { panelsPanels } from './schema';

/**
 * The organiser sets the minimum and maximum for every feature value of the pool. The quotas
 * are checked against the pool and panel size; each problem is reported on its value's fields
 * (`min-<index>`, in the order of the panel's stored quotas).
 */
export async function setQuotas(
	db: Executor,
	actor: Actor,
	input: { panelId: string; quotas: { min: number; max: number }[] }
): Promise<void> {
	await db.transaction(async (tx) => {
		const panel = await requireManagedPanel(tx, actor, input.panelId);
		if (panel.status !== 'draft')
			throw new DomainError(
				'conflict',
				'The lottery has been published; the quotas can no longer change.'
			);
		if (!panel.poolCounts || input.quotas.length !== panel.quotas.length)
			throw new DomainError('invalid', 'Import the pool before setting quotas.');
		const quotas: Quota[] = panel.quotas.map((q, i) => ({
			category: q.category,
			value: q.value,
			min: input.quotas[i]!.min,
			max: input.quotas[i]!.max
		}));
		const problems = checkQuotas(quotas, panel.poolCounts, panel.panelSize);
		if (problems.length > 0) {
			const fieldOf = (p: (typeof problems)[number]) => {
				const i = quotas.findIndex(
					(q) => q.category === p.category && (p.value === undefined || q.value === p.value)
				);
				return `min-${Math.max(i, 0)}`;
			};
			throw new DomainError(
				'invalid',
				'The quotas need correcting.',
				problems.map((p) => ({ field: fieldOf(p), message: p.message }))
			);
		}
		const isChanged = quotas.some(
			(q, i) => q.min !== panel.quotas[i]!.min || q.max !== panel.quotas[i]!.max
		);
		await tx
			.update(panelsPanels)
			.set({
				quotas,
				quotaSource: isChanged ? 'organiser' : panel.quotaSource,
				updatedAt: new Date()
			})
			.where(eq(panelsPanels.id, panel.id));
		await recordAudit(tx, actor, {
			action: 'panel.quotas_set',
			placeId: panel.placeId,
			subjectType: 'panel',
			subjectId: panel.id,
			details: { quotas: quotas.map((q) => `${q.category}: ${q.value} ${q.min}–${q.max}`) }
		});
	});
}
