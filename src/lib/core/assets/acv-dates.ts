/**
 * Assets of Community Value: the state of a listing and every statutory date, computed from the
 * events recorded against an asset.
 *
 * Sources, and how sure we are of each citation:
 * - Localism Act 2011, Part 5, Chapter 3 ("the Act"), and the Assets of Community Value (England)
 *   Regulations 2012, SI 2012/2421 ("the Regulations").
 * - Checked against the published text: s.87(3) (an entry is removed at the end of 5 years
 *   beginning with the date of the entry); s.98 (a request to be treated as a potential bidder
 *   received "before the end of the interim moratorium period"); reg. 7 (decision within 8 weeks
 *   of receiving the nomination, per the Regulations' explanatory note).
 * - From the structure of s.95 as we read it, less certain of the exact paragraph: the owner's
 *   notice is Condition A, s.95(2); the request is in Condition B, s.95(3)(a); the protected period
 *   is Condition C, s.95(4); exempt disposals are s.95(5) with further ones in Schedule 3 of the
 *   Regulations; the three periods are defined in s.95(6). s.95(6) is a list of definitions, not
 *   lettered paragraphs, so we cite "s.95(6)" and name the definition rather than "(a)/(b)/(c)".
 *
 * Counting: every period here is one "beginning with" a day, which counts that day (the usual
 * statutory reading; contrast "from", which excludes it). Dates are calendar dates `YYYY-MM-DD`
 * handled as day numbers in the proleptic Gregorian calendar, so no clock or time zone is involved;
 * "today" is passed in.
 *
 * Pure: no clock, no Node, no framework.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Something recorded against an asset, on the date it happened (or was received). */
export type AcvEvent =
	| { kind: 'nominated'; date: IsoDate }
	| { kind: 'decided'; date: IsoDate; outcome: 'listed' | 'not_listed' }
	| { kind: 'disposal_notice'; date: IsoDate }
	| { kind: 'bid_request'; date: IsoDate; group: string }
	| { kind: 'exempt_disposal'; date: IsoDate; exemption?: string }
	| { kind: 'disposal_completed'; date: IsoDate }
	| { kind: 'removed'; date: IsoDate };

/** Where an asset stands today. */
export type AcvState =
	| 'not_nominated'
	| 'nominated'
	| 'decision_overdue'
	| 'not_listed'
	| 'listed'
	| 'interim_moratorium'
	| 'full_moratorium'
	| 'protected_period'
	| 'expired'
	| 'removed';

/** Each statutory date the platform tracks. */
export type AcvDeadlineKind =
	| 'decision_due'
	| 'listing_expires'
	| 'interim_moratorium_ends'
	| 'full_moratorium_ends'
	| 'protected_period_ends';

/** The rule behind a date: where it comes from, and the period it counts. */
export type AcvRule = { citation: string; period: string };

/** A statutory date: the last day of a period that began on `startDate`. */
export type AcvDeadline = {
	kind: AcvDeadlineKind;
	/** The last day of the period (the deadline is the end of this day). */
	date: IsoDate;
	startDate: IsoDate;
	rule: AcvRule;
	/** True when the period ended before today. */
	isPast: boolean;
};

/** Something the timeline noticed about an event: why it changed nothing, or what it meant. */
export type AcvNoteKind =
	| 'future_event'
	| 'nomination_while_active'
	| 'decision_without_nomination'
	| 'notice_while_not_listed'
	| 'notice_in_protected_period'
	| 'request_without_notice'
	| 'request_after_interim'
	| 'request_starts_full_moratorium'
	| 'further_request'
	| 'exempt_disposal'
	| 'disposal_during_moratorium'
	| 'disposal_completed'
	| 'renominated';

/** A note on one event (by its index in the input). */
export type AcvNote = { kind: AcvNoteKind; date: IsoDate; eventIndex: number };

