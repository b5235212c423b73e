import { describe, expect, it } from 'vitest';
import { isDemoEnabled } from './startup';

describe('isDemoEnabled', () => {
	it('fills an empty database with the demo town by default', () => {
		expect(isDemoEnabled({})).toBe(true);
	});

	it('is off when POWERSHARE_DEMO=0', () => {
		expect(isDemoEnabled({ POWERSHARE_DEMO: '0' })).toBe(false);
	});

	it('is off in production unless asked for', () => {
		expect(isDemoEnabled({ NODE_ENV: 'production' })).toBe(false);
		expect(isDemoEnabled({ NODE_ENV: 'production', POWERSHARE_DEMO: '1' })).toBe(true);
	});
});
