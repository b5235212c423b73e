/**
 * The assets module's public face: the register of community spaces (suggest, confirm, create,
 * change, list, import and export), with assets of community value and community asset transfer
 * and meanwhile use alongside. Routes import from here only.
 */

// The register.
export {
	assetConditions,
	assetKinds,
	assetOwnerTypes,
	assetStatuses,
	type AssetCondition,
	type AssetKind,
	type AssetOwnerType,
	type AssetStatus
} from './schema';
export { suggestAsset } from './suggest-asset';
export { confirmAsset } from './confirm-asset';
export { rejectAsset } from './reject-asset';
export { createAsset } from './create-asset';
export { updateAsset } from './update-asset';
export {
	countAssetsByKind,
	getAsset,
	listAllAssets,
	listAssets,
	publicStatuses,
	type Asset,
	type AssetDetail,
	type AssetFilters,
	type AssetPhoto,
	type AssetSummary
} from './queries';
export {
	createAssetSchema,
	rejectAssetSchema,
	suggestAssetSchema,
	updateAssetSchema,
	type CreateAssetInput,
	type RejectAssetInput,
	type SuggestAssetInput,
	type UpdateAssetInput
} from './validation';

// Imports and exports.
export {
	importAssetsCsv,
	maxImportRows,
	readCsvHeader,
	type ImportCsvInput,
	type ImportReport
} from './import-assets';
export { importLibraries, librariesSource, type LibrariesReport } from './import-libraries';
export {
	guessMapping,
	mappableFields,
	type ColumnMapping,
	type MappableField,
	type RowProblem,
	type RowProblemCode
} from '../../core/assets/import-rows';
export { exportAssetsCsv, exportAssetsGeoJson, exportColumns } from './exports';
export {
	getOrukService,
	listOrukOrganizations,
	listOrukServiceAtLocations,
	listOrukServices,
	orukApiInfo
} from './open-referral';

// The demo town.
export { demoAssets, type DemoAsset, type DemoAssetKey } from './demo-data';
export { seedAssetsDemo, type DemoAssetIds } from './demo';

// Community asset transfer.
export {
	closedTransferStages,
	transferStages,
	type TransferDecision,
	type TransferStage,
	type TransferTenure
} from './transfer/schema';
export { startTransferCase } from './transfer/start-transfer-case';
export { advanceTransferCase } from './transfer/advance-transfer-case';
export { setTransferTerms, type SetTransferTermsResult } from './transfer/set-transfer-terms';
export { decideTransfer } from './transfer/decide-transfer';
export { addTransferDocument } from './transfer/add-transfer-document';
export {
	getAssetTransfer,
	getTransferSummary,
	listApplicantOrganisations,
	listTransferCasesForPlace,
	type AssetTransfer,
	type TransferCaseDetail,
	type TransferCaseListItem,
	type TransferSummary
} from './transfer/queries';
export { isShortLease, LONG_LEASE_YEARS, nextStages } from './transfer/stages';
export {
	addTransferDocumentSchema,
	advanceTransferCaseSchema,
	decideTransferSchema,
	setTransferTermsSchema,
	startTransferCaseSchema,
	type AddTransferDocumentInput,
	type AdvanceTransferCaseInput,
	type DecideTransferInput,
	type SetTransferTermsInput,
	type StartTransferCaseInput
} from './transfer/validation';
export { seedTransferDemo } from './transfer/demo';

// Meanwhile use.
export { offerMeanwhileUse } from './meanwhile/offer-meanwhile-use';
export { requestMeanwhileUse } from './meanwhile/request-meanwhile-use';
export { decideMeanwhileRequest } from './meanwhile/decide-meanwhile-request';
export {
	getAssetMeanwhile,
	type AssetMeanwhile,
	type MeanwhileRequestView
} from './meanwhile/queries';
export {
	dateFromParts,
	decideMeanwhileRequestSchema,
	offerMeanwhileUseSchema,
	requestMeanwhileUseSchema,
	type DecideMeanwhileRequestInput,
	type OfferMeanwhileUseInput,
	type RequestMeanwhileUseInput
} from './meanwhile/validation';

// Assets of community value.
export { nominateAsset } from './acv/nominate-asset';
export { decideNomination } from './acv/decide-nomination';
export { recordDisposalNotice } from './acv/record-disposal-notice';
export { recordBidRequest } from './acv/record-bid-request';
export { recordExemptDisposal } from './acv/record-exempt-disposal';
export {
	getAcvSummary,
	listAcvs,
	todayUtc,
	type AcvListItem,
	type AcvNomination,
	type AcvRecord,
	type AcvSummary
} from './acv/queries';
export {
	decideNominationSchema,
	nominateAssetSchema,
	nominatorKinds,
	recordBidRequestSchema,
	recordDisposalNoticeSchema,
	recordExemptDisposalSchema,
	type DecideNominationInput,
	type NominateAssetInput,
	type RecordBidRequestInput,
	type RecordDisposalNoticeInput,
	type RecordExemptDisposalInput
} from './acv/validation';
export { acvJobHandlers, ACV_REMINDER_QUEUE } from './acv/reminders';
export { formatAcvDate } from './acv/messages';
export { getAcvPage, type AcvPage, type AcvTimelineRow } from './acv/page';
export { acvCsv, acvCsvColumns } from './acv/planning-data';
export { seedAcvDemo } from './acv/demo';
export type {
	AcvDeadline,
	AcvDeadlineKind,
	AcvState,
	AcvTimeline
} from '../../core/assets/acv-dates';
