import { describe, expect, it } from 'vitest';
import { currentPhase, isVotingOpen, phaseDateProblems, type PhaseDates } from './phases';

const none: PhaseDates = {
	ideasOpensAt: null,
	reviewOpensAt: null,
	votingOpensAt: null,
	votingClosesAt: null,
	resultsAt: null,
	deliveryAt: null
};
const d = (iso: string) => new Date(`${iso}T12:00:00Z`);
const scheduled: PhaseDates = {
	ideasOpensAt: d('2027-01-01'),
	reviewOpensAt: d('2027-02-01'),
	votingOpensAt: d('2027-03-01'),
	votingClosesAt: d('2027-03-15'),
	resultsAt: d('2027-03-20'),
	deliveryAt: d('2027-04-01')
};

describe('currentPhase', () => {
	it('is draft when nothing is scheduled', () => {
		expect(currentPhase(none, d('2027-01-01'))).toBe('draft');
	});

	it.each([
		['2026-12-31', 'draft'],
		['2027-01-01', 'ideas'],
		['2027-02-10', 'review'],
		['2027-03-01', 'voting'],
		['2027-03-14', 'voting'],
		['2027-03-15', 'counting'],
		['2027-03-25', 'results'],
		['2027-05-01', 'delivery']
	] as const)('on %s the process is in %s', (day, phase) => {
		expect(currentPhase(scheduled, d(day))).toBe(phase);
	});

	it('opens voting only between its dates', () => {
		expect(isVotingOpen(scheduled, d('2027-03-02'))).toBe(true);
		expect(isVotingOpen(scheduled, new Date(scheduled.votingClosesAt!.getTime()))).toBe(false);
	});
});

describe('phaseDateProblems', () => {
	it('accepts dates in order and unscheduled phases', () => {
		expect(phaseDateProblems(scheduled)).toEqual([]);
		expect(phaseDateProblems({ ...none, ideasOpensAt: d('2027-01-01') })).toEqual([]);
	});

	it('names the date that comes before the one it follows', () => {
		expect(phaseDateProblems({ ...scheduled, votingOpensAt: d('2027-01-15') })).toEqual([
			{ field: 'votingOpensAt', after: 'reviewOpensAt' }
		]);
	});

	it('asks for a closing date when voting has an opening date', () => {
		expect(
			phaseDateProblems({ ...none, votingOpensAt: d('2027-03-01') }).map((p) => p.field)
		).toEqual(['votingClosesAt']);
	});
});
