/**
 * English messages for the places pages. Every key starts with `places.`, for example
 * `'places.title': '…'`; the type below rejects any other prefix, so module files cannot clash.
 */
export const places = {
	'places.title': 'Places',
	'places.lead':
		'Councils, their wards and the neighbourhoods in them. Choose a place to see what is happening there.',
	'places.empty': 'No places have been set up yet.',
	'places.councilWards': '{count, plural, =0 {No wards yet} one {# ward} other {# wards}}',
	'places.wardsOf': 'Wards in {name}',

	'places.level.council': 'Council',
	'places.level.ward': 'Ward',
	'places.level.neighbourhood': 'Neighbourhood',
	'places.levelLabel': 'Level',
	'places.levelOf': '{level} in {parent}',
	'places.onsCode': 'ONS code',
	'places.breadcrumbs': 'Where this place is',

	'places.children.council': 'Wards',
	'places.children.ward': 'Neighbourhoods',
	'places.children.neighbourhood': 'Places',
	'places.children.empty': 'No places have been added inside {name} yet.',
	'places.children.caption': 'Places in {name}',
	'places.children.name': 'Name',
	'places.children.code': 'ONS code',

	'places.organisations.title': 'Organisations working here',
	'places.organisations.empty': 'No organisations have said they work here yet.',
	'places.organisations.all': 'See all organisations',

	'places.activity.title': 'What is happening here',
	'places.activity.empty': 'Nothing is happening here yet.',

	'places.boundary.title': 'Boundary',
	'places.boundary.alt': 'Outline of the boundary of {name}, {width} by {height} kilometres.',
	'places.boundary.altChildren':
		'Outlines of the {count} {level} in {name}, together {width} by {height} kilometres.',
	'places.boundary.none': 'We do not have a boundary for this place.',
	'places.manage': 'Change this place',

	'places.validation.parent': 'Select the place this one is part of',
	'places.validation.place': 'Select a place',
	'places.validation.nameRequired': 'Enter the name of the place',
	'places.validation.nameTooLong': 'Name must be 120 characters or fewer',
	'places.validation.onsCode': 'Enter an ONS code like E05015625, or leave it blank',
	'places.validation.descriptionTooLong': 'Description must be 2,000 characters or fewer',

	'places.organisationsPage.title': 'Organisations',
	'places.organisationsPage.lead':
		'Community groups, charities, social enterprises and parish councils working in places on Powershare.',
	'places.organisationsPage.empty': 'No organisations have been added yet.',
	'places.organisationsPage.caption': 'Organisations',
	'places.organisationsPage.name': 'Name',
	'places.organisationsPage.kind': 'Kind',
	'places.organisation.kind': 'Kind of organisation',
	'places.organisation.about': 'About',
	'places.organisation.registration': 'Registration number',
	'places.organisation.contactName': 'Person to contact',
	'places.organisation.contactEmail': 'Email',
	'places.organisation.contactPhone': 'Phone',
	'places.organisation.website': 'Website',
	'places.organisation.contact': 'Contact',
	'places.organisation.places': 'Where it works',
	'places.organisation.noContact': 'No contact details have been given.',
	'places.organisation.manage': 'Change this organisation',

	'places.kind.community_group': 'Community group',
	'places.kind.charity': 'Charity',
	'places.kind.cic': 'Community interest company (CIC)',
	'places.kind.parish_council': 'Parish or town council',
	'places.kind.community_business': 'Community business',
	'places.kind.other': 'Other organisation'
} as const satisfies Record<`places.${string}`, string>;
