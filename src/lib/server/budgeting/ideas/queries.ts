/**
 * Reading ideas and projects. Published ideas, ideas taken into a project and ideas turned down
 * (with their reason) are public; a submitted or hidden idea, and its photo, are seen only by its
 * author and the moderators of the place. That an idea was hidden, when and why, is public
 * (listHiddenIdeas), but not what it said.
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { can, requireCan, type Actor } from '../../platform/permissions';
import { pageOptions, toPage, withinPathCondition, type Page } from '../../platform/places/queries';
import { platformPlaces, platformUsers } from '../../platform/schema';
import type { ImageType } from '../../../core/images/image-type';
import {
	budgetingIdeaPhotos,
	budgetingIdeaSupports,
	budgetingIdeas,
	budgetingProjects,
	type IdeaStatus
} from '../schema';
import { requireProcess, type ProcessPlace } from '../processes/queries';

/** Idea statuses everyone may see. */
export const publicIdeaStatuses: readonly IdeaStatus[] = ['published', 'in_project', 'rejected'];

/** An idea in a list, with how many people support it and whether the actor does. */
export type IdeaSummary = {
	id: string;
	title: string;
	description: string;
	status: IdeaStatus;
	placeName: string | null;
	roughCostPence: number | null;
	publicReason: string | null;
	projectId: string | null;
	supportCount: number;
	isSupported: boolean;
	createdAt: Date;
};

/** An idea with everything shown on its page. */
export type IdeaDetail = IdeaSummary & {
	processId: string;
	placeId: string | null;
	latitude: number | null;
	longitude: number | null;
	/** The uploaded photo (its bytes come from getIdeaPhoto), or null. */
	photo: { id: string; alt: string } | null;
	authorName: string | null;
	isAuthor: boolean;
	project: { id: string; title: string; status: string } | null;
	canModerate: boolean;
};

const supportCount = sql<number>`(select count(*)::int from ${budgetingIdeaSupports} where ${budgetingIdeaSupports.ideaId} = ${budgetingIdeas.id})`;

function supportedBy(actor: Actor) {
	if (actor.kind !== 'person') return sql<boolean>`false`;
	return sql<boolean>`exists (select 1 from ${budgetingIdeaSupports} where ${budgetingIdeaSupports.ideaId} = ${budgetingIdeas.id} and ${budgetingIdeaSupports.userId} = ${actor.userId})`;
}

const summaryColumns = (actor: Actor) => ({
	id: budgetingIdeas.id,
	title: budgetingIdeas.title,
	description: budgetingIdeas.description,
	status: budgetingIdeas.status,
	placeName: platformPlaces.name,
	roughCostPence: budgetingIdeas.roughCostPence,
	publicReason: budgetingIdeas.publicReason,
	projectId: budgetingIdeas.projectId,
	supportCount,
	isSupported: supportedBy(actor),
	createdAt: budgetingIdeas.createdAt
});

/** Ideas of a process with the given statuses, a page at a time. No visibility check. */
async function pageOfIdeas(
	db: Executor,
	actor: Actor,
	options: {
		processId: string;
		where: SQL;
		page?: number;
		pageSize?: number;
		oldestFirst?: boolean;
	}
): Promise<Page<IdeaSummary>> {
	const { page, pageSize, offset } = pageOptions(options, 20);
	const where = and(eq(budgetingIdeas.processId, options.processId), options.where);
	const [total] = await db.select({ n: count() }).from(budgetingIdeas).where(where);
	const items = await db
		.select(summaryColumns(actor))
		.from(budgetingIdeas)
		.leftJoin(platformPlaces, eq(platformPlaces.id, budgetingIdeas.placeId))
		.where(where)
		.orderBy(
			options.oldestFirst ? asc(budgetingIdeas.createdAt) : desc(budgetingIdeas.createdAt),
			asc(budgetingIdeas.id)
		)
		.limit(pageSize)
		.offset(offset);
	return toPage(
		items.map((i) => ({
			...i,
			supportCount: Number(i.supportCount),
			isSupported: Boolean(i.isSupported)
		})),
		total?.n ?? 0,
		page,
		pageSize
	);
}

