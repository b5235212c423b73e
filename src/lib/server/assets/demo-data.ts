/**
 * The demo town's community spaces: at least one of every kind, spread over Ashbrook's
 * neighbourhoods. Plain constants with no imports at run time, so end-to-end tests can read them.
 * Postcodes are in the ZZ area, which does not exist, so none can be mistaken for a real address.
 */
import type { AssetCondition, AssetKind, AssetOwnerType, AssetStatus } from './schema';

/** A demo asset. `key` is a stable handle other parts of the module use to find it. */
export type DemoAsset = {
	key: string;
	name: string;
	kind: AssetKind;
	placeSlug: string;
	/** Where in the neighbourhood's bounding box to start looking for a point inside it (0–1). */
	at: [number, number];
	address: string;
	postcode: string;
	ownerType: AssetOwnerType;
	ownerName: string;
	runBySlug?: string;
	condition: AssetCondition;
	status: AssetStatus;
	description?: string;
	openingInfo?: string;
	bookingInfo?: string;
	/** Suggested by this demo account (for suggestions waiting for an organiser). */
	suggestedByEmail?: string;
	photo?: { url: string; alt: string };
};

export const demoAssets = [
	{
		key: 'oldMarketHall',
		name: 'Old Market Community Hall',
		kind: 'hall',
		placeSlug: 'old-market',
		at: [0.45, 0.5],
		address: '3 Corn Exchange Yard, Ashbrook',
		postcode: 'ZZ1 4AB',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		runBySlug: 'northgate-residents-association',
		condition: 'good',
		status: 'confirmed',
		description:
			'A Victorian hall with a sprung floor, a kitchen and step-free access from Corn Exchange Yard. Holds 120 people seated.',
		openingInfo: 'Monday to Saturday, 9am to 10pm. Closed on Sundays.',
		bookingInfo: 'Book through Northgate Residents Association. Community groups pay £12 an hour.',
		photo: {
			url: '/demo/assets/hall.svg',
			alt: 'Drawing of a brick hall with three tall arched windows and double doors under a clock.'
		}
	},
	{
		key: 'chapelFieldsHall',
		name: "St Anne's Church Hall",
		kind: 'hall',
		placeSlug: 'chapel-fields',
		at: [0.3, 0.6],
		address: 'Chapel Lane, Ashbrook',
		postcode: 'ZZ1 5CH',
		ownerType: 'church',
		ownerName: "Parochial Church Council of St Anne's",
		condition: 'fair',
		status: 'confirmed',
		openingInfo: 'Most evenings and weekends.',
		bookingInfo: 'Ask the church office.'
	},
	{
		key: 'foxleyEndHall',
		name: 'Foxley End Village Hall',
		kind: 'hall',
		placeSlug: 'foxley-end',
		at: [0.5, 0.4],
		address: 'The Green, Foxley End',
		postcode: 'ZZ3 1FE',
		ownerType: 'community',
		ownerName: 'Foxley End Village Hall Trust',
		runBySlug: 'westmoor-parish-council',
		condition: 'good',
		status: 'confirmed'
	},
	{
		key: 'centralLibrary',
		name: 'Ashbrook Central Library',
		kind: 'library',
		placeSlug: 'tanners-row',
		at: [0.5, 0.5],
		address: '1 Library Square, Ashbrook',
		postcode: 'ZZ1 6LS',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'good',
		status: 'confirmed',
		openingInfo: 'Tuesday to Saturday, 9:30am to 5pm; late opening until 7pm on Thursdays.'
	},
	{
		key: 'willowBankLibrary',
		name: 'Willow Bank Library',
		kind: 'library',
		placeSlug: 'willow-bank',
		at: [0.6, 0.45],
		address: '22 Towpath Road, Ashbrook',
		postcode: 'ZZ2 3WB',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'fair',
		status: 'confirmed'
	},
	{
		key: 'beaconHillCentre',
		name: 'Beacon Hill Community Centre',
		kind: 'community_centre',
		placeSlug: 'beacon-hill',
		at: [0.5, 0.5],
		address: 'Beacon Road, Ashbrook',
		postcode: 'ZZ3 2BH',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'poor',
		status: 'confirmed',
		description: 'The roof leaks over the main room; the council has it on the repairs list.'
	},
	{
		key: 'brickyardCentre',
		name: 'Brickyard Community Centre',
		kind: 'community_centre',
		placeSlug: 'brickyard',
		at: [0.4, 0.6],
		address: 'Kiln Street, Ashbrook',
		postcode: 'ZZ4 3BY',
		ownerType: 'charity',
		ownerName: 'Brickyard Community Trust',
		condition: 'good',
		status: 'confirmed'
	},
	{
		key: 'kilnPub',
		name: 'The Kiln',
		kind: 'pub',
		placeSlug: 'kiln-lane',
		at: [0.5, 0.5],
		address: '41 Kiln Lane, Ashbrook',
		postcode: 'ZZ4 1KL',
		ownerType: 'community',
		ownerName: 'The Kiln Community Pub',
		runBySlug: 'the-kiln-community-pub',
		condition: 'good',
		status: 'confirmed',
		description: 'Bought by 300 local shareholders in 2019; the last pub in Eastfield.'
	},
	{
		key: 'droversArms',
		name: 'The Drovers Arms',
		kind: 'pub',
		placeSlug: 'chapel-fields',
		at: [0.65, 0.35],
		address: '8 Market Hill, Ashbrook',
		postcode: 'ZZ1 5DA',
		ownerType: 'private',
		ownerName: 'Ashbrook Taverns Ltd',
		condition: 'fair',
		status: 'confirmed',
		description: 'A coaching inn from 1780 with a function room used by local clubs.'
	},
	{
		key: 'ferryman',
		name: 'The Ferryman',
		kind: 'pub',
		placeSlug: 'ferry-meadows',
		at: [0.5, 0.5],
		address: 'Ferry Lane, Ashbrook',
		postcode: 'ZZ2 1FM',
		ownerType: 'private',
		ownerName: 'Riverside Inns plc',
		condition: 'poor',
		status: 'confirmed'
	},
	{
		key: 'stMarys',
		name: "St Mary's Church",
		kind: 'place_of_worship',
		placeSlug: 'hawthorn-green',
		at: [0.5, 0.5],
		address: 'Church Walk, Hawthorn Green',
		postcode: 'ZZ3 3SM',
		ownerType: 'church',
		ownerName: 'Diocese of Ashbrook',
		condition: 'good',
		status: 'confirmed'
	},
	{
		key: 'millQuarterMosque',
		name: 'Mill Quarter Mosque',
		kind: 'place_of_worship',
		placeSlug: 'mill-quarter',
		at: [0.35, 0.5],
		address: '5 Weavers Row, Ashbrook',
		postcode: 'ZZ2 4MQ',
		ownerType: 'charity',
		ownerName: 'Mill Quarter Islamic Centre',
		condition: 'good',
		status: 'confirmed'
	},
	{
		key: 'willowBankGarden',
		name: 'Willow Bank Community Garden',
		kind: 'green_space',
		placeSlug: 'willow-bank',
		at: [0.35, 0.6],
		address: 'Off Towpath Road, Ashbrook',
		postcode: 'ZZ2 3WG',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		runBySlug: 'willow-bank-community-garden',
		condition: 'good',
		status: 'confirmed'
	},
	{
		key: 'orchardRisePark',
		name: 'Orchard Rise Park',
		kind: 'green_space',
		placeSlug: 'orchard-rise',
		at: [0.5, 0.5],
		address: 'Orchard Rise, Ashbrook',
		postcode: 'ZZ4 2OR',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'fair',
		status: 'confirmed'
	},
	{
		key: 'leisureCentre',
		name: 'Northgate Leisure Centre',
		kind: 'sports_facility',
		placeSlug: 'tanners-row',
		at: [0.3, 0.3],
		address: 'Tanners Row, Ashbrook',
		postcode: 'ZZ1 6NL',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'fair',
		status: 'confirmed'
	},
	{
		key: 'playingFields',
		name: 'Eastfield Playing Fields',
		kind: 'sports_facility',
		placeSlug: 'kiln-lane',
		at: [0.3, 0.7],
		address: 'Kiln Lane, Ashbrook',
		postcode: 'ZZ4 1PF',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'good',
		status: 'confirmed'
	},
	{
		key: 'marketStreetUnit',
		name: '12 Market Street (former bank)',
		kind: 'vacant_unit',
		placeSlug: 'old-market',
		at: [0.7, 0.3],
		address: '12 Market Street, Ashbrook',
		postcode: 'ZZ1 4MS',
		ownerType: 'private',
		ownerName: 'Castlegate Property Ltd',
		condition: 'fair',
		status: 'confirmed',
		description: 'Ground-floor banking hall, empty since 2023. About 180 square metres.'
	},
	{
		key: 'brickyardPostOffice',
		name: 'Former Brickyard Post Office',
		kind: 'vacant_unit',
		placeSlug: 'brickyard',
		at: [0.65, 0.35],
		address: '2 Station Parade, Ashbrook',
		postcode: 'ZZ4 3PO',
		ownerType: 'private',
		ownerName: 'Station Parade Holdings',
		condition: 'poor',
		status: 'confirmed'
	},
	{
		key: 'tannersRowUnit',
		name: 'Unit 4, Tanners Row Arcade',
		kind: 'vacant_unit',
		placeSlug: 'tanners-row',
		at: [0.7, 0.65],
		address: 'Unit 4, Tanners Row Arcade, Ashbrook',
		postcode: 'ZZ1 6TA',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'good',
		status: 'confirmed'
	},
	{
		key: 'makersSpace',
		name: 'Ashbrook Makers Space',
		kind: 'other',
		placeSlug: 'kiln-lane',
		at: [0.7, 0.4],
		address: 'Arch 3, Kiln Lane Viaduct, Ashbrook',
		postcode: 'ZZ4 1MK',
		ownerType: 'private',
		ownerName: 'Network Arches',
		runBySlug: 'ashbrook-makers-cic',
		condition: 'fair',
		status: 'confirmed'
	},
	{
		key: 'hawthornYouthClub',
		name: 'Hawthorn Green Youth Club',
		kind: 'community_centre',
		placeSlug: 'hawthorn-green',
		at: [0.3, 0.3],
		address: 'Elm Close, Hawthorn Green',
		postcode: 'ZZ3 3YC',
		ownerType: 'council',
		ownerName: 'Ashbrook Council',
		condition: 'poor',
		status: 'closed',
		description: 'Closed in 2024 when its funding ended.'
	},
	{
		key: 'scoutHut',
		name: 'Old Market Scout Hut',
		kind: 'hall',
		placeSlug: 'old-market',
		at: [0.25, 0.7],
		address: 'Behind 40 Corn Street, Ashbrook',
		postcode: 'ZZ1 4SH',
		ownerType: 'charity',
		ownerName: '1st Ashbrook Scouts',
		condition: 'unknown',
		status: 'suggested',
		suggestedByEmail: 'resident@ashbrook.example'
	}
] as const satisfies readonly DemoAsset[];

/** The key of a demo asset. */
export type DemoAssetKey = (typeof demoAssets)[number]['key'];
