/**
 * Pure parts of the Panels module: reading an organiser's volunteer file, suggesting and checking
 * quotas, explaining low selection chances, finding replacements that keep every quota, and the
 * demo pool. The selection itself is `core/sortition`.
 */
export {
	readVolunteers,
	contactColumns,
	maxVolunteers,
	type VolunteerFile,
	type VolunteerRow,
	type VolunteerRowProblem
} from './volunteer-csv';
export {
	countPool,
	suggestQuotas,
	checkQuotas,
	type PoolCounts,
	type PopulationShares,
	type SuggestedQuota,
	type QuotaProblem
} from './quotas';
export { ageBands, ageRange, peopleInAgeRange } from './age-bands';
export { explainLeastLikely, type CrowdedValue, type ProbabilityExplanation } from './explain';
export {
	replacementCandidates,
	drawReplacement,
	replacementKey,
	type ReplacementDraw
} from './replacement';
export { generateDemoPool, demoFeatures, type DemoVolunteer } from './demo-pool';