/**
 * The public ideas of a process (published, in a project), newest first, plus the actor's own
 * ideas still waiting for a moderator, so they can see theirs arrived.
 */
export async function listIdeas(
	db: Executor,
	actor: Actor,
	options: { processId: string; page?: number; pageSize?: number }
): Promise<Page<IdeaSummary>> {
	const visible = inArray(budgetingIdeas.status, ['published', 'in_project']);
	const mine =
		actor.kind === 'person'
			? and(eq(budgetingIdeas.authorId, actor.userId), eq(budgetingIdeas.status, 'submitted'))
			: undefined;
	return pageOfIdeas(db, actor, { ...options, where: or(visible, mine)! });
}

/**
 * Ideas for the moderation page: by status (default: waiting), oldest first, so the longest
 * waiting are dealt with first. Needs `budgeting.moderate` on the process's place.
 */
export async function listIdeasToModerate(
	db: Executor,
	actor: Actor,
	options: { processId: string; status?: IdeaStatus; page?: number; pageSize?: number }
): Promise<Page<IdeaSummary>> {
	const { place } = await requireProcess(db, options.processId);
	requireCan(actor, 'budgeting.moderate', place);
	return pageOfIdeas(db, actor, {
		...options,
		where: eq(budgetingIdeas.status, options.status ?? 'submitted'),
		oldestFirst: true
	});
}

/** May the actor see this idea? */
function canSeeIdea(
	actor: Actor,
	idea: { status: IdeaStatus; authorId: string | null },
	place: { path: string }
) {
	if (publicIdeaStatuses.includes(idea.status)) return true;
	if (actor.kind === 'person' && idea.authorId === actor.userId) return true;
	return can(actor, 'budgeting.moderate', place);
}

/**
 * The idea's process and place when the actor may see the idea, or null: a draft process's
 * ideas only to those who manage it, a waiting or hidden idea only to its author and
 * moderators. The one rule for an idea's page and its photo.
 */
async function processIfVisible(
	db: Executor,
	actor: Actor,
	idea: { processId: string; status: IdeaStatus; authorId: string | null }
) {
	const found = await requireProcess(db, idea.processId);
	if (found.process.status !== 'published' && !can(actor, 'budgeting.review', found.place))
		return null;
	return canSeeIdea(actor, idea, found.place) ? found : null;
}

/** An idea the actor may see, or null (a hidden idea of someone else's looks like none at all). */
export async function getIdea(
	db: Executor,
	actor: Actor,
	ideaId: string
): Promise<IdeaDetail | null> {
	const [row] = await db
		.select({
			...summaryColumns(actor),
			processId: budgetingIdeas.processId,
			placeId: budgetingIdeas.placeId,
			latitude: budgetingIdeas.latitude,
			longitude: budgetingIdeas.longitude,
			photoId: budgetingIdeaPhotos.id,
			photoAlt: budgetingIdeaPhotos.alt,
			authorId: budgetingIdeas.authorId,
			authorName: platformUsers.name
		})
		.from(budgetingIdeas)
		.leftJoin(platformPlaces, eq(platformPlaces.id, budgetingIdeas.placeId))
		.leftJoin(platformUsers, eq(platformUsers.id, budgetingIdeas.authorId))
		.leftJoin(budgetingIdeaPhotos, eq(budgetingIdeaPhotos.ideaId, budgetingIdeas.id))
		.where(eq(budgetingIdeas.id, ideaId));
	if (!row) return null;
	const visible = await processIfVisible(db, actor, row);
	if (!visible) return null;
	const { place } = visible;
	const [project] = row.projectId
		? await db
				.select({
					id: budgetingProjects.id,
					title: budgetingProjects.title,
					status: budgetingProjects.status
				})
				.from(budgetingProjects)
				.where(eq(budgetingProjects.id, row.projectId))
		: [];
	const { authorId, photoId, photoAlt, ...rest } = row;
	return {
		...rest,
		photo: photoId && photoAlt !== null ? { id: photoId, alt: photoAlt } : null,
		supportCount: Number(row.supportCount),
		isSupported: Boolean(row.isSupported),
		// Authors are shown by first name only: enough to thank them, not to find them.
		authorName: row.authorName ? row.authorName.split(/\s+/)[0]! : null,
		isAuthor: actor.kind === 'person' && authorId === actor.userId,
		project: project ?? null,
		canModerate: can(actor, 'budgeting.moderate', place)
	};
}

