/**
 * Reading transfer cases: the summary the asset page shows, the public status page, the cases
 * of a place, and the loading the use cases share.
 */
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { can, type Actor } from '../../platform/permissions';
import {
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces
} from '../../platform/schema';
import { assetsAssets } from '../schema';
import { requireAssetWithPlace, requireVisibleAsset, type AssetWithPlace } from './asset-place';
import {
	assetsTransferCases,
	assetsTransferDocuments,
	assetsTransferEvents,
	type TransferStage
} from './schema';
import { isOpenStage, isShortLease, nextStages } from './stages';

/** A case row. */
export type TransferCase = typeof assetsTransferCases.$inferSelect;

/** A case with its asset (and the asset's place path, for permission checks). */
export type TransferCaseWithAsset = TransferCase & { asset: AssetWithPlace };

/** Loads a case and its asset, or `not_found`. Locks the case row when asked (for changes). */
export async function requireTransferCase(
	db: Executor,
	caseId: string,
	options: { lock?: boolean } = {}
): Promise<TransferCaseWithAsset> {
	const query = db.select().from(assetsTransferCases).where(eq(assetsTransferCases.id, caseId));
	const [row] = options.lock ? await query.for('update') : await query;
	if (!row) throw new DomainError('not_found', 'That transfer case does not exist.');
	return { ...row, asset: await requireAssetWithPlace(db, row.assetId) };
}

/** What the asset page shows about transfer: the most recent case, if any. */
export type TransferSummary = {
	caseId: string;
	stage: TransferStage;
	isOpen: boolean;
	organisationName: string;
	submittedAt: Date;
	/** The number of cases this asset has had, open or closed. */
	caseCount: number;
	href: string;
} | null;

/**
 * The asset's current transfer case (the newest open one, else the newest), for a panel on the
 * asset page; null when nobody has asked to take it on. Public: shows nothing private.
 */
export async function getTransferSummary(db: Executor, assetId: string): Promise<TransferSummary> {
	const rows = await db
		.select({
			id: assetsTransferCases.id,
			stage: assetsTransferCases.stage,
			submittedAt: assetsTransferCases.submittedAt,
			organisationName: platformOrganisations.name
		})
		.from(assetsTransferCases)
		.innerJoin(
			platformOrganisations,
			eq(platformOrganisations.id, assetsTransferCases.organisationId)
		)
		.where(eq(assetsTransferCases.assetId, assetId))
		.orderBy(desc(assetsTransferCases.submittedAt), desc(assetsTransferCases.id));
	if (rows.length === 0) return null;
	const current = rows.find((r) => isOpenStage(r.stage)) ?? rows[0]!;
	return {
		caseId: current.id,
		stage: current.stage,
		isOpen: isOpenStage(current.stage),
		organisationName: current.organisationName,
		submittedAt: current.submittedAt,
		caseCount: rows.length,
		href: `/assets/${assetId}/transfer`
	};
}

/** One case as the public status page shows it. */
export type TransferCaseDetail = {
	id: string;
	stage: TransferStage;
	isOpen: boolean;
	organisation: { id: string; name: string; slug: string };
	proposal: string;
	submittedAt: Date;
	terms: {
		tenure: 'freehold' | 'lease';
		leaseYears: number | null;
		annualRentPence: number | null;
		breakClauses: string | null;
		otherConditions: string | null;
		isShortLease: boolean;
	} | null;
	decision: { decision: 'approved' | 'refused'; reasons: string; decidedAt: Date | null } | null;
	completedAt: Date | null;
	events: {
		fromStage: TransferStage | null;
		toStage: TransferStage;
		note: string | null;
		at: Date;
	}[];
	documents: {
		id: string;
		title: string;
		url: string | null;
		description: string | null;
		isPublic: boolean;
		createdAt: Date;
	}[];
	/** Where an officer may move it next (for the manage page). */
	nextStages: readonly TransferStage[];
};

/** The transfer cases of an asset, newest first, for its status page and the manage page. */
export type AssetTransfer = {
	asset: { id: string; name: string; kind: string; placeName: string };
	cases: TransferCaseDetail[];
	/** May the viewer manage these cases (and see private documents)? */
	canManage: boolean;
	/** May the viewer submit an expression of interest? */
	canStart: boolean;
};

/**
 * Every transfer case of an asset with its terms, decision, timeline and documents. Documents
 * marked private are included only for people who may manage the case.
 */
