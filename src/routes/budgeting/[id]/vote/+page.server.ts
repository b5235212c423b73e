import { error, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { castBallot, getBallotPage, readBallotForm } from '$lib/server/budgeting';
import { actorOf, failFromError } from '../../../admin/form-helpers';
import type { Actions, PageServerLoad } from './$types';

/** The cookie that carries the receipt code to the page after voting, once. */
const receiptCookie = 'ps_receipt';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const db = await getDatabase();
	const page = await getBallotPage(db, actorOf(locals), { processId: params.id });
	if (!page) error(404, 'There is no such budget.');
	setHeaders({ 'cache-control': 'private, no-store' });
	const { process } = page;
	return {
		process: {
			id: process.id,
			title: process.title,
			placeName: process.place.name,
			budgetPence: process.budgetPence,
			allowCodes: process.allowCodes,
			allowAccounts: process.allowAccounts,
			minAge: process.minAge,
			postcodeDistricts: process.postcodeDistricts,
			votingOpensAt: process.votingOpensAt,
			votingClosesAt: process.votingClosesAt
		},
		projects: page.projects,
		rules: page.rules,
		rulesText: page.rulesText,
		phase: page.phase,
		isOpen: page.isOpen,
		canUseAccount: page.canUseAccount,
		voterName: locals.user?.name ?? null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { params, locals, request, cookies, url } = event;
		const db = await getDatabase();
		const actor = actorOf(locals);
		const page = await getBallotPage(db, actor, { processId: params.id });
		if (!page) error(404, 'There is no such budget.');
		const { submitted, extras, values } = readBallotForm(
			await request.formData(),
			page.rules.ballotType,
			page.projects.map((p) => p.id)
		);
		let receipt: string;
		try {
			({ receipt } = await castBallot(db, actor, {
				processId: params.id,
				submitted,
				code: extras.code,
				isAgeConfirmed: extras.isAgeConfirmed,
				postcode: extras.postcode,
				clientAddress: event.getClientAddress(),
				loaded: { process: page.process, projects: page.projects }
			}));
		} catch (cause) {
			return failFromError(cause, values);
		}
		// The receipt travels to the next page in a short-lived cookie for that page alone, so it is
		// never in a URL (and so never in a log or the browser's history).
		cookies.set(receiptCookie, receipt, {
			path: `/budgeting/${params.id}/vote/done`,
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 600
		});
		redirect(303, `/budgeting/${params.id}/vote/done`);
	}
};