/** An idea's photo as stored, to serve. */
export type IdeaPhoto = {
	id: string;
	contentType: ImageType;
	bytes: Uint8Array;
	/** Whether everyone may see it (its idea is public), so shared caches may keep it. */
	isPublic: boolean;
};

/**
 * The photo of an idea the actor may see (the same rule as getIdea), or null when the idea has
 * no photo, does not exist, is not in the process, or is not the actor's to see.
 */
export async function getIdeaPhoto(
	db: Executor,
	actor: Actor,
	options: { processId: string; ideaId: string }
): Promise<IdeaPhoto | null> {
	const [row] = await db
		.select({
			processId: budgetingIdeas.processId,
			status: budgetingIdeas.status,
			authorId: budgetingIdeas.authorId,
			id: budgetingIdeaPhotos.id,
			contentType: budgetingIdeaPhotos.contentType,
			bytes: budgetingIdeaPhotos.bytes
		})
		.from(budgetingIdeaPhotos)
		.innerJoin(budgetingIdeas, eq(budgetingIdeas.id, budgetingIdeaPhotos.ideaId))
		.where(
			and(eq(budgetingIdeas.id, options.ideaId), eq(budgetingIdeas.processId, options.processId))
		);
	if (!row) return null;
	const visible = await processIfVisible(db, actor, row);
	if (!visible) return null;
	return {
		id: row.id,
		contentType: row.contentType,
		bytes: row.bytes,
		isPublic: visible.process.status === 'published' && publicIdeaStatuses.includes(row.status)
	};
}

/** A hidden idea as everyone may see it: when and why, never what it said. */
export type HiddenIdea = { id: string; hiddenAt: Date; publicReason: string | null };

/**
 * The ideas moderators have hidden in a process, most recently hidden first, with the public
 * reason: organisers moderate in the open. Titles and descriptions are left out because an idea
 * may be hidden for what it says (abuse, a private person's name). No visibility check: show it
 * only where the process itself may be seen.
 */
export async function listHiddenIdeas(db: Executor, processId: string): Promise<HiddenIdea[]> {
	// A hidden idea changes only when it is moderated (published again), so its updatedAt is
	// when it was hidden.
	return db
		.select({
			id: budgetingIdeas.id,
			hiddenAt: budgetingIdeas.updatedAt,
			publicReason: budgetingIdeas.publicReason
		})
		.from(budgetingIdeas)
		.where(and(eq(budgetingIdeas.processId, processId), eq(budgetingIdeas.status, 'hidden')))
		.orderBy(desc(budgetingIdeas.updatedAt), asc(budgetingIdeas.id));
}

/** A project as the public and the review page show it, with the ideas it came from. */
export type ProjectView = {
	id: string;
	number: number;
	title: string;
	description: string;
	costPence: number;
	feasibilityNote: string | null;
	status: 'draft' | 'on_ballot' | 'withdrawn';
	publicReason: string | null;
	placeName: string | null;
	ideas: { id: string; title: string }[];
};

