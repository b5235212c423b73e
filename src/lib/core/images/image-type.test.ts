import { describe, expect, it } from 'vitest';
import { detectImageType } from './image-type';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);

describe('detectImageType', () => {
	it.each([
		['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10), 'image/jpeg'],
		['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0), 'image/png'],
		['a WebP', new Uint8Array([...ascii('RIFF'), 1, 2, 3, 4, ...ascii('WEBPVP8 ')]), 'image/webp']
	])('recognises %s by its first bytes', (_, data, type) => {
		expect(detectImageType(data)).toBe(type);
	});

	it.each([
		['text', ascii('hello, this is not a photo')],
		['an empty file', bytes()],
		['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
		[
			'a RIFF file that is not WebP (a WAV)',
			new Uint8Array([...ascii('RIFF'), 0, 0, 0, 0, ...ascii('WAVE')])
		],
		['a GIF', ascii('GIF89a')],
		['an SVG', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')]
	])('refuses %s', (_, data) => {
		expect(detectImageType(data)).toBeNull();
	});
});
