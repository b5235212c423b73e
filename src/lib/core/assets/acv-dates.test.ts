import { describe, expect, it } from 'vitest';
import {
	acvTimeline,
	addDays,
	endOfMonthsBeginningWith,
	endOfWeeksBeginningWith,
	isIsoDate,
	type AcvEvent,
	type AcvTimeline
} from './acv-dates';

describe('endOfWeeksBeginningWith', () => {
	it.each([
		// [start, weeks, last day] — "beginning with" counts the start day: start + 7N − 1.
		['2025-01-01', 6, '2025-02-11'],
		['2025-06-02', 6, '2025-07-13'],
		['2024-12-20', 6, '2025-01-30'], // across a year end
		['2024-02-29', 6, '2024-04-10'], // from a leap day
		['2024-02-01', 8, '2024-03-27'], // 8 weeks across 29 February
		['2025-02-01', 8, '2025-03-28'], // the same in a common year ends a day later
		['2025-01-10', 8, '2025-03-06'],
		['2025-08-31', 6, '2025-10-11']
	])('%s + %i weeks ends on %s', (start, weeks, end) => {
		expect(endOfWeeksBeginningWith(start, weeks)).toBe(end);
	});
});

describe('endOfMonthsBeginningWith', () => {
	it.each([
		// The day before the corresponding date N months later…
		['2025-01-15', 6, '2025-07-14'],
		['2025-03-01', 6, '2025-08-31'],
		['2025-09-01', 6, '2026-02-28'],
		['2025-07-31', 18, '2027-01-30'],
		['2025-12-15', 18, '2027-06-14'],
		['2025-06-02', 18, '2026-12-01'],
		['2025-02-20', 60, '2030-02-19'],
		['2020-03-01', 60, '2025-02-28'],
		['2023-08-29', 6, '2024-02-28'], // 29 February exists in 2024: the day before it
		// …and, where there is no corresponding date, the last day of that month.
		['2025-08-31', 6, '2026-02-28'],
		['2025-08-30', 6, '2026-02-28'],
		['2023-08-31', 6, '2024-02-29'], // leap year: the last day of February is the 29th
		['2024-08-31', 18, '2026-02-28'],
		['2025-01-31', 1, '2025-02-28'],
		['2024-01-31', 1, '2024-02-29'],
		['2024-02-29', 6, '2024-08-28'], // a leap-day start has a corresponding date in August
		['2024-02-29', 18, '2025-08-28'],
		['2024-02-29', 60, '2029-02-28'], // no 29 February in 2029
		['2024-03-01', 60, '2029-02-28']
	])('%s + %i months ends on %s', (start, months, end) => {
		expect(endOfMonthsBeginningWith(start, months)).toBe(end);
	});
});

describe('date helpers', () => {
	it('rejects dates that do not exist', () => {
		expect(isIsoDate('2025-02-29')).toBe(false);
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2025-13-01')).toBe(false);
		expect(isIsoDate('1 May 2025')).toBe(false);
		expect(() => acvTimeline([], '2025-02-30')).toThrow(RangeError);
	});

	it('adds days across centuries', () => {
		expect(addDays('1999-12-31', 1)).toBe('2000-01-01');
		expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // 2100 is not a leap year
		expect(addDays('2000-02-28', 1)).toBe('2000-02-29'); // 2000 is
		expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
	});
});

const nominated = (date: string): AcvEvent => ({ kind: 'nominated', date });
const listed = (date: string): AcvEvent => ({ kind: 'decided', date, outcome: 'listed' });
const notListed = (date: string): AcvEvent => ({ kind: 'decided', date, outcome: 'not_listed' });
const notice = (date: string): AcvEvent => ({ kind: 'disposal_notice', date });
const request = (date: string, group = 'Friends of the Red Lion'): AcvEvent => ({
	kind: 'bid_request',
	date,
	group
});
const exempt = (date: string): AcvEvent => ({ kind: 'exempt_disposal', date, exemption: 'gift' });
const completed = (date: string): AcvEvent => ({ kind: 'disposal_completed', date });
const removed = (date: string): AcvEvent => ({ kind: 'removed', date });

