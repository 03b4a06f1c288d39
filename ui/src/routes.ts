// The console's pages. To add one: write src/pages/<Name>.tsx exporting a component that takes
// PageProps, and add a line here. The shell shows pages with nav: true in the navigation to
// users holding one of their roles, and guards every route: signed-out users go to sign in
// (and come back), users without the roles see an explanation.
import type { ComponentType } from 'preact';
import type { Role } from './gql/graphql';
import type { SessionUser } from './lib/session';
import { AdminPage } from './pages/Admin';
import { AgentLookupPage } from './pages/AgentLookup';
import { AuditLogPage } from './pages/AuditLog';
import { CatalogPage } from './pages/Catalog';
import { DecisionDetailPage } from './pages/DecisionDetail';
import { DecisionsPage } from './pages/Decisions';
import { HomePage } from './pages/Home';
import { OverviewPage } from './pages/Overview';
import { ThresholdDraftPage } from './pages/ThresholdDraft';
import { ThresholdsPage } from './pages/Thresholds';
import { ThresholdVersionPage } from './pages/ThresholdVersion';

export interface PageProps {
  /** The route's :name parameters, decoded. */
  params: Record<string, string>;
  /** The query string of the current URL. */
  query: URLSearchParams;
  user: SessionUser;
}

export interface RouteDef {
  /** A path pattern; :name matches one segment. The first matching route wins. */
  path: string;
  /** The page's title: the browser tab's, and the navigation link's when nav is set. */
  title: string;
  /** Any one of these opens the page; empty means any signed-in user. */
  roles: readonly Role[];
  component: ComponentType<PageProps>;
  /** Listed in the navigation (for users who may open it). */
  nav?: boolean;
}

/** The roles that may read decisions (Query.decisions, ACCESS.md). */
export const decisionReaders: readonly Role[] = ['ANALYST', 'APPROVER', 'AUDITOR'];

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

export const routes: RouteDef[] = [
  { path: '/', title: 'Home', roles: [], component: HomePage },
  // Analytics, thresholds and the catalog are read by the same roles as decisions (ACCESS.md).
  { path: '/overview', title: 'Overview', roles: decisionReaders, component: OverviewPage, nav: true },
  { path: '/decisions', title: 'Decisions', roles: decisionReaders, component: DecisionsPage, nav: true },
  { path: '/decisions/:id', title: 'Decision', roles: decisionReaders, component: DecisionDetailPage },
  { path: '/thresholds', title: 'Thresholds', roles: decisionReaders, component: ThresholdsPage, nav: true },
  { path: '/thresholds/drafts/:id', title: 'Threshold draft', roles: decisionReaders, component: ThresholdDraftPage },
  { path: '/thresholds/versions/:id', title: 'Threshold version', roles: decisionReaders, component: ThresholdVersionPage },
  { path: '/catalog', title: 'Reason catalog', roles: decisionReaders, component: CatalogPage, nav: true },
  { path: '/agent', title: 'Agent look-up', roles: agentViewers, component: AgentLookupPage, nav: true },
  { path: '/audit', title: 'Audit log', roles: ['AUDITOR'], component: AuditLogPage, nav: true },
  { path: '/admin', title: 'Admin', roles: ['ADMIN'], component: AdminPage, nav: true },
];
