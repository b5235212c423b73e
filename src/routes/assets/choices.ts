/** The kinds and owner types in the order forms offer them. Safe for components. */
export const assetKindList = [
	'hall',
	'community_centre',
	'library',
	'pub',
	'place_of_worship',
	'green_space',
	'sports_facility',
	'vacant_unit',
	'other'
] as const;

export const ownerTypeList = [
	'council',
	'community',
	'charity',
	'church',
	'private',
	'other'
] as const;

export const conditionList = ['good', 'fair', 'poor', 'unknown'] as const;

export const statusList = ['confirmed', 'suggested', 'closed', 'rejected'] as const;