/** The computed timeline of the current nomination. */
export type AcvTimeline = {
	state: AcvState;
	/** The first day of the current state, when known. */
	stateSince: IsoDate | null;
	/** The last day of the current state, when it has a statutory end. */
	stateUntil: IsoDate | null;
	nominationDate: IsoDate | null;
	decision: 'listed' | 'not_listed' | null;
	decisionDate: IsoDate | null;
	listingDate: IsoDate | null;
	expiryDate: IsoDate | null;
	/** Date the authority received the owner's notice: the start of the protected period. */
	noticeDate: IsoDate | null;
	/** Groups whose in-time requests made them potential bidders, in the order received. */
	interestedGroups: string[];
	/** Every date of the current nomination (and its current moratorium), in date order. */
	deadlines: AcvDeadline[];
	/** The next date still to come that matters in the current state. */
	nextDeadline: AcvDeadline | null;
	notes: AcvNote[];
	/** How many earlier nominations ended (not listed, expired or removed) before this one. */
	earlierNominations: number;
};

/** The rules, with their citations. */
export const acvRules: Record<AcvDeadlineKind, AcvRule> = {
	// The Regulations, reg. 7: the authority must decide within 8 weeks beginning with the date it
	// receives the nomination.
	decision_due: {
		citation: 'SI 2012/2421 reg. 7',
		period: '8 weeks beginning with the date the nomination was received'
	},
	// The Act, s.87(3): the entry is removed at the end of 5 years beginning with the date of entry.
	listing_expires: {
		citation: 'Localism Act 2011 s.87(3)',
		period: '5 years beginning with the date of listing'
	},
	// s.95(2) (the owner's notice) and s.95(6) ("interim moratorium period"): 6 weeks beginning with
	// the date the authority receives the notice.
	interim_moratorium_ends: {
		citation: 'Localism Act 2011 s.95(2), s.95(6)',
		period: '6 weeks beginning with the date the owner’s notice was received'
	},
	// s.95(3)(a) and s.98(1) (a written request received before the interim period ends) and s.95(6)
	// ("full moratorium period"): 6 months beginning with the date of the notice, not the request.
	full_moratorium_ends: {
		citation: 'Localism Act 2011 s.95(3)(a), s.95(6)',
		period: '6 months beginning with the date the owner’s notice was received'
	},
	// s.95(4) (Condition C) and s.95(6) ("protected period"): 18 months beginning with that date.
	protected_period_ends: {
		citation: 'Localism Act 2011 s.95(4), s.95(6)',
		period: '18 months beginning with the date the owner’s notice was received'
	}
};

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01), after Howard Hinnant's
// "chrono-Compatible Low-Level Date Algorithms" (days_from_civil / civil_from_days).

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12). */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

type Civil = { year: number; month: number; day: number };

function parseIso(date: IsoDate): Civil {
	const match = isoPattern.exec(date);
	if (!match) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
		throw new RangeError(`No such date: ${date}`);
	}
	return { year, month, day };
}

/** True when `date` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(date: string): boolean {
	try {
		parseIso(date);
		return true;
	} catch {
		return false;
	}
}

function toIso({ year, month, day }: Civil): IsoDate {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayNumber({ year, month, day }: Civil): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): Civil {
	const z = days + 719468;
	const era = Math.floor(z / 146097);
	const doe = z - era * 146097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `date` plus `days` (which may be negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
	return toIso(fromDayNumber(dayNumber(parseIso(date)) + days));
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
	return dayNumber(parseIso(a)) - dayNumber(parseIso(b));
}

/**
 * The last day of a period of `weeks` weeks beginning with `start`. "Beginning with" counts the
 * start day, so the period is 7 × weeks days long and ends on start + 7 × weeks − 1.
 */
export function endOfWeeksBeginningWith(start: IsoDate, weeks: number): IsoDate {
	return addDays(start, 7 * weeks - 1);
}

