/**
 * Turning the rows of an uploaded CSV into assets: the column mapping chosen by the person
 * importing, and row-by-row validation that says exactly what is wrong where (row N, column,
 * problem) so the file can be fixed. Pure: the server decides places and writes the rows.
 */

export const importKinds = [
	'community_centre',
	'hall',
	'pub',
	'library',
	'place_of_worship',
	'green_space',
	'sports_facility',
	'vacant_unit',
	'other'
] as const;
export type ImportKind = (typeof importKinds)[number];

export const importOwnerTypes = [
	'council',
	'community',
	'private',
	'charity',
	'church',
	'other'
] as const;
export type ImportOwnerType = (typeof importOwnerTypes)[number];

/** The asset fields a CSV column can be mapped to. */
export const mappableFields = [
	'name',
	'kind',
	'address',
	'postcode',
	'latitude',
	'longitude',
	'ownerType',
	'ownerName',
	'openingInfo',
	'bookingInfo',
	'description',
	'reference'
] as const;
export type MappableField = (typeof mappableFields)[number];

/** Which column (0-based index into the header) holds each field; unmapped fields are absent. */
export type ColumnMapping = Partial<Record<MappableField, number>>;

/** An asset read from one row. */
export type ImportedAsset = {
	name: string;
	kind: ImportKind;
	address: string | null;
	postcode: string | null;
	latitude: number | null;
	longitude: number | null;
	ownerType: ImportOwnerType | null;
	ownerName: string | null;
	openingInfo: string | null;
	bookingInfo: string | null;
	description: string | null;
	/** The row's id in the source, to find it again on a later import. */
	reference: string | null;
};

/** Why a row cannot be imported. Pages show these as plain words through the message catalogue. */
export type RowProblemCode =
	| 'required'
	| 'tooLong'
	| 'unknownKind'
	| 'unknownOwnerType'
	| 'notANumber'
	| 'latitudeRange'
	| 'longitudeRange'
	| 'pointIncomplete'
	| 'missingColumns'
	| 'duplicateReference'
	| 'outsidePlace'
	| 'unclosedQuote';

/** One problem: the row as a spreadsheet numbers it (the header is row 1), the column, what. */
export type RowProblem = {
	row: number;
	/** The column's heading in the file, or the field name when the column is not mapped. */
	column: string;
	problem: RowProblemCode;
	/** The value as found (shortened), to show next to the problem. */
	value?: string;
};

/** The outcome of validating every row. */
export type RowValidation = {
	valid: { row: number; asset: ImportedAsset }[];
	problems: RowProblem[];
	/** Row numbers with at least one problem. */
	badRows: number[];
};

const maxLength: Record<MappableField, number> = {
	name: 200,
	kind: 80,
	address: 500,
	postcode: 12,
	latitude: 40,
	longitude: 40,
	ownerType: 40,
	ownerName: 200,
	openingInfo: 2000,
	bookingInfo: 2000,
	description: 4000,
	reference: 100
};

/** Words people use for each kind, lower case with spaces, to read a "type" column. */
const kindWords: Record<string, ImportKind> = {
	'community centre': 'community_centre',
	'community center': 'community_centre',
	centre: 'community_centre',
	hall: 'hall',
	'village hall': 'hall',
	'church hall': 'hall',
	pub: 'pub',
	'public house': 'pub',
	library: 'library',
	'place of worship': 'place_of_worship',
	church: 'place_of_worship',
	mosque: 'place_of_worship',
	temple: 'place_of_worship',
	gurdwara: 'place_of_worship',
	synagogue: 'place_of_worship',
	'green space': 'green_space',
	park: 'green_space',
	garden: 'green_space',
	'sports facility': 'sports_facility',
	'sports centre': 'sports_facility',
	'leisure centre': 'sports_facility',
	'vacant unit': 'vacant_unit',
	'empty shop': 'vacant_unit',
	other: 'other'
};

/** Reads a kind from a cell: a code (`green_space`) or a common word ("Park"). */
export function kindFromText(text: string): ImportKind | null {
	const words = text.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
	if (!words) return null;
	const code = words.replace(/ /g, '_');
	if ((importKinds as readonly string[]).includes(code)) return code as ImportKind;
	return kindWords[words] ?? null;
}

function ownerTypeFromText(text: string): ImportOwnerType | null {
	const code = text.trim().toLowerCase();
	if ((importOwnerTypes as readonly string[]).includes(code)) return code as ImportOwnerType;
	if (code === 'local authority' || code === 'la') return 'council';
	return null;
}

const shorten = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/**
 * Reads and checks every data row. `rows` are the records after the header; `rowNumbers` the row
 * number of each (defaults to 2, 3, … as a spreadsheet shows them). Without a kind column every
 * asset gets `defaultKind`; a kind column's blank cells get it too.
 */
