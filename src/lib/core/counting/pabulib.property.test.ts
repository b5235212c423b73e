import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PabulibError, parsePabulib, parsePabulibChunks, writePabulib } from './pabulib';
import type { PabulibElection, PabulibProject, PabulibVoter, VoteType } from './types';

/** The election as plain data, voters' computed `fields` included, for deep comparison. */
function plain(election: PabulibElection) {
	return {
		meta: election.meta,
		projectColumns: election.projectColumns,
		projects: election.projects.map((p) => ({ id: p.id, cost: p.cost, fields: { ...p.fields } })),
		voteColumns: election.voteColumns,
		voters: election.voters.map((v) => ({
			id: v.id,
			vote: v.vote,
			...(v.points ? { points: v.points } : {}),
			fields: { ...v.fields }
		}))
	};
}

/** Text that stresses the format: separators, quotes, line breaks, spaces and non-Latin letters. */
const nastyChar = fc.constantFrom(
	';',
	'"',
	',',
	'\n',
	'\r',
	' ',
	'a',
	'Z',
	'7',
	'.',
	'ł',
	'ő',
	'中',
	'🙂',
	'\uFEFF'
);
const nastyText = fc.oneof(
	fc.string({ unit: nastyChar, maxLength: 8 }),
	fc.string({ unit: 'grapheme', maxLength: 8 })
);
/** Project ids: anything votes can name, so no comma and not empty. */
const projectId = nastyText.filter((s) => s !== '' && !s.includes(','));
const voterId = nastyText.filter((s) => s !== '');
/** Column names are compared trimmed, so generated ones carry no surrounding space. */
const columnName = fc
	.string({ unit: nastyChar, minLength: 1, maxLength: 6 })
	.filter((s) => s.trim() === s && s !== '' && !RESERVED_COLUMNS.has(s.toLowerCase()));
const RESERVED_COLUMNS = new Set(['project_id', 'cost', 'voter_id', 'vote', 'points']);
const RESERVED_META = new Set(['budget', 'vote_type', 'num_projects', 'num_votes']);
const metaKey = nastyText.filter((k) => !RESERVED_META.has(k.trim().toLowerCase()));

const electionArb: fc.Arbitrary<PabulibElection> = fc
	.record({
		voteType: fc.constantFrom<VoteType>('approval', 'ordinal', 'cumulative', 'scoring', 'choose-1'),
		budget: fc.bigInt({ min: 0n, max: 10n ** 20n }),
		extraMeta: fc.array(fc.tuple(metaKey, nastyText), { maxLength: 4 }),
		projects: fc.uniqueArray(
			fc.record({
				id: projectId,
				cost: fc.bigInt({ min: 0n, max: 10n ** 18n }),
				costStyle: fc.constantFrom('plain', 'decimal'),
				extra: fc.array(nastyText, { minLength: 2, maxLength: 2 })
			}),
			{ selector: (p) => p.id, minLength: 1, maxLength: 6 }
		),
		projectExtraColumns: fc.uniqueArray(columnName, { maxLength: 2 }),
		voterExtraColumns: fc.uniqueArray(columnName, { maxLength: 2 }),
		withPoints: fc.boolean(),
		voters: fc.uniqueArray(
			fc.record({
				id: voterId,
				picks: fc.array(fc.nat(), { maxLength: 6 }),
				points: fc.array(fc.integer({ min: -5, max: 1000 }), { minLength: 6, maxLength: 6 }),
				extra: fc.array(nastyText, { minLength: 2, maxLength: 2 })
			}),
			{ selector: (v) => v.id, maxLength: 8 }
		),
		declareCounts: fc.boolean()
	})
	.map((g) => {
		const meta: [string, string][] = [...g.extraMeta];
		meta.splice(Math.min(1, meta.length), 0, ['budget', g.budget.toString()]);
		meta.push(['vote_type', g.voteType]);
		if (g.declareCounts) {
			meta.push(
				['num_projects', String(g.projects.length)],
				['num_votes', String(g.voters.length)]
			);
		}
		const projectColumns = ['project_id', 'cost', ...g.projectExtraColumns];
		const projects: PabulibProject[] = g.projects.map((p) => {
			const fields: Record<string, string> = {
				project_id: p.id,
				cost: p.costStyle === 'plain' ? p.cost.toString() : `${p.cost}.0`
			};
			g.projectExtraColumns.forEach((c, k) => (fields[c] = p.extra[k] ?? ''));
			return { id: p.id, cost: p.cost, fields };
		});
		const needsPoints = g.voteType === 'cumulative' || g.voteType === 'scoring';
		const hasPoints = needsPoints || g.withPoints;
		const voteColumns = [
			'voter_id',
			'vote',
			...(hasPoints ? ['points'] : []),
			...g.voterExtraColumns
		];
		const voters: PabulibVoter[] = g.voters.map((v) => {
			let vote = [...new Set(v.picks.map((i) => projects[i % projects.length]!.id))];
			if (g.voteType === 'choose-1') vote = vote.slice(0, 1);
			const points = hasPoints ? v.points.slice(0, vote.length) : undefined;
			const fields: Record<string, string> = { voter_id: v.id, vote: vote.join(',') };
			if (points) fields.points = points.join(',');
			g.voterExtraColumns.forEach((c, k) => (fields[c] = v.extra[k] ?? ''));
			return { id: v.id, vote, ...(points ? { points } : {}), fields };
		});
		return { meta, projectColumns, projects, voteColumns, voters };
	});

