/**
 * The results as the pages show them: money as pounds, dates in words, shares of turnout as
 * percentages. Shared by the public results page and the organiser's counting page.
 */
import { formatPence, type ProcessResults } from '$lib/server/budgeting';

const longDate = new Intl.DateTimeFormat('en-GB', {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});

/** A date as "4 December 2026". */
export function formatDate(at: Date | null): string {
	return at ? longDate.format(at) : '';
}

/** The results page's data. */
export function resultsView(results: ProcessResults) {
	const { process, result, turnout } = results;
	const outcome = result?.outcome;
	const money = (pence: string) => formatPence(pence, outcome?.currency ?? 'GBP');
	const share = (n: number) =>
		turnout.total === 0 ? '' : `${Math.round((n / turnout.total) * 1000) / 10}%`;
	const left = outcome ? BigInt(outcome.budgetPence) - BigInt(outcome.totalCostPence) : 0n;
	return {
		process: {
			id: process.id,
			title: process.title,
			placeName: process.placeName,
			ballotType: process.ballotType,
			countingRule: process.countingRule,
			tieBreak: process.tieBreak,
			importedFrom: process.importedFrom,
			maxChoices: process.maxChoices,
			votingClosesAt: formatDate(process.votingClosesAt)
		},
		phase: results.phase,
		state: results.state,
		result:
			result && outcome
				? {
						ballotsHash: result.ballotsHash,
						ballotCount: result.ballotCount,
						countedAt: formatDate(result.countedAt),
						recountFlags: outcome.recountFlags,
						budget: money(outcome.budgetPence),
						spent: money(outcome.totalCostPence),
						left: money(left.toString()),
						winners: outcome.selected
							.map((n) => outcome.projects.find((p) => p.number === n)!)
							.map((p) => ({
								label: `${p.number}. ${p.title}`,
								cost: money(p.costPence),
								votes: Number(p.votes)
							})),
						projects: outcome.projects.map((p) => ({
							number: p.number,
							title: p.title,
							cost: money(p.costPence),
							votes: Number(p.votes),
							isFunded: p.isFunded,
							sentence: p.sentence
						}))
					}
				: null,
		turnout: {
			total: turnout.total,
			byChannel: turnout.byChannel.map((c) => ({ ...c, share: share(c.count) })),
			byPlace: turnout.byPlace.map((p) => ({ ...p, share: share(p.count) }))
		}
	};
}
