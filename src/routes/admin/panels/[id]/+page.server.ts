import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	dateFromFields,
	drawPanel,
	dropoutSchema,
	getOrganiserPanel,
	inviteMembers,
	publishLottery,
	replaceMember,
	retentionSchema,
	seedSchema,
	setRetention,
	startSelection
} from '$lib/server/panels';
import { formValues, validate } from '$lib/server/platform';
import { errorPage, failFromError, invalid, requireSignedIn } from '../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = requireSignedIn(locals, url);
	let view;
	try {
		view = await getOrganiserPanel(await getDatabase(), actor, params.id);
	} catch (cause) {
		errorPage(cause);
	}
	const { panel, latest } = view;
	const running = view.selections.find((s) => s.status === 'queued' || s.status === 'running');
	const byNumber = new Map(view.volunteers.map((v) => [v.number, v]));
	return {
		panel: {
			id: panel.id,
			title: panel.title,
			question: panel.question,
			placeName: panel.placeName,
			panelSize: panel.panelSize,
			poolSize: panel.poolSize,
			status: panel.status,
			quotaSource: panel.quotaSource,
			hasQuotas: panel.quotas.length > 0,
			isOnePerHousehold: panel.isOnePerHousehold,
			timeLimitSeconds: panel.timeLimitSeconds,
			seed: panel.seed,
			lotterySha256: panel.lotterySha256,
			drawnTicket: panel.drawnTicket,
			retentionDate: panel.retentionDate,
			isAnonymised: panel.anonymisedAt !== null
		},
		running: running
			? {
					purpose: running.purpose,
					status: running.status,
					message: typeof running.progress?.message === 'string' ? running.progress.message : null
				}
			: null,
		latest: latest
			? {
					purpose: latest.purpose,
					status: latest.status,
					isPublished: latest.id === panel.lotterySelectionId,
					lotterySha256: latest.result?.lotterySha256 ?? null,
					minProbability: latest.result ? percent(latest.result.minProbability) : null,
					maxProbability: latest.result
						? percent(Math.max(...latest.result.probabilities.map(([, p]) => p)))
						: null,
					methodUsed: latest.result?.methodUsed ?? null,
					distinctPanels: latest.result?.lottery.panels.length ?? 0,
					notes: latest.result?.notes ?? [],
					relaxation: latest.relaxation
				}
			: null,
		failed: view.selections[0]?.status === 'failed' ? view.selections[0].error : null,
		leastLikely: view.leastLikely.map((p) => ({
			number: p.number,
			probability: percent(p.probability),
			crowded: p.crowded.map((c) => ({
				category: c.category,
				value: c.value,
				poolShare: percent(c.poolShare),
				panelShare: percent(c.panelShare)
			}))
		})),
		members: view.volunteers
			.filter((v) => v.role === 'member')
			.map((v) => ({
				number: v.number,
				name: v.name,
				email: v.email,
				joinedBy: v.joinedBy,
				isInvited: v.invitedAt !== null
			})),
		replacements: view.replacements.map((r) => ({
			sequence: r.sequence,
			dropped: r.droppedNumber,
			droppedName: byNumber.get(r.droppedNumber)?.name ?? null,
			replacement: r.replacementNumber,
			candidates: r.candidates
		})),
		rerun: view.rerun
	};
};

export const actions: Actions = {
	review: async ({ locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		try {
			await startSelection(await getDatabase(), actor, { panelId: params.id });
		} catch (cause) {
			return failFromError(cause, {}, 'review');
		}
		redirect(303, `/admin/panels/${params.id}#selection`);
	},
	publish: async ({ locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		try {
			await publishLottery(await getDatabase(), actor, { panelId: params.id });
		} catch (cause) {
			return failFromError(cause, {}, 'publish');
		}
		redirect(303, `/admin/panels/${params.id}#lottery`);
	},
	draw: async ({ request, locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		const parsed = validate(seedSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values, 'draw');
		try {
			await drawPanel(await getDatabase(), actor, { panelId: params.id, seed: parsed.data.seed });
		} catch (cause) {
			return failFromError(cause, values, 'draw');
		}
		redirect(303, `/admin/panels/${params.id}#draw`);
	},
	invite: async ({ locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		try {
			const { invited } = await inviteMembers(await getDatabase(), actor, { panelId: params.id });
			return { form: 'invite', invited };
		} catch (cause) {
			return failFromError(cause, {}, 'invite');
		}
	},
	replace: async ({ request, locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		const parsed = validate(dropoutSchema, values);
		if (!parsed.ok) return invalid(parsed.errors, values, 'replace');
		try {
			const result = await replaceMember(await getDatabase(), actor, {
				panelId: params.id,
				number: parsed.data.number
			});
			return { form: 'replace', dropped: parsed.data.number, ...result };
		} catch (cause) {
			return failFromError(cause, values, 'replace');
		}
	},
	retention: async ({ request, locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		const retentionDate = dateFromFields(values, 'retentionDate');
		const parsed = validate(retentionSchema, { retentionDate });
		if (!parsed.ok) return invalid(parsed.errors, values, 'retention');
		try {
			await setRetention(await getDatabase(), actor, { panelId: params.id, ...parsed.data });
		} catch (cause) {
			return failFromError(cause, values, 'retention');
		}
		return { form: 'retention', saved: parsed.data.retentionDate };
	}
};