export async function getAssetTransfer(
	db: Executor,
	actor: Actor,
	assetId: string
): Promise<AssetTransfer> {
	const asset = await requireVisibleAsset(db, actor, assetId);
	const canManage = can(actor, 'transfer.manage', asset);
	const rows = await db
		.select({
			c: assetsTransferCases,
			organisation: {
				id: platformOrganisations.id,
				name: platformOrganisations.name,
				slug: platformOrganisations.slug
			}
		})
		.from(assetsTransferCases)
		.innerJoin(
			platformOrganisations,
			eq(platformOrganisations.id, assetsTransferCases.organisationId)
		)
		.where(eq(assetsTransferCases.assetId, assetId))
		.orderBy(desc(assetsTransferCases.submittedAt), desc(assetsTransferCases.id));
	const ids = rows.map((r) => r.c.id);
	const events = ids.length
		? await db
				.select()
				.from(assetsTransferEvents)
				.where(inArray(assetsTransferEvents.caseId, ids))
				.orderBy(asc(assetsTransferEvents.at), asc(assetsTransferEvents.id))
		: [];
	const documents = ids.length
		? await db
				.select()
				.from(assetsTransferDocuments)
				.where(
					and(
						inArray(assetsTransferDocuments.caseId, ids),
						canManage ? undefined : eq(assetsTransferDocuments.isPublic, true)
					)
				)
				.orderBy(asc(assetsTransferDocuments.createdAt), asc(assetsTransferDocuments.id))
		: [];
	return {
		asset: { id: asset.id, name: asset.name, kind: asset.kind, placeName: asset.placeName },
		canManage,
		canStart: can(actor, 'transfer.start', asset) && ['confirmed', 'closed'].includes(asset.status),
		cases: rows.map(({ c, organisation }) => ({
			id: c.id,
			stage: c.stage,
			isOpen: isOpenStage(c.stage),
			organisation,
			proposal: c.proposal,
			submittedAt: c.submittedAt,
			terms: c.tenure
				? {
						tenure: c.tenure,
						leaseYears: c.leaseYears,
						annualRentPence: c.annualRentPence,
						breakClauses: c.breakClauses,
						otherConditions: c.otherConditions,
						isShortLease: isShortLease(c)
					}
				: null,
			decision:
				c.decision && c.decisionReasons
					? { decision: c.decision, reasons: c.decisionReasons, decidedAt: c.decidedAt }
					: null,
			completedAt: c.completedAt,
			events: events
				.filter((e) => e.caseId === c.id)
				.map((e) => ({ fromStage: e.fromStage, toStage: e.toStage, note: e.note, at: e.at })),
			documents: documents
				.filter((d) => d.caseId === c.id)
				.map((d) => ({
					id: d.id,
					title: d.title,
					url: d.url,
					description: d.description,
					isPublic: d.isPublic,
					createdAt: d.createdAt
				})),
			nextStages: nextStages(c.stage)
		}))
	};
}

/** A case in a list of a place's cases. */
export type TransferCaseListItem = {
	id: string;
	assetId: string;
	assetName: string;
	organisationName: string;
	stage: TransferStage;
	submittedAt: Date;
};

/** The transfer cases of assets in a place or below it, open ones first, then newest first. */
export async function listTransferCasesForPlace(
	db: Executor,
	place: { path: string }
): Promise<TransferCaseListItem[]> {
	return db
		.select({
			id: assetsTransferCases.id,
			assetId: assetsAssets.id,
			assetName: assetsAssets.name,
			organisationName: platformOrganisations.name,
			stage: assetsTransferCases.stage,
			submittedAt: assetsTransferCases.submittedAt
		})
		.from(assetsTransferCases)
		.innerJoin(assetsAssets, eq(assetsAssets.id, assetsTransferCases.assetId))
		.innerJoin(platformPlaces, eq(platformPlaces.id, assetsAssets.placeId))
		.innerJoin(
			platformOrganisations,
			eq(platformOrganisations.id, assetsTransferCases.organisationId)
		)
		.where(
			or(
				eq(platformPlaces.path, place.path),
				sql`starts_with(${platformPlaces.path}, ${place.path + '/'})`
			)
		)
		.orderBy(
			sql`case when ${assetsTransferCases.stage} in ('completed', 'withdrawn', 'refused') then 1 else 0 end`,
			desc(assetsTransferCases.submittedAt)
		);
}

/**
 * Organisations the actor may submit an expression of interest for: those working in a place
 * the actor looks after (`organisation.manage`). Platform admins and the system may act for any.
 */
export async function listApplicantOrganisations(
	db: Executor,
	actor: Actor
): Promise<{ id: string; name: string }[]> {
	if (actor.kind === 'anonymous') return [];
	const rows = await db
		.select({
			id: platformOrganisations.id,
			name: platformOrganisations.name,
			path: platformPlaces.path
		})
		.from(platformOrganisations)
		.innerJoin(
			platformOrganisationPlaces,
			eq(platformOrganisationPlaces.organisationId, platformOrganisations.id)
		)
		.innerJoin(platformPlaces, eq(platformPlaces.id, platformOrganisationPlaces.placeId))
		.orderBy(asc(platformOrganisations.name));
	const allowed = new Map<string, string>();
	for (const row of rows) {
		if (can(actor, 'organisation.manage', row)) allowed.set(row.id, row.name);
	}
	return [...allowed].map(([id, name]) => ({ id, name }));
}
