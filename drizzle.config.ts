import { defineConfig } from 'drizzle-kit';

// One schema and one set of migrations serve both engines: PGlite (PostgreSQL 18) and
// PostgreSQL 15 and later. Keep the SQL to what both support.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle'
});
