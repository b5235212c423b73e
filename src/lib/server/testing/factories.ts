/**
 * The modules' test factories, for route tests: routes reach a server module only through its
 * index.ts (eslint.config.js), whose public face has no test data builders, and their tests may
 * use what is in $lib/server/testing.
 */
export { buildProcess, buildProjects } from '../budgeting/factories';
export { buildPerson, buildPlaceTree, systemActor } from '../platform/places/factories';
