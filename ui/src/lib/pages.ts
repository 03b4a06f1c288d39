// What the console's pages share with the routes that show them: the props every page is given,
// and the role lists that both guard routes (src/routes.ts) and decide what a page offers. Pages
// import this module, never src/routes.ts, which imports the pages.
import type { Role } from '../gql/graphql';
import type { SessionUser } from './session';

export interface PageProps {
  /** The route's :name parameters, decoded. */
  params: Record<string, string>;
  /** The query string of the current URL. */
  query: URLSearchParams;
  user: SessionUser;
}

/** The roles that may read decisions (Query.decisions, ACCESS.md). */
export const decisionReaders: readonly Role[] = ['ANALYST', 'APPROVER', 'AUDITOR'];

/** readsDecisions reports whether user may open the decision pages (a reviewer reads decisions only through their cases). */
export function readsDecisions(user: SessionUser): boolean {
  return user.roles.some((r) => decisionReaders.includes(r));
}

/** The roles that may use the agents' look-up (Query.agentDecision). */
export const agentViewers: readonly Role[] = ['AGENT', 'ANALYST', 'APPROVER', 'AUDITOR'];

/** The roles that may write threshold drafts and submit them (Mutation.editThresholdDraft). */
export const thresholdEditors: readonly Role[] = ['ANALYST', 'APPROVER'];

/** The roles that may approve, reject, activate and roll back thresholds. */
export const thresholdApprovers: readonly Role[] = ['APPROVER'];

/** The roles that may write and submit catalog drafts (Mutation.editCatalogText). */
export const catalogEditors: readonly Role[] = ['ANALYST', 'APPROVER'];

/** The roles that may approve or reject catalog drafts. */
export const catalogApprovers: readonly Role[] = ['APPROVER'];

/** The roles that may read review cases (Query.reviewCases): a reviewer works them, the others look. */
export const reviewReaders: readonly Role[] = ['REVIEWER', 'ANALYST', 'APPROVER', 'AUDITOR'];

/** The roles with an inbox ("Waiting for you"): submissions to approve, review cases to work. */
export const inboxRoles: readonly Role[] = ['APPROVER', 'REVIEWER'];

/** The roles that read retention policies and the plan (Query.retentionPolicies): the Retention page. */
export const retentionReaders: readonly Role[] = ['AUDITOR', 'APPROVER', 'ADMIN'];

/** The roles that propose a retention policy (Mutation.proposeRetentionPolicy). */
export const retentionProposers: readonly Role[] = ['AUDITOR'];

/** The roles that approve or reject a retention policy request, never their own. */
export const retentionApprovers: readonly Role[] = ['APPROVER', 'AUDITOR'];

/** The roles that read legal holds (Query.legalHolds): they name shoppers, merchants and matters. */
export const holdReaders: readonly Role[] = ['AUDITOR', 'APPROVER'];

/** The roles that place legal holds (Mutation.placeLegalHold). */
export const holdPlacers: readonly Role[] = ['AUDITOR'];

/** The roles that lift a legal hold, never one they placed (Mutation.liftLegalHold). */
export const holdLifters: readonly Role[] = ['AUDITOR', 'APPROVER'];

/** The roles that read erasure requests (Query.erasureRequests): what was unlinked, never whom. */
export const erasureReaders: readonly Role[] = ['AUDITOR', 'ADMIN'];

/** The people's roles that request an erasure (Mutation.requestErasure; SERVICE is the privacy process's token). */
export const erasers: readonly Role[] = ['ADMIN'];
