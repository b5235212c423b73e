/**
 * Reading panels: the organiser's view (with the pool, for `panel.manage` only) and the public
 * view (volunteers by number only). Shared by the use cases and the pages.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Pool } from '../../core/sortition/index';
import type { Executor } from '../db/client';
import { DomainError } from '../platform/errors';
import { can, requireCan, type Actor } from '../platform/permissions';
import { platformJobs, platformPlaces } from '../platform/schema';
import {
	panelsPanels,
	panelsReplacements,
	panelsSelections,
	panelsVolunteers,
	type StoredSelection
} from './schema';

/** A panel row with its place's name and path. */
export type PanelRecord = typeof panelsPanels.$inferSelect & {
	placeName: string;
	placePath: string;
};

/** The panel with its place, or `not_found`. */
export async function findPanel(db: Executor, panelId: string): Promise<PanelRecord> {
	const [row] = await db
		.select({ panel: panelsPanels, placeName: platformPlaces.name, placePath: platformPlaces.path })
		.from(panelsPanels)
		.innerJoin(platformPlaces, eq(platformPlaces.id, panelsPanels.placeId))
		.where(eq(panelsPanels.id, panelId));
	if (!row) throw new DomainError('not_found', 'There is no such panel.');
	return { ...row.panel, placeName: row.placeName, placePath: row.placePath };
}

/** The panel, after checking the actor may manage it. */
export async function requireManagedPanel(
	db: Executor,
	actor: Actor,
	panelId: string
): Promise<PanelRecord> {
	const panel = await findPanel(db, panelId);
	requireCan(actor, 'panel.manage', { path: panel.placePath });
	return panel;
}

/** A volunteer as the organiser sees them. */
export type VolunteerRecord = typeof panelsVolunteers.$inferSelect;

/** The pool, in number order. */
export function listVolunteers(db: Executor, panelId: string): Promise<VolunteerRecord[]> {
	return db
		.select()
		.from(panelsVolunteers)
		.where(eq(panelsVolunteers.panelId, panelId))
		.orderBy(asc(panelsVolunteers.number));
}

/** The pool in the engine's form: ids are the volunteers' numbers. */
export function poolOf(panel: PanelRecord, volunteers: readonly VolunteerRecord[]): Pool {
	return {
		categories: panel.categories,
		quotas: panel.quotas,
		people: volunteers.map((v) => ({
			id: String(v.number),
			features: v.features,
			...(v.household ? { household: v.household.toLowerCase() } : {})
		}))
	};
}

/** A selection run with its job's progress. */
export type SelectionRecord = typeof panelsSelections.$inferSelect & {
	progress: Record<string, unknown> | null;
};

/** The latest runs of a panel, newest first. */
export async function listSelections(
	db: Executor,
	panelId: string,
	limit = 10
): Promise<SelectionRecord[]> {
	const rows = await db
		.select({ selection: panelsSelections, progress: platformJobs.progress })
		.from(panelsSelections)
		.leftJoin(platformJobs, eq(platformJobs.id, panelsSelections.jobId))
		.where(eq(panelsSelections.panelId, panelId))
		.orderBy(desc(panelsSelections.createdAt), desc(panelsSelections.id))
		.limit(limit);
	return rows.map((r) => ({
		...r.selection,
		progress: (r.progress as Record<string, unknown> | null) ?? null
	}));
}

/** One selection run. */
export async function findSelection(db: Executor, id: string) {
	const [row] = await db.select().from(panelsSelections).where(eq(panelsSelections.id, id));
	return row ?? null;
}

/** The panels of places where the actor may manage panels, newest first. */
export async function listManagedPanels(db: Executor, actor: Actor) {
	const rows = await db
		.select({
			id: panelsPanels.id,
			title: panelsPanels.title,
			status: panelsPanels.status,
			panelSize: panelsPanels.panelSize,
			poolSize: panelsPanels.poolSize,
			placeName: platformPlaces.name,
			placePath: platformPlaces.path,
			createdAt: panelsPanels.createdAt
		})
		.from(panelsPanels)
		.innerJoin(platformPlaces, eq(platformPlaces.id, panelsPanels.placeId))
		.orderBy(desc(panelsPanels.createdAt), desc(panelsPanels.id));
	return rows.filter((r) => can(actor, 'panel.manage', { path: r.placePath }));
}

