import { describe, expect, it } from 'vitest';
import { createTranslator, formatMessage, isLocale, t } from './index';
import { en } from './en';
import { cy } from './cy';

describe('formatMessage', () => {
	it('fills in named placeholders', () => {
		expect(formatMessage('Signed in as {name}', { name: 'Amira' })).toBe('Signed in as Amira');
	});

	it('formats numbers for the locale', () => {
		expect(formatMessage('{n} votes', { n: 12500 })).toBe('12,500 votes');
	});

	it('leaves a placeholder with no matching parameter visible', () => {
		expect(formatMessage('Hello {name}, you have {count} ideas', { count: 2 })).toBe(
			'Hello {name}, you have 2 ideas'
		);
	});

	it('leaves unbalanced braces as they are', () => {
		expect(formatMessage('Broken {name', { name: 'x' })).toBe('Broken {name');
	});

	it('chooses the English plural form', () => {
		const message = '{count, plural, one {# idea} other {# ideas}}';
		expect(formatMessage(message, { count: 1 })).toBe('1 idea');
		expect(formatMessage(message, { count: 0 })).toBe('0 ideas');
		expect(formatMessage(message, { count: 1000 })).toBe('1,000 ideas');
	});

	it('prefers an exact match over the plural category', () => {
		const message = '{count, plural, =0 {No ideas yet} one {# idea} other {# ideas}}';
		expect(formatMessage(message, { count: 0 })).toBe('No ideas yet');
		expect(formatMessage(message, { count: 1 })).toBe('1 idea');
	});

	it('fills placeholders inside a plural branch', () => {
		const message = '{count, plural, one {{name} has # idea} other {{name} has # ideas}}';
		expect(formatMessage(message, { count: 3, name: 'Bo' })).toBe('Bo has 3 ideas');
	});

	it('uses Welsh plural categories for Welsh messages', () => {
		const message =
			'{n, plural, zero {dim} one {un} two {dau} few {tri} many {chwech} other {arall}}';
		expect(formatMessage(message, { n: 0 }, 'cy')).toBe('dim');
		expect(formatMessage(message, { n: 2 }, 'cy')).toBe('dau');
		expect(formatMessage(message, { n: 3 }, 'cy')).toBe('tri');
		expect(formatMessage(message, { n: 6 }, 'cy')).toBe('chwech');
	});

	it('leaves a plural visible when its count is missing', () => {
		const message = '{count, plural, one {# idea} other {# ideas}}';
		expect(formatMessage(message)).toBe(message);
	});
});

describe('translators', () => {
	it('translates English keys', () => {
		expect(t('nav.home')).toBe('Home');
		expect(t('common.pageTitle', { title: 'Places' })).toBe('Places – Powershare');
	});

	it('uses the Welsh message when there is one', () => {
		expect(createTranslator('cy')('nav.home')).toBe('Hafan');
	});

	it('falls back to English for a key not yet translated into Welsh', () => {
		expect(cy['footer.sourceCode']).toBeUndefined();
		expect(createTranslator('cy')('footer.sourceCode')).toBe(en['footer.sourceCode']);
	});

	it('rejects unknown keys at compile time', () => {
		// @ts-expect-error 'no.such.key' is not a message key
		expect(t('no.such.key')).toBe('no.such.key');
	});

	it('recognises supported locales only', () => {
		expect(isLocale('cy')).toBe(true);
		expect(isLocale('fr')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});
});
