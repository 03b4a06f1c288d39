/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where the live decision and the shadow agree or not. */
export const Agreement = {
  /** Both approved. */
  BothApprove: 'BOTH_APPROVE',
  /** Both declined. */
  BothDecline: 'BOTH_DECLINE',
  /** Live declined, the shadow would have approved. */
  ShadowApproves: 'SHADOW_APPROVES',
  /** Live approved, the shadow would have declined. */
  ShadowDeclines: 'SHADOW_DECLINES'
} as const;

export type Agreement = typeof Agreement[keyof typeof Agreement];
/** The width of an analytics time bucket. */
export const AnalyticsBucket = {
  /** One day, from midnight in the answer's time zone. */
  Day: 'DAY',
  /** One hour. */
  Hour: 'HOUR',
  /** One week, from Monday at midnight in the answer's time zone. */
  Week: 'WEEK'
} as const;

export type AnalyticsBucket = typeof AnalyticsBucket[keyof typeof AnalyticsBucket];
/** What analytics count: decisions made in [from, to) (widened to whole hours) that match every field set. */
export type AnalyticsFilter = {
  /** Decisions decided by this arm of a challenger split. */
  arm?: Arm | null | undefined;
  /** WEB, APP or POS. */
  channel?: string | null | undefined;
  /** The first instant counted (inclusive), widened down to a whole hour. */
  from: string;
  /** The market, e.g. DE. */
  market?: string | null | undefined;
  /** Inclusive, in the market's currency; answered from the decisions, as minAmount. */
  maxAmount?: number | null | undefined;
  /** The merchant category, matched exactly. */
  merchantCategory?: string | null | undefined;
  /** Checkout's merchant id, matched exactly. */
  merchantId?: string | null | undefined;
  /** Inclusive, in the market's currency. An amount range is answered from the decisions, not the rollups. */
  minAmount?: number | null | undefined;
  /** Decisions made under this threshold version. */
  thresholdVersionId?: string | number | null | undefined;
  /** The end of the range (exclusive), widened up to a whole hour. */
  to: string;
};

/** Where an analytics answer was read from. */
export const AnalyticsSource = {
  /** The decisions themselves (an amount range, or a grouping no rollup has). */
  Decisions: 'DECISIONS',
  /** The hourly rollups, complete up to freshAsOf. */
  Rollup: 'ROLLUP'
} as const;

export type AnalyticsSource = typeof AnalyticsSource[keyof typeof AnalyticsSource];
/** The arm of a challenger split that decided a decision. */
export const Arm = {
  /** The split's challenger version. */
  Challenger: 'CHALLENGER',
  /** The version in force. */
  Champion: 'CHAMPION'
} as const;

export type Arm = typeof Arm[keyof typeof Arm];
/** Which audit events to list; every field given must match. */
export type AuditFilter = {
  /** Exact action, e.g. user.create, auth.login, access.denied. */
  action?: string | null | undefined;
  /** An actor id, e.g. user:3:anna or token:2:checkout, matched exactly; or a username or API token name, e.g. anna, which matches every user, token or server task of that name. */
  actor?: string | null | undefined;
  /** Exact entity id, as in AuditEvent.entityId; use with entityType. */
  entityId?: string | null | undefined;
  /** Exact entity type, e.g. user, api_token, threshold_draft. */
  entityType?: string | null | undefined;
  /** Inclusive. */
  from?: string | null | undefined;
  /** Exclusive. */
  to?: string | null | undefined;
};

/** How the audited action ended. */
export const AuditOutcome = {
  /** The caller was refused (no role, self-approval, a conflict of interest and the like). */
  Denied: 'DENIED',
  /** The action was carried out. */
  Done: 'DONE',
  /** The action was allowed but failed: invalid input, a conflict, a wrong password. */
  Failed: 'FAILED'
} as const;

export type AuditOutcome = typeof AuditOutcome[keyof typeof AuditOutcome];
/** Who a catalog text is written for. */
export const CatalogAudience = {
  /** Support agents, as guidance in agentDecision. */
  Agent: 'AGENT',
  /** The shopper, in the pop-up at checkout. */
  Shopper: 'SHOPPER'
} as const;

export type CatalogAudience = typeof CatalogAudience[keyof typeof CatalogAudience];
/** How a text differs between two catalog versions. */
export const CatalogChangeKind = {
  /** Only in the newer version. */
  Added: 'ADDED',
  /** In both, with different words. */
  Changed: 'CHANGED',
  /** Only in the older version. */
  Removed: 'REMOVED'
} as const;

export type CatalogChangeKind = typeof CatalogChangeKind[keyof typeof CatalogChangeKind];
/** Where a catalog draft stands. */
export const CatalogDraftStatus = {
  /** Published as publishedVersion. */
  Approved: 'APPROVED',
  /** Being edited by its author. */
  Draft: 'DRAFT',
  /** Refused, with the approver's comment; it can no longer change. */
  Rejected: 'REJECTED',
  /** Frozen, waiting for an approver who is not its author. */
  Submitted: 'SUBMITTED'
} as const;

export type CatalogDraftStatus = typeof CatalogDraftStatus[keyof typeof CatalogDraftStatus];
/** GTE passes when value >= cutoff; LTE passes when value <= cutoff. */
export const Comparator = {
  /** Passes when the value is at least the cut-off: value >= cutoff. */
  Gte: 'GTE',
  /** Passes when the value is at most the cut-off: value <= cutoff. */
  Lte: 'LTE'
} as const;

export type Comparator = typeof Comparator[keyof typeof Comparator];
/** A new API token for a system. */
export type CreateApiTokenInput = {
  /** Optional expiry; must be in the future. */
  expiresAt?: string | null | undefined;
  /** What the token is for, e.g. checkout; audit events name its caller by it. */
  name: string;
  /** SERVICE, AUDITOR or AGENT; the other roles belong to people signed in and are INVALID here. */
  roles: Array<Role>;
};

/** A new staff account. */
export type CreateUserInput = {
  /** The person's name as the console shows it, e.g. Anna Berg. */
  displayName: string;
  /** The initial password: at least 12 characters, not a commonly used one. */
  password: string;
  /** The roles to grant. */
  roles: Array<Role>;
  /** Lower-case letters, digits, dots, dashes and underscores; 3 to 64 characters. */
  username: string;
};

/** Which decisions to list; every field given must match. */
export type DecisionFilter = {
  /** Decisions decided by this arm of a challenger split. */
  arm?: Arm | null | undefined;
  /** Inclusive. */
  from?: string | null | undefined;
  /** The market, e.g. DE. */
  market?: string | null | undefined;
  /** Inclusive, in major units of the decision's currency. */
  maxAmount?: number | null | undefined;
  /** The merchant category, matched exactly, e.g. electronics. */
  merchantCategory?: string | null | undefined;
  /** Checkout's merchant id, matched exactly. */
  merchantId?: string | null | undefined;
  /** Inclusive, in major units of the decision's currency. */
  minAmount?: number | null | undefined;
  /** APPROVED or DECLINED. */
  outcome?: Outcome | null | undefined;
  /** Decisions naming this principal reason (implies DECLINED). */
  reason?: ReasonCode | null | undefined;
  /** Decisions made under this threshold version. */
  thresholdVersionId?: string | number | null | undefined;
  /** Exclusive. */
  to?: string | null | undefined;
};

/** Who made a decision. */
export const DecisionKind = {
  /** Made by the engine at checkout. */
  Automated: 'AUTOMATED',
  /** Made by a reviewer who overturned an automated decision. */
  ManualReview: 'MANUAL_REVIEW'
} as const;

export type DecisionKind = typeof DecisionKind[keyof typeof DecisionKind];
/** The order decisions are listed in. */
export const DecisionOrder = {
  /** Latest first, by time and then id. */
  NewestFirst: 'NEWEST_FIRST',
  /** Earliest first, by time and then id. */
  OldestFirst: 'OLDEST_FIRST'
} as const;

export type DecisionOrder = typeof DecisionOrder[keyof typeof DecisionOrder];
/** Where an erasure request stands. */
export const ErasureRequestState = {
  /** Carried out in full after waiting. */
  Done: 'DONE',
  /** A legal hold applies: carried out once it is lifted (and the duties have ended). */
  Held: 'HELD',
  /** Carried out in full when it was made. */
  NowDone: 'NOW_DONE',
  /** A retention duty runs over some decisions: the rest is carried out at dueAt. */
  Scheduled: 'SCHEDULED'
} as const;

export type ErasureRequestState = typeof ErasureRequestState[keyof typeof ErasureRequestState];
/** The 11 factors of the assessment. */
export const Factor = {
  /** What is left of income after obligations, against the purchase. */
  Affordability: 'AFFORDABILITY',
  /** Length of the credit history and recent delinquencies. */
  CreditHistory: 'CREDIT_HISTORY',
  /** The credit bureau's score. */
  CreditScore: 'CREDIT_SCORE',
  /** Debt payments as a share of income. */
  DebtToIncome: 'DEBT_TO_INCOME',
  /** Months in the current employment. */
  EmploymentStability: 'EMPLOYMENT_STABILITY',
  /** Whether identity was verified, and legal age. */
  IdentityAndAge: 'IDENTITY_AND_AGE',
  /** Monthly income and whether it was verified. */
  Income: 'INCOME',
  /** Credit already owed. */
  OutstandingCredit: 'OUTSTANDING_CREDIT',
  /** Months at the current address and whether it was verified. */
  ResidentialStatus: 'RESIDENTIAL_STATUS',
  /** Liquid savings. */
  Savings: 'SAVINGS',
  /** Recent buy-now-pay-later plans (last 30 days). */
  SpendingPatterns: 'SPENDING_PATTERNS'
} as const;

export type Factor = typeof Factor[keyof typeof Factor];
/**
 * The decisions a legal hold keeps: those of market, created in [from, to), of shopperId and of
 * merchantId, each only when given; at least one must be.
 */
export type LegalHoldInput = {
  /** Only decisions made at or after this instant. */
  from?: string | null | undefined;
  /** Only decisions of this market. */
  market?: string | null | undefined;
  /** Only decisions of this merchant id. */
  merchantId?: string | null | undefined;
  /** Why the decisions must be kept: the matter or claim (required, at most 2000 bytes). */
  reason: string;
  /** Only decisions of this pseudonymous shopper id. */
  shopperId?: string | null | undefined;
  /** Only decisions made before this instant. */
  to?: string | null | undefined;
};

/** The 15 measured values of an assessment. */
export const MeasuredValue = {
  /** Whether the shopper's address was matched to their records. A flag, 0 (no) or 1 (yes). */
  AddressVerified: 'ADDRESS_VERIFIED',
  /** The shopper's disposable income after regular costs divided by this purchase's instalment. A ratio, 0 to 1,000. */
  AffordabilityRatio: 'AFFORDABILITY_RATIO',
  /** The shopper's age, from the date of birth given. A whole number of years, 0 to 130. */
  AgeYears: 'AGE_YEARS',
  /** The shopper's credit score from the market's credit bureau, as checkout measured it. A score, 300 to 850. */
  BureauScore: 'BUREAU_SCORE',
  /** How long the shopper's credit history is. A whole number of months, 0 to 1,440. */
  CreditHistoryMonths: 'CREDIT_HISTORY_MONTHS',
  /** The shopper's monthly debt payments divided by their monthly income (the debt-to-income ratio). A ratio, 0 to 100. */
  DebtToIncome: 'DEBT_TO_INCOME',
  /** How many late or missed payments the shopper's credit report shows in the past 24 months. A whole number, 0 to 1,000. */
  Delinquencies_24M: 'DELINQUENCIES_24M',
  /** How long the shopper has been with their current employer. A whole number of months, 0 to 720. */
  EmploymentMonths: 'EMPLOYMENT_MONTHS',
  /** Whether the shopper's identity was confirmed from the details given. A flag, 0 (no) or 1 (yes). */
  IdentityVerified: 'IDENTITY_VERIFIED',
  /** Whether the income the shopper gave was verified. A flag, 0 (no) or 1 (yes). */
  IncomeVerified: 'INCOME_VERIFIED',
  /** The shopper's savings and easily accessible funds. An amount in the market's currency, -10,000,000 to 100,000,000. */
  LiquidSavings: 'LIQUID_SAVINGS',
  /** The shopper's monthly income on record at the time of the purchase. An amount in the market's currency, 0 to 10,000,000. */
  MonthlyIncome: 'MONTHLY_INCOME',
  /** How long the shopper has lived at their current address. A whole number of months, 0 to 1,440. */
  MonthsAtAddress: 'MONTHS_AT_ADDRESS',
  /** The total credit the shopper owes, including cards, loans and pay-later plans. An amount in the market's currency, 0 to 100,000,000. */
  OutstandingCredit: 'OUTSTANDING_CREDIT',
  /** How many pay-later plans the shopper opened in the past 30 days. A whole number, 0 to 1,000. */
  RecentPlans_30D: 'RECENT_PLANS_30D'
} as const;

