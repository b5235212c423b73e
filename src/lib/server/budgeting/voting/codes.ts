/**
 * Voting codes and receipt codes: random, typed by people from a letter or a screen, so their
 * alphabet leaves out characters that look alike, and they are grouped in fours.
 *
 * A voting code has 12 characters from a 32-character alphabet: 60 bits from node:crypto.
 * Guessing one is hopeless (with 20,000 codes issued, one guess in 5.8 × 10¹³ hits a code), so a
 * fast hash is enough: only SHA-256 of the normalised code is stored, never the code. A receipt
 * code has 16 characters (80 bits) and is stored the same way, on the ballot.
 */
import { createHash, randomBytes } from 'node:crypto';

/**
 * Digits 2–9 and the letters A–Z without I and O, which are read as 1 and 0 (and 0 and 1 are
 * left out too): 32 characters, so each is 5 random bits with no bias.
 */
export const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Characters in a voting code and in a receipt code. */
export const votingCodeLength = 12;
export const receiptCodeLength = 16;

function randomCode(length: number): string {
	const bytes = randomBytes(length);
	let code = '';
	// 256 is a multiple of 32, so the low five bits of a random byte are uniformly random.
	for (let i = 0; i < length; i++) code += codeAlphabet[bytes[i]! & 31];
	return formatCode(code);
}

/** Groups a normalised code in fours: "K7QM3XPA9RTD" → "K7QM-3XPA-9RTD". */
export function formatCode(code: string): string {
	return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** A new voting code, formatted ("K7QM-3XPA-9RTD"). */
export function newVotingCode(): string {
	return randomCode(votingCodeLength);
}

/** A new receipt code, formatted ("4HQ2-W9XK-7MBD-2JRT"). */
export function newReceiptCode(): string {
	return randomCode(receiptCodeLength);
}

/**
 * A code as typed, normalised: upper case, without spaces, dashes or dots. Returns null when
 * what is left has the wrong length or a character outside the alphabet.
 */
export function normaliseCode(typed: string, length = votingCodeLength): string | null {
	const compact = typed.toUpperCase().replace(/[\s\-‐‑–—.]/g, '');
	if (compact.length !== length) return null;
	for (const c of compact) if (!codeAlphabet.includes(c)) return null;
	return compact;
}

/** SHA-256 of a normalised code, hex: what the database keeps. */
export function hashCode(normalised: string): string {
	return createHash('sha256').update(normalised).digest('hex');
}
