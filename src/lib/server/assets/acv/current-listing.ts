/** The nomination whose listing is in force on a date, for recording notices and requests. */
import type { IsoDate } from '../../../core/assets/acv-dates';
import { compareDates } from '../../../core/assets/acv-dates';
import type { Executor } from '../../db/client';
import { DomainError } from '../../platform/errors';
import { getAcvSummary, type AcvSummary } from './queries';

/** The asset's summary and its listed nomination, or `conflict` when it is not listed on `date`. */
export async function requireListedOn(
	db: Executor,
	assetId: string,
	date: IsoDate,
	today: IsoDate
): Promise<AcvSummary> {
	const summary = await getAcvSummary(db, assetId, { today });
	const n = summary?.nomination;
	const isListed =
		n &&
		n.decision === 'listed' &&
		n.listingDate &&
		n.expiryDate &&
		compareDates(n.listingDate, date) <= 0 &&
		compareDates(date, n.expiryDate) <= 0 &&
		(!n.removedDate || compareDates(date, n.removedDate) < 0);
	if (!summary || !isListed) {
		throw new DomainError(
			'conflict',
			'This asset was not on the list of assets of community value on that date.'
		);
	}
	return summary;
}

/** Refuses a date in the future: these are things the council has already received. */
export function requireNotFuture(date: IsoDate, today: IsoDate, field: string): void {
	if (compareDates(date, today) > 0) {
		throw new DomainError('invalid', 'The date cannot be in the future.', [
			{ field, message: 'The date must be today or in the past' }
		]);
	}
}
