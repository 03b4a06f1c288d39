// The console's pages. To add one: write src/pages/<Name>.tsx exporting a component that takes
// PageProps (src/lib/pages.ts, which also holds the role lists), and add a line here. The shell
// shows pages with nav: true in the navigation to users holding one of their roles, and guards
// every route: signed-out users go to sign in (and come back), users without the roles see an
// explanation.
import { h, type ComponentType } from 'preact';
import type { Role } from './gql/graphql';
import { lazyComponent } from './lib/lazy';
import { agentViewers, decisionReaders, inboxRoles, retentionReaders, reviewReaders, type PageProps } from './lib/pages';
import { AdminPage } from './pages/Admin';
import { AgentLookupPage } from './pages/AgentLookup';
import { CatalogPage } from './pages/Catalog';
import { DecisionDetailPage } from './pages/DecisionDetail';
import { DecisionsPage } from './pages/Decisions';
import { HomePage, InboxPage } from './pages/Home';
import { OverviewPage } from './pages/Overview';
import { ReviewCasePage } from './pages/ReviewCase';
import { ReviewsPage } from './pages/Reviews';
import { ThresholdDraftPage } from './pages/ThresholdDraft';
import { ThresholdsPage } from './pages/Thresholds';
import { ThresholdVersionPage } from './pages/ThresholdVersion';

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

/** The home page sends the user to the first page of the navigation their roles open. */
function Home(props: PageProps) {
  return h(HomePage, { ...props, pages: routes });
}

// The audit log is the auditors' alone: its code loads when it is opened, out of the first load.
const AuditLogPage = lazyComponent(() => import('./pages/AuditLog').then((m) => m.AuditLogPage), 'Loading the audit log…', true);

// Retention is read by a few (auditors, approvers, admins): its code loads when it is opened.
const RetentionPage = lazyComponent(() => import('./pages/Retention').then((m) => m.RetentionPage), 'Loading retention…', true);

// A shadow run's comparison is read by the few who run experiments: its code (and the chart's) loads when it is opened.
const ShadowRunPage = lazyComponent(() => import('./pages/ShadowRun').then((m) => m.ShadowRunPage), 'Loading the shadow run…', true);

export const routes: RouteDef[] = [
  { path: '/', title: 'Home', roles: [], component: Home },
  // First, so that approvers and reviewers land on what waits for them (HomePage).
  { path: '/inbox', title: 'Inbox', roles: inboxRoles, component: InboxPage, nav: true },
  // Analytics, thresholds and the catalog are read by the same roles as decisions (ACCESS.md).
  { path: '/overview', title: 'Overview', roles: decisionReaders, component: OverviewPage, nav: true },
  { path: '/decisions', title: 'Decisions', roles: decisionReaders, component: DecisionsPage, nav: true },
  { path: '/decisions/:id', title: 'Decision', roles: decisionReaders, component: DecisionDetailPage },
  { path: '/thresholds', title: 'Thresholds', roles: decisionReaders, component: ThresholdsPage, nav: true },
  { path: '/thresholds/drafts/:id', title: 'Threshold draft', roles: decisionReaders, component: ThresholdDraftPage },
  { path: '/thresholds/versions/:id', title: 'Threshold version', roles: decisionReaders, component: ThresholdVersionPage },
  { path: '/thresholds/shadows/:id', title: 'Shadow run', roles: decisionReaders, component: ShadowRunPage },
  { path: '/catalog', title: 'Reason catalog', roles: decisionReaders, component: CatalogPage, nav: true },
  // Review cases are worked by REVIEWER and read by the decision readers (ACCESS.md).
  { path: '/reviews', title: 'Reviews', roles: reviewReaders, component: ReviewsPage, nav: true },
  { path: '/reviews/:id', title: 'Review case', roles: reviewReaders, component: ReviewCasePage },
  { path: '/agent', title: 'Agent look-up', roles: agentViewers, component: AgentLookupPage, nav: true },
  { path: '/audit', title: 'Audit log', roles: ['AUDITOR'], component: AuditLogPage, nav: true },
  { path: '/admin', title: 'Admin', roles: ['ADMIN'], component: AdminPage, nav: true },
  // After Admin, so that every role lands where it did before (HomePage takes the first page).
  { path: '/retention', title: 'Retention', roles: retentionReaders, component: RetentionPage, nav: true },
];
