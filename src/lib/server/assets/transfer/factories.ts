/**
 * Test factories for transfer and meanwhile use: an asset in a place and an organisation working
 * in a place, inserted directly so tests do not depend on the register's use cases.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { newId } from '../../platform/ids';
import {
	platformJobs,
	platformOrganisationPlaces,
	platformOrganisations
} from '../../platform/schema';
import { assetsAssets } from '../schema';

/** A confirmed asset on the register, in the given place. */
export async function buildAsset(
	db: Executor,
	options: { placeId: string; name?: string; kind?: 'hall' | 'vacant_unit' | 'community_centre' }
): Promise<{ id: string; name: string }> {
	const id = newId();
	const name = options.name ?? `Hall ${id.slice(0, 4)}`;
	await db.insert(assetsAssets).values({
		id,
		placeId: options.placeId,
		name,
		kind: options.kind ?? 'hall',
		status: 'confirmed'
	});
	return { id, name };
}

/** A community group working in the given places. */
export async function buildOrganisation(
	db: Executor,
	options: { placeIds: string[]; name?: string }
): Promise<{ id: string; name: string }> {
	const id = newId();
	const name = options.name ?? `Group ${id.slice(0, 4)}`;
	await db.insert(platformOrganisations).values({
		id,
		name,
		slug: `group-${id.toLowerCase()}`,
		kind: 'community_group',
		contactEmail: `contact-${id.slice(0, 6)}@example.org`
	});
	await db
		.insert(platformOrganisationPlaces)
		.values(options.placeIds.map((placeId) => ({ organisationId: id, placeId })));
	return { id, name };
}

/** Subjects of the mail queued for an address, oldest first. */
export async function queuedMailTo(db: Executor, to: string): Promise<string[]> {
	const rows = await db
		.select({ payload: platformJobs.payload })
		.from(platformJobs)
		.where(and(eq(platformJobs.queue, 'mail.send'), sql`${platformJobs.payload}->>'to' = ${to}`))
		.orderBy(platformJobs.createdAt, platformJobs.id);
	return rows.map((r) => String(r.payload.subject));
}
