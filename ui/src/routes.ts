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
import { DecisionDetailPage } from './pages/DecisionDetail';
import { DecisionsPage } from './pages/Decisions';
import { HomePage } from './pages/Home';

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

export const routes: RouteDef[] = [
  { path: '/', title: 'Home', roles: [], component: HomePage },
  { path: '/decisions', title: 'Decisions', roles: decisionReaders, component: DecisionsPage, nav: true },
  { path: '/decisions/:id', title: 'Decision', roles: decisionReaders, component: DecisionDetailPage },
  { path: '/agent', title: 'Agent look-up', roles: agentViewers, component: AgentLookupPage, nav: true },
  { path: '/audit', title: 'Audit log', roles: ['AUDITOR'], component: AuditLogPage, nav: true },
  { path: '/admin', title: 'Admin', roles: ['ADMIN'], component: AdminPage, nav: true },
];