/** A pub nominated on 10 January 2025 and listed on 20 February 2025. */
const listedPub = [nominated('2025-01-10'), listed('2025-02-20')];
/** …whose owner's notice reached the council on 2 June 2025 (interim ends 13 July). */
const pubForSale = [...listedPub, notice('2025-06-02')];

type Row = {
	name: string;
	events: AcvEvent[];
	today: string;
	expected: Partial<AcvTimeline>;
	next?: [string, string] | null;
	notes?: string[];
	dates?: Record<string, string>;
};

const rows: Row[] = [
	{
		name: 'nothing recorded',
		events: [],
		today: '2025-01-01',
		expected: { state: 'not_nominated' },
		next: null
	},
	{
		name: 'a nomination awaits a decision, due 8 weeks beginning with receipt (reg. 7)',
		events: [nominated('2025-01-10')],
		today: '2025-02-01',
		expected: { state: 'nominated', stateSince: '2025-01-10', stateUntil: '2025-03-06' },
		next: ['decision_due', '2025-03-06']
	},
	{
		name: 'on the last day of the 8 weeks the decision is not yet overdue',
		events: [nominated('2025-01-10')],
		today: '2025-03-06',
		expected: { state: 'nominated' },
		next: ['decision_due', '2025-03-06']
	},
	{
		name: 'the day after the 8 weeks the decision is overdue',
		events: [nominated('2025-01-10')],
		today: '2025-03-07',
		expected: { state: 'decision_overdue', stateSince: '2025-03-07', stateUntil: null },
		next: ['decision_due', '2025-03-06']
	},
	{
		name: 'a nomination across 29 February is due a day earlier than in a common year',
		events: [nominated('2024-02-01')],
		today: '2024-02-02',
		expected: { state: 'nominated' },
		next: ['decision_due', '2024-03-27']
	},
	{
		name: 'a late decision still lists the land',
		events: [nominated('2025-01-10'), listed('2025-04-01')],
		today: '2025-04-02',
		expected: { state: 'listed', listingDate: '2025-04-01', expiryDate: '2030-03-31' },
		next: ['listing_expires', '2030-03-31']
	},
	{
		name: 'listed land stays listed for 5 years beginning with the entry (s.87(3))',
		events: listedPub,
		today: '2025-06-01',
		expected: {
			state: 'listed',
			decision: 'listed',
			decisionDate: '2025-02-20',
			listingDate: '2025-02-20',
			expiryDate: '2030-02-19',
			stateSince: '2025-02-20',
			stateUntil: '2030-02-19'
		},
		next: ['listing_expires', '2030-02-19']
	},
	{
		name: 'a nomination refused',
		events: [nominated('2025-01-10'), notListed('2025-02-20')],
		today: '2025-03-01',
		expected: { state: 'not_listed', decision: 'not_listed', listingDate: null, expiryDate: null },
		next: null
	},
	{
		name: 'the owner’s notice starts a 6-week interim moratorium (s.95(2), s.95(6))',
		events: pubForSale,
		today: '2025-06-10',
		expected: {
			state: 'interim_moratorium',
			noticeDate: '2025-06-02',
			stateSince: '2025-06-02',
			stateUntil: '2025-07-13'
		},
		next: ['interim_moratorium_ends', '2025-07-13'],
		dates: { interim_moratorium_ends: '2025-07-13', protected_period_ends: '2026-12-01' }
	},
	{
		name: 'on the notice day itself the interim moratorium applies',
		events: pubForSale,
		today: '2025-06-02',
		expected: { state: 'interim_moratorium' }
	},
	{
		name: 'a request on the last day of the 6 weeks starts the full moratorium (s.95(3)(a))',
		events: [...pubForSale, request('2025-07-13')],
		today: '2025-07-20',
		expected: {
			state: 'full_moratorium',
			stateSince: '2025-06-02',
			stateUntil: '2025-12-01',
			interestedGroups: ['Friends of the Red Lion']
		},
		next: ['full_moratorium_ends', '2025-12-01'],
		notes: ['request_starts_full_moratorium'],
		dates: { full_moratorium_ends: '2025-12-01', protected_period_ends: '2026-12-01' }
	},
	{
		name: 'a request the day after the 6 weeks starts nothing',
		events: [...pubForSale, request('2025-07-14')],
		today: '2025-07-20',
		expected: {
			state: 'protected_period',
			stateSince: '2025-07-14',
			stateUntil: '2026-12-01',
			interestedGroups: []
		},
		next: ['protected_period_ends', '2026-12-01'],
		notes: ['request_after_interim']
	},
	{
		name: 'the full moratorium runs 6 months from the notice, not from the request',
		events: [...pubForSale, request('2025-06-03')],
		today: '2025-12-01',
		expected: { state: 'full_moratorium', stateUntil: '2025-12-01' }
	},
	{
		name: 'after the full moratorium the owner may sell for the rest of the protected period',
		events: [...pubForSale, request('2025-06-03')],
		today: '2025-12-02',
		expected: { state: 'protected_period', stateSince: '2025-12-02', stateUntil: '2026-12-01' },
		next: ['protected_period_ends', '2026-12-01']
	},
	{
		name: 'with no request the protected period follows the 6 weeks',
		events: pubForSale,
		today: '2025-07-14',
		expected: { state: 'protected_period', stateSince: '2025-07-14' }
	},
	{
		name: 'after the protected period the land is simply listed again',
		events: pubForSale,
		today: '2026-12-02',
		expected: { state: 'listed', stateSince: '2026-12-02', stateUntil: '2030-02-19' },
		next: ['listing_expires', '2030-02-19']
	},
	{
		name: 'a second request in the interim period adds a bidder without changing dates',
		events: [
			...pubForSale,
			request('2025-06-10'),
			request('2025-06-20', 'Ashbrook Parish Council'),
			request('2025-06-21')
		],
		today: '2025-06-25',
		expected: {
			state: 'full_moratorium',
			stateUntil: '2025-12-01',
			interestedGroups: ['Friends of the Red Lion', 'Ashbrook Parish Council']
		},
		notes: ['request_starts_full_moratorium', 'further_request', 'further_request']
	},
	{
		name: 'a new notice within the protected period starts no new moratorium (s.95(4))',
		events: [...pubForSale, notice('2026-03-01')],
		today: '2026-03-10',
		expected: { state: 'protected_period', noticeDate: '2025-06-02' },
		notes: ['notice_in_protected_period']
	},
	{
		name: 'a notice on the last day of the protected period starts no new moratorium',
		events: [...pubForSale, notice('2026-12-01')],
		today: '2026-12-01',
		expected: { state: 'protected_period' },
		notes: ['notice_in_protected_period']
	},
	{
		name: 'a notice after the protected period starts a new moratorium',
		events: [...pubForSale, notice('2026-12-05')],
		today: '2026-12-10',
		expected: { state: 'interim_moratorium', noticeDate: '2026-12-05', stateUntil: '2027-01-15' }
	},
	{
		name: 'an exempt disposal is recorded and starts no moratorium (s.95(5), Sch. 3)',
		events: [...listedPub, exempt('2025-06-02')],
		today: '2025-06-10',
		expected: { state: 'listed', noticeDate: null },
		notes: ['exempt_disposal'],
		next: ['listing_expires', '2030-02-19']
	},
	{
		name: 'an exempt disposal during a moratorium leaves the moratorium running',
		events: [...pubForSale, exempt('2025-06-05')],
		today: '2025-06-10',
		expected: { state: 'interim_moratorium' },
		notes: ['exempt_disposal']
	},
	{
		name: 'a sale completed in the protected period ends that cycle; the land stays listed',
		events: [...pubForSale, completed('2025-08-01')],
		today: '2025-08-02',
		expected: { state: 'listed', noticeDate: null },
		notes: ['disposal_completed']
	},
	{
		name: 'a new owner’s notice after a completed sale starts a new moratorium',
		events: [...pubForSale, completed('2025-08-01'), notice('2025-09-01')],
		today: '2025-09-02',
		expected: { state: 'interim_moratorium', noticeDate: '2025-09-01', stateUntil: '2025-10-12' }
	},
	{
		name: 'a sale completed during a moratorium is flagged (s.95(1))',
		events: [...pubForSale, completed('2025-06-20')],
		today: '2025-06-21',
		notes: ['disposal_during_moratorium'],
		expected: { state: 'listed' }
	},
	{
		name: 'a request without an owner’s notice starts nothing',
		events: [...listedPub, request('2025-03-01')],
		today: '2025-03-02',
		expected: { state: 'listed' },
		notes: ['request_without_notice']
	},
	{
		name: 'a notice for land not yet listed starts nothing',
		events: [nominated('2025-01-10'), notice('2025-01-20')],
		today: '2025-01-21',
		expected: { state: 'nominated', noticeDate: null },
		notes: ['notice_while_not_listed']
	},
	{
		name: 'a leap-day notice with a request on the last interim day',
		events: [
			nominated('2023-12-01'),
			listed('2024-01-20'),
			notice('2024-02-29'),
			request('2024-04-10')
		],
		today: '2024-04-11',
		expected: { state: 'full_moratorium', stateUntil: '2024-08-28' },
		dates: {
			interim_moratorium_ends: '2024-04-10',
			full_moratorium_ends: '2024-08-28',
			protected_period_ends: '2025-08-28',
			listing_expires: '2029-01-19'
		}
	},
	{
		name: 'a leap-day listing expires on 28 February five years on',
		events: [nominated('2024-01-05'), listed('2024-02-29')],
		today: '2029-02-28',
		expected: { state: 'listed', expiryDate: '2029-02-28' }
	},
	{
		name: 'a 31 August notice: the full moratorium ends on the last day of February',
		events: [
			nominated('2025-05-01'),
			listed('2025-06-01'),
			notice('2025-08-31'),
			request('2025-09-01')
		],
		today: '2025-09-02',
		expected: { state: 'full_moratorium', stateUntil: '2026-02-28' },
		dates: {
			interim_moratorium_ends: '2025-10-11',
			full_moratorium_ends: '2026-02-28',
			protected_period_ends: '2027-02-28'
		}
	},
	{
		name: 'a 31 August notice in the year before a leap year ends on 29 February',
		events: [
			nominated('2023-05-01'),
			listed('2023-06-01'),
			notice('2023-08-31'),
			request('2023-10-11')
		],
		today: '2024-02-29',
		expected: { state: 'full_moratorium', stateUntil: '2024-02-29' }
	},
	{
		name: 'a request on the day after a 31 August notice’s interim period starts nothing',
		events: [
			nominated('2025-05-01'),
			listed('2025-06-01'),
			notice('2025-08-31'),
			request('2025-10-12')
		],
		today: '2025-10-13',
		expected: { state: 'protected_period', stateUntil: '2027-02-28' },
		notes: ['request_after_interim']
	},
	{
		name: 'the listing is in force on its last day',
		events: [nominated('2020-01-10'), listed('2020-03-01')],
		today: '2025-02-28',
		expected: { state: 'listed', expiryDate: '2025-02-28' }
	},
	{
		name: 'the day after, it has expired',
		events: [nominated('2020-01-10'), listed('2020-03-01')],
		today: '2025-03-01',
		expected: { state: 'expired', stateSince: '2025-03-01' },
		next: null
	},
	{
		name: 'expiry ends a moratorium still running (s.95(1) binds only listed land)',
		events: [
			nominated('2020-01-10'),
			listed('2020-03-01'),
			notice('2025-01-20'),
			request('2025-01-25')
		],
		today: '2025-03-01',
		expected: { state: 'expired' }
	},
	{
		name: 'a notice after expiry starts nothing',
		events: [nominated('2020-01-10'), listed('2020-03-01'), notice('2025-03-01')],
		today: '2025-03-02',
		expected: { state: 'expired', noticeDate: null },
		notes: ['notice_while_not_listed']
	},
	{
		name: 're-nomination after expiry is a fresh nomination',
		events: [
			nominated('2020-01-10'),
			listed('2020-03-01'),
			notice('2021-01-04'),
			nominated('2025-04-01')
		],
		today: '2025-04-10',
		expected: {
			state: 'nominated',
			nominationDate: '2025-04-01',
			decision: null,
			listingDate: null,
			expiryDate: null,
			noticeDate: null,
			earlierNominations: 1
		},
		next: ['decision_due', '2025-05-26'],
		notes: ['renominated']
	},
	{
		name: 're-nomination after expiry, then listed again: a new 5 years',
		events: [
			nominated('2020-01-10'),
			listed('2020-03-01'),
			nominated('2025-04-01'),
			listed('2025-05-01')
		],
		today: '2025-05-02',
		expected: {
			state: 'listed',
			listingDate: '2025-05-01',
			expiryDate: '2030-04-30',
			earlierNominations: 1
		}
	},
	{
		name: 're-nomination while listed changes nothing',
		events: [...listedPub, nominated('2026-01-01')],
		today: '2026-01-02',
		expected: { state: 'listed', nominationDate: '2025-01-10', earlierNominations: 0 },
		notes: ['nomination_while_active']
	},
	{
		name: 're-nomination after a refusal is a fresh nomination',
		events: [nominated('2025-01-10'), notListed('2025-02-20'), nominated('2025-03-01')],
		today: '2025-03-02',
		expected: { state: 'nominated', nominationDate: '2025-03-01', earlierNominations: 1 }
	},
	{
		name: 'a second decision on the same nomination is ignored',
		events: [...listedPub, notListed('2025-03-01')],
		today: '2025-03-02',
		expected: { state: 'listed' },
		notes: ['decision_without_nomination']
	},
	{
		name: 'removal takes the land off the list',
		events: [...pubForSale, removed('2025-06-05')],
		today: '2025-06-10',
		expected: { state: 'removed', stateSince: '2025-06-05' },
		next: null
	},
	{
		name: 're-nomination after removal is a fresh nomination',
		events: [...listedPub, removed('2025-06-05'), nominated('2025-07-01')],
		today: '2025-07-02',
		expected: { state: 'nominated', earlierNominations: 1 }
	},
	{
		name: 'events recorded for a future date are ignored until then',
		events: [...listedPub, notice('2025-06-02')],
		today: '2025-05-01',
		expected: { state: 'listed', noticeDate: null },
		notes: ['future_event']
	},
	{
		name: 'events are taken in date order whatever order they were given in',
		events: [
			request('2025-07-13'),
			notice('2025-06-02'),
			listed('2025-02-20'),
			nominated('2025-01-10')
		],
		today: '2025-07-20',
		expected: { state: 'full_moratorium', stateUntil: '2025-12-01' }
	}
];

