import { formatAcvDate } from '$lib/server/assets';
import { loadAcvPage } from './form';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, parent }) => {
	const { locale } = await parent();
	const page = await loadAcvPage(locals, params.id);
	const date = (d: string | null | undefined) => (d ? formatAcvDate(d, locale) : '');
	const summary = page.summary;
	const timeline = summary?.timeline;
	const decisionDue = timeline?.deadlines.find((d) => d.kind === 'decision_due');
	return {
		asset: page.asset,
		may: page.may,
		saved: url.searchParams.get('saved'),
		savedDate: date(url.searchParams.get('date')),
		acv: summary
			? {
					state: timeline!.state,
					explain: {
						since: date(timeline!.stateSince),
						until: date(timeline!.stateUntil),
						due: date(decisionDue?.date),
						expiry: date(timeline!.expiryDate)
					},
					next: timeline!.nextDeadline
						? { kind: timeline!.nextDeadline.kind, date: date(timeline!.nextDeadline.date) }
						: null,
					reference: summary.nomination.reference,
					organisation: {
						name: summary.nomination.organisationName,
						slug: summary.nomination.organisationSlug
					},
					reasons: summary.nomination.reasons,
					decisionReasons: summary.nomination.decisionReasons,
					interestedGroups: timeline!.interestedGroups,
					isPending: summary.nomination.decision === null,
					hasNotice: timeline!.noticeDate !== null,
					rows: page.rows.map((row) => ({ ...row, dateText: date(row.date) }))
				}
			: null
	};
};
