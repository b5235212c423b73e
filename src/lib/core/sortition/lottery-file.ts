/**
 * The published lottery file: one CSV row per run of tickets naming the same panel,
 *
 * ```
 * first_ticket,last_ticket,tickets,member_1,member_2,…,member_k
 * 1,3,3,2,5,9
 * 4,4,1,2,7,9
 * ```
 *
 * with CRLF line ends, rows in ticket order and each panel's members in pool order (on the
 * platform, volunteer numbers). The file's SHA-256 is the lottery's fingerprint that the draw
 * ({@link drawTicket}) combines with the public seed, so the same lottery must always give the
 * same bytes: {@link formatLotteryCsv} is the only writer, used by the command line and the
 * server alike. One member per column keeps any id unambiguous (quoted as RFC 4180 requires)
 * and lets a spreadsheet show the file as it is.
 */
import { drawTicket } from './lottery';
import { parseCsv, type FileProblem } from './pool-csv';

/** A lottery as published: runs of tickets and the ids of the members each names. */
export type PublishedLottery = {
	size: number;
	panels: { firstTicket: number; tickets: number; members: string[] }[];
};

const cell = (value: string) =>
	/[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;

/** The lottery file's text (see the module comment); equal lotteries give equal text. */
export function formatLotteryCsv(lottery: PublishedLottery): string {
	const width = Math.max(0, ...lottery.panels.map((p) => p.members.length));
	const header = ['first_ticket', 'last_ticket', 'tickets'];
	for (let m = 1; m <= width; m++) header.push(`member_${m}`);
	const lines = [header.join(',')];
	for (const entry of lottery.panels)
		lines.push(
			[
				String(entry.firstTicket),
				String(entry.firstTicket + entry.tickets - 1),
				String(entry.tickets),
				...entry.members.map(cell)
			].join(',')
		);
	return lines.join('\r\n') + '\r\n';
}

/** Result of {@link readLotteryCsv}. */
export type LotteryReadResult =
	{ ok: true; lottery: PublishedLottery } | { ok: false; problems: FileProblem[] };

/**
 * Reads a lottery file, checking that its tickets run from 1 without gaps or overlaps and that
 * every row names at least one member. Problems are reported as `file:line: what is wrong`.
 */
export function readLotteryCsv(text: string, file = 'lottery.csv'): LotteryReadResult {
	const parsed = parseCsv(text);
	const problems: FileProblem[] = parsed.problems.map((p) => ({ file, ...p }));
	const [header, ...rows] = parsed.rows;
	if (!header) return { ok: false, problems: [{ file, line: 1, message: 'the file is empty' }] };
	const names = header.cells.map((c) => c.trim().toLowerCase());
	if (names[0] !== 'first_ticket' || names[1] !== 'last_ticket' || names[2] !== 'tickets')
		return {
			ok: false,
			problems: [
				{
					file,
					line: header.line,
					message: 'the header must start with first_ticket,last_ticket,tickets'
				}
			]
		};
	const panels: PublishedLottery['panels'] = [];
	let next = 1;
	for (const row of rows) {
		const at = (message: string) => problems.push({ file, line: row.line, message });
		const [first, last, count] = row.cells.slice(0, 3).map((c) => c.trim());
		const isWhole = (v: string | undefined) => v !== undefined && /^\d+$/.test(v);
		if (!isWhole(first) || !isWhole(last) || !isWhole(count)) {
			at('first_ticket, last_ticket and tickets must be whole numbers');
			continue;
		}
		const firstTicket = Number(first);
		const tickets = Number(count);
		if (tickets < 1 || Number(last) !== firstTicket + tickets - 1) {
			at(`tickets ${first} to ${last} are not ${count} tickets`);
			continue;
		}
		if (firstTicket !== next) at(`the tickets should continue from ${next}, not ${firstTicket}`);
		next = firstTicket + tickets;
		const members = row.cells.slice(3).filter((c) => c !== '');
		if (members.length === 0) at('the row names no members');
		panels.push({ firstTicket, tickets, members });
		if (problems.length >= 20) break;
	}
	if (panels.length === 0 && problems.length === 0)
		problems.push({ file, line: header.line, message: 'the lottery has no tickets' });
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, lottery: { size: next - 1, panels } };
}

/** The members a ticket names. */
export function membersOfTicket(lottery: PublishedLottery, ticket: number): string[] {
	for (const entry of lottery.panels)
		if (ticket >= entry.firstTicket && ticket < entry.firstTicket + entry.tickets)
			return entry.members;
	throw new RangeError(`ticket ${ticket} is not between 1 and ${lottery.size}`);
}

/** The public draw on a published lottery: the ticket for `seed` and the members it names. */
export function drawFromPublishedLottery(options: {
	lottery: PublishedLottery;
	lotterySha256: string;
	seed: string;
}): { ticket: number; members: string[] } {
	const ticket = drawTicket({
		lotterySha256: options.lotterySha256,
		seed: options.seed,
		size: options.lottery.size
	});
	return { ticket, members: membersOfTicket(options.lottery, ticket) };
}
