/**
 * The Panels module's public face: citizens' panels selected by stratified sortition, from the
 * pool import to the public draw, replacements and the wiping of personal data. Routes import
 * from here only.
 */
export {
	panelStatuses,
	quotaSources,
	volunteerRoles,
	type PanelStatus,
	type QuotaSource,
	type SelectionPurpose,
	type StoredSelection,
	type VolunteerRole
} from './schema';
export { createPanel } from './create-panel';
export { importPool, suggestPanelQuotas, type PoolImportReport } from './import-pool';
export { setQuotas } from './set-quotas';
export { setRetention } from './set-retention';
export { anonymisePanel, afterRetention, ANONYMISE_QUEUE } from './anonymise-panel';
export { startSelection, SELECT_QUEUE } from './start-selection';
export { publishLottery } from './publish-lottery';
export { drawPanel } from './draw-panel';
export { runSelectionJob, commandPath } from './run-selection';
export { replaceMember } from './replace-member';
export { inviteMembers } from './invite-members';
export { getOrganiserPanel, getRerunFiles, type OrganiserPanel } from './organiser-view';
export {
	getPublicPanel,
	listDrawnPanels,
	listManagedPanels,
	listPublishedLotteries,
	publicLotteryCsv,
	type PublicPanel
} from './queries';
export { drawCommand, featuresCsv, peopleCsv, rerunCommand } from './pool-files';
export { censusShares } from './census';
export {
	createPanelSchema,
	dateFromFields,
	dropoutSchema,
	retentionSchema,
	seedSchema,
	type CreatePanelInput,
	type RetentionInput
} from './validation';
export { demoPanel, seedPanelsDemo } from './demo';
export { maxVolunteers } from '../../core/panels/index';
