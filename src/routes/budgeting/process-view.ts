/** Glue shared by the budgeting pages: loading a process the visitor may see, and dates. */
import { error } from '@sveltejs/kit';
import type { Database } from '$lib/server/db';
import { getProcess, type Phase, type ProcessDetail } from '$lib/server/budgeting';
import type { Actor } from '$lib/server/platform';

/** The process, or a 404 page when it does not exist or is a draft the visitor may not see. */
export async function loadProcessOr404(
	db: Database,
	actor: Actor,
	id: string
): Promise<ProcessDetail> {
	const process = await getProcess(db, actor, id);
	if (!process) error(404, 'Page not found');
	return process;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});

/** "1 March 2027", in UK time. */
export function formatDay(at: Date): string {
	return dayFormat.format(at);
}

/** The last day of a phase that ends at `end` (the day before, when it ends at midnight). */
export function lastDayBefore(end: Date): string {
	return formatDay(new Date(end.getTime() - 1));
}

/** One step of the public timeline. */
export type TimelineStep = {
	key: 'ideas' | 'review' | 'voting' | 'results' | 'delivery';
	from: string | null;
	to: string | null;
	state: 'done' | 'now' | 'later';
};

const order: Phase[] = ['draft', 'ideas', 'review', 'voting', 'counting', 'results', 'delivery'];

/** The steps of a process with their dates and whether each is done, happening or to come. */
export function timeline(process: ProcessDetail): TimelineStep[] {
	const now = order.indexOf(process.phase);
	const step = (
		key: TimelineStep['key'],
		start: Date | null,
		end: Date | null,
		phases: Phase[]
	): TimelineStep => {
		const indexes = phases.map((p) => order.indexOf(p));
		const state = indexes.includes(now) ? 'now' : now > Math.max(...indexes) ? 'done' : 'later';
		return {
			key,
			from: start ? formatDay(start) : null,
			to: end && start ? lastDayBefore(end) : null,
			state
		};
	};
	return [
		step('ideas', process.ideasOpensAt, process.reviewOpensAt, ['ideas']),
		step('review', process.reviewOpensAt, process.votingOpensAt, ['review']),
		step('voting', process.votingOpensAt, process.votingClosesAt, ['voting']),
		step('results', process.resultsAt, null, ['counting', 'results']),
		step('delivery', process.deliveryAt, null, ['delivery'])
	];
}

/** The process's public header, for every budgeting page. */
export function processHeader(process: ProcessDetail) {
	return {
		id: process.id,
		title: process.title,
		phase: process.phase,
		status: process.status,
		placeName: process.place.name,
		placeSlug: process.place.slug
	};
}
