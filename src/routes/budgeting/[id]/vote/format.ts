/** Dates on the voting pages, in UK English: "Friday 4 December 2026 at 5pm". */
const dateFormat = new Intl.DateTimeFormat('en-GB', {
	weekday: 'long',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/London'
});

/** A date as voters read it. */
export function formatVotingDate(date: Date | string | null | undefined): string {
	return date ? dateFormat.format(new Date(date)) : '';
}