export type MeasuredValue = typeof MeasuredValue[keyof typeof MeasuredValue];
/** A reason's shopper text as an editor would save it. */
export type MessageTextInput = {
  /**
   * The reason in words; placeholders such as {bureau} or {score} are filled in when a pop-up is
   * rendered.
   */
  body: string;
  /** What the shopper can do, in order. */
  steps: Array<string>;
  /** The pop-up's heading for the reason. */
  title: string;
};

/** What the assessment decided. */
export const Outcome = {
  /** The purchase may be paid with the lender's credit. */
  Approved: 'APPROVED',
  /** Refused; the decision names 1 to 4 principal reasons. */
  Declined: 'DECLINED'
} as const;

export type Outcome = typeof Outcome[keyof typeof Outcome];
/** What the market's bad definition makes of an approved decision. */
export const OutcomeClass = {
  /** Reached the definition's level, or worse, within its window. */
  Bad: 'BAD',
  /** Mature, and never reached the definition's level within its window. */
  Good: 'GOOD',
  /** Younger than the performance window: neither good nor bad, and left out of every rate, even when already late. */
  Immature: 'IMMATURE'
} as const;

export type OutcomeClass = typeof OutcomeClass[keyof typeof OutcomeClass];
/** A repayment status reported by the servicing system. */
export const OutcomeStatus = {
  /** Written off as a loss. */
  ChargedOff: 'CHARGED_OFF',
  /** Repaying on schedule, nothing overdue. */
  Current: 'CURRENT',
  /** A payment 1 to 29 days overdue. */
  Late_1_29: 'LATE_1_29',
  /** A payment 30 to 59 days overdue. */
  Late_30_59: 'LATE_30_59',
  /** A payment 60 to 89 days overdue. */
  Late_60_89: 'LATE_60_89',
  /** A payment 90 days or more overdue. */
  Late_90Plus: 'LATE_90_PLUS',
  /** Repaid in full. */
  Paid: 'PAID',
  /** Money came back after a charge-off. */
  Recovered: 'RECOVERED'
} as const;

export type OutcomeStatus = typeof OutcomeStatus[keyof typeof OutcomeStatus];
/** Which decided review cases to count. */
export type OverturnRateFilter = {
  /** Inclusive. */
  from: string;
  /** Only cases of this market; null for every market. */
  market?: string | null | undefined;
  /** Exclusive. */
  to: string;
};

/** Principal-reason codes. */
export const ReasonCode = {
  /** The measured value AFFORDABILITY_RATIO did not meet the rule of the threshold set in force (affordability). */
  AffordabilityInsufficient: 'AFFORDABILITY_INSUFFICIENT',
  /** The measured value CREDIT_HISTORY_MONTHS did not meet the rule of the threshold set in force (credit history). */
  CreditHistoryLimited: 'CREDIT_HISTORY_LIMITED',
  /** The measured value BUREAU_SCORE did not meet the rule of the threshold set in force (credit score). */
  CreditScoreInsufficient: 'CREDIT_SCORE_INSUFFICIENT',
  /** The measured value DELINQUENCIES_24M did not meet the rule of the threshold set in force (credit history). */
  DelinquentObligations: 'DELINQUENT_OBLIGATIONS',
  /** The measured value EMPLOYMENT_MONTHS did not meet the rule of the threshold set in force (employment stability). */
  EmploymentLength: 'EMPLOYMENT_LENGTH',
  /** The measured value IDENTITY_VERIFIED did not meet the rule of the threshold set in force (identity and age). */
  IdentityUnverified: 'IDENTITY_UNVERIFIED',
  /** The measured value MONTHLY_INCOME did not meet the rule of the threshold set in force (income). */
  IncomeInsufficient: 'INCOME_INSUFFICIENT',
  /** The measured value INCOME_VERIFIED did not meet the rule of the threshold set in force (income). */
  IncomeUnverified: 'INCOME_UNVERIFIED',
  /** The measured value DEBT_TO_INCOME did not meet the rule of the threshold set in force (debt to income). */
  ObligationsExcessive: 'OBLIGATIONS_EXCESSIVE',
  /** The measured value OUTSTANDING_CREDIT did not meet the rule of the threshold set in force (outstanding credit). */
  OutstandingCreditHigh: 'OUTSTANDING_CREDIT_HIGH',
  /** The measured value RECENT_PLANS_30D did not meet the rule of the threshold set in force (spending patterns). */
  RecentPlansExcessive: 'RECENT_PLANS_EXCESSIVE',
  /** The measured value LIQUID_SAVINGS did not meet the rule of the threshold set in force (savings). */
  ReservesInsufficient: 'RESERVES_INSUFFICIENT',
  /** The measured value MONTHS_AT_ADDRESS did not meet the rule of the threshold set in force (residential status). */
  ResidenceLength: 'RESIDENCE_LENGTH',
  /** The measured value ADDRESS_VERIFIED did not meet the rule of the threshold set in force (residential status). */
  ResidenceUnverified: 'RESIDENCE_UNVERIFIED',
  /** The measured value AGE_YEARS did not meet the rule of the threshold set in force (identity and age). */
  UnderLegalAge: 'UNDER_LEGAL_AGE'
} as const;

export type ReasonCode = typeof ReasonCode[keyof typeof ReasonCode];
/** What happens to a month of decisions once its retention ends. */
export const RetentionAction = {
  /** They are kept for statistics without the shopper: shopper id removed, amounts banded, merchant kept. */
  Anonymise: 'ANONYMISE',
  /** Its decisions, outcome events and review cases are deleted (the rollups keep their counts). */
  Delete: 'DELETE'
} as const;

export type RetentionAction = typeof RetentionAction[keyof typeof RetentionAction];
/** Where a month of decisions stands. */
export const RetentionMonthState = {
  /** The duty has ended and no hold keeps it: it may leave now. */
  Due: 'DUE',
  /** A legal hold keeps it, whether its duty has ended or not. */
  Held: 'HELD',
  /** The retention duty runs: it may not leave before dueAt. */
  Kept: 'KEPT'
} as const;

export type RetentionMonthState = typeof RetentionMonthState[keyof typeof RetentionMonthState];
/** Which review cases to list; every field given must match. */
export type ReviewCaseFilter = {
  /** Only cases of this market. */
  market?: string | null | undefined;
  /** Only cases undecided past their due date (true), or only the others (false). */
  overdue?: boolean | null | undefined;
  /** Only cases in this status. */
  status?: ReviewStatus | null | undefined;
};

/** What a shopper notice of a case says. */
export const ReviewNoticeKind = {
  /** The decision was overturned, with the reviewer's reason. */
  Overturned: 'OVERTURNED',
  /** The request was received, and by when the shopper will hear. */
  Received: 'RECEIVED',
  /** The decision stands, with the reviewer's reason. */
  Upheld: 'UPHELD'
} as const;

export type ReviewNoticeKind = typeof ReviewNoticeKind[keyof typeof ReviewNoticeKind];
/** A reviewer's decision on a case. */
export const ReviewOutcome = {
  /**
   * The purchase is approved by a new MANUAL_REVIEW decision (after a second review above the market's
   * limit).
   */
  Overturn: 'OVERTURN',
  /** The decision stands. */
  Uphold: 'UPHOLD'
} as const;

export type ReviewOutcome = typeof ReviewOutcome[keyof typeof ReviewOutcome];
/** Where a review case stands. */
export const ReviewStatus = {
  /** Claimed by a reviewer. */
  InReview: 'IN_REVIEW',
  /** Requested, waiting for a reviewer. */
  Open: 'OPEN',
  /** A new approving decision replaced it. */
  Overturned: 'OVERTURNED',
  /** Overturned by its reviewer, waiting for a second reviewer. */
  PendingSecondReview: 'PENDING_SECOND_REVIEW',
  /** The decision stands. */
  Upheld: 'UPHELD'
} as const;

export type ReviewStatus = typeof ReviewStatus[keyof typeof ReviewStatus];
/** The permission groups of the console. A caller may hold several. */
export const Role = {
  /** Manages staff accounts and API tokens; reads no decision itself. */
  Admin: 'ADMIN',
  /** Support agent: only the agent's view of a decision (agentDecision), never a factor value or score. */
  Agent: 'AGENT',
  /** Risk analyst: reads decisions and analytics, drafts threshold, bad definition and catalog changes. */
  Analyst: 'ANALYST',
  /** Risk lead: everything an analyst may, and approves or rejects other people's drafts and requests. */
  Approver: 'APPROVER',
  /**
   * Compliance: reads decisions, analytics and the audit log; proposes retention policies and places
   * legal holds.
   */
  Auditor: 'AUDITOR',
  /** A credit officer: works review cases. */
  Reviewer: 'REVIEWER',
  /**
   * A system, not a person: checkout (assessPurchase), the lender's app, the servicing system, the
   * privacy process.
   */
  Service: 'SERVICE'
} as const;

export type Role = typeof Role[keyof typeof Role];
/** Where a draft or request stands on its way through approval. */
export const ThresholdDraftStatus = {
  /** Approved: it took effect or was published. */
  Approved: 'APPROVED',
  /** Being edited by its author (drafts only; requests start SUBMITTED). */
  Draft: 'DRAFT',
  /** Refused, with the approver's comment; it can no longer change. */
  Rejected: 'REJECTED',
  /** Frozen, waiting for an approver who is not its author. */
  Submitted: 'SUBMITTED'
} as const;

export type ThresholdDraftStatus = typeof ThresholdDraftStatus[keyof typeof ThresholdDraftStatus];
/** The rule for one measured value, as an editor sets it. */
export type ThresholdRuleInput = {
  /** GTE or LTE; some measured values allow only GTE (INVALID otherwise). */
  comparator: Comparator;
  /** The cut-off in the measured value's unit, within its range. */
  cutoff: number;
  /** Whether the rule is applied. */
  enabled: boolean;
  /** The measured value the rule tests; each exactly once per set. */
  measuredValue: MeasuredValue;
};

/** A threshold set to compare: exactly one of versionId and draftId. */
export type ThresholdSetRef = {
  /** A draft's id. */
  draftId?: string | number | null | undefined;
  /** A published version's id. */
  versionId?: string | number | null | undefined;
};

/** A published version's state, derived from the activation schedule. */
export const ThresholdVersionStatus = {
  /** In force now. */
  Active: 'ACTIVE',
  /** Published, never activated. */
  Approved: 'APPROVED',
  /** An activation of it lies in the future. */
  Scheduled: 'SCHEDULED',
  /** Was in force, no longer is. */
  Superseded: 'SUPERSEDED'
} as const;

export type ThresholdVersionStatus = typeof ThresholdVersionStatus[keyof typeof ThresholdVersionStatus];
export type DecisionFullFragment = { id: string, reference: string, createdAt: string, market: string, currency: string, amount: number, shopperId: string, locale: string, channel: string, outcome: Outcome, kind: DecisionKind, reviewer: string | null, reviewReason: string | null, breakdown: unknown, catalogVersionId: string, arm: Arm | null, merchant: { id: string, name: string, category: string }, reasons: Array<{ rank: number, code: ReasonCode, measuredValue: MeasuredValue, factor: Factor }>, thresholdVersion: { id: string, market: string, version: number }, shadows: Array<{ versionId: string, version: number, outcome: Outcome, reasons: Array<ReasonCode> }>, message: { locale: string, title: string, body: string, steps: Array<string>, closing: string } | null, repayment: { status: OutcomeStatus | null, outstandingMinor: number, writtenOffMinor: number, currency: string, class: OutcomeClass, matureAt: string, events: Array<{ eventId: string, observedAt: string, status: OutcomeStatus, outstandingMinor: number, writtenOffMinor: number, recordedAt: string }> } | null };

