const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/Plot-SPuDm91v.js","assets/jsxRuntime.module-kLnmwWvf.js","assets/Plot-CnsZ1jie.css","assets/realized-DThDNdnX.js","assets/AuditLog-BgwdujW5.js"])))=>i.map(i=>d[i]);
import{a as e,c as t,i as n,l as r,n as i,o as a,r as o,s,t as c,u as l}from"./jsxRuntime.module-kLnmwWvf.js";var u=class extends Error{code;requestId;status;fields;limit;retryAfter;constructor(e,t,n,r,i=[],a,o){super(e),this.name=`ApiError`,this.code=t,this.status=n,this.requestId=r,this.fields=i,this.limit=a,this.retryAfter=o}},d=`NETWORK`,f=()=>{};function p(e){f=e}function m(e,t,n){let r=t.get(`X-Request-ID`)??void 0,i=n?.errors?.[0];if(i){let t=i.extensions??{};return new u(i.message||`request failed`,t.code||`ERROR`,e,t.requestId??r,t.fields??[],t.limit,t.retryAfter)}return e<200||e>299?new u(`the server answered ${e}`,`HTTP_${e}`,e,r):null}function h(e){throw e instanceof u&&e.code===`UNAUTHENTICATED`&&f(),e}async function g(e,t){let n;try{n=await fetch(e,{...t,credentials:`same-origin`})}catch(e){throw e.name===`AbortError`?e:new u(`could not reach the server: ${e.message}`,d,0)}let r=await n.text(),i=null;if(r!==``)try{i=JSON.parse(r)}catch{throw new u(`the server answered ${n.status} with a body that is not JSON`,`HTTP_${n.status}`,n.status,n.headers.get(`X-Request-ID`)??void 0)}let a=m(n.status,n.headers,i);if(a)throw a;return i}function _(e){let t=e.__meta__?.hash;if(!t)throw Error(`GraphQL document without a persisted hash: run npm run codegen`);return t.replace(/^sha256:/,``)}function v(e,t){return new Promise((n,r)=>{if(t?.aborted)return r(t.reason);let i=setTimeout(n,e);t?.addEventListener(`abort`,()=>{clearTimeout(i),r(t.reason)},{once:!0})})}async function y(e,t,n){let r=JSON.stringify({variables:t??{},extensions:{persistedQuery:{version:1,sha256Hash:_(e)}}}),i=()=>g(`/graphql`,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:r,signal:n}),a=null;for(let e=0;;e++)try{a=await i();break}catch(t){t instanceof u&&t.code===`LIMIT_EXCEEDED`&&t.limit===`heavyOperations`&&e<3||h(t),await v(1e3*(t.retryAfter??1),n)}if(!a?.data)throw new u(`the server answered without data`,`ERROR`,200);return a.data}function b(e,t){return g(e,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:JSON.stringify(t)})}function x(e,t){return g(e,{headers:{Accept:`application/json`},signal:t})}var S=`riskconsole:navigate`;function C(){return{pathname:window.location.pathname,search:window.location.search}}function w(e,t={}){t.replace?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(S))}function T(){let[t,n]=e(C);return s(()=>{let e=()=>n(C());return window.addEventListener(`popstate`,e),window.addEventListener(S,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(S,e)}},[]),t}function E(e,t){let n=e.split(`/`).filter(Boolean),r=t.split(`/`).filter(Boolean);if(n.length!==r.length)return null;let i={};for(let e=0;e<n.length;e++)if(n[e].startsWith(`:`))try{i[n[e].slice(1)]=decodeURIComponent(r[e])}catch{return null}else if(n[e]!==r[e])return null;return i}function D(e,t){e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),w(t))}function O(e){return c(`a`,{href:e.href,class:e.class,"aria-current":e[`aria-current`],onClick:t=>D(t,e.href),children:e.children})}function k({error:e,title:t}){let n=e instanceof u?e:null,i=e instanceof Error?e.message:String(e);return c(`div`,{class:`error`,role:`alert`,children:[c(`strong`,{children:t??`Something went wrong`}),c(`p`,{children:i}),n&&n.fields.length>0&&c(`ul`,{children:n.fields.map(e=>c(`li`,{children:[c(`code`,{children:e.field}),`: `,e.message]},e.field))}),n&&c(`p`,{class:`meta`,children:[`code `,c(`code`,{children:n.code}),n.requestId&&c(r,{children:[` · `,`request id `,c(`code`,{class:`request-id`,children:n.requestId})]})]})]})}function A({error:e,field:t}){let n=e instanceof u?e.fields.find(e=>e.field===t)?.message:void 0;return n?c(`span`,{class:`field-error`,children:n}):null}function j({msg:e}){return e?c(`span`,{class:`field-error`,children:e}):null}function M({label:e,value:t,max:n}){return c(`div`,{class:`progress`,role:`status`,"aria-live":`polite`,children:[c(`progress`,{value:n?t:void 0,max:n,"aria-label":e}),c(`span`,{children:e})]})}function N(t,r,i,a=!1){let[o,s]=e({data:null,error:null,loading:!a}),[c,l]=e(0);return n(()=>{if(a){s({data:null,error:null,loading:!1});return}let e=new AbortController;return s(e=>({...e,error:null,loading:!0})),y(t,r,e.signal).then(e=>s({data:e,error:null,loading:!1}),t=>{e.signal.aborted||s({data:null,error:t,loading:!1})}),()=>e.abort()},[i,c,a]),{...o,reload:()=>l(e=>e+1)}}function P({title:e,children:t}){return c(`header`,{class:`page-header`,children:[c(`h1`,{tabIndex:-1,children:e}),t]})}var ee={Day:`DAY`,Hour:`HOUR`,Week:`WEEK`},te={Decisions:`DECISIONS`,Rollup:`ROLLUP`},ne={Agent:`AGENT`,Shopper:`SHOPPER`},F={Approved:`APPROVED`,Draft:`DRAFT`,Rejected:`REJECTED`,Submitted:`SUBMITTED`},I={Automated:`AUTOMATED`,ManualReview:`MANUAL_REVIEW`},L={NewestFirst:`NEWEST_FIRST`,OldestFirst:`OLDEST_FIRST`},R={Approved:`APPROVED`,Declined:`DECLINED`},re={AffordabilityInsufficient:`AFFORDABILITY_INSUFFICIENT`,CreditHistoryLimited:`CREDIT_HISTORY_LIMITED`,CreditScoreInsufficient:`CREDIT_SCORE_INSUFFICIENT`,DelinquentObligations:`DELINQUENT_OBLIGATIONS`,EmploymentLength:`EMPLOYMENT_LENGTH`,IdentityUnverified:`IDENTITY_UNVERIFIED`,IncomeInsufficient:`INCOME_INSUFFICIENT`,IncomeUnverified:`INCOME_UNVERIFIED`,ObligationsExcessive:`OBLIGATIONS_EXCESSIVE`,OutstandingCreditHigh:`OUTSTANDING_CREDIT_HIGH`,RecentPlansExcessive:`RECENT_PLANS_EXCESSIVE`,ReservesInsufficient:`RESERVES_INSUFFICIENT`,ResidenceLength:`RESIDENCE_LENGTH`,ResidenceUnverified:`RESIDENCE_UNVERIFIED`,UnderLegalAge:`UNDER_LEGAL_AGE`},ie={Overturn:`OVERTURN`,Uphold:`UPHOLD`},z={InReview:`IN_REVIEW`,Open:`OPEN`,Overturned:`OVERTURNED`,PendingSecondReview:`PENDING_SECOND_REVIEW`,Upheld:`UPHELD`},B={Admin:`ADMIN`,Agent:`AGENT`,Analyst:`ANALYST`,Approver:`APPROVER`,Auditor:`AUDITOR`,Reviewer:`REVIEWER`,Service:`SERVICE`},V={Approved:`APPROVED`,Draft:`DRAFT`,Rejected:`REJECTED`,Submitted:`SUBMITTED`},H=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},ae={"\n  fragment DecisionFull on Decision {\n    id\n    reference\n    createdAt\n    market\n    currency\n    amount\n    shopperId\n    locale\n    channel\n    outcome\n    kind\n    reviewer\n    reviewReason\n    merchant {\n      id\n      name\n      category\n    }\n    reasons {\n      rank\n      code\n      measuredValue\n      factor\n    }\n    breakdown\n    thresholdVersion {\n      id\n      market\n      version\n    }\n    catalogVersionId\n    message {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n    repayment {\n      status\n      outstandingMinor\n      writtenOffMinor\n      currency\n      class\n      matureAt\n      events {\n        eventId\n        observedAt\n        status\n        outstandingMinor\n        writtenOffMinor\n        recordedAt\n      }\n    }\n  }\n":new H(`
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
    `,{fragmentName:`DecisionFull`}),"\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:51e9da442166c86b3ad1bc1ad0dc0995d6aac237b95859bd9c38d470333209b2`}},"\n  query BadDefinitionPanel($market: String!) {\n    badDefinition(market: $market) {\n      id\n      version\n      level\n      windowMonths\n      description\n      author\n      approver\n      createdAt\n    }\n    badDefinitionDrafts(market: $market, first: 10) {\n      nodes {\n        ...BadDraftFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:98ee481f9e1b57fd9b42e0cc243bd93d353727bacdd0df9b76a9ba2dbd8c5139`}},"\n  fragment BadDraftFields on BadDefinitionDraft {\n    id\n    market\n    status\n    revision\n    author\n    rationale\n    level\n    windowMonths\n    description\n    reviewer\n    reviewComment\n    updatedAt\n  }\n":new H(`
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
    `,{fragmentName:`BadDraftFields`}),"\n  mutation CreateBadDefinitionDraft($market: String!) {\n    createBadDefinitionDraft(market: $market) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:8c8bf477d5e0303ca0d0b40232a5b4a24e6a0bbeb5957e9749fd93f6f5b18278`}},"\n  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {\n    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:522707048e6c78f79f7dafe7cc45a06a40a311456d60e3fce53774c30d167032`}},"\n  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:03f53983575f4ccbbc55c54bc65a0b03ec52de1cc1ebd7c6a447d659e7340bf6`}},"\n  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {\n    approveBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:9c891fb8e7efe766297bcc6f1c12506cb704e98c3f42417b5d1d0109393faa1b`}},"\n  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {\n    rejectBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:b5b24653d95211a9d966ff1f2e915c776a7333221cf75b37250b75f006b83bf2`}},"\n  query Markets {\n    markets {\n      code\n      name\n      hasDecisions\n    }\n  }\n":{__meta__:{hash:`sha256:11fb8af121d600e13846052b85ce089a14275489e3299de76ecee25b91c9b4b1`}},"\n  query PendingSubmissions {\n    thresholdDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        market\n        author\n        submittedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    catalogDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        author\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:75bcfb27e04ac25ce99b4811bd2243937e40b349f6330a4981627e9d0c7bad64`}},"\n  fragment InboxCaseFields on ReviewCase {\n    id\n    status\n    market\n    dueAt\n    overdue\n    reviewer\n  }\n":new H(`
    fragment InboxCaseFields on ReviewCase {
  id
  status
  market
  dueAt
  overdue
  reviewer
}
    `,{fragmentName:`InboxCaseFields`}),"\n  query ReviewerInbox {\n    open: reviewCases(filter: { status: OPEN }, first: 50) {\n      nodes {\n        ...InboxCaseFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    claimed: reviewCases(filter: { status: IN_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n    second: reviewCases(filter: { status: PENDING_SECOND_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0ca67cc23c398e684c25e29cb897664fe78d614c0c5a498e6f70c635c1e32d27`}},"\n  fragment FigureFields on OutcomeFigures {\n    decisions\n    volume\n    mature\n    immature\n    bad\n    inferred\n    inferredBad\n    badRate\n    badRateLow\n    badRateHigh\n    loss\n    lossLow\n    lossHigh\n    lossRate\n  }\n":new H(`
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
    `,{fragmentName:`FigureFields`}),"\n  fragment SweepPointFields on SensitivityPoint {\n    cutoff\n    declineRate\n    approvalRate\n    badRate\n    lossRate\n  }\n":new H(`
    fragment SweepPointFields on SensitivityPoint {
  cutoff
  declineRate
  approvalRate
  badRate
  lossRate
}
    `,{fragmentName:`SweepPointFields`}),"\n  fragment RuleFields on ThresholdRule {\n    measuredValue\n    factor\n    comparator\n    cutoff\n    enabled\n    reasonCode\n    scale\n  }\n":new H(`
    fragment RuleFields on ThresholdRule {
  measuredValue
  factor
  comparator
  cutoff
  enabled
  reasonCode
  scale
}
    `,{fragmentName:`RuleFields`}),"\n  fragment ImpactFields on ThresholdImpact {\n    available\n    note\n    from\n    to\n    decisions\n    declineRateNow\n    declineRateProposed\n    approvedToDeclined\n    declinedToApproved\n    badDefinition\n    approvalRateNow\n    approvalRateProposed\n    badRateNow\n    badRateProposed\n    badRateProposedLow\n    badRateProposedHigh\n    lossNow\n    lossProposed\n    lossRateNow\n    lossRateProposed\n    matureDecisions\n  }\n":new H(`
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
    `,{fragmentName:`ImpactFields`}),"\n  query WhatIfStatus {\n    whatIfStatus {\n      loaded\n      total\n      ready\n    }\n  }\n":{__meta__:{hash:`sha256:b6a1174e450ed7c5a7637b0f2ec99220c9c0d104039fd4605df766a5165a6031`}},"\n  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {\n    thresholdDiff(from: $from, to: $to) {\n      measuredValue\n      factor\n      oldComparator\n      newComparator\n      oldCutoff\n      newCutoff\n      oldEnabled\n      newEnabled\n    }\n  }\n":{__meta__:{hash:`sha256:d43b170bab6439e156a838ecdfd15b98fda88e3939b9820efa36d45f0bce0635`}},"\n  query Vintages($market: String!) {\n    vintages(market: $market) {\n      market\n      from\n      to\n      badDefinition {\n        version\n        description\n      }\n      activations {\n        id\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      series {\n        vintage\n        group\n        approved\n        volume\n        points {\n          monthsSinceDecision\n          bad\n          badRate\n          loss\n          lossRate\n        }\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:fae910ca3ba8bb3c357d25edbad4b00f3b73bb0e5911bd0a993d61aea6aba78b`}},"\n  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {\n    simulate(market: $market, proposal: $proposal) {\n      market\n      from\n      to\n      baselineVersion {\n        id\n        version\n      }\n      assessed\n      declinedNow\n      declinedProposed\n      declineRateNow\n      declineRateProposed\n      approvedToDeclined\n      declinedToApproved\n      reasons {\n        code\n        now\n        proposed\n      }\n      days {\n        day\n        assessed\n        declinedNow\n        declinedProposed\n      }\n      sampleApprovedToDeclined {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      sampleDeclinedToApproved {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      badDefinition {\n        version\n        description\n        windowMonths\n      }\n      approvalRateNow\n      approvalRateProposed\n      outcomesNow {\n        ...FigureFields\n      }\n      outcomesProposed {\n        ...FigureFields\n      }\n      swapSet {\n        keptApproved {\n          ...FigureFields\n        }\n        swapOut {\n          ...FigureFields\n        }\n        swapIn {\n          ...FigureFields\n        }\n        keptDeclined {\n          ...FigureFields\n        }\n      }\n      immatureShare\n      inference {\n        available\n        note\n        method\n        samples\n        bads\n        auc\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:925541301f72f80f969813ad9994c6ce31f4994f403f8ba34fa7925690d61981`}},"\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:ef935e70e9fad74c731de4bb66011293057bd43580df2ea9de6e8f41c897d53e`}},"\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:7fc3f544f2388b684bdca40f7105143c4fc60ab8f2aa097be03d8c768196e7f1`}},"\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n":{__meta__:{hash:`sha256:af4ad581cde3b6203efe5ff9c5aef400a2059c611b6ce62738bee1f31c76c657`}},"\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n":{__meta__:{hash:`sha256:6dc1148fe4eeb1c38d74932ac4bdfeffa627118356035d051d4e6f7b27783ea1`}},"\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n":{__meta__:{hash:`sha256:718a35b7d0e52c882e05dbfb3204b9e9b025ebfd7a9b903258929cc26e4af224`}},"\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n":{__meta__:{hash:`sha256:13f1fa4c1b04f47710e50c02d7536d18c6d9b609c7584dfd6de9fa4cb7869923`}},"\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n":{__meta__:{hash:`sha256:281c3973119e2629d80aad203e1fca4297791c9cb4bad19a477490f4913fbc01`}},"\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n":{__meta__:{hash:`sha256:6c552edb9b481c70c8862f7170fc59ae8f50e053b27853b2b86cc3b3f86113cf`}},"\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n        closing\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n      kind\n      overturnsReference\n      reviewRequestableUntil\n      review {\n        status\n        dueAt\n        overdue\n        outcome\n        decidedAt\n        newDecisionReference\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:07dc14634b8a6ab25760a5de4ce7a8bf5fbc821cf5ee01355a2eb4e40266d351`}},"\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:10f78f133254fcafb652e0773e19ef2b0deb982114bac57a571999904d2df4f1`}},"\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n":{__meta__:{hash:`sha256:376cdd1546575dcc887dcc85186347c1e9c45c9c66bebe0edf3ca0ec1ecc0a7f`}},"\n  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {\n    previewMessage(code: $code, locale: $locale, text: $text) {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n  }\n":{__meta__:{hash:`sha256:9916ec37b3c29e5132a50537bb34c6fc3c14e6ec97186a89d3629b8687fece95`}},"\n  fragment CatalogChangeFields on CatalogChange {\n    code\n    locale\n    audience\n    kind\n    before {\n      title\n      body\n      steps\n    }\n    after {\n      title\n      body\n      steps\n    }\n  }\n":new H(`
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
    `,{fragmentName:`CatalogChangeFields`}),"\n  fragment CatalogEntryFields on CatalogEntry {\n    code\n    locale\n    audience\n    text {\n      title\n      body\n      steps\n    }\n  }\n":new H(`
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
    `,{fragmentName:`CatalogEntryFields`}),"\n  query CatalogVersion {\n    catalogVersion {\n      version\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0a984ebfb636949eb0686104f1f12fb6c1519ef052983b3152d2e3bd6ef81a06`}},"\n  query CatalogDrafts($status: CatalogDraftStatus) {\n    catalogDrafts(status: $status, first: 20) {\n      nodes {\n        id\n        status\n        author\n        baseVersion\n        revision\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:e7712909c7931abe1a4cc17f6cf9cad49b65bbc0dd39df6bf01f1be97b1eecb9`}},"\n  query CatalogDraft($id: ID!) {\n    catalogDraft(id: $id) {\n      id\n      baseVersion\n      status\n      revision\n      author\n      reviewer\n      comment\n      publishedVersion\n      createdAt\n      updatedAt\n      changes {\n        ...CatalogChangeFields\n      }\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:dd74e73905db9613317ac69d17aa26943b19b1b06de4d5b1458bbf255d9a9054`}},"\n  mutation CreateCatalogDraft {\n    createCatalogDraft {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:0704605162e1ea55237c76007b60d2b110ff60371affc6ea762d2a2470dc52c8`}},"\n  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {\n    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {\n      id\n      revision\n    }\n  }\n":{__meta__:{hash:`sha256:585ef40cecf9a0ce43f559d613264421e63298316dcf105b5b9c203484b07ea6`}},"\n  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {\n    submitCatalogDraft(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:361a847a6933263d05c91f84b928914c8eee72df65150ed378e5e63599ea2922`}},"\n  mutation ApproveCatalogDraft($id: ID!) {\n    approveCatalogDraft(id: $id) {\n      id\n      publishedVersion\n    }\n  }\n":{__meta__:{hash:`sha256:20c9ee4aca967765c3193eb1337879ae7bdde230fc209937a19fd9380c0802ac`}},"\n  mutation RejectCatalogDraft($id: ID!, $comment: String!) {\n    rejectCatalogDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:a519dd2c810aecba743a8e9a19b2a8cf3f964e058d77bf5949c991ff1e6f516a`}},"\n  query CatalogDiff($from: Int!, $to: Int!) {\n    catalogDiff(from: $from, to: $to) {\n      ...CatalogChangeFields\n    }\n  }\n":{__meta__:{hash:`sha256:185ea9ddcf67556f0bff8578dc5eceb3f2fb04058905ce9a553f114480142a9b`}},"\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      ...DecisionFull\n      overturns {\n        id\n        reference\n      }\n      overturnedBy {\n        id\n        reference\n      }\n      reviewCases {\n        id\n        status\n        requestedAt\n        dueAt\n        overdue\n        outcome\n        decidedAt\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:01a199144e985cbdd807b8bcc4b0f9b2fdfee2e7b6b47d9c19cc8cd3d330cf5b`}},"\n  query DecisionIdByReference($reference: String!) {\n    decisionByReference(reference: $reference) {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:a56fa0340979a2c3b4623a1bb832f9b68c34b67b4b464baaab7b56e4021400d6`}},"\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        kind\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:27da30d7e47ebaba87bd40cab29291919d66433d326fea68ba9674f4df7e6f0d`}},"\n  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {\n    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {\n      from\n      to\n      bucket\n      timeZone\n      omittedSeries\n      source\n      freshAsOf\n      series {\n        market\n        assessed\n        declined\n        rate\n        points {\n          bucketStart\n          assessed\n          declined\n          rate\n        }\n      }\n    }\n    thresholdActivations(market: $market, from: $from, to: $to) {\n      activation {\n        id\n        market\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      version {\n        id\n        version\n        author\n        approver\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:9e3c721405723180db0e20ce59be34e73760bb862220c2a819e47da40b1c837f`}},"\n  query OverviewBreakdown($filter: AnalyticsFilter!) {\n    reasonBreakdown(filter: $filter) {\n      assessed\n      declined\n      source\n      freshAsOf\n      reasons {\n        reason\n        factor\n        declined\n        share\n        rate\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:3ea42846e654253af96788a60e6d53710dddb6ebd50361088c6e13c53dd27152`}},"\n  query OverviewOverturnRates($filter: OverturnRateFilter!) {\n    overturnRates(filter: $filter) {\n      market\n      reason\n      decided\n      overturned\n      rate\n    }\n  }\n":{__meta__:{hash:`sha256:4a6425975f73b9f7f175ed5eeec4a791022991c340a0db4b093775869e57841d`}},"\n  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {\n    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {\n      from\n      to\n      bucket\n      omitted\n      source\n      freshAsOf\n      anomalies {\n        bucketStart\n        market\n        reason\n        assessed\n        declined\n        rate\n        baselineRate\n        zScore\n        excessDeclines\n        mainReason\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0dde46552b350db7c183a5e9431f7dc68aba664defd9b982c577f5941f1754e1`}},"\n  query ReviewCasePage($id: ID!) {\n    reviewCase(id: $id) {\n      id\n      status\n      market\n      statement\n      locale\n      requestedBy\n      requestedAt\n      dueAt\n      overdue\n      reviewer\n      claimedAt\n      outcome\n      reason\n      decidedAt\n      secondReviewRequired\n      secondReviewer\n      secondReviewComment\n      secondReviewedAt\n      newDecision {\n        id\n        reference\n      }\n      notices {\n        kind\n        locale\n        title\n        body\n        sentAt\n      }\n      decision {\n        ...DecisionFull\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:5877c3dc183fbe4d2cbf800140331890779b806ed198fd9938a6e5be3d1b0636`}},"\n  mutation ClaimReviewCase($id: ID!) {\n    claimReviewCase(id: $id) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:974d25c3d70dec827b2629b90877d743b6cf241efc66aae87d8a3c1dc334c807`}},"\n  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {\n    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:a834bdd754a314cb8f2b6ba2e87a8120b2e2fed4ec6d8365d3a6ee9507c08b2f`}},"\n  mutation ApproveOverturn($id: ID!, $comment: String) {\n    approveOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:bdb42278759768748f0276e524022c1afbc824a3752542518bc88e2bf3633863`}},"\n  mutation RejectOverturn($id: ID!, $comment: String!) {\n    rejectOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:bbb04dc9d50f04bb1ded1afdca3b8838c187486d22f530bce3901899bd3e416a`}},"\n  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {\n    reviewCases(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        market\n        requestedAt\n        dueAt\n        overdue\n        reviewer\n        decision {\n          id\n          reference\n          amount\n          currency\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:7f94df0f8a0c1aa6b49ccaa228e1249f0c731f4515f55b7729040799652ea61e`}},"\n  query ThresholdDraft($id: ID!) {\n    thresholdDraft(id: $id) {\n      id\n      market\n      baseVersionId\n      status\n      revision\n      author\n      rationale\n      reviewer\n      reviewComment\n      publishedVersionId\n      createdAt\n      updatedAt\n      submittedAt\n      reviewedAt\n      rules {\n        ...RuleFields\n      }\n      impact {\n        ...ImpactFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:27f3db86f7f8fb39d52f388ace2592de7587d17750e80a2cf3ec95c22cee4d44`}},"\n  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {\n    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {\n      id\n      revision\n      updatedAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:49407dd9e01ce905c0e997b5e32770f783e7d224a26eb41d0af6094bfb5b4a38`}},"\n  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:4241f1af3395fbf000e7bd9e4c2113cd9c6579079805a3c0c82cb068a499748c`}},"\n  mutation ApproveThresholdDraft($id: ID!, $comment: String) {\n    approveThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n      publishedVersionId\n    }\n  }\n":{__meta__:{hash:`sha256:1906cb8f59679bb92de48fb2077b5754fb69eded4cbb0b08a2707f0d44488d05`}},"\n  mutation RejectThresholdDraft($id: ID!, $comment: String!) {\n    rejectThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:45a0e2d0a857ca50537bd973814cc647f3f370496802e027dfd45f910f1a54a2`}},"\n  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {\n    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points, spacing: QUANTILES) {\n      measuredValue\n      comparator\n      assessed\n      declineRateWithoutRule\n      proposedCutoff\n      proposedRate\n      points {\n        ...SweepPointFields\n      }\n      nowPoint {\n        ...SweepPointFields\n      }\n      proposedPoint {\n        ...SweepPointFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:8f6048ba45224618527544c3d8fddc05482acbedee7eee1e83b08e1280c6b806`}},"\n  query ThresholdVersionPage($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      market\n      version\n      author\n      approver\n      rationale\n      createdAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:e4886f4a45a02aecab7440640bf5fa3932e02797e8c31e3195a60c17ca6cc7e4`}},"\n  query ThresholdVersionState($market: String!) {\n    thresholdVersions(market: $market, first: 100) {\n      nodes {\n        status\n        version {\n          id\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    activeThresholdVersion(market: $market) {\n      version {\n        id\n        version\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:1f7412bb687b45dfcf55f7200c2ffc3db90b4c728144be195fd44657501dc897`}},"\n  query ActivationImpact($versionId: ID!) {\n    activationImpact(versionId: $versionId) {\n      activation {\n        id\n        activatedAt\n        activatedBy\n        emergency\n      }\n      predicted {\n        ...ImpactFields\n      }\n      realized {\n        ...RateWindowFields\n      }\n      before {\n        ...RateWindowFields\n      }\n      complete\n      predictionError\n      outcomes {\n        predictedBadRate\n        approved\n        mature\n        bad\n        realizedBadRate\n        allMatureAt\n        note\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:8b5c5a9059527d7b637d1f3bce1e80f73b12a65b0c20fa5c3f367b32e1f43d00`}},"\n  fragment RateWindowFields on RateWindow {\n    from\n    to\n    assessed\n    declined\n    rate\n  }\n":new H(`
    fragment RateWindowFields on RateWindow {
  from
  to
  assessed
  declined
  rate
}
    `,{fragmentName:`RateWindowFields`}),"\n  mutation ActivateThresholdVersion($id: ID!, $at: Time) {\n    activateThresholdVersion(id: $id, at: $at) {\n      id\n      activatedAt\n    }\n  }\n":{__meta__:{hash:`sha256:74330004a13d976453d68e6aed0a70471191614ad02f2b5ba5e0b2972f56ee12`}},"\n  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {\n    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {\n      activation {\n        id\n        activatedAt\n      }\n      draft {\n        id\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:39aedd3b1cf0ebd987fcd949048c303df330220877bfe1832e5598d734e007be`}},"\n  query MarketThresholds($market: String!) {\n    thresholdVersions(market: $market, first: 50) {\n      nodes {\n        status\n        version {\n          id\n          version\n          author\n          approver\n          rationale\n          createdAt\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    thresholdDrafts(market: $market, first: 50) {\n      nodes {\n        id\n        status\n        revision\n        author\n        rationale\n        createdAt\n        updatedAt\n        submittedAt\n        reviewer\n        publishedVersionId\n        impact {\n          available\n          declineRateNow\n          declineRateProposed\n          approvedToDeclined\n          declinedToApproved\n          badRateNow\n          badRateProposed\n          lossNow\n          lossProposed\n        }\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:014c0b1aa381eb23fe0c823a8f8ce200a34a3904b5fb57f1125dbf0e939e8520`}},"\n  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {\n    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:3d43bef6a489044b85d9901c317d4f66502c88e98dfd87c3dc9521d32237107e`}}};function U(e){return ae[e]??{}}function W(e){if(!e)return``;let t=/^(?:user|token):\d+:(.+)$/.exec(e);return t?t[1]:e.startsWith(`system:`)?`${e.slice(7)} (system)`:e}function G(e,t){return!!e&&/^user:\d+:/.test(e)&&W(e)===t.username}function oe(e,t,n=`approved`){let r=`submitted by ${W(e)}`;return t?`${r} · ${n} by ${W(t)}`:r}function se(e,t){let n=[...e].sort((e,t)=>Date.parse(e.submittedAt)-Date.parse(t.submittedAt));return{theirs:n.filter(e=>!G(e.author,t)),own:n.filter(e=>G(e.author,t))}}function ce(e){let t={};for(let n of e)t[n.market]=(t[n.market]??0)+1;return t}function le(e,t){return Date.parse(e.dueAt)-t<=2592e5}function ue(e,t){let n=[...e].sort((e,t)=>Date.parse(e.dueAt)-Date.parse(t.dueAt));return{second:n.filter(e=>e.status===z.PendingSecondReview&&!G(e.reviewer,t)),claimed:n.filter(e=>e.status===z.InReview&&G(e.reviewer,t)),open:n.filter(e=>e.status===z.Open)}}function de(e,t){return e.length+(t?t.second.length+t.claimed.length+t.open.length:0)}var fe=U(`
  query PendingSubmissions {
    thresholdDrafts(status: SUBMITTED, first: 100) {
      nodes {
        id
        market
        author
        submittedAt
      }
      pageInfo {
        hasNextPage
      }
    }
    catalogDrafts(status: SUBMITTED, first: 100) {
      nodes {
        id
        author
        updatedAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);U(`
  fragment InboxCaseFields on ReviewCase {
    id
    status
    market
    dueAt
    overdue
    reviewer
  }
`);var pe=U(`
  query ReviewerInbox {
    open: reviewCases(filter: { status: OPEN }, first: 50) {
      nodes {
        ...InboxCaseFields
      }
      pageInfo {
        hasNextPage
      }
    }
    claimed: reviewCases(filter: { status: IN_REVIEW }, first: 100) {
      nodes {
        ...InboxCaseFields
      }
    }
    second: reviewCases(filter: { status: PENDING_SECOND_REVIEW }, first: 100) {
      nodes {
        ...InboxCaseFields
      }
    }
  }
`),me=`riskconsole:inbox`;function he(){window.dispatchEvent(new Event(me))}function ge(){let[t,n]=e(0);return s(()=>{let e=()=>n(e=>e+1);return window.addEventListener(me,e),()=>window.removeEventListener(me,e)},[]),t}var _e=e=>e.roles.includes(`APPROVER`),ve=e=>e.roles.includes(`REVIEWER`);function ye(e,t=!1){let n=N(fe,{},`${e}|${ge()}`,t),r=n.data;return{all:r?[...r.thresholdDrafts.nodes.map(e=>({kind:`thresholds`,id:e.id,market:e.market,author:e.author,submittedAt:e.submittedAt??``,href:`/thresholds/drafts/${e.id}`})),...r.catalogDrafts.nodes.map(e=>({kind:`catalog`,id:e.id,market:null,author:e.author,submittedAt:e.updatedAt,href:`/catalog?draft=${e.id}`}))]:[],more:!!r&&(r.thresholdDrafts.pageInfo.hasNextPage||r.catalogDrafts.pageInfo.hasNextPage),loaded:!!r,error:n.error,loading:n.loading}}function be(e,t){let n=ye(t,!_e(e)),r=N(pe,{},`${t}|${ge()}`,!ve(e)),{theirs:i,own:a}=se(n.all,e),o=r.data,s=o?ue([...o.second.nodes,...o.claimed.nodes,...o.open.nodes],e):null;return{theirs:i,own:a,moreSubmissions:n.more,work:s,moreOpen:!!o?.open.pageInfo.hasNextPage,count:de(i,s),loaded:(n.loaded||!_e(e))&&(!!o||!ve(e)),error:n.error??r.error}}function xe({user:e,refresh:t}){let n=be(e,t);return!n.loaded||n.count===0?null:c(r,{children:[` `,c(`span`,{class:`nav-count`,children:n.count})]})}function Se(e,t){return e?t.roles.length===0||t.roles.some(t=>e.roles.includes(t)):!1}function Ce(e,t){return e?Se(e,t)?{kind:`ok`}:{kind:`forbidden`,need:t.roles}:{kind:`signin`}}function we(e,t){for(let n of e){let e=E(n.path,t);if(e)return{route:n,params:e}}return null}var Te=`/signin`;function Ee(e){let t=e.pathname+e.search;return e.pathname===`/signin`||t===`/`?Te:`${Te}?next=${encodeURIComponent(t)}`}function De(e){return!e||!e.startsWith(`/`)||e.startsWith(`//`)||e.startsWith(`/\\`)||e.startsWith(`/signin`)?`/`:e}var Oe=[`ANALYST`,`APPROVER`,`AUDITOR`];function ke(e){return e.some(e=>Oe.includes(e))}function Ae(e){let t=e?.user;if(!t||typeof t.username!=`string`||!Array.isArray(t.roles))throw new u(`the session answer has no user`,`ERROR`,200);return t}async function je(){try{return Ae(await x(`/auth/session`))}catch(e){if(e instanceof u&&e.code===`UNAUTHENTICATED`)return null;throw e}}async function Me(e,t){return Ae(await b(`/auth/login`,{username:e,password:t}))}async function Ne(){await b(`/auth/logout`,{})}function Pe({onSignedIn:t,expired:n}){let[r,i]=e(null),[a,o]=e(!1);return c(`main`,{id:`main`,class:`signin`,children:[c(`h1`,{children:`Sign in to riskconsole`}),n&&c(`p`,{class:`notice`,children:`Your session has ended. Sign in again to go back to where you were.`}),c(`form`,{onSubmit:async e=>{e.preventDefault();let n=new FormData(e.currentTarget);o(!0),i(null);try{t(await Me(String(n.get(`username`)??``),String(n.get(`password`)??``)))}catch(e){i(e),o(!1)}},class:`stack`,children:[c(`label`,{children:[`Username`,c(`input`,{name:`username`,autocomplete:`username`,required:!0,autoFocus:!0})]}),c(`label`,{children:[`Password`,c(`input`,{name:`password`,type:`password`,autocomplete:`current-password`,required:!0})]}),c(`button`,{type:`submit`,disabled:a,children:a?`Signing in…`:`Sign in`})]}),r!==null&&c(k,{error:r,title:`Could not sign in`})]})}function Fe(t,n,r=!1,i){let a=null,o=null,l=()=>o??=t().then(e=>a=e,e=>{throw o=null,e});function u(t){let[o,u]=e(a&&{c:a}),[d,f]=e(null);if(s(()=>{o||l().then(e=>u({c:e}),f)},[]),s(()=>{let e=document.activeElement;r&&o&&e&&e!==document.body&&!document.querySelector(`main`)?.contains(e)&&document.querySelector(`main h1`)?.focus()},[o]),o){let e=o.c;return c(e,{...t})}let p=d===null?c(M,{label:n}):c(k,{error:d,title:`Could not load this part of the page`});return i?i(t,d===null,p):p}return Object.assign(u,{preload:l})}var Ie=[`ANALYST`,`APPROVER`,`AUDITOR`];function Le(e){return e.roles.some(e=>Ie.includes(e))}var Re=[`AGENT`,`ANALYST`,`APPROVER`,`AUDITOR`],ze=[`ANALYST`,`APPROVER`],Be=[`APPROVER`],Ve=[`ANALYST`,`APPROVER`],He=[`APPROVER`],Ue=[`REVIEWER`,`ANALYST`,`APPROVER`,`AUDITOR`],We=[`APPROVER`,`REVIEWER`];function Ge({req:e,onAnswer:t}){let n=i(null),r=i(null),o=a();return s(()=>{let e=document.activeElement,t=n.current;return t&&!t.open&&t.showModal(),r.current?.focus(),()=>{t?.open&&t.close(),e?.isConnected&&e.focus()}},[]),c(`dialog`,{ref:n,class:`confirm`,"aria-labelledby":`${o}-t`,"aria-describedby":`${o}-b`,onCancel:e=>{e.preventDefault(),t(!1)},children:[c(`h2`,{id:`${o}-t`,children:e.title}),c(`div`,{id:`${o}-b`,class:`stack`,children:e.body}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,class:`secondary`,ref:r,onClick:()=>t(!1),children:`Cancel`}),c(`button`,{type:`button`,class:e.danger?`danger`:void 0,onClick:()=>t(!0),children:e.confirm})]})]})}function Ke(){let[t,n]=e(null);return{ask:e=>new Promise(t=>n({req:e,resolve:t})),dialog:t&&c(Ge,{req:t.req,onAnswer:e=>{n(null),t.resolve(e)}})}}function K(e){if(!e)return``;let t=new Date(e);return Number.isNaN(t.getTime())?e:`${t.toISOString().slice(0,19).replace(`T`,` `)} UTC`}function qe(e,t){return`${e.toLocaleString(`en-US`,{minimumFractionDigits:2,maximumFractionDigits:2})} ${t}`}function q(e){return Number.isInteger(e)?e.toLocaleString(`en-US`):e.toLocaleString(`en-US`,{maximumFractionDigits:3})}function Je(e){return e<1e3?`${e} B`:e<1e6?`${(e/1e3).toFixed(1)} kB`:`${(e/1e6).toFixed(1)} MB`}function J(e){let t=e.toLowerCase().replace(/_/g,` `);return t.charAt(0).toUpperCase()+t.slice(1)}function Y(e,t){return`${e.toLocaleString(`en-US`)} ${t}${e===1?``:`s`}`}function X(e,t=1){return e==null?`–`:`${(e*100).toFixed(t)} %`}function Ye(e,t){let n=Math.round((t-e)*1e4)/100;return`${n>0?`+`:n<0?`−`:`±`}${Math.abs(n).toFixed(2)} pp`}function Xe(e,t){let n=Math.max(0,Math.floor((t-Date.parse(e))/6e4));return n<1?`less than a minute`:n<60?Y(n,`minute`):n<2880?Y(Math.floor(n/60),`hour`):Y(Math.floor(n/1440),`day`)}function Ze(e,t){if(!e||!t)return``;let n=Date.parse(t)-Date.parse(e);if(!Number.isFinite(n))return``;let r=Math.round(n/36e5);if(r<24)return Y(r,`hour`);let i=Math.round(r/2.4)/10;return`${i.toLocaleString(`en-US`,{maximumFractionDigits:1})} ${i===1?`day`:`days`}`}var Qe=U(`
  query AdminUsers($first: Int!) {
    users(first: $first) {
      nodes {
        id
        username
        displayName
        roles
        createdAt
        createdBy
        disabledAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),$e=U(`
  query AdminTokens($first: Int!) {
    apiTokens(first: $first) {
      nodes {
        id
        name
        roles
        createdAt
        createdBy
        expiresAt
        lastUsedAt
        revokedAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),et=U(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
    }
  }
`),tt=U(`
  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {
    setUserRoles(id: $id, roles: $roles) {
      id
      roles
    }
  }
`),nt=U(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      id
      disabledAt
    }
  }
`),rt=U(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      id
      disabledAt
    }
  }
`),it=U(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token {
        id
        name
      }
      secret
    }
  }
`),at=U(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`),ot=100,st=[B.Analyst,B.Approver,B.Auditor,B.Agent,B.Admin],ct=[B.Service,B.Auditor,B.Agent];function lt(e){return new FormData(e).getAll(`role`).map(String)}function ut(){let[t,n]=e(!1),[r,i]=e(null);return{busy:t,error:r,run:async e=>{n(!0),i(null);try{await e()}catch(e){i(e)}finally{n(!1)}}}}function dt({roles:e,checked:t,legend:n}){return c(`fieldset`,{class:`roles-edit`,children:[c(`legend`,{children:n}),e.map(e=>c(`label`,{class:`check`,children:[c(`input`,{type:`checkbox`,name:`role`,value:e,defaultChecked:t.includes(e)}),e]},e))]})}function ft({who:e}){return e?c(`div`,{class:`muted`,children:[`by `,e]}):null}function pt({user:e}){return c(r,{children:[c(P,{title:`Administration`}),c(mt,{me:e}),c(ht,{})]})}function mt({me:t}){let n=N(Qe,{first:ot},`users`),i=ut(),a=Ke(),o=ut(),[s,l]=e(null),[u,d]=e(null),f=e=>{e.preventDefault();let t=e.currentTarget,r=new FormData(t);o.run(async()=>{let e=await y(et,{input:{username:String(r.get(`username`)),displayName:String(r.get(`displayName`)),password:String(r.get(`password`)),roles:lt(t)}});t.reset(),d(e.createUser.username),n.reload()})},p=e=>t=>{t.preventDefault();let r=lt(t.currentTarget);i.run(async()=>{await y(tt,{id:e,roles:r}),l(null),n.reload()})},m=e=>i.run(async()=>{await y(rt,{id:e}),n.reload()}),h=async e=>{await a.ask({title:`Disable ${e.username}?`,body:c(r,{children:[c(`p`,{children:[e.displayName,` (`,c(`code`,{children:e.username}),`, `,e.roles.join(`, `),`) is signed out of every session at once and cannot sign in until an administrator enables the account again. Their roles and their history stay as they are.`]}),c(`p`,{children:`API tokens they created keep working: revoke those under API tokens if they must stop too.`})]}),confirm:`Disable the account`,danger:!0})&&i.run(async()=>{await y(nt,{id:e.id}),n.reload()})};return c(`section`,{"aria-labelledby":`users-h`,children:[c(`h2`,{id:`users-h`,children:`Users`}),n.error!==null&&c(k,{error:n.error,title:`Could not load users`}),n.loading&&c(M,{label:`Loading users…`}),i.error!==null&&c(k,{error:i.error,title:`The change was refused`}),n.data&&c(`div`,{class:`table-wrap`,children:[c(`table`,{"aria-label":`Users`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Username`}),c(`th`,{children:`Name`}),c(`th`,{children:`Roles`}),c(`th`,{children:`Created`}),c(`th`,{children:`Status`}),c(`th`,{children:`Actions`})]})}),c(`tbody`,{children:n.data.users.nodes.map(e=>c(`tr`,{"data-username":e.username,children:[c(`td`,{children:c(`code`,{children:e.username})}),c(`td`,{children:e.displayName}),c(`td`,{children:s===e.id?c(`form`,{onSubmit:p(e.id),class:`roles-edit`,"aria-label":`Roles of ${e.username}`,children:[c(dt,{roles:st,checked:e.roles,legend:`Roles of ${e.username}`}),c(`button`,{type:`submit`,disabled:i.busy,children:`Save roles`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>l(null),children:`Cancel`})]}):e.roles.join(`, `)}),c(`td`,{children:[K(e.createdAt),` `,c(ft,{who:e.createdBy})]}),c(`td`,{children:e.disabledAt?c(`span`,{class:`badge broken`,children:[`disabled `,K(e.disabledAt)]}):c(`span`,{class:`badge ok`,children:`active`})}),c(`td`,{children:c(`div`,{class:`toolbar`,children:[s!==e.id&&c(`button`,{type:`button`,class:`secondary`,onClick:()=>l(e.id),"aria-label":`Change the roles of ${e.username}`,children:`Change roles`}),e.disabledAt?c(`button`,{type:`button`,class:`secondary`,disabled:i.busy,onClick:()=>m(e.id),"aria-label":`Enable ${e.username}`,children:`Enable`}):e.username===t.username?c(`span`,{class:`muted`,children:`Your account: another administrator can disable it`}):c(`button`,{type:`button`,class:`danger`,disabled:i.busy,onClick:()=>h(e),"aria-label":`Disable ${e.username}`,children:`Disable`})]})})]},e.id))})]}),n.data.users.pageInfo.hasNextPage&&c(`p`,{class:`muted`,children:[`Showing the first `,ot,` users.`]})]}),a.dialog,c(`form`,{class:`panel stack`,onSubmit:f,"aria-labelledby":`new-user-h`,children:[c(`h3`,{id:`new-user-h`,children:`New user`}),c(`div`,{class:`filters`,children:[c(`label`,{children:[`Username`,c(`input`,{name:`username`,required:!0,pattern:`[a-z0-9._\\-]{3,64}`,title:`3 to 64 lower-case letters, digits, dots, dashes, underscores`,autocomplete:`off`}),c(A,{error:o.error,field:`input.username`})]}),c(`label`,{children:[`Display name`,c(`input`,{name:`displayName`,required:!0,autocomplete:`off`}),c(A,{error:o.error,field:`input.displayName`})]}),c(`label`,{children:[`Initial password (at least 12 characters)`,c(`input`,{name:`password`,type:`password`,required:!0,minLength:12,autocomplete:`new-password`}),c(A,{error:o.error,field:`input.password`})]})]}),c(dt,{roles:st,checked:[],legend:`Roles`}),c(A,{error:o.error,field:`input.roles`}),c(`div`,{children:c(`button`,{type:`submit`,disabled:o.busy,children:`Create user`})}),o.error!==null&&c(k,{error:o.error,title:`The user was not created`}),u&&c(`p`,{role:`status`,class:`muted`,children:[`Created `,u,`.`]})]})]})}function ht(){let t=N($e,{first:ot},`tokens`),n=ut(),i=Ke(),a=ut(),[o,s]=e(null),l=e=>{e.preventDefault();let n=e.currentTarget,r=new FormData(n),i=String(r.get(`expiresAt`)??``);a.run(async()=>{let e=await y(it,{input:{name:String(r.get(`name`)),roles:lt(n),expiresAt:i?`${i}T00:00:00Z`:null}});n.reset(),s({name:e.createApiToken.token.name,secret:e.createApiToken.secret}),t.reload()})},u=async e=>{await i.ask({title:`Revoke the API token “${e.name}”?`,body:c(r,{children:[c(`p`,{children:[`Whatever uses “`,e.name,`” (`,e.roles.join(`, `),e.createdBy?`, created by ${W(e.createdBy)}`:``,`, last used `,e.lastUsedAt?K(e.lastUsedAt):`never`,`) is refused from now on: at once on this server, within 10 seconds on the others.`]}),c(`p`,{children:`A revoked token never works again: to restore access, create a new token and give its secret to the system that used this one.`})]}),confirm:`Revoke the token`,danger:!0})&&n.run(async()=>{await y(at,{id:e.id}),t.reload()})};return c(`section`,{"aria-labelledby":`tokens-h`,children:[c(`h2`,{id:`tokens-h`,children:`API tokens`}),t.error!==null&&c(k,{error:t.error,title:`Could not load API tokens`}),t.loading&&c(M,{label:`Loading API tokens…`}),n.error!==null&&c(k,{error:n.error,title:`The change was refused`}),o&&c(`div`,{class:`notice`,role:`status`,"aria-labelledby":`secret-h`,children:[c(`h3`,{id:`secret-h`,children:[`Token “`,o.name,`” created`]}),c(`p`,{children:`Copy the secret now: it is shown only this once and cannot be shown again.`}),c(`p`,{class:`secret`,"data-testid":`token-secret`,children:o.secret}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:()=>navigator.clipboard?.writeText(o.secret),children:`Copy`}),c(`button`,{type:`button`,onClick:()=>s(null),children:`I have copied it`})]})]}),t.data&&c(`div`,{class:`table-wrap`,children:[c(`table`,{"aria-label":`API tokens`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Name`}),c(`th`,{children:`Roles`}),c(`th`,{children:`Created`}),c(`th`,{children:`Expires`}),c(`th`,{children:`Last used`}),c(`th`,{children:`Status`}),c(`th`,{children:`Actions`})]})}),c(`tbody`,{children:t.data.apiTokens.nodes.map(e=>c(`tr`,{"data-token":e.name,children:[c(`td`,{children:e.name}),c(`td`,{children:e.roles.join(`, `)}),c(`td`,{children:[K(e.createdAt),` `,c(ft,{who:e.createdBy})]}),c(`td`,{children:e.expiresAt?K(e.expiresAt):`never`}),c(`td`,{children:e.lastUsedAt?K(e.lastUsedAt):`never`}),c(`td`,{children:e.revokedAt?c(`span`,{class:`badge broken`,children:[`revoked `,K(e.revokedAt)]}):c(`span`,{class:`badge ok`,children:`active`})}),c(`td`,{children:!e.revokedAt&&c(`button`,{type:`button`,class:`danger`,disabled:n.busy,onClick:()=>u(e),"aria-label":`Revoke ${e.name}`,children:`Revoke`})})]},e.id))})]}),t.data.apiTokens.pageInfo.hasNextPage&&c(`p`,{class:`muted`,children:[`Showing the newest `,ot,` tokens.`]})]}),i.dialog,c(`form`,{class:`panel stack`,onSubmit:l,"aria-labelledby":`new-token-h`,children:[c(`h3`,{id:`new-token-h`,children:`New API token`}),c(`div`,{class:`filters`,children:[c(`label`,{children:[`Name`,c(`input`,{name:`name`,required:!0,autocomplete:`off`}),c(A,{error:a.error,field:`input.name`})]}),c(`label`,{children:[`Expires (optional, UTC date)`,c(`input`,{name:`expiresAt`,type:`date`}),c(A,{error:a.error,field:`input.expiresAt`})]})]}),c(dt,{roles:ct,checked:[],legend:`Roles`}),c(A,{error:a.error,field:`input.roles`}),c(`div`,{children:c(`button`,{type:`submit`,disabled:a.busy,children:`Create token`})}),a.error!==null&&c(k,{error:a.error,title:`The token was not created`})]})]})}function gt(e){return e.split(/\n\s*\n/).map(e=>e.trim()).filter(e=>e!==``)}var _t=/^([^.:!?\n]{1,40}:)\s+([\s\S]+)$/;function vt({text:e}){return c(r,{children:gt(e).map((e,t)=>{let n=_t.exec(e);return c(`p`,{children:n?[c(`strong`,{children:n[1]},`lead`),` `,n[2]]:e},t)})})}function yt({message:e}){return c(`section`,{class:`popup`,lang:e.locale,"aria-label":`The pop-up the shopper saw`,children:[c(`h3`,{children:e.title}),c(`p`,{children:e.body}),e.steps.length>0&&c(`ol`,{children:e.steps.map((e,t)=>c(`li`,{children:e},t))}),e.closing&&c(`p`,{class:`closing`,children:e.closing}),c(`p`,{class:`meta`,children:[`locale `,e.locale]})]})}var bt=/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;function xt(e,t){let n={},r={};for(let i of e){let e=t.get(i.name);if(e===null||e.trim()===``)continue;let a=e.trim();switch(i.kind){case`number`:{let e=Number(a);Number.isFinite(e)?n[i.name]=e:r[i.name]=`must be a number`;break}case`time`:Dt(a)===null?r[i.name]=Ot:n[i.name]=a;break;case`id`:/^\d+$/.test(a)?n[i.name]=a:r[i.name]=`must be a number`;break;default:i.values&&!i.values.includes(a)?r[i.name]=`must be one of ${i.values.join(`, `)}`:n[i.name]=a}}return{filter:n,errors:r}}function St(e,t){let n=new URLSearchParams;for(let r of e){let e=t[r.name];e!==void 0&&e!==``&&n.set(r.name,String(e))}return n}var Ct=`YYYY-MM-DD HH:mm`,wt=/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:Z|UTC))?$/i;function Tt(e){let t=e.trim();if(t===``)return``;let n=wt.exec(t);if(!n)return null;let[r,i,a,o=0,s=0,c=0]=n.slice(1).map(e=>e===void 0?void 0:Number(e)),l=Date.UTC(r,i-1,a,o,s,c),u=new Date(l);return u.getUTCFullYear()!==r||u.getUTCMonth()!==i-1||u.getUTCDate()!==a||u.getUTCHours()!==o||u.getUTCMinutes()!==s||u.getUTCSeconds()!==c?null:u.toISOString().replace(`.000Z`,`Z`)}function Et(e){if(!e)return``;let t=new Date(e);if(!Dt(e)||Number.isNaN(t.getTime()))return e;let n=t.toISOString().slice(0,19).replace(`T`,` `);return n.endsWith(`:00`)?n.slice(0,16):n}function Dt(e){return bt.test(e)&&!Number.isNaN(Date.parse(e))?e:null}var Ot=`must be a UTC time such as 2026-11-01T00:00:00Z`;function kt(e,t){let{errors:n}=xt(e,t),r={};for(let i of e){let e=t.get(i.name)?.trim()??``;n[i.name]&&(i.values||i.kind===`number`)?r[i.name]=``:r[i.name]=i.kind===`time`?Et(e):e}return r}function At(e,t){let n={};for(let r of e){let e=(t[r.name]??``).trim();e!==``&&(n[r.name]=r.kind===`time`?Tt(e)??e:e)}return n}function jt(e,t){let n=new FormData(t),r={};for(let t of e)r[t.name]=String(n.get(t.name)??``);return At(e,r)}var Mt=[{name:`status`,kind:`text`,values:Object.values(z)},{name:`market`,kind:`text`},{name:`overdue`,kind:`text`,values:[`true`,`false`]}];function Nt(e){let{filter:t,errors:n}=xt(Mt,e),r={};return t.status&&(r.status=t.status),t.market&&(r.market=String(t.market).toUpperCase()),t.overdue&&(r.overdue=t.overdue===`true`),{filter:r,errors:n,after:e.get(`after`)||null}}function Pt(e,t){let n={};for(let[t,r]of Object.entries(e))r!=null&&r!==``&&(n[t]=typeof r==`boolean`?String(r):r);let r=St(Mt,n);t&&r.set(`after`,t);let i=r.toString();return i?`/reviews?${i}`:`/reviews`}var Ft=[z.Open,z.InReview,z.PendingSecondReview];function It(e){return Ft.includes(e)}var Lt=864e5;function Rt(e,t,n){if(!It(t))return`decided`;let r=Date.parse(e)-n;if(Number.isNaN(r))return``;if(r>0){let e=Math.floor(r/Lt);return e===0?`less than a day left`:`${e} day${e===1?``:`s`} left`}let i=Math.floor(-r/Lt);return i===0?`overdue by less than a day`:`overdue by ${i} day${i===1?``:`s`}`}function zt(e){switch(e){case z.Upheld:return`badge declined`;case z.Overturned:return`badge approved`;case z.PendingSecondReview:return`badge warn`;case z.InReview:return`badge info`;default:return`badge muted`}}function Bt(e,t){if(!t.roles.includes(`REVIEWER`))return`none`;switch(e.status){case z.Open:return`claim`;case z.InReview:return G(e.reviewer,t)?`decide`:`claimedByOther`;case z.PendingSecondReview:return G(e.reviewer,t)?`ownOverturn`:`second`;default:return`none`}}var Vt=U(`
  query AgentDecision($reference: String!, $locale: String!) {
    agentDecision(reference: $reference, locale: $locale) {
      reference
      createdAt
      outcome
      market
      merchantName
      formattedAmount
      shopperMessage {
        locale
        title
        body
        steps
        closing
      }
      guidanceLocale
      guidance {
        rank
        code
        locale
        title
        body
        steps
      }
      cardHold {
        mayBePending
        usuallyReleasedBy
        note
      }
      notes
      kind
      overturnsReference
      reviewRequestableUntil
      review {
        status
        dueAt
        overdue
        outcome
        decidedAt
        newDecisionReference
      }
    }
  }
`);function Ht({query:e}){let t=e.get(`ref`)?.trim()??``,n=N(Vt,{reference:t,locale:navigator.language||`en-US`},t,t===``),i=n.data?.agentDecision,a=n.error instanceof u&&n.error.code===`NOT_FOUND`;return c(r,{children:[c(P,{title:`Decision look-up`,children:c(`span`,{class:`readonly-banner`,title:`This page cannot change anything`,children:`Read-only`})}),c(`form`,{class:`toolbar`,role:`search`,onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`ref`)??``).trim();w(t?`/agent?ref=${encodeURIComponent(t)}`:`/agent`)},children:[c(`label`,{children:[`Decision reference`,c(`input`,{name:`ref`,defaultValue:t,placeholder:`D7K-2QF-9XM`,autocomplete:`off`,spellcheck:!1,required:!0})]}),c(`button`,{type:`submit`,children:`Look up`})]},t),n.loading&&c(M,{label:`Looking the decision up…`}),a?c(`p`,{role:`status`,class:`notice`,"data-testid":`not-found`,children:[`No decision with reference `,c(`strong`,{children:t}),`. Check the reference with the shopper: it is on their decline message and in their account.`]}):n.error!==null&&c(k,{error:n.error,title:`Could not look up ${t}`}),i&&c(`div`,{class:`grid2`,children:[c(`section`,{"aria-labelledby":`seen-h`,children:[c(`h2`,{id:`seen-h`,children:[i.reference,`: `,J(i.outcome)]}),c(`p`,{class:`muted`,children:[K(i.createdAt),` · `,i.merchantName,` · `,i.formattedAmount,` · market `,i.market]}),c(Wt,{d:i}),i.outcome===R.Declined&&i.shopperMessage?c(r,{children:[c(`h3`,{children:`The pop-up the shopper saw`}),c(yt,{message:i.shopperMessage})]}):c(`p`,{children:`The purchase was approved: the shopper saw no pop-up.`}),i.cardHold&&c(`div`,{class:`notice`,children:[c(`strong`,{children:`Card hold`}),c(`p`,{children:i.cardHold.note}),c(`p`,{class:`meta`,children:[i.cardHold.mayBePending?`may still be pending`:`should be released`,`; usually released by `,K(i.cardHold.usuallyReleasedBy)]})]})]}),c(`section`,{"aria-labelledby":`guide-h`,lang:i.guidanceLocale,children:[c(`h2`,{id:`guide-h`,children:`Guidance for the call`}),i.guidance.map(e=>c(`div`,{class:`panel`,children:[c(`h3`,{children:[e.rank,`. `,e.title]}),c(vt,{text:e.body}),e.steps.length>0&&c(r,{children:[c(`p`,{class:`meta`,lang:`en`,id:`guide-steps-${e.rank}`,children:`What the shopper can do, in order:`}),c(`ol`,{"aria-labelledby":`guide-steps-${e.rank}`,children:e.steps.map((e,t)=>c(`li`,{children:e},t))})]})]},e.rank)),c(`h3`,{children:`What you can always say`}),c(`ul`,{children:i.notes.map((e,t)=>c(`li`,{children:e},t))})]})]})]})}var Ut=e=>`/agent?ref=${encodeURIComponent(e)}`;function Wt({d:e}){let t=e.review;return!t&&e.kind!==I.ManualReview&&!e.reviewRequestableUntil?null:c(`div`,{class:`panel`,"aria-label":`Human review`,children:[c(`h3`,{children:`Human review`}),e.kind===I.ManualReview&&c(`p`,{children:[`A reviewer made this decision when they overturned`,` `,e.overturnsReference?c(O,{href:Ut(e.overturnsReference),children:e.overturnsReference}):`an automated decline`,`.`]}),e.reviewRequestableUntil&&c(`p`,{"data-testid":`review-requestable`,children:[`The shopper may ask for a person to review this decline, through the lender's app, until `,K(e.reviewRequestableUntil),`. You cannot file it for them.`]}),t&&c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Status`}),c(`dd`,{children:[c(`span`,{class:zt(t.status),children:J(t.status)}),t.overdue&&c(r,{children:[` `,c(`span`,{class:`badge overdue`,children:`Overdue`})]})]}),c(`dt`,{children:`Answer due`}),c(`dd`,{children:K(t.dueAt)}),c(`dt`,{children:`Outcome`}),c(`dd`,{children:t.outcome?`${J(t.outcome)}, ${K(t.decidedAt)}`:`not decided yet`}),t.newDecisionReference&&c(r,{children:[c(`dt`,{children:`New decision`}),c(`dd`,{children:c(O,{href:Ut(t.newDecisionReference),children:t.newDecisionReference})})]})]})]})}function Gt(e){return e.split(`
`).map(e=>e.trim()).filter(e=>e!==``)}function Kt(e){let t={};if(!(e instanceof u))return t;for(let n of e.fields){let e=/(?:^|\.)(title|body|steps)(?:\[(\d+)\])?$/.exec(n.field);if(!e)continue;let r=e[1],i=e[2]===void 0?n.message:`step ${Number(e[2])+1}: ${n.message}`;(t[r]??=[]).push(i)}return t}var qt=5e5;function Jt(e){return e.match(/^\s+|\S+\s*/g)??[]}function Yt(e,t){let n=Jt(t),r=Jt(e),i=r.map(e=>e.trimEnd()),a=n.map(e=>e.trimEnd()),o=[],s=(e,t,n=t)=>{let r=o[o.length-1];r&&r.kind===e?(r.text+=t,r.old+=n):o.push({kind:e,text:t,old:n})};if(r.length*n.length>qt)return e&&s(`del`,e),t&&s(`ins`,t),Xt(o);let c=n.length+1,l=new Uint32Array((r.length+1)*c);for(let e=r.length-1;e>=0;e--)for(let t=n.length-1;t>=0;t--)l[e*c+t]=i[e]===a[t]?l[(e+1)*c+t+1]+1:Math.max(l[(e+1)*c+t],l[e*c+t+1]);let u=0,d=0,f=[],p=[],m=()=>{f.length&&s(`del`,f.join(``)),p.length&&s(`ins`,p.join(``)),f.length=0,p.length=0};for(;u<r.length||d<n.length;)u<r.length&&d<n.length&&i[u]===a[d]?(m(),s(`same`,n[d],r[u]),u++,d++):d>=n.length||u<r.length&&l[(u+1)*c+d]>=l[u*c+d+1]?f.push(r[u++]):p.push(n[d++]);return m(),Xt(o)}function Xt(e){return e.map(({kind:e,text:t,old:n})=>e===`same`&&n!==t?{kind:e,text:t,old:n}:{kind:e,text:t})}function Zt(e){return e.old??e.text}function Qt(e,t,n){return n.map(n=>{let r=e?.[n]??``,i=t?.[n]??``;return r===i?{field:n,status:`same`,parts:r?[{kind:`same`,text:r}]:[]}:{field:n,status:!e||!r?`added`:!t||!i?`removed`:`changed`,parts:Yt(r,i)}})}function $t(e,t,n){let r=n.now??(()=>Date.now()),i=null,a=null,o=null,s=-1/0,c=0,l=0,u=e=>t.onPending?.(e),d=()=>{if(a=null,!i)return;let{args:n}=i;i=null,o?.abort();let d=new AbortController;o=d;let f=++l,p=r();s=p,e(n,d.signal).then(e=>{f!==l||d.signal.aborted||(o=null,c=r()-p,i||u(!1),t.onData(e))},e=>{f!==l||d.signal.aborted||(o=null,i||u(!1),t.onError(e))})};return{schedule(e){if(i={args:e},u(!0),a!==null)return;let t=Math.max(n.interval,c);a=setTimeout(d,Math.max(0,s+t-r()))},cancel(){a!==null&&clearTimeout(a),a=null,i=null,l++,o?.abort(),o=null,u(!1)}}}var en=[`DE`,`GB`,`SE`,`US`],tn=[`en-US`,`en-GB`,`sv-SE`,`de-DE`],nn=U(`
  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {
    previewMessage(code: $code, locale: $locale, text: $text) {
      locale
      title
      body
      steps
      closing
    }
  }
`);U(`
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
`),U(`
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
`);var rn=U(`
  query CatalogVersion {
    catalogVersion {
      version
      texts {
        ...CatalogEntryFields
      }
    }
  }
`),an=U(`
  query CatalogDrafts($status: CatalogDraftStatus) {
    catalogDrafts(status: $status, first: 20) {
      nodes {
        id
        status
        author
        baseVersion
        revision
        updatedAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),on=U(`
  query CatalogDraft($id: ID!) {
    catalogDraft(id: $id) {
      id
      baseVersion
      status
      revision
      author
      reviewer
      comment
      publishedVersion
      createdAt
      updatedAt
      changes {
        ...CatalogChangeFields
      }
      texts {
        ...CatalogEntryFields
      }
    }
  }
`),sn=U(`
  mutation CreateCatalogDraft {
    createCatalogDraft {
      id
    }
  }
`),cn=U(`
  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {
    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {
      id
      revision
    }
  }
`),ln=U(`
  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {
    submitCatalogDraft(id: $id, revision: $revision) {
      id
      status
    }
  }
`),un=U(`
  mutation ApproveCatalogDraft($id: ID!) {
    approveCatalogDraft(id: $id) {
      id
      publishedVersion
    }
  }
`),dn=U(`
  mutation RejectCatalogDraft($id: ID!, $comment: String!) {
    rejectCatalogDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`),fn=U(`
  query CatalogDiff($from: Int!, $to: Int!) {
    catalogDiff(from: $from, to: $to) {
      ...CatalogChangeFields
    }
  }
`),pn=Object.values(re);function mn(e){return`${e.code}|${e.locale}|${e.audience}`}function hn(e){return new Map((e??[]).map(e=>[mn(e),e.text]))}function gn({query:t,user:n}){let i=t.get(`draft`)??``,a=t.get(`code`)??null,s=t.get(`locale`)??null,l=N(rn,{},`current`),u=l.data?.catalogVersion??null,d=o(()=>hn(u?.texts),[u]),f=N(on,{id:i},i,!i),p=f.data?.catalogDraft??null,m=o(()=>hn(p?.texts),[p]),h=n.roles.some(e=>Ve.includes(e)),[g,_]=e(null),v=(e,t,n)=>{let r=new URLSearchParams;e&&r.set(`draft`,e),t&&r.set(`code`,t),n&&r.set(`locale`,n);let i=r.toString();return i?`/catalog?${i}`:`/catalog`},b=async()=>{_(null);try{let e=(await y(sn,{})).createCatalogDraft;w(v(e.id,a,s))}catch(e){_(e)}},x=new Set((p?.changes??[]).map(mn));return c(r,{children:[c(P,{title:`Reason catalog`}),c(`section`,{class:`panel`,"aria-labelledby":`draft-h`,children:[c(`h2`,{id:`draft-h`,children:`Draft`}),!i&&c(`div`,{class:`toolbar`,children:[h&&c(`button`,{type:`button`,onClick:b,children:`Start a draft`}),c(`form`,{class:`toolbar`,onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`draft`)??``).trim();t&&w(v(t,a,s))},children:[c(`label`,{children:[`Draft id`,c(`input`,{name:`draft`,inputMode:`numeric`,size:8})]}),c(`button`,{type:`submit`,class:`secondary`,children:`Open draft`})]})]}),g!==null&&c(k,{error:g,title:`Could not start a draft`}),f.error!==null&&c(k,{error:f.error,title:`Could not load the draft`}),i&&f.data&&!p&&c(`p`,{children:[`No catalog draft has the id `,i,`.`]}),p&&c(vn,{draft:p,user:n,onChange:f.reload,onClose:()=>w(v(``,a,s))}),!i&&c(_n,{open:e=>w(v(e,a,s))})]}),c(`div`,{class:`grid2`,children:[c(`section`,{class:`panel`,"aria-labelledby":`grid-h`,children:[c(`h2`,{id:`grid-h`,children:`Texts by reason and locale`}),c(`p`,{class:`muted`,children:[`Each cell is the reason's shopper title in published version `,u?.version??`…`,`, as written; choose one to`,` `,p?.status===F.Draft&&h?`edit it`:`preview it`,`.`,p&&` Cells changed in the draft are marked.`]}),l.loading&&c(M,{label:`Loading the catalog`}),l.error!==null&&c(k,{error:l.error,title:`Could not load the catalog`}),c(`div`,{class:`table-wrap`,children:c(`table`,{class:`catalog-grid`,"aria-label":`Reason catalog: codes by locale`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Reason code`}),tn.map(e=>c(`th`,{children:e},e))]})}),c(`tbody`,{children:pn.map(e=>c(`tr`,{children:[c(`th`,{scope:`row`,children:J(e)}),tn.map(t=>{let n=(m.get(`${e}|${t}|SHOPPER`)??d.get(`${e}|${t}|SHOPPER`))?.title,r=x.has(`${e}|${t}|SHOPPER`)||x.has(`${e}|${t}|AGENT`),o=e===a&&t===s;return c(`td`,{class:`${o?`selected`:``} ${r?`edited`:``}`,children:c(`button`,{type:`button`,class:`cell`,"aria-pressed":o,onClick:()=>w(v(i,e,t)),"aria-label":`${J(e)}, ${t}${r?`, changed in the draft`:``}`,children:[n??(u?`–`:`…`),r&&c(`span`,{class:`badge ok`,children:` edited`})]})},t)})]},e))})]})})]}),c(`div`,{children:[a&&s?c(Sn,{code:a,locale:s,draft:p&&p.status===F.Draft&&h?p:null,text:(p?m:d).get(`${a}|${s}|${ne.Shopper}`),onSaved:f.reload},`${a}|${s}|${p?.id??``}`):c(`p`,{class:`panel`,children:[`Choose a cell of the grid to see its pop-up`,h?` and, in a draft, edit it`:``,`.`]}),c(Cn,{})]})]})]})}function _n({open:t}){let[n,r]=e(F.Submitted),i=N(an,{status:n||null},n),a=i.data?.catalogDrafts.nodes??[];return c(`div`,{class:`stack`,children:[c(`label`,{children:[`Drafts`,c(`select`,{value:n,onChange:e=>r(e.currentTarget.value),children:[c(`option`,{value:``,children:`all`}),Object.values(F).map(e=>c(`option`,{value:e,children:J(e).toLowerCase()},e))]})]}),i.error!==null&&c(k,{error:i.error,title:`Could not list the drafts`}),i.data&&a.length===0&&c(`p`,{class:`muted`,children:[`No `,n?J(n).toLowerCase()+` `:``,`draft.`]}),a.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Catalog drafts`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Draft`}),c(`th`,{children:`Status`}),c(`th`,{children:`Author`}),c(`th`,{children:`From version`}),c(`th`,{children:`Last changed`})]})}),c(`tbody`,{children:a.map(e=>c(`tr`,{children:[c(`td`,{children:c(`button`,{type:`button`,class:`link`,onClick:()=>t(e.id),children:[`Draft `,e.id]})}),c(`td`,{children:J(e.status)}),c(`td`,{children:W(e.author)}),c(`td`,{children:e.baseVersion}),c(`td`,{children:K(e.updatedAt)})]},e.id))})]})}),i.data?.catalogDrafts.pageInfo.hasNextPage&&c(`p`,{class:`muted`,children:`The 20 newest are shown.`})]})}function vn({draft:t,user:n,onChange:i,onClose:a}){let[o,s]=e(``),[l,d]=e(!1),[f,p]=e(null),m=n.roles.some(e=>Ve.includes(e)),h=n.roles.some(e=>He.includes(e)),g=G(t.author,n),_=Ke(),v=async()=>{await _.ask({title:`Approve and publish catalog draft ${t.id}?`,body:c(r,{children:[c(`p`,{children:[`You approve the texts `,oe(t.author),`. They become the current reason catalog the moment you confirm: every decline from then on shows the shopper the new `,t.changes.length===1?`text`:`texts`,` of`]}),c(`ul`,{children:t.changes.map(e=>c(`li`,{children:[J(e.code),`, `,e.locale,`, `,J(e.audience),e.after&&`: “${e.after.title}”`]},mn(e)))}),c(`p`,{children:`Decisions made before keep the texts they were shown (each pins its catalog version). A published version cannot be withdrawn: a later draft replaces it.`})]}),confirm:`Approve and publish`})&&b(()=>y(un,{id:t.id}))},b=async e=>{d(!0),p(null);try{await e(),he(),i()}catch(e){p(e)}finally{d(!1)}};return c(r,{children:[c(`p`,{children:[`Draft `,t.id,` `,c(`span`,{class:`badge muted`,children:J(t.status)}),` ·`,` `,t.status===F.Draft?`written by ${W(t.author)}`:oe(t.author,t.reviewer,t.status===F.Rejected?`rejected`:`approved`),t.comment&&` (“${t.comment}”)`,` · from published version `,t.baseVersion,`, revision `,t.revision,`, last changed `,K(t.updatedAt),`.`,t.publishedVersion&&` Published as version ${t.publishedVersion}.`,` `,c(`button`,{type:`button`,class:`link`,onClick:a,children:`Close the draft`})]}),c(xn,{changes:t.changes,label:`Changes in the draft`}),c(`div`,{class:`toolbar`,children:[t.status===F.Draft&&m&&c(`button`,{type:`button`,onClick:()=>b(()=>y(ln,{id:t.id,revision:t.revision})),disabled:l||t.changes.length===0,children:`Submit for approval`}),t.status===F.Submitted&&h&&!g&&c(r,{children:[c(`button`,{type:`button`,onClick:v,disabled:l,children:`Approve and publish`}),c(`label`,{children:[`Reason to reject`,c(`input`,{value:o,onInput:e=>s(e.currentTarget.value)})]}),c(`button`,{type:`button`,class:`danger`,onClick:()=>b(()=>y(dn,{id:t.id,comment:o.trim()})),disabled:l||!o.trim(),children:`Reject`})]}),t.status===F.Submitted&&g&&c(`p`,{class:`notice`,children:`You submitted this draft; another approver must review it.`})]}),f!==null&&c(k,{error:f,title:f instanceof u&&f.code===`CONFLICT`?`Conflict: the draft changed since it was loaded; reload it`:`Not done`}),_.dialog]})}var yn=[`title`,`body`,`steps`];function bn(e){return e?{title:e.title,body:e.body,steps:e.steps.join(`
`)}:null}function xn({changes:e,label:t}){return e.length===0?c(`p`,{children:`No text differs.`}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":t,class:`text-diff`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Text`}),c(`th`,{children:`Change`}),c(`th`,{children:`Field`}),c(`th`,{children:`Before`}),c(`th`,{children:`After`})]})}),e.map(e=>{let t=Qt(bn(e.before),bn(e.after),yn),n=t.filter(e=>e.status!==`same`),i=t.filter(e=>e.status===`same`&&e.parts.length>0).map(e=>e.field),a=n.length+ +(i.length>0),o=c(r,{children:[c(`th`,{scope:`rowgroup`,rowSpan:a,children:[J(e.code),`, `,e.locale,`, `,J(e.audience)]}),c(`td`,{rowSpan:a,children:J(e.kind)})]});return c(`tbody`,{"data-text":mn(e),children:[n.map((e,t)=>c(`tr`,{"data-field":e.field,children:[t===0&&o,c(`td`,{children:J(e.field)}),c(`td`,{class:`field-old`,children:e.status===`added`?`–`:e.parts.map((e,t)=>e.kind===`same`?Zt(e):e.kind===`del`?c(`del`,{children:e.text},t):null)}),c(`td`,{class:`field-new`,children:e.status===`removed`?`–`:e.parts.map((e,t)=>e.kind===`same`?e.text:e.kind===`ins`?c(`ins`,{children:e.text},t):null)})]},e.field)),i.length>0&&c(`tr`,{"data-field":`unchanged`,children:[n.length===0&&o,c(`td`,{children:i.map(e=>J(e)).join(`, `)}),c(`td`,{colSpan:2,class:`muted`,children:`unchanged`})]})]},mn(e))})]})})}function Sn(t){let{code:n,locale:r,draft:i}=t,a=t.text?{title:t.text.title,body:t.text.body,steps:t.text.steps.join(`
`)}:{title:``,body:``,steps:``},l=N(nn,{code:n,locale:r},`${n}|${r}`),[d,f]=e(a),[p,m]=e(null),[h,g]=e(null),[_,v]=e(!1),[b,x]=e(null),[S,C]=e(``),w=!d.title.trim()&&!d.body.trim()&&!d.steps.trim(),T=o(()=>$t((e,t)=>y(nn,{code:n,locale:r,text:{title:e.title,body:e.body,steps:Gt(e.steps)}},t),{onData:e=>{m(e.previewMessage),g(null)},onError:g,onPending:v},{interval:150}),[n,r]);s(()=>()=>T.cancel(),[T]),s(()=>{!i||w?T.cancel():T.schedule(d)},[d.title,d.body,d.steps,!!i]);let E=e=>t=>f({...d,[e]:t.currentTarget.value}),D=Kt(b??h),O=l.data?.previewMessage??null,A=async e=>{if(e.preventDefault(),i){x(null),C(``);try{let e=(await y(cn,{id:i.id,revision:i.revision,code:n,locale:r,audience:ne.Shopper,text:{title:d.title,body:d.body,steps:Gt(d.steps)}})).editCatalogText;C(`Saved in draft ${e.id}, revision ${e.revision}.`),t.onSaved()}catch(e){x(e)}}},j=e=>D[e]?c(`span`,{class:`field-error`,id:`cat-${e}-err`,children:D[e].join(`; `)}):null,P=h!==null&&Object.keys(D).length===0;return c(`section`,{class:`panel`,"aria-labelledby":`editor-h`,children:[c(`h2`,{id:`editor-h`,children:[J(n),`, `,r]}),c(`h3`,{children:`Now, at checkout`}),l.error!==null&&c(k,{error:l.error,title:`Could not render the current pop-up`}),O?c(yt,{message:O}):l.loading&&c(M,{label:`Rendering…`}),i?c(`form`,{class:`stack`,onSubmit:A,"aria-label":`Edit the shopper text`,children:[c(`h3`,{children:[`Shopper text in draft `,i.id]}),c(`p`,{class:`muted`,children:[`The fields hold the draft’s text as written. Placeholders: `,`{merchant} {amount} {score} {bureau} {scoreRange} {scoreDate}`,`.`]}),c(`label`,{children:[`Title`,c(`input`,{name:`title`,value:d.title,onInput:E(`title`),"aria-invalid":D.title?`true`:void 0,"aria-describedby":D.title?`cat-title-err`:void 0}),j(`title`)]}),c(`label`,{children:[`Body`,c(`textarea`,{name:`body`,rows:4,value:d.body,onInput:E(`body`),"aria-invalid":D.body?`true`:void 0,"aria-describedby":D.body?`cat-body-err`:void 0}),j(`body`)]}),c(`label`,{children:[`Steps (one per line)`,c(`textarea`,{name:`steps`,rows:3,value:d.steps,onInput:E(`steps`),"aria-invalid":D.steps?`true`:void 0,"aria-describedby":D.steps?`cat-steps-err`:void 0}),j(`steps`)]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`submit`,disabled:w,children:`Save text`}),S&&c(`span`,{role:`status`,class:`muted`,children:S})]}),b!==null&&Object.keys(Kt(b)).length===0&&c(k,{error:b,title:b instanceof u&&b.code===`CONFLICT`?`Conflict: the draft changed since it was loaded; reload it`:`Not saved`}),c(`h3`,{children:[`Preview `,_&&c(`span`,{class:`muted`,children:`(updating…)`})]}),P&&c(k,{error:h,title:`The preview failed`}),w?c(`p`,{class:`muted`,children:`Type a text to preview it.`}):p&&c(`div`,{"aria-label":`Live preview`,role:`region`,class:_?`stale`:void 0,children:c(yt,{message:p})})]}):c(`p`,{class:`muted`,children:`Open or start a draft to edit this text.`})]})}function Cn(){let[t,n]=e(null),r=N(fn,t??{from:0,to:0},JSON.stringify(t),!t);return c(`section`,{class:`panel`,"aria-labelledby":`vdiff-h`,children:[c(`h2`,{id:`vdiff-h`,children:`Compare published versions`}),c(`form`,{class:`toolbar`,onSubmit:e=>{e.preventDefault();let t=new FormData(e.currentTarget);n({from:Number(t.get(`from`)),to:Number(t.get(`to`))})},children:[c(`label`,{children:[`From version`,c(`input`,{name:`from`,type:`number`,min:`1`,step:`1`,required:!0,size:5})]}),c(`label`,{children:[`To version`,c(`input`,{name:`to`,type:`number`,min:`1`,step:`1`,required:!0,size:5})]}),c(`button`,{type:`submit`,class:`secondary`,children:`Compare`})]}),r.error!==null&&c(k,{error:r.error,title:`Could not compare`}),r.loading&&c(M,{label:`Comparing…`}),r.data&&c(xn,{changes:r.data.catalogDiff,label:`Differences between the versions`}),c(`p`,{class:`muted`,children:[`Decisions pin the catalog version they used; see a `,c(O,{href:`/decisions`,children:`decision`}),`.`]})]})}var wn=[`#1d4e89`,`#c2410c`,`#15803d`,`#7e22ce`,`#0e7490`,`#a16207`,`#be185d`,`#4b5563`];function Z(e){return Math.floor(Date.parse(e)/1e3)}function Tn(e){let t=new Set;for(let n of e)for(let e of n.points)t.add(Z(e.bucketStart));let n=[...t].sort((e,t)=>e-t),r=new Map(n.map((e,t)=>[e,t])),i=e.map(e=>{let t=Array(n.length).fill(null);for(let n of e.points)n.rate!==null&&n.rate!==void 0&&n.assessed!==0&&(t[r.get(Z(n.bucketStart))]=n.rate*100);return t});return{labels:e.map(e=>e.label),xs:n,ys:i}}function En(e,t){let n=0,r=e.length-1,i=-1;for(;n<=r;){let a=n+r>>1;e[a]<=t?(i=a,n=a+1):r=a-1}return i}function Dn(e,t,n,r){return e.map(e=>({id:e.activation.id,x:Z(e.activation.activatedAt),market:e.activation.market,versionId:e.activation.versionId,version:e.version.version,activatedBy:W(e.activation.activatedBy),author:W(e.version.author),approver:W(e.version.approver),emergency:e.activation.emergency,series:t.indexOf(e.activation.market)})).filter(e=>e.x>=n&&e.x<r).sort((e,t)=>e.x-t.x)}function On(e,t){let n=new Map;for(let r of e){let e=t.labels.indexOf(r.market);if(e<0)continue;let i=En(t.xs,Z(r.bucketStart));if(i<0)continue;let a=`${e}:${i}`,o=n.get(a);o&&Math.abs(o.anomaly.zScore)>=Math.abs(r.zScore)||n.set(a,{anomaly:r,x:t.xs[i],y:t.ys[e][i],series:e})}return[...n.values()].sort((e,t)=>e.x-t.x||e.series-t.series)}var kn=60,An=86400,jn=new Map;function Mn(e,t){let n=jn.get(t);n||(n=new Intl.DateTimeFormat(`en-US`,{timeZone:t,hourCycle:`h23`,year:`numeric`,month:`numeric`,day:`numeric`,hour:`numeric`,minute:`numeric`}),jn.set(t,n));let r={};for(let t of n.formatToParts(new Date(e*1e3)))t.type!==`literal`&&(r[t.type]=Number(t.value));return{y:r.year,mo:r.month,d:r.day,h:r.hour%24,mi:r.minute}}function Nn(e,t){if(t===`UTC`)return 0;let n=Mn(e,t);return Date.UTC(n.y,n.mo-1,n.d,n.h,n.mi)/1e3-Math.floor(e/kn)*kn}var Pn=e=>String(e).padStart(2,`0`);function Fn(e,t=`UTC`){return e.length>0&&e.every(e=>(e+Nn(e,t))%An===0)?`day`:`minute`}function In(e,t,n=`UTC`){let r=Mn(e,n),i=`${r.y}-${Pn(r.mo)}-${Pn(r.d)}`;return t===`day`?i:`${i} ${Pn(r.h)}:${Pn(r.mi)} ${n}`}function Ln(e,t,n=`UTC`){let r=``;return e.map(e=>{let i=Mn(e,n),a=`${i.y}-${Pn(i.mo)}-${Pn(i.d)}`;if(t>=An)return t>=28*An&&i.d===1?`${i.y}-${Pn(i.mo)}`:a;let o=`${Pn(i.h)}:${Pn(i.mi)}`,s=a===r?o:`${o}\n${a}`;return r=a,s})}function Rn(e){return new Date(e*1e3).toISOString().replace(`.000Z`,`Z`)}function zn(e,t,n=`UTC`){if(t===`HOUR`)return e+3600;let r=e+(t===`WEEK`?7:1)*An;return r+Nn(e,n)-Nn(r,n)}function Bn(e,t,n,r){return{from:Math.max(e,r.from),to:Math.min(zn(e,t,n),r.to)}}function Vn(e,t,n,r,i,a){let o=Math.max(Math.min(e,t),a.from),s=Math.min(Math.max(e,t),a.to);if(n.length===0||s<=o)return null;let c=Math.max(En(n,o),0),l=En(n,s);if(l<0)return null;let u={from:Math.max(n[c],a.from),to:Math.min(zn(n[Math.max(l,c)],r,i),a.to)};return u.to>u.from?u:null}function Hn(e,t){let n=new URLSearchParams(e);return n.has(`unzoom`)||n.set(`unzoom`,`${e.get(`from`)??``}~${e.get(`to`)??``}`),n.set(`from`,Rn(t.from)),n.set(`to`,Rn(t.to)),n}function Un(e){let t=new URLSearchParams(e),[n=``,r=``]=(e.get(`unzoom`)??``).split(`~`);t.delete(`unzoom`);for(let[e,i]of[[`from`,n],[`to`,r]])i?t.set(e,i):t.delete(e);return t}function Wn(e){let t=[];for(let n=0;n<e.length;n++)e[n]!=null&&e[n-1]==null&&e[n+1]==null&&t.push(n);return t}var Gn=[`ANALYST`,`APPROVER`],Kn=[`APPROVER`],qn={DE:`EUR`,GB:`GBP`,SE:`SEK`,US:`USD`};function Jn(e){return qn[e]??``}function Q(e,t){if(e==null)return`–`;let n=Math.round(e).toLocaleString(`en-US`);return t?`${n} ${t}`:n}function Yn(e,t){let n=(e/100).toLocaleString(`en-US`,{minimumFractionDigits:2,maximumFractionDigits:2});return t?`${n} ${t}`:n}function Xn(e,t,n=1){return e==null||t==null||Math.abs(t-e)<.5*10**-(n+2)?``:`${(e*100).toFixed(n)}–${(t*100).toFixed(n)} %`}function Zn(e){return`observed only: ${e.inferred.toLocaleString(`en-US`)} declined as decided left out, too few mature outcomes to infer them`}function Qn(e,t){let n=e.inferred>0;if(e.badRate===null||e.badRate===void 0){if(n&&!t&&e.mature>0)return{text:X(e.bad/e.mature,1),interval:``,inferred:!1,partial:Zn(e)};let r=`–`;return e.decisions===0?r=`none`:n&&!t?r=`not inferable`:e.mature===0&&e.immature>0&&(r=`all immature`),{text:r,interval:``,inferred:!1}}return{text:X(e.badRate,1),interval:n?Xn(e.badRateLow,e.badRateHigh):``,inferred:n}}function $n(e,t,n){let r=e.inferred>0;if(r&&!n)return e.mature===0?{text:`not inferable`,interval:``,inferred:!1}:{text:Q(e.loss,t),interval:``,inferred:!1,partial:Zn(e)};let i=r&&e.lossHigh-e.lossLow>=.5?`${Q(e.lossLow,``)}–${Q(e.lossHigh,t)}`:``;return{text:Q(e.loss,t),interval:i,inferred:r}}function er(e){return[[{key:`keptApproved`,title:`Kept approved`,meaning:`approved either way`,figures:e.keptApproved},{key:`swapOut`,title:`Swap-out`,meaning:`loss avoided`,figures:e.swapOut}],[{key:`swapIn`,title:`Swap-in`,meaning:`loss taken on`,figures:e.swapIn},{key:`keptDeclined`,title:`Kept declined`,meaning:`declined either way`,figures:e.keptDeclined}]]}function tr(e){let t=new Map;for(let n of e)t.set(nr(n.approvalRate*100),n);let n=[...t.keys()].sort((e,t)=>e-t),r=e=>e==null?null:nr(e*100),i=n.map(e=>r(t.get(e).badRate));return{xs:n,bad:i,loss:n.map(e=>r(t.get(e).lossRate)),hasOutcomes:i.some(e=>e!==null)}}function nr(e){return Math.round(e*1e6)/1e6}function rr(e,t){return`${e}: cut-off ${t.cutoff.toLocaleString(`en-US`,{maximumFractionDigits:3})}, approval ${X(t.approvalRate,1)}, bad rate ${X(t.badRate,2)}, loss ${X(t.lossRate,2)} of volume`}function ir(e){let t=e.vintage.slice(0,7);return e.group?`${t} ${e.group}`:t}function ar(e,t){let n=e.filter(e=>e.approved>0).slice().sort((e,t)=>e.vintage.localeCompare(t.vintage)||(e.group??``).localeCompare(t.group??``)),r=-1;for(let e of n)for(let t of e.points)r=Math.max(r,t.monthsSinceDecision);let i=Array.from({length:r+1},(e,t)=>t),a=n.map(e=>{let n=Array(i.length).fill(null);for(let r of e.points)n[r.monthsSinceDecision]=nr(r[t]*100);return n});return{labels:n.map(ir),xs:i,ys:a}}function or(e,t){let n=e.filter(e=>e.approved>0).slice().sort((e,t)=>e.vintage.localeCompare(t.vintage)||(e.group??``).localeCompare(t.group??``)),r=(e,t)=>{let n=new Date(e);return Math.floor(Date.UTC(n.getUTCFullYear(),n.getUTCMonth()+t,1)/1e3)},i=new Set;for(let e of n)for(let t of e.points)i.add(r(e.vintage,t.monthsSinceDecision));let a=[...i].sort((e,t)=>e-t),o=new Map(a.map((e,t)=>[e,t])),s=n.map(e=>{let n=Array(a.length).fill(null);for(let i of e.points)n[o.get(r(e.vintage,i.monthsSinceDecision))]=nr(i[t]*100);return n});return{labels:n.map(ir),xs:a,ys:s}}function sr(e,t){let n=[...new Set(e.map(e=>e.vintage))].sort((e,t)=>Z(e)-Z(t)),r=new Map;for(let e of t){let t=Z(e.activatedAt),i=n.find(e=>Z(e)>=t);r.set(e.id,i?i.slice(0,7):null)}return r}var cr={CURRENT:0,PAID:0,LATE_1_29:1,LATE_30_59:2,LATE_60_89:3,LATE_90_PLUS:4,CHARGED_OFF:5,RECOVERED:5};function lr(e){if(!e)return`none`;let t=cr[e]??0;return t===0?`ok`:t>=5?`lost`:`late`}var ur={CURRENT:`Current`,PAID:`Paid`,LATE_1_29:`1–29 days late`,LATE_30_59:`30–59 days late`,LATE_60_89:`60–89 days late`,LATE_90_PLUS:`90+ days late`,CHARGED_OFF:`Charged off`,RECOVERED:`Recovered`};function dr(e){return ur[e]??e}function fr(e,t){let n=Date.parse(e),r=0;return t.slice().sort((e,t)=>Date.parse(e.observedAt)-Date.parse(t.observedAt)).map(e=>{let t=cr[e.status]??0,i=t>r&&e.status!==`RECOVERED`;return r=Math.max(r,t),{...e,day:Math.floor((Date.parse(e.observedAt)-n)/864e5),worsened:i}})}var pr=[`LATE_30_59`,`LATE_60_89`,`LATE_90_PLUS`,`CHARGED_OFF`];function mr(e,t){return`ever ${{LATE_30_59:`30+ days late`,LATE_60_89:`60+ days late`,LATE_90_PLUS:`90+ days late`,CHARGED_OFF:`charged off`}[e]??e}${e===`CHARGED_OFF`?``:` or worse`} within ${t} ${t===1?`month`:`months`}`}function hr(e){if(!/^\d+$/.test(e.trim()))return`must be a whole number of months`;let t=Number(e);return t<1||t>24?`must be between 1 and 24`:``}var gr=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),_r=function(e){return`/`+e},vr={},yr=function(e){return e.pathname.endsWith(`.css`)},br=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw e[t]=void 0,n});return e[t]=i,i},xr=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=_r(t,n);let r=s(t),i=yr(r);return br(vr,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}if((i?e.styles:e.all).has(r.href))return;let t=document.createElement(`link`);if(t.rel=i?`stylesheet`:gr,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href,a&&t.setAttribute(`nonce`,a),document.head.appendChild(t),i)return new Promise((e,n)=>{let i=a=>{t.removeEventListener(`load`,i),t.removeEventListener(`error`,i),a.type===`error`?n(Error(`Unable to preload CSS for ${r}`)):e(a)};t.addEventListener(`load`,i),t.addEventListener(`error`,i)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})},Sr=Fe(()=>xr(()=>import(`./Plot-SPuDm91v.js`).then(e=>e.Plot),__vite__mapDeps([0,1,2])),`Drawing the chart…`,!1,(e,t,n)=>c(`figure`,{class:`chart`,"aria-label":e.label,role:`group`,"aria-busy":t?`true`:void 0,children:n}));U(`
  fragment RuleFields on ThresholdRule {
    measuredValue
    factor
    comparator
    cutoff
    enabled
    reasonCode
    scale
  }
`),U(`
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
`);var Cr=U(`
  query WhatIfStatus {
    whatIfStatus {
      loaded
      total
      ready
    }
  }
`);function wr({onReady:t}){let[n,r]=e(null),[i,a]=e(null);return s(()=>{let e=!1,n,i=new AbortController,o=async()=>{try{let s=(await y(Cr,{},i.signal)).whatIfStatus;if(e)return;r(s),a(null),t?.(s.ready),s.ready||(n=setTimeout(o,1e3))}catch(t){if(e)return;a(t),n=setTimeout(o,3e3)}};return o(),()=>{e=!0,i.abort(),clearTimeout(n)}},[]),i?c(k,{error:i,title:`Could not read the what-if warm-up`}):!n||n.ready?null:c(`div`,{class:`notice`,children:c(M,{label:`What-if history warming up: ${n.loaded.toLocaleString(`en-US`)} of ${n.total.toLocaleString(`en-US`)} decisions loaded; figures cover only those until it finishes.`,value:n.loaded,max:Math.max(1,n.total)})})}function Tr({impact:e,title:t}){return e?e.available?c(`div`,{"aria-label":t,role:`group`,children:[c(`div`,{class:`cards`,children:[c($,{label:`Decline rate now`,value:X(e.declineRateNow,2)}),c($,{label:`Decline rate proposed`,value:X(e.declineRateProposed,2),note:Ye(e.declineRateNow,e.declineRateProposed)}),c($,{label:`Approved → declined`,value:e.approvedToDeclined.toLocaleString(`en-US`)}),c($,{label:`Declined → approved`,value:e.declinedToApproved.toLocaleString(`en-US`)})]}),c(`p`,{class:`muted`,children:[`Over `,e.decisions.toLocaleString(`en-US`),` decisions`,e.from&&e.to?`, ${K(e.from)} to ${K(e.to)}`:``,`.`]})]}):c(`p`,{class:`notice`,children:[`The what-if could not answer when this was submitted: `,e.note]}):c(`p`,{class:`muted`,children:`No stored impact (a version no draft published).`})}function $({label:e,value:t,note:n,testId:r}){return c(`div`,{class:`card`,"data-figure":r,children:[c(`div`,{class:`label`,children:e}),c(`div`,{class:`value`,children:t}),n&&c(`div`,{class:`muted`,children:n})]})}function Er({rules:e,label:t}){return c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":t,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Measured value`}),c(`th`,{children:`Factor`}),c(`th`,{class:`num`,children:`Rule`}),c(`th`,{children:`Enabled`}),c(`th`,{children:`Reason when failed`})]})}),c(`tbody`,{children:e.map(e=>c(`tr`,{children:[c(`td`,{children:J(e.measuredValue)}),c(`td`,{children:J(e.factor)}),c(`td`,{class:`num`,children:[e.comparator===`GTE`?`≥`:`≤`,` `,q(e.cutoff)]}),c(`td`,{children:e.enabled?`yes`:c(`span`,{class:`badge muted`,children:`off`})}),c(`td`,{children:J(e.reasonCode)})]},e.measuredValue))})]})})}var Dr=U(`
  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {
    thresholdDiff(from: $from, to: $to) {
      measuredValue
      factor
      oldComparator
      newComparator
      oldCutoff
      newCutoff
      oldEnabled
      newEnabled
    }
  }
`);function Or({from:e,to:t,label:n}){let r=N(Dr,{from:e,to:t},JSON.stringify([e,t]));if(r.error)return c(k,{error:r.error,title:`Could not load the difference`});if(!r.data)return c(M,{label:`Comparing…`});let i=r.data.thresholdDiff;if(i.length===0)return c(`p`,{children:`No rule differs.`});let a=(e,t,n)=>`${e===`GTE`?`≥`:`≤`} ${q(t)}${n?``:` (off)`}`;return c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":n,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Measured value`}),c(`th`,{class:`num`,children:`Before`}),c(`th`,{class:`num`,children:`After`})]})}),c(`tbody`,{children:i.map(e=>c(`tr`,{children:[c(`td`,{children:[J(e.measuredValue),` `,c(`span`,{class:`muted`,children:J(e.factor)})]}),c(`td`,{class:`num diff-old`,children:a(e.oldComparator,e.oldCutoff,e.oldEnabled)}),c(`td`,{class:`num diff-new`,children:a(e.newComparator,e.newCutoff,e.newEnabled)})]},e.measuredValue))})]})})}U(`
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
`),U(`
  fragment SweepPointFields on SensitivityPoint {
    cutoff
    declineRate
    approvalRate
    badRate
    lossRate
  }
`);function kr({sim:e,currency:t}){let n=e.inference.available,r=e.outcomesNow,i=e.outcomesProposed,a=Qn(r,n),o=Qn(i,n),s=$n(r,t,n),l=$n(i,t,n),u=r.mature===0;return c(`div`,{role:`group`,"aria-label":`Outcomes now and proposed`,children:[c(`div`,{class:`cards`,children:[c($,{label:`Approval rate now`,value:X(e.approvalRateNow,2),testId:`approval-now`}),c($,{label:`Approval rate proposed`,value:X(e.approvalRateProposed,2),note:Ye(e.approvalRateNow,e.approvalRateProposed),testId:`approval-proposed`}),c($,{label:`Bad rate now`,value:a.text,note:a.partial??(a.interval?`inferred in part, 95 %: ${a.interval}`:void 0),testId:`bad-now`}),c($,{label:`Bad rate proposed`,value:o.text,note:[o.inferred?`inferred in part, 95 %: ${o.interval||o.text}`:o.partial??``,r.badRate!=null&&i.badRate!=null?Ye(r.badRate,i.badRate):``].filter(Boolean).join(`; `),testId:`bad-proposed`}),c($,{label:`Loss now`,value:s.text,note:`${X(r.lossRate,2)} of volume${s.interval?`; 95 %: ${s.interval}`:``}${s.partial?`; ${s.partial}`:``}`,testId:`loss-now`}),c($,{label:`Loss proposed`,value:l.text,note:`${X(i.lossRate,2)} of volume${l.interval?`; 95 %: ${l.interval}`:``}${l.partial?`; ${l.partial}`:``}`,testId:`loss-proposed`})]}),c(`p`,{class:`muted`,children:[`Bad: `,e.badDefinition.description,` (definition version `,e.badDefinition.version,`). Rates count mature approvals (`,r.mature.toLocaleString(`en-US`),` now) and, for purchases declined as decided, the inferred ones. Loss is written off net of recoveries, in `,t||`the market currency`,`.`]}),e.immatureShare!=null&&c(`p`,{"data-figure":`immature`,children:[c(`strong`,{children:X(e.immatureShare,1)}),` of the window's approvals are still immature (younger than `,e.badDefinition.windowMonths,` months) and left out of every rate.`]}),u&&c(`p`,{class:`notice`,children:`No approval in this window is mature yet: there is no observed bad rate or loss to compare.`}),!n&&c(`p`,{class:`notice`,"data-figure":`inference-unavailable`,children:[`Too few mature outcomes to infer how declined purchases would have repaid`,e.inference.note?` (${e.inference.note})`:``,`. Figures that need inference are left out: swap-ins and kept-declined have no bad rate.`]})]})}function Ar({sim:e,currency:t}){let n=e.inference.available,r=er(e.swapSet),i=e=>{let r=e.figures,i=Qn(r,n),a=$n(r,t,n);return c(`td`,{"data-cell":e.key,class:i.inferred?`inferred`:void 0,title:e.meaning,children:[c(`div`,{children:c(`strong`,{children:e.title})}),c(`div`,{children:[r.decisions.toLocaleString(`en-US`),` decisions`]}),c(`div`,{children:[`bad `,c(`span`,{"data-value":`bad`,children:i.text}),i.inferred&&c(`span`,{class:`badge muted`,children:`inferred`})]}),i.interval&&c(`div`,{class:`muted`,children:[`95 %: `,i.interval]}),i.partial&&c(`div`,{class:`muted`,children:i.partial}),c(`div`,{children:[`loss `,c(`span`,{"data-value":`loss`,children:a.text})]}),a.interval&&c(`div`,{class:`muted`,children:[`95 %: `,a.interval]}),r.immature>0&&c(`div`,{class:`muted`,children:[r.immature.toLocaleString(`en-US`),` immature, left out`]})]})};return c(`div`,{class:`table-wrap`,children:[c(`table`,{class:`swapset`,"aria-label":`Swap-set: now against proposed`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:c(`span`,{class:`visually-hidden`,children:`Now, and under the proposal`})}),c(`th`,{scope:`col`,children:`Proposed: approved`}),c(`th`,{scope:`col`,children:`Proposed: declined`})]})}),c(`tbody`,{children:[c(`tr`,{children:[c(`th`,{scope:`row`,children:`Approved now`}),i(r[0][0]),i(r[0][1])]}),c(`tr`,{children:[c(`th`,{scope:`row`,children:`Declined now`}),i(r[1][0]),i(r[1][1])]})]})]}),c(`p`,{class:`muted`,children:[`Swap-out: approved now, declined under the proposal (the loss avoided). Swap-in: declined now, approved under the proposal (the loss taken on). Inferred: purchases declined as decided never had the chance to repay; their bad rate comes from `,e.inference.method||`the reject-inference model`,e.inference.available?` fitted on ${e.inference.samples.toLocaleString(`en-US`)} mature approvals (${e.inference.bads.toLocaleString(`en-US`)} bad${e.inference.auc==null?``:`, AUC ${e.inference.auc.toFixed(3)}`})`:``,`, shown with a 95 % interval.`]})]})}var jr=e=>`${e.toFixed(1)} %`;function Mr({curve:e,name:t}){let n=tr(e.points);if(!n.hasOutcomes)return c(`p`,{class:`notice`,"data-figure":`frontier-none`,children:[`No frontier for `,t,`: no mature outcomes, so no bad rate along the sweep.`]});let r=e=>e==null?null:e*100,i=e.nowPoint,a=e.proposedPoint,o=[{x:i.approvalRate*100,y:r(i.badRate),color:`#1d4e89`,label:`now, bad rate`},{x:i.approvalRate*100,y:r(i.lossRate),color:`#1d4e89`,label:`now, loss rate`},{x:a.approvalRate*100,y:r(a.badRate),color:`#c2410c`,filled:!0,label:`proposed, bad rate`},{x:a.approvalRate*100,y:r(a.lossRate),color:`#c2410c`,filled:!0,label:`proposed, loss rate`}],s=Math.min(n.xs[0],i.approvalRate*100,a.approvalRate*100),l=Math.max(n.xs[n.xs.length-1],i.approvalRate*100,a.approvalRate*100);return c(`div`,{class:`frontier`,"data-rule":e.measuredValue,"data-proposed-x":(a.approvalRate*100).toFixed(2),children:[c(Sr,{label:`Trade-off as the ${t} cut-off sweeps: bad rate and loss rate against approval rate, with the now (ring) and proposed (disc) points`,xs:n.xs,ys:[n.bad,n.loss],series:[{label:`bad rate %`,color:`#7e22ce`},{label:`loss % of volume`,color:`#15803d`,dashed:!0}],time:!1,xLabel:`approval rate %`,xFormat:jr,yLabel:`%`,yFormat:e=>e.toFixed(1),xRange:[s,l],dots:o,height:220}),c(`ul`,{class:`frontier-points`,children:[c(`li`,{"data-point":`now`,children:[c(`span`,{class:`swatch ring`}),` `,rr(`Now`,i)]}),c(`li`,{"data-point":`proposed`,children:[c(`span`,{class:`swatch disc`}),` `,rr(`Proposed`,a)]})]})]})}function Nr({impact:e,currency:t}){if(e.approvalRateProposed==null&&e.badRateProposed==null&&e.lossProposed==null)return c(`p`,{class:`muted`,children:`No outcome figures were stored with this submission.`});let n=Xn(e.badRateProposedLow,e.badRateProposedHigh);return c(`div`,{role:`group`,"aria-label":`Predicted outcomes`,children:[c(`div`,{class:`cards`,children:[c($,{label:`Approval rate now`,value:X(e.approvalRateNow,2)}),c($,{label:`Approval rate proposed`,value:X(e.approvalRateProposed,2),note:e.approvalRateNow!=null&&e.approvalRateProposed!=null?Ye(e.approvalRateNow,e.approvalRateProposed):void 0}),c($,{label:`Bad rate now`,value:X(e.badRateNow,1)}),c($,{label:`Predicted bad rate`,value:X(e.badRateProposed,1),note:n?`95 %: ${n}`:void 0,testId:`predicted-bad`}),c($,{label:`Loss now`,value:Q(e.lossNow,t),note:`${X(e.lossRateNow,2)} of volume`}),c($,{label:`Predicted loss`,value:Q(e.lossProposed,t),note:`${X(e.lossRateProposed,2)} of volume`,testId:`predicted-loss`})]}),c(`p`,{class:`muted`,children:[e.badDefinition?`Bad: ${e.badDefinition}. `:``,e.matureDecisions==null?``:`${e.matureDecisions.toLocaleString(`en-US`)} of the proposal's approvals had a mature, observed outcome.`]})]})}var Pr=600,Fr=40;function Ir({decidedAt:e,repayment:t}){let n=fr(e,t.events),i=Math.max(1,Math.floor((Date.parse(t.matureAt)-Date.parse(e))/864e5),...n.map(e=>e.day)),a=e=>10+Math.max(0,e)/i*580,o=Math.floor((Date.parse(t.matureAt)-Date.parse(e))/864e5),s=t.class===`BAD`?`declined`:t.class===`GOOD`?`approved`:`muted`;return c(`div`,{children:[c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Status`}),c(`dd`,{children:t.status?c(`span`,{class:`badge tone-${lr(t.status)}`,children:dr(t.status)}):c(`span`,{class:`muted`,children:`no event yet`})}),c(`dt`,{children:`Class`}),c(`dd`,{children:[c(`span`,{class:`badge ${s}`,"data-class":t.class,children:J(t.class)}),` `,c(`span`,{class:`muted`,children:t.class===`IMMATURE`?`until ${K(t.matureAt)}: neither good nor bad yet`:`mature since ${K(t.matureAt)}`})]}),c(`dt`,{children:`Outstanding`}),c(`dd`,{children:Yn(t.outstandingMinor,t.currency)}),c(`dt`,{children:`Written off`}),c(`dd`,{children:Yn(t.writtenOffMinor,t.currency)})]}),n.length===0?c(`p`,{children:`No repayment event has been recorded yet.`}):c(r,{children:[c(`svg`,{class:`timeline`,viewBox:`0 0 ${Pr} ${Fr}`,width:`100%`,role:`img`,"aria-label":`Repayment timeline: ${n.length} events over ${n[n.length-1].day} days; the table below lists them.`,children:[c(`line`,{class:`axis`,x1:10,x2:590,y1:18,y2:18}),o>=0&&c(`line`,{class:`mature`,x1:a(o),x2:a(o),y1:4,y2:32}),n.map(e=>c(`circle`,{class:`tone-${lr(e.status)}`,cx:a(e.day),cy:18,r:e.worsened?6:4},e.eventId)),c(`text`,{x:10,y:39,children:`decided`}),o>=0&&c(`text`,{x:a(o),y:39,"text-anchor":a(o)>540?`end`:`middle`,children:`mature`})]}),c(`div`,{class:`table-wrap`,children:c(`table`,{class:`events`,"aria-label":`Repayment events`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Observed`}),c(`th`,{class:`num`,children:`Day`}),c(`th`,{children:`Status`}),c(`th`,{class:`num`,children:`Outstanding`}),c(`th`,{class:`num`,children:`Written off`})]})}),c(`tbody`,{children:n.map(e=>c(`tr`,{class:e.worsened&&lr(e.status)!==`ok`?`failed`:void 0,children:[c(`td`,{class:`nowrap`,title:K(e.observedAt),children:e.observedAt.slice(0,10)}),c(`td`,{class:`num`,children:e.day}),c(`td`,{children:c(`span`,{class:`badge tone-${lr(e.status)}`,children:dr(e.status)})}),c(`td`,{class:`num`,children:Yn(e.outstandingMinor,t.currency)}),c(`td`,{class:`num`,children:Yn(e.writtenOffMinor,t.currency)})]},e.eventId))})]})})]})]})}function Lr(e){return Array.isArray(e)?e.filter(e=>typeof e==`object`&&!!e&&typeof e.measuredValue==`string`&&typeof e.value==`number`&&typeof e.cutoff==`number`&&(e.comparator===`GTE`||e.comparator===`LTE`)&&typeof e.passed==`boolean`):[]}function Rr(e,t){return e.map(e=>{let n=t.get(e.measuredValue);if(!n||n<=0){let t=Math.abs(e.value-e.cutoff);n=e.shortfall>0&&t>0?t/e.shortfall:Math.abs(e.cutoff)||1}let r=(e.comparator===`GTE`?e.value-e.cutoff:e.cutoff-e.value)/n;return{...e,margin:r,drawn:Math.max(-3,Math.min(3,r))}})}U(`
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
`);function zr({d:e,user:t,pinned:n,pinnedNote:i,aside:a}){let o=new Map((n?.rules??[]).map(e=>[e.measuredValue,e.scale])),s=Rr(Lr(e.breakdown),o),l=Br(t)?c(O,{href:`/thresholds/versions/${e.thresholdVersion.id}`,children:[e.thresholdVersion.market,` version `,e.thresholdVersion.version]}):c(r,{children:[e.thresholdVersion.market,` version `,e.thresholdVersion.version]});return c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`facts-h`,children:[c(`h2`,{id:`facts-h`,children:`Facts`}),c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Outcome`}),c(`dd`,{children:[c(`span`,{class:`badge ${e.outcome===R.Approved?`approved`:`declined`}`,children:J(e.outcome)}),e.kind===I.ManualReview&&c(r,{children:[` `,c(`span`,{class:`badge info`,children:`manual review`})]})]}),e.kind===I.ManualReview&&c(r,{children:[c(`dt`,{children:`Reviewer`}),c(`dd`,{children:W(e.reviewer)}),c(`dt`,{children:`Reviewer's reason`}),c(`dd`,{children:e.reviewReason})]}),c(`dt`,{children:`Time`}),c(`dd`,{children:K(e.createdAt)}),c(`dt`,{children:`Amount`}),c(`dd`,{children:qe(e.amount,e.currency)}),c(`dt`,{children:`Market`}),c(`dd`,{children:e.market}),c(`dt`,{children:`Merchant`}),c(`dd`,{children:[e.merchant.name,` (`,e.merchant.category,`, `,c(`code`,{children:e.merchant.id}),`)`]}),c(`dt`,{children:`Shopper`}),c(`dd`,{children:[c(`code`,{children:e.shopperId}),`, locale `,e.locale,`, `,e.channel]}),c(`dt`,{children:`Threshold set`}),c(`dd`,{children:[l,n&&c(`span`,{class:`muted`,children:[` `,`by `,n.author,`, approved by `,n.approver,`, `,K(n.createdAt)]})]}),c(`dt`,{children:`Reason catalog`}),c(`dd`,{children:[`version id `,e.catalogVersionId]})]})]}),c(`section`,{class:`panel`,"aria-labelledby":`chart-h`,children:[c(`h2`,{id:`chart-h`,children:`Factor breakdown`}),i,e.kind===I.ManualReview&&c(`p`,{class:`muted`,children:`The factor values of the decision this one overturned: a reviewer approved the purchase although the rules in red failed.`}),c(Jr,{bars:s}),c(Yr,{bars:s})]})]}),c(`div`,{children:[a,c(`section`,{class:`panel`,"aria-labelledby":`reasons-h`,children:[c(`h2`,{id:`reasons-h`,children:`Principal reasons`}),e.reasons.length===0?c(`p`,{children:e.kind===I.ManualReview?`None: a reviewer approved the purchase.`:`None: the purchase was approved.`}):c(`ol`,{children:e.reasons.map(e=>c(`li`,{children:[c(`strong`,{children:J(e.code)}),` `,c(`span`,{class:`muted`,children:[`(`,J(e.factor),`, `,J(e.measuredValue),`)`]})]},e.rank))})]}),c(`section`,{class:`panel`,"aria-labelledby":`msg-h`,children:[c(`h2`,{id:`msg-h`,children:`What the shopper saw`}),e.message?c(yt,{message:e.message}):c(`p`,{children:`No pop-up: the purchase was approved.`})]}),e.outcome===R.Approved&&ke(t.roles)&&c(`section`,{class:`panel`,"aria-labelledby":`repay-h`,children:[c(`h2`,{id:`repay-h`,children:`Repayment`}),e.repayment?c(Ir,{decidedAt:e.createdAt,repayment:e.repayment}):c(`p`,{children:`No repayment history has been recorded for this purchase.`})]})]})]})}function Br(e){return Le(e)}var Vr=U(`
  query PinnedThresholds($id: ID!) {
    thresholdVersion(id: $id) {
      id
      author
      approver
      createdAt
      rules {
        measuredValue
        scale
      }
    }
  }
`);function Hr(e,t){let n=e&&Br(t)?e.thresholdVersion.id:``;return N(Vr,{id:n},n,!n)}function Ur({pinned:e,user:t}){return e.error===null?Br(t)?null:c(`p`,{class:`muted`,children:`Bar lengths use scales estimated from the breakdown: the threshold set itself is for analysts.`}):c(k,{error:e.error,title:`Could not load the pinned thresholds; bars use estimated scales`})}var Wr=26,Gr=230,Kr=420,qr=670;function Jr({bars:e}){let t=Kr/2/3,n=e.length*Wr+30,r=e.filter(e=>e.enabled&&!e.passed).length;return c(`figure`,{children:[c(`svg`,{class:`factor-chart`,viewBox:`0 0 ${qr} ${n}`,width:`100%`,role:`img`,"aria-label":`Factor breakdown: ${e.length} rules, ${r} failed. The table below has the values.`,children:[e.map((e,n)=>{let r=n*Wr,i=e.drawn>=0?440:440+e.drawn*t,a=Math.max(2,Math.abs(e.drawn)*t),o=e.enabled?e.passed?`pass`:`fail`:`off`;return c(`g`,{"data-rule":e.measuredValue,"data-result":o,children:[o===`fail`&&c(`rect`,{class:`row-failed`,x:0,y:r,width:qr,height:Wr}),c(`text`,{x:222,y:r+Wr/2+4,"text-anchor":`end`,children:J(e.measuredValue)}),c(`rect`,{class:`bar ${o}`,x:i,y:r+6,width:a,height:14,rx:2})]},e.measuredValue)}),c(`line`,{class:`axis`,x1:440,x2:440,y1:0,y2:e.length*Wr}),c(`text`,{x:440,y:e.length*Wr+16,"text-anchor":`middle`,children:`cut-off`}),c(`text`,{x:Gr,y:e.length*Wr+16,children:`← fails`}),c(`text`,{x:650,y:e.length*Wr+16,"text-anchor":`end`,children:`passes →`})]}),c(`figcaption`,{class:`legend`,children:[c(`span`,{children:[c(`span`,{class:`swatch pass`}),`passed`]}),c(`span`,{children:[c(`span`,{class:`swatch fail`}),`failed`]}),c(`span`,{children:[c(`span`,{class:`swatch off`}),`rule disabled`]}),c(`span`,{children:[`bar length: distance from the cut-off in the rule's scale, up to `,3]})]})]})}function Yr({bars:e}){return c(`details`,{children:[c(`summary`,{children:`Values and cut-offs`}),c(`table`,{"aria-label":`Factor values and cut-offs`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Measured value`}),c(`th`,{children:`Factor`}),c(`th`,{class:`num`,children:`Value`}),c(`th`,{class:`num`,children:`Cut-off`}),c(`th`,{children:`Result`})]})}),c(`tbody`,{children:e.map(e=>c(`tr`,{class:e.enabled&&!e.passed?`failed`:void 0,children:[c(`td`,{children:J(e.measuredValue)}),c(`td`,{children:J(e.factor)}),c(`td`,{class:`num`,children:q(e.value)}),c(`td`,{class:`num`,children:[e.comparator===`GTE`?`≥`:`≤`,` `,q(e.cutoff)]}),c(`td`,{children:e.enabled?e.passed?c(`span`,{class:`badge pass`,children:`passed`}):c(`span`,{class:`badge fail`,children:[`failed: `,J(e.reasonCode)]}):c(`span`,{class:`badge muted`,children:`disabled`})})]},e.measuredValue))})]})]})}var Xr=U(`
  query DecisionDetail($id: ID!) {
    decision(id: $id) {
      ...DecisionFull
      overturns {
        id
        reference
      }
      overturnedBy {
        id
        reference
      }
      reviewCases {
        id
        status
        requestedAt
        dueAt
        overdue
        outcome
        decidedAt
      }
    }
  }
`),Zr=U(`
  query DecisionIdByReference($reference: String!) {
    decisionByReference(reference: $reference) {
      id
    }
  }
`),Qr=/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;function $r({params:e,user:t}){let n=Qr.test(e.id),i=N(Zr,{reference:e.id},e.id,n),a=N(Xr,{id:e.id},e.id,!n),o=a.data?.decision,l=Hr(o,t),u=i.data?.decisionByReference?.id;return s(()=>{u&&w(`/decisions/${u}`,{replace:!0})},[u]),a.error||i.error?c(k,{error:a.error??i.error,title:`Could not load the decision`}):a.loading||i.loading||u?c(M,{label:`Loading the decision…`}):o?c(r,{children:[c(P,{title:`Decision ${o.reference}`,children:c(O,{href:`/decisions`,children:`← All decisions`})}),c(zr,{d:o,user:t,pinned:l.data?.thresholdVersion,pinnedNote:c(Ur,{pinned:l,user:t}),aside:c(ei,{d:o})})]}):c(r,{children:[c(P,{title:`Decision not found`}),c(`p`,{children:[`No decision has the `,n?`id`:`reference`,` `,c(`code`,{children:e.id}),`. `,c(O,{href:`/decisions`,children:`Back to the decisions`})]})]})}function ei({d:e}){return e.reviewCases.length===0&&!e.overturns&&!e.overturnedBy?null:c(`section`,{class:`panel`,"aria-labelledby":`linked-h`,children:[c(`h2`,{id:`linked-h`,children:`Human review`}),c(`ul`,{class:`linked`,children:[e.reviewCases.map(e=>c(`li`,{children:[c(O,{href:`/reviews/${e.id}`,children:[`Review case `,e.id]}),` `,c(`span`,{class:zt(e.status),children:J(e.status)}),e.overdue&&c(r,{children:[` `,c(`span`,{class:`badge overdue`,children:`overdue`})]}),` `,c(`span`,{class:`muted`,children:[`requested `,K(e.requestedAt),`, `,e.decidedAt?`decided ${K(e.decidedAt)}`:`due ${K(e.dueAt)}`]})]},e.id)),e.overturnedBy&&c(`li`,{children:[`Overturned by the manual review decision `,c(O,{href:`/decisions/${e.overturnedBy.id}`,children:e.overturnedBy.reference})]}),e.overturns&&c(`li`,{children:[`Overturns the automated decision `,c(O,{href:`/decisions/${e.overturns.id}`,children:e.overturns.reference})]})]})]})}function ti(t){let n=JSON.stringify(t),r=i({key:null,values:{}}),[,a]=e(0);r.current.key!==n&&(r.current={key:n,values:t});let o=(e,t)=>{r.current={key:r.current.key,values:{...r.current.values,[e]:t}},a(e=>e+1)},s=e=>t=>o(e,t.currentTarget.value);return{get values(){return r.current.values},set:o,bind:e=>({name:e,value:r.current.values[e]??``,onInput:s(e),onChange:s(e)}),reset:()=>{r.current={key:null,values:{}},a(e=>e+1)}}}function ni(e,t){let n=i(null),r=i(void 0);return s(()=>{r.current!==void 0&&!t&&e!==r.current&&(r.current=void 0,n.current?.focus())}),{heading:n,applied:t=>{t?r.current=e:n.current?.focus()}}}function ri(e){return`${e}: not a time; write ${Ct} in UTC, e.g. 2026-11-20 15:00`}function ii(t){let n=a(),[r,i]=e(null),o=e=>{let n=Tt(e.value)===null?ri(t.label):``;return e.setCustomValidity(n),n},s=(r!==null&&t.value!==void 0&&Tt(t.value)!==null?null:r)??t.paramError;return c(`div`,{class:`field`,children:[c(`label`,{for:n,children:t.label}),c(`input`,{id:n,type:`text`,class:`time-input`,name:t.name,value:t.value,defaultValue:t.defaultValue,placeholder:Ct,size:17,autoComplete:`off`,spellcheck:!1,"aria-invalid":s?!0:void 0,"aria-describedby":s?`${n}-error`:void 0,onInput:e=>{!o(e.currentTarget)&&r!==null&&i(null),t.onInput?.(e)},onBlur:e=>i(o(e.currentTarget)||null),onInvalid:e=>i(o(e.currentTarget)||null),ref:e=>{e&&o(e)}}),s&&c(`span`,{class:`field-error`,id:`${n}-error`,children:s})]})}var ai=U(`
  query Markets {
    markets {
      code
      name
      hasDecisions
    }
  }
`),oi=null;function si(){let e=N(ai,{},`markets`,oi!==null);return e.data&&(oi=e.data.markets),oi}function ci(e){let{anyLabel:t,paramError:n,value:r,...i}=e,o=si(),s=a(),l=o?.some(e=>e.code===r)??!1,u=n??(r&&o&&!l?`no market ${r}: pick one of ${o.map(e=>e.code).join(`, `)}`:void 0);return c(`div`,{class:`field`,children:[c(`label`,{for:s,children:`Market`}),c(`select`,{id:s,...i,value:r,"aria-invalid":u?!0:void 0,"aria-describedby":u?`${s}-error`:void 0,children:[c(`option`,{value:``,children:t}),o?.map(e=>c(`option`,{value:e.code,children:[e.name?`${e.code} · ${e.name}`:e.code,e.hasDecisions?``:` (no decisions yet)`]},e.code)),r&&!l&&c(`option`,{value:r,children:o?`${r} (unknown)`:r})]}),u&&c(`span`,{class:`field-error`,id:`${s}-error`,children:u})]})}var li=[{name:`from`,kind:`time`},{name:`to`,kind:`time`},{name:`market`,kind:`text`},{name:`outcome`,kind:`text`,values:Object.values(R)},{name:`reason`,kind:`text`,values:Object.values(re)},{name:`merchantId`,kind:`text`},{name:`merchantCategory`,kind:`text`},{name:`minAmount`,kind:`number`},{name:`maxAmount`,kind:`number`},{name:`thresholdVersionId`,kind:`id`}];function ui(e){let{filter:t,errors:n}=xt(li,e);return{filter:t,errors:n,order:e.get(`order`)===L.OldestFirst?L.OldestFirst:L.NewestFirst,after:e.get(`after`)||null}}function di(e,t,n){let r=St(li,e);t!==L.NewestFirst&&r.set(`order`,t),n&&r.set(`after`,n);let i=r.toString();return i?`/decisions?${i}`:`/decisions`}function fi(e){let t=St(li,e).toString();return t?`/export/decisions.csv?${t}`:`/export/decisions.csv`}var pi=class{inQuotes=!1;lineOpen=!1;complete=0;push(e){for(let t=0;t<e.length;t++){let n=e.charCodeAt(t);n===34?(this.inQuotes=!this.inQuotes,this.lineOpen=!0):n===10&&!this.inQuotes?(this.complete++,this.lineOpen=!1):n!==13&&(this.lineOpen=!0)}}get records(){return this.complete+ +!!this.lineOpen}};function mi(e,t){let n=e?.match(/filename="([^"]+)"/);return n?n[1]:t}async function hi(e,t,n){let r;try{r=await fetch(e,{credentials:`same-origin`,headers:{Accept:`text/csv`},signal:n})}catch(e){throw e.name===`AbortError`?e:new u(`could not reach the server: ${e.message}`,d,0)}if(!r.ok||!r.body){let e=await r.json().catch(()=>null);h(m(r.status,r.headers,e)??new u(`the export has no body`,`ERROR`,r.status))}let i=r.body.getReader(),a=new TextDecoder,o=new pi,s=[],c=0;for(;;){let{done:e,value:n}=await i.read();if(e)break;s.push(n),c+=n.byteLength,o.push(a.decode(n,{stream:!0})),t({bytes:c,rows:Math.max(0,o.records-1)})}o.push(a.decode());let l=Math.max(0,o.records-1);return t({bytes:c,rows:l}),{blob:new Blob(s,{type:`text/csv`}),filename:mi(r.headers.get(`Content-Disposition`),`export.csv`),bytes:c,rows:l}}function gi(e,t){let n=URL.createObjectURL(e),r=document.createElement(`a`);r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var _i=U(`
  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {
    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      nodes {
        id
        reference
        createdAt
        market
        currency
        amount
        outcome
        kind
        merchant {
          name
          category
        }
        reasons {
          rank
          code
        }
        thresholdVersion {
          id
          version
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),vi=50;function yi({query:t}){let n=ui(t),i=t.toString(),a=N(_i,{filter:n.filter,first:vi,after:n.after,orderBy:n.order},i),[o,s]=e([]),l=ti({...kt(li,t),order:n.order}),u=ni(a.data,a.loading),d=e=>{e.preventDefault(),s([]);let t=di(At(li,l.values),l.values.order===L.OldestFirst?L.OldestFirst:L.NewestFirst);l.reset(),u.applied(t!==window.location.pathname+window.location.search),w(t)},f=()=>{s([]),l.reset(),w(`/decisions`)},p=e=>{s([...o,n.after]),w(di(n.filter,n.order,e))},m=()=>{let e=o.slice(0,-1);s(e),w(di(n.filter,n.order,o[o.length-1]??null))},h=a.data?.decisions,g=n.order===L.NewestFirst;return c(r,{children:[c(P,{title:`Decisions`,children:c(bi,{url:fi(n.filter)})}),c(`form`,{class:`filters`,onSubmit:d,"aria-label":`Filter decisions`,children:[c(ii,{label:`From (UTC)`,...l.bind(`from`),paramError:n.errors.from}),c(ii,{label:`To (UTC, exclusive)`,...l.bind(`to`),paramError:n.errors.to}),c(ci,{anyLabel:`Any`,...l.bind(`market`)}),c(`label`,{children:[`Outcome`,c(`select`,{...l.bind(`outcome`),children:[c(`option`,{value:``,children:`Any`}),Object.values(R).map(e=>c(`option`,{value:e,children:J(e)},e))]}),c(j,{msg:n.errors.outcome})]}),c(`label`,{children:[`Reason`,c(`select`,{...l.bind(`reason`),children:[c(`option`,{value:``,children:`Any`}),Object.values(re).map(e=>c(`option`,{value:e,children:J(e)},e))]}),c(j,{msg:n.errors.reason})]}),c(`label`,{children:[`Merchant id`,c(`input`,{...l.bind(`merchantId`)})]}),c(`label`,{children:[`Merchant category`,c(`input`,{...l.bind(`merchantCategory`)})]}),c(`label`,{children:[`Min amount`,c(`input`,{type:`number`,min:`0`,step:`0.01`,...l.bind(`minAmount`)}),c(j,{msg:n.errors.minAmount})]}),c(`label`,{children:[`Max amount`,c(`input`,{type:`number`,min:`0`,step:`0.01`,...l.bind(`maxAmount`)}),c(j,{msg:n.errors.maxAmount})]}),c(`label`,{children:[`Threshold version id`,c(`input`,{inputMode:`numeric`,...l.bind(`thresholdVersionId`)}),c(j,{msg:n.errors.thresholdVersionId})]}),c(`label`,{children:[`Order`,c(`select`,{...l.bind(`order`),children:[c(`option`,{value:L.NewestFirst,children:`Newest first`}),c(`option`,{value:L.OldestFirst,children:`Oldest first`})]})]}),c(`div`,{class:`actions`,children:[c(`button`,{type:`submit`,children:`Apply filters`}),c(`button`,{type:`button`,class:`secondary`,onClick:f,children:`Clear`})]})]}),c(`h2`,{class:`results-heading`,tabIndex:-1,ref:u.heading,children:a.loading?`Loading decisions…`:h?`${Y(h.nodes.length,`decision`)} ${n.after||h.pageInfo.hasNextPage?`on this page`:`found`}, ${g?`newest`:`oldest`} first`:`No decisions shown`}),a.error!==null&&c(k,{error:a.error,title:`Could not load decisions`}),a.loading&&c(M,{label:`Loading decisions…`}),h&&c(r,{children:[c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Decisions`,"aria-busy":a.loading,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{"aria-sort":g?`descending`:`ascending`,children:[`Time (UTC) `,g?`▼`:`▲`]}),c(`th`,{children:`Reference`}),c(`th`,{children:`Market`}),c(`th`,{children:`Merchant`}),c(`th`,{class:`num`,children:`Amount`}),c(`th`,{children:`Outcome`}),c(`th`,{children:`Reasons`}),c(`th`,{children:`Thresholds`})]})}),c(`tbody`,{children:h.nodes.map(e=>c(`tr`,{children:[c(`td`,{children:K(e.createdAt)}),c(`td`,{children:c(O,{href:`/decisions/${e.id}`,children:e.reference})}),c(`td`,{children:e.market}),c(`td`,{children:[e.merchant.name,` `,c(`span`,{class:`muted`,children:e.merchant.category})]}),c(`td`,{class:`num`,children:qe(e.amount,e.currency)}),c(`td`,{children:[c(`span`,{class:`badge ${e.outcome===R.Approved?`approved`:`declined`}`,children:J(e.outcome)}),e.kind===I.ManualReview&&c(r,{children:[` `,c(`span`,{class:`badge info`,children:`manual review`})]})]}),c(`td`,{children:e.reasons.map(e=>J(e.code)).join(`; `)}),c(`td`,{children:[e.market,` v`,e.thresholdVersion.version]})]},e.id))})]})}),h.nodes.length===0&&c(`p`,{children:`No decision matches these filters.`}),c(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:m,disabled:!n.after,children:o.length>0?`Previous page`:`First page`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>h.pageInfo.endCursor&&p(h.pageInfo.endCursor),disabled:!h.pageInfo.hasNextPage,children:`Next page`}),c(`span`,{class:`muted`,children:[Y(h.nodes.length,`decision`),` on this page, `,g?`newest`:`oldest`,` first`]})]})]})]})}function bi({url:t}){let[n,r]=e(null),[a,o]=e(null),[s,l]=e(null),u=i(null);return c(`div`,{class:`export`,children:[n?c(`div`,{class:`toolbar`,children:[c(M,{label:`Exporting… ${Je(n.bytes)}, ${Y(n.rows,`row`)} received`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>u.current?.abort(),children:`Cancel export`})]}):c(`button`,{type:`button`,onClick:async()=>{let e=new AbortController;u.current=e,l(null),o(null),r({bytes:0,rows:0});try{let n=await hi(t,r,e.signal);gi(n.blob,n.filename),o(`Saved ${n.filename}: ${Y(n.rows,`row`)}, ${Je(n.bytes)}.`)}catch(t){e.signal.aborted||l(t)}finally{u.current=null,r(null)}},children:`Export CSV`}),a&&c(`p`,{class:`muted`,role:`status`,children:a}),s!==null&&c(k,{error:s,title:`Export failed`})]})}function xi({user:e,pages:t}){let n=t.find(t=>t.nav&&Se(e,t));return s(()=>{n&&w(n.path,{replace:!0})},[n]),n?null:c(r,{children:[c(P,{title:`No pages for your roles`}),c(`p`,{children:[`You are signed in as `,e.username,` with the roles `,e.roles.join(`, `)||`none`,`; none of the console's pages is open to them. Ask an administrator for the role you need.`]})]})}function Si({user:e}){let t=be(e,`page`),n=Date.now(),i=t.work;return c(r,{children:[c(P,{title:`Waiting for you`}),t.error!==null&&c(k,{error:t.error,title:`Could not load what waits for you`}),!t.loaded&&t.error===null&&c(M,{label:`Looking for what waits for you…`}),t.loaded&&t.count===0&&c(`p`,{children:`Nothing waits for you now.`}),t.loaded&&_e(e)&&c(`section`,{class:`panel`,"aria-labelledby":`inbox-subs-h`,children:[c(`h2`,{id:`inbox-subs-h`,children:[`Submissions awaiting your approval (`,t.theirs.length,`)`]}),t.theirs.length===0?c(`p`,{children:`No submission by someone else awaits approval.`}):c(wi,{list:t.theirs,now:n}),t.own.length>0&&c(`p`,{class:`muted`,children:[Y(t.own.length,`submission`),` of yours `,t.own.length===1?`waits`:`wait`,` for another approver:`,` `,t.own.map((e,t)=>c(r,{children:[t>0&&`, `,c(O,{href:e.href,children:Ci(e)})]})),`.`]}),t.moreSubmissions&&c(`p`,{class:`muted`,children:`Only the 100 newest submissions of each kind are looked at.`})]}),t.loaded&&i&&c(`section`,{class:`panel`,"aria-labelledby":`inbox-cases-h`,children:[c(`h2`,{id:`inbox-cases-h`,children:`Review cases`}),c(Ti,{title:`Overturns awaiting your second approval`,cases:i.second,now:n,empty:`No overturn waits for a second reviewer.`}),c(Ti,{title:`Claimed by you, not yet decided`,cases:i.claimed,now:n,empty:`You have no case in review.`}),c(Ti,{title:`Unclaimed${t.moreOpen?` (the 50 soonest due)`:``}`,cases:i.open,now:n,empty:`No case waits for a reviewer.`}),c(`p`,{children:c(O,{href:`/reviews?status=OPEN`,children:`All unclaimed cases in the queue`})})]})]})}function Ci(e){return e.kind===`thresholds`?`${e.market} threshold draft ${e.id}`:`Catalog draft ${e.id}`}function wi({list:e,now:t}){return c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Submissions awaiting your approval`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Submission`}),c(`th`,{children:`Market`}),c(`th`,{children:`Submitted by`}),c(`th`,{children:`Waiting`}),c(`th`,{children:`Submitted (UTC)`})]})}),c(`tbody`,{children:e.map(e=>c(`tr`,{"data-submission":`${e.kind}-${e.id}`,children:[c(`td`,{children:c(O,{href:e.href,children:Ci(e)})}),c(`td`,{children:e.market??`all (reason texts)`}),c(`td`,{children:W(e.author)}),c(`td`,{children:Xe(e.submittedAt,t)}),c(`td`,{children:K(e.submittedAt)})]},`${e.kind}${e.id}`))})]})})}function Ti({title:e,cases:t,now:n,empty:i}){return c(r,{children:[c(`h3`,{children:[e,` (`,t.length,`)`]}),t.length===0?c(`p`,{class:`muted`,children:i}):c(`ul`,{class:`inbox-cases`,"aria-label":e,children:t.map(e=>c(`li`,{"data-case":e.id,children:[c(O,{href:`/reviews/${e.id}`,children:[`Case `,e.id]}),` · `,e.market,` · due `,K(e.dueAt),` `,c(`span`,{class:e.overdue?`badge overdue`:le(e,n)?`badge warn`:`muted`,children:Rt(e.dueAt,e.status,n)})]},e.id))})]})}var Ei=U(`
  query Vintages($market: String!) {
    vintages(market: $market) {
      market
      from
      to
      badDefinition {
        version
        description
      }
      activations {
        id
        versionId
        activatedAt
        activatedBy
        emergency
      }
      series {
        vintage
        group
        approved
        volume
        points {
          monthsSinceDecision
          bad
          badRate
          loss
          lossRate
        }
      }
    }
  }
`);function Di(e,t){let n=t<=1?1:e/(t-1);return`hsl(212, 70%, ${Math.round(78-n*50)}%)`}function Oi({market:t,wait:n=!1}){let[i,a]=e(t||en[0]),[o,s]=e(`badRate`),[l,u]=e(!1),d=N(Ei,{market:i},i,n),f=d.data?.vintages,p=f?l?or(f.series,o):ar(f.series,o):null,m=f?sr(f.series,f.activations):new Map,h=f&&l?f.activations.map(e=>({id:e.id,x:Math.floor(Date.parse(e.activatedAt)/1e3),label:`${f.market} activation ${K(e.activatedAt)}`,lines:[`${f.market} thresholds activated${e.emergency?` (emergency rollback)`:``}`,K(e.activatedAt),`by ${e.activatedBy}`]})):[],g=o===`badRate`?`bad rate`:`loss rate`,_=new Map;for(let[,e]of m)e&&_.set(e,`${e} ▲`);let v=p?p.labels.map(e=>_.get(e)??e):[];return c(`section`,{class:`panel`,"aria-labelledby":`vintages-h`,children:[c(`h2`,{id:`vintages-h`,children:`Vintage curves`}),c(`div`,{class:`filters compact`,role:`group`,"aria-label":`Vintage curve settings`,children:[c(`label`,{children:[`Vintages of market`,c(`select`,{name:`vintage-market`,value:i,onChange:e=>a(e.currentTarget.value),children:en.map(e=>c(`option`,{value:e,children:e},e))})]}),c(`label`,{children:[`Measure`,c(`select`,{name:`vintage-measure`,value:o,onChange:e=>s(e.currentTarget.value),children:[c(`option`,{value:`badRate`,children:`Bad rate`}),c(`option`,{value:`lossRate`,children:`Loss (share of volume)`})]})]}),c(`label`,{children:[`Horizontal axis`,c(`select`,{name:`vintage-axis`,value:l?`calendar`:`age`,onChange:e=>u(e.currentTarget.value===`calendar`),children:[c(`option`,{value:`age`,children:`Months since decision`}),c(`option`,{value:`calendar`,children:`Calendar month (activations marked)`})]})]})]}),d.error!==null&&c(k,{error:d.error,title:`Could not load the vintage curves`}),(d.loading||n)&&c(M,{label:`Loading vintage curves…`}),f&&p&&c(r,{children:[c(`p`,{class:`muted`,children:[f.market,`, vintages from `,K(f.from),` to `,K(f.to),`: the `,g,` of each month's approvals by the end of each month since the decision. Bad:`,` `,f.badDefinition.description,` (version `,f.badDefinition.version,`). `,f.activations.length,` threshold `,f.activations.length===1?`activation`:`activations`,l?` (● markers above the chart).`:` (▲ marks the first vintage decided under each; switch to calendar months to see them on the axis).`]}),p.xs.length===0?c(`p`,{children:`No approved vintages in this range.`}):c(Sr,{label:`Vintage curves of ${f.market}: ${g} in percent by ${l?`calendar month`:`months since the decision`}, one line per vintage`,xs:p.xs,ys:p.ys,series:v.map((e,t)=>({label:e,color:Di(t,v.length)})),time:l,xLabel:l?void 0:`months since decision`,xFormat:l?void 0:e=>String(e),yLabel:`${g} %`,yFormat:e=>e.toFixed(1),markers:h,height:280}),c(`details`,{children:[c(`summary`,{children:`Vintages and activations`}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Vintages`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Vintage`}),c(`th`,{class:`num`,children:`Approved`}),c(`th`,{class:`num`,children:`Volume`}),c(`th`,{class:`num`,children:`Months lived`}),c(`th`,{class:`num`,children:`Bad rate so far`}),c(`th`,{class:`num`,children:`Loss so far`})]})}),c(`tbody`,{children:f.series.map(e=>{let t=e.points.at(-1);return c(`tr`,{children:[c(`td`,{children:ir(e)}),c(`td`,{class:`num`,children:e.approved.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:Q(e.volume,Jn(f.market))}),c(`td`,{class:`num`,children:e.points.length}),c(`td`,{class:`num`,children:t?`${(t.badRate*100).toFixed(2)} %`:`–`}),c(`td`,{class:`num`,children:t?Q(t.loss,Jn(f.market)):`–`})]},`${e.vintage}-${e.group??``}`)})})]})}),c(`table`,{"aria-label":`Activations against vintages`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Activated (UTC)`}),c(`th`,{children:`First vintage under it`}),c(`th`,{children:`Version`})]})}),c(`tbody`,{children:f.activations.map(e=>c(`tr`,{children:[c(`td`,{children:K(e.activatedAt)}),c(`td`,{children:m.get(e.id)??`none yet`}),c(`td`,{children:c(O,{href:`/thresholds/versions/${e.versionId}`,children:`open`})})]},e.id))})]})]})]})]})}var ki=U(`
  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {
    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {
      from
      to
      bucket
      timeZone
      omittedSeries
      source
      freshAsOf
      series {
        market
        assessed
        declined
        rate
        points {
          bucketStart
          assessed
          declined
          rate
        }
      }
    }
    thresholdActivations(market: $market, from: $from, to: $to) {
      activation {
        id
        market
        versionId
        activatedAt
        activatedBy
        emergency
      }
      version {
        id
        version
        author
        approver
      }
    }
  }
`),Ai=U(`
  query OverviewBreakdown($filter: AnalyticsFilter!) {
    reasonBreakdown(filter: $filter) {
      assessed
      declined
      source
      freshAsOf
      reasons {
        reason
        factor
        declined
        share
        rate
      }
    }
  }
`),ji=U(`
  query OverviewOverturnRates($filter: OverturnRateFilter!) {
    overturnRates(filter: $filter) {
      market
      reason
      decided
      overturned
      rate
    }
  }
`),Mi=U(`
  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {
    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {
      from
      to
      bucket
      omitted
      source
      freshAsOf
      anomalies {
        bucketStart
        market
        reason
        assessed
        declined
        rate
        baselineRate
        zScore
        excessDeclines
        mainReason
      }
    }
  }
`);function Ni(e){let t=en.indexOf(e);return t>=0?wn[t]:void 0}var Pi=[`UTC`,`Europe/London`,`Europe/Berlin`,`Europe/Stockholm`,`America/New_York`,`America/Chicago`,`America/Los_Angeles`],Fi=36e5;function Ii(e,t){let n=Math.ceil(t/Fi)*Fi,r={},i=t=>e.get(t)?.trim()||null,a=(e,t)=>{let n=i(e);return n!==null&&Dt(n)===null&&(r[e]=`${Ot}; showing the default`),new Date(n!==null&&!r[e]?n:t).toISOString().replace(`.000Z`,`Z`)},o=(e,t,n)=>{let a=i(e);if(a===null)return t;let o=Number(a);return Number.isFinite(o)&&o>0&&(!n||Number.isInteger(o))?o:(r[e]=`must be a ${n?`whole number`:`number`} above 0; showing ${t}`,t)},s=Object.values(ee),c=i(`bucket`);c!==null&&!s.includes(c)&&(r.bucket=`${c} is not a bucket (${s.map(J).join(`, `)}); showing Day`);let l=i(`market`)?.toUpperCase()??``;return l&&!/^[A-Z]{2}$/.test(l)&&(r.market=`${l} is not a market code such as DE; showing all markets`),{from:a(`from`,n-2160*Fi),to:a(`to`,n),bucket:c!==null&&s.includes(c)?c:ee.Day,timeZone:i(`tz`)??`UTC`,market:r.market?``:l,threshold:o(`z`,4,!1),minVolume:o(`minVolume`,20,!0),errors:r}}function Li(e,t){let n=(n,r)=>e.errors[n]?t.get(n)?.trim()??``:r;return{from:n(`from`,Et(e.from)),to:n(`to`,Et(e.to)),bucket:e.bucket,tz:e.timeZone,market:n(`market`,e.market),z:String(e.threshold),minVolume:String(e.minVolume)}}function Ri({source:e,freshAsOf:t}){return c(`p`,{class:`source`,children:[`Source: `,e===te.Rollup?`hourly rollups`:`the decisions themselves`,t?`, complete up to ${K(t)}`:``,`.`]})}function zi({query:e,user:t}){let n=Ii(e,Date.now()),i=n.market||null,a={from:n.from,to:n.to,market:i},o=JSON.stringify(n),l=N(ki,{filter:a,bucket:n.bucket,timeZone:n.timeZone,market:i,from:n.from,to:n.to},o),u=l.loading&&!l.data,d=N(Ai,{filter:a},JSON.stringify(a),u),f=N(ji,{filter:a},JSON.stringify(a)),p=n.bucket===ee.Hour?ee.Hour:ee.Day,m=N(Mi,{from:n.from,to:n.to,market:i,bucket:p,threshold:n.threshold,minVolume:n.minVolume},JSON.stringify([n.from,n.to,i,p,n.threshold,n.minVolume]),u),h=m.loading||!m.data&&m.error===null;s(()=>void Sr.preload().catch(()=>{}),[]);let g=ti(Li(n,e)),_=e=>{e.preventDefault();let t=g.values,n=new URLSearchParams;for(let e of[`from`,`to`]){let r=t[e].trim();r&&n.set(e,Tt(r)??r)}for(let e of[`bucket`,`tz`,`market`,`z`,`minVolume`]){let r=t[e].trim();r&&n.set(e,r)}g.reset(),w(`/overview?${n.toString()}`),document.getElementById(`rates-h`)?.focus()},v=()=>{g.reset(),w(`/overview`)},y=l.data?.declineRates,b=y?Tn(y.series.map(e=>({label:e.market??`(none)`,points:e.points}))):null,x=b&&l.data?Dn(l.data.thresholdActivations,b.labels,Z(n.from),Z(n.to)):[],S=m.data?.anomalies.anomalies??[],C=b?On(S,b):[],T=x.map(e=>({id:e.id,x:e.x,color:e.series>=0?void 0:`#4b5563`,label:`${e.market} version ${e.version} activated ${K(new Date(e.x*1e3).toISOString())} by ${e.activatedBy}`,lines:[`${e.market} thresholds version ${e.version}${e.emergency?` (emergency rollback)`:``}`,`activated ${K(new Date(e.x*1e3).toISOString())}`,`by ${e.activatedBy}`,`written by ${e.author}, approved by ${e.approver}`]})),E=C.map(e=>({x:e.x,y:e.y,series:e.series,label:e.anomaly.market})),D=y?{from:Z(y.from),to:Z(y.to)}:null,A=e=>{if(!y||!b||!D)return;let t=Bn(e.x,y.bucket,y.timeZone,D);w(Bi({market:y.series[e.series]?.market??null,from:Rn(t.from),to:Rn(t.to),outcome:R.Declined}))},te=(t,n)=>{let r=b&&y&&D?Vn(t,n,b.xs,y.bucket,y.timeZone,D):null;r&&w(`/overview?${Hn(e,r).toString()}`)},ne=e.has(`unzoom`);return c(r,{children:[c(P,{title:`Overview`}),c(`form`,{class:`filters`,onSubmit:_,"aria-label":`Range and buckets`,children:[c(ii,{label:`From (UTC)`,...g.bind(`from`),paramError:n.errors.from}),c(ii,{label:`To (UTC, exclusive)`,...g.bind(`to`),paramError:n.errors.to}),c(`label`,{children:[`Bucket`,c(`select`,{...g.bind(`bucket`),children:Object.values(ee).map(e=>c(`option`,{value:e,children:J(e)},e))}),c(j,{msg:n.errors.bucket})]}),c(`label`,{children:[`Time zone of the buckets`,c(`input`,{list:`timezones`,...g.bind(`tz`)}),c(`datalist`,{id:`timezones`,children:Pi.map(e=>c(`option`,{value:e},e))})]}),c(ci,{anyLabel:`All markets`,...g.bind(`market`),paramError:n.errors.market}),c(`label`,{children:[`Anomaly score at least (σ)`,c(`input`,{type:`number`,min:`0.5`,step:`0.5`,...g.bind(`z`)}),c(j,{msg:n.errors.z})]}),c(`label`,{children:[`Anomaly minimum decisions`,c(`input`,{type:`number`,min:`1`,step:`1`,...g.bind(`minVolume`)}),c(j,{msg:n.errors.minVolume})]}),c(`div`,{class:`actions`,children:[c(`button`,{type:`submit`,children:`Show`}),c(`button`,{type:`button`,class:`secondary`,onClick:v,children:`Last 90 days`})]})]}),c(`section`,{class:`panel`,"aria-labelledby":`rates-h`,children:[c(`h2`,{id:`rates-h`,tabIndex:-1,children:`Decline rate by market`}),l.error!==null&&c(k,{error:l.error,title:`Could not load the decline rates`}),l.loading&&c(M,{label:`Loading decline rates…`}),y&&b&&c(r,{children:[c(`p`,{class:`muted`,children:[K(y.from),` to `,K(y.to),`, `,J(y.bucket).toLowerCase(),` buckets in `,y.timeZone,`.`,` `,x.length,` threshold `,x.length===1?`activation`:`activations`,` (● markers above the chart; hover or focus one, press it to open the version),`,` `,h?`anomalous buckets still being scored`:m.data?`${C.length} anomalous ${C.length===1?`bucket`:`buckets`} (red rings)`:`anomalous buckets not known (they could not be scored)`,`.`,y.omittedSeries>0&&` ${y.omittedSeries} series left out.`]}),b.xs.length>0&&c(`p`,{class:`muted chart-help`,children:[`Click a point to list its declined decisions; drag across the chart to zoom in.`,` `,ne&&c(`button`,{type:`button`,class:`secondary`,onClick:()=>w(`/overview?${Un(e).toString()}`),children:`Reset zoom`})]}),b.xs.length===0?c(`p`,{children:`No decisions in this range.`}):c(Sr,{label:`Decline rate in percent per ${J(y.bucket).toLowerCase()}, one line per market`,xs:b.xs,ys:b.ys,series:b.labels.map(e=>({label:e,color:Ni(e)})),yLabel:`decline rate %`,timeZone:y.timeZone,xRange:[Z(y.from),Z(y.to)],markers:T,rings:E,onMarker:e=>{let t=x.find(t=>t.id===e);t&&w(`/thresholds/versions/${t.versionId}`)},onPick:A,onZoom:te}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Decline rate per market over the range`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Market`}),c(`th`,{class:`num`,children:`Assessed`}),c(`th`,{class:`num`,children:`Declined`}),c(`th`,{class:`num`,children:`Decline rate`})]})}),c(`tbody`,{children:y.series.map(e=>c(`tr`,{children:[c(`td`,{children:e.market}),c(`td`,{class:`num`,children:e.assessed.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:c(O,{href:Bi({market:e.market??null,from:n.from,to:n.to,outcome:R.Declined}),children:e.declined.toLocaleString(`en-US`)})}),c(`td`,{class:`num`,children:X(e.rate)})]},e.market))})]})}),c(Ri,{source:y.source,freshAsOf:y.freshAsOf}),c(`h3`,{children:`Threshold activations in the range`}),x.length===0?c(`p`,{children:`None.`}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Threshold activations`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Time (UTC)`}),c(`th`,{children:`Market`}),c(`th`,{children:`Version`}),c(`th`,{children:`Activated by`}),c(`th`,{children:`Author / approver`})]})}),c(`tbody`,{children:x.map(e=>c(`tr`,{children:[c(`td`,{children:K(new Date(e.x*1e3).toISOString())}),c(`td`,{children:e.market}),c(`td`,{children:[c(O,{href:`/thresholds/versions/${e.versionId}`,children:[`version `,e.version]}),e.emergency&&c(`span`,{class:`badge declined`,children:` emergency`})]}),c(`td`,{children:e.activatedBy}),c(`td`,{children:[e.author,` / `,e.approver]})]},e.id))})]})})]})]}),ke(t.roles)&&c(Oi,{market:n.market,wait:u},n.market),c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`anomalies-h`,children:[c(`h2`,{id:`anomalies-h`,children:`Anomalies`}),c(`p`,{class:`muted`,children:[J(p),` buckets (UTC) whose decline rate departs from the same `,p===ee.Hour?`hour`:`day`,` of the week over the 4 weeks before by at least `,n.threshold,` σ, with at least `,n.minVolume,` decisions.`]}),m.error!==null&&c(k,{error:m.error,title:`Could not load the anomalies`}),h&&c(M,{label:`Scoring anomalies…`}),m.data&&c(r,{children:[S.length===0?c(`p`,{children:`No anomaly in this range.`}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Anomalies`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Bucket (UTC)`}),c(`th`,{children:`Market`}),c(`th`,{children:`What moved`}),c(`th`,{class:`num`,children:`Rate`}),c(`th`,{class:`num`,children:`Baseline`}),c(`th`,{class:`num`,children:`Score`}),c(`th`,{children:`Main reason`})]})}),c(`tbody`,{children:S.map(e=>c(Hi,{href:Vi(e,p),children:[c(`td`,{children:c(O,{href:Vi(e,p),children:K(e.bucketStart)})}),c(`td`,{children:e.market}),c(`td`,{children:e.reason?J(e.reason):`decline rate`}),c(`td`,{class:`num`,children:[X(e.rate),` `,c(`span`,{class:`muted`,children:[`(`,e.declined,`/`,e.assessed,`)`]})]}),c(`td`,{class:`num`,children:X(e.baselineRate)}),c(`td`,{class:`num ${e.zScore>0?`up`:`down`}`,children:[e.zScore>0?`+`:``,e.zScore.toFixed(1),` σ`]}),c(`td`,{children:e.mainReason?J(e.mainReason):`–`})]},`${e.bucketStart}-${e.market}-${e.reason??``}`))})]})}),m.data.anomalies.omitted>0&&c(`p`,{class:`muted`,children:[m.data.anomalies.omitted,` more left out.`]}),c(Ri,{source:m.data.anomalies.source,freshAsOf:m.data.anomalies.freshAsOf})]})]}),c(Ui,{state:f})]}),c(`section`,{class:`panel`,"aria-labelledby":`reasons-h`,children:[c(`h2`,{id:`reasons-h`,children:`Why purchases were declined`}),d.error!==null&&c(k,{error:d.error,title:`Could not load the reason breakdown`}),(d.loading||u)&&c(M,{label:`Loading the reason breakdown…`}),d.data&&c(r,{children:[c(`p`,{children:[d.data.reasonBreakdown.declined.toLocaleString(`en-US`),` of `,d.data.reasonBreakdown.assessed.toLocaleString(`en-US`),` purchases declined, by principal reason:`]}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Declines by principal reason`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Principal reason`}),c(`th`,{class:`num`,children:`Declines`}),c(`th`,{children:`Share of declines`}),c(`th`,{class:`num`,children:`Of all`})]})}),c(`tbody`,{children:d.data.reasonBreakdown.reasons.map(e=>c(Hi,{href:Bi({reason:e.reason,market:i,from:n.from,to:n.to}),children:[c(`td`,{children:[c(O,{href:Bi({reason:e.reason,market:i,from:n.from,to:n.to}),children:J(e.reason)}),` `,c(`span`,{class:`muted`,children:J(e.factor)})]}),c(`td`,{class:`num`,children:e.declined.toLocaleString(`en-US`)}),c(`td`,{children:[c(`meter`,{min:0,max:1,value:e.share,"aria-label":`${J(e.reason)} share`}),` `,X(e.share)]}),c(`td`,{class:`num`,children:X(e.rate)})]},e.reason))})]})}),c(Ri,{source:d.data.reasonBreakdown.source,freshAsOf:d.data.reasonBreakdown.freshAsOf})]})]})]})]})}function Bi(e){return di(Object.fromEntries(Object.entries(e).filter(([,e])=>e!=null)),L.NewestFirst)}function Vi(e,t){let n=Bn(Z(e.bucketStart),t,`UTC`,{from:-1/0,to:1/0});return Bi({market:e.market,from:Rn(n.from),to:Rn(n.to),outcome:R.Declined,reason:e.reason??null})}function Hi({href:e,children:t}){return c(`tr`,{class:`row-link`,onClick:t=>{t.target.closest(`a, button, input, select`)||window.getSelection()?.toString()||w(e)},children:t})}function Ui({state:e}){let t=e.data?.overturnRates??[];return c(`section`,{class:`panel`,"aria-labelledby":`overturns-h`,children:[c(`h2`,{id:`overturns-h`,children:`Human reviews overturned`}),e.error!==null&&c(k,{error:e.error,title:`Could not load the overturn rates`}),e.loading&&c(M,{label:`Loading the overturn rates…`}),e.data&&t.length===0&&c(`p`,{children:`No review was decided in this range.`}),t.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Overturn rates by market and principal reason`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Market`}),c(`th`,{children:`Principal reason`}),c(`th`,{class:`num`,children:`Decided`}),c(`th`,{class:`num`,children:`Overturned`}),c(`th`,{class:`num`,children:`Overturn rate`})]})}),c(`tbody`,{children:t.map(e=>c(`tr`,{children:[c(`td`,{children:e.market}),c(`td`,{children:J(e.reason)}),c(`td`,{class:`num`,children:e.decided.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:e.overturned.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:X(e.rate)})]},`${e.market} ${e.reason}`))})]})}),c(`p`,{class:`source`,children:`Cases count by when they were decided; the reason is the reviewed decision’s first-ranked one.`})]})}var Wi=U(`
  query ReviewCasePage($id: ID!) {
    reviewCase(id: $id) {
      id
      status
      market
      statement
      locale
      requestedBy
      requestedAt
      dueAt
      overdue
      reviewer
      claimedAt
      outcome
      reason
      decidedAt
      secondReviewRequired
      secondReviewer
      secondReviewComment
      secondReviewedAt
      newDecision {
        id
        reference
      }
      notices {
        kind
        locale
        title
        body
        sentAt
      }
      decision {
        ...DecisionFull
      }
    }
  }
`),Gi=U(`
  mutation ClaimReviewCase($id: ID!) {
    claimReviewCase(id: $id) {
      id
      status
    }
  }
`),Ki=U(`
  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {
    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {
      id
      status
    }
  }
`),qi=U(`
  mutation ApproveOverturn($id: ID!, $comment: String) {
    approveOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`),Ji=U(`
  mutation RejectOverturn($id: ID!, $comment: String!) {
    rejectOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`);function Yi({params:e,user:t}){let n=N(Wi,{id:e.id},e.id),i=n.data?.reviewCase,a=Hr(i?.decision,t);return n.error!==null&&!i?c(k,{error:n.error,title:`Could not load the review case`}):n.loading&&!i?c(M,{label:`Loading the review case…`}):i?c(r,{children:[c(P,{title:`Review case ${i.id}`,children:[c(`span`,{class:zt(i.status),"data-testid":`case-status`,children:J(i.status)}),c(O,{href:`/reviews`,children:`← All reviews`})]}),c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(Xi,{c:i}),c(Qi,{c:i,user:t,onChanged:n.reload})]}),c(`div`,{children:c(Zi,{c:i})})]}),c(`h2`,{children:[`The reviewed decision `,i.decision.reference]}),c(zr,{d:i.decision,user:t,pinned:a.data?.thresholdVersion,pinnedNote:c(Ur,{pinned:a,user:t})})]}):c(r,{children:[c(P,{title:`Review case not found`}),c(`p`,{children:[`No review case has the id `,c(`code`,{children:e.id}),`. `,c(O,{href:`/reviews`,children:`Back to the reviews`})]})]})}function Xi({c:e}){return c(`section`,{class:`panel`,"aria-labelledby":`request-h`,children:[c(`h2`,{id:`request-h`,children:`The shopper's request`}),c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Requested`}),c(`dd`,{children:[K(e.requestedAt),` `,c(`span`,{class:`muted`,children:[`through `,W(e.requestedBy)]})]}),c(`dt`,{children:`Answer due`}),c(`dd`,{children:[K(e.dueAt),` `,e.overdue&&c(`span`,{class:`badge overdue`,children:`Overdue`}),` `,c(`span`,{class:`muted`,"data-testid":`case-due`,children:Rt(e.dueAt,e.status,Date.now())})]}),c(`dt`,{children:`Market`}),c(`dd`,{children:e.market}),c(`dt`,{children:`Shopper's locale`}),c(`dd`,{children:e.locale})]}),c(`h3`,{children:`Their statement`}),c(`blockquote`,{class:`statement`,lang:e.locale,"aria-label":`The shopper's statement`,children:e.statement})]})}function Zi({c:e}){return c(`section`,{class:`panel`,"aria-labelledby":`notices-h`,children:[c(`h2`,{id:`notices-h`,children:`Notices sent to the shopper`}),e.notices.length===0?c(`p`,{children:`None yet.`}):c(`ol`,{class:`notices`,"aria-label":`Notices`,children:e.notices.map((e,t)=>c(`li`,{lang:e.locale,"data-notice":e.kind,children:[c(`strong`,{children:e.title}),` `,c(`span`,{class:`muted`,children:[J(e.kind),`, `,e.locale,`, sent `,K(e.sentAt)]}),c(`p`,{children:e.body})]},t))})]})}function Qi({c:t,user:n,onChanged:i}){let[a,o]=e(``),[s,l]=e(``),[u,d]=e(``),[f,p]=e(!1),[m,h]=e(null),g=Bt(t,n),_=async(e,t)=>{p(!0),h(null);try{await e(),t()}catch(e){h(e)}finally{p(!1),i(),he()}},v=()=>_(()=>y(Gi,{id:t.id}),()=>{}),b=e=>{e.preventDefault(),a&&_(()=>y(Ki,{id:t.id,outcome:a,reason:s}),()=>{o(``),l(``)})},x=e=>_(()=>e?y(qi,{id:t.id,comment:u.trim()||null}):y(Ji,{id:t.id,comment:u}),()=>d(``));return c(`section`,{class:`panel`,"aria-labelledby":`review-h`,children:[c(`h2`,{id:`review-h`,children:`Review`}),c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Status`}),c(`dd`,{children:c(`span`,{class:zt(t.status),children:J(t.status)})}),c(`dt`,{children:`Reviewer`}),c(`dd`,{children:t.reviewer?`${W(t.reviewer)}, claimed ${K(t.claimedAt)}`:`nobody yet`}),t.outcome&&c(r,{children:[c(`dt`,{children:`Outcome`}),c(`dd`,{"data-testid":`case-outcome`,children:[J(t.outcome),t.decidedAt&&c(`span`,{class:`muted`,children:[` · `,K(t.decidedAt)]})]}),c(`dt`,{children:`Reason`}),c(`dd`,{children:t.reason})]}),c(`dt`,{children:`Second review`}),c(`dd`,{children:t.secondReviewRequired?`an overturn needs a second reviewer (the amount is above the market’s limit)`:`not needed for an overturn`}),t.secondReviewer&&t.status!==z.InReview&&c(r,{children:[c(`dt`,{children:`Second reviewer`}),c(`dd`,{children:[W(t.secondReviewer),`, `,K(t.secondReviewedAt),t.secondReviewComment?`: “${t.secondReviewComment}”`:``]})]}),t.newDecision&&c(r,{children:[c(`dt`,{children:`New decision`}),c(`dd`,{children:[Le(n)?c(O,{href:`/decisions/${t.newDecision.id}`,children:t.newDecision.reference}):c(`code`,{children:t.newDecision.reference}),` `,c(`span`,{class:`muted`,children:`(manual review, approved)`})]})]})]}),g===`none`&&It(t.status)&&!n.roles.includes(`REVIEWER`)&&c(`p`,{class:`muted`,children:`Only a reviewer works this case; you can read it.`}),g===`claim`&&c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:v,disabled:f,children:`Claim this case`}),c(`span`,{class:`muted`,children:`You become its reviewer; nobody else can decide it.`})]}),g===`claimedByOther`&&c(`p`,{class:`notice`,children:[W(t.reviewer),` has claimed this case: only they decide it.`]}),g===`decide`&&c(`form`,{class:`stack`,onSubmit:b,"aria-label":`Decide the review`,children:[c(`fieldset`,{children:[c(`legend`,{children:`Outcome`}),c(`label`,{class:`check`,children:[c(`input`,{type:`radio`,name:`outcome`,value:ie.Uphold,checked:a===ie.Uphold,onChange:()=>o(ie.Uphold)}),`Uphold: the decline stands`]}),c(`label`,{class:`check`,children:[c(`input`,{type:`radio`,name:`outcome`,value:ie.Overturn,checked:a===ie.Overturn,onChange:()=>o(ie.Overturn)}),`Overturn: approve the purchase with a new decision`,t.secondReviewRequired&&c(`span`,{class:`muted`,children:` (then a second reviewer must approve)`})]}),c(A,{error:m,field:`outcome`})]}),c(`label`,{children:[`Reason, told to the shopper (required)`,c(`textarea`,{name:`reason`,rows:4,value:s,onInput:e=>l(e.currentTarget.value),"aria-invalid":$i(m,`reason`)}),c(A,{error:m,field:`reason`})]}),c(`div`,{class:`toolbar`,children:c(`button`,{type:`submit`,disabled:f||!a,children:`Record the decision`})})]}),(g===`second`||g===`ownOverturn`)&&c(`div`,{class:`stack`,children:[c(`h3`,{children:`Second review of the overturn`}),g===`ownOverturn`&&c(`p`,{class:`notice`,"data-testid":`own-overturn`,children:`You overturned this case, so another reviewer must approve or reject the overturn (four eyes). The server refuses a second review by the reviewer who overturned it.`}),c(`label`,{children:[`Comment (required to reject)`,c(`textarea`,{name:`comment`,rows:3,value:u,disabled:g===`ownOverturn`,onInput:e=>d(e.currentTarget.value)}),c(A,{error:m,field:`comment`})]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:()=>x(!0),disabled:f||g===`ownOverturn`,children:`Approve the overturn`}),c(`button`,{type:`button`,class:`danger`,onClick:()=>x(!1),disabled:f||g===`ownOverturn`||u.trim()===``,children:`Reject the overturn`})]})]}),m!==null&&c(k,{error:m,title:`The step was not taken`}),t.status===z.InReview&&t.secondReviewer&&t.secondReviewComment&&c(`p`,{class:`notice`,children:[`The overturn was rejected by `,W(t.secondReviewer),` on `,K(t.secondReviewedAt),`: “`,t.secondReviewComment,`” Its reviewer decides again.`]})]})}function $i(e,t){return e instanceof u&&e.fields.some(e=>e.field===t)?!0:void 0}var ea=U(`
  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {
    reviewCases(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        status
        market
        requestedAt
        dueAt
        overdue
        reviewer
        decision {
          id
          reference
          amount
          currency
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),ta=50;function na({query:t,user:n}){let i=Nt(t),a=t.toString(),o=N(ea,{filter:i.filter,first:ta,after:i.after},a),[s,l]=e([]),u=Date.now(),d=ti(kt(Mt,t)),f=e=>{e.preventDefault(),l([]);let t=Pt(At(Mt,d.values));d.reset(),w(t)},p=()=>{l([]),d.reset(),w(`/reviews`)},m=e=>{l([...s,i.after]),w(Pt(i.filter,e))},h=()=>{let e=s.slice(0,-1);l(e),w(Pt(i.filter,s[s.length-1]??null))},g=o.data?.reviewCases,_=n.roles.includes(`REVIEWER`);return c(r,{children:[c(P,{title:`Reviews`,children:!_&&c(`span`,{class:`readonly-banner`,children:`Read-only: only reviewers work cases`})}),c(`form`,{class:`filters`,onSubmit:f,"aria-label":`Filter review cases`,children:[c(`label`,{children:[`Status`,c(`select`,{...d.bind(`status`),children:[c(`option`,{value:``,children:`Any`}),Object.values(z).map(e=>c(`option`,{value:e,children:J(e)},e))]}),c(j,{msg:i.errors.status})]}),c(ci,{anyLabel:`Any`,...d.bind(`market`)}),c(`label`,{children:[`Due date`,c(`select`,{...d.bind(`overdue`),children:[c(`option`,{value:``,children:`Any`}),c(`option`,{value:`true`,children:`Overdue only`}),c(`option`,{value:`false`,children:`Not overdue`})]}),c(j,{msg:i.errors.overdue})]}),c(`div`,{class:`actions`,children:[c(`button`,{type:`submit`,children:`Apply filters`}),c(`button`,{type:`button`,class:`secondary`,onClick:p,children:`Clear`})]})]}),o.error!==null&&c(k,{error:o.error,title:`Could not load the review cases`}),o.loading&&c(M,{label:`Loading review cases…`}),g&&c(r,{children:[c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Review cases`,"aria-busy":o.loading,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{"aria-sort":`ascending`,children:`Due (UTC) ▲`}),c(`th`,{children:`Time left`}),c(`th`,{children:`Case`}),c(`th`,{children:`Status`}),c(`th`,{children:`Market`}),c(`th`,{class:`num`,children:`Amount`}),c(`th`,{children:`Decision`}),c(`th`,{children:`Requested (UTC)`}),c(`th`,{children:`Reviewer`})]})}),c(`tbody`,{children:g.nodes.map(e=>c(`tr`,{"data-case":e.id,children:[c(`td`,{children:K(e.dueAt)}),c(`td`,{children:[e.overdue?c(`span`,{class:`badge overdue`,children:`Overdue`}):null,` `,c(`span`,{"data-cell":`due`,children:Rt(e.dueAt,e.status,u)})]}),c(`td`,{children:c(O,{href:`/reviews/${e.id}`,children:[`Case `,e.id]})}),c(`td`,{children:c(`span`,{class:zt(e.status),children:J(e.status)})}),c(`td`,{children:e.market}),c(`td`,{class:`num`,children:qe(e.decision.amount,e.decision.currency)}),c(`td`,{children:Le(n)?c(O,{href:`/decisions/${e.decision.id}`,children:e.decision.reference}):c(`code`,{children:e.decision.reference})}),c(`td`,{children:K(e.requestedAt)}),c(`td`,{children:e.reviewer?W(e.reviewer):c(`span`,{class:`muted`,children:`none yet`})})]},e.id))})]})}),g.nodes.length===0&&c(`p`,{children:`No review case matches these filters.`}),c(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:h,disabled:!i.after,children:s.length>0?`Previous page`:`First page`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>g.pageInfo.endCursor&&m(g.pageInfo.endCursor),disabled:!g.pageInfo.hasNextPage,children:`Next page`}),c(`span`,{class:`muted`,children:[Y(g.nodes.length,`case`),` on this page, the soonest due first`]})]})]})]})}var ra=U(`
  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {
    simulate(market: $market, proposal: $proposal) {
      market
      from
      to
      baselineVersion {
        id
        version
      }
      assessed
      declinedNow
      declinedProposed
      declineRateNow
      declineRateProposed
      approvedToDeclined
      declinedToApproved
      reasons {
        code
        now
        proposed
      }
      days {
        day
        assessed
        declinedNow
        declinedProposed
      }
      sampleApprovedToDeclined {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      sampleDeclinedToApproved {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      badDefinition {
        version
        description
        windowMonths
      }
      approvalRateNow
      approvalRateProposed
      outcomesNow {
        ...FigureFields
      }
      outcomesProposed {
        ...FigureFields
      }
      swapSet {
        keptApproved {
          ...FigureFields
        }
        swapOut {
          ...FigureFields
        }
        swapIn {
          ...FigureFields
        }
        keptDeclined {
          ...FigureFields
        }
      }
      immatureShare
      inference {
        available
        note
        method
        samples
        bads
        auc
      }
    }
  }
`);function ia(e){return`${e>0?`+`:e<0?`−`:``}${q(Math.abs(e))}`}function aa({sim:e,stale:t}){let n=e.reasons.filter(e=>e.now!==0||e.proposed!==0).sort((e,t)=>Math.abs(t.proposed-t.now)-Math.abs(e.proposed-e.now)),r=e.days,i=r.map(e=>Z(e.day)),a=[r.map(e=>e.assessed?e.declinedNow/e.assessed*100:null),r.map(e=>e.assessed?e.declinedProposed/e.assessed*100:null)];return c(`div`,{class:t?`stale`:void 0,children:[c(`div`,{class:`cards`,children:[c($,{label:`Decline rate now`,value:X(e.declineRateNow,2),testId:`now`}),c($,{label:`Decline rate proposed`,value:X(e.declineRateProposed,2),note:Ye(e.declineRateNow,e.declineRateProposed),testId:`proposed`}),c($,{label:`Approved → declined`,value:q(e.approvedToDeclined),testId:`a2d`}),c($,{label:`Declined → approved`,value:q(e.declinedToApproved),testId:`d2a`})]}),c(`p`,{class:`muted`,"data-figure":`window`,children:[Y(e.assessed,`decision`),` of `,e.market,`, `,K(e.from),` to `,K(e.to),`: `,q(e.declinedNow),` declined against version`,` `,e.baselineVersion.version,` in force now, `,q(e.declinedProposed),` as proposed.`]}),c(`h3`,{children:`Approvals, bad rate and loss`}),c(kr,{sim:e,currency:Jn(e.market)}),c(`h3`,{children:`Swap-set`}),c(Ar,{sim:e,currency:Jn(e.market)}),c(`h3`,{children:`Declines per day`}),c(Sr,{label:`Decline rate per day, now and proposed`,xs:i,ys:a,series:[{label:`now`},{label:`proposed`,dashed:!0,color:`#c2410c`}],yLabel:`%`,height:200}),c(`h3`,{children:`Principal reasons`}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Declines per principal reason, now and proposed`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Reason`}),c(`th`,{class:`num`,children:`Now`}),c(`th`,{class:`num`,children:`Proposed`}),c(`th`,{class:`num`,children:`Change`})]})}),c(`tbody`,{children:n.map(e=>c(`tr`,{children:[c(`td`,{children:J(e.code)}),c(`td`,{class:`num`,children:q(e.now)}),c(`td`,{class:`num`,children:q(e.proposed)}),c(`td`,{class:`num ${e.proposed>e.now?`up`:e.proposed<e.now?`down`:``}`,children:ia(e.proposed-e.now)})]},e.code))})]})}),c(oa,{title:`Would be declined (were approved)`,total:e.approvedToDeclined,list:e.sampleApprovedToDeclined}),c(oa,{title:`Would be approved (were declined)`,total:e.declinedToApproved,list:e.sampleDeclinedToApproved})]})}function oa({title:e,total:t,list:n}){return c(`details`,{children:[c(`summary`,{children:[e,`: `,t===0?`none`:n.length<t?`${Y(t,`decision`)}, the first ${q(n.length)} listed`:Y(t,`decision`)]}),n.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":e,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Decision`}),c(`th`,{children:`Time (UTC)`}),c(`th`,{children:`Category`}),c(`th`,{class:`num`,children:`Amount`})]})}),c(`tbody`,{children:n.map(e=>c(`tr`,{children:[c(`td`,{children:c(O,{href:`/decisions/${e.decisionId}`,children:[`Open`,c(`span`,{class:`visually-hidden`,children:[` decision `,e.decisionId]})]})}),c(`td`,{children:K(e.createdAt)}),c(`td`,{children:e.merchantCategory}),c(`td`,{class:`num`,children:q(e.amount)})]},e.decisionId))})]})})]})}function sa({market:e,rules:t}){let n=t.map(({measuredValue:e,comparator:t,cutoff:n,enabled:r})=>({measuredValue:e,comparator:t,cutoff:n,enabled:r})),r=N(ra,{market:e,proposal:n},JSON.stringify([e,n])),i=r.data?.simulate;return c(`section`,{class:`panel whatif`,"aria-labelledby":`live-whatif-h`,"aria-busy":r.loading,children:[c(`h2`,{id:`live-whatif-h`,children:`What-if of these rules, computed now`}),c(`p`,{class:`muted`,children:`Replayed over the market's decisions of the last year against the version in force now, as the author saw it in the editor. The impact stored at submission was computed then, over the year before it, against the version in force then; the two differ when decisions or the version in force have changed since.`}),r.error!==null&&c(k,{error:r.error,title:`The what-if failed`}),i?c(aa,{sim:i,stale:r.loading}):!r.error&&c(M,{label:`Simulating…`})]})}var ca=[{name:`BUREAU_SCORE`,field:`bureauScore`,kind:`score`,step:1,min:300,max:850,comparator:`GTE`,cutoff:580,enabled:!0,passing:850},{name:`MONTHLY_INCOME`,field:`monthlyIncome`,kind:`money`,step:1,min:0,max:1e7,comparator:`GTE`,cutoff:1e3,enabled:!0,passing:11e4},{name:`INCOME_VERIFIED`,field:`incomeVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!1,passing:1},{name:`EMPLOYMENT_MONTHS`,field:`employmentMonths`,kind:`months`,step:1,min:0,max:720,comparator:`GTE`,cutoff:6,enabled:!0,passing:126},{name:`RECENT_PLANS_30D`,field:`recentPlans30d`,kind:`count`,step:1,min:0,max:1e3,comparator:`LTE`,cutoff:5,enabled:!0,passing:0},{name:`DEBT_TO_INCOME`,field:`debtToIncome`,kind:`ratio`,step:.01,min:0,max:100,comparator:`LTE`,cutoff:.45,enabled:!0,passing:0},{name:`MONTHS_AT_ADDRESS`,field:`monthsAtAddress`,kind:`months`,step:1,min:0,max:1440,comparator:`GTE`,cutoff:3,enabled:!0,passing:63},{name:`ADDRESS_VERIFIED`,field:`addressVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!0,passing:1},{name:`IDENTITY_VERIFIED`,field:`identityVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!0,passing:1},{name:`AGE_YEARS`,field:`ageYears`,kind:`years`,step:1,min:0,max:130,comparator:`GTE`,cutoff:18,enabled:!0,passing:48},{name:`CREDIT_HISTORY_MONTHS`,field:`creditHistoryMonths`,kind:`months`,step:1,min:0,max:1440,comparator:`GTE`,cutoff:6,enabled:!0,passing:126},{name:`DELINQUENCIES_24M`,field:`delinquencies24m`,kind:`count`,step:1,min:0,max:1e3,comparator:`LTE`,cutoff:1,enabled:!0,passing:0},{name:`AFFORDABILITY_RATIO`,field:`affordabilityRatio`,kind:`ratio`,step:.01,min:0,max:1e3,comparator:`GTE`,cutoff:1.5,enabled:!0,passing:11.5},{name:`LIQUID_SAVINGS`,field:`liquidSavings`,kind:`money`,step:1,min:-1e7,max:1e8,comparator:`GTE`,cutoff:0,enabled:!1,passing:1e5},{name:`OUTSTANDING_CREDIT`,field:`outstandingCredit`,kind:`money`,step:1,min:0,max:1e8,comparator:`LTE`,cutoff:2500,enabled:!0,passing:0}],la=1e3,ua=new Map(ca.map(e=>[e.name,e]));function da(e){return ua.get(e)?.kind===`flag`}var fa=20;function pa(e,t){let n=ua.get(e)?.step??1;if(da(e)||!t||!(t>0))return n;let r=t/fa,i=10**Math.floor(Math.log10(r)+1e-9),a=[5,2,1].map(e=>e*i).find(e=>e<=r*(1+1e-9))??i;return Math.max(n,ma(a,Math.min(a,1)))}function ma(e,t){let n=t<1?Math.max(0,Math.ceil(-Math.log10(t)-1e-9)):0;return Number((Math.round(e/t)*t).toFixed(n))}function ha(e,t,n,r){if(da(e))return{knots:[0,1],step:1};let i=pa(e,n),a=[];for(let e of[...r.map(e=>e.cutoff)].sort((e,t)=>e-t))Number.isFinite(e)&&(a.length===0||e>a[a.length-1])&&a.push(e);(a.length===0||t<a[0])&&a.unshift(t),t>a[a.length-1]&&a.push(t);let o=ma(Math.floor(a[0]/i+1e-9)*i,i),s=Math.max(ma(Math.ceil(a[a.length-1]/i-1e-9)*i,i),ma(o+i,i));return{knots:[o,...a.slice(1,-1).filter(e=>e>o&&e<s),s],step:i}}function ga(e){return[e.knots[0],e.knots[e.knots.length-1]]}var _a=e=>Math.acos(1-2*e)/Math.PI,va=e=>(1-Math.cos(Math.PI*e))/2;function ya(e,t){let n=t.knots;if(!Number.isFinite(e)||e<=n[0])return 0;if(e>=n[n.length-1])return 1;let r=0;for(;r<n.length-2&&e>n[r+1];)r++;return _a((r+(e-n[r])/(n[r+1]-n[r]))/(n.length-1))}function ba(e,t){let n=t.knots,r=va(Math.min(1,Math.max(0,e)))*(n.length-1),i=Math.min(n.length-2,Math.floor(r));return n[i]+(n[i+1]-n[i])*(r-i)}function xa(e,t){return Math.round(ya(e,t)*la)}function Sa(e,t){let[n,r]=ga(t);return Math.min(r,Math.max(n,ma(ba(e/la,t),t.step)))}var Ca=1/20;function wa(e,t,n){let[r,i]=ga(n),a=e=>Math.min(i,Math.max(r,ma(e,n.step))),o=ya(t,n);switch(e){case`ArrowRight`:case`ArrowUp`:return a((Math.floor(t/n.step+1e-9)+1)*n.step);case`ArrowLeft`:case`ArrowDown`:return a((Math.ceil(t/n.step-1e-9)-1)*n.step);case`PageUp`:{let e=a(ba(o+Ca,n));return e>t?e:wa(`ArrowUp`,t,n)}case`PageDown`:{let e=a(ba(o-Ca,n));return e<t?e:wa(`ArrowDown`,t,n)}case`Home`:return r;case`End`:return i;default:return null}}function Ta(e,t){let n=e.trim().replace(/\s+/g,``).replace(`,`,`.`);if(n===``)return{ok:!1,error:`enter a cut-off`};if(!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n))return{ok:!1,error:`must be a number`};let r=Number(n);return Number.isFinite(r)?da(t)&&r!==0&&r!==1?{ok:!1,error:`must be 0 or 1 (a yes/no check)`}:{ok:!0,value:r}:{ok:!1,error:`must be a finite number`}}function Ea(e){return e.map(e=>({measuredValue:e.measuredValue,comparator:e.comparator,cutoff:e.cutoff,enabled:e.enabled}))}function Da(e,t){return e.filter((e,n)=>{let r=t[n];return!r||r.cutoff!==e.cutoff||r.enabled!==e.enabled||r.comparator!==e.comparator}).map(e=>e.measuredValue)}function Oa(e){return e.map(e=>`${e.measuredValue}:${e.comparator}:${e.cutoff}:${+!!e.enabled}`).join(`|`)}var ka=U(`
  query ThresholdDraft($id: ID!) {
    thresholdDraft(id: $id) {
      id
      market
      baseVersionId
      status
      revision
      author
      rationale
      reviewer
      reviewComment
      publishedVersionId
      createdAt
      updatedAt
      submittedAt
      reviewedAt
      rules {
        ...RuleFields
      }
      impact {
        ...ImpactFields
      }
    }
  }
`),Aa=U(`
  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {
    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {
      id
      revision
      updatedAt
      rules {
        ...RuleFields
      }
    }
  }
`),ja=U(`
  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {
      id
      status
    }
  }
`),Ma=U(`
  mutation ApproveThresholdDraft($id: ID!, $comment: String) {
    approveThresholdDraft(id: $id, comment: $comment) {
      id
      status
      publishedVersionId
    }
  }
`),Na=U(`
  mutation RejectThresholdDraft($id: ID!, $comment: String!) {
    rejectThresholdDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`),Pa=U(`
  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {
    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points, spacing: QUANTILES) {
      measuredValue
      comparator
      assessed
      declineRateWithoutRule
      proposedCutoff
      proposedRate
      points {
        ...SweepPointFields
      }
      nowPoint {
        ...SweepPointFields
      }
      proposedPoint {
        ...SweepPointFields
      }
    }
  }
`),Fa=81;function Ia(e,t,n,r){return y(Pa,{market:e,measuredValue:t,proposal:n,points:Fa},r).then(e=>e.sensitivity)}function La({params:e,user:t}){let n=N(ka,{id:e.id},e.id),i=n.data?.thresholdDraft;if(n.error)return c(k,{error:n.error,title:`Could not load the draft`});if(n.loading&&!i)return c(M,{label:`Loading the draft…`});if(!i)return c(r,{children:[c(P,{title:`Draft not found`}),c(`p`,{children:[`No threshold draft has the id `,c(`code`,{children:e.id}),`. `,c(O,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let a=t.roles.some(e=>ze.includes(e)),o=i.status===V.Draft&&a;return c(r,{children:[c(P,{title:`${i.market} thresholds: draft ${i.id}`,children:c(O,{href:`/thresholds?market=${i.market}`,children:[`← `,i.market,` thresholds`]})}),c(`p`,{children:[c(`span`,{class:`badge muted`,children:J(i.status)}),` Written by `,W(i.author),`, started `,K(i.createdAt),` from`,` `,c(O,{href:`/thresholds/versions/${i.baseVersionId}`,children:`the version it copies`}),i.submittedAt&&`, submitted ${K(i.submittedAt)}`,i.reviewer&&` · ${i.status===V.Rejected?`rejected`:`approved`} by ${W(i.reviewer)} ${K(i.reviewedAt)}`,`.`]}),c(wr,{}),o?c(Va,{draft:i,onSubmitted:n.reload}):c(r,{children:[c(Ra,{draft:i,user:t,onReviewed:n.reload}),c(sa,{market:i.market,rules:i.rules})]})]})}function Ra({draft:t,user:n,onReviewed:i}){let[a,o]=e(``),[s,l]=e(!1),[u,d]=e(null),f=n.roles.some(e=>Be.includes(e)),p=G(t.author,n),m=Ke(),h=async e=>{let n=t.impact?.available?t.impact:null;if(!e||await m.ask({title:`Approve and publish draft ${t.id} of ${t.market}?`,body:c(r,{children:[c(`p`,{children:[`You approve the rules `,oe(t.author),`. They become `,t.market,`'s next published version, which can be neither changed nor withdrawn (a later version can replace it).`]}),c(`p`,{children:[`Nothing changes at checkout yet: `,t.market,` shoppers are assessed with it only once an approver activates it, now or at a set time, on the version's page.`,n&&` Once active, the what-if at submission predicts a decline rate of ${X(n.declineRateProposed,2)} instead of ${X(n.declineRateNow,2)}: ${n.approvedToDeclined.toLocaleString(`en-US`)} past purchases approved would have been declined, ${n.declinedToApproved.toLocaleString(`en-US`)} declined approved.`]})]}),confirm:`Approve and publish`})){l(!0),d(null);try{e?await y(Ma,{id:t.id,comment:a.trim()||null}):await y(Na,{id:t.id,comment:a.trim()}),he(),i()}catch(e){d(e)}finally{l(!1)}}};return c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`diff-h`,children:[c(`h2`,{id:`diff-h`,children:`Changes from the version it copies`}),c(Or,{from:{versionId:t.baseVersionId},to:{draftId:t.id},label:`Changed rules`})]}),c(`section`,{class:`panel`,"aria-labelledby":`rules-h`,children:[c(`h2`,{id:`rules-h`,children:`All rules`}),c(Er,{rules:t.rules,label:`Rules of the draft`})]})]}),c(`div`,{children:[t.status!==V.Draft&&c(`section`,{class:`panel`,"aria-labelledby":`impact-h`,children:[c(`h2`,{id:`impact-h`,children:`Impact simulated at submission`}),c(Tr,{impact:t.impact,title:`Stored impact`}),t.impact?.available&&c(r,{children:[c(`h3`,{children:`Predicted outcomes`}),c(Nr,{impact:t.impact,currency:Jn(t.market)})]}),c(`h3`,{children:`Rationale`}),c(`p`,{children:t.rationale})]}),t.status===V.Draft&&c(`p`,{class:`notice`,children:`This draft is still being edited by its author.`}),t.status===V.Submitted&&c(`section`,{class:`panel`,"aria-labelledby":`review-h`,children:[c(`h2`,{id:`review-h`,children:`Review`}),f?p?c(`p`,{class:`notice`,children:`You submitted this draft, so another approver must review it (maker-checker).`}):c(`div`,{class:`stack`,children:[c(`label`,{children:[`Comment (required to reject)`,c(`textarea`,{name:`comment`,rows:3,value:a,onInput:e=>o(e.currentTarget.value)}),c(A,{error:u,field:`comment`})]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:()=>h(!0),disabled:s,children:`Approve and publish`}),c(`button`,{type:`button`,class:`danger`,onClick:()=>h(!1),disabled:s||a.trim()===``,children:`Reject`})]})]}):c(`p`,{children:`An approver reviews this submission.`}),u!==null&&c(k,{error:u,title:`The review was not recorded`}),m.dialog]}),t.status===V.Approved&&t.publishedVersionId&&c(`section`,{class:`panel`,"aria-labelledby":`pub-h`,children:[c(`h2`,{id:`pub-h`,children:`Published`}),c(`p`,{children:[`Published, `,oe(t.author,t.reviewer),t.reviewComment?` (“${t.reviewComment}”)`:``,`.`,` `,c(O,{href:`/thresholds/versions/${t.publishedVersionId}`,children:`Open the published version`}),` to activate it.`]})]}),t.status===V.Rejected&&c(`section`,{class:`panel`,"aria-labelledby":`rej-h`,children:[c(`h2`,{id:`rej-h`,children:`Rejected`}),c(`p`,{children:[`Rejected by `,W(t.reviewer),`: “`,t.reviewComment,`”`]})]})]})]})}function za(e){return e.map(e=>({...e}))}function Ba(e){let t=new Map;if(!(e instanceof u))return t;for(let n of e.fields){let e=/^rules\[(\d+)\]\.?(.*)$/.exec(n.field);e&&t.set(Number(e[1]),`${e[2]?e[2]+` `:``}${n.message}`)}return t}function Va({draft:t,onSubmitted:n}){let r=t.market,[a,l]=e(()=>za(t.rules)),[d,f]=e(()=>({rules:za(t.rules),revision:t.revision})),[p,m]=e(()=>Object.fromEntries(t.rules.map(e=>[e.measuredValue,String(e.cutoff)]))),[h,g]=e({}),[_,v]=e({}),[b,x]=e({}),[S,C]=e(null),[w,T]=e(null),[E,D]=e(!0),[O,j]=e(null),[N,P]=e(!1),[ee,te]=e(``),[ne,F]=e(``),I=i(null),L=Oa(a),R=o(()=>Ea(a),[L]),re=e=>{x(t=>({...t,[e.measuredValue]:e}));let n=t.rules.find(t=>t.measuredValue===e.measuredValue)?.scale;v(t=>t[e.measuredValue]?t:{...t,[e.measuredValue]:ha(e.measuredValue,e.proposedCutoff,n,e.points)})},ie=o(()=>$t((e,t)=>y(ra,{market:r,proposal:e},t).then(e=>e.simulate),{onData:e=>{C(e),T(null)},onError:T,onPending:D},{interval:120}),[r]),z=o(()=>$t((e,t)=>Ia(r,e.mv,e.proposal,t),{onData:re,onError:T},{interval:120}),[r]);s(()=>()=>{ie.cancel(),z.cancel()},[ie,z]),s(()=>{ie.schedule(R),I.current&&z.schedule({mv:I.current,proposal:R})},[L]);let B=i(!0);s(()=>{let e=new AbortController,t=B.current?0:700;B.current=!1;let n=setTimeout(()=>{for(let t of a)t.measuredValue!==I.current&&Ia(r,t.measuredValue,R,e.signal).then(re,t=>{e.signal.aborted||T(t)})},t);return()=>{clearTimeout(n),e.abort()}},[L]);let V=(e,t,n)=>{I.current=a[e].measuredValue,l(n=>n.map((n,r)=>r===e?{...n,cutoff:t}:n)),m(r=>({...r,[a[e].measuredValue]:n??String(t)})),g(t=>({...t,[a[e].measuredValue]:``}))},H=(e,t)=>{I.current=a[e].measuredValue,l(n=>n.map((n,r)=>r===e?{...n,enabled:t}:n))},ae=(e,t)=>{let n=a[e].measuredValue,r=Ta(t,n);r.ok?V(e,r.value,t):(m(e=>({...e,[n]:t})),g(e=>({...e,[n]:r.error})))},U=new Set(Da(a,d.rules)),W=U.size>0,G=Object.values(h).some(e=>e),oe=Ba(O),se=async()=>{P(!0),j(null),te(``);try{let e=(await y(Aa,{id:t.id,revision:d.revision,rules:R})).editThresholdDraft;return f({rules:za(e.rules),revision:e.revision}),te(`Saved as revision ${e.revision} at ${K(e.updatedAt)}.`),e.revision}catch(e){return j(e),null}finally{P(!1)}},ce=async e=>{e.preventDefault();let r=W?await se():d.revision;if(r!==null){P(!0);try{await y(ja,{id:t.id,revision:r,rationale:ne.trim()}),n()}catch(e){j(e)}finally{P(!1)}}},le=O instanceof u&&O.code===`CONFLICT`,ue=I.current??a.find(e=>U.has(e.measuredValue))?.measuredValue??a[0]?.measuredValue,de=ue?b[ue]:void 0;return c(`div`,{class:`editor-grid`,children:[c(`div`,{children:[c(`h2`,{children:`Rules`}),c(`p`,{class:`muted`,children:`Drag a slider, press its arrow keys (one step each) or type an exact cut-off: the what-if beside and the curve under the slider follow. The curve is the decline rate as that cut-off sweeps, the other rules as proposed; the red line is the cut-off. Slider and curve share one axis, spread by where the market's decisions lie; under it are its ends and the median.`}),c(`div`,{class:`rules-edit`,children:a.map((e,t)=>c(Ha,{rule:e,text:p[e.measuredValue]??``,inputError:h[e.measuredValue]||oe.get(t)||``,axis:_[e.measuredValue],curve:b[e.measuredValue],changed:U.has(e.measuredValue),onSlide:e=>V(t,e),onType:e=>ae(t,e),onEnabled:e=>H(t,e)},e.measuredValue))})]}),c(`div`,{class:`whatif-col`,children:[c(`section`,{class:`panel whatif`,"aria-labelledby":`whatif-h`,"aria-busy":E,children:[c(`h2`,{id:`whatif-h`,children:[`What-if `,E&&c(`span`,{class:`muted`,children:`(updating…)`})]}),w!==null&&c(k,{error:w,title:`The what-if failed`}),S?c(aa,{sim:S,stale:E}):c(M,{label:`Simulating…`})]}),c(`section`,{class:`panel`,"aria-labelledby":`frontier-h`,children:[c(`h2`,{id:`frontier-h`,children:[`Trade-off under `,ue?J(ue):`the moved rule`]}),c(`p`,{class:`muted`,children:`As this rule's cut-off sweeps its range (the other rules as proposed): the bad rate and the loss (share of approved volume) against the approval rate. Today's point is the ring, the proposal's the disc.`}),de?c(Mr,{curve:de,name:J(de.measuredValue)}):c(M,{label:`Loading the frontier…`})]}),c(`section`,{class:`panel`,"aria-labelledby":`save-h`,children:[c(`h2`,{id:`save-h`,children:`Save and submit`}),c(`p`,{class:`muted`,children:[W?`${U.size} unsaved ${U.size===1?`change`:`changes`}.`:`No unsaved changes.`,` Revision `,d.revision,`.`]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:se,disabled:!W||N||G,children:`Save draft`}),c(`button`,{type:`button`,class:`secondary`,disabled:!W||N,onClick:()=>{l(za(d.rules)),m(Object.fromEntries(d.rules.map(e=>[e.measuredValue,String(e.cutoff)]))),g({})},children:`Undo unsaved changes`})]}),ee&&c(`p`,{role:`status`,class:`muted`,children:ee}),le&&c(`div`,{class:`error`,role:`alert`,children:[c(`strong`,{children:`Conflict: this draft changed since you opened it.`}),c(`p`,{children:[`Someone saved or submitted it meanwhile (revision `,d.revision,` is no longer current), so your change was not saved. Copy what you need, then reload to edit the latest revision.`]}),c(`p`,{class:`meta`,children:[O.message,` · request id `,c(`code`,{class:`request-id`,children:O.requestId})]}),c(`button`,{type:`button`,onClick:()=>window.location.reload(),children:`Reload the draft`})]}),O!==null&&!le&&c(k,{error:O,title:`Not saved`}),c(`form`,{class:`stack`,onSubmit:ce,children:[c(`label`,{children:[`Rationale for the approver`,c(`textarea`,{name:`rationale`,rows:3,required:!0,value:ne,onInput:e=>F(e.currentTarget.value)}),c(A,{error:O,field:`rationale`})]}),c(`div`,{children:c(`button`,{type:`submit`,disabled:N||G||ne.trim()===``,children:W?`Save and submit for approval`:`Submit for approval`})})]})]})]})]})}function Ha(e){let{rule:t,axis:n,curve:r}=e,i=J(t.measuredValue),a=`rule-${t.measuredValue}`,o=t.comparator===`GTE`?`at least`:`at most`,s=n??{knots:[Math.min(0,t.cutoff),Math.max(1,t.cutoff*2)],step:da(t.measuredValue)?1:.01};return c(`fieldset`,{class:`rule${e.changed?` changed`:``}`,"data-rule":t.measuredValue,children:[c(`legend`,{children:[i,` `,c(`span`,{class:`muted`,children:[`(`,J(t.factor),`)`]})]}),c(`div`,{class:`rule-head`,children:[c(`span`,{class:`muted`,children:[`passes when `,o,` the cut-off; fails with `,J(t.reasonCode)]}),c(`label`,{class:`check`,children:[c(`input`,{type:`checkbox`,checked:t.enabled,onChange:t=>e.onEnabled(t.currentTarget.checked)}),`enabled`]})]}),c(`div`,{class:`rule-inputs`,children:[c(`div`,{class:`slider`,children:[c(`input`,{type:`range`,min:0,max:la,step:1,value:xa(t.cutoff,s),"aria-label":`${i} cut-off slider`,"aria-valuetext":`${o} ${q(t.cutoff)}`,"aria-describedby":r&&n?`${a}-curve`:void 0,disabled:!n,onKeyDown:n=>{let r=wa(n.key,t.cutoff,s);r!==null&&(n.preventDefault(),r!==t.cutoff&&e.onSlide(r))},onInput:t=>e.onSlide(Sa(Number(t.currentTarget.value),s))}),r&&n?c(Ga,{curve:r,axis:n,cutoff:t.cutoff,name:i,id:`${a}-curve`}):c(`p`,{class:`muted`,children:`Loading the curve…`})]}),c(`label`,{children:[c(`span`,{class:`visually-hidden`,children:[i,` cut-off`]}),c(`input`,{class:`cutoff`,inputMode:`decimal`,"aria-label":`${i} cut-off`,"aria-invalid":e.inputError?`true`:void 0,"aria-describedby":e.inputError?`${a}-err`:void 0,value:e.text,onInput:t=>e.onType(t.currentTarget.value)}),c(`span`,{class:`muted step`,children:[`step `,q(s.step)]})]})]}),e.inputError&&c(`span`,{class:`field-error`,id:`${a}-err`,children:e.inputError})]})}var Ua=300,Wa=40;function Ga({curve:e,axis:t,cutoff:n,name:r,id:i}){let a=e.points,o=Math.max(.01,...a.map(e=>e.declineRate)),s=e=>ya(e,t)*Ua,l=e=>38-e/o*36,u=a.map(e=>`${s(e.cutoff).toFixed(2)},${l(e.declineRate).toFixed(2)}`).join(` `),d=Math.min(...a.map(e=>e.declineRate)),[f,p]=ga(t);return c(`div`,{class:`sens-wrap`,children:[c(`svg`,{class:`sens`,viewBox:`0 0 ${Ua} ${Wa}`,preserveAspectRatio:`none`,role:`img`,id:i,"aria-label":`Decline rate as the ${r} cut-off sweeps ${q(f)} to ${q(p)}: from ${X(d)} to ${X(o)}; ${X(e.proposedRate)} at ${q(e.proposedCutoff)}.`,children:[a.length>1&&c(`polygon`,{class:`area`,points:`${s(a[0].cutoff).toFixed(2)},${Wa} ${u} ${s(a[a.length-1].cutoff).toFixed(2)},${Wa}`}),c(`polyline`,{class:`curve`,points:u}),c(`line`,{class:`now`,"data-testid":`cutoff-line`,x1:s(n),x2:s(n),y1:0,y2:Wa})]}),c(`div`,{class:`sens-axis`,"aria-hidden":`true`,children:[c(`span`,{children:q(f)}),c(`span`,{children:t.knots.length>2?q(ma(ba(.5,t),t.step)):``}),c(`span`,{children:q(p)})]}),c(`span`,{class:`muted`,children:[X(e.proposedRate,2),` declined at `,q(e.proposedCutoff),`; `,X(e.declineRateWithoutRule,2),` with the rule off`]})]})}var Ka=U(`
  query BadDefinitionPanel($market: String!) {
    badDefinition(market: $market) {
      id
      version
      level
      windowMonths
      description
      author
      approver
      createdAt
    }
    badDefinitionDrafts(market: $market, first: 10) {
      nodes {
        ...BadDraftFields
      }
    }
  }
`);U(`
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
`);var qa=U(`
  mutation CreateBadDefinitionDraft($market: String!) {
    createBadDefinitionDraft(market: $market) {
      ...BadDraftFields
    }
  }
`),Ja=U(`
  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {
    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {
      ...BadDraftFields
    }
  }
`),Ya=U(`
  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {
      ...BadDraftFields
    }
  }
`),Xa=U(`
  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {
    approveBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`),Za=U(`
  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {
    rejectBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`);function Qa({market:t,user:n}){let r=N(Ka,{market:t},t),[i,a]=e(null),[o,s]=e(!1),l=n.roles.some(e=>Gn.includes(e)),u=n.roles.some(e=>Kn.includes(e)),d=async e=>{s(!0),a(null);try{await e(),r.reload()}catch(e){a(e)}finally{s(!1)}},f=r.data?.badDefinition,p=r.data?.badDefinitionDrafts.nodes??[],m=p.filter(e=>e.status===V.Draft),h=p.filter(e=>e.status===V.Submitted),g=m.find(e=>G(e.author,n));return c(`section`,{class:`panel`,"aria-labelledby":`bad-h`,children:[c(`h2`,{id:`bad-h`,children:[`Bad definition in `,t]}),r.error!==null&&c(k,{error:r.error,title:`Could not load the bad definition`}),r.loading&&!r.data&&c(M,{label:`Loading the bad definition…`}),f&&c(`p`,{"data-figure":`bad-definition`,children:[c(`strong`,{children:f.description}),` `,c(`span`,{class:`muted`,children:[`(version `,f.version,`, `,oe(f.author,f.approver),`, `,K(f.createdAt),`)`]}),`. A purchase younger than `,f.windowMonths,` months is immature and counts neither good nor bad.`]}),i!==null&&c(k,{error:i,title:`Not done`}),l&&!g&&c(`button`,{type:`button`,class:`secondary`,disabled:o,onClick:()=>d(()=>y(qa,{market:t})),children:`Start a bad-definition draft`}),g&&c($a,{draft:g,busy:o,error:i,run:d},`${g.id}-${g.revision}`),m.filter(e=>e!==g).map(e=>c(`p`,{class:`muted`,children:[`Draft `,e.id,` by `,W(e.author),`: `,e.description,` (being edited).`]},e.id)),h.map(e=>c(eo,{draft:e,user:n,canApprove:u,busy:o,error:i,run:d},e.id))]})}function $a({draft:t,busy:n,error:r,run:i}){let[a,o]=e(t.level),[s,l]=e(String(t.windowMonths)),[u,d]=e(``),f=hr(s),p=a!==t.level||Number(s)!==t.windowMonths,m=()=>y(Ja,{id:t.id,revision:t.revision,level:a,windowMonths:Number(s)});return c(`form`,{class:`stack bad-draft`,"aria-label":`Bad-definition draft ${t.id}`,onSubmit:e=>{e.preventDefault(),i(async()=>{let e=p?(await m()).editBadDefinitionDraft.revision:t.revision;await y(Ya,{id:t.id,revision:e,rationale:u.trim()})})},children:[c(`p`,{children:[`Your draft `,t.id,` (revision `,t.revision,`): `,c(`strong`,{children:f?t.description:mr(a,Number(s))})]}),c(`div`,{class:`filters compact`,children:[c(`label`,{children:[`Bad when ever`,c(`select`,{name:`level`,value:a,onChange:e=>o(e.currentTarget.value),children:pr.map(e=>c(`option`,{value:e,children:[dr(e),e===`CHARGED_OFF`?``:` or worse`]},e))}),c(A,{error:r,field:`level`})]}),c(`label`,{children:[`Within (months, 1–`,24,`)`,c(`input`,{name:`windowMonths`,inputMode:`numeric`,value:s,"aria-invalid":f?`true`:void 0,onInput:e=>l(e.currentTarget.value)}),f?c(`span`,{class:`field-error`,children:f}):c(A,{error:r,field:`windowMonths`})]})]}),c(`div`,{class:`toolbar`,children:c(`button`,{type:`button`,disabled:n||!p||!!f,onClick:()=>i(m),children:`Save definition draft`})}),c(`label`,{children:[`Rationale for the approver`,c(`textarea`,{name:`bad-rationale`,rows:2,value:u,onInput:e=>d(e.currentTarget.value)}),c(A,{error:r,field:`rationale`})]}),c(`div`,{children:c(`button`,{type:`submit`,disabled:n||!!f||u.trim()===``,children:`Submit the definition for approval`})})]})}function eo({draft:t,user:n,canApprove:r,busy:i,error:a,run:o}){let[s,l]=e(``),u=G(t.author,n);return c(`div`,{class:`bad-submitted`,role:`group`,"aria-label":`Submitted bad definition ${t.id}`,children:[c(`p`,{children:[`Awaiting approval: `,c(`strong`,{children:t.description}),`, submitted by `,W(t.author),`: “`,t.rationale,`”`]}),r?u?c(`p`,{class:`notice`,children:`You submitted it, so another approver must review it (maker-checker).`}):c(`div`,{class:`stack`,children:[c(`label`,{children:[`Comment (required to reject)`,c(`textarea`,{name:`bad-comment`,rows:2,value:s,onInput:e=>l(e.currentTarget.value)}),c(A,{error:a,field:`comment`})]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,disabled:i,onClick:()=>o(()=>y(Xa,{id:t.id,comment:s.trim()||null})),children:`Approve the definition`}),c(`button`,{type:`button`,class:`danger`,disabled:i||s.trim()===``,onClick:()=>o(()=>y(Za,{id:t.id,comment:s.trim()})),children:`Reject the definition`})]})]}):c(`p`,{class:`muted`,children:`An approver reviews it.`})]})}var to=U(`
  query MarketThresholds($market: String!) {
    thresholdVersions(market: $market, first: 50) {
      nodes {
        status
        version {
          id
          version
          author
          approver
          rationale
          createdAt
        }
        activations {
          id
          activatedAt
          activatedBy
          emergency
        }
      }
    }
    thresholdDrafts(market: $market, first: 50) {
      nodes {
        id
        status
        revision
        author
        rationale
        createdAt
        updatedAt
        submittedAt
        reviewer
        publishedVersionId
        impact {
          available
          declineRateNow
          declineRateProposed
          approvedToDeclined
          declinedToApproved
          badRateNow
          badRateProposed
          lossNow
          lossProposed
        }
      }
    }
  }
`),no=U(`
  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {
    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {
      id
    }
  }
`);function ro({query:t,user:n}){let i=(t.get(`market`)??`DE`).toUpperCase(),a=N(to,{market:i},i),o=n.roles.some(e=>ze.includes(e)),[s,l]=e(!1),[u,d]=e(null),f=ce(ye(i).all.flatMap(e=>e.market?[{market:e.market}]:[])),p=async()=>{l(!0),d(null);try{w(`/thresholds/drafts/${(await y(no,{market:i})).createThresholdDraft.id}`)}catch(e){d(e),l(!1)}},m=a.data?.thresholdVersions.nodes??[],h=a.data?.thresholdDrafts.nodes??[],g=m.find(e=>e.status===`ACTIVE`),_=h.filter(e=>e.status===V.Submitted),v=h.filter(e=>e.status===V.Draft),b=h.filter(e=>e.status===V.Approved||e.status===V.Rejected);return c(r,{children:[c(P,{title:`Thresholds`,children:o&&c(`button`,{type:`button`,onClick:p,disabled:s,children:[`New draft for `,i]})}),c(`nav`,{"aria-label":`Markets`,children:c(`ul`,{class:`tabs`,children:en.map(e=>c(`li`,{children:c(O,{href:`/thresholds?market=${e}`,"aria-current":e===i?`page`:void 0,children:[e,f[e]>0&&c(r,{children:[` `,c(`span`,{class:`badge warn count`,title:`${Y(f[e],`submission`)} awaiting approval`,children:f[e]})]})]})},e))})}),c(wr,{}),u!==null&&c(k,{error:u,title:`Could not start a draft`}),a.error!==null&&c(k,{error:a.error,title:`Could not load the thresholds`}),a.loading&&c(M,{label:`Loading thresholds…`}),a.data&&c(r,{children:[c(`section`,{class:`panel`,"aria-labelledby":`active-h`,children:[c(`h2`,{id:`active-h`,children:[`In force in `,i]}),g?c(`p`,{children:[c(O,{href:`/thresholds/versions/${g.version.id}`,children:[`Version `,g.version.version]}),`, `,oe(g.version.author,g.version.approver),`, in force since `,K(g.activations.at(-1)?.activatedAt),`. `,c(`span`,{class:`muted`,children:g.version.rationale})]}):c(`p`,{children:[`No version is in force in `,i,`.`]})]}),ke(n.roles)&&c(Qa,{market:i,user:n},i),c(`section`,{class:`panel`,"aria-labelledby":`pending-h`,children:[c(`h2`,{id:`pending-h`,children:`Awaiting approval`}),_.length===0?c(`p`,{children:[`Nothing awaits approval in `,i,`.`]}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Submissions awaiting approval`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Draft`}),c(`th`,{children:`Submitted by`}),c(`th`,{children:`Submitted (UTC)`}),c(`th`,{children:`Rationale`}),c(`th`,{class:`num`,children:`Decline rate now → proposed`}),c(`th`,{class:`num`,children:`Flips`}),c(`th`,{class:`num`,children:`Bad rate now → predicted`}),c(`th`,{class:`num`,children:`Loss now → predicted`})]})}),c(`tbody`,{children:_.map(e=>c(`tr`,{children:[c(`td`,{children:c(O,{href:`/thresholds/drafts/${e.id}`,children:[`Review draft `,e.id]})}),c(`td`,{children:W(e.author)}),c(`td`,{children:K(e.submittedAt)}),c(`td`,{children:e.rationale}),c(`td`,{class:`num`,children:e.impact?.available?`${X(e.impact.declineRateNow,2)} → ${X(e.impact.declineRateProposed,2)} (${Ye(e.impact.declineRateNow,e.impact.declineRateProposed)})`:`–`}),c(`td`,{class:`num`,children:e.impact?.available?`${e.impact.approvedToDeclined} ↓ / ${e.impact.declinedToApproved} ↑`:`–`}),c(`td`,{class:`num`,children:e.impact?.available&&e.impact.badRateProposed!=null?`${X(e.impact.badRateNow)} → ${X(e.impact.badRateProposed)}`:`–`}),c(`td`,{class:`num`,children:e.impact?.available&&e.impact.lossProposed!=null?`${Q(e.impact.lossNow,``)} → ${Q(e.impact.lossProposed,Jn(i))}`:`–`})]},e.id))})]})})]}),c(`section`,{class:`panel`,"aria-labelledby":`drafts-h`,children:[c(`h2`,{id:`drafts-h`,children:`Drafts`}),v.length===0&&b.length===0?c(`p`,{children:[`No drafts in `,i,`.`]}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Drafts`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Draft`}),c(`th`,{children:`Status`}),c(`th`,{children:`Author`}),c(`th`,{children:`Last change (UTC)`}),c(`th`,{children:`Outcome`})]})}),c(`tbody`,{children:[...v,...b].map(e=>c(`tr`,{children:[c(`td`,{children:c(O,{href:`/thresholds/drafts/${e.id}`,children:[`Draft `,e.id]})}),c(`td`,{children:c(`span`,{class:`badge muted`,children:J(e.status)})}),c(`td`,{children:W(e.author)}),c(`td`,{children:K(e.updatedAt)}),c(`td`,{children:[e.reviewer&&`${e.status===V.Rejected?`rejected`:`approved`} by ${W(e.reviewer)}`,e.publishedVersionId&&c(r,{children:[`, `,c(O,{href:`/thresholds/versions/${e.publishedVersionId}`,children:`published version`})]})]})]},e.id))})]})})]}),c(`section`,{class:`panel`,"aria-labelledby":`history-h`,children:[c(`h2`,{id:`history-h`,children:`History`}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Published versions`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Version`}),c(`th`,{children:`Status`}),c(`th`,{children:`People`}),c(`th`,{children:`Published (UTC)`}),c(`th`,{children:`Activations`}),c(`th`,{children:`Rationale`})]})}),c(`tbody`,{children:m.map(e=>c(`tr`,{children:[c(`td`,{children:c(O,{href:`/thresholds/versions/${e.version.id}`,children:[`Version `,e.version.version]})}),c(`td`,{children:c(`span`,{class:`badge ${e.status===`ACTIVE`?`ok`:`muted`}`,children:J(e.status)})}),c(`td`,{children:oe(e.version.author,e.version.approver)}),c(`td`,{children:K(e.version.createdAt)}),c(`td`,{children:e.activations.map(e=>c(`div`,{children:[K(e.activatedAt),` by `,W(e.activatedBy),e.emergency&&` (emergency)`]},e.id))}),c(`td`,{children:e.version.rationale})]},e.version.id))})]})})]})]})]})}var io=U(`
  query ThresholdVersionPage($id: ID!) {
    thresholdVersion(id: $id) {
      id
      market
      version
      author
      approver
      rationale
      createdAt
      rules {
        ...RuleFields
      }
    }
  }
`),ao=U(`
  query ThresholdVersionState($market: String!) {
    thresholdVersions(market: $market, first: 100) {
      nodes {
        status
        version {
          id
        }
        activations {
          id
          activatedAt
          activatedBy
          emergency
        }
      }
    }
    activeThresholdVersion(market: $market) {
      version {
        id
        version
      }
    }
  }
`),oo=U(`
  query ActivationImpact($versionId: ID!) {
    activationImpact(versionId: $versionId) {
      activation {
        id
        activatedAt
        activatedBy
        emergency
      }
      predicted {
        ...ImpactFields
      }
      realized {
        ...RateWindowFields
      }
      before {
        ...RateWindowFields
      }
      complete
      predictionError
      outcomes {
        predictedBadRate
        approved
        mature
        bad
        realizedBadRate
        allMatureAt
        note
      }
    }
  }
`);U(`
  fragment RateWindowFields on RateWindow {
    from
    to
    assessed
    declined
    rate
  }
`);var so=Fe(()=>xr(()=>import(`./realized-DThDNdnX.js`).then(e=>e.RealizedImpact),__vite__mapDeps([3,1])),`Loading the realized figures…`),co=U(`
  mutation ActivateThresholdVersion($id: ID!, $at: Time) {
    activateThresholdVersion(id: $id, at: $at) {
      id
      activatedAt
    }
  }
`),lo=U(`
  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {
    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {
      activation {
        id
        activatedAt
      }
      draft {
        id
      }
    }
  }
`);function uo({params:t,user:n}){let i=N(io,{id:t.id},t.id),a=i.data?.thresholdVersion,o=a?.market??``,s=N(ao,{market:o},o,!o),l=N(oo,{versionId:t.id},t.id),u=n.roles.some(e=>Be.includes(e)),[d,f]=e(``),[p,m]=e(!1),[h,g]=e(null),[_,v]=e(``),b=Ke();if(i.error)return c(k,{error:i.error,title:`Could not load the version`});if(i.loading&&!a)return c(M,{label:`Loading the version…`});if(!a)return c(r,{children:[c(P,{title:`Threshold version not found`}),c(`p`,{children:[`No threshold version has the id `,c(`code`,{children:t.id}),`. `,c(O,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let x=s.data?.thresholdVersions.nodes.find(e=>e.version.id===a.id),S=s.data?.activeThresholdVersion?.version,C=async e=>{m(!0),g(null),v(``);try{v(await e()),s.reload(),l.reload()}catch(e){g(e)}finally{m(!1)}},T=S?`version ${S.version}, in force now`:`no version (none is in force now)`,E=c(r,{children:[c(`p`,{children:[`Every `,a.market,` purchase assessed from that moment on is decided with version `,a.version,` instead of `,T,`. A shopper whose purchase a changed rule now fails is declined at checkout and sees the decline pop-up with that rule's reason; one it now passes may pay later.`]}),S&&S.id!==a.id&&c(Or,{from:{versionId:S.id},to:{versionId:a.id},label:`Rules that change`})]}),D=async e=>{let t=e&&Tt(d)||null;await b.ask({title:e?`Schedule ${a.market} version ${a.version} for ${K(t)}?`:`Activate ${a.market} version ${a.version} now?`,body:c(r,{children:[E,c(`p`,{children:[e?`It takes effect at ${K(t)}`:`It takes effect the moment you confirm`,`, without another approval: version `,a.version,` was approved by`,` `,W(a.approver),` when it was published.`]})]}),confirm:e?`Schedule the activation`:`Activate now`})&&C(async()=>{let n=(await y(co,{id:a.id,at:t})).activateThresholdVersion;return e?`Scheduled: version ${a.version} takes effect at ${K(n.activatedAt)}.`:`Activated at ${K(n.activatedAt)}.`})},j=async e=>{(!e||await b.ask({title:`Emergency rollback of ${a.market} to version ${a.version}?`,body:c(r,{children:[E,c(`p`,{children:`It takes effect the moment you confirm, without a new approval, and is recorded as an emergency rollback: flagged on the activation and in the audit log, for review afterwards.`})]}),confirm:`Roll back now`,danger:!0}))&&C(async()=>{let t=(await y(lo,{market:a.market,versionId:a.id,emergency:e})).rollbackThresholdVersion;return t.draft?(w(`/thresholds/drafts/${t.draft.id}`),``):`Emergency rollback: version ${a.version} in force since ${K(t.activation?.activatedAt)}.`})};return c(r,{children:[c(P,{title:`${a.market} thresholds version ${a.version}`,children:c(O,{href:`/thresholds?market=${a.market}`,children:[`← `,a.market,` thresholds`]})}),c(`p`,{children:[x&&c(`span`,{class:`badge ${x.status===`ACTIVE`?`ok`:`muted`}`,children:J(x.status)}),` `,oe(a.author,a.approver),` · published`,` `,K(a.createdAt),`. `,c(`span`,{class:`muted`,children:a.rationale})]}),c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`rules-h`,children:[c(`h2`,{id:`rules-h`,children:`Rules`}),c(Er,{rules:a.rules,label:`Rules of the version`})]}),S&&S.id!==a.id&&c(`section`,{class:`panel`,"aria-labelledby":`diff-h`,children:[c(`h2`,{id:`diff-h`,children:[`Compared with version `,S.version,`, in force now`]}),c(Or,{from:{versionId:S.id},to:{versionId:a.id},label:`Rules that differ from the version in force`})]})]}),c(`div`,{children:c(`section`,{class:`panel`,"aria-labelledby":`act-h`,children:[c(`h2`,{id:`act-h`,children:`Activations`}),s.error!==null&&c(k,{error:s.error,title:`Could not load the activation schedule`}),x&&x.activations.length===0&&c(`p`,{children:`Never activated.`}),x&&x.activations.length>0&&c(`ul`,{children:x.activations.map(e=>c(`li`,{children:[K(e.activatedAt),` by `,W(e.activatedBy),e.emergency&&c(`span`,{class:`badge declined`,children:` emergency rollback`})]},e.id))}),u&&x&&x.status!==`ACTIVE`&&c(`div`,{class:`stack`,children:[c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:()=>D(!1),disabled:p,children:`Activate now`}),x.status===`SUPERSEDED`&&c(`button`,{type:`button`,class:`danger`,onClick:()=>j(!0),disabled:p,children:`Emergency rollback now`})]}),x.status===`SUPERSEDED`&&c(`p`,{class:`muted`,"data-testid":`activate-vs-rollback`,children:[`Both put version `,a.version,` back in force at once, and neither asks a second person: it was approved when it was published. `,c(`strong`,{children:`Activate now`}),` `,`records an ordinary activation (it can also be scheduled below). `,c(`strong`,{children:`Emergency rollback now`}),` records it as an emergency rollback, flagged on the activation and in the audit log for review afterwards. To have a second person approve the return, start a rollback draft instead.`]}),c(`div`,{class:`toolbar`,children:[c(ii,{label:`Activate at (UTC)`,name:`at`,value:d,onInput:e=>f(e.currentTarget.value)}),c(A,{error:h,field:`at`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>D(!0),disabled:p||!Tt(d),children:`Schedule activation`})]}),x.status===`SUPERSEDED`&&c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:()=>j(!1),disabled:p,children:`Start a rollback draft`}),c(`span`,{class:`muted`,children:`A copy of this version, approved by a second person like any change before it can be activated.`})]})]}),b.dialog,_&&c(`p`,{role:`status`,class:`notice`,children:_}),h!==null&&c(k,{error:h,title:`Not done`})]})})]}),c(`section`,{class:`panel`,"aria-labelledby":`impact-h`,children:[c(`h2`,{id:`impact-h`,children:`Realized against predicted`}),l.error!==null&&c(k,{error:l.error,title:`Could not load the activation impact`}),l.data&&l.data.activationImpact.length===0&&c(`p`,{children:`Not activated yet: nothing realized.`}),l.data?.activationImpact.map(e=>c(so,{impact:e,market:a.market},e.activation.id))]})]})}function fo(e){return l(xi,{...e,pages:mo})}var po=Fe(()=>xr(()=>import(`./AuditLog-BgwdujW5.js`).then(e=>e.AuditLogPage),__vite__mapDeps([4,1])),`Loading the audit log…`,!0),mo=[{path:`/`,title:`Home`,roles:[],component:fo},{path:`/inbox`,title:`Inbox`,roles:We,component:Si,nav:!0},{path:`/overview`,title:`Overview`,roles:Ie,component:zi,nav:!0},{path:`/decisions`,title:`Decisions`,roles:Ie,component:yi,nav:!0},{path:`/decisions/:id`,title:`Decision`,roles:Ie,component:$r},{path:`/thresholds`,title:`Thresholds`,roles:Ie,component:ro,nav:!0},{path:`/thresholds/drafts/:id`,title:`Threshold draft`,roles:Ie,component:La},{path:`/thresholds/versions/:id`,title:`Threshold version`,roles:Ie,component:uo},{path:`/catalog`,title:`Reason catalog`,roles:Ie,component:gn,nav:!0},{path:`/reviews`,title:`Reviews`,roles:Ue,component:na,nav:!0},{path:`/reviews/:id`,title:`Review case`,roles:Ue,component:Yi},{path:`/agent`,title:`Agent look-up`,roles:Re,component:Ht,nav:!0},{path:`/audit`,title:`Audit log`,roles:[`AUDITOR`],component:po,nav:!0},{path:`/admin`,title:`Admin`,roles:[`ADMIN`],component:pt,nav:!0}];function ho(){let t=T(),[n,a]=e(void 0),[o,l]=e(null),[u,d]=e(!1);s(()=>{je().then(a,l),p(()=>{a(null),d(!0),w(Ee({pathname:window.location.pathname,search:window.location.search}),{replace:!0})})},[]);let f=t.pathname===Te;s(()=>{n===null&&!f&&w(Ee(t),{replace:!0}),n&&f&&w(De(new URLSearchParams(t.search).get(`next`)),{replace:!0})},[n,f,t.pathname,t.search]);let m=we(mo,t.pathname);s(()=>{document.title=`${f?`Sign in`:m?.route.title??`Not found`} · riskconsole`},[t.pathname]);let h=i(!0);if(s(()=>{h.current?h.current=!1:document.querySelector(`main h1`)?.focus()},[t.pathname]),o)return c(`main`,{id:`main`,children:c(k,{error:o,title:`Could not reach the console`})});if(n===void 0)return c(`main`,{id:`main`,children:c(M,{label:`Loading…`})});if(n===null||f)return c(Pe,{expired:u,onSignedIn:e=>{d(!1),a(e)}});let g;if(!m)g=c(r,{children:[c(`h1`,{tabIndex:-1,children:`Page not found`}),c(`p`,{children:[`There is no page at `,c(`code`,{children:t.pathname}),`. `,c(O,{href:`/`,children:`Go to the start page`}),`.`]})]});else{let e=Ce(n,m.route);if(e.kind===`forbidden`)g=c(r,{children:[c(`h1`,{tabIndex:-1,children:`Not available to your roles`}),c(`p`,{children:[c(`strong`,{children:m.route.title}),` is open to `,e.need.join(`, `),`. You are signed in as `,n.username,` with`,` `,n.roles.join(`, `)||`no role`,`. Ask an administrator if you need it.`]}),c(`p`,{children:c(O,{href:`/`,children:`Go to the start page`})})]});else{let e=m.route.component;g=c(e,{params:m.params,query:new URLSearchParams(t.search),user:n},m.route.path)}}return c(r,{children:[c(`a`,{class:`skip`,href:`#main`,children:`Skip to content`}),c(`header`,{class:`topbar`,children:[c(`span`,{class:`brand`,children:`riskconsole`}),c(`nav`,{"aria-label":`Main`,children:c(`ul`,{children:mo.filter(e=>e.nav&&Se(n,e)).map(e=>c(`li`,{children:c(O,{href:e.path,"aria-current":m?.route===e||t.pathname.startsWith(e.path+`/`)?`page`:void 0,children:[e.title,e.path===`/inbox`&&c(xe,{user:n,refresh:t.pathname})]})},e.path))})}),c(`div`,{class:`who`,children:[c(`span`,{children:[n.displayName||n.username,` `,c(`span`,{class:`roles`,children:[`(`,n.roles.join(`, `),`)`]})]}),c(`button`,{type:`button`,class:`secondary`,onClick:async()=>{try{await Ne()}finally{d(!1),a(null),w(Te,{replace:!0})}},children:`Sign out`})]})]}),c(`main`,{id:`main`,children:g})]})}t(c(ho,{}),document.getElementById(`app`));export{M as C,y as E,P as S,w as T,K as _,Wn as a,k as b,xt as c,Et as d,Y as f,X as g,Ye as h,In as i,jt as l,q as m,Tr as n,wn as o,Ze as p,Ln as r,Fn as s,ii as t,St as u,W as v,N as w,O as x,U as y};