/**
 * The last day of a period of `months` calendar months beginning with `start`.
 *
 * A month is a calendar month (Interpretation Act 1978, Sch. 1). Under the corresponding date rule
 * (Dodds v Walker [1981] 1 WLR 1027, HL) a period of N months ends on the date in the Nth month that
 * corresponds to its start; because this period *begins with* (includes) the start day, it ends on
 * the day before the corresponding date: 15 January + 6 months ends on 14 July.
 *
 * Where the corresponding date does not exist (31 August + 6 months: there is no 31 February) we
 * follow Dodds v Walker's rule for a missing date and end the period on the last day of that month
 * (28 or 29 February), treating the corresponding date as the first day of the next month. The
 * alternative — clamp to 28 February and then take the day before, 27 February — would make the
 * period shorter than the 6 months the Act gives a community group, and would make a period that
 * starts on 31 August end earlier than one that starts on 1 September. With our reading 29, 30 and
 * 31 August and 1 September (non-leap year) all end on 28 February.
 */
export function endOfMonthsBeginningWith(start: IsoDate, months: number): IsoDate {
	const { year, month, day } = parseIso(start);
	const index = year * 12 + (month - 1) + months;
	const target = { year: Math.floor(index / 12), month: (index % 12) + 1 };
	const last = daysInMonth(target.year, target.month);
	if (day > last) return toIso({ ...target, day: last });
	return addDays(toIso({ ...target, day }), -1);
}

// ---------------------------------------------------------------------------------------------

type Moratorium = {
	noticeDate: IsoDate;
	interimEnd: IsoDate;
	fullEnd: IsoDate | null;
	protectedEnd: IsoDate;
};

type Cycle = {
	nominationDate: IsoDate;
	decision: 'listed' | 'not_listed' | null;
	decisionDate: IsoDate | null;
	expiryDate: IsoDate | null;
	removedDate: IsoDate | null;
	moratorium: Moratorium | null;
	interestedGroups: string[];
};

const before = (a: IsoDate, b: IsoDate) => compareDates(a, b) < 0;
const after = (a: IsoDate, b: IsoDate) => compareDates(a, b) > 0;

/** True when the cycle's nomination is over on `date`, so a new nomination starts afresh. */
function isClosed(cycle: Cycle, date: IsoDate): boolean {
	if (cycle.removedDate !== null) return true;
	if (cycle.decision === 'not_listed') return true;
	return cycle.expiryDate !== null && after(date, cycle.expiryDate);
}

/** True when the land is on the list on `date`. */
function isListedOn(cycle: Cycle, date: IsoDate): boolean {
	return cycle.decision === 'listed' && !isClosed(cycle, date);
}

/** The last day of the moratorium itself (interim, or full when a request came in time). */
function moratoriumEnd(m: Moratorium): IsoDate {
	return m.fullEnd ?? m.interimEnd;
}

/**
 * The state of an asset of community value on `today`, with every statutory date and the rule
 * behind it, from the events recorded against it.
 *
 * Events are taken in date order (ties keep their input order), and events dated after `today` are
 * ignored with a `future_event` note. Rules applied, with their sources:
 * - A nomination starts a nomination cycle; a decision is due 8 weeks beginning with the date it
 *   was received (reg. 7). A nomination made after the land was not listed, removed or its listing
 *   expired starts a fresh cycle (a re-nomination is a new nomination; nothing carries over); one
 *   made while a nomination or listing is live changes nothing.
 * - A "listed" decision is the entry in the list; the entry lasts 5 years beginning with that date
 *   (s.87(3)).
 * - The owner's notice (s.95(2)), received while the land is listed, starts the interim moratorium
 *   (6 weeks), and fixes the full moratorium (6 months) and protected period (18 months), all
 *   beginning with the date the authority received it (s.95(6)). A notice received during the
 *   protected period of an earlier notice starts no new moratorium: Conditions A–C of s.95 stay met
 *   for the whole protected period (s.95(4)), so the owner needs no fresh moratorium to sell.
 * - A written request by a community interest group to be treated as a potential bidder, received
 *   on or before the last day of the interim period, means Condition B can only be met by the full
 *   moratorium ending (s.95(3)); s.98(1) likewise speaks of a request received "before the end of
 *   the interim moratorium period". A request on the day after starts nothing.
 * - An exempt disposal (s.95(5); Schedule 3 of the Regulations) is recorded and starts no moratorium.
 * - A completed disposal ends the current moratorium cycle: the protected period protects the
 *   person who gave notice (Condition A, "that particular person"), and a new owner must give a new
 *   notice. A disposal completed during a moratorium is noted as contrary to s.95(1).
 * - A removal takes the land off the list.
 */
