// How the audit log reads: a label for each action code, the entity an event is about named and
// linked to its page, and the change an event records as the keys that differ, old → new.
import { count } from './format';

/** The label of every action the console writes (the codes are the server's, in internal/…). */
export const actionLabels: Readonly<Record<string, string>> = {
  'access.denied': 'Access denied',
  'auth.login': 'Signed in',
  'auth.logout': 'Signed out',
  'user.create': 'User created',
  'user.disable': 'User disabled',
  'user.enable': 'User enabled',
  'user.set_roles': 'User roles changed',
  'user.change_password': 'Password changed',
  'api_token.create': 'API token created',
  'api_token.revoke': 'API token revoked',
  'threshold.draft_create': 'Threshold draft created',
  'threshold.draft_edit': 'Threshold draft edited',
  'threshold.submit': 'Threshold draft submitted',
  'threshold.approve': 'Threshold draft approved and published',
  'threshold.reject': 'Threshold draft rejected',
  'threshold.activate': 'Threshold version activated',
  'threshold.rollback': 'Threshold version rolled back',
  'catalog_draft.create': 'Catalog draft created',
  'catalog_draft.edit': 'Catalog draft edited',
  'catalog_draft.submit': 'Catalog draft submitted',
  'catalog_draft.approve': 'Catalog draft approved and published',
  'catalog_draft.reject': 'Catalog draft rejected',
  'bad_definition.draft_create': 'Bad definition draft created',
  'bad_definition.draft_edit': 'Bad definition draft edited',
  'bad_definition.submit': 'Bad definition draft submitted',
  'bad_definition.approve': 'Bad definition draft approved',
  'bad_definition.reject': 'Bad definition draft rejected',
  'decision.view_agent': 'Decision looked up by an agent',
  'decision.explain': 'Decision explained',
  'decisions.export': 'Decisions exported',
  'outcome.record': 'Repayment outcomes recorded',
  'outcome.import': 'Repayment outcomes imported',
  'review.request': 'Review requested',
  'review.claim': 'Review claimed',
  'review.decide': 'Review decided',
  'review.approve_overturn': 'Overturn approved (second review)',
  'review.reject_overturn': 'Overturn rejected (second review)',
  'staff.link_shopper': 'Staff member linked to a shopper',
  'staff.unlink_shopper': 'Staff member unlinked from a shopper',
};

/** actionLabel reads an action code; a code the table does not know is shown as written. */
export function actionLabel(code: string): string {
  return actionLabels[code] ?? code;
}

export interface AuditEntity {
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The entity of an event in words, with the console page that shows it when there is one. */
export interface EntityRef {
  label: string;
  href?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** field reads key from the event's after, else its before (a deletion-like change has only before). */
function field(e: AuditEntity, key: string): unknown {
  if (isObj(e.after) && e.after[key] !== undefined && e.after[key] !== null) return e.after[key];
  if (isObj(e.before)) return e.before[key];
  return undefined;
}
const inMarket = (e: AuditEntity) => (typeof field(e, 'market') === 'string' && field(e, 'market') !== '' ? ` (${String(field(e, 'market'))})` : '');

/** entityRef names the entity of an event and links its page, using what the event's before/after hold. */
export function entityRef(e: AuditEntity): EntityRef {
  const id = e.entityId;
  const q = encodeURIComponent(id);
  switch (e.entityType) {
    case 'threshold_activation': {
      const versionId = field(e, 'versionId');
      const version = field(e, 'version');
      if (versionId === undefined) return { label: `activation ${id}` };
      return { label: `activation ${id} of version ${String(version ?? versionId)}${inMarket(e)}`, href: `/thresholds/versions/${encodeURIComponent(String(versionId))}` };
    }
    case 'threshold_draft':
      return { label: `threshold draft ${id}${inMarket(e)}`, href: `/thresholds/drafts/${q}` };
    case 'catalog_draft':
      return { label: `catalog draft ${id}`, href: `/catalog?draft=${q}` };
    case 'review_case':
      return { label: `review case ${id}${inMarket(e)}`, href: `/reviews/${q}` };
    case 'decision':
      return { label: `decision ${id}`, href: `/decisions/${q}` };
    // Users and tokens have no page an auditor may open (Admin is ADMIN's): their history in the log.
    case 'user':
      return { label: `user ${id}`, href: `/audit?entityType=user&entityId=${q}` };
    case 'api_token': {
      const name = field(e, 'name');
      return { label: `API token ${id}${typeof name === 'string' ? ` (${name})` : ''}`, href: `/audit?entityType=api_token&entityId=${q}` };
    }
    case 'bad_definition_draft':
      return { label: `bad definition draft ${id}${inMarket(e)}` };
    case 'graphql_field':
      return { label: `GraphQL field ${id}` };
    case 'http_endpoint':
      return { label: `HTTP endpoint ${id}` };
    default:
      return { label: `${e.entityType.replace(/_/g, ' ')} ${id}`.trim() };
  }
}

/** One key that differs between before and after; from or to is undefined where the key is absent. */
export interface Change {
  path: string;
  from?: string;
  to?: string;
}

/** The keys that name an element of a list of objects in a path (a rule by its measure). */
const elementKeys = ['measure', 'code', 'key', 'id', 'locale'];

const scalar = (v: unknown) => (v === null || v === undefined ? '–' : typeof v === 'string' ? v : JSON.stringify(v));

/** flatten writes a JSON value as path → scalar text, objects by key and lists by an element's name or index. */
function flatten(v: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(v)) {
    if (v.length === 0) out.set(path, '[]');
    v.forEach((el, i) => {
      const k = isObj(el) ? elementKeys.find((n) => typeof el[n] === 'string' || typeof el[n] === 'number') : undefined;
      flatten(el, `${path}[${k && isObj(el) ? String(el[k]) : i}]`, out);
    });
  } else if (isObj(v)) {
    const keys = Object.keys(v);
    if (keys.length === 0 && path) out.set(path, '{}');
    for (const k of keys) flatten(v[k], path ? `${path}.${k}` : k, out);
  } else {
    out.set(path || '(value)', scalar(v));
  }
}

/**
 * changes lists the keys (nested keys as paths such as rules[BUREAU_SCORE].cutoff) whose values
 * differ between before and after, in after's order then the removed ones: old → new. An event
 * with no before lists what it recorded, top-level keys only.
 */
export function changes(before: unknown, after: unknown): Change[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  const hasBefore = before !== null && before !== undefined;
  if (hasBefore) flatten(before, '', a);
  if (after !== null && after !== undefined) {
    if (hasBefore || !isObj(after)) flatten(after, '', b);
    // A record with nothing before it: its top-level keys, lists and objects in a word.
    else for (const [k, v] of Object.entries(after)) b.set(k, Array.isArray(v) ? count(v.length, 'item') : isObj(v) ? count(Object.keys(v).length, 'key') : scalar(v));
  }
  const out: Change[] = [];
  for (const [path, to] of b) {
    const from = a.get(path);
    if (from !== to) out.push({ path, from, to });
  }
  for (const [path, from] of a) if (!b.has(path)) out.push({ path, from });
  return out;
}
