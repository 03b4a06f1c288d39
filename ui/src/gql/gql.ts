/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AdminTokensDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n": typeof types.SetUserRolesDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n    }\n  }\n": typeof types.AgentDecisionDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      id\n      reference\n      createdAt\n      market\n      currency\n      amount\n      shopperId\n      locale\n      channel\n      outcome\n      merchant {\n        id\n        name\n        category\n      }\n      reasons {\n        rank\n        code\n        measuredValue\n        factor\n      }\n      breakdown\n      thresholdVersion {\n        id\n        market\n        version\n      }\n      catalogVersionId\n      message {\n        locale\n        title\n        body\n        steps\n      }\n    }\n  }\n": typeof types.DecisionDetailDocument,
    "\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n": typeof types.PinnedThresholdsDocument,
    "\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DecisionsDocument,
};
const documents: Documents = {
    "\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.AdminTokensDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n": types.SetUserRolesDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n    }\n  }\n": types.AgentDecisionDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      id\n      reference\n      createdAt\n      market\n      currency\n      amount\n      shopperId\n      locale\n      channel\n      outcome\n      merchant {\n        id\n        name\n        category\n      }\n      reasons {\n        rank\n        code\n        measuredValue\n        factor\n      }\n      breakdown\n      thresholdVersion {\n        id\n        market\n        version\n      }\n      catalogVersionId\n      message {\n        locale\n        title\n        body\n        steps\n      }\n    }\n  }\n": types.DecisionDetailDocument,
    "\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n": types.PinnedThresholdsDocument,
    "\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DecisionsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').AdminUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').AdminTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n"): typeof import('./graphql').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n"): typeof import('./graphql').SetUserRolesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n"): typeof import('./graphql').DisableUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n"): typeof import('./graphql').EnableUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n"): typeof import('./graphql').CreateApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql').RevokeApiTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n    }\n  }\n"): typeof import('./graphql').AgentDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').AuditEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n"): typeof import('./graphql').VerifyAuditChainDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      id\n      reference\n      createdAt\n      market\n      currency\n      amount\n      shopperId\n      locale\n      channel\n      outcome\n      merchant {\n        id\n        name\n        category\n      }\n      reasons {\n        rank\n        code\n        measuredValue\n        factor\n      }\n      breakdown\n      thresholdVersion {\n        id\n        market\n        version\n      }\n      catalogVersionId\n      message {\n        locale\n        title\n        body\n        steps\n      }\n    }\n  }\n"): typeof import('./graphql').DecisionDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n"): typeof import('./graphql').PinnedThresholdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').DecisionsDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
