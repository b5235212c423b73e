/** Reading the organisation form: every field as text, and the ticked places as a list. */
export function organisationValues(data: FormData): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const name of [
		'organisationId',
		'name',
		'kind',
		'description',
		'registrationNumber',
		'contactName',
		'contactEmail',
		'contactPhone',
		'website'
	]) {
		const value = data.get(name);
		if (typeof value === 'string') values[name] = value;
	}
	values.placeIds = data.getAll('placeIds').filter((v): v is string => typeof v === 'string');
	return values;
}