/** What the public sees of a drawn panel: no names, contact details or features. */
export type PublicPanel = {
	id: string;
	title: string;
	question: string | null;
	placeName: string;
	panelSize: number;
	poolSize: number;
	isOnePerHousehold: boolean;
	timeLimitSeconds: number | null;
	seed: string;
	drawnAt: Date;
	inputsHash: string;
	methodUsed: string;
	minProbability: number;
	lotterySize: number;
	distinctPanels: number;
	drawnTicket: number;
	/** Numbers of the panel drawn. */
	drawnMembers: number[];
	/** Numbers of the panel as it is now, after replacements. */
	currentMembers: number[];
	replacements: {
		sequence: number;
		droppedNumber: number;
		replacementNumber: number;
		candidates: number;
		seed: string;
		at: Date;
	}[];
	notes: string[];
};

/** A drawn panel's public record, or `not_found` before the draw. */
export async function getPublicPanel(db: Executor, panelId: string): Promise<PublicPanel> {
	const panel = await findPanel(db, panelId);
	if (panel.status !== 'drawn' || !panel.drawnSelectionId || !panel.seed || !panel.drawnAt)
		throw new DomainError('not_found', 'This panel has not been drawn yet.');
	const selection = await findSelection(db, panel.drawnSelectionId);
	const result = selection?.result;
	if (!result) throw new DomainError('not_found', 'This panel has not been drawn yet.');
	const members = await db
		.select({ number: panelsVolunteers.number })
		.from(panelsVolunteers)
		.where(and(eq(panelsVolunteers.panelId, panelId), eq(panelsVolunteers.role, 'member')))
		.orderBy(asc(panelsVolunteers.number));
	const replacements = await db
		.select()
		.from(panelsReplacements)
		.where(eq(panelsReplacements.panelId, panelId))
		.orderBy(asc(panelsReplacements.sequence));
	return {
		id: panel.id,
		title: panel.title,
		question: panel.question,
		placeName: panel.placeName,
		panelSize: panel.panelSize,
		poolSize: panel.poolSize,
		isOnePerHousehold: panel.isOnePerHousehold,
		timeLimitSeconds: panel.timeLimitSeconds,
		seed: panel.seed,
		drawnAt: panel.drawnAt,
		inputsHash: result.inputsHash,
		methodUsed: result.methodUsed,
		minProbability: result.minProbability,
		lotterySize: result.lottery.size,
		distinctPanels: result.lottery.panels.length,
		drawnTicket: result.drawn.ticket,
		drawnMembers: result.drawn.members,
		currentMembers: members.map((m) => m.number),
		replacements: replacements.map((r) => ({
			sequence: r.sequence,
			droppedNumber: r.droppedNumber,
			replacementNumber: r.replacementNumber,
			candidates: r.candidates,
			seed: r.seed,
			at: r.createdAt
		})),
		notes: result.notes
	};
}

/** Drawn panels, newest first, for the public list. */
export function listDrawnPanels(db: Executor) {
	return db
		.select({
			id: panelsPanels.id,
			title: panelsPanels.title,
			placeName: platformPlaces.name,
			panelSize: panelsPanels.panelSize,
			drawnAt: panelsPanels.drawnAt
		})
		.from(panelsPanels)
		.innerJoin(platformPlaces, eq(platformPlaces.id, panelsPanels.placeId))
		.where(eq(panelsPanels.status, 'drawn'))
		.orderBy(desc(panelsPanels.drawnAt));
}

/**
 * The published lottery as CSV: one row per ticket range, with the members' numbers. Built from
 * the stored draw only, so it carries nothing but numbers.
 */
export async function publicLotteryCsv(db: Executor, panelId: string): Promise<string> {
	const panel = await findPanel(db, panelId);
	if (panel.status !== 'drawn' || !panel.drawnSelectionId)
		throw new DomainError('not_found', 'This panel has not been drawn yet.');
	const selection = await findSelection(db, panel.drawnSelectionId);
	const result: StoredSelection | null | undefined = selection?.result;
	if (!result) throw new DomainError('not_found', 'This panel has not been drawn yet.');
	const lines = ['first_ticket,last_ticket,tickets,members'];
	for (const entry of result.lottery.panels)
		lines.push(
			`${entry.firstTicket},${entry.firstTicket + entry.tickets - 1},${entry.tickets},"${entry.members.join(' ')}"`
		);
	return lines.join('\r\n') + '\r\n';
}

/** Numbers of the panel's current members. */
export async function memberNumbers(db: Executor, panelId: string): Promise<number[]> {
	const rows = await db
		.select({ number: panelsVolunteers.number })
		.from(panelsVolunteers)
		.where(and(eq(panelsVolunteers.panelId, panelId), inArray(panelsVolunteers.role, ['member'])))
		.orderBy(asc(panelsVolunteers.number));
	return rows.map((r) => r.number);
}
