import { randomBytes } from 'node:crypto';

/** A new random id: 16 bytes of randomness in hex (32 characters), unguessable and URL-safe. */
export function newId(): string {
	return randomBytes(16).toString('hex');
}

/** A URL-safe slug from a name: "St Mary's Ward" → "st-marys-ward". */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/['’]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return slug || 'place';
}
