import type { CountOptions } from '../../../core/counting/index';
import type { Executor } from '../../db/client';
import { toElection, type CanonicalElection } from '../pabulib/to-election';
import {
	ballotProjects,
	processBallots,
	requireResultsProcess,
	type ProcessWithPlace
} from './queries';

/**
 * Loads a process's projects and ballots and builds its canonical election (ballots sorted by
 * content, hashed). `selected` marks winners for an export, and `countOptions` the options its
 * META names (by default the process's rule).
 */
export async function loadProcessElection(
	db: Executor,
	processId: string,
	options: { selected?: ReadonlySet<string>; countOptions?: CountOptions } = {}
): Promise<ProcessWithPlace & { canonical: CanonicalElection }> {
	const found = await requireResultsProcess(db, processId);
	const [projects, ballots] = await Promise.all([
		ballotProjects(db, processId),
		processBallots(db, processId)
	]);
	const canonical = toElection({
		process: found.process,
		placeName: found.placeName,
		projects,
		ballots,
		...(options.selected ? { selected: options.selected } : {}),
		...(options.countOptions ? { countOptions: options.countOptions } : {})
	});
	return { ...found, canonical };
}
