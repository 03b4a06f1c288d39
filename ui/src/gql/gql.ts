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
    "\n  fragment DecisionFull on Decision {\n    id\n    reference\n    createdAt\n    market\n    currency\n    amount\n    shopperId\n    locale\n    channel\n    outcome\n    kind\n    reviewer\n    reviewReason\n    merchant {\n      id\n      name\n      category\n    }\n    reasons {\n      rank\n      code\n      measuredValue\n      factor\n    }\n    breakdown\n    thresholdVersion {\n      id\n      market\n      version\n    }\n    catalogVersionId\n    arm\n    shadows {\n      versionId\n      version\n      outcome\n      reasons\n    }\n    message {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n    repayment {\n      status\n      outstandingMinor\n      writtenOffMinor\n      currency\n      class\n      matureAt\n      events {\n        eventId\n        observedAt\n        status\n        outstandingMinor\n        writtenOffMinor\n        recordedAt\n      }\n    }\n  }\n": typeof types.DecisionFullFragmentDoc,
    "\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n": typeof types.PinnedThresholdsDocument,
    "\n  query BadDefinitionPanel($market: String!) {\n    badDefinition(market: $market) {\n      id\n      version\n      level\n      windowMonths\n      description\n      author\n      approver\n      createdAt\n    }\n    badDefinitionDrafts(market: $market, first: 10) {\n      nodes {\n        ...BadDraftFields\n      }\n    }\n  }\n": typeof types.BadDefinitionPanelDocument,
    "\n  fragment BadDraftFields on BadDefinitionDraft {\n    id\n    market\n    status\n    revision\n    author\n    rationale\n    level\n    windowMonths\n    description\n    reviewer\n    reviewComment\n    updatedAt\n  }\n": typeof types.BadDraftFieldsFragmentDoc,
    "\n  mutation CreateBadDefinitionDraft($market: String!) {\n    createBadDefinitionDraft(market: $market) {\n      ...BadDraftFields\n    }\n  }\n": typeof types.CreateBadDefinitionDraftDocument,
    "\n  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {\n    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {\n      ...BadDraftFields\n    }\n  }\n": typeof types.EditBadDefinitionDraftDocument,
    "\n  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {\n      ...BadDraftFields\n    }\n  }\n": typeof types.SubmitBadDefinitionDraftDocument,
    "\n  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {\n    approveBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n": typeof types.ApproveBadDefinitionDraftDocument,
    "\n  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {\n    rejectBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n": typeof types.RejectBadDefinitionDraftDocument,
    "\n  fragment ErasureRequestFields on ErasureRequest {\n    id\n    reference\n    requestedBy\n    requestedAt\n    state\n    dueAt\n    erasedAtRequest\n    erasedLater\n    doneAt\n  }\n": typeof types.ErasureRequestFieldsFragmentDoc,
    "\n  query ErasureRequests($state: ErasureRequestState, $first: Int!, $after: String) {\n    erasureRequests(state: $state, first: $first, after: $after) {\n      nodes {\n        ...ErasureRequestFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ErasureRequestsDocument,
    "\n  mutation RequestErasure($shopperId: String!, $reference: String) {\n    requestErasure(shopperId: $shopperId, reference: $reference) {\n      request {\n        ...ErasureRequestFields\n      }\n      erasedNow\n      waiting\n      repeated\n    }\n  }\n": typeof types.RequestErasureDocument,
    "\n  fragment ShadowFields on ThresholdShadow {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    startedAt\n    startedBy\n    endsAt\n    stoppedAt\n    stoppedBy\n    running\n  }\n": typeof types.ShadowFieldsFragmentDoc,
    "\n  fragment ArmRateFields on ArmRate {\n    arm\n    decisions\n    declined\n    declineRate\n  }\n": typeof types.ArmRateFieldsFragmentDoc,
    "\n  fragment SplitFields on ThresholdSplit {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    requestId\n    startedAt\n    startedBy\n    endedAt\n    endedBy\n    running\n    arms {\n      ...ArmRateFields\n    }\n  }\n": typeof types.SplitFieldsFragmentDoc,
    "\n  fragment SplitRequestFields on ThresholdSplitRequest {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    rationale\n    status\n    author\n    reviewer\n    reviewComment\n    createdAt\n    updatedAt\n  }\n": typeof types.SplitRequestFieldsFragmentDoc,
    "\n  query VersionExperiments($versionId: ID!, $market: String!) {\n    thresholdShadows(versionId: $versionId, first: 20) {\n      ...ShadowFields\n    }\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        id\n      }\n      split {\n        ...SplitFields\n      }\n    }\n    thresholdSplitRequests(market: $market, first: 20) {\n      nodes {\n        ...SplitRequestFields\n      }\n    }\n  }\n": typeof types.VersionExperimentsDocument,
    "\n  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {\n    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {\n      ...ShadowFields\n    }\n  }\n": typeof types.StartThresholdShadowDocument,
    "\n  mutation StopThresholdShadow($id: ID!) {\n    stopThresholdShadow(id: $id) {\n      ...ShadowFields\n    }\n  }\n": typeof types.StopThresholdShadowDocument,
    "\n  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {\n    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {\n      ...SplitRequestFields\n    }\n  }\n": typeof types.RequestThresholdSplitDocument,
    "\n  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {\n    approveThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n": typeof types.ApproveThresholdSplitRequestDocument,
    "\n  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {\n    rejectThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n": typeof types.RejectThresholdSplitRequestDocument,
    "\n  mutation StopThresholdSplit($market: String!) {\n    stopThresholdSplit(market: $market) {\n      ...SplitFields\n    }\n  }\n": typeof types.StopThresholdSplitDocument,
    "\n  query MarketExperiments($market: String) {\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        ...ShadowFields\n      }\n      split {\n        ...SplitFields\n      }\n    }\n  }\n": typeof types.MarketExperimentsDocument,
    "\n  query Markets {\n    markets {\n      code\n      name\n      hasDecisions\n    }\n  }\n": typeof types.MarketsDocument,
    "\n  query PendingSubmissions {\n    thresholdDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        market\n        author\n        submittedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    catalogDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        author\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    thresholdSplitRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n        version {\n          version {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PendingSubmissionsDocument,
    "\n  query PendingRetentionRequests {\n    retentionPolicyRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.PendingRetentionRequestsDocument,
    "\n  fragment InboxCaseFields on ReviewCase {\n    id\n    status\n    market\n    dueAt\n    overdue\n    reviewer\n  }\n": typeof types.InboxCaseFieldsFragmentDoc,
    "\n  query ReviewerInbox {\n    open: reviewCases(filter: { status: OPEN }, first: 50) {\n      nodes {\n        ...InboxCaseFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    claimed: reviewCases(filter: { status: IN_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n    second: reviewCases(filter: { status: PENDING_SECOND_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n  }\n": typeof types.ReviewerInboxDocument,
    "\n  fragment FigureFields on OutcomeFigures {\n    decisions\n    volume\n    mature\n    immature\n    bad\n    inferred\n    inferredBad\n    badRate\n    badRateLow\n    badRateHigh\n    loss\n    lossLow\n    lossHigh\n    lossRate\n  }\n": typeof types.FigureFieldsFragmentDoc,
    "\n  fragment SweepPointFields on SensitivityPoint {\n    cutoff\n    declineRate\n    approvalRate\n    badRate\n    lossRate\n  }\n": typeof types.SweepPointFieldsFragmentDoc,
    "\n  fragment RuleFields on ThresholdRule {\n    measuredValue\n    factor\n    comparator\n    cutoff\n    enabled\n    reasonCode\n    scale\n  }\n": typeof types.RuleFieldsFragmentDoc,
    "\n  fragment ImpactFields on ThresholdImpact {\n    available\n    note\n    from\n    to\n    decisions\n    declineRateNow\n    declineRateProposed\n    approvedToDeclined\n    declinedToApproved\n    badDefinition\n    approvalRateNow\n    approvalRateProposed\n    badRateNow\n    badRateProposed\n    badRateProposedLow\n    badRateProposedHigh\n    lossNow\n    lossProposed\n    lossRateNow\n    lossRateProposed\n    matureDecisions\n  }\n": typeof types.ImpactFieldsFragmentDoc,
    "\n  query WhatIfStatus {\n    whatIfStatus {\n      loaded\n      total\n      ready\n    }\n  }\n": typeof types.WhatIfStatusDocument,
    "\n  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {\n    thresholdDiff(from: $from, to: $to) {\n      measuredValue\n      factor\n      oldComparator\n      newComparator\n      oldCutoff\n      newCutoff\n      oldEnabled\n      newEnabled\n    }\n  }\n": typeof types.ThresholdDiffDocument,
    "\n  query Vintages($market: String!) {\n    vintages(market: $market) {\n      market\n      from\n      to\n      badDefinition {\n        version\n        description\n      }\n      activations {\n        id\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      series {\n        vintage\n        group\n        approved\n        volume\n        points {\n          monthsSinceDecision\n          bad\n          badRate\n          loss\n          lossRate\n        }\n      }\n    }\n  }\n": typeof types.VintagesDocument,
    "\n  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {\n    simulate(market: $market, proposal: $proposal) {\n      market\n      from\n      to\n      baselineVersion {\n        id\n        version\n      }\n      assessed\n      declinedNow\n      declinedProposed\n      declineRateNow\n      declineRateProposed\n      approvedToDeclined\n      declinedToApproved\n      reasons {\n        code\n        now\n        proposed\n      }\n      days {\n        day\n        assessed\n        declinedNow\n        declinedProposed\n      }\n      sampleApprovedToDeclined {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      sampleDeclinedToApproved {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      badDefinition {\n        version\n        description\n        windowMonths\n      }\n      approvalRateNow\n      approvalRateProposed\n      outcomesNow {\n        ...FigureFields\n      }\n      outcomesProposed {\n        ...FigureFields\n      }\n      swapSet {\n        keptApproved {\n          ...FigureFields\n        }\n        swapOut {\n          ...FigureFields\n        }\n        swapIn {\n          ...FigureFields\n        }\n        keptDeclined {\n          ...FigureFields\n        }\n      }\n      immatureShare\n      inference {\n        available\n        note\n        method\n        samples\n        bads\n        auc\n      }\n    }\n  }\n": typeof types.SimulateDocument,
    "\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.AdminTokensDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n": typeof types.SetUserRolesDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n        closing\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n      kind\n      overturnsReference\n      reviewRequestableUntil\n      review {\n        status\n        dueAt\n        overdue\n        outcome\n        decidedAt\n        newDecisionReference\n      }\n    }\n  }\n": typeof types.AgentDecisionDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n": typeof types.VerifyAuditChainDocument,
    "\n  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {\n    previewMessage(code: $code, locale: $locale, text: $text) {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n  }\n": typeof types.PreviewMessageDocument,
    "\n  fragment CatalogChangeFields on CatalogChange {\n    code\n    locale\n    audience\n    kind\n    before {\n      title\n      body\n      steps\n    }\n    after {\n      title\n      body\n      steps\n    }\n  }\n": typeof types.CatalogChangeFieldsFragmentDoc,
    "\n  fragment CatalogEntryFields on CatalogEntry {\n    code\n    locale\n    audience\n    text {\n      title\n      body\n      steps\n    }\n  }\n": typeof types.CatalogEntryFieldsFragmentDoc,
    "\n  query CatalogVersion {\n    catalogVersion {\n      version\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n": typeof types.CatalogVersionDocument,
    "\n  query CatalogDrafts($status: CatalogDraftStatus) {\n    catalogDrafts(status: $status, first: 20) {\n      nodes {\n        id\n        status\n        author\n        baseVersion\n        revision\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.CatalogDraftsDocument,
    "\n  query CatalogDraft($id: ID!) {\n    catalogDraft(id: $id) {\n      id\n      baseVersion\n      status\n      revision\n      author\n      reviewer\n      comment\n      publishedVersion\n      createdAt\n      updatedAt\n      changes {\n        ...CatalogChangeFields\n      }\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n": typeof types.CatalogDraftDocument,
    "\n  mutation CreateCatalogDraft {\n    createCatalogDraft {\n      id\n    }\n  }\n": typeof types.CreateCatalogDraftDocument,
    "\n  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {\n    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {\n      id\n      revision\n    }\n  }\n": typeof types.EditCatalogTextDocument,
    "\n  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {\n    submitCatalogDraft(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitCatalogDraftDocument,
    "\n  mutation ApproveCatalogDraft($id: ID!) {\n    approveCatalogDraft(id: $id) {\n      id\n      publishedVersion\n    }\n  }\n": typeof types.ApproveCatalogDraftDocument,
    "\n  mutation RejectCatalogDraft($id: ID!, $comment: String!) {\n    rejectCatalogDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.RejectCatalogDraftDocument,
    "\n  query CatalogDiff($from: Int!, $to: Int!) {\n    catalogDiff(from: $from, to: $to) {\n      ...CatalogChangeFields\n    }\n  }\n": typeof types.CatalogDiffDocument,
    "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      ...DecisionFull\n      overturns {\n        id\n        reference\n      }\n      overturnedBy {\n        id\n        reference\n      }\n      reviewCases {\n        id\n        status\n        requestedAt\n        dueAt\n        overdue\n        outcome\n        decidedAt\n      }\n    }\n  }\n": typeof types.DecisionDetailDocument,
    "\n  query DecisionIdByReference($reference: String!) {\n    decisionByReference(reference: $reference) {\n      id\n    }\n  }\n": typeof types.DecisionIdByReferenceDocument,
    "\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        kind\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DecisionsDocument,
    "\n  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {\n    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {\n      from\n      to\n      bucket\n      timeZone\n      omittedSeries\n      source\n      freshAsOf\n      series {\n        market\n        assessed\n        declined\n        rate\n        points {\n          bucketStart\n          assessed\n          declined\n          rate\n        }\n      }\n    }\n    thresholdActivations(market: $market, from: $from, to: $to) {\n      activation {\n        id\n        market\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      version {\n        id\n        version\n        author\n        approver\n      }\n    }\n  }\n": typeof types.OverviewRatesDocument,
    "\n  query OverviewBreakdown($filter: AnalyticsFilter!) {\n    reasonBreakdown(filter: $filter) {\n      assessed\n      declined\n      source\n      freshAsOf\n      reasons {\n        reason\n        factor\n        declined\n        share\n        rate\n      }\n    }\n  }\n": typeof types.OverviewBreakdownDocument,
    "\n  query OverviewOverturnRates($filter: OverturnRateFilter!) {\n    overturnRates(filter: $filter) {\n      market\n      reason\n      decided\n      overturned\n      rate\n    }\n  }\n": typeof types.OverviewOverturnRatesDocument,
    "\n  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {\n    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {\n      from\n      to\n      bucket\n      omitted\n      source\n      freshAsOf\n      anomalies {\n        bucketStart\n        market\n        reason\n        assessed\n        declined\n        rate\n        baselineRate\n        zScore\n        excessDeclines\n        mainReason\n      }\n    }\n  }\n": typeof types.OverviewAnomaliesDocument,
    "\n  fragment RetentionPolicyFields on RetentionPolicy {\n    id\n    version\n    keepMonths\n    afterRetention\n    requestId\n    author\n    approver\n    rationale\n    createdAt\n  }\n": typeof types.RetentionPolicyFieldsFragmentDoc,
    "\n  fragment RetentionRequestFields on RetentionPolicyRequest {\n    id\n    market\n    keepMonths\n    afterRetention\n    rationale\n    baseVersion\n    status\n    author\n    reviewer\n    reviewComment\n    publishedVersionId\n    createdAt\n    updatedAt\n  }\n": typeof types.RetentionRequestFieldsFragmentDoc,
    "\n  fragment LegalHoldFields on LegalHold {\n    id\n    market\n    from\n    to\n    shopperId\n    merchantId\n    reason\n    active\n    placedBy\n    placedAt\n    liftedBy\n    liftedAt\n    liftComment\n  }\n": typeof types.LegalHoldFieldsFragmentDoc,
    "\n  fragment RetentionPlanFields on RetentionPlan {\n    asOf\n    countsAsOf\n    months {\n      month\n      decisions\n      dueAt\n      afterRetention\n      state\n      heldBy {\n        id\n        placedAt\n      }\n    }\n  }\n": typeof types.RetentionPlanFieldsFragmentDoc,
    "\n  query RetentionMarket($market: String!) {\n    retentionPolicies {\n      market\n      floor {\n        months\n        basis\n      }\n      maxKeepMonths\n      policy {\n        ...RetentionPolicyFields\n      }\n    }\n    retentionPolicyVersions(market: $market, first: 20) {\n      nodes {\n        ...RetentionPolicyFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    retentionPolicyRequests(market: $market, first: 20) {\n      nodes {\n        ...RetentionRequestFields\n      }\n    }\n    retentionPlan(market: $market) {\n      ...RetentionPlanFields\n    }\n  }\n": typeof types.RetentionMarketDocument,
    "\n  query LegalHolds($active: Boolean) {\n    legalHolds(active: $active, first: 50) {\n      nodes {\n        ...LegalHoldFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.LegalHoldsDocument,
    "\n  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {\n    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {\n      ...RetentionRequestFields\n    }\n  }\n": typeof types.ProposeRetentionPolicyDocument,
    "\n  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {\n    approveRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n": typeof types.ApproveRetentionPolicyRequestDocument,
    "\n  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {\n    rejectRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n": typeof types.RejectRetentionPolicyRequestDocument,
    "\n  mutation PlaceLegalHold($input: LegalHoldInput!) {\n    placeLegalHold(input: $input) {\n      ...LegalHoldFields\n    }\n  }\n": typeof types.PlaceLegalHoldDocument,
    "\n  mutation LiftLegalHold($id: ID!, $comment: String!) {\n    liftLegalHold(id: $id, comment: $comment) {\n      ...LegalHoldFields\n    }\n  }\n": typeof types.LiftLegalHoldDocument,
    "\n  query ReviewCasePage($id: ID!) {\n    reviewCase(id: $id) {\n      id\n      status\n      market\n      statement\n      locale\n      requestedBy\n      requestedAt\n      dueAt\n      overdue\n      reviewer\n      claimedAt\n      outcome\n      reason\n      decidedAt\n      secondReviewRequired\n      secondReviewer\n      secondReviewComment\n      secondReviewedAt\n      newDecision {\n        id\n        reference\n      }\n      notices {\n        kind\n        locale\n        title\n        body\n        sentAt\n      }\n      decision {\n        ...DecisionFull\n      }\n    }\n  }\n": typeof types.ReviewCasePageDocument,
    "\n  mutation ClaimReviewCase($id: ID!) {\n    claimReviewCase(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.ClaimReviewCaseDocument,
    "\n  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {\n    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.DecideReviewCaseDocument,
    "\n  mutation ApproveOverturn($id: ID!, $comment: String) {\n    approveOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.ApproveOverturnDocument,
    "\n  mutation RejectOverturn($id: ID!, $comment: String!) {\n    rejectOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.RejectOverturnDocument,
    "\n  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {\n    reviewCases(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        market\n        requestedAt\n        dueAt\n        overdue\n        reviewer\n        decision {\n          id\n          reference\n          amount\n          currency\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  fragment ShadowComparisonFields on ShadowComparison {\n    from\n    to\n    freshAsOf\n    decisions\n    liveDeclineRate\n    shadowDeclineRate\n    series {\n      start\n      decisions\n      liveDeclined\n      shadowDeclined\n      liveDeclineRate\n      shadowDeclineRate\n    }\n    cells {\n      agreement\n      decisions\n      share\n      mature\n      bad\n      badRate\n      samples(first: 10) {\n        id\n        reference\n        createdAt\n        outcome\n      }\n    }\n    reasons {\n      reason\n      live\n      shadow\n    }\n  }\n": typeof types.ShadowComparisonFieldsFragmentDoc,
    "\n  query ShadowRun($id: ID!, $arm: Arm, $bucket: AnalyticsBucket!) {\n    thresholdShadow(id: $id) {\n      ...ShadowFields\n      predicted {\n        available\n        note\n        declineRateNow\n        declineRateProposed\n        from\n        to\n        decisions\n      }\n      comparison(arm: $arm, bucket: $bucket) {\n        ...ShadowComparisonFields\n      }\n    }\n    thresholdSplits(first: 20) {\n      id\n      market\n      startedAt\n      endedAt\n    }\n  }\n": typeof types.ShadowRunDocument,
    "\n  query ThresholdDraft($id: ID!) {\n    thresholdDraft(id: $id) {\n      id\n      market\n      baseVersionId\n      status\n      revision\n      author\n      rationale\n      reviewer\n      reviewComment\n      publishedVersionId\n      createdAt\n      updatedAt\n      submittedAt\n      reviewedAt\n      rules {\n        ...RuleFields\n      }\n      impact {\n        ...ImpactFields\n      }\n    }\n  }\n": typeof types.ThresholdDraftDocument,
    "\n  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {\n    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {\n      id\n      revision\n      updatedAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n": typeof types.EditThresholdDraftDocument,
    "\n  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitThresholdDraftDocument,
    "\n  mutation ApproveThresholdDraft($id: ID!, $comment: String) {\n    approveThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n      publishedVersionId\n    }\n  }\n": typeof types.ApproveThresholdDraftDocument,
    "\n  mutation RejectThresholdDraft($id: ID!, $comment: String!) {\n    rejectThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": typeof types.RejectThresholdDraftDocument,
    "\n  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {\n    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points, spacing: QUANTILES) {\n      measuredValue\n      comparator\n      assessed\n      declineRateWithoutRule\n      proposedCutoff\n      proposedRate\n      points {\n        ...SweepPointFields\n      }\n      nowPoint {\n        ...SweepPointFields\n      }\n      proposedPoint {\n        ...SweepPointFields\n      }\n    }\n  }\n": typeof types.SensitivityDocument,
    "\n  query ThresholdVersionPage($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      market\n      version\n      author\n      approver\n      rationale\n      createdAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n": typeof types.ThresholdVersionPageDocument,
    "\n  query ThresholdVersionState($market: String!) {\n    thresholdVersions(market: $market, first: 100) {\n      nodes {\n        status\n        version {\n          id\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    activeThresholdVersion(market: $market) {\n      version {\n        id\n        version\n      }\n    }\n  }\n": typeof types.ThresholdVersionStateDocument,
    "\n  query ActivationImpact($versionId: ID!) {\n    activationImpact(versionId: $versionId) {\n      activation {\n        id\n        activatedAt\n        activatedBy\n        emergency\n      }\n      predicted {\n        ...ImpactFields\n      }\n      realized {\n        ...RateWindowFields\n      }\n      before {\n        ...RateWindowFields\n      }\n      complete\n      predictionError\n      outcomes {\n        predictedBadRate\n        approved\n        mature\n        bad\n        realizedBadRate\n        allMatureAt\n        note\n      }\n    }\n  }\n": typeof types.ActivationImpactDocument,
    "\n  fragment RateWindowFields on RateWindow {\n    from\n    to\n    assessed\n    declined\n    rate\n  }\n": typeof types.RateWindowFieldsFragmentDoc,
    "\n  mutation ActivateThresholdVersion($id: ID!, $at: Time) {\n    activateThresholdVersion(id: $id, at: $at) {\n      id\n      activatedAt\n    }\n  }\n": typeof types.ActivateThresholdVersionDocument,
    "\n  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {\n    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {\n      activation {\n        id\n        activatedAt\n      }\n      draft {\n        id\n      }\n    }\n  }\n": typeof types.RollbackThresholdVersionDocument,
    "\n  query MarketThresholds($market: String!) {\n    thresholdVersions(market: $market, first: 50) {\n      nodes {\n        status\n        version {\n          id\n          version\n          author\n          approver\n          rationale\n          createdAt\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    thresholdDrafts(market: $market, first: 50) {\n      nodes {\n        id\n        status\n        revision\n        author\n        rationale\n        createdAt\n        updatedAt\n        submittedAt\n        reviewer\n        publishedVersionId\n        impact {\n          available\n          declineRateNow\n          declineRateProposed\n          approvedToDeclined\n          declinedToApproved\n          badRateNow\n          badRateProposed\n          lossNow\n          lossProposed\n        }\n      }\n    }\n  }\n": typeof types.MarketThresholdsDocument,
    "\n  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {\n    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {\n      id\n    }\n  }\n": typeof types.CreateThresholdDraftDocument,
};
const documents: Documents = {
    "\n  fragment DecisionFull on Decision {\n    id\n    reference\n    createdAt\n    market\n    currency\n    amount\n    shopperId\n    locale\n    channel\n    outcome\n    kind\n    reviewer\n    reviewReason\n    merchant {\n      id\n      name\n      category\n    }\n    reasons {\n      rank\n      code\n      measuredValue\n      factor\n    }\n    breakdown\n    thresholdVersion {\n      id\n      market\n      version\n    }\n    catalogVersionId\n    arm\n    shadows {\n      versionId\n      version\n      outcome\n      reasons\n    }\n    message {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n    repayment {\n      status\n      outstandingMinor\n      writtenOffMinor\n      currency\n      class\n      matureAt\n      events {\n        eventId\n        observedAt\n        status\n        outstandingMinor\n        writtenOffMinor\n        recordedAt\n      }\n    }\n  }\n": types.DecisionFullFragmentDoc,
    "\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n": types.PinnedThresholdsDocument,
    "\n  query BadDefinitionPanel($market: String!) {\n    badDefinition(market: $market) {\n      id\n      version\n      level\n      windowMonths\n      description\n      author\n      approver\n      createdAt\n    }\n    badDefinitionDrafts(market: $market, first: 10) {\n      nodes {\n        ...BadDraftFields\n      }\n    }\n  }\n": types.BadDefinitionPanelDocument,
    "\n  fragment BadDraftFields on BadDefinitionDraft {\n    id\n    market\n    status\n    revision\n    author\n    rationale\n    level\n    windowMonths\n    description\n    reviewer\n    reviewComment\n    updatedAt\n  }\n": types.BadDraftFieldsFragmentDoc,
    "\n  mutation CreateBadDefinitionDraft($market: String!) {\n    createBadDefinitionDraft(market: $market) {\n      ...BadDraftFields\n    }\n  }\n": types.CreateBadDefinitionDraftDocument,
    "\n  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {\n    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {\n      ...BadDraftFields\n    }\n  }\n": types.EditBadDefinitionDraftDocument,
    "\n  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {\n      ...BadDraftFields\n    }\n  }\n": types.SubmitBadDefinitionDraftDocument,
    "\n  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {\n    approveBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n": types.ApproveBadDefinitionDraftDocument,
    "\n  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {\n    rejectBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n": types.RejectBadDefinitionDraftDocument,
    "\n  fragment ErasureRequestFields on ErasureRequest {\n    id\n    reference\n    requestedBy\n    requestedAt\n    state\n    dueAt\n    erasedAtRequest\n    erasedLater\n    doneAt\n  }\n": types.ErasureRequestFieldsFragmentDoc,
    "\n  query ErasureRequests($state: ErasureRequestState, $first: Int!, $after: String) {\n    erasureRequests(state: $state, first: $first, after: $after) {\n      nodes {\n        ...ErasureRequestFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ErasureRequestsDocument,
    "\n  mutation RequestErasure($shopperId: String!, $reference: String) {\n    requestErasure(shopperId: $shopperId, reference: $reference) {\n      request {\n        ...ErasureRequestFields\n      }\n      erasedNow\n      waiting\n      repeated\n    }\n  }\n": types.RequestErasureDocument,
    "\n  fragment ShadowFields on ThresholdShadow {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    startedAt\n    startedBy\n    endsAt\n    stoppedAt\n    stoppedBy\n    running\n  }\n": types.ShadowFieldsFragmentDoc,
    "\n  fragment ArmRateFields on ArmRate {\n    arm\n    decisions\n    declined\n    declineRate\n  }\n": types.ArmRateFieldsFragmentDoc,
    "\n  fragment SplitFields on ThresholdSplit {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    requestId\n    startedAt\n    startedBy\n    endedAt\n    endedBy\n    running\n    arms {\n      ...ArmRateFields\n    }\n  }\n": types.SplitFieldsFragmentDoc,
    "\n  fragment SplitRequestFields on ThresholdSplitRequest {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    rationale\n    status\n    author\n    reviewer\n    reviewComment\n    createdAt\n    updatedAt\n  }\n": types.SplitRequestFieldsFragmentDoc,
    "\n  query VersionExperiments($versionId: ID!, $market: String!) {\n    thresholdShadows(versionId: $versionId, first: 20) {\n      ...ShadowFields\n    }\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        id\n      }\n      split {\n        ...SplitFields\n      }\n    }\n    thresholdSplitRequests(market: $market, first: 20) {\n      nodes {\n        ...SplitRequestFields\n      }\n    }\n  }\n": types.VersionExperimentsDocument,
    "\n  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {\n    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {\n      ...ShadowFields\n    }\n  }\n": types.StartThresholdShadowDocument,
    "\n  mutation StopThresholdShadow($id: ID!) {\n    stopThresholdShadow(id: $id) {\n      ...ShadowFields\n    }\n  }\n": types.StopThresholdShadowDocument,
    "\n  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {\n    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {\n      ...SplitRequestFields\n    }\n  }\n": types.RequestThresholdSplitDocument,
    "\n  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {\n    approveThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n": types.ApproveThresholdSplitRequestDocument,
    "\n  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {\n    rejectThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n": types.RejectThresholdSplitRequestDocument,
    "\n  mutation StopThresholdSplit($market: String!) {\n    stopThresholdSplit(market: $market) {\n      ...SplitFields\n    }\n  }\n": types.StopThresholdSplitDocument,
    "\n  query MarketExperiments($market: String) {\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        ...ShadowFields\n      }\n      split {\n        ...SplitFields\n      }\n    }\n  }\n": types.MarketExperimentsDocument,
    "\n  query Markets {\n    markets {\n      code\n      name\n      hasDecisions\n    }\n  }\n": types.MarketsDocument,
    "\n  query PendingSubmissions {\n    thresholdDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        market\n        author\n        submittedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    catalogDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        author\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    thresholdSplitRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n        version {\n          version {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.PendingSubmissionsDocument,
    "\n  query PendingRetentionRequests {\n    retentionPolicyRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.PendingRetentionRequestsDocument,
    "\n  fragment InboxCaseFields on ReviewCase {\n    id\n    status\n    market\n    dueAt\n    overdue\n    reviewer\n  }\n": types.InboxCaseFieldsFragmentDoc,
    "\n  query ReviewerInbox {\n    open: reviewCases(filter: { status: OPEN }, first: 50) {\n      nodes {\n        ...InboxCaseFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    claimed: reviewCases(filter: { status: IN_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n    second: reviewCases(filter: { status: PENDING_SECOND_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n  }\n": types.ReviewerInboxDocument,
    "\n  fragment FigureFields on OutcomeFigures {\n    decisions\n    volume\n    mature\n    immature\n    bad\n    inferred\n    inferredBad\n    badRate\n    badRateLow\n    badRateHigh\n    loss\n    lossLow\n    lossHigh\n    lossRate\n  }\n": types.FigureFieldsFragmentDoc,
    "\n  fragment SweepPointFields on SensitivityPoint {\n    cutoff\n    declineRate\n    approvalRate\n    badRate\n    lossRate\n  }\n": types.SweepPointFieldsFragmentDoc,
    "\n  fragment RuleFields on ThresholdRule {\n    measuredValue\n    factor\n    comparator\n    cutoff\n    enabled\n    reasonCode\n    scale\n  }\n": types.RuleFieldsFragmentDoc,
    "\n  fragment ImpactFields on ThresholdImpact {\n    available\n    note\n    from\n    to\n    decisions\n    declineRateNow\n    declineRateProposed\n    approvedToDeclined\n    declinedToApproved\n    badDefinition\n    approvalRateNow\n    approvalRateProposed\n    badRateNow\n    badRateProposed\n    badRateProposedLow\n    badRateProposedHigh\n    lossNow\n    lossProposed\n    lossRateNow\n    lossRateProposed\n    matureDecisions\n  }\n": types.ImpactFieldsFragmentDoc,
    "\n  query WhatIfStatus {\n    whatIfStatus {\n      loaded\n      total\n      ready\n    }\n  }\n": types.WhatIfStatusDocument,
    "\n  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {\n    thresholdDiff(from: $from, to: $to) {\n      measuredValue\n      factor\n      oldComparator\n      newComparator\n      oldCutoff\n      newCutoff\n      oldEnabled\n      newEnabled\n    }\n  }\n": types.ThresholdDiffDocument,
    "\n  query Vintages($market: String!) {\n    vintages(market: $market) {\n      market\n      from\n      to\n      badDefinition {\n        version\n        description\n      }\n      activations {\n        id\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      series {\n        vintage\n        group\n        approved\n        volume\n        points {\n          monthsSinceDecision\n          bad\n          badRate\n          loss\n          lossRate\n        }\n      }\n    }\n  }\n": types.VintagesDocument,
    "\n  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {\n    simulate(market: $market, proposal: $proposal) {\n      market\n      from\n      to\n      baselineVersion {\n        id\n        version\n      }\n      assessed\n      declinedNow\n      declinedProposed\n      declineRateNow\n      declineRateProposed\n      approvedToDeclined\n      declinedToApproved\n      reasons {\n        code\n        now\n        proposed\n      }\n      days {\n        day\n        assessed\n        declinedNow\n        declinedProposed\n      }\n      sampleApprovedToDeclined {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      sampleDeclinedToApproved {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      badDefinition {\n        version\n        description\n        windowMonths\n      }\n      approvalRateNow\n      approvalRateProposed\n      outcomesNow {\n        ...FigureFields\n      }\n      outcomesProposed {\n        ...FigureFields\n      }\n      swapSet {\n        keptApproved {\n          ...FigureFields\n        }\n        swapOut {\n          ...FigureFields\n        }\n        swapIn {\n          ...FigureFields\n        }\n        keptDeclined {\n          ...FigureFields\n        }\n      }\n      immatureShare\n      inference {\n        available\n        note\n        method\n        samples\n        bads\n        auc\n      }\n    }\n  }\n": types.SimulateDocument,
    "\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.AdminTokensDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n": types.SetUserRolesDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n": types.EnableUserDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n        closing\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n      kind\n      overturnsReference\n      reviewRequestableUntil\n      review {\n        status\n        dueAt\n        overdue\n        outcome\n        decidedAt\n        newDecisionReference\n      }\n    }\n  }\n": types.AgentDecisionDocument,
    "\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n": types.VerifyAuditChainDocument,
    "\n  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {\n    previewMessage(code: $code, locale: $locale, text: $text) {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n  }\n": types.PreviewMessageDocument,
    "\n  fragment CatalogChangeFields on CatalogChange {\n    code\n    locale\n    audience\n    kind\n    before {\n      title\n      body\n      steps\n    }\n    after {\n      title\n      body\n      steps\n    }\n  }\n": types.CatalogChangeFieldsFragmentDoc,
    "\n  fragment CatalogEntryFields on CatalogEntry {\n    code\n    locale\n    audience\n    text {\n      title\n      body\n      steps\n    }\n  }\n": types.CatalogEntryFieldsFragmentDoc,
    "\n  query CatalogVersion {\n    catalogVersion {\n      version\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n": types.CatalogVersionDocument,
    "\n  query CatalogDrafts($status: CatalogDraftStatus) {\n    catalogDrafts(status: $status, first: 20) {\n      nodes {\n        id\n        status\n        author\n        baseVersion\n        revision\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.CatalogDraftsDocument,
    "\n  query CatalogDraft($id: ID!) {\n    catalogDraft(id: $id) {\n      id\n      baseVersion\n      status\n      revision\n      author\n      reviewer\n      comment\n      publishedVersion\n      createdAt\n      updatedAt\n      changes {\n        ...CatalogChangeFields\n      }\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n": types.CatalogDraftDocument,
    "\n  mutation CreateCatalogDraft {\n    createCatalogDraft {\n      id\n    }\n  }\n": types.CreateCatalogDraftDocument,
    "\n  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {\n    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {\n      id\n      revision\n    }\n  }\n": types.EditCatalogTextDocument,
    "\n  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {\n    submitCatalogDraft(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n": types.SubmitCatalogDraftDocument,
    "\n  mutation ApproveCatalogDraft($id: ID!) {\n    approveCatalogDraft(id: $id) {\n      id\n      publishedVersion\n    }\n  }\n": types.ApproveCatalogDraftDocument,
    "\n  mutation RejectCatalogDraft($id: ID!, $comment: String!) {\n    rejectCatalogDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.RejectCatalogDraftDocument,
    "\n  query CatalogDiff($from: Int!, $to: Int!) {\n    catalogDiff(from: $from, to: $to) {\n      ...CatalogChangeFields\n    }\n  }\n": types.CatalogDiffDocument,
    "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      ...DecisionFull\n      overturns {\n        id\n        reference\n      }\n      overturnedBy {\n        id\n        reference\n      }\n      reviewCases {\n        id\n        status\n        requestedAt\n        dueAt\n        overdue\n        outcome\n        decidedAt\n      }\n    }\n  }\n": types.DecisionDetailDocument,
    "\n  query DecisionIdByReference($reference: String!) {\n    decisionByReference(reference: $reference) {\n      id\n    }\n  }\n": types.DecisionIdByReferenceDocument,
    "\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        kind\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DecisionsDocument,
    "\n  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {\n    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {\n      from\n      to\n      bucket\n      timeZone\n      omittedSeries\n      source\n      freshAsOf\n      series {\n        market\n        assessed\n        declined\n        rate\n        points {\n          bucketStart\n          assessed\n          declined\n          rate\n        }\n      }\n    }\n    thresholdActivations(market: $market, from: $from, to: $to) {\n      activation {\n        id\n        market\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      version {\n        id\n        version\n        author\n        approver\n      }\n    }\n  }\n": types.OverviewRatesDocument,
    "\n  query OverviewBreakdown($filter: AnalyticsFilter!) {\n    reasonBreakdown(filter: $filter) {\n      assessed\n      declined\n      source\n      freshAsOf\n      reasons {\n        reason\n        factor\n        declined\n        share\n        rate\n      }\n    }\n  }\n": types.OverviewBreakdownDocument,
    "\n  query OverviewOverturnRates($filter: OverturnRateFilter!) {\n    overturnRates(filter: $filter) {\n      market\n      reason\n      decided\n      overturned\n      rate\n    }\n  }\n": types.OverviewOverturnRatesDocument,
    "\n  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {\n    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {\n      from\n      to\n      bucket\n      omitted\n      source\n      freshAsOf\n      anomalies {\n        bucketStart\n        market\n        reason\n        assessed\n        declined\n        rate\n        baselineRate\n        zScore\n        excessDeclines\n        mainReason\n      }\n    }\n  }\n": types.OverviewAnomaliesDocument,
    "\n  fragment RetentionPolicyFields on RetentionPolicy {\n    id\n    version\n    keepMonths\n    afterRetention\n    requestId\n    author\n    approver\n    rationale\n    createdAt\n  }\n": types.RetentionPolicyFieldsFragmentDoc,
    "\n  fragment RetentionRequestFields on RetentionPolicyRequest {\n    id\n    market\n    keepMonths\n    afterRetention\n    rationale\n    baseVersion\n    status\n    author\n    reviewer\n    reviewComment\n    publishedVersionId\n    createdAt\n    updatedAt\n  }\n": types.RetentionRequestFieldsFragmentDoc,
    "\n  fragment LegalHoldFields on LegalHold {\n    id\n    market\n    from\n    to\n    shopperId\n    merchantId\n    reason\n    active\n    placedBy\n    placedAt\n    liftedBy\n    liftedAt\n    liftComment\n  }\n": types.LegalHoldFieldsFragmentDoc,
    "\n  fragment RetentionPlanFields on RetentionPlan {\n    asOf\n    countsAsOf\n    months {\n      month\n      decisions\n      dueAt\n      afterRetention\n      state\n      heldBy {\n        id\n        placedAt\n      }\n    }\n  }\n": types.RetentionPlanFieldsFragmentDoc,
    "\n  query RetentionMarket($market: String!) {\n    retentionPolicies {\n      market\n      floor {\n        months\n        basis\n      }\n      maxKeepMonths\n      policy {\n        ...RetentionPolicyFields\n      }\n    }\n    retentionPolicyVersions(market: $market, first: 20) {\n      nodes {\n        ...RetentionPolicyFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    retentionPolicyRequests(market: $market, first: 20) {\n      nodes {\n        ...RetentionRequestFields\n      }\n    }\n    retentionPlan(market: $market) {\n      ...RetentionPlanFields\n    }\n  }\n": types.RetentionMarketDocument,
    "\n  query LegalHolds($active: Boolean) {\n    legalHolds(active: $active, first: 50) {\n      nodes {\n        ...LegalHoldFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.LegalHoldsDocument,
    "\n  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {\n    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {\n      ...RetentionRequestFields\n    }\n  }\n": types.ProposeRetentionPolicyDocument,
    "\n  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {\n    approveRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n": types.ApproveRetentionPolicyRequestDocument,
    "\n  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {\n    rejectRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n": types.RejectRetentionPolicyRequestDocument,
    "\n  mutation PlaceLegalHold($input: LegalHoldInput!) {\n    placeLegalHold(input: $input) {\n      ...LegalHoldFields\n    }\n  }\n": types.PlaceLegalHoldDocument,
    "\n  mutation LiftLegalHold($id: ID!, $comment: String!) {\n    liftLegalHold(id: $id, comment: $comment) {\n      ...LegalHoldFields\n    }\n  }\n": types.LiftLegalHoldDocument,
    "\n  query ReviewCasePage($id: ID!) {\n    reviewCase(id: $id) {\n      id\n      status\n      market\n      statement\n      locale\n      requestedBy\n      requestedAt\n      dueAt\n      overdue\n      reviewer\n      claimedAt\n      outcome\n      reason\n      decidedAt\n      secondReviewRequired\n      secondReviewer\n      secondReviewComment\n      secondReviewedAt\n      newDecision {\n        id\n        reference\n      }\n      notices {\n        kind\n        locale\n        title\n        body\n        sentAt\n      }\n      decision {\n        ...DecisionFull\n      }\n    }\n  }\n": types.ReviewCasePageDocument,
    "\n  mutation ClaimReviewCase($id: ID!) {\n    claimReviewCase(id: $id) {\n      id\n      status\n    }\n  }\n": types.ClaimReviewCaseDocument,
    "\n  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {\n    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.DecideReviewCaseDocument,
    "\n  mutation ApproveOverturn($id: ID!, $comment: String) {\n    approveOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.ApproveOverturnDocument,
    "\n  mutation RejectOverturn($id: ID!, $comment: String!) {\n    rejectOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.RejectOverturnDocument,
    "\n  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {\n    reviewCases(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        market\n        requestedAt\n        dueAt\n        overdue\n        reviewer\n        decision {\n          id\n          reference\n          amount\n          currency\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  fragment ShadowComparisonFields on ShadowComparison {\n    from\n    to\n    freshAsOf\n    decisions\n    liveDeclineRate\n    shadowDeclineRate\n    series {\n      start\n      decisions\n      liveDeclined\n      shadowDeclined\n      liveDeclineRate\n      shadowDeclineRate\n    }\n    cells {\n      agreement\n      decisions\n      share\n      mature\n      bad\n      badRate\n      samples(first: 10) {\n        id\n        reference\n        createdAt\n        outcome\n      }\n    }\n    reasons {\n      reason\n      live\n      shadow\n    }\n  }\n": types.ShadowComparisonFieldsFragmentDoc,
    "\n  query ShadowRun($id: ID!, $arm: Arm, $bucket: AnalyticsBucket!) {\n    thresholdShadow(id: $id) {\n      ...ShadowFields\n      predicted {\n        available\n        note\n        declineRateNow\n        declineRateProposed\n        from\n        to\n        decisions\n      }\n      comparison(arm: $arm, bucket: $bucket) {\n        ...ShadowComparisonFields\n      }\n    }\n    thresholdSplits(first: 20) {\n      id\n      market\n      startedAt\n      endedAt\n    }\n  }\n": types.ShadowRunDocument,
    "\n  query ThresholdDraft($id: ID!) {\n    thresholdDraft(id: $id) {\n      id\n      market\n      baseVersionId\n      status\n      revision\n      author\n      rationale\n      reviewer\n      reviewComment\n      publishedVersionId\n      createdAt\n      updatedAt\n      submittedAt\n      reviewedAt\n      rules {\n        ...RuleFields\n      }\n      impact {\n        ...ImpactFields\n      }\n    }\n  }\n": types.ThresholdDraftDocument,
    "\n  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {\n    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {\n      id\n      revision\n      updatedAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n": types.EditThresholdDraftDocument,
    "\n  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {\n      id\n      status\n    }\n  }\n": types.SubmitThresholdDraftDocument,
    "\n  mutation ApproveThresholdDraft($id: ID!, $comment: String) {\n    approveThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n      publishedVersionId\n    }\n  }\n": types.ApproveThresholdDraftDocument,
    "\n  mutation RejectThresholdDraft($id: ID!, $comment: String!) {\n    rejectThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n": types.RejectThresholdDraftDocument,
    "\n  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {\n    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points, spacing: QUANTILES) {\n      measuredValue\n      comparator\n      assessed\n      declineRateWithoutRule\n      proposedCutoff\n      proposedRate\n      points {\n        ...SweepPointFields\n      }\n      nowPoint {\n        ...SweepPointFields\n      }\n      proposedPoint {\n        ...SweepPointFields\n      }\n    }\n  }\n": types.SensitivityDocument,
    "\n  query ThresholdVersionPage($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      market\n      version\n      author\n      approver\n      rationale\n      createdAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n": types.ThresholdVersionPageDocument,
    "\n  query ThresholdVersionState($market: String!) {\n    thresholdVersions(market: $market, first: 100) {\n      nodes {\n        status\n        version {\n          id\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    activeThresholdVersion(market: $market) {\n      version {\n        id\n        version\n      }\n    }\n  }\n": types.ThresholdVersionStateDocument,
    "\n  query ActivationImpact($versionId: ID!) {\n    activationImpact(versionId: $versionId) {\n      activation {\n        id\n        activatedAt\n        activatedBy\n        emergency\n      }\n      predicted {\n        ...ImpactFields\n      }\n      realized {\n        ...RateWindowFields\n      }\n      before {\n        ...RateWindowFields\n      }\n      complete\n      predictionError\n      outcomes {\n        predictedBadRate\n        approved\n        mature\n        bad\n        realizedBadRate\n        allMatureAt\n        note\n      }\n    }\n  }\n": types.ActivationImpactDocument,
    "\n  fragment RateWindowFields on RateWindow {\n    from\n    to\n    assessed\n    declined\n    rate\n  }\n": types.RateWindowFieldsFragmentDoc,
    "\n  mutation ActivateThresholdVersion($id: ID!, $at: Time) {\n    activateThresholdVersion(id: $id, at: $at) {\n      id\n      activatedAt\n    }\n  }\n": types.ActivateThresholdVersionDocument,
    "\n  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {\n    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {\n      activation {\n        id\n        activatedAt\n      }\n      draft {\n        id\n      }\n    }\n  }\n": types.RollbackThresholdVersionDocument,
    "\n  query MarketThresholds($market: String!) {\n    thresholdVersions(market: $market, first: 50) {\n      nodes {\n        status\n        version {\n          id\n          version\n          author\n          approver\n          rationale\n          createdAt\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    thresholdDrafts(market: $market, first: 50) {\n      nodes {\n        id\n        status\n        revision\n        author\n        rationale\n        createdAt\n        updatedAt\n        submittedAt\n        reviewer\n        publishedVersionId\n        impact {\n          available\n          declineRateNow\n          declineRateProposed\n          approvedToDeclined\n          declinedToApproved\n          badRateNow\n          badRateProposed\n          lossNow\n          lossProposed\n        }\n      }\n    }\n  }\n": types.MarketThresholdsDocument,
    "\n  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {\n    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {\n      id\n    }\n  }\n": types.CreateThresholdDraftDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DecisionFull on Decision {\n    id\n    reference\n    createdAt\n    market\n    currency\n    amount\n    shopperId\n    locale\n    channel\n    outcome\n    kind\n    reviewer\n    reviewReason\n    merchant {\n      id\n      name\n      category\n    }\n    reasons {\n      rank\n      code\n      measuredValue\n      factor\n    }\n    breakdown\n    thresholdVersion {\n      id\n      market\n      version\n    }\n    catalogVersionId\n    arm\n    shadows {\n      versionId\n      version\n      outcome\n      reasons\n    }\n    message {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n    repayment {\n      status\n      outstandingMinor\n      writtenOffMinor\n      currency\n      class\n      matureAt\n      events {\n        eventId\n        observedAt\n        status\n        outstandingMinor\n        writtenOffMinor\n        recordedAt\n      }\n    }\n  }\n"): typeof import('./graphql').DecisionFullFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n"): typeof import('./graphql').PinnedThresholdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BadDefinitionPanel($market: String!) {\n    badDefinition(market: $market) {\n      id\n      version\n      level\n      windowMonths\n      description\n      author\n      approver\n      createdAt\n    }\n    badDefinitionDrafts(market: $market, first: 10) {\n      nodes {\n        ...BadDraftFields\n      }\n    }\n  }\n"): typeof import('./graphql').BadDefinitionPanelDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BadDraftFields on BadDefinitionDraft {\n    id\n    market\n    status\n    revision\n    author\n    rationale\n    level\n    windowMonths\n    description\n    reviewer\n    reviewComment\n    updatedAt\n  }\n"): typeof import('./graphql').BadDraftFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBadDefinitionDraft($market: String!) {\n    createBadDefinitionDraft(market: $market) {\n      ...BadDraftFields\n    }\n  }\n"): typeof import('./graphql').CreateBadDefinitionDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {\n    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {\n      ...BadDraftFields\n    }\n  }\n"): typeof import('./graphql').EditBadDefinitionDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {\n      ...BadDraftFields\n    }\n  }\n"): typeof import('./graphql').SubmitBadDefinitionDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {\n    approveBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n"): typeof import('./graphql').ApproveBadDefinitionDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {\n    rejectBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n"): typeof import('./graphql').RejectBadDefinitionDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ErasureRequestFields on ErasureRequest {\n    id\n    reference\n    requestedBy\n    requestedAt\n    state\n    dueAt\n    erasedAtRequest\n    erasedLater\n    doneAt\n  }\n"): typeof import('./graphql').ErasureRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErasureRequests($state: ErasureRequestState, $first: Int!, $after: String) {\n    erasureRequests(state: $state, first: $first, after: $after) {\n      nodes {\n        ...ErasureRequestFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ErasureRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestErasure($shopperId: String!, $reference: String) {\n    requestErasure(shopperId: $shopperId, reference: $reference) {\n      request {\n        ...ErasureRequestFields\n      }\n      erasedNow\n      waiting\n      repeated\n    }\n  }\n"): typeof import('./graphql').RequestErasureDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShadowFields on ThresholdShadow {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    startedAt\n    startedBy\n    endsAt\n    stoppedAt\n    stoppedBy\n    running\n  }\n"): typeof import('./graphql').ShadowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ArmRateFields on ArmRate {\n    arm\n    decisions\n    declined\n    declineRate\n  }\n"): typeof import('./graphql').ArmRateFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SplitFields on ThresholdSplit {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    requestId\n    startedAt\n    startedBy\n    endedAt\n    endedBy\n    running\n    arms {\n      ...ArmRateFields\n    }\n  }\n"): typeof import('./graphql').SplitFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SplitRequestFields on ThresholdSplitRequest {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    rationale\n    status\n    author\n    reviewer\n    reviewComment\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').SplitRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionExperiments($versionId: ID!, $market: String!) {\n    thresholdShadows(versionId: $versionId, first: 20) {\n      ...ShadowFields\n    }\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        id\n      }\n      split {\n        ...SplitFields\n      }\n    }\n    thresholdSplitRequests(market: $market, first: 20) {\n      nodes {\n        ...SplitRequestFields\n      }\n    }\n  }\n"): typeof import('./graphql').VersionExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {\n    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {\n      ...ShadowFields\n    }\n  }\n"): typeof import('./graphql').StartThresholdShadowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopThresholdShadow($id: ID!) {\n    stopThresholdShadow(id: $id) {\n      ...ShadowFields\n    }\n  }\n"): typeof import('./graphql').StopThresholdShadowDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {\n    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {\n      ...SplitRequestFields\n    }\n  }\n"): typeof import('./graphql').RequestThresholdSplitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {\n    approveThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n"): typeof import('./graphql').ApproveThresholdSplitRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {\n    rejectThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n"): typeof import('./graphql').RejectThresholdSplitRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopThresholdSplit($market: String!) {\n    stopThresholdSplit(market: $market) {\n      ...SplitFields\n    }\n  }\n"): typeof import('./graphql').StopThresholdSplitDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketExperiments($market: String) {\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        ...ShadowFields\n      }\n      split {\n        ...SplitFields\n      }\n    }\n  }\n"): typeof import('./graphql').MarketExperimentsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Markets {\n    markets {\n      code\n      name\n      hasDecisions\n    }\n  }\n"): typeof import('./graphql').MarketsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingSubmissions {\n    thresholdDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        market\n        author\n        submittedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    catalogDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        author\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    thresholdSplitRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n        version {\n          version {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').PendingSubmissionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingRetentionRequests {\n    retentionPolicyRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').PendingRetentionRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InboxCaseFields on ReviewCase {\n    id\n    status\n    market\n    dueAt\n    overdue\n    reviewer\n  }\n"): typeof import('./graphql').InboxCaseFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewerInbox {\n    open: reviewCases(filter: { status: OPEN }, first: 50) {\n      nodes {\n        ...InboxCaseFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    claimed: reviewCases(filter: { status: IN_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n    second: reviewCases(filter: { status: PENDING_SECOND_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewerInboxDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FigureFields on OutcomeFigures {\n    decisions\n    volume\n    mature\n    immature\n    bad\n    inferred\n    inferredBad\n    badRate\n    badRateLow\n    badRateHigh\n    loss\n    lossLow\n    lossHigh\n    lossRate\n  }\n"): typeof import('./graphql').FigureFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SweepPointFields on SensitivityPoint {\n    cutoff\n    declineRate\n    approvalRate\n    badRate\n    lossRate\n  }\n"): typeof import('./graphql').SweepPointFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RuleFields on ThresholdRule {\n    measuredValue\n    factor\n    comparator\n    cutoff\n    enabled\n    reasonCode\n    scale\n  }\n"): typeof import('./graphql').RuleFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ImpactFields on ThresholdImpact {\n    available\n    note\n    from\n    to\n    decisions\n    declineRateNow\n    declineRateProposed\n    approvedToDeclined\n    declinedToApproved\n    badDefinition\n    approvalRateNow\n    approvalRateProposed\n    badRateNow\n    badRateProposed\n    badRateProposedLow\n    badRateProposedHigh\n    lossNow\n    lossProposed\n    lossRateNow\n    lossRateProposed\n    matureDecisions\n  }\n"): typeof import('./graphql').ImpactFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhatIfStatus {\n    whatIfStatus {\n      loaded\n      total\n      ready\n    }\n  }\n"): typeof import('./graphql').WhatIfStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {\n    thresholdDiff(from: $from, to: $to) {\n      measuredValue\n      factor\n      oldComparator\n      newComparator\n      oldCutoff\n      newCutoff\n      oldEnabled\n      newEnabled\n    }\n  }\n"): typeof import('./graphql').ThresholdDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Vintages($market: String!) {\n    vintages(market: $market) {\n      market\n      from\n      to\n      badDefinition {\n        version\n        description\n      }\n      activations {\n        id\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      series {\n        vintage\n        group\n        approved\n        volume\n        points {\n          monthsSinceDecision\n          bad\n          badRate\n          loss\n          lossRate\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').VintagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {\n    simulate(market: $market, proposal: $proposal) {\n      market\n      from\n      to\n      baselineVersion {\n        id\n        version\n      }\n      assessed\n      declinedNow\n      declinedProposed\n      declineRateNow\n      declineRateProposed\n      approvedToDeclined\n      declinedToApproved\n      reasons {\n        code\n        now\n        proposed\n      }\n      days {\n        day\n        assessed\n        declinedNow\n        declinedProposed\n      }\n      sampleApprovedToDeclined {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      sampleDeclinedToApproved {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      badDefinition {\n        version\n        description\n        windowMonths\n      }\n      approvalRateNow\n      approvalRateProposed\n      outcomesNow {\n        ...FigureFields\n      }\n      outcomesProposed {\n        ...FigureFields\n      }\n      swapSet {\n        keptApproved {\n          ...FigureFields\n        }\n        swapOut {\n          ...FigureFields\n        }\n        swapIn {\n          ...FigureFields\n        }\n        keptDeclined {\n          ...FigureFields\n        }\n      }\n      immatureShare\n      inference {\n        available\n        note\n        method\n        samples\n        bads\n        auc\n      }\n    }\n  }\n"): typeof import('./graphql').SimulateDocument;
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
export function graphql(source: "\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n        closing\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n      kind\n      overturnsReference\n      reviewRequestableUntil\n      review {\n        status\n        dueAt\n        overdue\n        outcome\n        decidedAt\n        newDecisionReference\n      }\n    }\n  }\n"): typeof import('./graphql').AgentDecisionDocument;
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
export function graphql(source: "\n  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {\n    previewMessage(code: $code, locale: $locale, text: $text) {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n  }\n"): typeof import('./graphql').PreviewMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogChangeFields on CatalogChange {\n    code\n    locale\n    audience\n    kind\n    before {\n      title\n      body\n      steps\n    }\n    after {\n      title\n      body\n      steps\n    }\n  }\n"): typeof import('./graphql').CatalogChangeFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogEntryFields on CatalogEntry {\n    code\n    locale\n    audience\n    text {\n      title\n      body\n      steps\n    }\n  }\n"): typeof import('./graphql').CatalogEntryFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogVersion {\n    catalogVersion {\n      version\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogDrafts($status: CatalogDraftStatus) {\n    catalogDrafts(status: $status, first: 20) {\n      nodes {\n        id\n        status\n        author\n        baseVersion\n        revision\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogDraftsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogDraft($id: ID!) {\n    catalogDraft(id: $id) {\n      id\n      baseVersion\n      status\n      revision\n      author\n      reviewer\n      comment\n      publishedVersion\n      createdAt\n      updatedAt\n      changes {\n        ...CatalogChangeFields\n      }\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCatalogDraft {\n    createCatalogDraft {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateCatalogDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {\n    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {\n      id\n      revision\n    }\n  }\n"): typeof import('./graphql').EditCatalogTextDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {\n    submitCatalogDraft(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SubmitCatalogDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveCatalogDraft($id: ID!) {\n    approveCatalogDraft(id: $id) {\n      id\n      publishedVersion\n    }\n  }\n"): typeof import('./graphql').ApproveCatalogDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectCatalogDraft($id: ID!, $comment: String!) {\n    rejectCatalogDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectCatalogDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogDiff($from: Int!, $to: Int!) {\n    catalogDiff(from: $from, to: $to) {\n      ...CatalogChangeFields\n    }\n  }\n"): typeof import('./graphql').CatalogDiffDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      ...DecisionFull\n      overturns {\n        id\n        reference\n      }\n      overturnedBy {\n        id\n        reference\n      }\n      reviewCases {\n        id\n        status\n        requestedAt\n        dueAt\n        overdue\n        outcome\n        decidedAt\n      }\n    }\n  }\n"): typeof import('./graphql').DecisionDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DecisionIdByReference($reference: String!) {\n    decisionByReference(reference: $reference) {\n      id\n    }\n  }\n"): typeof import('./graphql').DecisionIdByReferenceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        kind\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').DecisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {\n    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {\n      from\n      to\n      bucket\n      timeZone\n      omittedSeries\n      source\n      freshAsOf\n      series {\n        market\n        assessed\n        declined\n        rate\n        points {\n          bucketStart\n          assessed\n          declined\n          rate\n        }\n      }\n    }\n    thresholdActivations(market: $market, from: $from, to: $to) {\n      activation {\n        id\n        market\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      version {\n        id\n        version\n        author\n        approver\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewBreakdown($filter: AnalyticsFilter!) {\n    reasonBreakdown(filter: $filter) {\n      assessed\n      declined\n      source\n      freshAsOf\n      reasons {\n        reason\n        factor\n        declined\n        share\n        rate\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewBreakdownDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewOverturnRates($filter: OverturnRateFilter!) {\n    overturnRates(filter: $filter) {\n      market\n      reason\n      decided\n      overturned\n      rate\n    }\n  }\n"): typeof import('./graphql').OverviewOverturnRatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {\n    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {\n      from\n      to\n      bucket\n      omitted\n      source\n      freshAsOf\n      anomalies {\n        bucketStart\n        market\n        reason\n        assessed\n        declined\n        rate\n        baselineRate\n        zScore\n        excessDeclines\n        mainReason\n      }\n    }\n  }\n"): typeof import('./graphql').OverviewAnomaliesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RetentionPolicyFields on RetentionPolicy {\n    id\n    version\n    keepMonths\n    afterRetention\n    requestId\n    author\n    approver\n    rationale\n    createdAt\n  }\n"): typeof import('./graphql').RetentionPolicyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RetentionRequestFields on RetentionPolicyRequest {\n    id\n    market\n    keepMonths\n    afterRetention\n    rationale\n    baseVersion\n    status\n    author\n    reviewer\n    reviewComment\n    publishedVersionId\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql').RetentionRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LegalHoldFields on LegalHold {\n    id\n    market\n    from\n    to\n    shopperId\n    merchantId\n    reason\n    active\n    placedBy\n    placedAt\n    liftedBy\n    liftedAt\n    liftComment\n  }\n"): typeof import('./graphql').LegalHoldFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RetentionPlanFields on RetentionPlan {\n    asOf\n    countsAsOf\n    months {\n      month\n      decisions\n      dueAt\n      afterRetention\n      state\n      heldBy {\n        id\n        placedAt\n      }\n    }\n  }\n"): typeof import('./graphql').RetentionPlanFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionMarket($market: String!) {\n    retentionPolicies {\n      market\n      floor {\n        months\n        basis\n      }\n      maxKeepMonths\n      policy {\n        ...RetentionPolicyFields\n      }\n    }\n    retentionPolicyVersions(market: $market, first: 20) {\n      nodes {\n        ...RetentionPolicyFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    retentionPolicyRequests(market: $market, first: 20) {\n      nodes {\n        ...RetentionRequestFields\n      }\n    }\n    retentionPlan(market: $market) {\n      ...RetentionPlanFields\n    }\n  }\n"): typeof import('./graphql').RetentionMarketDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LegalHolds($active: Boolean) {\n    legalHolds(active: $active, first: 50) {\n      nodes {\n        ...LegalHoldFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): typeof import('./graphql').LegalHoldsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {\n    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {\n      ...RetentionRequestFields\n    }\n  }\n"): typeof import('./graphql').ProposeRetentionPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {\n    approveRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n"): typeof import('./graphql').ApproveRetentionPolicyRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {\n    rejectRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n"): typeof import('./graphql').RejectRetentionPolicyRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlaceLegalHold($input: LegalHoldInput!) {\n    placeLegalHold(input: $input) {\n      ...LegalHoldFields\n    }\n  }\n"): typeof import('./graphql').PlaceLegalHoldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LiftLegalHold($id: ID!, $comment: String!) {\n    liftLegalHold(id: $id, comment: $comment) {\n      ...LegalHoldFields\n    }\n  }\n"): typeof import('./graphql').LiftLegalHoldDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewCasePage($id: ID!) {\n    reviewCase(id: $id) {\n      id\n      status\n      market\n      statement\n      locale\n      requestedBy\n      requestedAt\n      dueAt\n      overdue\n      reviewer\n      claimedAt\n      outcome\n      reason\n      decidedAt\n      secondReviewRequired\n      secondReviewer\n      secondReviewComment\n      secondReviewedAt\n      newDecision {\n        id\n        reference\n      }\n      notices {\n        kind\n        locale\n        title\n        body\n        sentAt\n      }\n      decision {\n        ...DecisionFull\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewCasePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClaimReviewCase($id: ID!) {\n    claimReviewCase(id: $id) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ClaimReviewCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {\n    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').DecideReviewCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveOverturn($id: ID!, $comment: String) {\n    approveOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').ApproveOverturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectOverturn($id: ID!, $comment: String!) {\n    rejectOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectOverturnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {\n    reviewCases(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        market\n        requestedAt\n        dueAt\n        overdue\n        reviewer\n        decision {\n          id\n          reference\n          amount\n          currency\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ReviewQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShadowComparisonFields on ShadowComparison {\n    from\n    to\n    freshAsOf\n    decisions\n    liveDeclineRate\n    shadowDeclineRate\n    series {\n      start\n      decisions\n      liveDeclined\n      shadowDeclined\n      liveDeclineRate\n      shadowDeclineRate\n    }\n    cells {\n      agreement\n      decisions\n      share\n      mature\n      bad\n      badRate\n      samples(first: 10) {\n        id\n        reference\n        createdAt\n        outcome\n      }\n    }\n    reasons {\n      reason\n      live\n      shadow\n    }\n  }\n"): typeof import('./graphql').ShadowComparisonFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShadowRun($id: ID!, $arm: Arm, $bucket: AnalyticsBucket!) {\n    thresholdShadow(id: $id) {\n      ...ShadowFields\n      predicted {\n        available\n        note\n        declineRateNow\n        declineRateProposed\n        from\n        to\n        decisions\n      }\n      comparison(arm: $arm, bucket: $bucket) {\n        ...ShadowComparisonFields\n      }\n    }\n    thresholdSplits(first: 20) {\n      id\n      market\n      startedAt\n      endedAt\n    }\n  }\n"): typeof import('./graphql').ShadowRunDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThresholdDraft($id: ID!) {\n    thresholdDraft(id: $id) {\n      id\n      market\n      baseVersionId\n      status\n      revision\n      author\n      rationale\n      reviewer\n      reviewComment\n      publishedVersionId\n      createdAt\n      updatedAt\n      submittedAt\n      reviewedAt\n      rules {\n        ...RuleFields\n      }\n      impact {\n        ...ImpactFields\n      }\n    }\n  }\n"): typeof import('./graphql').ThresholdDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {\n    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {\n      id\n      revision\n      updatedAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n"): typeof import('./graphql').EditThresholdDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').SubmitThresholdDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveThresholdDraft($id: ID!, $comment: String) {\n    approveThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n      publishedVersionId\n    }\n  }\n"): typeof import('./graphql').ApproveThresholdDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectThresholdDraft($id: ID!, $comment: String!) {\n    rejectThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql').RejectThresholdDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {\n    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points, spacing: QUANTILES) {\n      measuredValue\n      comparator\n      assessed\n      declineRateWithoutRule\n      proposedCutoff\n      proposedRate\n      points {\n        ...SweepPointFields\n      }\n      nowPoint {\n        ...SweepPointFields\n      }\n      proposedPoint {\n        ...SweepPointFields\n      }\n    }\n  }\n"): typeof import('./graphql').SensitivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThresholdVersionPage($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      market\n      version\n      author\n      approver\n      rationale\n      createdAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n"): typeof import('./graphql').ThresholdVersionPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThresholdVersionState($market: String!) {\n    thresholdVersions(market: $market, first: 100) {\n      nodes {\n        status\n        version {\n          id\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    activeThresholdVersion(market: $market) {\n      version {\n        id\n        version\n      }\n    }\n  }\n"): typeof import('./graphql').ThresholdVersionStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActivationImpact($versionId: ID!) {\n    activationImpact(versionId: $versionId) {\n      activation {\n        id\n        activatedAt\n        activatedBy\n        emergency\n      }\n      predicted {\n        ...ImpactFields\n      }\n      realized {\n        ...RateWindowFields\n      }\n      before {\n        ...RateWindowFields\n      }\n      complete\n      predictionError\n      outcomes {\n        predictedBadRate\n        approved\n        mature\n        bad\n        realizedBadRate\n        allMatureAt\n        note\n      }\n    }\n  }\n"): typeof import('./graphql').ActivationImpactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RateWindowFields on RateWindow {\n    from\n    to\n    assessed\n    declined\n    rate\n  }\n"): typeof import('./graphql').RateWindowFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateThresholdVersion($id: ID!, $at: Time) {\n    activateThresholdVersion(id: $id, at: $at) {\n      id\n      activatedAt\n    }\n  }\n"): typeof import('./graphql').ActivateThresholdVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {\n    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {\n      activation {\n        id\n        activatedAt\n      }\n      draft {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql').RollbackThresholdVersionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MarketThresholds($market: String!) {\n    thresholdVersions(market: $market, first: 50) {\n      nodes {\n        status\n        version {\n          id\n          version\n          author\n          approver\n          rationale\n          createdAt\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    thresholdDrafts(market: $market, first: 50) {\n      nodes {\n        id\n        status\n        revision\n        author\n        rationale\n        createdAt\n        updatedAt\n        submittedAt\n        reviewer\n        publishedVersionId\n        impact {\n          available\n          declineRateNow\n          declineRateProposed\n          approvedToDeclined\n          declinedToApproved\n          badRateNow\n          badRateProposed\n          lossNow\n          lossProposed\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MarketThresholdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {\n    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {\n      id\n    }\n  }\n"): typeof import('./graphql').CreateThresholdDraftDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
