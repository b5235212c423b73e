import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { writePabulib } from '../../../core/counting/pabulib';
import { slugify } from '../../platform/ids';
import { loadProcessElection } from '../results/process-election';
import { officialResult } from '../results/queries';
import { storedCountOptions } from './to-election';

/**
 * A counted process as a Pabulib `.pb` file, for anyone: projects (numbered as on the ballot,
 * with cost in pence, votes or score, and whether the official count selected them), the
 * ballots in canonical order with voter ids 1…n (nothing from the roll of who voted), and META
 * naming the rule and tie-break the official count used, so `powershare count file.pb` with no
 * flags gives the official winners (an imported process may have been counted with a variant of
 * its rule, such as greedy with a threshold, so the result's options are used, not the process's
 * rule). Only published processes with an official result: a running vote is never exported.
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
	const countOptions = storedCountOptions(result.outcome.options);
	const { process, canonical } = await loadProcessElection(db, input.processId, {
		selected: new Set(result.outcome.selected),
		...(countOptions ? { countOptions } : {})
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