export function validateRows(
	header: readonly string[],
	rows: readonly (readonly string[])[],
	mapping: ColumnMapping,
	options: { defaultKind?: ImportKind; rowNumbers?: readonly number[] } = {}
): RowValidation {
	const valid: RowValidation['valid'] = [];
	const problems: RowProblem[] = [];
	const badRows = new Set<number>();
	const columnName = (field: MappableField) => {
		const index = mapping[field];
		return index === undefined ? field : (header[index] ?? `column ${index + 1}`);
	};
	if (mapping.name === undefined || (mapping.kind === undefined && !options.defaultKind)) {
		const missing = mapping.name === undefined ? 'name' : 'kind';
		return {
			valid: [],
			problems: [{ row: 1, column: missing, problem: 'missingColumns' }],
			badRows: [1]
		};
	}
	const seenReferences = new Map<string, number>();

	rows.forEach((cells, i) => {
		const row = options.rowNumbers?.[i] ?? i + 2;
		const rowProblems: RowProblem[] = [];
		const cell = (field: MappableField): string => {
			const index = mapping[field];
			if (index === undefined) return '';
			return (cells[index] ?? '').trim();
		};
		const text = (field: MappableField): string | null => {
			const value = cell(field);
			if (value.length > maxLength[field]) {
				rowProblems.push({
					row,
					column: columnName(field),
					problem: 'tooLong',
					value: shorten(value)
				});
				return null;
			}
			return value || null;
		};
		const number = (field: 'latitude' | 'longitude'): number | null => {
			const value = cell(field);
			if (!value) return null;
			const n = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : NaN;
			if (!Number.isFinite(n)) {
				rowProblems.push({
					row,
					column: columnName(field),
					problem: 'notANumber',
					value: shorten(value)
				});
				return null;
			}
			const limit = field === 'latitude' ? 90 : 180;
			if (Math.abs(n) > limit) {
				rowProblems.push({
					row,
					column: columnName(field),
					problem: field === 'latitude' ? 'latitudeRange' : 'longitudeRange',
					value: shorten(value)
				});
				return null;
			}
			return n;
		};

		const name = text('name');
		if (!name && cell('name').length <= maxLength.name)
			rowProblems.push({ row, column: columnName('name'), problem: 'required' });

		let kind: ImportKind | null = options.defaultKind ?? null;
		const kindText = cell('kind');
		if (kindText) {
			kind = kindFromText(kindText);
			if (!kind)
				rowProblems.push({
					row,
					column: columnName('kind'),
					problem: 'unknownKind',
					value: shorten(kindText)
				});
		} else if (!kind) {
			rowProblems.push({ row, column: columnName('kind'), problem: 'required' });
		}

		let ownerType: ImportOwnerType | null = null;
		const ownerText = cell('ownerType');
		if (ownerText) {
			ownerType = ownerTypeFromText(ownerText);
			if (!ownerType)
				rowProblems.push({
					row,
					column: columnName('ownerType'),
					problem: 'unknownOwnerType',
					value: shorten(ownerText)
				});
		}

		const latitude = number('latitude');
		const longitude = number('longitude');
		const latGiven = cell('latitude') !== '';
		const lonGiven = cell('longitude') !== '';
		if (latGiven !== lonGiven)
			rowProblems.push({
				row,
				column: columnName(latGiven ? 'longitude' : 'latitude'),
				problem: 'pointIncomplete'
			});

		const reference = text('reference');
		if (reference) {
			const earlier = seenReferences.get(reference);
			if (earlier !== undefined)
				rowProblems.push({
					row,
					column: columnName('reference'),
					problem: 'duplicateReference',
					value: shorten(reference)
				});
			else seenReferences.set(reference, row);
		}

		const asset: ImportedAsset = {
			name: name ?? '',
			kind: kind ?? 'other',
			address: text('address'),
			postcode: text('postcode')?.toUpperCase() ?? null,
			latitude: latGiven && lonGiven ? latitude : null,
			longitude: latGiven && lonGiven ? longitude : null,
			ownerType,
			ownerName: text('ownerName'),
			openingInfo: text('openingInfo'),
			bookingInfo: text('bookingInfo'),
			description: text('description'),
			reference
		};
		if (rowProblems.length) {
			problems.push(...rowProblems);
			badRows.add(row);
		} else valid.push({ row, asset });
	});
	return { valid, problems, badRows: [...badRows] };
}

/**
 * A first guess at the mapping from the header's words, so the mapping step starts filled in:
 * "Name", "Type", "Address", "Postcode", "lat", "lng"…
 */
export function guessMapping(header: readonly string[]): ColumnMapping {
	const synonyms: Record<MappableField, string[]> = {
		name: ['name', 'asset name', 'site name', 'title'],
		kind: ['kind', 'type', 'asset type', 'category'],
		address: ['address', 'street address', 'address line 1'],
		postcode: ['postcode', 'post code', 'postal code', 'zip'],
		latitude: ['latitude', 'lat'],
		longitude: ['longitude', 'lon', 'lng', 'long'],
		ownerType: ['owner type', 'ownership', 'owner_type'],
		ownerName: ['owner', 'owner name', 'owner_name'],
		openingInfo: ['opening hours', 'opening', 'hours'],
		bookingInfo: ['booking', 'bookings', 'how to book'],
		description: ['description', 'notes', 'about'],
		reference: ['id', 'reference', 'ref', 'uprn']
	};
	const normalised = header.map((h) => h.trim().toLowerCase().replace(/_/g, ' '));
	const mapping: ColumnMapping = {};
	for (const field of mappableFields) {
		const index = normalised.findIndex((h) => synonyms[field].includes(h));
		if (index >= 0) mapping[field] = index;
	}
	return mapping;
}
