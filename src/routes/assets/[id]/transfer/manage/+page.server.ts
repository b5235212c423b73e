import { error, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import {
	addTransferDocument,
	addTransferDocumentSchema,
	advanceTransferCase,
	advanceTransferCaseSchema,
	decideTransfer,
	decideTransferSchema,
	getAssetTransfer,
	LONG_LEASE_YEARS,
	setTransferTerms,
	setTransferTermsSchema
} from '$lib/server/assets';
import { getDatabase } from '$lib/server/db';
import { formValues, validate, type Actor } from '$lib/server/platform';
import {
	actorOf,
	errorPage,
	failFromError,
	invalid,
	requireSignedIn
} from '../../../../admin/form-helpers';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const transfer = await getAssetTransfer(await getDatabase(), actor, params.id).catch(errorPage);
	if (!transfer.canManage) error(403, 'You cannot manage the transfer of this asset.');
	const wanted = url.searchParams.get('case');
	const selected =
		transfer.cases.find((c) => c.id === wanted) ??
		transfer.cases.find((c) => c.isOpen) ??
		transfer.cases[0] ??
		null;
	return {
		asset: transfer.asset,
		cases: transfer.cases.map((c) => ({
			id: c.id,
			organisationName: c.organisation.name,
			stage: c.stage
		})),
		selected,
		longLeaseYears: LONG_LEASE_YEARS,
		saved: url.searchParams.get('saved')
	};
};

/**
 * Runs one of the page's forms: validate, call the use case, and come back to the same case with
 * a note of what was saved. Each form says which it is, so errors show beside the right one.
 */
async function runForm<S extends z.ZodType>(
	event: RequestEvent,
	name: string,
	schema: S,
	run: (actor: Actor, input: z.output<S>, origin: string) => Promise<unknown>
) {
	const values = formValues(await event.request.formData());
	const parsed = validate(schema, values);
	if (!parsed.ok) return invalid(parsed.errors, values, name);
	try {
		await run(actorOf(event.locals), parsed.data, event.url.origin);
	} catch (cause) {
		return failFromError(cause, values, name);
	}
	redirect(
		303,
		`/assets/${event.params.id}/transfer/manage?case=${encodeURIComponent(values.caseId ?? '')}&saved=${name}`
	);
}

export const actions: Actions = {
	advance: (event) =>
		runForm(event, 'advance', advanceTransferCaseSchema, async (actor, input, origin) =>
			advanceTransferCase(await getDatabase(), actor, input, { origin })
		),
	terms: (event) =>
		runForm(event, 'terms', setTransferTermsSchema, async (actor, input, origin) =>
			setTransferTerms(await getDatabase(), actor, input, { origin })
		),
	decide: (event) =>
		runForm(event, 'decide', decideTransferSchema, async (actor, input, origin) =>
			decideTransfer(await getDatabase(), actor, input, { origin })
		),
	document: (event) =>
		runForm(event, 'document', addTransferDocumentSchema, async (actor, input, origin) =>
			addTransferDocument(await getDatabase(), actor, input, { origin })
		)
};
