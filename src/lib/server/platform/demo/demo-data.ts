/**
 * The demo town's fixed data: names, codes, organisations and accounts. Plain constants with no
 * imports at run time, so end-to-end tests can read them without loading the server.
 *
 * Codes start with X (real GSS codes start with E, W, S or N), email addresses and websites end
 * in `.example` (RFC 2606), and phone numbers are in Ofcom's range for drama, so nothing here can
 * be mistaken for, or reach, a real place, person or organisation.
 */
import type { OrganisationKind, PlaceLevel, RoleName } from '../schema';

/** The seed of the demo town's boundaries; change it and every boundary changes. */
export const demoSeed = 20_260_401;

/** The demo council. */
export const demoCouncil = { name: 'Ashbrook', slug: 'ashbrook', onsCode: 'X07000001' } as const;

/**
 * Wards, each a quadrant of the town, and their neighbourhoods. The town is a 4 × 4 grid of
 * cells; a ward is 2 × 2 cells, split into one neighbourhood of two cells and two of one cell.
 */
export const demoWardPlan = [
	{
		name: 'Westmoor',
		col: 0,
		row: 2,
		neighbourhoods: ['Foxley End', 'Beacon Hill', 'Hawthorn Green']
	},
	{
		name: 'Northgate',
		col: 2,
		row: 2,
		neighbourhoods: ['Old Market', 'Chapel Fields', 'Tanners Row']
	},
	{
		name: 'Riverside',
		col: 0,
		row: 0,
		neighbourhoods: ['Ferry Meadows', 'Willow Bank', 'Mill Quarter']
	},
	{ name: 'Eastfield', col: 2, row: 0, neighbourhoods: ['Kiln Lane', 'Orchard Rise', 'Brickyard'] }
] as const;

/** A name as a slug: "Foxley End" → "foxley-end" (the demo's names are plain ASCII). */
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** The demo wards and their neighbourhoods, with slugs and fictional codes. */
export const demoWards = demoWardPlan.map((ward, w) => ({
	name: ward.name,
	slug: slugOf(ward.name),
	onsCode: `X05${String(w + 1).padStart(6, '0')}`,
	neighbourhoods: ward.neighbourhoods.map((name, n) => ({
		name,
		slug: slugOf(name),
		onsCode: `X01${String(w * 3 + n + 1).padStart(6, '0')}`
	}))
}));

/** What a demo account may do: a role on a place, or everything as a platform admin. */
export type DemoRole = RoleName | 'platform-admin';

/** A demo account, without its password. */
export type DemoAccount = {
	/** A stable handle for tests: `demoAccount('resident')`. */
	key: 'platformAdmin' | 'councilAdmin' | 'wardOrganiser' | 'councilOfficer' | 'resident';
	name: string;
	email: string;
	role: DemoRole;
	/** Where the role is granted (the platform admin's is the council, for display only). */
	placeSlug: string;
	placeLevel: PlaceLevel;
};

/** One account for each role. Tests sign in with these and `POWERSHARE_DEMO_PASSWORD`. */
export const demoAccounts = [
	{
		key: 'platformAdmin',
		name: 'Priya Shah',
		email: 'admin@ashbrook.example',
		role: 'platform-admin',
		placeSlug: demoCouncil.slug,
		placeLevel: 'council'
	},
	{
		key: 'councilAdmin',
		name: 'Tom Okafor',
		email: 'council.admin@ashbrook.example',
		role: 'admin',
		placeSlug: demoCouncil.slug,
		placeLevel: 'council'
	},
	{
		key: 'wardOrganiser',
		name: 'Grace Williams',
		email: 'organiser@ashbrook.example',
		role: 'organiser',
		placeSlug: 'northgate',
		placeLevel: 'ward'
	},
	{
		key: 'councilOfficer',
		name: 'Daniel Hughes',
		email: 'officer@ashbrook.example',
		role: 'officer',
		placeSlug: demoCouncil.slug,
		placeLevel: 'council'
	},
	{
		key: 'resident',
		name: 'Amira Begum',
		email: 'resident@ashbrook.example',
		role: 'resident',
		placeSlug: 'old-market',
		placeLevel: 'neighbourhood'
	}
] as const satisfies readonly DemoAccount[];

/** The demo account with this key. */
export function demoAccount(key: DemoAccount['key']): DemoAccount {
	return demoAccounts.find((a) => a.key === key)!;
}

/** A demo organisation: where it works, by place slug. */
export type DemoOrganisation = {
	name: string;
	kind: OrganisationKind;
	description: string;
	registrationNumber?: string;
	contactName: string;
	contactEmail: string;
	/** Ofcom keeps 01632 960000–960999 for drama, so these numbers reach nobody. */
	contactPhone: string;
	website?: string;
	placeSlugs: string[];
};

/** Organisations of every kind, with points of contact. Registration numbers are fictional. */
export const demoOrganisations: readonly DemoOrganisation[] = [
	{
		name: 'Northgate Residents Association',
		kind: 'community_group',
		description: 'Residents of Northgate who meet monthly at the Chapel Fields hall.',
		contactName: 'Ruth Adeyemi',
		contactEmail: 'hello@northgate-residents.example',
		contactPhone: '01632 960101',
		placeSlugs: ['northgate']
	},
	{
		name: 'Riverside Food Bank',
		kind: 'charity',
		description: 'Emergency food parcels and a weekly community meal.',
		registrationNumber: 'DEMO-CHARITY-0001',
		contactName: 'Samuel Price',
		contactEmail: 'info@riverside-foodbank.example',
		contactPhone: '01632 960102',
		website: 'https://riverside-foodbank.example',
		placeSlugs: ['riverside', 'eastfield']
	},
	{
		name: 'Ashbrook Makers CIC',
		kind: 'cic',
		description: 'A shared workshop and repair café in a former shop on Kiln Lane.',
		registrationNumber: 'DEMO-COMPANY-0002',
		contactName: 'Leah Novak',
		contactEmail: 'workshop@ashbrook-makers.example',
		contactPhone: '01632 960103',
		website: 'https://ashbrook-makers.example',
		placeSlugs: ['kiln-lane']
	},
	{
		name: 'Westmoor Parish Council',
		kind: 'parish_council',
		description: 'The parish council for the villages of Westmoor.',
		contactName: 'Clerk to the Council',
		contactEmail: 'clerk@westmoor-parish.example',
		contactPhone: '01632 960104',
		placeSlugs: ['westmoor']
	},
	{
		name: 'The Kiln Community Pub',
		kind: 'community_business',
		description: 'A pub bought by 300 local shareholders when it came up for sale.',
		registrationNumber: 'DEMO-SOCIETY-0003',
		contactName: 'Owen Jones',
		contactEmail: 'bar@thekiln.example',
		contactPhone: '01632 960105',
		placeSlugs: ['kiln-lane', 'orchard-rise']
	},
	{
		name: 'Willow Bank Community Garden',
		kind: 'community_group',
		description: 'A growing space and orchard on the old allotments.',
		contactName: 'Mei Chen',
		contactEmail: 'grow@willowbank-garden.example',
		contactPhone: '01632 960106',
		placeSlugs: ['willow-bank']
	},
	{
		name: 'Ashbrook Neighbourhood Forum',
		kind: 'other',
		description: 'The designated neighbourhood forum writing the town plan.',
		contactName: 'Hannah Clarke',
		contactEmail: 'forum@ashbrook-forum.example',
		contactPhone: '01632 960107',
		placeSlugs: [demoCouncil.slug]
	}
];
