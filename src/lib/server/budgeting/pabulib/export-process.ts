import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { writePabulib } from '../../../core/counting/pabulib';
import { slugify } from '../../platform/ids';
import { loadProcessElection } from '../results/process-election';
import { officialResult } from '../results/queries';

/**
 * A counted process as a Pabulib `.pb` file, for anyone: projects (numbered as on the ballot,
 * with cost in pence, votes or score, and whether the official count selected them), the
 * ballots in canonical order with voter ids 1…n (nothing from the roll of who voted), and META.
 * Only published processes with an official result: a running vote is never exported.
 */
export async function exportProcessPb(
	db: Executor,
	input: { processId: string }
): Promise<{ fileName: string; text: string; ballotsHash: string }> {
	const result = await officialResult(db, input.processId);
	if (!result)
		throw new DomainError(
			'not_found',
			'This process has not been counted, so there is no file yet.'
		);
	const { process, canonical } = await loadProcessElection(db, input.processId, {
		selected: new Set(result.outcome.selected)
	});
	if (process.status !== 'published')
		throw new DomainError('not_found', 'That budgeting process does not exist.');
	const year = (process.votingClosesAt ?? new Date(0)).getUTCFullYear();
	return {
		fileName: `${slugify(process.title) || 'budget'}-${year}.pb`,
		text: writePabulib(canonical.election),
		ballotsHash: canonical.ballotsHash
	};
}
