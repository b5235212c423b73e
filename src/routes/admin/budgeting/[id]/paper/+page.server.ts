import { error } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { enterPaperBallot, getBallotPage, readBallotForm } from '$lib/server/budgeting';
import { can } from '$lib/server/platform';
import { failFromError, requireSignedIn } from '../../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const page = await getBallotPage(await getDatabase(), actor, {
		processId: params.id,
		withNeighbourhoods: true
	});
	if (!page) error(404, 'There is no such budget.');
	if (!can(actor, 'budgeting.paper_ballot', page.process.place))
		error(403, 'Only officers can enter paper ballots for this budget.');
	return {
		process: { id: page.process.id, title: page.process.title },
		projects: page.projects,
		rules: page.rules,
		rulesText: page.rulesText,
		isOpen: page.isOpen,
		neighbourhoods: page.neighbourhoods
	};
};

export const actions: Actions = {
	default: async ({ params, locals, request, url }) => {
		const actor = requireSignedIn(locals, url);
		const db = await getDatabase();
		const page = await getBallotPage(db, actor, { processId: params.id });
		if (!page) error(404, 'There is no such budget.');
		const { submitted, extras, values } = readBallotForm(
			await request.formData(),
			page.rules.ballotType,
			page.projects.map((p) => p.id)
		);
		try {
			const { receipt } = await enterPaperBallot(db, actor, {
				processId: params.id,
				submitted,
				placeId: extras.placeId || null,
				code: extras.code
			});
			// A fresh, empty form for the next ballot; the receipt in case the voter wants it.
			return { entered: { receipt } };
		} catch (cause) {
			return failFromError(cause, values);
		}
	}
};
