import { redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import { getOrganiserPanel, setQuotas } from '$lib/server/panels';
import { formValues } from '$lib/server/platform';
import { errorPage, failFromError, invalid, requireSignedIn } from '../../../form-helpers';
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
	const { panel } = view;
	const suggestedBy = new Map(view.suggested.map((s) => [`${s.category}\u0000${s.value}`, s]));
	return {
		imported: url.searchParams.get('imported'),
		panel: {
			id: panel.id,
			title: panel.title,
			panelSize: panel.panelSize,
			poolSize: panel.poolSize,
			status: panel.status,
			quotaSource: panel.quotaSource
		},
		quotas: panel.quotas.map((q, index) => {
			const s = suggestedBy.get(`${q.category}\u0000${q.value}`);
			return {
				index,
				category: q.category,
				value: q.value,
				min: q.min,
				max: q.max,
				poolCount: panel.poolCounts?.[q.category]?.[q.value] ?? 0,
				share: s ? percent(s.share) : '',
				source: s?.source ?? 'pool',
				suggestedMin: s?.min ?? null,
				suggestedMax: s?.max ?? null
			};
		})
	};
};

export const actions: Actions = {
	default: async ({ request, locals, url, params }) => {
		const actor = requireSignedIn(locals, url);
		const values = formValues(await request.formData());
		const count = Number(values.count);
		const quotas: { min: number; max: number }[] = [];
		const errors: { field: string; message: string }[] = [];
		for (let i = 0; i < (Number.isInteger(count) ? count : 0); i++) {
			const read = (name: string) => {
				const raw = (values[`${name}-${i}`] ?? '').trim();
				if (!/^\d+$/.test(raw)) {
					errors.push({
						field: `${name}-${i}`,
						message: `Enter the ${name === 'min' ? 'minimum' : 'maximum'} for ${values[`label-${i}`] ?? `row ${i + 1}`} as a whole number`
					});
					return 0;
				}
				return Number(raw);
			};
			quotas.push({ min: read('min'), max: read('max') });
		}
		if (errors.length) return invalid(errors, values);
		try {
			await setQuotas(await getDatabase(), actor, { panelId: params.id, quotas });
		} catch (cause) {
			return failFromError(cause, values);
		}
		redirect(303, `/admin/panels/${params.id}#selection`);
	}
};
