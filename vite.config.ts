import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { host: '127.0.0.1' },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'small',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
					exclude: ['src/lib/server/**', 'src/routes/**', 'src/cli/**']
				}
			},
			{
				extends: true,
				test: {
					name: 'medium',
					include: [
						'src/lib/server/**/*.test.ts',
						'src/routes/**/*.test.ts',
						'src/cli/**/*.test.ts'
					],
					globalSetup: ['src/lib/server/testing/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
