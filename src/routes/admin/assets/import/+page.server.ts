import { error, fail } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db';
import {
	assetKinds,
	guessMapping,
	importAssetsCsv,
	mappableFields,
	readCsvHeader,
	type AssetKind,
	type ColumnMapping,
	type ImportReport
} from '$lib/server/assets';
import { isDomainError, listPlacesForAction } from '$lib/server/platform';
import { actorOf, failFromError, requireSignedIn } from '../../form-helpers';
import type { Actions, PageServerLoad } from './$types';

/**
 * Uploads are read in the first step and carried through the mapping and checking steps in a
 * hidden field, so the whole journey works without JavaScript. The server's request body limit
 * (512 KB by default, BODY_SIZE_LIMIT) bounds the file; larger files go through the command line.
 */
const maxFileBytes = 400 * 1024;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireSignedIn(locals, url);
	const places = await listPlacesForAction(await getDatabase(), actor, 'asset.manage');
	if (places.length === 0) error(403, 'You cannot import community spaces in any place.');
	return {
		places: places.map((p) => ({
			value: p.id,
			text: `${'— '.repeat(p.path.split('/').length - 1)}${p.name}`
		}))
	};
};

/** The mapping step's fields: `map-<field>` holds a column number or is empty. */
function readMapping(data: FormData, columns: number): ColumnMapping {
	const mapping: ColumnMapping = {};
	for (const field of mappableFields) {
		const raw = data.get(`map-${field}`);
		const n = typeof raw === 'string' && raw !== '' ? Number(raw) : NaN;
		if (Number.isInteger(n) && n >= 0 && n < columns) mapping[field] = n;
	}
	return mapping;
}

function stepValues(data: FormData) {
	const text = (name: string) => {
		const v = data.get(name);
		return typeof v === 'string' ? v : '';
	};
	return {
		csv: text('csv'),
		placeId: text('placeId'),
		defaultKind: text('defaultKind'),
		skipInvalid: text('skipInvalid') === 'yes'
	};
}

/** What the mapping and preview steps show again. */
function mappingState(csv: string, placeId: string, mapping: ColumnMapping, defaultKind: string) {
	const { header, rowCount } = readCsvHeader(csv);
	return { stage: 'mapping' as const, csv, placeId, header, rowCount, mapping, defaultKind };
}

function reportView(report: ImportReport) {
	return {
		rowsRead: report.rowsRead,
		imported: report.imported,
		alreadyThere: report.alreadyThere,
		skipped: report.skipped,
		written: report.written,
		problemRows: new Set(report.problems.map((p) => p.row)).size,
		problems: report.problems.slice(0, 500),
		moreProblems: Math.max(0, report.problems.length - 500),
		sample: report.sample.map((s) => ({
			row: s.row,
			name: s.name,
			kind: s.kind,
			address: s.address,
			postcode: s.postcode,
			placeName: s.placeName
		}))
	};
}

async function check(request: Request, locals: App.Locals, dryRun: boolean) {
	const data = await request.formData();
	const values = stepValues(data);
	let state;
	try {
		state = mappingState(values.csv, values.placeId, {}, values.defaultKind);
	} catch (cause) {
		return failFromError(cause, {});
	}
	const mapping = readMapping(data, state.header.length);
	const defaultKind = (assetKinds as readonly string[]).includes(values.defaultKind)
		? (values.defaultKind as AssetKind)
		: undefined;
	try {
		const report = await importAssetsCsv(await getDatabase(), actorOf(locals), {
			csv: values.csv,
			mapping,
			defaultKind,
			placeId: values.placeId,
			skipInvalid: values.skipInvalid,
			dryRun
		});
		return {
			...state,
			mapping,
			stage: report.written ? ('done' as const) : ('preview' as const),
			skipInvalid: values.skipInvalid,
			report: reportView(report)
		};
	} catch (cause) {
		if (isDomainError(cause) && cause.code !== 'forbidden' && cause.code !== 'unauthenticated')
			return fail(400, {
				...state,
				mapping,
				skipInvalid: values.skipInvalid,
				errors: [{ field: 'form', message: cause.message }]
			});
		return failFromError(cause, {});
	}
}

export const actions: Actions = {
	upload: async ({ request, locals, url }) => {
		requireSignedIn(locals, url);
		const data = await request.formData();
		const file = data.get('file');
		const placeId = typeof data.get('placeId') === 'string' ? String(data.get('placeId')) : '';
		const errors: { field: string; message: string }[] = [];
		if (!placeId) errors.push({ field: 'placeId', message: 'Select the area the spaces are in' });
		if (!(file instanceof File) || file.size === 0)
			errors.push({ field: 'file', message: 'Select a CSV file' });
		else if (file.size > maxFileBytes)
			errors.push({ field: 'file', message: 'The file must be smaller than 400 KB' });
		if (errors.length) return fail(400, { stage: 'upload' as const, errors, values: { placeId } });
		const csv = await (file as File).text();
		try {
			const { header } = readCsvHeader(csv);
			return mappingState(csv, placeId, guessMapping(header), '');
		} catch (cause) {
			if (isDomainError(cause))
				return fail(400, {
					stage: 'upload' as const,
					errors: [{ field: 'file', message: 'The selected file is empty' }],
					values: { placeId }
				});
			throw cause;
		}
	},
	check: async ({ request, locals }) => check(request, locals, true),
	import: async ({ request, locals }) => check(request, locals, false)
};