/** Every project of a process in ballot order, with its ideas. No visibility check. */
async function projectsOf(db: Executor, processId: string): Promise<ProjectView[]> {
	const projects = await db
		.select({
			id: budgetingProjects.id,
			number: budgetingProjects.number,
			title: budgetingProjects.title,
			description: budgetingProjects.description,
			costPence: budgetingProjects.costPence,
			feasibilityNote: budgetingProjects.feasibilityNote,
			status: budgetingProjects.status,
			publicReason: budgetingProjects.publicReason,
			placeName: platformPlaces.name
		})
		.from(budgetingProjects)
		.leftJoin(platformPlaces, eq(platformPlaces.id, budgetingProjects.placeId))
		.where(eq(budgetingProjects.processId, processId))
		.orderBy(asc(budgetingProjects.number));
	const ideas = await db
		.select({
			id: budgetingIdeas.id,
			title: budgetingIdeas.title,
			projectId: budgetingIdeas.projectId
		})
		.from(budgetingIdeas)
		.where(and(eq(budgetingIdeas.processId, processId), eq(budgetingIdeas.status, 'in_project')))
		.orderBy(asc(budgetingIdeas.createdAt));
	return projects.map((p) => ({
		...p,
		ideas: ideas.filter((i) => i.projectId === p.id).map((i) => ({ id: i.id, title: i.title }))
	}));
}

/** What the public projects page shows: "you said, we did". */
export type PublicProjects = {
	onBallot: ProjectView[];
	withdrawn: ProjectView[];
	/** Ideas turned down at review, with why. */
	rejected: { id: string; title: string; publicReason: string | null }[];
};

/** The projects on the ballot, those withdrawn and the ideas turned down, each with its reason. */
export async function listPublicProjects(db: Executor, processId: string): Promise<PublicProjects> {
	const projects = await projectsOf(db, processId);
	const rejected = await db
		.select({
			id: budgetingIdeas.id,
			title: budgetingIdeas.title,
			publicReason: budgetingIdeas.publicReason
		})
		.from(budgetingIdeas)
		.where(and(eq(budgetingIdeas.processId, processId), eq(budgetingIdeas.status, 'rejected')))
		.orderBy(asc(budgetingIdeas.title), asc(budgetingIdeas.id));
	return {
		onBallot: projects.filter((p) => p.status === 'on_ballot'),
		withdrawn: projects.filter((p) => p.status === 'withdrawn'),
		rejected
	};
}

/** The review page: ideas waiting to be costed and every project. Needs `budgeting.review`. */
export async function getReviewBoard(
	db: Executor,
	actor: Actor,
	options: { processId: string; page?: number; pageSize?: number }
): Promise<{ waiting: Page<IdeaSummary>; projects: ProjectView[] }> {
	const { place } = await requireProcess(db, options.processId);
	requireCan(actor, 'budgeting.review', place);
	const [waiting, projects] = await Promise.all([
		pageOfIdeas(db, actor, {
			...options,
			pageSize: options.pageSize ?? 50,
			where: eq(budgetingIdeas.status, 'published'),
			oldestFirst: true
		}),
		projectsOf(db, options.processId)
	]);
	return { waiting, projects };
}

/**
 * The neighbourhoods an idea can be for: the neighbourhoods in the process's area, by name, or
 * the area itself when it is a neighbourhood.
 */
export async function listIdeaPlaces(
	db: Executor,
	place: ProcessPlace
): Promise<{ id: string; name: string }[]> {
	if (place.level === 'neighbourhood') return [{ id: place.id, name: place.name }];
	return db
		.select({ id: platformPlaces.id, name: platformPlaces.name })
		.from(platformPlaces)
		.where(and(withinPathCondition(place.path), eq(platformPlaces.level, 'neighbourhood')))
		.orderBy(asc(platformPlaces.name));
}

/** Throws `not_found` unless the idea belongs to the process (for routes nesting one in the other). */
export function requireIdeaInProcess(idea: { processId: string }, processId: string): void {
	if (idea.processId !== processId) throw new DomainError('not_found', 'That idea does not exist.');
}