export type PinnedThresholdsQueryVariables = Exact<{
  id: string | number;
}>;


export type PinnedThresholdsQuery = { thresholdVersion: { id: string, author: string, approver: string, createdAt: string, rules: Array<{ measuredValue: MeasuredValue, scale: number }> } | null };

export type BadDefinitionPanelQueryVariables = Exact<{
  market: string;
}>;


export type BadDefinitionPanelQuery = { badDefinition: { id: string, version: number, level: OutcomeStatus, windowMonths: number, description: string, author: string, approver: string, createdAt: string }, badDefinitionDrafts: { nodes: Array<{ id: string, market: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, level: OutcomeStatus, windowMonths: number, description: string, reviewer: string | null, reviewComment: string | null, updatedAt: string }> } };

export type BadDraftFieldsFragment = { id: string, market: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, level: OutcomeStatus, windowMonths: number, description: string, reviewer: string | null, reviewComment: string | null, updatedAt: string };

export type CreateBadDefinitionDraftMutationVariables = Exact<{
  market: string;
}>;


export type CreateBadDefinitionDraftMutation = { createBadDefinitionDraft: { id: string, market: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, level: OutcomeStatus, windowMonths: number, description: string, reviewer: string | null, reviewComment: string | null, updatedAt: string } };

export type EditBadDefinitionDraftMutationVariables = Exact<{
  id: string | number;
  revision: number;
  level: OutcomeStatus;
  windowMonths: number;
}>;


export type EditBadDefinitionDraftMutation = { editBadDefinitionDraft: { id: string, market: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, level: OutcomeStatus, windowMonths: number, description: string, reviewer: string | null, reviewComment: string | null, updatedAt: string } };

export type SubmitBadDefinitionDraftMutationVariables = Exact<{
  id: string | number;
  revision: number;
  rationale: string;
}>;


export type SubmitBadDefinitionDraftMutation = { submitBadDefinitionDraft: { id: string, market: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, level: OutcomeStatus, windowMonths: number, description: string, reviewer: string | null, reviewComment: string | null, updatedAt: string } };

export type ApproveBadDefinitionDraftMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApproveBadDefinitionDraftMutation = { approveBadDefinitionDraft: { id: string, market: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, level: OutcomeStatus, windowMonths: number, description: string, reviewer: string | null, reviewComment: string | null, updatedAt: string } };

export type RejectBadDefinitionDraftMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type RejectBadDefinitionDraftMutation = { rejectBadDefinitionDraft: { id: string, market: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, level: OutcomeStatus, windowMonths: number, description: string, reviewer: string | null, reviewComment: string | null, updatedAt: string } };

export type ErasureRequestFieldsFragment = { id: string, reference: string | null, requestedBy: string, requestedAt: string, state: ErasureRequestState, dueAt: string | null, erasedAtRequest: number, erasedLater: number, doneAt: string | null };

