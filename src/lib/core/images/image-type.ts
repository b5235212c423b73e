/**
 * Recognising an uploaded image by its first bytes ("magic numbers"), never by its file name or
 * the type the browser declared: both are chosen by whoever sends the file. Only the formats
 * every browser shows are recognised.
 */

/** The image formats people may upload. */
export const imageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** One of the image formats people may upload, as a media type. */
export type ImageType = (typeof imageTypes)[number];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
	bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

/**
 * The media type of a JPEG, PNG or WebP image, from its signature, or null for anything else.
 * JPEG: the start-of-image marker FF D8 and the next marker's FF (ITU-T T.81, Annex B); PNG:
 * the 8-byte signature (RFC 2083, 3.1); WebP: a RIFF container whose form type is "WEBP" (RFC 9649).
 */
export function detectImageType(bytes: Uint8Array): ImageType | null {
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
		return 'image/webp';
	return null;
}
