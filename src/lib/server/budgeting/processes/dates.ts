/**
 * Phase dates as organisers type them: a calendar day in the UK. A phase starts at midnight at
 * the start of its day, UK time (GMT or BST); voting is entered as its last day and closes at
 * midnight at the end of it.
 */

const londonParts = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'Europe/London',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit',
	hourCycle: 'h23'
});

function wallClock(at: Date) {
	const parts = Object.fromEntries(
		londonParts.formatToParts(at).map((p) => [p.type, p.value])
	) as Record<string, string>;
	return {
		iso: `${parts.year}-${parts.month}-${parts.day}`,
		asUtc: Date.UTC(
			Number(parts.year),
			Number(parts.month) - 1,
			Number(parts.day),
			Number(parts.hour),
			Number(parts.minute),
			Number(parts.second)
		)
	};
}

/** Midnight at the start of a `YYYY-MM-DD` day in the UK, as an instant. */
export function ukMidnight(isoDay: string): Date {
	const guess = Date.parse(`${isoDay}T00:00:00Z`);
	// The UK is never more than an hour off UTC, so one correction lands on local midnight.
	const offset = wallClock(new Date(guess)).asUtc - guess;
	return new Date(guess - offset);
}

/** The UK calendar day (`YYYY-MM-DD`) an instant falls on. */
export function ukDay(at: Date): string {
	return wallClock(at).iso;
}

/** The day after a `YYYY-MM-DD` day. */
export function nextDay(isoDay: string): string {
	const next = new Date(Date.parse(`${isoDay}T00:00:00Z`) + 24 * 60 * 60 * 1000);
	return next.toISOString().slice(0, 10);
}

/** The day before a `YYYY-MM-DD` day. */
export function previousDay(isoDay: string): string {
	const before = new Date(Date.parse(`${isoDay}T00:00:00Z`) - 24 * 60 * 60 * 1000);
	return before.toISOString().slice(0, 10);
}
