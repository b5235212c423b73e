/**
 * Reading panels: the organiser's view (with the pool, for `panel.manage` only) and the public
 * view (volunteers by number only). Shared by the use cases and the pages.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import {
	formatLotteryCsv,
	sha256Hex,
	type Pool,
	type PublishedLottery
} from '../../core/sortition/index';
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

/** A stored lottery in the form of the published file (members by number). */
export function publishedLotteryOf(result: StoredSelection): PublishedLottery {
	return {
		size: result.lottery.size,
		panels: result.lottery.panels.map((e) => ({
			firstTicket: e.firstTicket,
			tickets: e.tickets,
			members: e.members.map(String)
		}))
	};
}

/** The lottery file's text and SHA-256, as the public downloads and checks it. */
export function lotteryFileOf(result: StoredSelection): { csv: string; sha256: string } {
	const csv = formatLotteryCsv(publishedLotteryOf(result));
	return { csv, sha256: sha256Hex(csv) };
}

/** What the public sees of a panel whose lottery is published: no names, contact details or features. */
export type PublicPanel = {
	id: string;
	title: string;
	question: string | null;
	placeName: string;
	panelSize: number;
	poolSize: number;
	isOnePerHousehold: boolean;
	timeLimitSeconds: number | null;
	/** When the lottery was published (null for panels drawn before it was published first). */
	lotteryPublishedAt: Date | null;
	/** SHA-256 of the lottery file that the draw uses. */
	lotterySha256: string;
	inputsHash: string;
	methodUsed: string;
	minProbability: number;
	lotterySize: number;
	distinctPanels: number;
	/** The draw, once it has happened. */
	draw: {
		seed: string;
		drawnAt: Date;
		ticket: number;
		/** True when the ticket came from the seed and the published lottery (the recipe). */
		isFromPublishedLottery: boolean;
		/** Numbers of the panel drawn. */
		members: number[];
	} | null;
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

/** The published (or drawn) lottery of a panel, or `not_found` before it is published. */
async function requirePublishedLottery(db: Executor, panelId: string) {
	const panel = await findPanel(db, panelId);
	const selectionId = panel.lotterySelectionId ?? panel.drawnSelectionId;
	const selection =
		panel.status !== 'draft' && selectionId ? await findSelection(db, selectionId) : null;
	const result = selection?.result;
	if (!result)
		throw new DomainError('not_found', 'The lottery of this panel has not been published yet.');
	return { panel, result, file: lotteryFileOf(result) };
}

/** The public record of a panel: its lottery once published, and the draw once made. */
export async function getPublicPanel(db: Executor, panelId: string): Promise<PublicPanel> {
	const { panel, result, file } = await requirePublishedLottery(db, panelId);
	const isDrawn = panel.status === 'drawn' && panel.seed !== null && panel.drawnAt !== null;
	// Panels drawn before lotteries were published first kept their ticket in the run itself.
	const ticket = panel.drawnTicket ?? result.drawn?.ticket;
	const drawnMembers =
		panel.drawnTicket !== null
			? (result.lottery.panels.find(
					(e) => ticket! >= e.firstTicket && ticket! < e.firstTicket + e.tickets
				)?.members ?? [])
			: (result.drawn?.members ?? []);
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
		lotteryPublishedAt: panel.lotteryPublishedAt,
		lotterySha256: panel.lotterySha256 ?? file.sha256,
		inputsHash: result.inputsHash,
		methodUsed: result.methodUsed,
		minProbability: result.minProbability,
		lotterySize: result.lottery.size,
		distinctPanels: result.lottery.panels.length,
		draw:
			isDrawn && ticket !== undefined
				? {
						seed: panel.seed!,
						drawnAt: panel.drawnAt!,
						ticket,
						isFromPublishedLottery: panel.drawnTicket !== null,
						members: drawnMembers
					}
				: null,
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

/** Panels whose lottery is published and waiting for the public draw, newest first. */
export function listPublishedLotteries(db: Executor) {
	return db
		.select({
			id: panelsPanels.id,
			title: panelsPanels.title,
			placeName: platformPlaces.name,
			panelSize: panelsPanels.panelSize,
			publishedAt: panelsPanels.lotteryPublishedAt
		})
		.from(panelsPanels)
		.innerJoin(platformPlaces, eq(platformPlaces.id, panelsPanels.placeId))
		.where(eq(panelsPanels.status, 'published'))
		.orderBy(desc(panelsPanels.lotteryPublishedAt));
}

/**
 * The published lottery file (see `core/sortition/lottery-file.ts`): one row per run of tickets,
 * with the members' numbers. Built from the stored run only, so it carries nothing but numbers;
 * its SHA-256 is the one on the public page.
 */
export async function publicLotteryCsv(db: Executor, panelId: string): Promise<string> {
	return (await requirePublishedLottery(db, panelId)).file.csv;
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
