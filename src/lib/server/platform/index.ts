/**
 * The platform module's public face: logging here; accounts, permissions, the audit log and
 * errors are exported alongside as they land.
 */
export { childLogger, logger, type Logger } from './logger';

// Places, roles and organisations.
export { createCouncil, createPlace, childLevelOf } from './places/create-place';
export { updatePlace } from './places/update-place';
export {
	importPlaces,
	type ImportPlacesInput,
	type ImportPlacesResult
} from './places/import-places';
export {
	countPlaces,
	findNeighbourhoodForPoint,
	findPlaceByCodeOrSlug,
	getPlaceById,
	getPlaceBySlug,
	listAncestors,
	listChildBoundaries,
	listChildren,
	listPlaces,
	listPlaceTree,
	type CouncilWithWards,
	type Page,
	type Place,
	type PlaceSummary
} from './places/queries';
export {
	listPlaceActivity,
	placeActivityProviders,
	type PlaceActivity,
	type PlaceActivityProvider
} from './places/activity';
export {
	createPlaceSchema,
	updatePlaceSchema,
	type CreatePlaceInput,
	type UpdatePlaceInput
} from './places/validation';
export { grantRole, type RoleGrant } from './roles/grant-role';
export { revokeRole } from './roles/revoke-role';
export {
	invitePerson,
	INVITATION_DAYS,
	type Invitation,
	type InvitePersonResult
} from './roles/invite-person';
export { acceptInvitations } from './roles/accept-invitations';
export {
	listPeople,
	type PeopleList,
	type PendingInvitation,
	type PersonWithGrants
} from './roles/list-people';
export { listManagedPlaces, listPlacesForAction, type ManagedPlace } from './roles/queries';
export {
	grantRoleSchema,
	invitePersonSchema,
	revokeRoleSchema,
	type GrantRoleInput,
	type InvitePersonInput,
	type RevokeRoleInput
} from './roles/validation';
export { createOrganisation } from './organisations/create-organisation';
export { updateOrganisation } from './organisations/update-organisation';
export {
	getOrganisationById,
	getOrganisationBySlug,
	listOrganisations,
	type Organisation,
	type OrganisationSummary,
	type OrganisationWithPlaces
} from './organisations/queries';
export {
	createOrganisationSchema,
	updateOrganisationSchema,
	type CreateOrganisationInput,
	type UpdateOrganisationInput
} from './organisations/validation';
export { formValues, validate, type Validated } from './validation';

// Errors, permissions and the audit log, for routes.
export {
	DomainError,
	httpStatusOf,
	isDomainError,
	type DomainErrorCode,
	type FieldError
} from './errors';
export { can, rolesOn, type Action, type Actor } from './permissions';
export { listAudit, type AuditPage } from './audit';

// Accounts: sign-up, sign-in, magic links, password reset, the account page and the outbox.
export {
	createAuth,
	getAuth,
	authSettingsFromEnv,
	minPasswordLength,
	type Auth,
	type AuthSettings
} from './auth';
export {
	getAccount,
	listNeighbourhoods,
	readSession,
	requestMagicLink,
	requestPasswordReset,
	resetPassword,
	safeReturnTo,
	sessionUserOf,
	signInWithPassword,
	signOut,
	signUpWithPassword,
	updateAccount,
	verifyMagicLink,
	type AccountSummary,
	type ClientInfo,
	type NeighbourhoodChoice,
	type SessionUser,
	type SignedIn
} from './accounts';
export { canReadOutbox, getOutboxMessage, listOutbox, linksIn } from './read-outbox';
export { applySetCookies, clientInfoOf } from './session-cookies';