describe('acvTimeline', () => {
	it.each(rows)('$name', ({ events, today, expected, next, notes, dates }) => {
		const timeline = acvTimeline(events, today);
		expect(timeline).toMatchObject(expected);
		if (next !== undefined) {
			expect(
				timeline.nextDeadline ? [timeline.nextDeadline.kind, timeline.nextDeadline.date] : null
			).toEqual(next);
		}
		if (notes) expect(timeline.notes.map((n) => n.kind)).toEqual(notes);
		if (dates) {
			const byKind = Object.fromEntries(timeline.deadlines.map((d) => [d.kind, d.date]));
			expect(byKind).toMatchObject(dates);
		}
	});

	it('cites the Act or the Regulations for every date', () => {
		const timeline = acvTimeline([...pubForSale, request('2025-06-03')], '2025-06-04');
		expect(timeline.deadlines.map((d) => [d.kind, d.rule.citation])).toEqual([
			['decision_due', 'SI 2012/2421 reg. 7'],
			['interim_moratorium_ends', 'Localism Act 2011 s.95(2), s.95(6)'],
			['full_moratorium_ends', 'Localism Act 2011 s.95(3)(a), s.95(6)'],
			['protected_period_ends', 'Localism Act 2011 s.95(4), s.95(6)'],
			['listing_expires', 'Localism Act 2011 s.87(3)']
		]);
		expect(timeline.deadlines.every((d) => d.startDate <= d.date)).toBe(true);
		expect(timeline.deadlines.find((d) => d.kind === 'decision_due')?.isPast).toBe(true);
	});
});
