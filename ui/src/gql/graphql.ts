/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AuditFilter = {
  /** Exact action, e.g. user.create, auth.login, access.denied. */
  action?: string | null | undefined;
  /** Exact actor, e.g. user:3:anna or token:2:checkout. */
  actor?: string | null | undefined;
  entityId?: string | null | undefined;
  entityType?: string | null | undefined;
  /** Inclusive. */
  from?: string | null | undefined;
  /** Exclusive. */
  to?: string | null | undefined;
};

export const AuditOutcome = {
  Denied: 'DENIED',
  Done: 'DONE',
  Failed: 'FAILED'
} as const;

export type AuditOutcome = typeof AuditOutcome[keyof typeof AuditOutcome];
export type CreateApiTokenInput = {
  /** Optional expiry; must be in the future. */
  expiresAt?: string | null | undefined;
  name: string;
  roles: Array<Role>;
};

export type CreateUserInput = {
  displayName: string;
  password: string;
  roles: Array<Role>;
  /** Lower-case letters, digits, dots, dashes and underscores; 3 to 64 characters. */
  username: string;
};

export type DecisionFilter = {
  /** Inclusive. */
  from?: string | null | undefined;
  market?: string | null | undefined;
  maxAmount?: number | null | undefined;
  merchantCategory?: string | null | undefined;
  merchantId?: string | null | undefined;
  minAmount?: number | null | undefined;
  outcome?: Outcome | null | undefined;
  /** Decisions naming this principal reason (implies DECLINED). */
  reason?: ReasonCode | null | undefined;
  thresholdVersionId?: string | number | null | undefined;
  /** Exclusive. */
  to?: string | null | undefined;
};

export const DecisionOrder = {
  NewestFirst: 'NEWEST_FIRST',
  OldestFirst: 'OLDEST_FIRST'
} as const;

export type DecisionOrder = typeof DecisionOrder[keyof typeof DecisionOrder];
/** The 11 factors of the assessment. */
export const Factor = {
  Affordability: 'AFFORDABILITY',
  CreditHistory: 'CREDIT_HISTORY',
  CreditScore: 'CREDIT_SCORE',
  DebtToIncome: 'DEBT_TO_INCOME',
  EmploymentStability: 'EMPLOYMENT_STABILITY',
  IdentityAndAge: 'IDENTITY_AND_AGE',
  Income: 'INCOME',
  OutstandingCredit: 'OUTSTANDING_CREDIT',
  ResidentialStatus: 'RESIDENTIAL_STATUS',
  Savings: 'SAVINGS',
  SpendingPatterns: 'SPENDING_PATTERNS'
} as const;

export type Factor = typeof Factor[keyof typeof Factor];
/** The 15 measured values of an assessment. */
export const MeasuredValue = {
  AddressVerified: 'ADDRESS_VERIFIED',
  AffordabilityRatio: 'AFFORDABILITY_RATIO',
  AgeYears: 'AGE_YEARS',
  BureauScore: 'BUREAU_SCORE',
  CreditHistoryMonths: 'CREDIT_HISTORY_MONTHS',
  DebtToIncome: 'DEBT_TO_INCOME',
  Delinquencies_24M: 'DELINQUENCIES_24M',
  EmploymentMonths: 'EMPLOYMENT_MONTHS',
  IdentityVerified: 'IDENTITY_VERIFIED',
  IncomeVerified: 'INCOME_VERIFIED',
  LiquidSavings: 'LIQUID_SAVINGS',
  MonthlyIncome: 'MONTHLY_INCOME',
  MonthsAtAddress: 'MONTHS_AT_ADDRESS',
  OutstandingCredit: 'OUTSTANDING_CREDIT',
  RecentPlans_30D: 'RECENT_PLANS_30D'
} as const;

export type MeasuredValue = typeof MeasuredValue[keyof typeof MeasuredValue];
export const Outcome = {
  Approved: 'APPROVED',
  Declined: 'DECLINED'
} as const;

