/**
 * The audit log: an append-only record of every privileged action (who, what, when, where).
 * There is deliberately no update or delete function, and the database refuses both (see the
 * migration `audit-log-append-only`).
 */
import { and, count, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { actorId, actorLabel, requireCan, type Actor } from './permissions';
import { platformAuditLog, platformPlaces } from './schema';

/** What happened. */
export type AuditEntryInput = {
	action: string;
	placeId?: string | null;
	subjectType?: string;
	subjectId?: string;
	details?: Record<string, unknown>;
};

/** Appends one entry. Call it in the same transaction as the action it records. */
export async function recordAudit(
	db: Executor,
	actor: Actor,
	entry: AuditEntryInput
): Promise<void> {
	await db.insert(platformAuditLog).values({
		actorId: actorId(actor),
		actorLabel: actorLabel(actor),
		action: entry.action,
		placeId: entry.placeId ?? null,
		subjectType: entry.subjectType ?? null,
		subjectId: entry.subjectId ?? null,
		details: entry.details ?? {}
	});
}

/** One page of audit entries. */
export type AuditPage = {
	entries: (typeof platformAuditLog.$inferSelect & { placeName: string | null })[];
	total: number;
	page: number;
	pageSize: number;
};

/**
 * Audit entries for a place and the places below it, newest first. Needs `audit.view` there.
 */
export async function listAudit(
	db: Executor,
	actor: Actor,
	options: { place: { id: string; path: string }; page?: number; pageSize?: number }
): Promise<AuditPage> {
	requireCan(actor, 'audit.view', options.place);
	const pageSize = Math.min(options.pageSize ?? 50, 200);
	const page = Math.max(options.page ?? 1, 1);
	const within = db
		.select({ id: platformPlaces.id })
		.from(platformPlaces)
		.where(
			or(
				eq(platformPlaces.path, options.place.path),
				sql`starts_with(${platformPlaces.path}, ${options.place.path + '/'})`
			)
		);
	const where = inArray(platformAuditLog.placeId, within);
	const [totalRow] = await db.select({ n: count() }).from(platformAuditLog).where(and(where));
	const entries = await db
		.select({
			id: platformAuditLog.id,
			at: platformAuditLog.at,
			actorId: platformAuditLog.actorId,
			actorLabel: platformAuditLog.actorLabel,
			action: platformAuditLog.action,
			placeId: platformAuditLog.placeId,
			subjectType: platformAuditLog.subjectType,
			subjectId: platformAuditLog.subjectId,
			details: platformAuditLog.details,
			placeName: platformPlaces.name
		})
		.from(platformAuditLog)
		.leftJoin(platformPlaces, eq(platformPlaces.id, platformAuditLog.placeId))
		.where(where)
		.orderBy(desc(platformAuditLog.id))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	return { entries, total: totalRow?.n ?? 0, page, pageSize };
}