/** Parses, accepting a result or a PabulibError and nothing else. */
function parseOrReject(text: string): 'ok' | 'rejected' {
	try {
		parsePabulib(text, 'fuzz.pb');
		return 'ok';
	} catch (e) {
		if (e instanceof PabulibError) {
			for (const issue of e.issues) {
				expect(issue.file).toBe('fuzz.pb');
				expect(Number.isInteger(issue.line)).toBe(true);
				expect(issue.message.length).toBeGreaterThan(0);
			}
			return 'rejected';
		}
		throw e;
	}
}

describe('Pabulib writer and reader', () => {
	it('reads back exactly what it wrote, for any election', () => {
		fc.assert(
			fc.property(electionArb, (election) => {
				const { election: read } = parsePabulib(writePabulib(election), 'round-trip.pb');
				expect(plain(read)).toEqual(plain(election));
			}),
			{ numRuns: 400 }
		);
	});

	it('writes its own reading of a written file byte for byte', () => {
		fc.assert(
			fc.property(electionArb, (election) => {
				const text = writePabulib(election);
				expect(writePabulib(parsePabulib(text, 'x.pb').election)).toBe(text);
			}),
			{ numRuns: 200 }
		);
	});

	it('reads the same election whatever the chunk boundaries, line ends and text or bytes', async () => {
		await fc.assert(
			fc.asyncProperty(
				electionArb,
				fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 20 }),
				fc.boolean(),
				fc.boolean(),
				async (election, sizes, crlf, asBytes) => {
					let text = writePabulib(election);
					if (crlf) text = text.replaceAll('\n', '\r\n');
					// Bytes are split anywhere, inside multi-byte characters too.
					const source = asBytes ? new TextEncoder().encode(text) : text;
					const chunks: (string | Uint8Array)[] = [];
					for (let i = 0, k = 0; i < source.length; k++) {
						const size = sizes[k % sizes.length]!;
						chunks.push(source.slice(i, i + size));
						i += size;
					}
					const whole = plain(parsePabulib(text, 'x.pb').election);
					expect(plain((await parsePabulibChunks(chunks, 'x.pb')).election)).toEqual(whole);
				}
			),
			{ numRuns: 150 }
		);
	});
});

describe('Pabulib reader on garbage', () => {
	it('never fails with anything but a PabulibError on arbitrary text', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ unit: nastyChar }), fc.string({ unit: 'binary' })),
				(text) => {
					parseOrReject(text);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('never fails with anything but a PabulibError on arbitrary section-shaped lines', () => {
		const line = fc.oneof(
			fc.constantFrom(
				'META',
				'PROJECTS',
				'VOTES',
				'key;value',
				'project_id;cost',
				'voter_id;vote;points',
				'budget;10',
				'vote_type;cumulative',
				''
			),
			fc.string({ unit: nastyChar, maxLength: 12 })
		);
		fc.assert(
			fc.property(fc.array(line, { maxLength: 14 }), (lines) => {
				parseOrReject(lines.join('\n'));
			}),
			{ numRuns: 1000 }
		);
	});

	it('never fails with anything but a PabulibError on mutated real-looking files', () => {
		const mutation = fc.record({
			at: fc.nat(),
			kind: fc.constantFrom(
				'delete',
				'insert',
				'replace',
				'drop-line',
				'duplicate-line',
				'swap-lines'
			),
			char: nastyChar
		});
		fc.assert(
			fc.property(
				electionArb,
				fc.array(mutation, { minLength: 1, maxLength: 5 }),
				(election, mutations) => {
					let text = writePabulib(election);
					for (const m of mutations) {
						const i = m.at % (text.length + 1);
						const lines = text.split('\n');
						const l = m.at % lines.length;
						switch (m.kind) {
							case 'delete':
								text = text.slice(0, i) + text.slice(i + 1);
								break;
							case 'insert':
								text = text.slice(0, i) + m.char + text.slice(i);
								break;
							case 'replace':
								text = text.slice(0, i) + m.char + text.slice(i + 1);
								break;
							case 'drop-line':
								lines.splice(l, 1);
								text = lines.join('\n');
								break;
							case 'duplicate-line':
								lines.splice(l, 0, lines[l]!);
								text = lines.join('\n');
								break;
							case 'swap-lines': {
								const other = (l * 7 + 3) % lines.length;
								[lines[l], lines[other]] = [lines[other]!, lines[l]!];
								text = lines.join('\n');
								break;
							}
						}
					}
					parseOrReject(text);
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('rejects garbage chunks that are not text with its own error', async () => {
		await expect(parsePabulibChunks([42 as unknown as string], 'x.pb')).rejects.toBeInstanceOf(
			PabulibError
		);
	});
});