export type Outcome = typeof Outcome[keyof typeof Outcome];
/** Principal-reason codes. */
export const ReasonCode = {
  AffordabilityInsufficient: 'AFFORDABILITY_INSUFFICIENT',
  CreditHistoryLimited: 'CREDIT_HISTORY_LIMITED',
  CreditScoreInsufficient: 'CREDIT_SCORE_INSUFFICIENT',
  DelinquentObligations: 'DELINQUENT_OBLIGATIONS',
  EmploymentLength: 'EMPLOYMENT_LENGTH',
  IdentityUnverified: 'IDENTITY_UNVERIFIED',
  IncomeInsufficient: 'INCOME_INSUFFICIENT',
  IncomeUnverified: 'INCOME_UNVERIFIED',
  ObligationsExcessive: 'OBLIGATIONS_EXCESSIVE',
  OutstandingCreditHigh: 'OUTSTANDING_CREDIT_HIGH',
  RecentPlansExcessive: 'RECENT_PLANS_EXCESSIVE',
  ReservesInsufficient: 'RESERVES_INSUFFICIENT',
  ResidenceLength: 'RESIDENCE_LENGTH',
  ResidenceUnverified: 'RESIDENCE_UNVERIFIED',
  UnderLegalAge: 'UNDER_LEGAL_AGE'
} as const;

export type ReasonCode = typeof ReasonCode[keyof typeof ReasonCode];
/** The permission groups of the console. A caller may hold several. */
export const Role = {
  Admin: 'ADMIN',
  Agent: 'AGENT',
  Analyst: 'ANALYST',
  Approver: 'APPROVER',
  Auditor: 'AUDITOR',
  Service: 'SERVICE'
} as const;

export type Role = typeof Role[keyof typeof Role];
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


export type AgentDecisionQuery = { agentDecision: { reference: string, createdAt: string, outcome: Outcome, market: string, merchantName: string, formattedAmount: string, guidanceLocale: string, notes: Array<string>, shopperMessage: { locale: string, title: string, body: string, steps: Array<string> } | null, guidance: Array<{ rank: number, code: ReasonCode, locale: string, title: string, body: string, steps: Array<string> }>, cardHold: { mayBePending: boolean, usuallyReleasedBy: string, note: string } | null } | null };

