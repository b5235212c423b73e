// Every module's tables, for Drizzle and drizzle-kit. Each module defines its tables in its own
// schema.ts (tables named <module>_<entity>); this file only re-exports them.
export * from '../platform/schema';
export * from '../assets/schema';
export * from '../budgeting/schema';
export * from '../panels/schema';
