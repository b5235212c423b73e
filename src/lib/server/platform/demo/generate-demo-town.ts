/**
 * The demo town: Ashbrook, a fictional English town with a council, four wards, twelve
 * neighbourhoods, organisations of every kind and one account for each role, created on the
 * first start of an empty database so that `npm install && npm start` shows a working platform.
 *
 * Everything but ids and passwords is the same on every machine: names, boundaries and codes come
 * from constants and a seeded generator. Codes start with X (never E, W, S or N as real GSS codes
 * do) and addresses end in `.example` (RFC 2606), so demo data cannot be mistaken for real data.
 */
import { randomInt } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { count, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { recordAudit } from '../audit';
import { newId, slugify } from '../ids';
import type { Actor } from '../permissions';
import {
	platformAccounts,
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces,
	platformRoleGrants,
	platformUsers,
	type OrganisationKind,
	type PlaceLevel,
	type RoleName
} from '../schema';
import { bboxOf, createDemoGrid, type CellRect, type Polygon } from './geometry';

/** The seed of the demo town's boundaries; change it and every boundary changes. */
export const demoSeed = 20_260_401;

/** The demo council. */
export const demoCouncil = { name: 'Ashbrook', slug: 'ashbrook', onsCode: 'X07000001' } as const;

/**
 * Wards, each a quadrant of the town, and their neighbourhoods. The town is a 4 × 4 grid of
 * cells; a ward is 2 × 2 cells, split into one neighbourhood of two cells and two of one cell.
 */
const wardPlan = [
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

/** The demo wards and their neighbourhoods, with slugs and fictional codes. */
export const demoWards = wardPlan.map((ward, w) => ({
	name: ward.name,
	slug: slugify(ward.name),
	onsCode: `X05${String(w + 1).padStart(6, '0')}`,
	neighbourhoods: ward.neighbourhoods.map((name, n) => ({
		name,
		slug: slugify(name),
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
type DemoOrganisation = {
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

/** A created demo account and its password, to print once. */
export type DemoCredential = DemoAccount & { password: string };

/** What generation did. */
export type DemoTownResult =
	| { isGenerated: true; councilId: string; credentials: DemoCredential[] }
	| { isGenerated: false; reason: 'places_exist' };

/** A password that is easy to type from a terminal: four groups of four letters and digits. */
export function randomDemoPassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const groups = Array.from({ length: 4 }, () =>
		Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('')
	);
	return groups.join('-');
}

const system: Actor = { kind: 'system', label: 'demo town' };

type PlaceRow = typeof platformPlaces.$inferInsert;

/** Every demo place, parents first, with its boundary. */
function buildPlaces(): PlaceRow[] {
	// A rural spot in the English Midlands; the grid is about 6 km across.
	const grid = createDemoGrid({
		seed: demoSeed,
		centre: [-2.4861, 52.4127],
		columns: 4,
		rows: 4,
		cellSize: [0.022, 0.0135]
	});
	const place = (
		level: PlaceLevel,
		name: string,
		slug: string,
		onsCode: string,
		boundary: Polygon,
		parent?: PlaceRow
	): PlaceRow => {
		const id = newId();
		return {
			id,
			parentId: parent?.id ?? null,
			path: parent ? `${parent.path}/${id}` : id,
			level,
			name,
			slug,
			onsCode,
			boundary,
			bbox: bboxOf(boundary),
			description: `A fictional ${level} of the Powershare demo town; not a real place.`
		};
	};
	const council = place(
		'council',
		demoCouncil.name,
		demoCouncil.slug,
		demoCouncil.onsCode,
		grid.polygon({ col0: 0, col1: 4, row0: 0, row1: 4 })
	);
	const rows: PlaceRow[] = [council];
	for (const [w, ward] of demoWards.entries()) {
		const { col, row } = wardPlan[w]!;
		const wardRow = place(
			'ward',
			ward.name,
			ward.slug,
			ward.onsCode,
			grid.polygon({ col0: col, col1: col + 2, row0: row, row1: row + 2 }),
			council
		);
		rows.push(wardRow);
		const cells: CellRect[] = [
			{ col0: col, col1: col + 2, row0: row + 1, row1: row + 2 },
			{ col0: col, col1: col + 1, row0: row, row1: row + 1 },
			{ col0: col + 1, col1: col + 2, row0: row, row1: row + 1 }
		];
		for (const [n, hood] of ward.neighbourhoods.entries()) {
			rows.push(
				place('neighbourhood', hood.name, hood.slug, hood.onsCode, grid.polygon(cells[n]!), wardRow)
			);
		}
	}
	return rows;
}

/**
 * Creates the demo town when the database has no places; does nothing otherwise, so it is safe
 * on every start. Passwords are `options.password` for every account when given (tests set
 * `POWERSHARE_DEMO_PASSWORD`), otherwise random for each account, returned once and stored only
 * as better-auth scrypt hashes.
 */
export async function generateDemoTown(
	db: Database,
	options: { password?: string } = {}
): Promise<DemoTownResult> {
	const [existing] = await db.select({ n: count() }).from(platformPlaces);
	if ((existing?.n ?? 0) > 0) return { isGenerated: false, reason: 'places_exist' };

	// Hash before the transaction: scrypt takes about 100 ms each and runs off the main thread.
	const credentials: DemoCredential[] = demoAccounts.map((account) => ({
		...account,
		password: options.password || randomDemoPassword()
	}));
	const hashes = await Promise.all(credentials.map((c) => hashPassword(c.password)));
	const places = buildPlaces();
	const placeIdBySlug = new Map(places.map((p) => [p.slug, p.id]));
	const council = places[0]!;

	return db.transaction(async (tx) => {
		// Two app servers starting together on one PostgreSQL: the second waits here, then finds
		// the places the first created.
		await tx.execute(sql`lock table ${platformPlaces} in share row exclusive mode`);
		const [again] = await tx.select({ n: count() }).from(platformPlaces);
		if ((again?.n ?? 0) > 0) return { isGenerated: false, reason: 'places_exist' } as const;

		await tx.insert(platformPlaces).values(places);

		const organisations = demoOrganisations.map((o) => ({
			...o,
			id: newId(),
			slug: slugify(o.name)
		}));
		await tx.insert(platformOrganisations).values(
			organisations.map((o) => ({
				id: o.id,
				name: o.name,
				slug: o.slug,
				kind: o.kind,
				description: o.description,
				registrationNumber: o.registrationNumber ?? null,
				contactName: o.contactName,
				contactEmail: o.contactEmail,
				contactPhone: o.contactPhone,
				website: o.website ?? null
			}))
		);
		await tx
			.insert(platformOrganisationPlaces)
			.values(
				organisations.flatMap((o) =>
					o.placeSlugs.map((slug) => ({ organisationId: o.id, placeId: placeIdBySlug.get(slug)! }))
				)
			);

		for (const [i, account] of credentials.entries()) {
			const userId = newId();
			const placeId = placeIdBySlug.get(account.placeSlug)!;
			await tx.insert(platformUsers).values({
				id: userId,
				name: account.name,
				email: account.email,
				emailVerified: true,
				isPlatformAdmin: account.role === 'platform-admin',
				homePlaceId: account.role === 'resident' ? placeId : null
			});
			await tx.insert(platformAccounts).values({
				id: newId(),
				userId,
				providerId: 'credential',
				accountId: userId,
				password: hashes[i]!
			});
			if (account.role !== 'platform-admin') {
				await tx.insert(platformRoleGrants).values({
					id: newId(),
					userId,
					placeId,
					role: account.role,
					grantedBy: null
				});
			}
		}

		await recordAudit(tx, system, {
			action: 'demo.generate',
			placeId: council.id,
			subjectType: 'place',
			subjectId: council.id,
			details: {
				places: places.length,
				organisations: organisations.length,
				accounts: credentials.map((c) => c.email)
			}
		});
		return { isGenerated: true, councilId: council.id, credentials } as const;
	});
}

/** The accounts as a plain-text table for the terminal: place, role, email, password. */
export function formatDemoCredentials(credentials: DemoCredential[]): string {
	const placeName = (c: DemoCredential) => {
		if (c.role === 'platform-admin') return 'All places';
		if (c.placeSlug === demoCouncil.slug) return `${demoCouncil.name} (council)`;
		const ward = demoWards.find((w) => w.slug === c.placeSlug);
		if (ward) return `${ward.name} (ward)`;
		const hood = demoWards.flatMap((w) => w.neighbourhoods).find((n) => n.slug === c.placeSlug);
		return `${hood?.name ?? c.placeSlug} (neighbourhood)`;
	};
	const rows = [
		['Place', 'Role', 'Email', 'Password'],
		...credentials.map((c) => [placeName(c), c.role, c.email, c.password])
	];
	const widths = rows[0]!.map((_, col) => Math.max(...rows.map((r) => r[col]!.length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, col) => cell.padEnd(widths[col]!))
			.join('  ')
			.trimEnd();
	return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join(
		'\n'
	);
}
