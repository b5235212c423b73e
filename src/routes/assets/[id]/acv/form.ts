/** Glue shared by the asset-of-community-value pages. */
import { error } from '@sveltejs/kit';
import { getAcvPage, type AcvPage } from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { actorOf, errorPage, requireSignedIn } from '../../../admin/form-helpers';

/** The day, month and year typed into the date input called `name`, as `YYYY-MM-DD`. */
export function dateFrom(values: Record<string, string>, name: string): string {
	const day = (values[`${name}-day`] ?? '').trim();
	const month = (values[`${name}-month`] ?? '').trim();
	const year = (values[`${name}-year`] ?? '').trim();
	if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return '';
	return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** The page of an asset for a signed-in person allowed to do `action`, else 403. */
export async function requireAcvAction(
	locals: App.Locals,
	url: URL,
	assetId: string,
	action: keyof AcvPage['may']
): Promise<AcvPage> {
	const actor = requireSignedIn(locals, url);
	const page = await getAcvPage(await getDatabase(), actor, assetId).catch(errorPage);
	if (!page.may[action]) error(403, 'You do not have permission to do this here.');
	return page;
}

/** The page of an asset for anyone. */
export async function loadAcvPage(locals: App.Locals, assetId: string): Promise<AcvPage> {
	return getAcvPage(await getDatabase(), actorOf(locals), assetId).catch(errorPage);
}