export function acvTimeline(events: readonly AcvEvent[], today: IsoDate): AcvTimeline {
	parseIso(today);
	const notes: AcvNote[] = [];
	const ordered = events
		.map((event, index) => ({ event, index }))
		.sort((a, b) => compareDates(a.event.date, b.event.date) || a.index - b.index);

	let cycle: Cycle | null = null;
	let earlierNominations = 0;
	const note = (kind: AcvNoteKind, date: IsoDate, eventIndex: number) =>
		notes.push({ kind, date, eventIndex });

	for (const { event, index } of ordered) {
		const d = event.date;
		if (after(d, today)) {
			note('future_event', d, index);
			continue;
		}
		switch (event.kind) {
			case 'nominated': {
				if (cycle && !isClosed(cycle, d)) {
					note('nomination_while_active', d, index);
					break;
				}
				if (cycle) {
					earlierNominations += 1;
					note('renominated', d, index);
				}
				cycle = {
					nominationDate: d,
					decision: null,
					decisionDate: null,
					expiryDate: null,
					removedDate: null,
					moratorium: null,
					interestedGroups: []
				};
				break;
			}
			case 'decided': {
				if (!cycle || cycle.decision !== null || cycle.removedDate !== null) {
					note('decision_without_nomination', d, index);
					break;
				}
				cycle.decision = event.outcome;
				cycle.decisionDate = d;
				if (event.outcome === 'listed') cycle.expiryDate = endOfMonthsBeginningWith(d, 60);
				break;
			}
			case 'disposal_notice': {
				if (!cycle || !isListedOn(cycle, d)) {
					note('notice_while_not_listed', d, index);
					break;
				}
				const current = cycle.moratorium;
				if (current && !after(d, current.protectedEnd)) {
					note('notice_in_protected_period', d, index);
					break;
				}
				cycle.moratorium = {
					noticeDate: d,
					interimEnd: endOfWeeksBeginningWith(d, 6),
					fullEnd: null,
					protectedEnd: endOfMonthsBeginningWith(d, 18)
				};
				cycle.interestedGroups = [];
				break;
			}
			case 'bid_request': {
				const m = cycle && isListedOn(cycle, d) ? cycle.moratorium : null;
				if (!cycle || !m) {
					note('request_without_notice', d, index);
					break;
				}
				if (after(d, m.interimEnd)) {
					note('request_after_interim', d, index);
					break;
				}
				if (m.fullEnd === null) {
					m.fullEnd = endOfMonthsBeginningWith(m.noticeDate, 6);
					note('request_starts_full_moratorium', d, index);
				} else {
					note('further_request', d, index);
				}
				if (!cycle.interestedGroups.includes(event.group)) cycle.interestedGroups.push(event.group);
				break;
			}
			case 'exempt_disposal': {
				note('exempt_disposal', d, index);
				break;
			}
			case 'disposal_completed': {
				const m = cycle?.moratorium ?? null;
				if (cycle && m && !after(d, moratoriumEnd(m))) {
					note('disposal_during_moratorium', d, index);
				} else {
					note('disposal_completed', d, index);
				}
				if (cycle) cycle.moratorium = null;
				break;
			}
			case 'removed': {
				if (cycle && cycle.removedDate === null) cycle.removedDate = d;
				break;
			}
		}
	}

	return summarise(cycle, today, notes, earlierNominations);
}

function deadline(
	kind: AcvDeadlineKind,
	startDate: IsoDate,
	date: IsoDate,
	today: IsoDate
): AcvDeadline {
	return { kind, date, startDate, rule: acvRules[kind], isPast: before(date, today) };
}

