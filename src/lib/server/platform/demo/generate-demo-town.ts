/**
 * The demo town: Ashbrook, a fictional English town with a council, four wards, twelve
 * neighbourhoods, organisations of every kind and one account for each role, created on the
 * first start of an empty database so that `npm install && npm start` shows a working platform.
 *
 * Everything but ids and passwords is the same on every machine: names, codes and accounts are
 * the constants in `demo-data.ts`, and boundaries come from a seeded generator (`geometry.ts`).
 */
import { randomInt } from 'node:crypto';
import { hashPassword } from 'better-auth/crypto';
import { count, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { recordAudit } from '../audit';
import { newId, slugify } from '../ids';
import type { Actor } from '../permissions';
import type { DemoTown, ModuleManifest } from '../module-manifest';
import {
	platformAccounts,
	platformOrganisationPlaces,
	platformOrganisations,
	platformPlaces,
	platformRoleGrants,
	platformUsers,
	type PlaceLevel
} from '../schema';
import {
	demoAccounts,
	demoCouncil,
	demoOrganisations,
	demoSeed,
	demoWardPlan,
	demoWards,
	type DemoAccount
} from './demo-data';
import { bboxOf, createDemoGrid, type CellRect, type Polygon } from './geometry';

export * from './demo-data';

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
		const { col, row } = demoWardPlan[w]!;
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
	options: { password?: string; modules?: readonly ModuleManifest[] } = {}
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

		const userIdByEmail = new Map<string, string>();
		for (const [i, account] of credentials.entries()) {
			const userId = newId();
			userIdByEmail.set(account.email, userId);
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

		const town: DemoTown = {
			councilId: council.id,
			placeIdBySlug,
			organisationIdBySlug: new Map(organisations.map((o) => [o.slug, o.id])),
			userIdByEmail
		};
		for (const module of options.modules ?? []) {
			await module.seedDemo?.(tx, town);
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
