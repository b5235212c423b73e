/**
 * The rules of a transfer case's stages, as plain functions the use cases and pages share.
 *
 * A case moves forward one stage at a time: expression of interest → business plan → terms →
 * decision → completed. At any open stage the group may withdraw; refusal comes only through a
 * decision with reasons (`decideTransfer`), which may be made at any open stage. A case reaches
 * the decision stage only once terms are set, and completes only once the transfer is approved.
 */
import type { TransferDecision, TransferStage, TransferTenure } from './schema';

/**
 * Leases of 25 years or more let a group raise money elsewhere: many funders (the National
 * Lottery Community Fund among them) and lenders ask for security of tenure of at least 25
 * years before they fund capital works. Locality's community asset transfer guidance says the
 * same, so a shorter lease is flagged to the officer setting the terms and on the status page.
 */
export const LONG_LEASE_YEARS = 25;

/** Stages in which a case is still open. */
export const openStages: readonly TransferStage[] = [
	'expression_of_interest',
	'business_plan',
	'terms',
	'decision'
];

/** True when the case is still going. */
export function isOpenStage(stage: TransferStage): boolean {
	return openStages.includes(stage);
}

/** Where an officer may move a case from each stage with `advanceTransferCase`. */
const transitions: Record<TransferStage, readonly TransferStage[]> = {
	expression_of_interest: ['business_plan', 'withdrawn'],
	business_plan: ['terms', 'withdrawn'],
	terms: ['decision', 'business_plan', 'withdrawn'],
	decision: ['completed', 'withdrawn'],
	completed: [],
	withdrawn: [],
	refused: []
};

/** The state of a case that decides where it may go. */
export type StageState = {
	stage: TransferStage;
	tenure: TransferTenure | null;
	decision: TransferDecision | null;
};

/**
 * Why the case cannot move to `to`, or null when it can: a message key of the `transfer.`
 * catalogue.
 */
export function transitionProblem(
	state: StageState,
	to: TransferStage
): 'transfer.error.transition' | 'transfer.error.noTerms' | 'transfer.error.notApproved' | null {
	if (!transitions[state.stage].includes(to)) return 'transfer.error.transition';
	if (to === 'decision' && state.tenure === null) return 'transfer.error.noTerms';
	if (to === 'completed' && state.decision !== 'approved') return 'transfer.error.notApproved';
	return null;
}

/** The stages an officer may move the case to now (ignoring the conditions on terms). */
export function nextStages(stage: TransferStage): readonly TransferStage[] {
	return transitions[stage];
}

/** True when terms are a lease shorter than {@link LONG_LEASE_YEARS}. */
export function isShortLease(terms: { tenure: TransferTenure | null; leaseYears: number | null }) {
	return terms.tenure === 'lease' && (terms.leaseYears ?? 0) < LONG_LEASE_YEARS;
}