export type ErasureRequestsQueryVariables = Exact<{
  state?: ErasureRequestState | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ErasureRequestsQuery = { erasureRequests: { nodes: Array<{ id: string, reference: string | null, requestedBy: string, requestedAt: string, state: ErasureRequestState, dueAt: string | null, erasedAtRequest: number, erasedLater: number, doneAt: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RequestErasureMutationVariables = Exact<{
  shopperId: string;
  reference?: string | null | undefined;
}>;


export type RequestErasureMutation = { requestErasure: { erasedNow: number, waiting: number, repeated: boolean, request: { id: string, reference: string | null, requestedBy: string, requestedAt: string, state: ErasureRequestState, dueAt: string | null, erasedAtRequest: number, erasedLater: number, doneAt: string | null } } };

export type ShadowFieldsFragment = { id: string, market: string, startedAt: string, startedBy: string, endsAt: string | null, stoppedAt: string | null, stoppedBy: string | null, running: boolean, version: { version: { id: string, version: number } } };

export type ArmRateFieldsFragment = { arm: Arm, decisions: number, declined: number, declineRate: number | null };

export type SplitFieldsFragment = { id: string, market: string, percent: number, requestId: string | null, startedAt: string, startedBy: string, endedAt: string | null, endedBy: string | null, running: boolean, version: { version: { id: string, version: number } }, arms: Array<{ arm: Arm, decisions: number, declined: number, declineRate: number | null }> };

export type SplitRequestFieldsFragment = { id: string, market: string, percent: number, rationale: string, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, createdAt: string, updatedAt: string, version: { version: { id: string, version: number } } };

export type VersionExperimentsQueryVariables = Exact<{
  versionId: string | number;
  market: string;
}>;


export type VersionExperimentsQuery = { thresholdShadows: Array<{ id: string, market: string, startedAt: string, startedBy: string, endsAt: string | null, stoppedAt: string | null, stoppedBy: string | null, running: boolean, version: { version: { id: string, version: number } } }>, marketExperiments: Array<{ market: string, shadows: Array<{ id: string }>, split: { id: string, market: string, percent: number, requestId: string | null, startedAt: string, startedBy: string, endedAt: string | null, endedBy: string | null, running: boolean, version: { version: { id: string, version: number } }, arms: Array<{ arm: Arm, decisions: number, declined: number, declineRate: number | null }> } | null }>, thresholdSplitRequests: { nodes: Array<{ id: string, market: string, percent: number, rationale: string, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, createdAt: string, updatedAt: string, version: { version: { id: string, version: number } } }> } };

export type StartThresholdShadowMutationVariables = Exact<{
  versionId: string | number;
  endsAt?: string | null | undefined;
}>;


export type StartThresholdShadowMutation = { startThresholdShadow: { id: string, market: string, startedAt: string, startedBy: string, endsAt: string | null, stoppedAt: string | null, stoppedBy: string | null, running: boolean, version: { version: { id: string, version: number } } } };

export type StopThresholdShadowMutationVariables = Exact<{
  id: string | number;
}>;


export type StopThresholdShadowMutation = { stopThresholdShadow: { id: string, market: string, startedAt: string, startedBy: string, endsAt: string | null, stoppedAt: string | null, stoppedBy: string | null, running: boolean, version: { version: { id: string, version: number } } } };

export type RequestThresholdSplitMutationVariables = Exact<{
  versionId: string | number;
  percent: number;
  rationale: string;
}>;


export type RequestThresholdSplitMutation = { requestThresholdSplit: { id: string, market: string, percent: number, rationale: string, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, createdAt: string, updatedAt: string, version: { version: { id: string, version: number } } } };

export type ApproveThresholdSplitRequestMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApproveThresholdSplitRequestMutation = { approveThresholdSplitRequest: { id: string, market: string, percent: number, rationale: string, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, createdAt: string, updatedAt: string, version: { version: { id: string, version: number } } } };

export type RejectThresholdSplitRequestMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type RejectThresholdSplitRequestMutation = { rejectThresholdSplitRequest: { id: string, market: string, percent: number, rationale: string, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, createdAt: string, updatedAt: string, version: { version: { id: string, version: number } } } };

export type StopThresholdSplitMutationVariables = Exact<{
  market: string;
}>;


export type StopThresholdSplitMutation = { stopThresholdSplit: { id: string, market: string, percent: number, requestId: string | null, startedAt: string, startedBy: string, endedAt: string | null, endedBy: string | null, running: boolean, version: { version: { id: string, version: number } }, arms: Array<{ arm: Arm, decisions: number, declined: number, declineRate: number | null }> } };

export type MarketExperimentsQueryVariables = Exact<{
  market?: string | null | undefined;
}>;


export type MarketExperimentsQuery = { marketExperiments: Array<{ market: string, shadows: Array<{ id: string, market: string, startedAt: string, startedBy: string, endsAt: string | null, stoppedAt: string | null, stoppedBy: string | null, running: boolean, version: { version: { id: string, version: number } } }>, split: { id: string, market: string, percent: number, requestId: string | null, startedAt: string, startedBy: string, endedAt: string | null, endedBy: string | null, running: boolean, version: { version: { id: string, version: number } }, arms: Array<{ arm: Arm, decisions: number, declined: number, declineRate: number | null }> } | null }> };

export type MarketsQueryVariables = Exact<{ [key: string]: never; }>;


export type MarketsQuery = { markets: Array<{ code: string, name: string | null, hasDecisions: boolean }> };

export type PendingSubmissionsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingSubmissionsQuery = { thresholdDrafts: { nodes: Array<{ id: string, market: string, author: string, submittedAt: string | null }>, pageInfo: { hasNextPage: boolean } }, catalogDrafts: { nodes: Array<{ id: string, author: string, updatedAt: string }>, pageInfo: { hasNextPage: boolean } }, thresholdSplitRequests: { nodes: Array<{ id: string, market: string, author: string, createdAt: string, version: { version: { id: string } } }>, pageInfo: { hasNextPage: boolean } } };

export type PendingRetentionRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingRetentionRequestsQuery = { retentionPolicyRequests: { nodes: Array<{ id: string, market: string, author: string, createdAt: string }>, pageInfo: { hasNextPage: boolean } } };

export type InboxCaseFieldsFragment = { id: string, status: ReviewStatus, market: string, dueAt: string, overdue: boolean, reviewer: string | null };

export type ReviewerInboxQueryVariables = Exact<{ [key: string]: never; }>;


export type ReviewerInboxQuery = { open: { nodes: Array<{ id: string, status: ReviewStatus, market: string, dueAt: string, overdue: boolean, reviewer: string | null }>, pageInfo: { hasNextPage: boolean } }, claimed: { nodes: Array<{ id: string, status: ReviewStatus, market: string, dueAt: string, overdue: boolean, reviewer: string | null }> }, second: { nodes: Array<{ id: string, status: ReviewStatus, market: string, dueAt: string, overdue: boolean, reviewer: string | null }> } };

export type FigureFieldsFragment = { decisions: number, volume: number, mature: number, immature: number, bad: number, inferred: number, inferredBad: number, badRate: number | null, badRateLow: number | null, badRateHigh: number | null, loss: number, lossLow: number, lossHigh: number, lossRate: number | null };

export type SweepPointFieldsFragment = { cutoff: number, declineRate: number, approvalRate: number, badRate: number | null, lossRate: number | null };

export type RuleFieldsFragment = { measuredValue: MeasuredValue, factor: Factor, comparator: Comparator, cutoff: number, enabled: boolean, reasonCode: ReasonCode, scale: number };

export type ImpactFieldsFragment = { available: boolean, note: string | null, from: string | null, to: string | null, decisions: number, declineRateNow: number, declineRateProposed: number, approvedToDeclined: number, declinedToApproved: number, badDefinition: string | null, approvalRateNow: number | null, approvalRateProposed: number | null, badRateNow: number | null, badRateProposed: number | null, badRateProposedLow: number | null, badRateProposedHigh: number | null, lossNow: number | null, lossProposed: number | null, lossRateNow: number | null, lossRateProposed: number | null, matureDecisions: number | null };

export type WhatIfStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type WhatIfStatusQuery = { whatIfStatus: { loaded: number, total: number, ready: boolean } };

export type ThresholdDiffQueryVariables = Exact<{
  from: ThresholdSetRef;
  to: ThresholdSetRef;
}>;


export type ThresholdDiffQuery = { thresholdDiff: Array<{ measuredValue: MeasuredValue, factor: Factor, oldComparator: Comparator, newComparator: Comparator, oldCutoff: number, newCutoff: number, oldEnabled: boolean, newEnabled: boolean }> };

export type VintagesQueryVariables = Exact<{
  market: string;
}>;


export type VintagesQuery = { vintages: { market: string, from: string, to: string, badDefinition: { version: number, description: string }, activations: Array<{ id: string, versionId: string, activatedAt: string, activatedBy: string, emergency: boolean }>, series: Array<{ vintage: string, group: string | null, approved: number, volume: number, points: Array<{ monthsSinceDecision: number, bad: number, badRate: number, loss: number, lossRate: number }> }> } };

export type SimulateQueryVariables = Exact<{
  market: string;
  proposal: Array<ThresholdRuleInput> | ThresholdRuleInput;
}>;


export type SimulateQuery = { simulate: { market: string, from: string, to: string, assessed: number, declinedNow: number, declinedProposed: number, declineRateNow: number, declineRateProposed: number, approvedToDeclined: number, declinedToApproved: number, approvalRateNow: number, approvalRateProposed: number, immatureShare: number | null, baselineVersion: { id: string, version: number }, reasons: Array<{ code: ReasonCode, now: number, proposed: number }>, days: Array<{ day: string, assessed: number, declinedNow: number, declinedProposed: number }>, sampleApprovedToDeclined: Array<{ decisionId: string, createdAt: string, merchantCategory: string, amount: number }>, sampleDeclinedToApproved: Array<{ decisionId: string, createdAt: string, merchantCategory: string, amount: number }>, badDefinition: { version: number, description: string, windowMonths: number }, outcomesNow: { decisions: number, volume: number, mature: number, immature: number, bad: number, inferred: number, inferredBad: number, badRate: number | null, badRateLow: number | null, badRateHigh: number | null, loss: number, lossLow: number, lossHigh: number, lossRate: number | null }, outcomesProposed: { decisions: number, volume: number, mature: number, immature: number, bad: number, inferred: number, inferredBad: number, badRate: number | null, badRateLow: number | null, badRateHigh: number | null, loss: number, lossLow: number, lossHigh: number, lossRate: number | null }, swapSet: { keptApproved: { decisions: number, volume: number, mature: number, immature: number, bad: number, inferred: number, inferredBad: number, badRate: number | null, badRateLow: number | null, badRateHigh: number | null, loss: number, lossLow: number, lossHigh: number, lossRate: number | null }, swapOut: { decisions: number, volume: number, mature: number, immature: number, bad: number, inferred: number, inferredBad: number, badRate: number | null, badRateLow: number | null, badRateHigh: number | null, loss: number, lossLow: number, lossHigh: number, lossRate: number | null }, swapIn: { decisions: number, volume: number, mature: number, immature: number, bad: number, inferred: number, inferredBad: number, badRate: number | null, badRateLow: number | null, badRateHigh: number | null, loss: number, lossLow: number, lossHigh: number, lossRate: number | null }, keptDeclined: { decisions: number, volume: number, mature: number, immature: number, bad: number, inferred: number, inferredBad: number, badRate: number | null, badRateLow: number | null, badRateHigh: number | null, loss: number, lossLow: number, lossHigh: number, lossRate: number | null } }, inference: { available: boolean, note: string | null, method: string, samples: number, bads: number, auc: number | null } } };

export type AdminUsersQueryVariables = Exact<{
  first: number;
}>;


export type AdminUsersQuery = { users: { nodes: Array<{ id: string, username: string, displayName: string, roles: Array<Role>, createdAt: string, createdBy: string, disabledAt: string | null }>, pageInfo: { hasNextPage: boolean } } };

export type AdminTokensQueryVariables = Exact<{
  first: number;
}>;


export type AdminTokensQuery = { apiTokens: { nodes: Array<{ id: string, name: string, roles: Array<Role>, createdAt: string, createdBy: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null }>, pageInfo: { hasNextPage: boolean } } };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser: { id: string, username: string } };

export type SetUserRolesMutationVariables = Exact<{
  id: string | number;
  roles: Array<Role> | Role;
}>;


export type SetUserRolesMutation = { setUserRoles: { id: string, roles: Array<Role> } };

export type DisableUserMutationVariables = Exact<{
  id: string | number;
}>;


export type DisableUserMutation = { disableUser: { id: string, disabledAt: string | null } };

export type EnableUserMutationVariables = Exact<{
  id: string | number;
}>;


export type EnableUserMutation = { enableUser: { id: string, disabledAt: string | null } };

export type CreateApiTokenMutationVariables = Exact<{
  input: CreateApiTokenInput;
}>;


export type CreateApiTokenMutation = { createApiToken: { secret: string, token: { id: string, name: string } } };

export type RevokeApiTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiTokenMutation = { revokeApiToken: { id: string, revokedAt: string | null } };

export type AgentDecisionQueryVariables = Exact<{
  reference: string;
  locale: string;
}>;


export type AgentDecisionQuery = { agentDecision: { reference: string, createdAt: string, outcome: Outcome, market: string, merchantName: string, formattedAmount: string, guidanceLocale: string, notes: Array<string>, kind: DecisionKind, overturnsReference: string | null, reviewRequestableUntil: string | null, shopperMessage: { locale: string, title: string, body: string, steps: Array<string>, closing: string } | null, guidance: Array<{ rank: number, code: ReasonCode, locale: string, title: string, body: string, steps: Array<string> }>, cardHold: { mayBePending: boolean, usuallyReleasedBy: string, note: string } | null, review: { status: ReviewStatus, dueAt: string, overdue: boolean, outcome: ReviewOutcome | null, decidedAt: string | null, newDecisionReference: string | null } | null } | null };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { nodes: Array<{ id: string, at: string, actor: string, actorRoles: Array<string>, action: string, entityType: string, entityId: string, before: unknown, after: unknown, requestId: string, clientAddr: string, outcome: AuditOutcome }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyAuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyAuditChainQuery = { verifyAuditChain: { ok: boolean, checked: number, firstBrokenEventId: string | null, reason: string | null } };

export type PreviewMessageQueryVariables = Exact<{
  code: ReasonCode;
  locale: string;
  text?: MessageTextInput | null | undefined;
}>;


export type PreviewMessageQuery = { previewMessage: { locale: string, title: string, body: string, steps: Array<string>, closing: string } };

export type CatalogChangeFieldsFragment = { code: ReasonCode, locale: string, audience: CatalogAudience, kind: CatalogChangeKind, before: { title: string, body: string, steps: Array<string> } | null, after: { title: string, body: string, steps: Array<string> } | null };

export type CatalogEntryFieldsFragment = { code: ReasonCode, locale: string, audience: CatalogAudience, text: { title: string, body: string, steps: Array<string> } };

export type CatalogVersionQueryVariables = Exact<{ [key: string]: never; }>;


export type CatalogVersionQuery = { catalogVersion: { version: number, texts: Array<{ code: ReasonCode, locale: string, audience: CatalogAudience, text: { title: string, body: string, steps: Array<string> } }> } };

export type CatalogDraftsQueryVariables = Exact<{
  status?: CatalogDraftStatus | null | undefined;
}>;


export type CatalogDraftsQuery = { catalogDrafts: { nodes: Array<{ id: string, status: CatalogDraftStatus, author: string, baseVersion: number, revision: number, updatedAt: string }>, pageInfo: { hasNextPage: boolean } } };

export type CatalogDraftQueryVariables = Exact<{
  id: string | number;
}>;


export type CatalogDraftQuery = { catalogDraft: { id: string, baseVersion: number, status: CatalogDraftStatus, revision: number, author: string, reviewer: string | null, comment: string | null, publishedVersion: number | null, createdAt: string, updatedAt: string, changes: Array<{ code: ReasonCode, locale: string, audience: CatalogAudience, kind: CatalogChangeKind, before: { title: string, body: string, steps: Array<string> } | null, after: { title: string, body: string, steps: Array<string> } | null }>, texts: Array<{ code: ReasonCode, locale: string, audience: CatalogAudience, text: { title: string, body: string, steps: Array<string> } }> } | null };

export type CreateCatalogDraftMutationVariables = Exact<{ [key: string]: never; }>;


export type CreateCatalogDraftMutation = { createCatalogDraft: { id: string } };

export type EditCatalogTextMutationVariables = Exact<{
  id: string | number;
  revision: number;
  code: ReasonCode;
  locale: string;
  audience: CatalogAudience;
  text: MessageTextInput;
}>;


export type EditCatalogTextMutation = { editCatalogText: { id: string, revision: number } };

export type SubmitCatalogDraftMutationVariables = Exact<{
  id: string | number;
  revision: number;
}>;


export type SubmitCatalogDraftMutation = { submitCatalogDraft: { id: string, status: CatalogDraftStatus } };

export type ApproveCatalogDraftMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveCatalogDraftMutation = { approveCatalogDraft: { id: string, publishedVersion: number | null } };

export type RejectCatalogDraftMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type RejectCatalogDraftMutation = { rejectCatalogDraft: { id: string, status: CatalogDraftStatus } };

export type CatalogDiffQueryVariables = Exact<{
  from: number;
  to: number;
}>;


export type CatalogDiffQuery = { catalogDiff: Array<{ code: ReasonCode, locale: string, audience: CatalogAudience, kind: CatalogChangeKind, before: { title: string, body: string, steps: Array<string> } | null, after: { title: string, body: string, steps: Array<string> } | null }> };

export type DecisionDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type DecisionDetailQuery = { decision: { id: string, reference: string, createdAt: string, market: string, currency: string, amount: number, shopperId: string, locale: string, channel: string, outcome: Outcome, kind: DecisionKind, reviewer: string | null, reviewReason: string | null, breakdown: unknown, catalogVersionId: string, arm: Arm | null, overturns: { id: string, reference: string } | null, overturnedBy: { id: string, reference: string } | null, reviewCases: Array<{ id: string, status: ReviewStatus, requestedAt: string, dueAt: string, overdue: boolean, outcome: ReviewOutcome | null, decidedAt: string | null }>, merchant: { id: string, name: string, category: string }, reasons: Array<{ rank: number, code: ReasonCode, measuredValue: MeasuredValue, factor: Factor }>, thresholdVersion: { id: string, market: string, version: number }, shadows: Array<{ versionId: string, version: number, outcome: Outcome, reasons: Array<ReasonCode> }>, message: { locale: string, title: string, body: string, steps: Array<string>, closing: string } | null, repayment: { status: OutcomeStatus | null, outstandingMinor: number, writtenOffMinor: number, currency: string, class: OutcomeClass, matureAt: string, events: Array<{ eventId: string, observedAt: string, status: OutcomeStatus, outstandingMinor: number, writtenOffMinor: number, recordedAt: string }> } | null } | null };

export type DecisionIdByReferenceQueryVariables = Exact<{
  reference: string;
}>;


export type DecisionIdByReferenceQuery = { decisionByReference: { id: string } | null };

export type DecisionsQueryVariables = Exact<{
  filter?: DecisionFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
  orderBy: DecisionOrder;
}>;


export type DecisionsQuery = { decisions: { nodes: Array<{ id: string, reference: string, createdAt: string, market: string, currency: string, amount: number, outcome: Outcome, kind: DecisionKind, merchant: { name: string, category: string }, reasons: Array<{ rank: number, code: ReasonCode }>, thresholdVersion: { id: string, version: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type OverviewRatesQueryVariables = Exact<{
  filter: AnalyticsFilter;
  bucket: AnalyticsBucket;
  timeZone: string;
  market?: string | null | undefined;
  from: string;
  to: string;
}>;


export type OverviewRatesQuery = { declineRates: { from: string, to: string, bucket: AnalyticsBucket, timeZone: string, omittedSeries: number, source: AnalyticsSource, freshAsOf: string | null, series: Array<{ market: string | null, assessed: number, declined: number, rate: number | null, points: Array<{ bucketStart: string, assessed: number, declined: number, rate: number | null }> }> }, thresholdActivations: Array<{ activation: { id: string, market: string, versionId: string, activatedAt: string, activatedBy: string, emergency: boolean }, version: { id: string, version: number, author: string, approver: string } }> };

export type OverviewBreakdownQueryVariables = Exact<{
  filter: AnalyticsFilter;
}>;


export type OverviewBreakdownQuery = { reasonBreakdown: { assessed: number, declined: number, source: AnalyticsSource, freshAsOf: string | null, reasons: Array<{ reason: ReasonCode, factor: Factor, declined: number, share: number, rate: number }> } };

export type OverviewOverturnRatesQueryVariables = Exact<{
  filter: OverturnRateFilter;
}>;


export type OverviewOverturnRatesQuery = { overturnRates: Array<{ market: string, reason: ReasonCode, decided: number, overturned: number, rate: number }> };

export type OverviewAnomaliesQueryVariables = Exact<{
  from: string;
  to: string;
  market?: string | null | undefined;
  bucket: AnalyticsBucket;
  threshold: number;
  minVolume: number;
}>;


export type OverviewAnomaliesQuery = { anomalies: { from: string, to: string, bucket: AnalyticsBucket, omitted: number, source: AnalyticsSource, freshAsOf: string | null, anomalies: Array<{ bucketStart: string, market: string, reason: ReasonCode | null, assessed: number, declined: number, rate: number, baselineRate: number, zScore: number, excessDeclines: number, mainReason: ReasonCode | null }> } };

export type RetentionPolicyFieldsFragment = { id: string | null, version: number, keepMonths: number, afterRetention: RetentionAction, requestId: string | null, author: string | null, approver: string | null, rationale: string, createdAt: string | null };

export type RetentionRequestFieldsFragment = { id: string, market: string, keepMonths: number, afterRetention: RetentionAction, rationale: string, baseVersion: number, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, publishedVersionId: string | null, createdAt: string, updatedAt: string };

export type LegalHoldFieldsFragment = { id: string, market: string | null, from: string | null, to: string | null, shopperId: string | null, merchantId: string | null, reason: string, active: boolean, placedBy: string, placedAt: string, liftedBy: string | null, liftedAt: string | null, liftComment: string | null };

export type RetentionPlanFieldsFragment = { asOf: string, countsAsOf: string | null, months: Array<{ month: string, decisions: number, dueAt: string, afterRetention: RetentionAction, state: RetentionMonthState, heldBy: Array<{ id: string, placedAt: string }> }> };

export type RetentionMarketQueryVariables = Exact<{
  market: string;
}>;


export type RetentionMarketQuery = { retentionPolicies: Array<{ market: string, maxKeepMonths: number, floor: { months: number, basis: string }, policy: { id: string | null, version: number, keepMonths: number, afterRetention: RetentionAction, requestId: string | null, author: string | null, approver: string | null, rationale: string, createdAt: string | null } }>, retentionPolicyVersions: { nodes: Array<{ id: string | null, version: number, keepMonths: number, afterRetention: RetentionAction, requestId: string | null, author: string | null, approver: string | null, rationale: string, createdAt: string | null }>, pageInfo: { hasNextPage: boolean } }, retentionPolicyRequests: { nodes: Array<{ id: string, market: string, keepMonths: number, afterRetention: RetentionAction, rationale: string, baseVersion: number, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, publishedVersionId: string | null, createdAt: string, updatedAt: string }> }, retentionPlan: { asOf: string, countsAsOf: string | null, months: Array<{ month: string, decisions: number, dueAt: string, afterRetention: RetentionAction, state: RetentionMonthState, heldBy: Array<{ id: string, placedAt: string }> }> } };

export type LegalHoldsQueryVariables = Exact<{
  active?: boolean | null | undefined;
}>;


export type LegalHoldsQuery = { legalHolds: { nodes: Array<{ id: string, market: string | null, from: string | null, to: string | null, shopperId: string | null, merchantId: string | null, reason: string, active: boolean, placedBy: string, placedAt: string, liftedBy: string | null, liftedAt: string | null, liftComment: string | null }>, pageInfo: { hasNextPage: boolean } } };

export type ProposeRetentionPolicyMutationVariables = Exact<{
  market: string;
  keepMonths: number;
  afterRetention: RetentionAction;
  rationale: string;
}>;


export type ProposeRetentionPolicyMutation = { proposeRetentionPolicy: { id: string, market: string, keepMonths: number, afterRetention: RetentionAction, rationale: string, baseVersion: number, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, publishedVersionId: string | null, createdAt: string, updatedAt: string } };

export type ApproveRetentionPolicyRequestMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApproveRetentionPolicyRequestMutation = { approveRetentionPolicyRequest: { id: string, market: string, keepMonths: number, afterRetention: RetentionAction, rationale: string, baseVersion: number, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, publishedVersionId: string | null, createdAt: string, updatedAt: string } };

export type RejectRetentionPolicyRequestMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type RejectRetentionPolicyRequestMutation = { rejectRetentionPolicyRequest: { id: string, market: string, keepMonths: number, afterRetention: RetentionAction, rationale: string, baseVersion: number, status: ThresholdDraftStatus, author: string, reviewer: string | null, reviewComment: string | null, publishedVersionId: string | null, createdAt: string, updatedAt: string } };

export type PlaceLegalHoldMutationVariables = Exact<{
  input: LegalHoldInput;
}>;


export type PlaceLegalHoldMutation = { placeLegalHold: { id: string, market: string | null, from: string | null, to: string | null, shopperId: string | null, merchantId: string | null, reason: string, active: boolean, placedBy: string, placedAt: string, liftedBy: string | null, liftedAt: string | null, liftComment: string | null } };

export type LiftLegalHoldMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type LiftLegalHoldMutation = { liftLegalHold: { id: string, market: string | null, from: string | null, to: string | null, shopperId: string | null, merchantId: string | null, reason: string, active: boolean, placedBy: string, placedAt: string, liftedBy: string | null, liftedAt: string | null, liftComment: string | null } };

export type ReviewCasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type ReviewCasePageQuery = { reviewCase: { id: string, status: ReviewStatus, market: string, statement: string, locale: string, requestedBy: string, requestedAt: string, dueAt: string, overdue: boolean, reviewer: string | null, claimedAt: string | null, outcome: ReviewOutcome | null, reason: string | null, decidedAt: string | null, secondReviewRequired: boolean, secondReviewer: string | null, secondReviewComment: string | null, secondReviewedAt: string | null, newDecision: { id: string, reference: string } | null, notices: Array<{ kind: ReviewNoticeKind, locale: string, title: string, body: string, sentAt: string }>, decision: { id: string, reference: string, createdAt: string, market: string, currency: string, amount: number, shopperId: string, locale: string, channel: string, outcome: Outcome, kind: DecisionKind, reviewer: string | null, reviewReason: string | null, breakdown: unknown, catalogVersionId: string, arm: Arm | null, merchant: { id: string, name: string, category: string }, reasons: Array<{ rank: number, code: ReasonCode, measuredValue: MeasuredValue, factor: Factor }>, thresholdVersion: { id: string, market: string, version: number }, shadows: Array<{ versionId: string, version: number, outcome: Outcome, reasons: Array<ReasonCode> }>, message: { locale: string, title: string, body: string, steps: Array<string>, closing: string } | null, repayment: { status: OutcomeStatus | null, outstandingMinor: number, writtenOffMinor: number, currency: string, class: OutcomeClass, matureAt: string, events: Array<{ eventId: string, observedAt: string, status: OutcomeStatus, outstandingMinor: number, writtenOffMinor: number, recordedAt: string }> } | null } } | null };

export type ClaimReviewCaseMutationVariables = Exact<{
  id: string | number;
}>;


export type ClaimReviewCaseMutation = { claimReviewCase: { id: string, status: ReviewStatus } };

export type DecideReviewCaseMutationVariables = Exact<{
  id: string | number;
  outcome: ReviewOutcome;
  reason: string;
}>;


export type DecideReviewCaseMutation = { decideReviewCase: { id: string, status: ReviewStatus } };

export type ApproveOverturnMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApproveOverturnMutation = { approveOverturn: { id: string, status: ReviewStatus } };

export type RejectOverturnMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type RejectOverturnMutation = { rejectOverturn: { id: string, status: ReviewStatus } };

export type ReviewQueueQueryVariables = Exact<{
  filter?: ReviewCaseFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ReviewQueueQuery = { reviewCases: { nodes: Array<{ id: string, status: ReviewStatus, market: string, requestedAt: string, dueAt: string, overdue: boolean, reviewer: string | null, decision: { id: string, reference: string, amount: number, currency: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ShadowComparisonFieldsFragment = { from: string, to: string, freshAsOf: string | null, decisions: number, liveDeclineRate: number, shadowDeclineRate: number, series: Array<{ start: string, decisions: number, liveDeclined: number, shadowDeclined: number, liveDeclineRate: number | null, shadowDeclineRate: number | null }>, cells: Array<{ agreement: Agreement, decisions: number, share: number, mature: number | null, bad: number | null, badRate: number | null, samples: Array<{ id: string, reference: string, createdAt: string, outcome: Outcome }> }>, reasons: Array<{ reason: ReasonCode, live: number, shadow: number }> };

export type ShadowRunQueryVariables = Exact<{
  id: string | number;
  arm?: Arm | null | undefined;
  bucket: AnalyticsBucket;
}>;


export type ShadowRunQuery = { thresholdShadow: { id: string, market: string, startedAt: string, startedBy: string, endsAt: string | null, stoppedAt: string | null, stoppedBy: string | null, running: boolean, predicted: { available: boolean, note: string | null, declineRateNow: number, declineRateProposed: number, from: string | null, to: string | null, decisions: number } | null, comparison: { from: string, to: string, freshAsOf: string | null, decisions: number, liveDeclineRate: number, shadowDeclineRate: number, series: Array<{ start: string, decisions: number, liveDeclined: number, shadowDeclined: number, liveDeclineRate: number | null, shadowDeclineRate: number | null }>, cells: Array<{ agreement: Agreement, decisions: number, share: number, mature: number | null, bad: number | null, badRate: number | null, samples: Array<{ id: string, reference: string, createdAt: string, outcome: Outcome }> }>, reasons: Array<{ reason: ReasonCode, live: number, shadow: number }> }, version: { version: { id: string, version: number } } } | null, thresholdSplits: Array<{ id: string, market: string, startedAt: string, endedAt: string | null }> };

export type ThresholdDraftQueryVariables = Exact<{
  id: string | number;
}>;


export type ThresholdDraftQuery = { thresholdDraft: { id: string, market: string, baseVersionId: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, reviewer: string | null, reviewComment: string | null, publishedVersionId: string | null, createdAt: string, updatedAt: string, submittedAt: string | null, reviewedAt: string | null, rules: Array<{ measuredValue: MeasuredValue, factor: Factor, comparator: Comparator, cutoff: number, enabled: boolean, reasonCode: ReasonCode, scale: number }>, impact: { available: boolean, note: string | null, from: string | null, to: string | null, decisions: number, declineRateNow: number, declineRateProposed: number, approvedToDeclined: number, declinedToApproved: number, badDefinition: string | null, approvalRateNow: number | null, approvalRateProposed: number | null, badRateNow: number | null, badRateProposed: number | null, badRateProposedLow: number | null, badRateProposedHigh: number | null, lossNow: number | null, lossProposed: number | null, lossRateNow: number | null, lossRateProposed: number | null, matureDecisions: number | null } | null } | null };

export type EditThresholdDraftMutationVariables = Exact<{
  id: string | number;
  revision: number;
  rules: Array<ThresholdRuleInput> | ThresholdRuleInput;
}>;


export type EditThresholdDraftMutation = { editThresholdDraft: { id: string, revision: number, updatedAt: string, rules: Array<{ measuredValue: MeasuredValue, factor: Factor, comparator: Comparator, cutoff: number, enabled: boolean, reasonCode: ReasonCode, scale: number }> } };

export type SubmitThresholdDraftMutationVariables = Exact<{
  id: string | number;
  revision: number;
  rationale: string;
}>;


export type SubmitThresholdDraftMutation = { submitThresholdDraft: { id: string, status: ThresholdDraftStatus } };

export type ApproveThresholdDraftMutationVariables = Exact<{
  id: string | number;
  comment?: string | null | undefined;
}>;


export type ApproveThresholdDraftMutation = { approveThresholdDraft: { id: string, status: ThresholdDraftStatus, publishedVersionId: string | null } };

export type RejectThresholdDraftMutationVariables = Exact<{
  id: string | number;
  comment: string;
}>;


export type RejectThresholdDraftMutation = { rejectThresholdDraft: { id: string, status: ThresholdDraftStatus } };

export type SensitivityQueryVariables = Exact<{
  market: string;
  measuredValue: MeasuredValue;
  proposal: Array<ThresholdRuleInput> | ThresholdRuleInput;
  points: number;
}>;


export type SensitivityQuery = { sensitivity: { measuredValue: MeasuredValue, comparator: Comparator, assessed: number, declineRateWithoutRule: number, proposedCutoff: number, proposedRate: number, points: Array<{ cutoff: number, declineRate: number, approvalRate: number, badRate: number | null, lossRate: number | null }>, nowPoint: { cutoff: number, declineRate: number, approvalRate: number, badRate: number | null, lossRate: number | null }, proposedPoint: { cutoff: number, declineRate: number, approvalRate: number, badRate: number | null, lossRate: number | null } } };

export type ThresholdVersionPageQueryVariables = Exact<{
  id: string | number;
}>;


export type ThresholdVersionPageQuery = { thresholdVersion: { id: string, market: string, version: number, author: string, approver: string, rationale: string, createdAt: string, rules: Array<{ measuredValue: MeasuredValue, factor: Factor, comparator: Comparator, cutoff: number, enabled: boolean, reasonCode: ReasonCode, scale: number }> } | null };

export type ThresholdVersionStateQueryVariables = Exact<{
  market: string;
}>;


export type ThresholdVersionStateQuery = { thresholdVersions: { nodes: Array<{ status: ThresholdVersionStatus, version: { id: string }, activations: Array<{ id: string, activatedAt: string, activatedBy: string, emergency: boolean }> }> }, activeThresholdVersion: { version: { id: string, version: number } } | null };

export type ActivationImpactQueryVariables = Exact<{
  versionId: string | number;
}>;


export type ActivationImpactQuery = { activationImpact: Array<{ complete: boolean, predictionError: number | null, activation: { id: string, activatedAt: string, activatedBy: string, emergency: boolean }, predicted: { available: boolean, note: string | null, from: string | null, to: string | null, decisions: number, declineRateNow: number, declineRateProposed: number, approvedToDeclined: number, declinedToApproved: number, badDefinition: string | null, approvalRateNow: number | null, approvalRateProposed: number | null, badRateNow: number | null, badRateProposed: number | null, badRateProposedLow: number | null, badRateProposedHigh: number | null, lossNow: number | null, lossProposed: number | null, lossRateNow: number | null, lossRateProposed: number | null, matureDecisions: number | null } | null, realized: { from: string, to: string, assessed: number, declined: number, rate: number | null }, before: { from: string, to: string, assessed: number, declined: number, rate: number | null }, outcomes: { predictedBadRate: number | null, approved: number, mature: number, bad: number, realizedBadRate: number | null, allMatureAt: string | null, note: string | null } }> };

export type RateWindowFieldsFragment = { from: string, to: string, assessed: number, declined: number, rate: number | null };

export type ActivateThresholdVersionMutationVariables = Exact<{
  id: string | number;
  at?: string | null | undefined;
}>;


export type ActivateThresholdVersionMutation = { activateThresholdVersion: { id: string, activatedAt: string } };

export type RollbackThresholdVersionMutationVariables = Exact<{
  market: string;
  versionId: string | number;
  emergency: boolean;
}>;


export type RollbackThresholdVersionMutation = { rollbackThresholdVersion: { activation: { id: string, activatedAt: string } | null, draft: { id: string } | null } };

export type MarketThresholdsQueryVariables = Exact<{
  market: string;
}>;


export type MarketThresholdsQuery = { thresholdVersions: { nodes: Array<{ status: ThresholdVersionStatus, version: { id: string, version: number, author: string, approver: string, rationale: string, createdAt: string }, activations: Array<{ id: string, activatedAt: string, activatedBy: string, emergency: boolean }> }> }, thresholdDrafts: { nodes: Array<{ id: string, status: ThresholdDraftStatus, revision: number, author: string, rationale: string, createdAt: string, updatedAt: string, submittedAt: string | null, reviewer: string | null, publishedVersionId: string | null, impact: { available: boolean, declineRateNow: number, declineRateProposed: number, approvedToDeclined: number, declinedToApproved: number, badRateNow: number | null, badRateProposed: number | null, lossNow: number | null, lossProposed: number | null } | null }> } };

export type CreateThresholdDraftMutationVariables = Exact<{
  market: string;
  fromVersionId?: string | number | null | undefined;
}>;


export type CreateThresholdDraftMutation = { createThresholdDraft: { id: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DecisionFullFragmentDoc = new TypedDocumentString(`
    fragment DecisionFull on Decision {
  id
  reference
  createdAt
  market
  currency
  amount
  shopperId
  locale
  channel
  outcome
  kind
  reviewer
  reviewReason
  merchant {
    id
    name
    category
  }
  reasons {
    rank
    code
    measuredValue
    factor
  }
  breakdown
  thresholdVersion {
    id
    market
    version
  }
  catalogVersionId
  arm
  shadows {
    versionId
    version
    outcome
    reasons
  }
  message {
    locale
    title
    body
    steps
    closing
  }
  repayment {
    status
    outstandingMinor
    writtenOffMinor
    currency
    class
    matureAt
    events {
      eventId
      observedAt
      status
      outstandingMinor
      writtenOffMinor
      recordedAt
    }
  }
}
    `, {"fragmentName":"DecisionFull"}) as unknown as TypedDocumentString<DecisionFullFragment, unknown>;
export const BadDraftFieldsFragmentDoc = new TypedDocumentString(`
    fragment BadDraftFields on BadDefinitionDraft {
  id
  market
  status
  revision
  author
  rationale
  level
  windowMonths
  description
  reviewer
  reviewComment
  updatedAt
}
    `, {"fragmentName":"BadDraftFields"}) as unknown as TypedDocumentString<BadDraftFieldsFragment, unknown>;
export const ErasureRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment ErasureRequestFields on ErasureRequest {
  id
  reference
  requestedBy
  requestedAt
  state
  dueAt
  erasedAtRequest
  erasedLater
  doneAt
}
    `, {"fragmentName":"ErasureRequestFields"}) as unknown as TypedDocumentString<ErasureRequestFieldsFragment, unknown>;
export const ShadowFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShadowFields on ThresholdShadow {
  id
  market
  version {
    version {
      id
      version
    }
  }
  startedAt
  startedBy
  endsAt
  stoppedAt
  stoppedBy
  running
}
    `, {"fragmentName":"ShadowFields"}) as unknown as TypedDocumentString<ShadowFieldsFragment, unknown>;
export const ArmRateFieldsFragmentDoc = new TypedDocumentString(`
    fragment ArmRateFields on ArmRate {
  arm
  decisions
  declined
  declineRate
}
    `, {"fragmentName":"ArmRateFields"}) as unknown as TypedDocumentString<ArmRateFieldsFragment, unknown>;
export const SplitFieldsFragmentDoc = new TypedDocumentString(`
    fragment SplitFields on ThresholdSplit {
  id
  market
  version {
    version {
      id
      version
    }
  }
  percent
  requestId
  startedAt
  startedBy
  endedAt
  endedBy
  running
  arms {
    ...ArmRateFields
  }
}
    fragment ArmRateFields on ArmRate {
  arm
  decisions
  declined
  declineRate
}`, {"fragmentName":"SplitFields"}) as unknown as TypedDocumentString<SplitFieldsFragment, unknown>;
export const SplitRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment SplitRequestFields on ThresholdSplitRequest {
  id
  market
  version {
    version {
      id
      version
    }
  }
  percent
  rationale
  status
  author
  reviewer
  reviewComment
  createdAt
  updatedAt
}
    `, {"fragmentName":"SplitRequestFields"}) as unknown as TypedDocumentString<SplitRequestFieldsFragment, unknown>;
export const InboxCaseFieldsFragmentDoc = new TypedDocumentString(`
    fragment InboxCaseFields on ReviewCase {
  id
  status
  market
  dueAt
  overdue
  reviewer
}
    `, {"fragmentName":"InboxCaseFields"}) as unknown as TypedDocumentString<InboxCaseFieldsFragment, unknown>;
export const FigureFieldsFragmentDoc = new TypedDocumentString(`
    fragment FigureFields on OutcomeFigures {
  decisions
  volume
  mature
  immature
  bad
  inferred
  inferredBad
  badRate
  badRateLow
  badRateHigh
  loss
  lossLow
  lossHigh
  lossRate
}
    `, {"fragmentName":"FigureFields"}) as unknown as TypedDocumentString<FigureFieldsFragment, unknown>;
export const SweepPointFieldsFragmentDoc = new TypedDocumentString(`
    fragment SweepPointFields on SensitivityPoint {
  cutoff
  declineRate
  approvalRate
  badRate
  lossRate
}
    `, {"fragmentName":"SweepPointFields"}) as unknown as TypedDocumentString<SweepPointFieldsFragment, unknown>;
export const RuleFieldsFragmentDoc = new TypedDocumentString(`
    fragment RuleFields on ThresholdRule {
  measuredValue
  factor
  comparator
  cutoff
  enabled
  reasonCode
  scale
}
    `, {"fragmentName":"RuleFields"}) as unknown as TypedDocumentString<RuleFieldsFragment, unknown>;
export const ImpactFieldsFragmentDoc = new TypedDocumentString(`
    fragment ImpactFields on ThresholdImpact {
  available
  note
  from
  to
  decisions
  declineRateNow
  declineRateProposed
  approvedToDeclined
  declinedToApproved
  badDefinition
  approvalRateNow
  approvalRateProposed
  badRateNow
  badRateProposed
  badRateProposedLow
  badRateProposedHigh
  lossNow
  lossProposed
  lossRateNow
  lossRateProposed
  matureDecisions
}
    `, {"fragmentName":"ImpactFields"}) as unknown as TypedDocumentString<ImpactFieldsFragment, unknown>;
export const CatalogChangeFieldsFragmentDoc = new TypedDocumentString(`
    fragment CatalogChangeFields on CatalogChange {
  code
  locale
  audience
  kind
  before {
    title
    body
    steps
  }
  after {
    title
    body
    steps
  }
}
    `, {"fragmentName":"CatalogChangeFields"}) as unknown as TypedDocumentString<CatalogChangeFieldsFragment, unknown>;
export const CatalogEntryFieldsFragmentDoc = new TypedDocumentString(`
    fragment CatalogEntryFields on CatalogEntry {
  code
  locale
  audience
  text {
    title
    body
    steps
  }
}
    `, {"fragmentName":"CatalogEntryFields"}) as unknown as TypedDocumentString<CatalogEntryFieldsFragment, unknown>;
export const RetentionPolicyFieldsFragmentDoc = new TypedDocumentString(`
    fragment RetentionPolicyFields on RetentionPolicy {
  id
  version
  keepMonths
  afterRetention
  requestId
  author
  approver
  rationale
  createdAt
}
    `, {"fragmentName":"RetentionPolicyFields"}) as unknown as TypedDocumentString<RetentionPolicyFieldsFragment, unknown>;
export const RetentionRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment RetentionRequestFields on RetentionPolicyRequest {
  id
  market
  keepMonths
  afterRetention
  rationale
  baseVersion
  status
  author
  reviewer
  reviewComment
  publishedVersionId
  createdAt
  updatedAt
}
    `, {"fragmentName":"RetentionRequestFields"}) as unknown as TypedDocumentString<RetentionRequestFieldsFragment, unknown>;
export const LegalHoldFieldsFragmentDoc = new TypedDocumentString(`
    fragment LegalHoldFields on LegalHold {
  id
  market
  from
  to
  shopperId
  merchantId
  reason
  active
  placedBy
  placedAt
  liftedBy
  liftedAt
  liftComment
}
    `, {"fragmentName":"LegalHoldFields"}) as unknown as TypedDocumentString<LegalHoldFieldsFragment, unknown>;
export const RetentionPlanFieldsFragmentDoc = new TypedDocumentString(`
    fragment RetentionPlanFields on RetentionPlan {
  asOf
  countsAsOf
  months {
    month
    decisions
    dueAt
    afterRetention
    state
    heldBy {
      id
      placedAt
    }
  }
}
    `, {"fragmentName":"RetentionPlanFields"}) as unknown as TypedDocumentString<RetentionPlanFieldsFragment, unknown>;
export const ShadowComparisonFieldsFragmentDoc = new TypedDocumentString(`
    fragment ShadowComparisonFields on ShadowComparison {
  from
  to
  freshAsOf
  decisions
  liveDeclineRate
  shadowDeclineRate
  series {
    start
    decisions
    liveDeclined
    shadowDeclined
    liveDeclineRate
    shadowDeclineRate
  }
  cells {
    agreement
    decisions
    share
    mature
    bad
    badRate
    samples(first: 10) {
      id
      reference
      createdAt
      outcome
    }
  }
  reasons {
    reason
    live
    shadow
  }
}
    `, {"fragmentName":"ShadowComparisonFields"}) as unknown as TypedDocumentString<ShadowComparisonFieldsFragment, unknown>;
export const RateWindowFieldsFragmentDoc = new TypedDocumentString(`
    fragment RateWindowFields on RateWindow {
  from
  to
  assessed
  declined
  rate
}
    `, {"fragmentName":"RateWindowFields"}) as unknown as TypedDocumentString<RateWindowFieldsFragment, unknown>;
export const PinnedThresholdsDocument = {"__meta__":{"hash":"sha256:51e9da442166c86b3ad1bc1ad0dc0995d6aac237b95859bd9c38d470333209b2"}} as unknown as TypedDocumentString<PinnedThresholdsQuery, PinnedThresholdsQueryVariables>;
export const BadDefinitionPanelDocument = {"__meta__":{"hash":"sha256:98ee481f9e1b57fd9b42e0cc243bd93d353727bacdd0df9b76a9ba2dbd8c5139"}} as unknown as TypedDocumentString<BadDefinitionPanelQuery, BadDefinitionPanelQueryVariables>;
export const CreateBadDefinitionDraftDocument = {"__meta__":{"hash":"sha256:8c8bf477d5e0303ca0d0b40232a5b4a24e6a0bbeb5957e9749fd93f6f5b18278"}} as unknown as TypedDocumentString<CreateBadDefinitionDraftMutation, CreateBadDefinitionDraftMutationVariables>;
export const EditBadDefinitionDraftDocument = {"__meta__":{"hash":"sha256:522707048e6c78f79f7dafe7cc45a06a40a311456d60e3fce53774c30d167032"}} as unknown as TypedDocumentString<EditBadDefinitionDraftMutation, EditBadDefinitionDraftMutationVariables>;
export const SubmitBadDefinitionDraftDocument = {"__meta__":{"hash":"sha256:03f53983575f4ccbbc55c54bc65a0b03ec52de1cc1ebd7c6a447d659e7340bf6"}} as unknown as TypedDocumentString<SubmitBadDefinitionDraftMutation, SubmitBadDefinitionDraftMutationVariables>;
export const ApproveBadDefinitionDraftDocument = {"__meta__":{"hash":"sha256:9c891fb8e7efe766297bcc6f1c12506cb704e98c3f42417b5d1d0109393faa1b"}} as unknown as TypedDocumentString<ApproveBadDefinitionDraftMutation, ApproveBadDefinitionDraftMutationVariables>;
export const RejectBadDefinitionDraftDocument = {"__meta__":{"hash":"sha256:b5b24653d95211a9d966ff1f2e915c776a7333221cf75b37250b75f006b83bf2"}} as unknown as TypedDocumentString<RejectBadDefinitionDraftMutation, RejectBadDefinitionDraftMutationVariables>;
export const ErasureRequestsDocument = {"__meta__":{"hash":"sha256:a770bda22219ee1fd1ca6a0cc5c032e3ec3b393748bff902e181dc9344d483d5"}} as unknown as TypedDocumentString<ErasureRequestsQuery, ErasureRequestsQueryVariables>;
export const RequestErasureDocument = {"__meta__":{"hash":"sha256:909a38f8f615c7a83f2d674b104e1d4b7edadd162b28a3b065733f92ad529b7c"}} as unknown as TypedDocumentString<RequestErasureMutation, RequestErasureMutationVariables>;
export const VersionExperimentsDocument = {"__meta__":{"hash":"sha256:41cac79fd36b8816e3e26717570bf8b78e27e3d0b6603a49bf11ae8f5bb85520"}} as unknown as TypedDocumentString<VersionExperimentsQuery, VersionExperimentsQueryVariables>;
export const StartThresholdShadowDocument = {"__meta__":{"hash":"sha256:4f8a06fa6f379af958e728a0a5df97957f66e9cc2cfa93ba09ab0bdf6389983c"}} as unknown as TypedDocumentString<StartThresholdShadowMutation, StartThresholdShadowMutationVariables>;
export const StopThresholdShadowDocument = {"__meta__":{"hash":"sha256:6dd4a052b8aff450167a46157f513816011402c465f763a80b144537a9151179"}} as unknown as TypedDocumentString<StopThresholdShadowMutation, StopThresholdShadowMutationVariables>;
export const RequestThresholdSplitDocument = {"__meta__":{"hash":"sha256:7abb9fbb4a4d6c27b90e873c74b52efbedc994c7535a7be349434d17ca439fa4"}} as unknown as TypedDocumentString<RequestThresholdSplitMutation, RequestThresholdSplitMutationVariables>;
export const ApproveThresholdSplitRequestDocument = {"__meta__":{"hash":"sha256:e3172bef68c116b971cb5d43fd1854e8d7ad29c36e37e5349599d3680c78f98f"}} as unknown as TypedDocumentString<ApproveThresholdSplitRequestMutation, ApproveThresholdSplitRequestMutationVariables>;
export const RejectThresholdSplitRequestDocument = {"__meta__":{"hash":"sha256:41e34dad8b1749265f9f14e615cd6ad0380db5d9aafcf79bb250e56afd6c3d5a"}} as unknown as TypedDocumentString<RejectThresholdSplitRequestMutation, RejectThresholdSplitRequestMutationVariables>;
export const StopThresholdSplitDocument = {"__meta__":{"hash":"sha256:cf6667c203d4938b3cc8ba0733475c2083c5ae2dccf3759cd1a658256e0e45ba"}} as unknown as TypedDocumentString<StopThresholdSplitMutation, StopThresholdSplitMutationVariables>;
export const MarketExperimentsDocument = {"__meta__":{"hash":"sha256:b59e50991fb83beaee45e9df23c0d65772ea4921c76b421bf90ae33ca7990737"}} as unknown as TypedDocumentString<MarketExperimentsQuery, MarketExperimentsQueryVariables>;
export const MarketsDocument = {"__meta__":{"hash":"sha256:11fb8af121d600e13846052b85ce089a14275489e3299de76ecee25b91c9b4b1"}} as unknown as TypedDocumentString<MarketsQuery, MarketsQueryVariables>;
export const PendingSubmissionsDocument = {"__meta__":{"hash":"sha256:4ee724d0fa01b362908d7d86c71d703e9654fe75a0153302630534f405bd24f3"}} as unknown as TypedDocumentString<PendingSubmissionsQuery, PendingSubmissionsQueryVariables>;
export const PendingRetentionRequestsDocument = {"__meta__":{"hash":"sha256:28b5c790853fbdced30be442eebebf36c1b0753a2df3898a26d7199591595f38"}} as unknown as TypedDocumentString<PendingRetentionRequestsQuery, PendingRetentionRequestsQueryVariables>;
export const ReviewerInboxDocument = {"__meta__":{"hash":"sha256:0ca67cc23c398e684c25e29cb897664fe78d614c0c5a498e6f70c635c1e32d27"}} as unknown as TypedDocumentString<ReviewerInboxQuery, ReviewerInboxQueryVariables>;
export const WhatIfStatusDocument = {"__meta__":{"hash":"sha256:b6a1174e450ed7c5a7637b0f2ec99220c9c0d104039fd4605df766a5165a6031"}} as unknown as TypedDocumentString<WhatIfStatusQuery, WhatIfStatusQueryVariables>;
export const ThresholdDiffDocument = {"__meta__":{"hash":"sha256:d43b170bab6439e156a838ecdfd15b98fda88e3939b9820efa36d45f0bce0635"}} as unknown as TypedDocumentString<ThresholdDiffQuery, ThresholdDiffQueryVariables>;
export const VintagesDocument = {"__meta__":{"hash":"sha256:fae910ca3ba8bb3c357d25edbad4b00f3b73bb0e5911bd0a993d61aea6aba78b"}} as unknown as TypedDocumentString<VintagesQuery, VintagesQueryVariables>;
export const SimulateDocument = {"__meta__":{"hash":"sha256:925541301f72f80f969813ad9994c6ce31f4994f403f8ba34fa7925690d61981"}} as unknown as TypedDocumentString<SimulateQuery, SimulateQueryVariables>;
export const AdminUsersDocument = {"__meta__":{"hash":"sha256:ef935e70e9fad74c731de4bb66011293057bd43580df2ea9de6e8f41c897d53e"}} as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const AdminTokensDocument = {"__meta__":{"hash":"sha256:7fc3f544f2388b684bdca40f7105143c4fc60ab8f2aa097be03d8c768196e7f1"}} as unknown as TypedDocumentString<AdminTokensQuery, AdminTokensQueryVariables>;
export const CreateUserDocument = {"__meta__":{"hash":"sha256:af4ad581cde3b6203efe5ff9c5aef400a2059c611b6ce62738bee1f31c76c657"}} as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const SetUserRolesDocument = {"__meta__":{"hash":"sha256:6dc1148fe4eeb1c38d74932ac4bdfeffa627118356035d051d4e6f7b27783ea1"}} as unknown as TypedDocumentString<SetUserRolesMutation, SetUserRolesMutationVariables>;
export const DisableUserDocument = {"__meta__":{"hash":"sha256:718a35b7d0e52c882e05dbfb3204b9e9b025ebfd7a9b903258929cc26e4af224"}} as unknown as TypedDocumentString<DisableUserMutation, DisableUserMutationVariables>;
export const EnableUserDocument = {"__meta__":{"hash":"sha256:13f1fa4c1b04f47710e50c02d7536d18c6d9b609c7584dfd6de9fa4cb7869923"}} as unknown as TypedDocumentString<EnableUserMutation, EnableUserMutationVariables>;
export const CreateApiTokenDocument = {"__meta__":{"hash":"sha256:281c3973119e2629d80aad203e1fca4297791c9cb4bad19a477490f4913fbc01"}} as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = {"__meta__":{"hash":"sha256:6c552edb9b481c70c8862f7170fc59ae8f50e053b27853b2b86cc3b3f86113cf"}} as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const AgentDecisionDocument = {"__meta__":{"hash":"sha256:07dc14634b8a6ab25760a5de4ce7a8bf5fbc821cf5ee01355a2eb4e40266d351"}} as unknown as TypedDocumentString<AgentDecisionQuery, AgentDecisionQueryVariables>;
export const AuditEventsDocument = {"__meta__":{"hash":"sha256:10f78f133254fcafb652e0773e19ef2b0deb982114bac57a571999904d2df4f1"}} as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const VerifyAuditChainDocument = {"__meta__":{"hash":"sha256:376cdd1546575dcc887dcc85186347c1e9c45c9c66bebe0edf3ca0ec1ecc0a7f"}} as unknown as TypedDocumentString<VerifyAuditChainQuery, VerifyAuditChainQueryVariables>;
export const PreviewMessageDocument = {"__meta__":{"hash":"sha256:9916ec37b3c29e5132a50537bb34c6fc3c14e6ec97186a89d3629b8687fece95"}} as unknown as TypedDocumentString<PreviewMessageQuery, PreviewMessageQueryVariables>;
export const CatalogVersionDocument = {"__meta__":{"hash":"sha256:0a984ebfb636949eb0686104f1f12fb6c1519ef052983b3152d2e3bd6ef81a06"}} as unknown as TypedDocumentString<CatalogVersionQuery, CatalogVersionQueryVariables>;
export const CatalogDraftsDocument = {"__meta__":{"hash":"sha256:e7712909c7931abe1a4cc17f6cf9cad49b65bbc0dd39df6bf01f1be97b1eecb9"}} as unknown as TypedDocumentString<CatalogDraftsQuery, CatalogDraftsQueryVariables>;
export const CatalogDraftDocument = {"__meta__":{"hash":"sha256:dd74e73905db9613317ac69d17aa26943b19b1b06de4d5b1458bbf255d9a9054"}} as unknown as TypedDocumentString<CatalogDraftQuery, CatalogDraftQueryVariables>;
export const CreateCatalogDraftDocument = {"__meta__":{"hash":"sha256:0704605162e1ea55237c76007b60d2b110ff60371affc6ea762d2a2470dc52c8"}} as unknown as TypedDocumentString<CreateCatalogDraftMutation, CreateCatalogDraftMutationVariables>;
export const EditCatalogTextDocument = {"__meta__":{"hash":"sha256:585ef40cecf9a0ce43f559d613264421e63298316dcf105b5b9c203484b07ea6"}} as unknown as TypedDocumentString<EditCatalogTextMutation, EditCatalogTextMutationVariables>;
export const SubmitCatalogDraftDocument = {"__meta__":{"hash":"sha256:361a847a6933263d05c91f84b928914c8eee72df65150ed378e5e63599ea2922"}} as unknown as TypedDocumentString<SubmitCatalogDraftMutation, SubmitCatalogDraftMutationVariables>;
export const ApproveCatalogDraftDocument = {"__meta__":{"hash":"sha256:20c9ee4aca967765c3193eb1337879ae7bdde230fc209937a19fd9380c0802ac"}} as unknown as TypedDocumentString<ApproveCatalogDraftMutation, ApproveCatalogDraftMutationVariables>;
export const RejectCatalogDraftDocument = {"__meta__":{"hash":"sha256:a519dd2c810aecba743a8e9a19b2a8cf3f964e058d77bf5949c991ff1e6f516a"}} as unknown as TypedDocumentString<RejectCatalogDraftMutation, RejectCatalogDraftMutationVariables>;
export const CatalogDiffDocument = {"__meta__":{"hash":"sha256:185ea9ddcf67556f0bff8578dc5eceb3f2fb04058905ce9a553f114480142a9b"}} as unknown as TypedDocumentString<CatalogDiffQuery, CatalogDiffQueryVariables>;
export const DecisionDetailDocument = {"__meta__":{"hash":"sha256:785dcf7ab797e22c78529119a58cebfe552aed215fb7821690db6e03904ccd8c"}} as unknown as TypedDocumentString<DecisionDetailQuery, DecisionDetailQueryVariables>;
export const DecisionIdByReferenceDocument = {"__meta__":{"hash":"sha256:a56fa0340979a2c3b4623a1bb832f9b68c34b67b4b464baaab7b56e4021400d6"}} as unknown as TypedDocumentString<DecisionIdByReferenceQuery, DecisionIdByReferenceQueryVariables>;
export const DecisionsDocument = {"__meta__":{"hash":"sha256:27da30d7e47ebaba87bd40cab29291919d66433d326fea68ba9674f4df7e6f0d"}} as unknown as TypedDocumentString<DecisionsQuery, DecisionsQueryVariables>;
export const OverviewRatesDocument = {"__meta__":{"hash":"sha256:9e3c721405723180db0e20ce59be34e73760bb862220c2a819e47da40b1c837f"}} as unknown as TypedDocumentString<OverviewRatesQuery, OverviewRatesQueryVariables>;
export const OverviewBreakdownDocument = {"__meta__":{"hash":"sha256:3ea42846e654253af96788a60e6d53710dddb6ebd50361088c6e13c53dd27152"}} as unknown as TypedDocumentString<OverviewBreakdownQuery, OverviewBreakdownQueryVariables>;
export const OverviewOverturnRatesDocument = {"__meta__":{"hash":"sha256:4a6425975f73b9f7f175ed5eeec4a791022991c340a0db4b093775869e57841d"}} as unknown as TypedDocumentString<OverviewOverturnRatesQuery, OverviewOverturnRatesQueryVariables>;
export const OverviewAnomaliesDocument = {"__meta__":{"hash":"sha256:0dde46552b350db7c183a5e9431f7dc68aba664defd9b982c577f5941f1754e1"}} as unknown as TypedDocumentString<OverviewAnomaliesQuery, OverviewAnomaliesQueryVariables>;
export const RetentionMarketDocument = {"__meta__":{"hash":"sha256:b63ef61ea261f41682ca99d8f61b03aeb2a3edc00b3719831cb2a64263f4eb51"}} as unknown as TypedDocumentString<RetentionMarketQuery, RetentionMarketQueryVariables>;
export const LegalHoldsDocument = {"__meta__":{"hash":"sha256:b58f520bd469c88e73ff8632b2e81c7ae761b997659740775bd1f28d94681f40"}} as unknown as TypedDocumentString<LegalHoldsQuery, LegalHoldsQueryVariables>;
export const ProposeRetentionPolicyDocument = {"__meta__":{"hash":"sha256:1828a333b0478beac36ae910edf7cf6b9b66db5fc51eddca18c23569079b3052"}} as unknown as TypedDocumentString<ProposeRetentionPolicyMutation, ProposeRetentionPolicyMutationVariables>;
export const ApproveRetentionPolicyRequestDocument = {"__meta__":{"hash":"sha256:a6989cb78270f197173a8fbcb51eed72aaf32a0a7cfcaf5c520b3c34f09d8dd2"}} as unknown as TypedDocumentString<ApproveRetentionPolicyRequestMutation, ApproveRetentionPolicyRequestMutationVariables>;
export const RejectRetentionPolicyRequestDocument = {"__meta__":{"hash":"sha256:8e6c8d5790cef29a89f892d60ef90f3d625cad9f15db22cf951bf9a074dcd5b1"}} as unknown as TypedDocumentString<RejectRetentionPolicyRequestMutation, RejectRetentionPolicyRequestMutationVariables>;
export const PlaceLegalHoldDocument = {"__meta__":{"hash":"sha256:65af5f4c51007784ff0214f602097e7add85ad992cfd28e7003299f92103da6e"}} as unknown as TypedDocumentString<PlaceLegalHoldMutation, PlaceLegalHoldMutationVariables>;
export const LiftLegalHoldDocument = {"__meta__":{"hash":"sha256:f6e281c244ea6b26394d87e4b326e1e4c1cd8850065879665f10b085795b51fc"}} as unknown as TypedDocumentString<LiftLegalHoldMutation, LiftLegalHoldMutationVariables>;
export const ReviewCasePageDocument = {"__meta__":{"hash":"sha256:4a4974679a614d543725cf2bacb983b917842733b1fa15470de528fc8ac17a4e"}} as unknown as TypedDocumentString<ReviewCasePageQuery, ReviewCasePageQueryVariables>;
export const ClaimReviewCaseDocument = {"__meta__":{"hash":"sha256:974d25c3d70dec827b2629b90877d743b6cf241efc66aae87d8a3c1dc334c807"}} as unknown as TypedDocumentString<ClaimReviewCaseMutation, ClaimReviewCaseMutationVariables>;
export const DecideReviewCaseDocument = {"__meta__":{"hash":"sha256:a834bdd754a314cb8f2b6ba2e87a8120b2e2fed4ec6d8365d3a6ee9507c08b2f"}} as unknown as TypedDocumentString<DecideReviewCaseMutation, DecideReviewCaseMutationVariables>;
export const ApproveOverturnDocument = {"__meta__":{"hash":"sha256:bdb42278759768748f0276e524022c1afbc824a3752542518bc88e2bf3633863"}} as unknown as TypedDocumentString<ApproveOverturnMutation, ApproveOverturnMutationVariables>;
export const RejectOverturnDocument = {"__meta__":{"hash":"sha256:bbb04dc9d50f04bb1ded1afdca3b8838c187486d22f530bce3901899bd3e416a"}} as unknown as TypedDocumentString<RejectOverturnMutation, RejectOverturnMutationVariables>;
export const ReviewQueueDocument = {"__meta__":{"hash":"sha256:7f94df0f8a0c1aa6b49ccaa228e1249f0c731f4515f55b7729040799652ea61e"}} as unknown as TypedDocumentString<ReviewQueueQuery, ReviewQueueQueryVariables>;
export const ShadowRunDocument = {"__meta__":{"hash":"sha256:d4c7a1f7bab886e3798be0d2bb79f00bcd829006703adf8535fd7e5385a7fe45"}} as unknown as TypedDocumentString<ShadowRunQuery, ShadowRunQueryVariables>;
export const ThresholdDraftDocument = {"__meta__":{"hash":"sha256:27f3db86f7f8fb39d52f388ace2592de7587d17750e80a2cf3ec95c22cee4d44"}} as unknown as TypedDocumentString<ThresholdDraftQuery, ThresholdDraftQueryVariables>;
export const EditThresholdDraftDocument = {"__meta__":{"hash":"sha256:49407dd9e01ce905c0e997b5e32770f783e7d224a26eb41d0af6094bfb5b4a38"}} as unknown as TypedDocumentString<EditThresholdDraftMutation, EditThresholdDraftMutationVariables>;
export const SubmitThresholdDraftDocument = {"__meta__":{"hash":"sha256:4241f1af3395fbf000e7bd9e4c2113cd9c6579079805a3c0c82cb068a499748c"}} as unknown as TypedDocumentString<SubmitThresholdDraftMutation, SubmitThresholdDraftMutationVariables>;
export const ApproveThresholdDraftDocument = {"__meta__":{"hash":"sha256:1906cb8f59679bb92de48fb2077b5754fb69eded4cbb0b08a2707f0d44488d05"}} as unknown as TypedDocumentString<ApproveThresholdDraftMutation, ApproveThresholdDraftMutationVariables>;
export const RejectThresholdDraftDocument = {"__meta__":{"hash":"sha256:45a0e2d0a857ca50537bd973814cc647f3f370496802e027dfd45f910f1a54a2"}} as unknown as TypedDocumentString<RejectThresholdDraftMutation, RejectThresholdDraftMutationVariables>;
export const SensitivityDocument = {"__meta__":{"hash":"sha256:8f6048ba45224618527544c3d8fddc05482acbedee7eee1e83b08e1280c6b806"}} as unknown as TypedDocumentString<SensitivityQuery, SensitivityQueryVariables>;
export const ThresholdVersionPageDocument = {"__meta__":{"hash":"sha256:e4886f4a45a02aecab7440640bf5fa3932e02797e8c31e3195a60c17ca6cc7e4"}} as unknown as TypedDocumentString<ThresholdVersionPageQuery, ThresholdVersionPageQueryVariables>;
export const ThresholdVersionStateDocument = {"__meta__":{"hash":"sha256:1f7412bb687b45dfcf55f7200c2ffc3db90b4c728144be195fd44657501dc897"}} as unknown as TypedDocumentString<ThresholdVersionStateQuery, ThresholdVersionStateQueryVariables>;
export const ActivationImpactDocument = {"__meta__":{"hash":"sha256:8b5c5a9059527d7b637d1f3bce1e80f73b12a65b0c20fa5c3f367b32e1f43d00"}} as unknown as TypedDocumentString<ActivationImpactQuery, ActivationImpactQueryVariables>;
export const ActivateThresholdVersionDocument = {"__meta__":{"hash":"sha256:74330004a13d976453d68e6aed0a70471191614ad02f2b5ba5e0b2972f56ee12"}} as unknown as TypedDocumentString<ActivateThresholdVersionMutation, ActivateThresholdVersionMutationVariables>;
export const RollbackThresholdVersionDocument = {"__meta__":{"hash":"sha256:39aedd3b1cf0ebd987fcd949048c303df330220877bfe1832e5598d734e007be"}} as unknown as TypedDocumentString<RollbackThresholdVersionMutation, RollbackThresholdVersionMutationVariables>;
export const MarketThresholdsDocument = {"__meta__":{"hash":"sha256:014c0b1aa381eb23fe0c823a8f8ce200a34a3904b5fb57f1125dbf0e939e8520"}} as unknown as TypedDocumentString<MarketThresholdsQuery, MarketThresholdsQueryVariables>;
export const CreateThresholdDraftDocument = {"__meta__":{"hash":"sha256:3d43bef6a489044b85d9901c317d4f66502c88e98dfd87c3dc9521d32237107e"}} as unknown as TypedDocumentString<CreateThresholdDraftMutation, CreateThresholdDraftMutationVariables>;