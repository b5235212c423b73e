import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { recordAudit } from '../../platform/audit';
import { DomainError, type FieldError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { requireCan, type Actor } from '../../platform/permissions';
import { platformPlaces } from '../../platform/schema';
import { optionsFromMeta, type CountOptions } from '../../../core/counting/index';
import { formatIssue, getMeta, PabulibError, parsePabulib } from '../../../core/counting/pabulib';
import {
	budgetingBallots,
	budgetingProcesses,
	budgetingProjects,
	budgetingResults,
	type BallotType,
	type StoredBallot
} from '../schema';
import { countElection } from '../results/outcome';
import { toElection } from './to-election';

/** What an import did. */
export type ImportReport = {
	processId: string;
	title: string;
	projects: number;
	ballots: number;
	winners: number;
};

/** At most this many problems are listed; the rest are counted. */
const maxIssues = 50;

function fileProblem(fileName: string, message: string, line = 0): DomainError {
	const text = formatIssue({ file: fileName, line, message });
	return new DomainError('invalid', text, [{ field: 'file', message: text }]);
}

/** Pabulib vote types as Powershare ballot types. */
function ballotTypeOf(voteType: string | undefined): BallotType {
	switch ((voteType ?? 'approval').trim()) {
		case 'ordinal':
			return 'ranked';
		case 'cumulative':
		case 'scoring':
			return 'cumulative';
		default:
			return 'approval';
	}
}

/** Reads "13.09.2019", "2019-09-13" or "2019": the start of that day (or year), UTC. */
function pabulibDate(text: string | undefined): Date | null {
	const t = (text ?? '').trim();
	let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
	if (m) return new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
	m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
	if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	m = /^(\d{4})$/.exec(t);
	if (m) return new Date(Date.UTC(Number(m[1]), 0, 1));
	return null;
}

/**
 * Imports a Pabulib file as a past process on a place, for research and demonstration: the
 * process (read-only, `importedFrom` set), its projects numbered in file order, its ballots
 * (anonymous; receipt hashes that no code matches) and its official result, counted from the
 * file with the rule its META names, exactly as `powershare verify` would. Amounts become pence
 * (×100), unless the file says they already are (`amount_unit;pence`, as Powershare's export
 * does). Problems come back as `file:line: what`; on any problem nothing is imported.
 */
export async function importProcessPb(
	db: Database,
	actor: Actor,
	input: { text: string; fileName: string; placeId: string; now?: Date }
): Promise<ImportReport> {
	const now = input.now ?? new Date();
	const fileName = input.fileName;
	const [place] = await db
		.select({ id: platformPlaces.id, path: platformPlaces.path, name: platformPlaces.name })
		.from(platformPlaces)
		.where(eq(platformPlaces.id, input.placeId));
	if (!place)
		throw new DomainError('invalid', 'Select the area the process was for', [
			{ field: 'placeId', message: 'Select the area the process was for' }
		]);
	requireCan(actor, 'budgeting.manage', place);

	let election;
	try {
		election = parsePabulib(input.text, fileName).election;
	} catch (e) {
		if (!(e instanceof PabulibError)) throw e;
		const issues: FieldError[] = e.issues
			.slice(0, maxIssues)
			.map((issue) => ({ field: 'file', message: formatIssue(issue) }));
		if (e.issues.length > maxIssues)
			issues.push({
				field: 'file',
				message: `${fileName}: and ${e.issues.length - maxIssues} more problems`
			});
		throw new DomainError('invalid', issues[0]?.message ?? `${fileName}: unreadable`, issues);
	}

	// The rule and tie-break META names, as Powershare's own export writes them.
	const fromMeta = optionsFromMeta(election.meta);
	if ('unsupported' in fromMeta)
		throw fileProblem(fileName, `cannot count: ${fromMeta.unsupported}`);
	const options: CountOptions = fromMeta;

	const isPence = (getMeta(election, 'amount_unit') ?? '').trim() === 'pence';
	const scale = isPence ? 1n : 100n;
	const budget = BigInt(
		String(getMeta(election, 'budget') ?? '0')
			.split(/[.,]/)[0]!
			.trim() || '0'
	);
	if (budget <= 0n) throw fileProblem(fileName, 'META budget must be more than 0');
	for (const p of election.projects)
		if (p.cost <= 0n)
			throw fileProblem(
				fileName,
				`project ${p.id} costs ${p.cost}; every project here must cost something`
			);
	if (election.projects.length === 0) throw fileProblem(fileName, 'the file has no projects');

	const ballotType = ballotTypeOf(getMeta(election, 'vote_type'));
	const unit = (getMeta(election, 'unit') ?? '').trim();
	const instance = (getMeta(election, 'instance') ?? '').trim();
	const description = (getMeta(election, 'description') ?? '').trim();
	const title = (description || [unit, instance].filter(Boolean).join(' ') || fileName).slice(
		0,
		200
	);
	const closes = pabulibDate(getMeta(election, 'date_end')) ?? now;
	const closesAt = closes.getTime() > now.getTime() ? now : closes;
	const opensAt = pabulibDate(getMeta(election, 'date_begin')) ?? closesAt;
	const maxLength = Number(getMeta(election, 'max_length') ?? '') || null;
	const currency = (getMeta(election, 'currency') ?? '').trim().toUpperCase();
	const processId = newId();

	const projects = election.projects.map((p, i) => ({
		id: newId(),
		processId,
		number: i + 1,
		title: (p.fields['name'] ?? '').trim() || `Project ${p.id}`,
		description: (p.fields['description'] ?? '').trim(),
		costPence: Number(p.cost * scale),
		status: 'on_ballot' as const
	}));
	const numberOf = new Map(election.projects.map((p, i) => [p.id, String(i + 1)]));
	const dbIdOf = new Map(election.projects.map((p, i) => [p.id, projects[i]!.id]));
	const ballots: StoredBallot[] = election.voters.map((v) => {
		const seen = new Set<string>();
		const ids: string[] = [];
		const points: number[] = [];
		v.vote.forEach((id, k) => {
			const dbId = dbIdOf.get(id);
			if (!dbId || seen.has(id)) return;
			seen.add(id);
			ids.push(dbId);
			points.push(v.points?.[k] ?? 1);
		});
		return ballotType === 'cumulative' ? { projectIds: ids, points } : { projectIds: ids };
	});

	let counted;
	try {
		counted = countElection(
			election,
			options,
			new Map(projects.map((p) => [String(p.number), p.id])),
			{ currency: /^[A-Z]{3}$/.test(currency) ? currency : 'GBP', scale, numberOf }
		);
	} catch (e) {
		if (e instanceof RangeError) throw fileProblem(fileName, `cannot count: ${e.message}`);
		throw e;
	}
	const processRow = {
		id: processId,
		placeId: place.id,
		title,
		description: [description, (getMeta(election, 'comment') ?? '').trim()]
			.filter(Boolean)
			.join('\n\n'),
		budgetPence: Number(budget * scale),
		status: 'published' as const,
		votingOpensAt: opensAt.getTime() > closesAt.getTime() ? closesAt : opensAt,
		votingClosesAt: closesAt,
		resultsAt: closesAt,
		ballotType,
		maxChoices: ballotType === 'ranked' || ballotType === 'approval' ? maxLength : null,
		minProjects: null,
		maxProjects: null,
		totalPoints: null,
		countingRule: options.rule,
		tieBreak: options.tieBreak,
		allowAccounts: false,
		allowCodes: false,
		importedFrom: fileName
	};
	const canonical = toElection({
		process: processRow,
		placeName: place.name,
		projects,
		ballots
	});

	await db.transaction(async (tx) => {
		await tx.insert(budgetingProcesses).values(processRow);
		await tx.insert(budgetingProjects).values(projects);
		const rows = ballots.map((ballot) => ({
			id: newId(),
			processId,
			ballot,
			receiptHash: createHash('sha256').update(randomBytes(32)).digest('hex')
		}));
		for (let i = 0; i < rows.length; i += 1000)
			await tx.insert(budgetingBallots).values(rows.slice(i, i + 1000));
		await tx.insert(budgetingResults).values({
			id: newId(),
			processId,
			kind: 'official',
			rule: counted.outcome.rule,
			outcome: counted.outcome,
			ballotsHash: canonical.ballotsHash,
			ballotCount: ballots.length,
			countedBy: 'budgeting.import',
			countedAt: now
		});
		await recordAudit(tx, actor, {
			action: 'budgeting.import',
			placeId: place.id,
			subjectType: 'budgeting_process',
			subjectId: processId,
			details: {
				file: fileName,
				projects: projects.length,
				ballots: ballots.length,
				rule: counted.outcome.rule
			}
		});
	});
	return {
		processId,
		title,
		projects: projects.length,
		ballots: ballots.length,
		winners: counted.outcome.selected.length
	};
}