function summarise(
	cycle: Cycle | null,
	today: IsoDate,
	notes: AcvNote[],
	earlierNominations: number
): AcvTimeline {
	const base = {
		notes,
		earlierNominations,
		nominationDate: cycle?.nominationDate ?? null,
		decision: cycle?.decision ?? null,
		decisionDate: cycle?.decisionDate ?? null,
		listingDate: cycle?.decision === 'listed' ? cycle.decisionDate : null,
		expiryDate: cycle?.expiryDate ?? null,
		noticeDate: cycle?.moratorium?.noticeDate ?? null,
		interestedGroups: cycle?.interestedGroups ?? []
	};
	if (!cycle) {
		return {
			...base,
			state: 'not_nominated',
			stateSince: null,
			stateUntil: null,
			deadlines: [],
			nextDeadline: null
		};
	}

	const deadlines: AcvDeadline[] = [];
	const decisionDue = endOfWeeksBeginningWith(cycle.nominationDate, 8);
	deadlines.push(deadline('decision_due', cycle.nominationDate, decisionDue, today));
	const m = cycle.moratorium;
	if (cycle.decisionDate && cycle.expiryDate) {
		deadlines.push(deadline('listing_expires', cycle.decisionDate, cycle.expiryDate, today));
	}
	if (m) {
		deadlines.push(deadline('interim_moratorium_ends', m.noticeDate, m.interimEnd, today));
		if (m.fullEnd) deadlines.push(deadline('full_moratorium_ends', m.noticeDate, m.fullEnd, today));
		deadlines.push(deadline('protected_period_ends', m.noticeDate, m.protectedEnd, today));
	}
	deadlines.sort((a, b) => compareDates(a.date, b.date));

	let state: AcvState;
	let stateSince: IsoDate | null;
	let stateUntil: IsoDate | null = null;
	if (cycle.removedDate) {
		state = 'removed';
		stateSince = cycle.removedDate;
	} else if (cycle.decision === null) {
		const overdue = after(today, decisionDue);
		state = overdue ? 'decision_overdue' : 'nominated';
		stateSince = overdue ? addDays(decisionDue, 1) : cycle.nominationDate;
		stateUntil = overdue ? null : decisionDue;
	} else if (cycle.decision === 'not_listed') {
		state = 'not_listed';
		stateSince = cycle.decisionDate;
	} else if (cycle.expiryDate && after(today, cycle.expiryDate)) {
		// Expiry wins over any moratorium still running: s.95(1) binds only land on the list.
		state = 'expired';
		stateSince = addDays(cycle.expiryDate, 1);
	} else if (m && m.fullEnd && !after(today, m.fullEnd)) {
		state = 'full_moratorium';
		stateSince = m.noticeDate;
		stateUntil = m.fullEnd;
	} else if (m && !after(today, m.interimEnd)) {
		state = 'interim_moratorium';
		stateSince = m.noticeDate;
		stateUntil = m.interimEnd;
	} else if (m && !after(today, m.protectedEnd)) {
		state = 'protected_period';
		stateSince = addDays(moratoriumEnd(m), 1);
		stateUntil = m.protectedEnd;
	} else {
		state = 'listed';
		stateSince = m ? addDays(m.protectedEnd, 1) : cycle.decisionDate;
		stateUntil = cycle.expiryDate;
	}

	const relevant: Record<AcvState, AcvDeadlineKind[]> = {
		not_nominated: [],
		nominated: ['decision_due'],
		decision_overdue: [],
		not_listed: [],
		listed: ['listing_expires'],
		interim_moratorium: ['interim_moratorium_ends', 'protected_period_ends', 'listing_expires'],
		full_moratorium: ['full_moratorium_ends', 'protected_period_ends', 'listing_expires'],
		protected_period: ['protected_period_ends', 'listing_expires'],
		expired: [],
		removed: []
	};
	const nextDeadline =
		deadlines.find((x) => !x.isPast && relevant[state].includes(x.kind)) ??
		(state === 'decision_overdue'
			? (deadlines.find((x) => x.kind === 'decision_due') ?? null)
			: null);

	return { ...base, state, stateSince, stateUntil, deadlines, nextDeadline };
}