export type AuditEventsQueryVariables = Exact<{
  filter?: AuditFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { nodes: Array<{ id: string, at: string, actor: string, actorRoles: Array<string>, action: string, entityType: string, entityId: string, before: unknown, after: unknown, requestId: string, clientAddr: string, outcome: AuditOutcome }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type VerifyAuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyAuditChainQuery = { verifyAuditChain: { ok: boolean, checked: number, firstBrokenEventId: string | null, reason: string | null } };

export type DecisionDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type DecisionDetailQuery = { decision: { id: string, reference: string, createdAt: string, market: string, currency: string, amount: number, shopperId: string, locale: string, channel: string, outcome: Outcome, breakdown: unknown, catalogVersionId: string, merchant: { id: string, name: string, category: string }, reasons: Array<{ rank: number, code: ReasonCode, measuredValue: MeasuredValue, factor: Factor }>, thresholdVersion: { id: string, market: string, version: number }, message: { locale: string, title: string, body: string, steps: Array<string> } | null } | null };

export type PinnedThresholdsQueryVariables = Exact<{
  id: string | number;
}>;


export type PinnedThresholdsQuery = { thresholdVersion: { id: string, author: string, approver: string, createdAt: string, rules: Array<{ measuredValue: MeasuredValue, scale: number }> } | null };

export type DecisionsQueryVariables = Exact<{
  filter?: DecisionFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
  orderBy: DecisionOrder;
}>;


export type DecisionsQuery = { decisions: { nodes: Array<{ id: string, reference: string, createdAt: string, market: string, currency: string, amount: number, outcome: Outcome, merchant: { name: string, category: string }, reasons: Array<{ rank: number, code: ReasonCode }>, thresholdVersion: { id: string, version: number } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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

export const AdminUsersDocument = {"__meta__":{"hash":"sha256:ef935e70e9fad74c731de4bb66011293057bd43580df2ea9de6e8f41c897d53e"}} as unknown as TypedDocumentString<AdminUsersQuery, AdminUsersQueryVariables>;
export const AdminTokensDocument = {"__meta__":{"hash":"sha256:7fc3f544f2388b684bdca40f7105143c4fc60ab8f2aa097be03d8c768196e7f1"}} as unknown as TypedDocumentString<AdminTokensQuery, AdminTokensQueryVariables>;
export const CreateUserDocument = {"__meta__":{"hash":"sha256:af4ad581cde3b6203efe5ff9c5aef400a2059c611b6ce62738bee1f31c76c657"}} as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const SetUserRolesDocument = {"__meta__":{"hash":"sha256:6dc1148fe4eeb1c38d74932ac4bdfeffa627118356035d051d4e6f7b27783ea1"}} as unknown as TypedDocumentString<SetUserRolesMutation, SetUserRolesMutationVariables>;
export const DisableUserDocument = {"__meta__":{"hash":"sha256:718a35b7d0e52c882e05dbfb3204b9e9b025ebfd7a9b903258929cc26e4af224"}} as unknown as TypedDocumentString<DisableUserMutation, DisableUserMutationVariables>;
export const EnableUserDocument = {"__meta__":{"hash":"sha256:13f1fa4c1b04f47710e50c02d7536d18c6d9b609c7584dfd6de9fa4cb7869923"}} as unknown as TypedDocumentString<EnableUserMutation, EnableUserMutationVariables>;
export const CreateApiTokenDocument = {"__meta__":{"hash":"sha256:281c3973119e2629d80aad203e1fca4297791c9cb4bad19a477490f4913fbc01"}} as unknown as TypedDocumentString<CreateApiTokenMutation, CreateApiTokenMutationVariables>;
export const RevokeApiTokenDocument = {"__meta__":{"hash":"sha256:6c552edb9b481c70c8862f7170fc59ae8f50e053b27853b2b86cc3b3f86113cf"}} as unknown as TypedDocumentString<RevokeApiTokenMutation, RevokeApiTokenMutationVariables>;
export const AgentDecisionDocument = {"__meta__":{"hash":"sha256:419e30a304494d7b728d38d8ba1b7cde4225499151748b7819090cad5158a9fc"}} as unknown as TypedDocumentString<AgentDecisionQuery, AgentDecisionQueryVariables>;
export const AuditEventsDocument = {"__meta__":{"hash":"sha256:10f78f133254fcafb652e0773e19ef2b0deb982114bac57a571999904d2df4f1"}} as unknown as TypedDocumentString<AuditEventsQuery, AuditEventsQueryVariables>;
export const VerifyAuditChainDocument = {"__meta__":{"hash":"sha256:376cdd1546575dcc887dcc85186347c1e9c45c9c66bebe0edf3ca0ec1ecc0a7f"}} as unknown as TypedDocumentString<VerifyAuditChainQuery, VerifyAuditChainQueryVariables>;
export const DecisionDetailDocument = {"__meta__":{"hash":"sha256:8f18f468b970ce264ac280f3dbe92715427822cd41de061da5226b4698a60517"}} as unknown as TypedDocumentString<DecisionDetailQuery, DecisionDetailQueryVariables>;
export const PinnedThresholdsDocument = {"__meta__":{"hash":"sha256:51e9da442166c86b3ad1bc1ad0dc0995d6aac237b95859bd9c38d470333209b2"}} as unknown as TypedDocumentString<PinnedThresholdsQuery, PinnedThresholdsQueryVariables>;
export const DecisionsDocument = {"__meta__":{"hash":"sha256:243b53abe1107c1d578221001ae1de4df404ddb00c2e0591891e53c1c9fada29"}} as unknown as TypedDocumentString<DecisionsQuery, DecisionsQueryVariables>;