/**
 * Reading processes. A published process is public; a draft is seen only by the people who run
 * processes in its place (organisers, officers, admins). A draft looks the same as a process
 * that does not exist to everybody else.
 */
import { and, count, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { currentPhase, type Phase } from '../../../core/budgeting/phases';
import { DomainError } from '../../platform/errors';
import { can, type Actor } from '../../platform/permissions';
import { listManagedPlaces } from '../../platform/roles/queries';
import { pageOptions, toPage, withinPathCondition, type Page } from '../../platform/places/queries';
import { platformPlaces } from '../../platform/schema';
import { budgetingProcesses } from '../schema';

/** A process as stored. */
export type Process = typeof budgetingProcesses.$inferSelect;

/** The place a process is on. */
export type ProcessPlace = { id: string; path: string; name: string; slug: string; level: string };

/** A process with its place, its phase now and what the actor may do with it. */
export type ProcessDetail = Process & {
	place: ProcessPlace;
	phase: Phase;
	canManage: boolean;
	canModerate: boolean;
	canReview: boolean;
};

/** A line in a list of processes. */
export type ProcessSummary = Pick<
	Process,
	'id' | 'title' | 'budgetPence' | 'status' | 'placeId' | 'votingClosesAt' | 'updatedAt'
> &
	Pick<Process, 'ideasOpensAt' | 'reviewOpensAt' | 'votingOpensAt' | 'resultsAt' | 'deliveryAt'> & {
		placeName: string;
		phase: Phase;
	};

const placeColumns = {
	id: platformPlaces.id,
	path: platformPlaces.path,
	name: platformPlaces.name,
	slug: platformPlaces.slug,
	level: platformPlaces.level
};

/** True when the actor may see drafts and the admin pages of processes in this place. */
export function canSeeDrafts(actor: Actor, place: { path: string }): boolean {
	return can(actor, 'budgeting.review', place);
}

/**
 * The process with its place, for a use case to check permissions on; throws `not_found`. No
 * visibility check: use cases check what the actor may do themselves.
 */
export async function requireProcess(
	db: Executor,
	processId: string
): Promise<{ process: Process; place: ProcessPlace }> {
	const [row] = await db
		.select({ process: budgetingProcesses, place: placeColumns })
		.from(budgetingProcesses)
		.innerJoin(platformPlaces, eq(platformPlaces.id, budgetingProcesses.placeId))
		.where(eq(budgetingProcesses.id, processId));
	if (!row) throw new DomainError('not_found', 'That process does not exist.');
	return row;
}

/**
 * A process the actor may see, with its phase at `now`, or null when it does not exist or is a
 * draft the actor may not see.
 */
export async function getProcess(
	db: Executor,
	actor: Actor,
	processId: string,
	now: Date = new Date()
): Promise<ProcessDetail | null> {
	const [row] = await db
		.select({ process: budgetingProcesses, place: placeColumns })
		.from(budgetingProcesses)
		.innerJoin(platformPlaces, eq(platformPlaces.id, budgetingProcesses.placeId))
		.where(eq(budgetingProcesses.id, processId));
	if (!row) return null;
	if (row.process.status !== 'published' && !canSeeDrafts(actor, row.place)) return null;
	return {
		...row.process,
		place: row.place,
		phase: currentPhase(row.process, now),
		canManage: can(actor, 'budgeting.manage', row.place),
		canModerate: can(actor, 'budgeting.moderate', row.place),
		canReview: can(actor, 'budgeting.review', row.place)
	};
}

/** Filters for lists of processes. */
export type ProcessFilters = {
	/** Processes that cover this place: on it, above it or below it. */
	placePath?: string;
	/** Include drafts in the places where the actor may see them (admin pages). */
	includeDrafts?: boolean;
	/** Only processes in places where the actor may review (admin pages). */
	onlyManaged?: boolean;
	page?: number;
	pageSize?: number;
	now?: Date;
};

/** SQL for "the process's place is above, at or below the place at `path`". */
function coversPath(path: string): SQL {
	return or(withinPathCondition(path), sql`starts_with(${path}, ${platformPlaces.path} || '/')`)!;
}

/** One page of processes, newest first, with the phase each is in at `now`. */
export async function listProcesses(
	db: Executor,
	actor: Actor,
	filters: ProcessFilters = {}
): Promise<Page<ProcessSummary>> {
	const { page, pageSize, offset } = pageOptions(filters, 20);
	const conditions: SQL[] = [];
	if (filters.placePath) conditions.push(coversPath(filters.placePath));
	const managed =
		filters.includeDrafts || filters.onlyManaged
			? await listManagedPlaces(db, actor, 'budgeting.review')
			: [];
	const inManaged = or(...managed.map((m) => withinPathCondition(m.path)));
	if (filters.onlyManaged) conditions.push(inManaged ?? sql`false`);
	const published = eq(budgetingProcesses.status, 'published');
	conditions.push(filters.includeDrafts && inManaged ? or(published, inManaged)! : published);
	const where = and(...conditions);
	const [total] = await db
		.select({ n: count() })
		.from(budgetingProcesses)
		.innerJoin(platformPlaces, eq(platformPlaces.id, budgetingProcesses.placeId))
		.where(where);
	const rows = await db
		.select({
			id: budgetingProcesses.id,
			title: budgetingProcesses.title,
			budgetPence: budgetingProcesses.budgetPence,
			status: budgetingProcesses.status,
			placeId: budgetingProcesses.placeId,
			ideasOpensAt: budgetingProcesses.ideasOpensAt,
			reviewOpensAt: budgetingProcesses.reviewOpensAt,
			votingOpensAt: budgetingProcesses.votingOpensAt,
			votingClosesAt: budgetingProcesses.votingClosesAt,
			resultsAt: budgetingProcesses.resultsAt,
			deliveryAt: budgetingProcesses.deliveryAt,
			updatedAt: budgetingProcesses.updatedAt,
			placeName: platformPlaces.name
		})
		.from(budgetingProcesses)
		.innerJoin(platformPlaces, eq(platformPlaces.id, budgetingProcesses.placeId))
		.where(where)
		.orderBy(desc(budgetingProcesses.createdAt), desc(budgetingProcesses.id))
		.limit(pageSize)
		.offset(offset);
	const now = filters.now ?? new Date();
	const items = rows.map((r) => ({ ...r, phase: currentPhase(r, now) }));
	return toPage(items, total?.n ?? 0, page, pageSize);
}
