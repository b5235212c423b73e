// ESLint flat config. Besides the usual recommended rules it enforces the module boundaries
// described in STYLE.md with `no-restricted-imports`:
//
// - src/lib/core/** is pure TypeScript: no SvelteKit, Svelte, Drizzle, database drivers, logger,
//   Node built-ins or server code. Data in, data out, so it can be tested in isolation and moved
//   to a package of its own mechanically.
// - src/routes/** is glue: it reaches a server module only through the module's public
//   `index.ts` ($lib/server/budgeting, never $lib/server/budgeting/cast-ballot).
// - src/lib/components/** is shared UI and never imports server code.
//
// Tests may go a little further: a core test may read its fixture files with node:fs, and a route
// test may use the helpers in $lib/server/testing.
//
// Patterns are regular expressions (the `regex` form of `patterns`) because the gitignore-style
// `group` form cannot say "any file of a module except its index" precisely.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { defineConfig } from 'eslint/config';
import { builtinModules } from 'node:module';
import svelteConfig from './svelte.config.js';

/** Bare names of Node's built-in modules (fs, path, crypto, child_process, …) without `node:`. */
const nodeBuiltins = [
	...new Set(builtinModules.filter((name) => !name.startsWith('_')).map((n) => n.split('/')[0]))
];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches any import of server code: `$lib/server…` or a relative path through a server folder. */
const serverImport = {
	regex: '^(\\$lib/server(/|$)|\\.{1,2}/(.*/)?server(/|$))',
	message: 'Server code is not available here; keep this module free of server imports.'
};

const coreFrameworkPatterns = [
	{
		regex: '^(@sveltejs/|\\$app/|\\$env/|svelte(/|-|$))',
		message: 'src/lib/core is pure TypeScript: no SvelteKit or Svelte imports.'
	},
	{
		regex: '^(drizzle-|postgres(/|$)|@electric-sql/|pino(/|-|$))',
		message: 'src/lib/core is pure TypeScript: no database, driver or logger imports.'
	},
	{
		...serverImport,
		message: 'src/lib/core may not import server code; the server imports core, never the reverse.'
	}
];

const nodeBuiltinPatterns = [
	{
		regex: '^node:',
		message: 'src/lib/core is pure TypeScript: no Node built-ins (pass data in instead).'
	},
	{
		regex: `^(${nodeBuiltins.map(escapeRegex).join('|')})(/|$)`,
		message: 'src/lib/core is pure TypeScript: no Node built-ins (pass data in instead).'
	}
];

const coreRestrictions = { patterns: [...coreFrameworkPatterns, ...nodeBuiltinPatterns] };

// Tests of core may read their fixture files from disk; the code under test still may not.
const coreTestRestrictions = { patterns: coreFrameworkPatterns };

/**
 * Routes may import `$lib/server/<module>` (its index.ts) but no deeper file. This is the
 * `$lib/server/*\/!(index)` rule written as a regular expression: one path segment for the module,
 * then anything that is not `index`, `index.js` or `index.ts`. `$lib/server/db` and
 * `$lib/server/platform` follow the same rule: their index is the only way in. The same applies to
 * a relative path into src/lib/server.
 */
const routeImportMessage =
	"Import a server module through its public index.ts (e.g. '$lib/server/budgeting'), not one of its files.";
const routeRestrictions = {
	patterns: [
		{
			regex: '^(\\$lib|\\.{1,2}/(.*/)?lib)/server/[^/]+/(?!index(\\.[jt]s)?$).+',
			message: routeImportMessage
		}
	]
};

// Tests of routes may also use the medium tier's helpers in $lib/server/testing.
const routeTestRestrictions = {
	patterns: [
		{
			regex: '^(\\$lib|\\.{1,2}/(.*/)?lib)/server/(?!testing/)[^/]+/(?!index(\\.[jt]s)?$).+',
			message: routeImportMessage
		}
	]
};

const componentRestrictions = {
	patterns: [
		{
			...serverImport,
			message:
				'Shared components may not import server code; load data in a +page.server.ts and pass it as props.'
		}
	]
};

export default defineConfig(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'coverage/',
			'test-results/',
			'playwright-report/',
			'drizzle/',
			'data/',
			'.tmp/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		},
		rules: {
			// TypeScript already checks for undefined names, and knows about ambient types.
			'no-undef': 'off',
			'no-console': 'error',
			// Pages are server-rendered and must work without JavaScript, so links are plain <a href>
			// with absolute paths (the app has no base path). Programmatic navigation (goto,
			// pushState) is still checked.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// A test may say why it skips (missing shared data, say), but leaves no debugging output.
		files: ['**/*.test.ts', 'tests/**'],
		rules: { 'no-console': ['error', { allow: ['warn', 'error'] }] }
	},
	{
		// Command-line programs and build scripts talk to the terminal.
		files: ['scripts/**', 'src/cli/**', 'bin/**'],
		rules: { 'no-console': 'off' }
	},
	{
		files: ['src/lib/core/**'],
		rules: { 'no-restricted-imports': ['error', coreRestrictions] }
	},
	{
		files: ['src/lib/core/**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', coreTestRestrictions] }
	},
	{
		files: ['src/routes/**'],
		rules: { 'no-restricted-imports': ['error', routeRestrictions] }
	},
	{
		files: ['src/routes/**/*.test.ts'],
		rules: { 'no-restricted-imports': ['error', routeTestRestrictions] }
	},
	{
		files: ['src/lib/components/**'],
		rules: { 'no-restricted-imports': ['error', componentRestrictions] }
	}
);
