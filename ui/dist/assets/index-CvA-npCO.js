const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/Plot-C2INx4DU.js","assets/jsxRuntime.module-kLnmwWvf.js","assets/Plot-CnsZ1jie.css","assets/experiments-DeA1ivmz.js","assets/subject-DYbAcEdk.js","assets/realized-DRKt5Ibu.js","assets/AuditLog-BFTm2ick.js","assets/Retention-BAGu21Z0.js","assets/ShadowRun-CgpwcNQ4.js"])))=>i.map(i=>d[i]);
import{a as e,c as t,i as n,l as r,n as i,o as a,r as o,s,t as c,u as l}from"./jsxRuntime.module-kLnmwWvf.js";import{n as u,r as d,t as f}from"./subject-DYbAcEdk.js";var p=class extends Error{code;requestId;status;fields;limit;retryAfter;constructor(e,t,n,r,i=[],a,o){super(e),this.name=`ApiError`,this.code=t,this.status=n,this.requestId=r,this.fields=i,this.limit=a,this.retryAfter=o}},m=`NETWORK`,h=()=>{};function g(e){h=e}function _(e,t,n){let r=t.get(`X-Request-ID`)??void 0,i=n?.errors?.[0];if(i){let t=i.extensions??{};return new p(i.message||`request failed`,t.code||`ERROR`,e,t.requestId??r,t.fields??[],t.limit,t.retryAfter)}return e<200||e>299?new p(`the server answered ${e}`,`HTTP_${e}`,e,r):null}function v(e){throw e instanceof p&&e.code===`UNAUTHENTICATED`&&h(),e}async function y(e,t){let n;try{n=await fetch(e,{...t,credentials:`same-origin`})}catch(e){throw e.name===`AbortError`?e:new p(`could not reach the server: ${e.message}`,m,0)}let r=await n.text(),i=null;if(r!==``)try{i=JSON.parse(r)}catch{throw new p(`the server answered ${n.status} with a body that is not JSON`,`HTTP_${n.status}`,n.status,n.headers.get(`X-Request-ID`)??void 0)}let a=_(n.status,n.headers,i);if(a)throw a;return i}function b(e){let t=e.__meta__?.hash;if(!t)throw Error(`GraphQL document without a persisted hash: run npm run codegen`);return t.replace(/^sha256:/,``)}function x(e,t){return new Promise((n,r)=>{if(t?.aborted)return r(t.reason);let i=setTimeout(n,e);t?.addEventListener(`abort`,()=>{clearTimeout(i),r(t.reason)},{once:!0})})}async function S(e,t,n){let r=JSON.stringify({variables:t??{},extensions:{persistedQuery:{version:1,sha256Hash:b(e)}}}),i=()=>y(`/graphql`,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:r,signal:n}),a=null;for(let e=0;;e++)try{a=await i();break}catch(t){t instanceof p&&t.code===`LIMIT_EXCEEDED`&&t.limit===`heavyOperations`&&e<3||v(t),await x(1e3*(t.retryAfter??1),n)}if(!a?.data)throw new p(`the server answered without data`,`ERROR`,200);return a.data}function C(e,t){return y(e,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:JSON.stringify(t)})}function w(e,t){return y(e,{headers:{Accept:`application/json`},signal:t})}function T(e){if(!e)return``;let t=new Date(e);return Number.isNaN(t.getTime())?e:`${t.toISOString().slice(0,19).replace(`T`,` `)} UTC`}function E(e,t){return`${e.toLocaleString(`en-US`,{minimumFractionDigits:2,maximumFractionDigits:2})} ${t}`}function D(e){return Number.isInteger(e)?e.toLocaleString(`en-US`):e.toLocaleString(`en-US`,{maximumFractionDigits:3})}function ee(e){return e<1e3?`${e} B`:e<1e6?`${(e/1e3).toFixed(1)} kB`:`${(e/1e6).toFixed(1)} MB`}function O(e){let t=e.toLowerCase().replace(/_/g,` `);return t.charAt(0).toUpperCase()+t.slice(1)}function k(e,t){return`${e.toLocaleString(`en-US`)} ${t}${e===1?``:`s`}`}function A(e,t=1){return e==null?`–`:`${(e*100).toFixed(t)} %`}function j(e,t){let n=Math.round((t-e)*1e4)/100;return`${n>0?`+`:n<0?`−`:`±`}${Math.abs(n).toFixed(2)} pp`}function te(e,t){let n=Math.max(0,Math.floor((t-Date.parse(e))/6e4));return n<1?`less than a minute`:n<60?k(n,`minute`):n<2880?k(Math.floor(n/60),`hour`):k(Math.floor(n/1440),`day`)}function ne(e,t){if(!e||!t)return``;let n=Date.parse(t)-Date.parse(e);if(!Number.isFinite(n))return``;let r=Math.round(n/36e5);if(r<24)return k(r,`hour`);let i=Math.round(r/2.4)/10;return`${i.toLocaleString(`en-US`,{maximumFractionDigits:1})} ${i===1?`day`:`days`}`}var re=[`DE`,`GB`,`SE`,`US`],ie=[`en-US`,`en-GB`,`sv-SE`,`de-DE`],ae=`riskconsole:navigate`;function oe(){return{pathname:window.location.pathname,search:window.location.search}}function M(e,t={}){t.replace?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(ae))}function se(){let[t,n]=e(oe);return s(()=>{let e=()=>n(oe());return window.addEventListener(`popstate`,e),window.addEventListener(ae,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(ae,e)}},[]),t}function ce(e,t){let n=e.split(`/`).filter(Boolean),r=t.split(`/`).filter(Boolean);if(n.length!==r.length)return null;let i={};for(let e=0;e<n.length;e++)if(n[e].startsWith(`:`))try{i[n[e].slice(1)]=decodeURIComponent(r[e])}catch{return null}else if(n[e]!==r[e])return null;return i}function le(e,t){e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),M(t))}function N(e){return c(`a`,{href:e.href,class:e.class,"aria-current":e[`aria-current`],onClick:t=>le(t,e.href),children:e.children})}function P({error:e,title:t}){let n=e instanceof p?e:null,i=e instanceof Error?e.message:String(e);return c(`div`,{class:`error`,role:`alert`,children:[c(`strong`,{children:t??`Something went wrong`}),c(`p`,{children:i}),n&&n.fields.length>0&&c(`ul`,{children:n.fields.map(e=>c(`li`,{children:[c(`code`,{children:e.field}),`: `,e.message]},e.field))}),n&&c(`p`,{class:`meta`,children:[`code `,c(`code`,{children:n.code}),n.requestId&&c(r,{children:[` · `,`request id `,c(`code`,{class:`request-id`,children:n.requestId})]})]})]})}function F({error:e,field:t}){let n=e instanceof p?e.fields.find(e=>e.field===t)?.message:void 0;return n?c(`span`,{class:`field-error`,children:n}):null}function I({msg:e}){return e?c(`span`,{class:`field-error`,children:e}):null}function L({label:e,value:t,max:n}){return c(`div`,{class:`progress`,role:`status`,"aria-live":`polite`,children:[c(`progress`,{value:n?t:void 0,max:n,"aria-label":e}),c(`span`,{children:e})]})}function R(t,r,i,a=!1){let[o,s]=e({data:null,error:null,loading:!a}),[c,l]=e(0);return n(()=>{if(a){s({data:null,error:null,loading:!1});return}let e=new AbortController;return s(e=>({...e,error:null,loading:!0})),S(t,r,e.signal).then(e=>s({data:e,error:null,loading:!1}),t=>{e.signal.aborted||s({data:null,error:t,loading:!1})}),()=>e.abort()},[i,c,a]),{...o,reload:()=>l(e=>e+1)}}function z({title:e,children:t}){return c(`header`,{class:`page-header`,children:[c(`h1`,{tabIndex:-1,children:e}),t]})}function ue(t){let[n,r]=e(!1),[i,a]=e(null),[o,s]=e(``);return{busy:n,error:i,done:o,run:async e=>{r(!0),a(null),s(``);try{s(await e()),t()}catch(e){a(e)}finally{r(!1)}}}}function de({done:e,error:t}){return c(r,{children:[e&&c(`p`,{role:`status`,class:`notice`,children:e}),t!==null&&c(P,{error:t,title:`Not done`})]})}function fe({path:e,market:t,pending:n,what:i}){return c(`nav`,{"aria-label":`Markets`,children:c(`ul`,{class:`tabs`,children:re.map(a=>c(`li`,{children:c(N,{href:`${e}?market=${a}`,"aria-current":a===t?`page`:void 0,children:[a,n[a]>0&&c(r,{children:[` `,c(`span`,{class:`badge warn count`,title:`${k(n[a],i)} awaiting approval`,children:n[a]})]})]})},a))})})}var B={BothApprove:`BOTH_APPROVE`,BothDecline:`BOTH_DECLINE`,ShadowApproves:`SHADOW_APPROVES`,ShadowDeclines:`SHADOW_DECLINES`},pe={Day:`DAY`,Hour:`HOUR`,Week:`WEEK`},me={Decisions:`DECISIONS`,Rollup:`ROLLUP`},he={Challenger:`CHALLENGER`,Champion:`CHAMPION`},ge={Agent:`AGENT`,Shopper:`SHOPPER`},V={Approved:`APPROVED`,Draft:`DRAFT`,Rejected:`REJECTED`,Submitted:`SUBMITTED`},H={Automated:`AUTOMATED`,ManualReview:`MANUAL_REVIEW`},U={NewestFirst:`NEWEST_FIRST`,OldestFirst:`OLDEST_FIRST`},_e={Done:`DONE`,Held:`HELD`,NowDone:`NOW_DONE`,Scheduled:`SCHEDULED`},W={Approved:`APPROVED`,Declined:`DECLINED`},ve={AffordabilityInsufficient:`AFFORDABILITY_INSUFFICIENT`,CreditHistoryLimited:`CREDIT_HISTORY_LIMITED`,CreditScoreInsufficient:`CREDIT_SCORE_INSUFFICIENT`,DelinquentObligations:`DELINQUENT_OBLIGATIONS`,EmploymentLength:`EMPLOYMENT_LENGTH`,IdentityUnverified:`IDENTITY_UNVERIFIED`,IncomeInsufficient:`INCOME_INSUFFICIENT`,IncomeUnverified:`INCOME_UNVERIFIED`,ObligationsExcessive:`OBLIGATIONS_EXCESSIVE`,OutstandingCreditHigh:`OUTSTANDING_CREDIT_HIGH`,RecentPlansExcessive:`RECENT_PLANS_EXCESSIVE`,ReservesInsufficient:`RESERVES_INSUFFICIENT`,ResidenceLength:`RESIDENCE_LENGTH`,ResidenceUnverified:`RESIDENCE_UNVERIFIED`,UnderLegalAge:`UNDER_LEGAL_AGE`},ye={Anonymise:`ANONYMISE`,Delete:`DELETE`},be={Due:`DUE`,Held:`HELD`,Kept:`KEPT`},xe={Overturn:`OVERTURN`,Uphold:`UPHOLD`},G={InReview:`IN_REVIEW`,Open:`OPEN`,Overturned:`OVERTURNED`,PendingSecondReview:`PENDING_SECOND_REVIEW`,Upheld:`UPHELD`},Se={Admin:`ADMIN`,Agent:`AGENT`,Analyst:`ANALYST`,Approver:`APPROVER`,Auditor:`AUDITOR`,Reviewer:`REVIEWER`,Service:`SERVICE`},K={Approved:`APPROVED`,Draft:`DRAFT`,Rejected:`REJECTED`,Submitted:`SUBMITTED`},q=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Ce={"\n  fragment DecisionFull on Decision {\n    id\n    reference\n    createdAt\n    market\n    currency\n    amount\n    shopperId\n    locale\n    channel\n    outcome\n    kind\n    reviewer\n    reviewReason\n    merchant {\n      id\n      name\n      category\n    }\n    reasons {\n      rank\n      code\n      measuredValue\n      factor\n    }\n    breakdown\n    thresholdVersion {\n      id\n      market\n      version\n    }\n    catalogVersionId\n    arm\n    shadows {\n      versionId\n      version\n      outcome\n      reasons\n    }\n    message {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n    repayment {\n      status\n      outstandingMinor\n      writtenOffMinor\n      currency\n      class\n      matureAt\n      events {\n        eventId\n        observedAt\n        status\n        outstandingMinor\n        writtenOffMinor\n        recordedAt\n      }\n    }\n  }\n":new q(`
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
    `,{fragmentName:`DecisionFull`}),"\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:51e9da442166c86b3ad1bc1ad0dc0995d6aac237b95859bd9c38d470333209b2`}},"\n  query BadDefinitionPanel($market: String!) {\n    badDefinition(market: $market) {\n      id\n      version\n      level\n      windowMonths\n      description\n      author\n      approver\n      createdAt\n    }\n    badDefinitionDrafts(market: $market, first: 10) {\n      nodes {\n        ...BadDraftFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:98ee481f9e1b57fd9b42e0cc243bd93d353727bacdd0df9b76a9ba2dbd8c5139`}},"\n  fragment BadDraftFields on BadDefinitionDraft {\n    id\n    market\n    status\n    revision\n    author\n    rationale\n    level\n    windowMonths\n    description\n    reviewer\n    reviewComment\n    updatedAt\n  }\n":new q(`
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
    `,{fragmentName:`BadDraftFields`}),"\n  mutation CreateBadDefinitionDraft($market: String!) {\n    createBadDefinitionDraft(market: $market) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:8c8bf477d5e0303ca0d0b40232a5b4a24e6a0bbeb5957e9749fd93f6f5b18278`}},"\n  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {\n    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:522707048e6c78f79f7dafe7cc45a06a40a311456d60e3fce53774c30d167032`}},"\n  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:03f53983575f4ccbbc55c54bc65a0b03ec52de1cc1ebd7c6a447d659e7340bf6`}},"\n  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {\n    approveBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:9c891fb8e7efe766297bcc6f1c12506cb704e98c3f42417b5d1d0109393faa1b`}},"\n  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {\n    rejectBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:b5b24653d95211a9d966ff1f2e915c776a7333221cf75b37250b75f006b83bf2`}},"\n  fragment ErasureRequestFields on ErasureRequest {\n    id\n    reference\n    requestedBy\n    requestedAt\n    state\n    dueAt\n    erasedAtRequest\n    erasedLater\n    doneAt\n  }\n":new q(`
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
    `,{fragmentName:`ErasureRequestFields`}),"\n  query ErasureRequests($state: ErasureRequestState, $first: Int!, $after: String) {\n    erasureRequests(state: $state, first: $first, after: $after) {\n      nodes {\n        ...ErasureRequestFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:a770bda22219ee1fd1ca6a0cc5c032e3ec3b393748bff902e181dc9344d483d5`}},"\n  mutation RequestErasure($shopperId: String!, $reference: String) {\n    requestErasure(shopperId: $shopperId, reference: $reference) {\n      request {\n        ...ErasureRequestFields\n      }\n      erasedNow\n      waiting\n      repeated\n    }\n  }\n":{__meta__:{hash:`sha256:909a38f8f615c7a83f2d674b104e1d4b7edadd162b28a3b065733f92ad529b7c`}},"\n  fragment ShadowFields on ThresholdShadow {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    startedAt\n    startedBy\n    endsAt\n    stoppedAt\n    stoppedBy\n    running\n  }\n":new q(`
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
    `,{fragmentName:`ShadowFields`}),"\n  fragment ArmRateFields on ArmRate {\n    arm\n    decisions\n    declined\n    declineRate\n  }\n":new q(`
    fragment ArmRateFields on ArmRate {
  arm
  decisions
  declined
  declineRate
}
    `,{fragmentName:`ArmRateFields`}),"\n  fragment SplitFields on ThresholdSplit {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    requestId\n    startedAt\n    startedBy\n    endedAt\n    endedBy\n    running\n    arms {\n      ...ArmRateFields\n    }\n  }\n":new q(`
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
}`,{fragmentName:`SplitFields`}),"\n  fragment SplitRequestFields on ThresholdSplitRequest {\n    id\n    market\n    version {\n      version {\n        id\n        version\n      }\n    }\n    percent\n    rationale\n    status\n    author\n    reviewer\n    reviewComment\n    createdAt\n    updatedAt\n  }\n":new q(`
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
    `,{fragmentName:`SplitRequestFields`}),"\n  query VersionExperiments($versionId: ID!, $market: String!) {\n    thresholdShadows(versionId: $versionId, first: 20) {\n      ...ShadowFields\n    }\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        id\n      }\n      split {\n        ...SplitFields\n      }\n    }\n    thresholdSplitRequests(market: $market, first: 20) {\n      nodes {\n        ...SplitRequestFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:41cac79fd36b8816e3e26717570bf8b78e27e3d0b6603a49bf11ae8f5bb85520`}},"\n  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {\n    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {\n      ...ShadowFields\n    }\n  }\n":{__meta__:{hash:`sha256:4f8a06fa6f379af958e728a0a5df97957f66e9cc2cfa93ba09ab0bdf6389983c`}},"\n  mutation StopThresholdShadow($id: ID!) {\n    stopThresholdShadow(id: $id) {\n      ...ShadowFields\n    }\n  }\n":{__meta__:{hash:`sha256:6dd4a052b8aff450167a46157f513816011402c465f763a80b144537a9151179`}},"\n  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {\n    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {\n      ...SplitRequestFields\n    }\n  }\n":{__meta__:{hash:`sha256:7abb9fbb4a4d6c27b90e873c74b52efbedc994c7535a7be349434d17ca439fa4`}},"\n  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {\n    approveThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n":{__meta__:{hash:`sha256:e3172bef68c116b971cb5d43fd1854e8d7ad29c36e37e5349599d3680c78f98f`}},"\n  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {\n    rejectThresholdSplitRequest(id: $id, comment: $comment) {\n      ...SplitRequestFields\n    }\n  }\n":{__meta__:{hash:`sha256:41e34dad8b1749265f9f14e615cd6ad0380db5d9aafcf79bb250e56afd6c3d5a`}},"\n  mutation StopThresholdSplit($market: String!) {\n    stopThresholdSplit(market: $market) {\n      ...SplitFields\n    }\n  }\n":{__meta__:{hash:`sha256:cf6667c203d4938b3cc8ba0733475c2083c5ae2dccf3759cd1a658256e0e45ba`}},"\n  query MarketExperiments($market: String) {\n    marketExperiments(market: $market) {\n      market\n      shadows {\n        ...ShadowFields\n      }\n      split {\n        ...SplitFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:b59e50991fb83beaee45e9df23c0d65772ea4921c76b421bf90ae33ca7990737`}},"\n  query Markets {\n    markets {\n      code\n      name\n      hasDecisions\n    }\n  }\n":{__meta__:{hash:`sha256:11fb8af121d600e13846052b85ce089a14275489e3299de76ecee25b91c9b4b1`}},"\n  query PendingSubmissions {\n    thresholdDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        market\n        author\n        submittedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    catalogDrafts(status: SUBMITTED, first: 100) {\n      nodes {\n        id\n        author\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    thresholdSplitRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n        version {\n          version {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:4ee724d0fa01b362908d7d86c71d703e9654fe75a0153302630534f405bd24f3`}},"\n  query PendingRetentionRequests {\n    retentionPolicyRequests(status: SUBMITTED, first: 30) {\n      nodes {\n        id\n        market\n        author\n        createdAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:28b5c790853fbdced30be442eebebf36c1b0753a2df3898a26d7199591595f38`}},"\n  fragment InboxCaseFields on ReviewCase {\n    id\n    status\n    market\n    dueAt\n    overdue\n    reviewer\n  }\n":new q(`
    fragment InboxCaseFields on ReviewCase {
  id
  status
  market
  dueAt
  overdue
  reviewer
}
    `,{fragmentName:`InboxCaseFields`}),"\n  query ReviewerInbox {\n    open: reviewCases(filter: { status: OPEN }, first: 50) {\n      nodes {\n        ...InboxCaseFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    claimed: reviewCases(filter: { status: IN_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n    second: reviewCases(filter: { status: PENDING_SECOND_REVIEW }, first: 100) {\n      nodes {\n        ...InboxCaseFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0ca67cc23c398e684c25e29cb897664fe78d614c0c5a498e6f70c635c1e32d27`}},"\n  fragment FigureFields on OutcomeFigures {\n    decisions\n    volume\n    mature\n    immature\n    bad\n    inferred\n    inferredBad\n    badRate\n    badRateLow\n    badRateHigh\n    loss\n    lossLow\n    lossHigh\n    lossRate\n  }\n":new q(`
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
    `,{fragmentName:`FigureFields`}),"\n  fragment SweepPointFields on SensitivityPoint {\n    cutoff\n    declineRate\n    approvalRate\n    badRate\n    lossRate\n  }\n":new q(`
    fragment SweepPointFields on SensitivityPoint {
  cutoff
  declineRate
  approvalRate
  badRate
  lossRate
}
    `,{fragmentName:`SweepPointFields`}),"\n  fragment RuleFields on ThresholdRule {\n    measuredValue\n    factor\n    comparator\n    cutoff\n    enabled\n    reasonCode\n    scale\n  }\n":new q(`
    fragment RuleFields on ThresholdRule {
  measuredValue
  factor
  comparator
  cutoff
  enabled
  reasonCode
  scale
}
    `,{fragmentName:`RuleFields`}),"\n  fragment ImpactFields on ThresholdImpact {\n    available\n    note\n    from\n    to\n    decisions\n    declineRateNow\n    declineRateProposed\n    approvedToDeclined\n    declinedToApproved\n    badDefinition\n    approvalRateNow\n    approvalRateProposed\n    badRateNow\n    badRateProposed\n    badRateProposedLow\n    badRateProposedHigh\n    lossNow\n    lossProposed\n    lossRateNow\n    lossRateProposed\n    matureDecisions\n  }\n":new q(`
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
    `,{fragmentName:`ImpactFields`}),"\n  query WhatIfStatus {\n    whatIfStatus {\n      loaded\n      total\n      ready\n    }\n  }\n":{__meta__:{hash:`sha256:b6a1174e450ed7c5a7637b0f2ec99220c9c0d104039fd4605df766a5165a6031`}},"\n  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {\n    thresholdDiff(from: $from, to: $to) {\n      measuredValue\n      factor\n      oldComparator\n      newComparator\n      oldCutoff\n      newCutoff\n      oldEnabled\n      newEnabled\n    }\n  }\n":{__meta__:{hash:`sha256:d43b170bab6439e156a838ecdfd15b98fda88e3939b9820efa36d45f0bce0635`}},"\n  query Vintages($market: String!) {\n    vintages(market: $market) {\n      market\n      from\n      to\n      badDefinition {\n        version\n        description\n      }\n      activations {\n        id\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      series {\n        vintage\n        group\n        approved\n        volume\n        points {\n          monthsSinceDecision\n          bad\n          badRate\n          loss\n          lossRate\n        }\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:fae910ca3ba8bb3c357d25edbad4b00f3b73bb0e5911bd0a993d61aea6aba78b`}},"\n  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {\n    simulate(market: $market, proposal: $proposal) {\n      market\n      from\n      to\n      baselineVersion {\n        id\n        version\n      }\n      assessed\n      declinedNow\n      declinedProposed\n      declineRateNow\n      declineRateProposed\n      approvedToDeclined\n      declinedToApproved\n      reasons {\n        code\n        now\n        proposed\n      }\n      days {\n        day\n        assessed\n        declinedNow\n        declinedProposed\n      }\n      sampleApprovedToDeclined {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      sampleDeclinedToApproved {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      badDefinition {\n        version\n        description\n        windowMonths\n      }\n      approvalRateNow\n      approvalRateProposed\n      outcomesNow {\n        ...FigureFields\n      }\n      outcomesProposed {\n        ...FigureFields\n      }\n      swapSet {\n        keptApproved {\n          ...FigureFields\n        }\n        swapOut {\n          ...FigureFields\n        }\n        swapIn {\n          ...FigureFields\n        }\n        keptDeclined {\n          ...FigureFields\n        }\n      }\n      immatureShare\n      inference {\n        available\n        note\n        method\n        samples\n        bads\n        auc\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:925541301f72f80f969813ad9994c6ce31f4994f403f8ba34fa7925690d61981`}},"\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:ef935e70e9fad74c731de4bb66011293057bd43580df2ea9de6e8f41c897d53e`}},"\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:7fc3f544f2388b684bdca40f7105143c4fc60ab8f2aa097be03d8c768196e7f1`}},"\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n":{__meta__:{hash:`sha256:af4ad581cde3b6203efe5ff9c5aef400a2059c611b6ce62738bee1f31c76c657`}},"\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n":{__meta__:{hash:`sha256:6dc1148fe4eeb1c38d74932ac4bdfeffa627118356035d051d4e6f7b27783ea1`}},"\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n":{__meta__:{hash:`sha256:718a35b7d0e52c882e05dbfb3204b9e9b025ebfd7a9b903258929cc26e4af224`}},"\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n":{__meta__:{hash:`sha256:13f1fa4c1b04f47710e50c02d7536d18c6d9b609c7584dfd6de9fa4cb7869923`}},"\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n":{__meta__:{hash:`sha256:281c3973119e2629d80aad203e1fca4297791c9cb4bad19a477490f4913fbc01`}},"\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n":{__meta__:{hash:`sha256:6c552edb9b481c70c8862f7170fc59ae8f50e053b27853b2b86cc3b3f86113cf`}},"\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n        closing\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n      kind\n      overturnsReference\n      reviewRequestableUntil\n      review {\n        status\n        dueAt\n        overdue\n        outcome\n        decidedAt\n        newDecisionReference\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:07dc14634b8a6ab25760a5de4ce7a8bf5fbc821cf5ee01355a2eb4e40266d351`}},"\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:10f78f133254fcafb652e0773e19ef2b0deb982114bac57a571999904d2df4f1`}},"\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n":{__meta__:{hash:`sha256:376cdd1546575dcc887dcc85186347c1e9c45c9c66bebe0edf3ca0ec1ecc0a7f`}},"\n  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {\n    previewMessage(code: $code, locale: $locale, text: $text) {\n      locale\n      title\n      body\n      steps\n      closing\n    }\n  }\n":{__meta__:{hash:`sha256:9916ec37b3c29e5132a50537bb34c6fc3c14e6ec97186a89d3629b8687fece95`}},"\n  fragment CatalogChangeFields on CatalogChange {\n    code\n    locale\n    audience\n    kind\n    before {\n      title\n      body\n      steps\n    }\n    after {\n      title\n      body\n      steps\n    }\n  }\n":new q(`
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
    `,{fragmentName:`CatalogChangeFields`}),"\n  fragment CatalogEntryFields on CatalogEntry {\n    code\n    locale\n    audience\n    text {\n      title\n      body\n      steps\n    }\n  }\n":new q(`
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
    `,{fragmentName:`CatalogEntryFields`}),"\n  query CatalogVersion {\n    catalogVersion {\n      version\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0a984ebfb636949eb0686104f1f12fb6c1519ef052983b3152d2e3bd6ef81a06`}},"\n  query CatalogDrafts($status: CatalogDraftStatus) {\n    catalogDrafts(status: $status, first: 20) {\n      nodes {\n        id\n        status\n        author\n        baseVersion\n        revision\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:e7712909c7931abe1a4cc17f6cf9cad49b65bbc0dd39df6bf01f1be97b1eecb9`}},"\n  query CatalogDraft($id: ID!) {\n    catalogDraft(id: $id) {\n      id\n      baseVersion\n      status\n      revision\n      author\n      reviewer\n      comment\n      publishedVersion\n      createdAt\n      updatedAt\n      changes {\n        ...CatalogChangeFields\n      }\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:dd74e73905db9613317ac69d17aa26943b19b1b06de4d5b1458bbf255d9a9054`}},"\n  mutation CreateCatalogDraft {\n    createCatalogDraft {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:0704605162e1ea55237c76007b60d2b110ff60371affc6ea762d2a2470dc52c8`}},"\n  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {\n    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {\n      id\n      revision\n    }\n  }\n":{__meta__:{hash:`sha256:585ef40cecf9a0ce43f559d613264421e63298316dcf105b5b9c203484b07ea6`}},"\n  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {\n    submitCatalogDraft(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:361a847a6933263d05c91f84b928914c8eee72df65150ed378e5e63599ea2922`}},"\n  mutation ApproveCatalogDraft($id: ID!) {\n    approveCatalogDraft(id: $id) {\n      id\n      publishedVersion\n    }\n  }\n":{__meta__:{hash:`sha256:20c9ee4aca967765c3193eb1337879ae7bdde230fc209937a19fd9380c0802ac`}},"\n  mutation RejectCatalogDraft($id: ID!, $comment: String!) {\n    rejectCatalogDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:a519dd2c810aecba743a8e9a19b2a8cf3f964e058d77bf5949c991ff1e6f516a`}},"\n  query CatalogDiff($from: Int!, $to: Int!) {\n    catalogDiff(from: $from, to: $to) {\n      ...CatalogChangeFields\n    }\n  }\n":{__meta__:{hash:`sha256:185ea9ddcf67556f0bff8578dc5eceb3f2fb04058905ce9a553f114480142a9b`}},"\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      ...DecisionFull\n      overturns {\n        id\n        reference\n      }\n      overturnedBy {\n        id\n        reference\n      }\n      reviewCases {\n        id\n        status\n        requestedAt\n        dueAt\n        overdue\n        outcome\n        decidedAt\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:785dcf7ab797e22c78529119a58cebfe552aed215fb7821690db6e03904ccd8c`}},"\n  query DecisionIdByReference($reference: String!) {\n    decisionByReference(reference: $reference) {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:a56fa0340979a2c3b4623a1bb832f9b68c34b67b4b464baaab7b56e4021400d6`}},"\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        kind\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:27da30d7e47ebaba87bd40cab29291919d66433d326fea68ba9674f4df7e6f0d`}},"\n  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {\n    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {\n      from\n      to\n      bucket\n      timeZone\n      omittedSeries\n      source\n      freshAsOf\n      series {\n        market\n        assessed\n        declined\n        rate\n        points {\n          bucketStart\n          assessed\n          declined\n          rate\n        }\n      }\n    }\n    thresholdActivations(market: $market, from: $from, to: $to) {\n      activation {\n        id\n        market\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      version {\n        id\n        version\n        author\n        approver\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:9e3c721405723180db0e20ce59be34e73760bb862220c2a819e47da40b1c837f`}},"\n  query OverviewBreakdown($filter: AnalyticsFilter!) {\n    reasonBreakdown(filter: $filter) {\n      assessed\n      declined\n      source\n      freshAsOf\n      reasons {\n        reason\n        factor\n        declined\n        share\n        rate\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:3ea42846e654253af96788a60e6d53710dddb6ebd50361088c6e13c53dd27152`}},"\n  query OverviewOverturnRates($filter: OverturnRateFilter!) {\n    overturnRates(filter: $filter) {\n      market\n      reason\n      decided\n      overturned\n      rate\n    }\n  }\n":{__meta__:{hash:`sha256:4a6425975f73b9f7f175ed5eeec4a791022991c340a0db4b093775869e57841d`}},"\n  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {\n    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {\n      from\n      to\n      bucket\n      omitted\n      source\n      freshAsOf\n      anomalies {\n        bucketStart\n        market\n        reason\n        assessed\n        declined\n        rate\n        baselineRate\n        zScore\n        excessDeclines\n        mainReason\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0dde46552b350db7c183a5e9431f7dc68aba664defd9b982c577f5941f1754e1`}},"\n  fragment RetentionPolicyFields on RetentionPolicy {\n    id\n    version\n    keepMonths\n    afterRetention\n    requestId\n    author\n    approver\n    rationale\n    createdAt\n  }\n":new q(`
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
    `,{fragmentName:`RetentionPolicyFields`}),"\n  fragment RetentionRequestFields on RetentionPolicyRequest {\n    id\n    market\n    keepMonths\n    afterRetention\n    rationale\n    baseVersion\n    status\n    author\n    reviewer\n    reviewComment\n    publishedVersionId\n    createdAt\n    updatedAt\n  }\n":new q(`
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
    `,{fragmentName:`RetentionRequestFields`}),"\n  fragment LegalHoldFields on LegalHold {\n    id\n    market\n    from\n    to\n    shopperId\n    merchantId\n    reason\n    active\n    placedBy\n    placedAt\n    liftedBy\n    liftedAt\n    liftComment\n  }\n":new q(`
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
    `,{fragmentName:`LegalHoldFields`}),"\n  fragment RetentionPlanFields on RetentionPlan {\n    asOf\n    countsAsOf\n    months {\n      month\n      decisions\n      dueAt\n      afterRetention\n      state\n      heldBy {\n        id\n        placedAt\n      }\n    }\n  }\n":new q(`
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
    `,{fragmentName:`RetentionPlanFields`}),"\n  query RetentionMarket($market: String!) {\n    retentionPolicies {\n      market\n      floor {\n        months\n        basis\n      }\n      maxKeepMonths\n      policy {\n        ...RetentionPolicyFields\n      }\n    }\n    retentionPolicyVersions(market: $market, first: 20) {\n      nodes {\n        ...RetentionPolicyFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n    retentionPolicyRequests(market: $market, first: 20) {\n      nodes {\n        ...RetentionRequestFields\n      }\n    }\n    retentionPlan(market: $market) {\n      ...RetentionPlanFields\n    }\n  }\n":{__meta__:{hash:`sha256:b63ef61ea261f41682ca99d8f61b03aeb2a3edc00b3719831cb2a64263f4eb51`}},"\n  query LegalHolds($active: Boolean) {\n    legalHolds(active: $active, first: 50) {\n      nodes {\n        ...LegalHoldFields\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:b58f520bd469c88e73ff8632b2e81c7ae761b997659740775bd1f28d94681f40`}},"\n  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {\n    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {\n      ...RetentionRequestFields\n    }\n  }\n":{__meta__:{hash:`sha256:1828a333b0478beac36ae910edf7cf6b9b66db5fc51eddca18c23569079b3052`}},"\n  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {\n    approveRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n":{__meta__:{hash:`sha256:a6989cb78270f197173a8fbcb51eed72aaf32a0a7cfcaf5c520b3c34f09d8dd2`}},"\n  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {\n    rejectRetentionPolicyRequest(id: $id, comment: $comment) {\n      ...RetentionRequestFields\n    }\n  }\n":{__meta__:{hash:`sha256:8e6c8d5790cef29a89f892d60ef90f3d625cad9f15db22cf951bf9a074dcd5b1`}},"\n  mutation PlaceLegalHold($input: LegalHoldInput!) {\n    placeLegalHold(input: $input) {\n      ...LegalHoldFields\n    }\n  }\n":{__meta__:{hash:`sha256:65af5f4c51007784ff0214f602097e7add85ad992cfd28e7003299f92103da6e`}},"\n  mutation LiftLegalHold($id: ID!, $comment: String!) {\n    liftLegalHold(id: $id, comment: $comment) {\n      ...LegalHoldFields\n    }\n  }\n":{__meta__:{hash:`sha256:f6e281c244ea6b26394d87e4b326e1e4c1cd8850065879665f10b085795b51fc`}},"\n  query ReviewCasePage($id: ID!) {\n    reviewCase(id: $id) {\n      id\n      status\n      market\n      statement\n      locale\n      requestedBy\n      requestedAt\n      dueAt\n      overdue\n      reviewer\n      claimedAt\n      outcome\n      reason\n      decidedAt\n      secondReviewRequired\n      secondReviewer\n      secondReviewComment\n      secondReviewedAt\n      newDecision {\n        id\n        reference\n      }\n      notices {\n        kind\n        locale\n        title\n        body\n        sentAt\n      }\n      decision {\n        ...DecisionFull\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:4a4974679a614d543725cf2bacb983b917842733b1fa15470de528fc8ac17a4e`}},"\n  mutation ClaimReviewCase($id: ID!) {\n    claimReviewCase(id: $id) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:974d25c3d70dec827b2629b90877d743b6cf241efc66aae87d8a3c1dc334c807`}},"\n  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {\n    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:a834bdd754a314cb8f2b6ba2e87a8120b2e2fed4ec6d8365d3a6ee9507c08b2f`}},"\n  mutation ApproveOverturn($id: ID!, $comment: String) {\n    approveOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:bdb42278759768748f0276e524022c1afbc824a3752542518bc88e2bf3633863`}},"\n  mutation RejectOverturn($id: ID!, $comment: String!) {\n    rejectOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:bbb04dc9d50f04bb1ded1afdca3b8838c187486d22f530bce3901899bd3e416a`}},"\n  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {\n    reviewCases(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        market\n        requestedAt\n        dueAt\n        overdue\n        reviewer\n        decision {\n          id\n          reference\n          amount\n          currency\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:7f94df0f8a0c1aa6b49ccaa228e1249f0c731f4515f55b7729040799652ea61e`}},"\n  fragment ShadowComparisonFields on ShadowComparison {\n    from\n    to\n    freshAsOf\n    decisions\n    liveDeclineRate\n    shadowDeclineRate\n    series {\n      start\n      decisions\n      liveDeclined\n      shadowDeclined\n      liveDeclineRate\n      shadowDeclineRate\n    }\n    cells {\n      agreement\n      decisions\n      share\n      mature\n      bad\n      badRate\n      samples(first: 10) {\n        id\n        reference\n        createdAt\n        outcome\n      }\n    }\n    reasons {\n      reason\n      live\n      shadow\n    }\n  }\n":new q(`
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
    `,{fragmentName:`ShadowComparisonFields`}),"\n  query ShadowRun($id: ID!, $arm: Arm, $bucket: AnalyticsBucket!) {\n    thresholdShadow(id: $id) {\n      ...ShadowFields\n      predicted {\n        available\n        note\n        declineRateNow\n        declineRateProposed\n        from\n        to\n        decisions\n      }\n      comparison(arm: $arm, bucket: $bucket) {\n        ...ShadowComparisonFields\n      }\n    }\n    thresholdSplits(first: 20) {\n      id\n      market\n      startedAt\n      endedAt\n    }\n  }\n":{__meta__:{hash:`sha256:d4c7a1f7bab886e3798be0d2bb79f00bcd829006703adf8535fd7e5385a7fe45`}},"\n  query ThresholdDraft($id: ID!) {\n    thresholdDraft(id: $id) {\n      id\n      market\n      baseVersionId\n      status\n      revision\n      author\n      rationale\n      reviewer\n      reviewComment\n      publishedVersionId\n      createdAt\n      updatedAt\n      submittedAt\n      reviewedAt\n      rules {\n        ...RuleFields\n      }\n      impact {\n        ...ImpactFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:27f3db86f7f8fb39d52f388ace2592de7587d17750e80a2cf3ec95c22cee4d44`}},"\n  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {\n    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {\n      id\n      revision\n      updatedAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:49407dd9e01ce905c0e997b5e32770f783e7d224a26eb41d0af6094bfb5b4a38`}},"\n  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:4241f1af3395fbf000e7bd9e4c2113cd9c6579079805a3c0c82cb068a499748c`}},"\n  mutation ApproveThresholdDraft($id: ID!, $comment: String) {\n    approveThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n      publishedVersionId\n    }\n  }\n":{__meta__:{hash:`sha256:1906cb8f59679bb92de48fb2077b5754fb69eded4cbb0b08a2707f0d44488d05`}},"\n  mutation RejectThresholdDraft($id: ID!, $comment: String!) {\n    rejectThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:45a0e2d0a857ca50537bd973814cc647f3f370496802e027dfd45f910f1a54a2`}},"\n  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {\n    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points, spacing: QUANTILES) {\n      measuredValue\n      comparator\n      assessed\n      declineRateWithoutRule\n      proposedCutoff\n      proposedRate\n      points {\n        ...SweepPointFields\n      }\n      nowPoint {\n        ...SweepPointFields\n      }\n      proposedPoint {\n        ...SweepPointFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:8f6048ba45224618527544c3d8fddc05482acbedee7eee1e83b08e1280c6b806`}},"\n  query ThresholdVersionPage($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      market\n      version\n      author\n      approver\n      rationale\n      createdAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:e4886f4a45a02aecab7440640bf5fa3932e02797e8c31e3195a60c17ca6cc7e4`}},"\n  query ThresholdVersionState($market: String!) {\n    thresholdVersions(market: $market, first: 100) {\n      nodes {\n        status\n        version {\n          id\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    activeThresholdVersion(market: $market) {\n      version {\n        id\n        version\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:1f7412bb687b45dfcf55f7200c2ffc3db90b4c728144be195fd44657501dc897`}},"\n  query ActivationImpact($versionId: ID!) {\n    activationImpact(versionId: $versionId) {\n      activation {\n        id\n        activatedAt\n        activatedBy\n        emergency\n      }\n      predicted {\n        ...ImpactFields\n      }\n      realized {\n        ...RateWindowFields\n      }\n      before {\n        ...RateWindowFields\n      }\n      complete\n      predictionError\n      outcomes {\n        predictedBadRate\n        approved\n        mature\n        bad\n        realizedBadRate\n        allMatureAt\n        note\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:8b5c5a9059527d7b637d1f3bce1e80f73b12a65b0c20fa5c3f367b32e1f43d00`}},"\n  fragment RateWindowFields on RateWindow {\n    from\n    to\n    assessed\n    declined\n    rate\n  }\n":new q(`
    fragment RateWindowFields on RateWindow {
  from
  to
  assessed
  declined
  rate
}
    `,{fragmentName:`RateWindowFields`}),"\n  mutation ActivateThresholdVersion($id: ID!, $at: Time) {\n    activateThresholdVersion(id: $id, at: $at) {\n      id\n      activatedAt\n    }\n  }\n":{__meta__:{hash:`sha256:74330004a13d976453d68e6aed0a70471191614ad02f2b5ba5e0b2972f56ee12`}},"\n  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {\n    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {\n      activation {\n        id\n        activatedAt\n      }\n      draft {\n        id\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:39aedd3b1cf0ebd987fcd949048c303df330220877bfe1832e5598d734e007be`}},"\n  query MarketThresholds($market: String!) {\n    thresholdVersions(market: $market, first: 50) {\n      nodes {\n        status\n        version {\n          id\n          version\n          author\n          approver\n          rationale\n          createdAt\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    thresholdDrafts(market: $market, first: 50) {\n      nodes {\n        id\n        status\n        revision\n        author\n        rationale\n        createdAt\n        updatedAt\n        submittedAt\n        reviewer\n        publishedVersionId\n        impact {\n          available\n          declineRateNow\n          declineRateProposed\n          approvedToDeclined\n          declinedToApproved\n          badRateNow\n          badRateProposed\n          lossNow\n          lossProposed\n        }\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:014c0b1aa381eb23fe0c823a8f8ce200a34a3904b5fb57f1125dbf0e939e8520`}},"\n  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {\n    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:3d43bef6a489044b85d9901c317d4f66502c88e98dfd87c3dc9521d32237107e`}}};function J(e){return Ce[e]??{}}function we(e,t){let n=[...e].sort((e,t)=>Date.parse(e.submittedAt)-Date.parse(t.submittedAt));return{theirs:n.filter(e=>!f(e.author,t)),own:n.filter(e=>f(e.author,t))}}function Te(e){let t={};for(let n of e)t[n.market]=(t[n.market]??0)+1;return t}function Ee(e,t){return Date.parse(e.dueAt)-t<=2592e5}function De(e,t){let n=[...e].sort((e,t)=>Date.parse(e.dueAt)-Date.parse(t.dueAt));return{second:n.filter(e=>e.status===G.PendingSecondReview&&!f(e.reviewer,t)),claimed:n.filter(e=>e.status===G.InReview&&f(e.reviewer,t)),open:n.filter(e=>e.status===G.Open)}}function Oe(e,t){return e.length+(t?t.second.length+t.claimed.length+t.open.length:0)}var ke=J(`
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
    thresholdSplitRequests(status: SUBMITTED, first: 30) {
      nodes {
        id
        market
        author
        createdAt
        version {
          version {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),Ae=J(`
  query PendingRetentionRequests {
    retentionPolicyRequests(status: SUBMITTED, first: 30) {
      nodes {
        id
        market
        author
        createdAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);J(`
  fragment InboxCaseFields on ReviewCase {
    id
    status
    market
    dueAt
    overdue
    reviewer
  }
`);var je=J(`
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
`),Me=`riskconsole:inbox`;function Ne(){window.dispatchEvent(new Event(Me))}function Pe(){let[t,n]=e(0);return s(()=>{let e=()=>n(e=>e+1);return window.addEventListener(Me,e),()=>window.removeEventListener(Me,e)},[]),t}var Fe=e=>e.roles.includes(`APPROVER`),Ie=e=>e.roles.includes(`REVIEWER`);function Le(e,t=!1){let n=R(ke,{},`${e}|${Pe()}`,t),r=n.data;return{all:r?[...r.thresholdDrafts.nodes.map(e=>({kind:`thresholds`,id:e.id,market:e.market,author:e.author,submittedAt:e.submittedAt??``,href:`/thresholds/drafts/${e.id}`})),...r.catalogDrafts.nodes.map(e=>({kind:`catalog`,id:e.id,market:null,author:e.author,submittedAt:e.updatedAt,href:`/catalog?draft=${e.id}`})),...r.thresholdSplitRequests.nodes.map(e=>({kind:`split`,id:e.id,market:e.market,author:e.author,submittedAt:e.createdAt,href:`/thresholds/versions/${e.version.version.id}`}))]:[],more:!!r&&(r.thresholdDrafts.pageInfo.hasNextPage||r.catalogDrafts.pageInfo.hasNextPage||r.thresholdSplitRequests.pageInfo.hasNextPage),loaded:!!r,error:n.error,loading:n.loading}}function Re(e,t=!1){let n=R(Ae,{},`${e}|${Pe()}`,t),r=n.data;return{all:r?r.retentionPolicyRequests.nodes.map(e=>({kind:`retention`,id:e.id,market:e.market,author:e.author,submittedAt:e.createdAt,href:`/retention?market=${e.market}`})):[],more:!!r?.retentionPolicyRequests.pageInfo.hasNextPage,loaded:!!r,error:n.error}}function ze(e,t){let n=Le(t,!Fe(e)),r=Re(t,!Fe(e)),i=R(je,{},`${t}|${Pe()}`,!Ie(e)),{theirs:a,own:o}=we([...n.all,...r.all],e),s=i.data,c=s?De([...s.second.nodes,...s.claimed.nodes,...s.open.nodes],e):null;return{theirs:a,own:o,moreSubmissions:n.more||r.more,work:c,moreOpen:!!s?.open.pageInfo.hasNextPage,count:Oe(a,c),loaded:(n.loaded&&r.loaded||!Fe(e))&&(!!s||!Ie(e)),error:n.error??r.error??i.error}}function Be({user:e,refresh:t}){let n=ze(e,t);return!n.loaded||n.count===0?null:c(r,{children:[` `,c(`span`,{class:`nav-count`,children:n.count})]})}function Ve(e,t){return e?t.roles.length===0||t.roles.some(t=>e.roles.includes(t)):!1}function He(e,t){return e?Ve(e,t)?{kind:`ok`}:{kind:`forbidden`,need:t.roles}:{kind:`signin`}}function Ue(e,t){for(let n of e){let e=ce(n.path,t);if(e)return{route:n,params:e}}return null}var We=`/signin`;function Ge(e){let t=e.pathname+e.search;return e.pathname===`/signin`||t===`/`?We:`${We}?next=${encodeURIComponent(t)}`}function Ke(e){return!e||!e.startsWith(`/`)||e.startsWith(`//`)||e.startsWith(`/\\`)||e.startsWith(`/signin`)?`/`:e}function qe(e,t){let n=Ke(new URLSearchParams(t).get(`next`));return n===`/`?e:`${e}?next=${encodeURIComponent(n)}`}var Je=[`ANALYST`,`APPROVER`,`AUDITOR`];function Ye(e){return e.some(e=>Je.includes(e))}function Xe(e){let t=e?.user;if(!t||typeof t.username!=`string`||!Array.isArray(t.roles))throw new p(`the session answer has no user`,`ERROR`,200);return t}async function Ze(){try{return Xe(await w(`/auth/session`))}catch(e){if(e instanceof p&&e.code===`UNAUTHENTICATED`)return null;throw e}}async function Qe(e,t){return Xe(await C(`/auth/login`,{username:e,password:t}))}async function $e(){await C(`/auth/logout`,{})}async function et(){try{let e=await w(`/auth/oidc/provider`);return e&&typeof e.name==`string`&&typeof e.startUrl==`string`?e:null}catch(e){if(e instanceof p&&e.status===404)return null;throw e}}async function tt(e){await C(`/auth/oidc/local-sign-in`,{enabled:e})}var nt={no_role:`You signed in at the identity provider, but none of your groups there gives a role in riskconsole. Ask your administrator to add you to the right group, then sign in again.`,disabled:`Your riskconsole account is disabled. Ask an administrator.`,expired:`That sign-in took too long, was already used, or was started in another browser. Sign in again.`,provider:`The identity provider did not sign you in. Sign in again.`,failed:`The identity provider’s answer could not be verified, so you are not signed in. Sign in again; if it keeps failing, tell your administrator.`,unavailable:`The identity provider could not be reached. Try again in a minute.`};function rt({onSignedIn:t,expired:n}){let[r,i]=e(null),[a,o]=e(!1),[l,u]=e(void 0),d=new URLSearchParams(window.location.search).get(`signin_error`);s(()=>{et().then(u,()=>u(null))},[]);let f=async e=>{e.preventDefault();let n=new FormData(e.currentTarget);o(!0),i(null);try{t(await Qe(String(n.get(`username`)??``),String(n.get(`password`)??``)))}catch(e){i(e),o(!1)}},p=l==null||l.localSignIn;return c(`main`,{id:`main`,class:`signin`,children:[c(`h1`,{children:`Sign in to riskconsole`}),n&&c(`p`,{class:`notice`,children:`Your session has ended. Sign in again to go back to where you were.`}),d&&c(`div`,{class:`error`,role:`alert`,children:[c(`strong`,{children:`Not signed in`}),c(`p`,{children:nt[d]??`The sign-in through the identity provider was refused. Sign in again.`})]}),l&&c(`p`,{children:c(`a`,{class:`button`,href:qe(l.startUrl,window.location.search),children:[`Sign in with `,l.name]})}),l&&p&&c(`p`,{class:`muted`,children:`Or, with a console account (for emergencies):`}),p&&c(`form`,{onSubmit:f,class:`stack`,children:[c(`label`,{children:[`Username`,c(`input`,{name:`username`,autocomplete:`username`,required:!0,autoFocus:!l})]}),c(`label`,{children:[`Password`,c(`input`,{name:`password`,type:`password`,autocomplete:`current-password`,required:!0})]}),c(`button`,{type:`submit`,disabled:a,children:a?`Signing in…`:`Sign in`})]}),r!==null&&c(P,{error:r,title:`Could not sign in`})]})}function it(t,n,r=!1,i){let a=null,o=null,l=()=>o??=t().then(e=>a=e,e=>{throw o=null,e});function u(t){let[o,u]=e(a&&{c:a}),[d,f]=e(null);if(s(()=>{o||l().then(e=>u({c:e}),f)},[]),s(()=>{let e=document.activeElement;r&&o&&e&&e!==document.body&&!document.querySelector(`main`)?.contains(e)&&document.querySelector(`main h1`)?.focus()},[o]),o){let e=o.c;return c(e,{...t})}let p=d===null?c(L,{label:n}):c(P,{error:d,title:`Could not load this part of the page`});return i?i(t,d===null,p):p}return Object.assign(u,{preload:l})}var Y=[`ANALYST`,`APPROVER`,`AUDITOR`];function at(e){return e.roles.some(e=>Y.includes(e))}var ot=[`AGENT`,`ANALYST`,`APPROVER`,`AUDITOR`],st=[`ANALYST`,`APPROVER`],ct=[`APPROVER`],lt=[`ANALYST`,`APPROVER`],ut=[`APPROVER`],dt=[`REVIEWER`,`ANALYST`,`APPROVER`,`AUDITOR`],ft=[`APPROVER`,`REVIEWER`],pt=[`AUDITOR`,`APPROVER`,`ADMIN`],mt=[`AUDITOR`],ht=[`APPROVER`,`AUDITOR`],gt=[`AUDITOR`,`APPROVER`],_t=[`AUDITOR`],vt=[`AUDITOR`,`APPROVER`],yt=[`AUDITOR`,`ADMIN`],bt=[`ADMIN`];function xt({req:e,onAnswer:t}){let n=i(null),r=i(null),o=a();return s(()=>{let e=document.activeElement,t=n.current;return t&&!t.open&&t.showModal(),r.current?.focus(),()=>{t?.open&&t.close(),e?.isConnected&&e.focus()}},[]),c(`dialog`,{ref:n,class:`confirm`,"aria-labelledby":`${o}-t`,"aria-describedby":`${o}-b`,onCancel:e=>{e.preventDefault(),t(!1)},children:[c(`h2`,{id:`${o}-t`,children:e.title}),c(`div`,{id:`${o}-b`,class:`stack`,children:e.body}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,class:`secondary`,ref:r,onClick:()=>t(!1),children:`Cancel`}),c(`button`,{type:`button`,class:e.danger?`danger`:void 0,onClick:()=>t(!0),children:e.confirm})]})]})}function St(){let[t,n]=e(null);return{ask:e=>new Promise(t=>n({req:e,resolve:t})),dialog:t&&c(xt,{req:t.req,onAnswer:e=>{n(null),t.resolve(e)}})}}var Ct=J(`
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
`),wt=J(`
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
`),Tt=J(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
    }
  }
`),Et=J(`
  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {
    setUserRoles(id: $id, roles: $roles) {
      id
      roles
    }
  }
`),Dt=J(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      id
      disabledAt
    }
  }
`),Ot=J(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      id
      disabledAt
    }
  }
`),kt=J(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token {
        id
        name
      }
      secret
    }
  }
`),At=J(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`),jt=100,Mt=[Se.Analyst,Se.Approver,Se.Auditor,Se.Agent,Se.Admin],Nt=[Se.Service,Se.Auditor,Se.Agent];function Pt(e){return new FormData(e).getAll(`role`).map(String)}function Ft(){let[t,n]=e(!1),[r,i]=e(null);return{busy:t,error:r,run:async e=>{n(!0),i(null);try{await e()}catch(e){i(e)}finally{n(!1)}}}}function It({roles:e,checked:t,legend:n}){return c(`fieldset`,{class:`roles-edit`,children:[c(`legend`,{children:n}),e.map(e=>c(`label`,{class:`check`,children:[c(`input`,{type:`checkbox`,name:`role`,value:e,defaultChecked:t.includes(e)}),e]},e))]})}function Lt(e){return e.createdBy.startsWith(`oidc:`)}function Rt({who:e}){return e?c(`div`,{class:`muted`,children:[`by `,e]}):null}function zt({user:e}){return c(r,{children:[c(z,{title:`Administration`}),c(Vt,{me:e}),c(Ht,{}),c(Bt,{})]})}function Bt(){let[t,n]=e(void 0),[r,i]=e(null),[a,o]=e(!1),l=St();if(s(()=>{et().then(n,i)},[]),!t)return r?c(P,{error:r,title:`Could not read the sign-in settings`}):null;let u=async e=>{if(await l.ask({title:e?`Turn sign-in with a password on?`:`Turn sign-in with a password off?`,body:e?c(`p`,{children:[`Staff can sign in with a console username and password again, beside `,t.name,`.`]}):c(`p`,{children:[`Staff sign in through `,t.name,` only; console passwords, the break-glass accounts’ included, stop working at once. If `,t.name,` fails, operators turn passwords back on with `,c(`code`,{children:`LOCAL_SIGN_IN=on`}),` and a restart.`]}),confirm:e?`Turn passwords on`:`Turn passwords off`,danger:!e})){o(!0),i(null);try{await tt(e),n({...t,localSignIn:e})}catch(e){i(e)}o(!1)}};return c(`section`,{"aria-labelledby":`signin-h`,children:[c(`h2`,{id:`signin-h`,children:`Sign-in`}),c(`p`,{children:[`Staff sign in through `,t.name,`. Sign-in with a console password is `,c(`strong`,{children:t.localSignIn?`on`:`off`}),`.`]}),c(`button`,{type:`button`,class:t.localSignIn?`danger`:`secondary`,disabled:a,onClick:()=>u(!t.localSignIn),children:t.localSignIn?`Turn passwords off`:`Turn passwords on`}),r!==null&&c(P,{error:r,title:`Not done`}),l.dialog]})}function Vt({me:t}){let n=R(Ct,{first:jt},`users`),i=Ft(),a=St(),o=Ft(),[s,l]=e(null),[u,d]=e(null),f=e=>{e.preventDefault();let t=e.currentTarget,r=new FormData(t);o.run(async()=>{let e=await S(Tt,{input:{username:String(r.get(`username`)),displayName:String(r.get(`displayName`)),password:String(r.get(`password`)),roles:Pt(t)}});t.reset(),d(e.createUser.username),n.reload()})},p=e=>t=>{t.preventDefault();let r=Pt(t.currentTarget);i.run(async()=>{await S(Et,{id:e,roles:r}),l(null),n.reload()})},m=e=>i.run(async()=>{await S(Ot,{id:e}),n.reload()}),h=async e=>{await a.ask({title:`Disable ${e.username}?`,body:c(r,{children:[c(`p`,{children:[e.displayName,` (`,c(`code`,{children:e.username}),`, `,e.roles.join(`, `),`) is signed out of every session at once and cannot sign in until an administrator enables the account again. Their roles and their history stay as they are.`]}),c(`p`,{children:`API tokens they created keep working: revoke those under API tokens if they must stop too.`})]}),confirm:`Disable the account`,danger:!0})&&i.run(async()=>{await S(Dt,{id:e.id}),n.reload()})};return c(`section`,{"aria-labelledby":`users-h`,children:[c(`h2`,{id:`users-h`,children:`Users`}),n.error!==null&&c(P,{error:n.error,title:`Could not load users`}),n.loading&&c(L,{label:`Loading users…`}),i.error!==null&&c(P,{error:i.error,title:`The change was refused`}),n.data&&c(`div`,{class:`table-wrap`,children:[c(`table`,{"aria-label":`Users`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Username`}),c(`th`,{children:`Name`}),c(`th`,{children:`Roles`}),c(`th`,{children:`Created`}),c(`th`,{children:`Status`}),c(`th`,{children:`Actions`})]})}),c(`tbody`,{children:n.data.users.nodes.map(e=>c(`tr`,{"data-username":e.username,children:[c(`td`,{children:c(`code`,{children:e.username})}),c(`td`,{children:e.displayName}),c(`td`,{children:s===e.id?c(`form`,{onSubmit:p(e.id),class:`roles-edit`,"aria-label":`Roles of ${e.username}`,children:[c(It,{roles:Mt,checked:e.roles,legend:`Roles of ${e.username}`}),c(`button`,{type:`submit`,disabled:i.busy,children:`Save roles`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>l(null),children:`Cancel`})]}):e.roles.join(`, `)}),c(`td`,{children:[T(e.createdAt),` `,c(Rt,{who:e.createdBy})]}),c(`td`,{children:e.disabledAt?c(`span`,{class:`badge broken`,children:[`disabled `,T(e.disabledAt)]}):c(`span`,{class:`badge ok`,children:`active`})}),c(`td`,{children:c(`div`,{class:`toolbar`,children:[Lt(e)?c(`span`,{class:`muted`,children:`Roles from the identity provider’s groups`}):s!==e.id&&c(`button`,{type:`button`,class:`secondary`,onClick:()=>l(e.id),"aria-label":`Change the roles of ${e.username}`,children:`Change roles`}),e.disabledAt?c(`button`,{type:`button`,class:`secondary`,disabled:i.busy,onClick:()=>m(e.id),"aria-label":`Enable ${e.username}`,children:`Enable`}):e.username===t.username?c(`span`,{class:`muted`,children:`Your account: another administrator can disable it`}):c(`button`,{type:`button`,class:`danger`,disabled:i.busy,onClick:()=>h(e),"aria-label":`Disable ${e.username}`,children:`Disable`})]})})]},e.id))})]}),n.data.users.pageInfo.hasNextPage&&c(`p`,{class:`muted`,children:[`Showing the first `,jt,` users.`]})]}),a.dialog,c(`form`,{class:`panel stack`,onSubmit:f,"aria-labelledby":`new-user-h`,children:[c(`h3`,{id:`new-user-h`,children:`New user`}),c(`div`,{class:`filters`,children:[c(`label`,{children:[`Username`,c(`input`,{name:`username`,required:!0,pattern:`[a-z0-9._\\-]{3,64}`,title:`3 to 64 lower-case letters, digits, dots, dashes, underscores`,autocomplete:`off`}),c(F,{error:o.error,field:`input.username`})]}),c(`label`,{children:[`Display name`,c(`input`,{name:`displayName`,required:!0,autocomplete:`off`}),c(F,{error:o.error,field:`input.displayName`})]}),c(`label`,{children:[`Initial password (at least 12 characters)`,c(`input`,{name:`password`,type:`password`,required:!0,minLength:12,autocomplete:`new-password`}),c(F,{error:o.error,field:`input.password`})]})]}),c(It,{roles:Mt,checked:[],legend:`Roles`}),c(F,{error:o.error,field:`input.roles`}),c(`div`,{children:c(`button`,{type:`submit`,disabled:o.busy,children:`Create user`})}),o.error!==null&&c(P,{error:o.error,title:`The user was not created`}),u&&c(`p`,{role:`status`,class:`muted`,children:[`Created `,u,`.`]})]})]})}function Ht(){let t=R(wt,{first:jt},`tokens`),n=Ft(),i=St(),a=Ft(),[o,s]=e(null),l=e=>{e.preventDefault();let n=e.currentTarget,r=new FormData(n),i=String(r.get(`expiresAt`)??``);a.run(async()=>{let e=await S(kt,{input:{name:String(r.get(`name`)),roles:Pt(n),expiresAt:i?`${i}T00:00:00Z`:null}});n.reset(),s({name:e.createApiToken.token.name,secret:e.createApiToken.secret}),t.reload()})},d=async e=>{await i.ask({title:`Revoke the API token “${e.name}”?`,body:c(r,{children:[c(`p`,{children:[`Whatever uses “`,e.name,`” (`,e.roles.join(`, `),e.createdBy?`, created by ${u(e.createdBy)}`:``,`, last used `,e.lastUsedAt?T(e.lastUsedAt):`never`,`) is refused from now on: at once on this server, within 10 seconds on the others.`]}),c(`p`,{children:`A revoked token never works again: to restore access, create a new token and give its secret to the system that used this one.`})]}),confirm:`Revoke the token`,danger:!0})&&n.run(async()=>{await S(At,{id:e.id}),t.reload()})};return c(`section`,{"aria-labelledby":`tokens-h`,children:[c(`h2`,{id:`tokens-h`,children:`API tokens`}),t.error!==null&&c(P,{error:t.error,title:`Could not load API tokens`}),t.loading&&c(L,{label:`Loading API tokens…`}),n.error!==null&&c(P,{error:n.error,title:`The change was refused`}),o&&c(`div`,{class:`notice`,role:`status`,"aria-labelledby":`secret-h`,children:[c(`h3`,{id:`secret-h`,children:[`Token “`,o.name,`” created`]}),c(`p`,{children:`Copy the secret now: it is shown only this once and cannot be shown again.`}),c(`p`,{class:`secret`,"data-testid":`token-secret`,children:o.secret}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:()=>navigator.clipboard?.writeText(o.secret),children:`Copy`}),c(`button`,{type:`button`,onClick:()=>s(null),children:`I have copied it`})]})]}),t.data&&c(`div`,{class:`table-wrap`,children:[c(`table`,{"aria-label":`API tokens`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Name`}),c(`th`,{children:`Roles`}),c(`th`,{children:`Created`}),c(`th`,{children:`Expires`}),c(`th`,{children:`Last used`}),c(`th`,{children:`Status`}),c(`th`,{children:`Actions`})]})}),c(`tbody`,{children:t.data.apiTokens.nodes.map(e=>c(`tr`,{"data-token":e.name,children:[c(`td`,{children:e.name}),c(`td`,{children:e.roles.join(`, `)}),c(`td`,{children:[T(e.createdAt),` `,c(Rt,{who:e.createdBy})]}),c(`td`,{children:e.expiresAt?T(e.expiresAt):`never`}),c(`td`,{children:e.lastUsedAt?T(e.lastUsedAt):`never`}),c(`td`,{children:e.revokedAt?c(`span`,{class:`badge broken`,children:[`revoked `,T(e.revokedAt)]}):c(`span`,{class:`badge ok`,children:`active`})}),c(`td`,{children:!e.revokedAt&&c(`button`,{type:`button`,class:`danger`,disabled:n.busy,onClick:()=>d(e),"aria-label":`Revoke ${e.name}`,children:`Revoke`})})]},e.id))})]}),t.data.apiTokens.pageInfo.hasNextPage&&c(`p`,{class:`muted`,children:[`Showing the newest `,jt,` tokens.`]})]}),i.dialog,c(`form`,{class:`panel stack`,onSubmit:l,"aria-labelledby":`new-token-h`,children:[c(`h3`,{id:`new-token-h`,children:`New API token`}),c(`div`,{class:`filters`,children:[c(`label`,{children:[`Name`,c(`input`,{name:`name`,required:!0,autocomplete:`off`}),c(F,{error:a.error,field:`input.name`})]}),c(`label`,{children:[`Expires (optional, UTC date)`,c(`input`,{name:`expiresAt`,type:`date`}),c(F,{error:a.error,field:`input.expiresAt`})]})]}),c(It,{roles:Nt,checked:[],legend:`Roles`}),c(F,{error:a.error,field:`input.roles`}),c(`div`,{children:c(`button`,{type:`submit`,disabled:a.busy,children:`Create token`})}),a.error!==null&&c(P,{error:a.error,title:`The token was not created`})]})]})}function Ut(e){return e.split(/\n\s*\n/).map(e=>e.trim()).filter(e=>e!==``)}var Wt=/^([^.:!?\n]{1,40}:)\s+([\s\S]+)$/;function Gt({text:e}){return c(r,{children:Ut(e).map((e,t)=>{let n=Wt.exec(e);return c(`p`,{children:n?[c(`strong`,{children:n[1]},`lead`),` `,n[2]]:e},t)})})}function Kt({message:e}){return c(`section`,{class:`popup`,lang:e.locale,"aria-label":`The pop-up the shopper saw`,children:[c(`h3`,{children:e.title}),c(`p`,{children:e.body}),e.steps.length>0&&c(`ol`,{children:e.steps.map((e,t)=>c(`li`,{children:e},t))}),e.closing&&c(`p`,{class:`closing`,children:e.closing}),c(`p`,{class:`meta`,children:[`locale `,e.locale]})]})}var qt=/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;function Jt(e,t){let n={},r={};for(let i of e){let e=t.get(i.name);if(e===null||e.trim()===``)continue;let a=e.trim();switch(i.kind){case`number`:{let e=Number(a);Number.isFinite(e)?n[i.name]=e:r[i.name]=`must be a number`;break}case`time`:en(a)===null?r[i.name]=tn:n[i.name]=a;break;case`id`:/^\d+$/.test(a)?n[i.name]=a:r[i.name]=`must be a number`;break;default:i.values&&!i.values.includes(a)?r[i.name]=`must be one of ${i.values.join(`, `)}`:n[i.name]=a}}return{filter:n,errors:r}}function Yt(e,t){let n=new URLSearchParams;for(let r of e){let e=t[r.name];e!==void 0&&e!==``&&n.set(r.name,String(e))}return n}var Xt=`YYYY-MM-DD HH:mm`,Zt=/^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?(?:\s*(?:Z|UTC))?$/i;function Qt(e){let t=e.trim();if(t===``)return``;let n=Zt.exec(t);if(!n)return null;let[r,i,a,o=0,s=0,c=0]=n.slice(1).map(e=>e===void 0?void 0:Number(e)),l=Date.UTC(r,i-1,a,o,s,c),u=new Date(l);return u.getUTCFullYear()!==r||u.getUTCMonth()!==i-1||u.getUTCDate()!==a||u.getUTCHours()!==o||u.getUTCMinutes()!==s||u.getUTCSeconds()!==c?null:u.toISOString().replace(`.000Z`,`Z`)}function $t(e){if(!e)return``;let t=new Date(e);if(!en(e)||Number.isNaN(t.getTime()))return e;let n=t.toISOString().slice(0,19).replace(`T`,` `);return n.endsWith(`:00`)?n.slice(0,16):n}function en(e){return qt.test(e)&&!Number.isNaN(Date.parse(e))?e:null}var tn=`must be a UTC time such as 2026-11-01T00:00:00Z`;function nn(e,t){let{errors:n}=Jt(e,t),r={};for(let i of e){let e=t.get(i.name)?.trim()??``;n[i.name]&&(i.values||i.kind===`number`)?r[i.name]=``:r[i.name]=i.kind===`time`?$t(e):e}return r}function rn(e,t){let n={};for(let r of e){let e=(t[r.name]??``).trim();e!==``&&(n[r.name]=r.kind===`time`?Qt(e)??e:e)}return n}function an(e,t){let n=new FormData(t),r={};for(let t of e)r[t.name]=String(n.get(t.name)??``);return rn(e,r)}var on=[{name:`status`,kind:`text`,values:Object.values(G)},{name:`market`,kind:`text`},{name:`overdue`,kind:`text`,values:[`true`,`false`]}];function sn(e){let{filter:t,errors:n}=Jt(on,e),r={};return t.status&&(r.status=t.status),t.market&&(r.market=String(t.market).toUpperCase()),t.overdue&&(r.overdue=t.overdue===`true`),{filter:r,errors:n,after:e.get(`after`)||null}}function cn(e,t){let n={};for(let[t,r]of Object.entries(e))r!=null&&r!==``&&(n[t]=typeof r==`boolean`?String(r):r);let r=Yt(on,n);t&&r.set(`after`,t);let i=r.toString();return i?`/reviews?${i}`:`/reviews`}var ln=[G.Open,G.InReview,G.PendingSecondReview];function un(e){return ln.includes(e)}var dn=864e5;function fn(e,t,n){if(!un(t))return`decided`;let r=Date.parse(e)-n;if(Number.isNaN(r))return``;if(r>0){let e=Math.floor(r/dn);return e===0?`less than a day left`:`${e} day${e===1?``:`s`} left`}let i=Math.floor(-r/dn);return i===0?`overdue by less than a day`:`overdue by ${i} day${i===1?``:`s`}`}function pn(e){switch(e){case G.Upheld:return`badge declined`;case G.Overturned:return`badge approved`;case G.PendingSecondReview:return`badge warn`;case G.InReview:return`badge info`;default:return`badge muted`}}function mn(e,t){if(!t.roles.includes(`REVIEWER`))return`none`;switch(e.status){case G.Open:return`claim`;case G.InReview:return f(e.reviewer,t)?`decide`:`claimedByOther`;case G.PendingSecondReview:return f(e.reviewer,t)?`ownOverturn`:`second`;default:return`none`}}var hn=J(`
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
`);function gn({query:e}){let t=e.get(`ref`)?.trim()??``,n=R(hn,{reference:t,locale:navigator.language||`en-US`},t,t===``),i=n.data?.agentDecision,a=n.error instanceof p&&n.error.code===`NOT_FOUND`;return c(r,{children:[c(z,{title:`Decision look-up`,children:c(`span`,{class:`readonly-banner`,title:`This page cannot change anything`,children:`Read-only`})}),c(`form`,{class:`toolbar`,role:`search`,onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`ref`)??``).trim();M(t?`/agent?ref=${encodeURIComponent(t)}`:`/agent`)},children:[c(`label`,{children:[`Decision reference`,c(`input`,{name:`ref`,defaultValue:t,placeholder:`D7K-2QF-9XM`,autocomplete:`off`,spellcheck:!1,required:!0})]}),c(`button`,{type:`submit`,children:`Look up`})]},t),n.loading&&c(L,{label:`Looking the decision up…`}),a?c(`p`,{role:`status`,class:`notice`,"data-testid":`not-found`,children:[`No decision with reference `,c(`strong`,{children:t}),`. Check the reference with the shopper: it is on their decline message and in their account.`]}):n.error!==null&&c(P,{error:n.error,title:`Could not look up ${t}`}),i&&c(`div`,{class:`grid2`,children:[c(`section`,{"aria-labelledby":`seen-h`,children:[c(`h2`,{id:`seen-h`,children:[i.reference,`: `,O(i.outcome)]}),c(`p`,{class:`muted`,children:[T(i.createdAt),` · `,i.merchantName,` · `,i.formattedAmount,` · market `,i.market]}),c(vn,{d:i}),i.outcome===W.Declined&&i.shopperMessage?c(r,{children:[c(`h3`,{children:`The pop-up the shopper saw`}),c(Kt,{message:i.shopperMessage})]}):c(`p`,{children:`The purchase was approved: the shopper saw no pop-up.`}),i.cardHold&&c(`div`,{class:`notice`,children:[c(`strong`,{children:`Card hold`}),c(`p`,{children:i.cardHold.note}),c(`p`,{class:`meta`,children:[i.cardHold.mayBePending?`may still be pending`:`should be released`,`; usually released by `,T(i.cardHold.usuallyReleasedBy)]})]})]}),c(`section`,{"aria-labelledby":`guide-h`,lang:i.guidanceLocale,children:[c(`h2`,{id:`guide-h`,children:`Guidance for the call`}),i.guidance.map(e=>c(`div`,{class:`panel`,children:[c(`h3`,{children:[e.rank,`. `,e.title]}),c(Gt,{text:e.body}),e.steps.length>0&&c(r,{children:[c(`p`,{class:`meta`,lang:`en`,id:`guide-steps-${e.rank}`,children:`What the shopper can do, in order:`}),c(`ol`,{"aria-labelledby":`guide-steps-${e.rank}`,children:e.steps.map((e,t)=>c(`li`,{children:e},t))})]})]},e.rank)),c(`h3`,{children:`What you can always say`}),c(`ul`,{children:i.notes.map((e,t)=>c(`li`,{children:e},t))})]})]})]})}var _n=e=>`/agent?ref=${encodeURIComponent(e)}`;function vn({d:e}){let t=e.review;return!t&&e.kind!==H.ManualReview&&!e.reviewRequestableUntil?null:c(`div`,{class:`panel`,"aria-label":`Human review`,children:[c(`h3`,{children:`Human review`}),e.kind===H.ManualReview&&c(`p`,{children:[`A reviewer made this decision when they overturned`,` `,e.overturnsReference?c(N,{href:_n(e.overturnsReference),children:e.overturnsReference}):`an automated decline`,`.`]}),e.reviewRequestableUntil&&c(`p`,{"data-testid":`review-requestable`,children:[`The shopper may ask for a person to review this decline, through the lender's app, until `,T(e.reviewRequestableUntil),`. You cannot file it for them.`]}),t&&c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Status`}),c(`dd`,{children:[c(`span`,{class:pn(t.status),children:O(t.status)}),t.overdue&&c(r,{children:[` `,c(`span`,{class:`badge overdue`,children:`Overdue`})]})]}),c(`dt`,{children:`Answer due`}),c(`dd`,{children:T(t.dueAt)}),c(`dt`,{children:`Outcome`}),c(`dd`,{children:t.outcome?`${O(t.outcome)}, ${T(t.decidedAt)}`:`not decided yet`}),t.newDecisionReference&&c(r,{children:[c(`dt`,{children:`New decision`}),c(`dd`,{children:c(N,{href:_n(t.newDecisionReference),children:t.newDecisionReference})})]})]})]})}function yn(e){return e.split(`
`).map(e=>e.trim()).filter(e=>e!==``)}function bn(e){let t={};if(!(e instanceof p))return t;for(let n of e.fields){let e=/(?:^|\.)(title|body|steps)(?:\[(\d+)\])?$/.exec(n.field);if(!e)continue;let r=e[1],i=e[2]===void 0?n.message:`step ${Number(e[2])+1}: ${n.message}`;(t[r]??=[]).push(i)}return t}var xn=5e5;function Sn(e){return e.match(/^\s+|\S+\s*/g)??[]}function Cn(e,t){let n=Sn(t),r=Sn(e),i=r.map(e=>e.trimEnd()),a=n.map(e=>e.trimEnd()),o=[],s=(e,t,n=t)=>{let r=o[o.length-1];r&&r.kind===e?(r.text+=t,r.old+=n):o.push({kind:e,text:t,old:n})};if(r.length*n.length>xn)return e&&s(`del`,e),t&&s(`ins`,t),wn(o);let c=n.length+1,l=new Uint32Array((r.length+1)*c);for(let e=r.length-1;e>=0;e--)for(let t=n.length-1;t>=0;t--)l[e*c+t]=i[e]===a[t]?l[(e+1)*c+t+1]+1:Math.max(l[(e+1)*c+t],l[e*c+t+1]);let u=0,d=0,f=[],p=[],m=()=>{f.length&&s(`del`,f.join(``)),p.length&&s(`ins`,p.join(``)),f.length=0,p.length=0};for(;u<r.length||d<n.length;)u<r.length&&d<n.length&&i[u]===a[d]?(m(),s(`same`,n[d],r[u]),u++,d++):d>=n.length||u<r.length&&l[(u+1)*c+d]>=l[u*c+d+1]?f.push(r[u++]):p.push(n[d++]);return m(),wn(o)}function wn(e){return e.map(({kind:e,text:t,old:n})=>e===`same`&&n!==t?{kind:e,text:t,old:n}:{kind:e,text:t})}function Tn(e){return e.old??e.text}function En(e,t,n){return n.map(n=>{let r=e?.[n]??``,i=t?.[n]??``;return r===i?{field:n,status:`same`,parts:r?[{kind:`same`,text:r}]:[]}:{field:n,status:!e||!r?`added`:!t||!i?`removed`:`changed`,parts:Cn(r,i)}})}function Dn(e,t,n){let r=n.now??(()=>Date.now()),i=null,a=null,o=null,s=-1/0,c=0,l=0,u=e=>t.onPending?.(e),d=()=>{if(a=null,!i)return;let{args:n}=i;i=null,o?.abort();let d=new AbortController;o=d;let f=++l,p=r();s=p,e(n,d.signal).then(e=>{f!==l||d.signal.aborted||(o=null,c=r()-p,i||u(!1),t.onData(e))},e=>{f!==l||d.signal.aborted||(o=null,i||u(!1),t.onError(e))})};return{schedule(e){if(i={args:e},u(!0),a!==null)return;let t=Math.max(n.interval,c);a=setTimeout(d,Math.max(0,s+t-r()))},cancel(){a!==null&&clearTimeout(a),a=null,i=null,l++,o?.abort(),o=null,u(!1)}}}var On=J(`
  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {
    previewMessage(code: $code, locale: $locale, text: $text) {
      locale
      title
      body
      steps
      closing
    }
  }
`);J(`
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
`),J(`
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
`);var kn=J(`
  query CatalogVersion {
    catalogVersion {
      version
      texts {
        ...CatalogEntryFields
      }
    }
  }
`),An=J(`
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
`),jn=J(`
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
`),Mn=J(`
  mutation CreateCatalogDraft {
    createCatalogDraft {
      id
    }
  }
`),Nn=J(`
  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {
    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {
      id
      revision
    }
  }
`),Pn=J(`
  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {
    submitCatalogDraft(id: $id, revision: $revision) {
      id
      status
    }
  }
`),Fn=J(`
  mutation ApproveCatalogDraft($id: ID!) {
    approveCatalogDraft(id: $id) {
      id
      publishedVersion
    }
  }
`),In=J(`
  mutation RejectCatalogDraft($id: ID!, $comment: String!) {
    rejectCatalogDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`),Ln=J(`
  query CatalogDiff($from: Int!, $to: Int!) {
    catalogDiff(from: $from, to: $to) {
      ...CatalogChangeFields
    }
  }
`),Rn=Object.values(ve);function zn(e){return`${e.code}|${e.locale}|${e.audience}`}function Bn(e){return new Map((e??[]).map(e=>[zn(e),e.text]))}function Vn({query:t,user:n}){let i=t.get(`draft`)??``,a=t.get(`code`)??null,s=t.get(`locale`)??null,l=R(kn,{},`current`),u=l.data?.catalogVersion??null,d=o(()=>Bn(u?.texts),[u]),f=R(jn,{id:i},i,!i),p=f.data?.catalogDraft??null,m=o(()=>Bn(p?.texts),[p]),h=n.roles.some(e=>lt.includes(e)),[g,_]=e(null),v=(e,t,n)=>{let r=new URLSearchParams;e&&r.set(`draft`,e),t&&r.set(`code`,t),n&&r.set(`locale`,n);let i=r.toString();return i?`/catalog?${i}`:`/catalog`},y=async()=>{_(null);try{let e=(await S(Mn,{})).createCatalogDraft;M(v(e.id,a,s))}catch(e){_(e)}},b=new Set((p?.changes??[]).map(zn));return c(r,{children:[c(z,{title:`Reason catalog`}),c(`section`,{class:`panel`,"aria-labelledby":`draft-h`,children:[c(`h2`,{id:`draft-h`,children:`Draft`}),!i&&c(`div`,{class:`toolbar`,children:[h&&c(`button`,{type:`button`,onClick:y,children:`Start a draft`}),c(`form`,{class:`toolbar`,onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`draft`)??``).trim();t&&M(v(t,a,s))},children:[c(`label`,{children:[`Draft id`,c(`input`,{name:`draft`,inputMode:`numeric`,size:8})]}),c(`button`,{type:`submit`,class:`secondary`,children:`Open draft`})]})]}),g!==null&&c(P,{error:g,title:`Could not start a draft`}),f.error!==null&&c(P,{error:f.error,title:`Could not load the draft`}),i&&f.data&&!p&&c(`p`,{children:[`No catalog draft has the id `,i,`.`]}),p&&c(Un,{draft:p,user:n,onChange:f.reload,onClose:()=>M(v(``,a,s))}),!i&&c(Hn,{open:e=>M(v(e,a,s))})]}),c(`div`,{class:`grid2`,children:[c(`section`,{class:`panel`,"aria-labelledby":`grid-h`,children:[c(`h2`,{id:`grid-h`,children:`Texts by reason and locale`}),c(`p`,{class:`muted`,children:[`Each cell is the reason's shopper title in published version `,u?.version??`…`,`, as written; choose one to`,` `,p?.status===V.Draft&&h?`edit it`:`preview it`,`.`,p&&` Cells changed in the draft are marked.`]}),l.loading&&c(L,{label:`Loading the catalog`}),l.error!==null&&c(P,{error:l.error,title:`Could not load the catalog`}),c(`div`,{class:`table-wrap`,children:c(`table`,{class:`catalog-grid`,"aria-label":`Reason catalog: codes by locale`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Reason code`}),ie.map(e=>c(`th`,{children:e},e))]})}),c(`tbody`,{children:Rn.map(e=>c(`tr`,{children:[c(`th`,{scope:`row`,children:O(e)}),ie.map(t=>{let n=(m.get(`${e}|${t}|SHOPPER`)??d.get(`${e}|${t}|SHOPPER`))?.title,r=b.has(`${e}|${t}|SHOPPER`)||b.has(`${e}|${t}|AGENT`),o=e===a&&t===s;return c(`td`,{class:`${o?`selected`:``} ${r?`edited`:``}`,children:c(`button`,{type:`button`,class:`cell`,"aria-pressed":o,onClick:()=>M(v(i,e,t)),"aria-label":`${O(e)}, ${t}${r?`, changed in the draft`:``}`,children:[n??(u?`–`:`…`),r&&c(`span`,{class:`badge ok`,children:` edited`})]})},t)})]},e))})]})})]}),c(`div`,{children:[a&&s?c(qn,{code:a,locale:s,draft:p&&p.status===V.Draft&&h?p:null,text:(p?m:d).get(`${a}|${s}|${ge.Shopper}`),onSaved:f.reload},`${a}|${s}|${p?.id??``}`):c(`p`,{class:`panel`,children:[`Choose a cell of the grid to see its pop-up`,h?` and, in a draft, edit it`:``,`.`]}),c(Jn,{})]})]})]})}function Hn({open:t}){let[n,r]=e(V.Submitted),i=R(An,{status:n||null},n),a=i.data?.catalogDrafts.nodes??[];return c(`div`,{class:`stack`,children:[c(`label`,{children:[`Drafts`,c(`select`,{value:n,onChange:e=>r(e.currentTarget.value),children:[c(`option`,{value:``,children:`all`}),Object.values(V).map(e=>c(`option`,{value:e,children:O(e).toLowerCase()},e))]})]}),i.error!==null&&c(P,{error:i.error,title:`Could not list the drafts`}),i.data&&a.length===0&&c(`p`,{class:`muted`,children:[`No `,n?O(n).toLowerCase()+` `:``,`draft.`]}),a.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Catalog drafts`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Draft`}),c(`th`,{children:`Status`}),c(`th`,{children:`Author`}),c(`th`,{children:`From version`}),c(`th`,{children:`Last changed`})]})}),c(`tbody`,{children:a.map(e=>c(`tr`,{children:[c(`td`,{children:c(`button`,{type:`button`,class:`link`,onClick:()=>t(e.id),children:[`Draft `,e.id]})}),c(`td`,{children:O(e.status)}),c(`td`,{children:u(e.author)}),c(`td`,{children:e.baseVersion}),c(`td`,{children:T(e.updatedAt)})]},e.id))})]})}),i.data?.catalogDrafts.pageInfo.hasNextPage&&c(`p`,{class:`muted`,children:`The 20 newest are shown.`})]})}function Un({draft:t,user:n,onChange:i,onClose:a}){let[o,s]=e(``),[l,m]=e(!1),[h,g]=e(null),_=n.roles.some(e=>lt.includes(e)),v=n.roles.some(e=>ut.includes(e)),y=f(t.author,n),b=St(),x=async()=>{await b.ask({title:`Approve and publish catalog draft ${t.id}?`,body:c(r,{children:[c(`p`,{children:[`You approve the texts `,d(t.author),`. They become the current reason catalog the moment you confirm: every decline from then on shows the shopper the new `,t.changes.length===1?`text`:`texts`,` of`]}),c(`ul`,{children:t.changes.map(e=>c(`li`,{children:[O(e.code),`, `,e.locale,`, `,O(e.audience),e.after&&`: “${e.after.title}”`]},zn(e)))}),c(`p`,{children:`Decisions made before keep the texts they were shown (each pins its catalog version). A published version cannot be withdrawn: a later draft replaces it.`})]}),confirm:`Approve and publish`})&&C(()=>S(Fn,{id:t.id}))},C=async e=>{m(!0),g(null);try{await e(),Ne(),i()}catch(e){g(e)}finally{m(!1)}};return c(r,{children:[c(`p`,{children:[`Draft `,t.id,` `,c(`span`,{class:`badge muted`,children:O(t.status)}),` ·`,` `,t.status===V.Draft?`written by ${u(t.author)}`:d(t.author,t.reviewer,t.status===V.Rejected?`rejected`:`approved`),t.comment&&` (“${t.comment}”)`,` · from published version `,t.baseVersion,`, revision `,t.revision,`, last changed `,T(t.updatedAt),`.`,t.publishedVersion&&` Published as version ${t.publishedVersion}.`,` `,c(`button`,{type:`button`,class:`link`,onClick:a,children:`Close the draft`})]}),c(Kn,{changes:t.changes,label:`Changes in the draft`}),c(`div`,{class:`toolbar`,children:[t.status===V.Draft&&_&&c(`button`,{type:`button`,onClick:()=>C(()=>S(Pn,{id:t.id,revision:t.revision})),disabled:l||t.changes.length===0,children:`Submit for approval`}),t.status===V.Submitted&&v&&!y&&c(r,{children:[c(`button`,{type:`button`,onClick:x,disabled:l,children:`Approve and publish`}),c(`label`,{children:[`Reason to reject`,c(`input`,{value:o,onInput:e=>s(e.currentTarget.value)})]}),c(`button`,{type:`button`,class:`danger`,onClick:()=>C(()=>S(In,{id:t.id,comment:o.trim()})),disabled:l||!o.trim(),children:`Reject`})]}),t.status===V.Submitted&&y&&c(`p`,{class:`notice`,children:`You submitted this draft; another approver must review it.`})]}),h!==null&&c(P,{error:h,title:h instanceof p&&h.code===`CONFLICT`?`Conflict: the draft changed since it was loaded; reload it`:`Not done`}),b.dialog]})}var Wn=[`title`,`body`,`steps`];function Gn(e){return e?{title:e.title,body:e.body,steps:e.steps.join(`
`)}:null}function Kn({changes:e,label:t}){return e.length===0?c(`p`,{children:`No text differs.`}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":t,class:`text-diff`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Text`}),c(`th`,{children:`Change`}),c(`th`,{children:`Field`}),c(`th`,{children:`Before`}),c(`th`,{children:`After`})]})}),e.map(e=>{let t=En(Gn(e.before),Gn(e.after),Wn),n=t.filter(e=>e.status!==`same`),i=t.filter(e=>e.status===`same`&&e.parts.length>0).map(e=>e.field),a=n.length+ +(i.length>0),o=c(r,{children:[c(`th`,{scope:`rowgroup`,rowSpan:a,children:[O(e.code),`, `,e.locale,`, `,O(e.audience)]}),c(`td`,{rowSpan:a,children:O(e.kind)})]});return c(`tbody`,{"data-text":zn(e),children:[n.map((e,t)=>c(`tr`,{"data-field":e.field,children:[t===0&&o,c(`td`,{children:O(e.field)}),c(`td`,{class:`field-old`,children:e.status===`added`?`–`:e.parts.map((e,t)=>e.kind===`same`?Tn(e):e.kind===`del`?c(`del`,{children:e.text},t):null)}),c(`td`,{class:`field-new`,children:e.status===`removed`?`–`:e.parts.map((e,t)=>e.kind===`same`?e.text:e.kind===`ins`?c(`ins`,{children:e.text},t):null)})]},e.field)),i.length>0&&c(`tr`,{"data-field":`unchanged`,children:[n.length===0&&o,c(`td`,{children:i.map(e=>O(e)).join(`, `)}),c(`td`,{colSpan:2,class:`muted`,children:`unchanged`})]})]},zn(e))})]})})}function qn(t){let{code:n,locale:r,draft:i}=t,a=t.text?{title:t.text.title,body:t.text.body,steps:t.text.steps.join(`
`)}:{title:``,body:``,steps:``},l=R(On,{code:n,locale:r},`${n}|${r}`),[u,d]=e(a),[f,m]=e(null),[h,g]=e(null),[_,v]=e(!1),[y,b]=e(null),[x,C]=e(``),w=!u.title.trim()&&!u.body.trim()&&!u.steps.trim(),T=o(()=>Dn((e,t)=>S(On,{code:n,locale:r,text:{title:e.title,body:e.body,steps:yn(e.steps)}},t),{onData:e=>{m(e.previewMessage),g(null)},onError:g,onPending:v},{interval:150}),[n,r]);s(()=>()=>T.cancel(),[T]),s(()=>{!i||w?T.cancel():T.schedule(u)},[u.title,u.body,u.steps,!!i]);let E=e=>t=>d({...u,[e]:t.currentTarget.value}),D=bn(y??h),ee=l.data?.previewMessage??null,k=async e=>{if(e.preventDefault(),i){b(null),C(``);try{let e=(await S(Nn,{id:i.id,revision:i.revision,code:n,locale:r,audience:ge.Shopper,text:{title:u.title,body:u.body,steps:yn(u.steps)}})).editCatalogText;C(`Saved in draft ${e.id}, revision ${e.revision}.`),t.onSaved()}catch(e){b(e)}}},A=e=>D[e]?c(`span`,{class:`field-error`,id:`cat-${e}-err`,children:D[e].join(`; `)}):null,j=h!==null&&Object.keys(D).length===0;return c(`section`,{class:`panel`,"aria-labelledby":`editor-h`,children:[c(`h2`,{id:`editor-h`,children:[O(n),`, `,r]}),c(`h3`,{children:`Now, at checkout`}),l.error!==null&&c(P,{error:l.error,title:`Could not render the current pop-up`}),ee?c(Kt,{message:ee}):l.loading&&c(L,{label:`Rendering…`}),i?c(`form`,{class:`stack`,onSubmit:k,"aria-label":`Edit the shopper text`,children:[c(`h3`,{children:[`Shopper text in draft `,i.id]}),c(`p`,{class:`muted`,children:[`The fields hold the draft’s text as written. Placeholders: `,`{merchant} {amount} {score} {bureau} {scoreRange} {scoreDate}`,`.`]}),c(`label`,{children:[`Title`,c(`input`,{name:`title`,value:u.title,onInput:E(`title`),"aria-invalid":D.title?`true`:void 0,"aria-describedby":D.title?`cat-title-err`:void 0}),A(`title`)]}),c(`label`,{children:[`Body`,c(`textarea`,{name:`body`,rows:4,value:u.body,onInput:E(`body`),"aria-invalid":D.body?`true`:void 0,"aria-describedby":D.body?`cat-body-err`:void 0}),A(`body`)]}),c(`label`,{children:[`Steps (one per line)`,c(`textarea`,{name:`steps`,rows:3,value:u.steps,onInput:E(`steps`),"aria-invalid":D.steps?`true`:void 0,"aria-describedby":D.steps?`cat-steps-err`:void 0}),A(`steps`)]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`submit`,disabled:w,children:`Save text`}),x&&c(`span`,{role:`status`,class:`muted`,children:x})]}),y!==null&&Object.keys(bn(y)).length===0&&c(P,{error:y,title:y instanceof p&&y.code===`CONFLICT`?`Conflict: the draft changed since it was loaded; reload it`:`Not saved`}),c(`h3`,{children:[`Preview `,_&&c(`span`,{class:`muted`,children:`(updating…)`})]}),j&&c(P,{error:h,title:`The preview failed`}),w?c(`p`,{class:`muted`,children:`Type a text to preview it.`}):f&&c(`div`,{"aria-label":`Live preview`,role:`region`,class:_?`stale`:void 0,children:c(Kt,{message:f})})]}):c(`p`,{class:`muted`,children:`Open or start a draft to edit this text.`})]})}function Jn(){let[t,n]=e(null),r=R(Ln,t??{from:0,to:0},JSON.stringify(t),!t);return c(`section`,{class:`panel`,"aria-labelledby":`vdiff-h`,children:[c(`h2`,{id:`vdiff-h`,children:`Compare published versions`}),c(`form`,{class:`toolbar`,onSubmit:e=>{e.preventDefault();let t=new FormData(e.currentTarget);n({from:Number(t.get(`from`)),to:Number(t.get(`to`))})},children:[c(`label`,{children:[`From version`,c(`input`,{name:`from`,type:`number`,min:`1`,step:`1`,required:!0,size:5})]}),c(`label`,{children:[`To version`,c(`input`,{name:`to`,type:`number`,min:`1`,step:`1`,required:!0,size:5})]}),c(`button`,{type:`submit`,class:`secondary`,children:`Compare`})]}),r.error!==null&&c(P,{error:r.error,title:`Could not compare`}),r.loading&&c(L,{label:`Comparing…`}),r.data&&c(Kn,{changes:r.data.catalogDiff,label:`Differences between the versions`}),c(`p`,{class:`muted`,children:[`Decisions pin the catalog version they used; see a `,c(N,{href:`/decisions`,children:`decision`}),`.`]})]})}var Yn=[`#1d4e89`,`#c2410c`,`#15803d`,`#7e22ce`,`#0e7490`,`#a16207`,`#be185d`,`#4b5563`];function X(e){return Math.floor(Date.parse(e)/1e3)}function Xn(e){let t=new Set;for(let n of e)for(let e of n.points)t.add(X(e.bucketStart));let n=[...t].sort((e,t)=>e-t),r=new Map(n.map((e,t)=>[e,t])),i=e.map(e=>{let t=Array(n.length).fill(null);for(let n of e.points)n.rate!==null&&n.rate!==void 0&&n.assessed!==0&&(t[r.get(X(n.bucketStart))]=n.rate*100);return t});return{labels:e.map(e=>e.label),xs:n,ys:i}}function Zn(e,t){let n=0,r=e.length-1,i=-1;for(;n<=r;){let a=n+r>>1;e[a]<=t?(i=a,n=a+1):r=a-1}return i}function Qn(e,t,n,r){return e.map(e=>({id:e.activation.id,x:X(e.activation.activatedAt),market:e.activation.market,versionId:e.activation.versionId,version:e.version.version,activatedBy:u(e.activation.activatedBy),author:u(e.version.author),approver:u(e.version.approver),emergency:e.activation.emergency,series:t.indexOf(e.activation.market)})).filter(e=>e.x>=n&&e.x<r).sort((e,t)=>e.x-t.x)}function $n(e,t){let n=new Map;for(let r of e){let e=t.labels.indexOf(r.market);if(e<0)continue;let i=Zn(t.xs,X(r.bucketStart));if(i<0)continue;let a=`${e}:${i}`,o=n.get(a);o&&Math.abs(o.anomaly.zScore)>=Math.abs(r.zScore)||n.set(a,{anomaly:r,x:t.xs[i],y:t.ys[e][i],series:e})}return[...n.values()].sort((e,t)=>e.x-t.x||e.series-t.series)}var er=60,tr=86400,nr=new Map;function rr(e,t){let n=nr.get(t);n||(n=new Intl.DateTimeFormat(`en-US`,{timeZone:t,hourCycle:`h23`,year:`numeric`,month:`numeric`,day:`numeric`,hour:`numeric`,minute:`numeric`}),nr.set(t,n));let r={};for(let t of n.formatToParts(new Date(e*1e3)))t.type!==`literal`&&(r[t.type]=Number(t.value));return{y:r.year,mo:r.month,d:r.day,h:r.hour%24,mi:r.minute}}function ir(e,t){if(t===`UTC`)return 0;let n=rr(e,t);return Date.UTC(n.y,n.mo-1,n.d,n.h,n.mi)/1e3-Math.floor(e/er)*er}var Z=e=>String(e).padStart(2,`0`);function ar(e,t=`UTC`){return e.length>0&&e.every(e=>(e+ir(e,t))%tr===0)?`day`:`minute`}function or(e,t,n=`UTC`){let r=rr(e,n),i=`${r.y}-${Z(r.mo)}-${Z(r.d)}`;return t===`day`?i:`${i} ${Z(r.h)}:${Z(r.mi)} ${n}`}function sr(e,t,n=`UTC`){let r=``;return e.map(e=>{let i=rr(e,n),a=`${i.y}-${Z(i.mo)}-${Z(i.d)}`;if(t>=tr)return t>=28*tr&&i.d===1?`${i.y}-${Z(i.mo)}`:a;let o=`${Z(i.h)}:${Z(i.mi)}`,s=a===r?o:`${o}\n${a}`;return r=a,s})}function cr(e){return new Date(e*1e3).toISOString().replace(`.000Z`,`Z`)}function lr(e,t,n=`UTC`){if(t===`HOUR`)return e+3600;let r=e+(t===`WEEK`?7:1)*tr;return r+ir(e,n)-ir(r,n)}function ur(e,t,n,r){return{from:Math.max(e,r.from),to:Math.min(lr(e,t,n),r.to)}}function dr(e,t,n,r,i,a){let o=Math.max(Math.min(e,t),a.from),s=Math.min(Math.max(e,t),a.to);if(n.length===0||s<=o)return null;let c=Math.max(Zn(n,o),0),l=Zn(n,s);if(l<0)return null;let u={from:Math.max(n[c],a.from),to:Math.min(lr(n[Math.max(l,c)],r,i),a.to)};return u.to>u.from?u:null}function fr(e,t){let n=new URLSearchParams(e);return n.has(`unzoom`)||n.set(`unzoom`,`${e.get(`from`)??``}~${e.get(`to`)??``}`),n.set(`from`,cr(t.from)),n.set(`to`,cr(t.to)),n}function pr(e){let t=new URLSearchParams(e),[n=``,r=``]=(e.get(`unzoom`)??``).split(`~`);t.delete(`unzoom`);for(let[e,i]of[[`from`,n],[`to`,r]])i?t.set(e,i):t.delete(e);return t}function mr(e){let t=[];for(let n=0;n<e.length;n++)e[n]!=null&&e[n-1]==null&&e[n+1]==null&&t.push(n);return t}var hr=[`ANALYST`,`APPROVER`],gr=[`APPROVER`],_r={DE:`EUR`,GB:`GBP`,SE:`SEK`,US:`USD`};function vr(e){return _r[e]??``}function Q(e,t){if(e==null)return`–`;let n=Math.round(e).toLocaleString(`en-US`);return t?`${n} ${t}`:n}function yr(e,t){let n=(e/100).toLocaleString(`en-US`,{minimumFractionDigits:2,maximumFractionDigits:2});return t?`${n} ${t}`:n}function br(e,t,n=1){return e==null||t==null||Math.abs(t-e)<.5*10**-(n+2)?``:`${(e*100).toFixed(n)}–${(t*100).toFixed(n)} %`}function xr(e){return`observed only: ${e.inferred.toLocaleString(`en-US`)} declined as decided left out, too few mature outcomes to infer them`}function Sr(e,t){let n=e.inferred>0;if(e.badRate===null||e.badRate===void 0){if(n&&!t&&e.mature>0)return{text:A(e.bad/e.mature,1),interval:``,inferred:!1,partial:xr(e)};let r=`–`;return e.decisions===0?r=`none`:n&&!t?r=`not inferable`:e.mature===0&&e.immature>0&&(r=`all immature`),{text:r,interval:``,inferred:!1}}return{text:A(e.badRate,1),interval:n?br(e.badRateLow,e.badRateHigh):``,inferred:n}}function Cr(e,t,n){let r=e.inferred>0;if(r&&!n)return e.mature===0?{text:`not inferable`,interval:``,inferred:!1}:{text:Q(e.loss,t),interval:``,inferred:!1,partial:xr(e)};let i=r&&e.lossHigh-e.lossLow>=.5?`${Q(e.lossLow,``)}–${Q(e.lossHigh,t)}`:``;return{text:Q(e.loss,t),interval:i,inferred:r}}function wr(e){return[[{key:`keptApproved`,title:`Kept approved`,meaning:`approved either way`,figures:e.keptApproved},{key:`swapOut`,title:`Swap-out`,meaning:`loss avoided`,figures:e.swapOut}],[{key:`swapIn`,title:`Swap-in`,meaning:`loss taken on`,figures:e.swapIn},{key:`keptDeclined`,title:`Kept declined`,meaning:`declined either way`,figures:e.keptDeclined}]]}function Tr(e){let t=new Map;for(let n of e)t.set(Er(n.approvalRate*100),n);let n=[...t.keys()].sort((e,t)=>e-t),r=e=>e==null?null:Er(e*100),i=n.map(e=>r(t.get(e).badRate));return{xs:n,bad:i,loss:n.map(e=>r(t.get(e).lossRate)),hasOutcomes:i.some(e=>e!==null)}}function Er(e){return Math.round(e*1e6)/1e6}function Dr(e,t){return`${e}: cut-off ${t.cutoff.toLocaleString(`en-US`,{maximumFractionDigits:3})}, approval ${A(t.approvalRate,1)}, bad rate ${A(t.badRate,2)}, loss ${A(t.lossRate,2)} of volume`}function Or(e){let t=e.vintage.slice(0,7);return e.group?`${t} ${e.group}`:t}function kr(e,t){let n=e.filter(e=>e.approved>0).slice().sort((e,t)=>e.vintage.localeCompare(t.vintage)||(e.group??``).localeCompare(t.group??``)),r=-1;for(let e of n)for(let t of e.points)r=Math.max(r,t.monthsSinceDecision);let i=Array.from({length:r+1},(e,t)=>t),a=n.map(e=>{let n=Array(i.length).fill(null);for(let r of e.points)n[r.monthsSinceDecision]=Er(r[t]*100);return n});return{labels:n.map(Or),xs:i,ys:a}}function Ar(e,t){let n=e.filter(e=>e.approved>0).slice().sort((e,t)=>e.vintage.localeCompare(t.vintage)||(e.group??``).localeCompare(t.group??``)),r=(e,t)=>{let n=new Date(e);return Math.floor(Date.UTC(n.getUTCFullYear(),n.getUTCMonth()+t,1)/1e3)},i=new Set;for(let e of n)for(let t of e.points)i.add(r(e.vintage,t.monthsSinceDecision));let a=[...i].sort((e,t)=>e-t),o=new Map(a.map((e,t)=>[e,t])),s=n.map(e=>{let n=Array(a.length).fill(null);for(let i of e.points)n[o.get(r(e.vintage,i.monthsSinceDecision))]=Er(i[t]*100);return n});return{labels:n.map(Or),xs:a,ys:s}}function jr(e,t){let n=[...new Set(e.map(e=>e.vintage))].sort((e,t)=>X(e)-X(t)),r=new Map;for(let e of t){let t=X(e.activatedAt),i=n.find(e=>X(e)>=t);r.set(e.id,i?i.slice(0,7):null)}return r}var Mr={CURRENT:0,PAID:0,LATE_1_29:1,LATE_30_59:2,LATE_60_89:3,LATE_90_PLUS:4,CHARGED_OFF:5,RECOVERED:5};function Nr(e){if(!e)return`none`;let t=Mr[e]??0;return t===0?`ok`:t>=5?`lost`:`late`}var Pr={CURRENT:`Current`,PAID:`Paid`,LATE_1_29:`1–29 days late`,LATE_30_59:`30–59 days late`,LATE_60_89:`60–89 days late`,LATE_90_PLUS:`90+ days late`,CHARGED_OFF:`Charged off`,RECOVERED:`Recovered`};function Fr(e){return Pr[e]??e}function Ir(e,t){let n=Date.parse(e),r=0;return t.slice().sort((e,t)=>Date.parse(e.observedAt)-Date.parse(t.observedAt)).map(e=>{let t=Mr[e.status]??0,i=t>r&&e.status!==`RECOVERED`;return r=Math.max(r,t),{...e,day:Math.floor((Date.parse(e.observedAt)-n)/864e5),worsened:i}})}var Lr=[`LATE_30_59`,`LATE_60_89`,`LATE_90_PLUS`,`CHARGED_OFF`];function Rr(e,t){return`ever ${{LATE_30_59:`30+ days late`,LATE_60_89:`60+ days late`,LATE_90_PLUS:`90+ days late`,CHARGED_OFF:`charged off`}[e]??e}${e===`CHARGED_OFF`?``:` or worse`} within ${t} ${t===1?`month`:`months`}`}function zr(e){if(!/^\d+$/.test(e.trim()))return`must be a whole number of months`;let t=Number(e);return t<1||t>24?`must be between 1 and 24`:``}var Br=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),Vr=function(e){return`/`+e},Hr={},Ur=function(e){return e.pathname.endsWith(`.css`)},Wr=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw e[t]=void 0,n});return e[t]=i,i},Gr=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=Vr(t,n);let r=s(t),i=Ur(r);return Wr(Hr,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}if((i?e.styles:e.all).has(r.href))return;let t=document.createElement(`link`);if(t.rel=i?`stylesheet`:Br,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href,a&&t.setAttribute(`nonce`,a),document.head.appendChild(t),i)return new Promise((e,n)=>{let i=a=>{t.removeEventListener(`load`,i),t.removeEventListener(`error`,i),a.type===`error`?n(Error(`Unable to preload CSS for ${r}`)):e(a)};t.addEventListener(`load`,i),t.addEventListener(`error`,i)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})},Kr=it(()=>Gr(()=>import(`./Plot-C2INx4DU.js`).then(e=>e.Plot),__vite__mapDeps([0,1,2])),`Drawing the chart…`,!1,(e,t,n)=>c(`figure`,{class:`chart`,"aria-label":e.label,role:`group`,"aria-busy":t?`true`:void 0,children:n}));J(`
  fragment RuleFields on ThresholdRule {
    measuredValue
    factor
    comparator
    cutoff
    enabled
    reasonCode
    scale
  }
`),J(`
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
`);var qr=J(`
  query WhatIfStatus {
    whatIfStatus {
      loaded
      total
      ready
    }
  }
`);function Jr({onReady:t}){let[n,r]=e(null),[i,a]=e(null);return s(()=>{let e=!1,n,i=new AbortController,o=async()=>{try{let s=(await S(qr,{},i.signal)).whatIfStatus;if(e)return;r(s),a(null),t?.(s.ready),s.ready||(n=setTimeout(o,1e3))}catch(t){if(e)return;a(t),n=setTimeout(o,3e3)}};return o(),()=>{e=!0,i.abort(),clearTimeout(n)}},[]),i?c(P,{error:i,title:`Could not read the what-if warm-up`}):!n||n.ready?null:c(`div`,{class:`notice`,children:c(L,{label:`What-if history warming up: ${n.loaded.toLocaleString(`en-US`)} of ${n.total.toLocaleString(`en-US`)} decisions loaded; figures cover only those until it finishes.`,value:n.loaded,max:Math.max(1,n.total)})})}function Yr({impact:e,title:t}){return e?e.available?c(`div`,{"aria-label":t,role:`group`,children:[c(`div`,{class:`cards`,children:[c($,{label:`Decline rate now`,value:A(e.declineRateNow,2)}),c($,{label:`Decline rate proposed`,value:A(e.declineRateProposed,2),note:j(e.declineRateNow,e.declineRateProposed)}),c($,{label:`Approved → declined`,value:e.approvedToDeclined.toLocaleString(`en-US`)}),c($,{label:`Declined → approved`,value:e.declinedToApproved.toLocaleString(`en-US`)})]}),c(`p`,{class:`muted`,children:[`Over `,e.decisions.toLocaleString(`en-US`),` decisions`,e.from&&e.to?`, ${T(e.from)} to ${T(e.to)}`:``,`.`]})]}):c(`p`,{class:`notice`,children:[`The what-if could not answer when this was submitted: `,e.note]}):c(`p`,{class:`muted`,children:`No stored impact (a version no draft published).`})}function $({label:e,value:t,note:n,testId:r}){return c(`div`,{class:`card`,"data-figure":r,children:[c(`div`,{class:`label`,children:e}),c(`div`,{class:`value`,children:t}),n&&c(`div`,{class:`muted`,children:n})]})}function Xr({rules:e,label:t}){return c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":t,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Measured value`}),c(`th`,{children:`Factor`}),c(`th`,{class:`num`,children:`Rule`}),c(`th`,{children:`Enabled`}),c(`th`,{children:`Reason when failed`})]})}),c(`tbody`,{children:e.map(e=>c(`tr`,{children:[c(`td`,{children:O(e.measuredValue)}),c(`td`,{children:O(e.factor)}),c(`td`,{class:`num`,children:[e.comparator===`GTE`?`≥`:`≤`,` `,D(e.cutoff)]}),c(`td`,{children:e.enabled?`yes`:c(`span`,{class:`badge muted`,children:`off`})}),c(`td`,{children:O(e.reasonCode)})]},e.measuredValue))})]})})}var Zr=J(`
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
`);function Qr({from:e,to:t,label:n}){let r=R(Zr,{from:e,to:t},JSON.stringify([e,t]));if(r.error)return c(P,{error:r.error,title:`Could not load the difference`});if(!r.data)return c(L,{label:`Comparing…`});let i=r.data.thresholdDiff;if(i.length===0)return c(`p`,{children:`No rule differs.`});let a=(e,t,n)=>`${e===`GTE`?`≥`:`≤`} ${D(t)}${n?``:` (off)`}`;return c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":n,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Measured value`}),c(`th`,{class:`num`,children:`Before`}),c(`th`,{class:`num`,children:`After`})]})}),c(`tbody`,{children:i.map(e=>c(`tr`,{children:[c(`td`,{children:[O(e.measuredValue),` `,c(`span`,{class:`muted`,children:O(e.factor)})]}),c(`td`,{class:`num diff-old`,children:a(e.oldComparator,e.oldCutoff,e.oldEnabled)}),c(`td`,{class:`num diff-new`,children:a(e.newComparator,e.newCutoff,e.newEnabled)})]},e.measuredValue))})]})})}J(`
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
`),J(`
  fragment SweepPointFields on SensitivityPoint {
    cutoff
    declineRate
    approvalRate
    badRate
    lossRate
  }
`);function $r({sim:e,currency:t}){let n=e.inference.available,r=e.outcomesNow,i=e.outcomesProposed,a=Sr(r,n),o=Sr(i,n),s=Cr(r,t,n),l=Cr(i,t,n),u=r.mature===0;return c(`div`,{role:`group`,"aria-label":`Outcomes now and proposed`,children:[c(`div`,{class:`cards`,children:[c($,{label:`Approval rate now`,value:A(e.approvalRateNow,2),testId:`approval-now`}),c($,{label:`Approval rate proposed`,value:A(e.approvalRateProposed,2),note:j(e.approvalRateNow,e.approvalRateProposed),testId:`approval-proposed`}),c($,{label:`Bad rate now`,value:a.text,note:a.partial??(a.interval?`inferred in part, 95 %: ${a.interval}`:void 0),testId:`bad-now`}),c($,{label:`Bad rate proposed`,value:o.text,note:[o.inferred?`inferred in part, 95 %: ${o.interval||o.text}`:o.partial??``,r.badRate!=null&&i.badRate!=null?j(r.badRate,i.badRate):``].filter(Boolean).join(`; `),testId:`bad-proposed`}),c($,{label:`Loss now`,value:s.text,note:`${A(r.lossRate,2)} of volume${s.interval?`; 95 %: ${s.interval}`:``}${s.partial?`; ${s.partial}`:``}`,testId:`loss-now`}),c($,{label:`Loss proposed`,value:l.text,note:`${A(i.lossRate,2)} of volume${l.interval?`; 95 %: ${l.interval}`:``}${l.partial?`; ${l.partial}`:``}`,testId:`loss-proposed`})]}),c(`p`,{class:`muted`,children:[`Bad: `,e.badDefinition.description,` (definition version `,e.badDefinition.version,`). Rates count mature approvals (`,r.mature.toLocaleString(`en-US`),` now) and, for purchases declined as decided, the inferred ones. Loss is written off net of recoveries, in `,t||`the market currency`,`.`]}),e.immatureShare!=null&&c(`p`,{"data-figure":`immature`,children:[c(`strong`,{children:A(e.immatureShare,1)}),` of the window's approvals are still immature (younger than `,e.badDefinition.windowMonths,` months) and left out of every rate.`]}),u&&c(`p`,{class:`notice`,children:`No approval in this window is mature yet: there is no observed bad rate or loss to compare.`}),!n&&c(`p`,{class:`notice`,"data-figure":`inference-unavailable`,children:[`Too few mature outcomes to infer how declined purchases would have repaid`,e.inference.note?` (${e.inference.note})`:``,`. Figures that need inference are left out: swap-ins and kept-declined have no bad rate.`]})]})}function ei({sim:e,currency:t}){let n=e.inference.available,r=wr(e.swapSet),i=e=>{let r=e.figures,i=Sr(r,n),a=Cr(r,t,n);return c(`td`,{"data-cell":e.key,class:i.inferred?`inferred`:void 0,title:e.meaning,children:[c(`div`,{children:c(`strong`,{children:e.title})}),c(`div`,{children:[r.decisions.toLocaleString(`en-US`),` decisions`]}),c(`div`,{children:[`bad `,c(`span`,{"data-value":`bad`,children:i.text}),i.inferred&&c(`span`,{class:`badge muted`,children:`inferred`})]}),i.interval&&c(`div`,{class:`muted`,children:[`95 %: `,i.interval]}),i.partial&&c(`div`,{class:`muted`,children:i.partial}),c(`div`,{children:[`loss `,c(`span`,{"data-value":`loss`,children:a.text})]}),a.interval&&c(`div`,{class:`muted`,children:[`95 %: `,a.interval]}),r.immature>0&&c(`div`,{class:`muted`,children:[r.immature.toLocaleString(`en-US`),` immature, left out`]})]})};return c(`div`,{class:`table-wrap`,children:[c(`table`,{class:`swapset`,"aria-label":`Swap-set: now against proposed`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{scope:`col`,children:c(`span`,{class:`visually-hidden`,children:`Now, and under the proposal`})}),c(`th`,{scope:`col`,children:`Proposed: approved`}),c(`th`,{scope:`col`,children:`Proposed: declined`})]})}),c(`tbody`,{children:[c(`tr`,{children:[c(`th`,{scope:`row`,children:`Approved now`}),i(r[0][0]),i(r[0][1])]}),c(`tr`,{children:[c(`th`,{scope:`row`,children:`Declined now`}),i(r[1][0]),i(r[1][1])]})]})]}),c(`p`,{class:`muted`,children:[`Swap-out: approved now, declined under the proposal (the loss avoided). Swap-in: declined now, approved under the proposal (the loss taken on). Inferred: purchases declined as decided never had the chance to repay; their bad rate comes from `,e.inference.method||`the reject-inference model`,e.inference.available?` fitted on ${e.inference.samples.toLocaleString(`en-US`)} mature approvals (${e.inference.bads.toLocaleString(`en-US`)} bad${e.inference.auc==null?``:`, AUC ${e.inference.auc.toFixed(3)}`})`:``,`, shown with a 95 % interval.`]})]})}var ti=e=>`${e.toFixed(1)} %`;function ni({curve:e,name:t}){let n=Tr(e.points);if(!n.hasOutcomes)return c(`p`,{class:`notice`,"data-figure":`frontier-none`,children:[`No frontier for `,t,`: no mature outcomes, so no bad rate along the sweep.`]});let r=e=>e==null?null:e*100,i=e.nowPoint,a=e.proposedPoint,o=[{x:i.approvalRate*100,y:r(i.badRate),color:`#1d4e89`,label:`now, bad rate`},{x:i.approvalRate*100,y:r(i.lossRate),color:`#1d4e89`,label:`now, loss rate`},{x:a.approvalRate*100,y:r(a.badRate),color:`#c2410c`,filled:!0,label:`proposed, bad rate`},{x:a.approvalRate*100,y:r(a.lossRate),color:`#c2410c`,filled:!0,label:`proposed, loss rate`}],s=Math.min(n.xs[0],i.approvalRate*100,a.approvalRate*100),l=Math.max(n.xs[n.xs.length-1],i.approvalRate*100,a.approvalRate*100);return c(`div`,{class:`frontier`,"data-rule":e.measuredValue,"data-proposed-x":(a.approvalRate*100).toFixed(2),children:[c(Kr,{label:`Trade-off as the ${t} cut-off sweeps: bad rate and loss rate against approval rate, with the now (ring) and proposed (disc) points`,xs:n.xs,ys:[n.bad,n.loss],series:[{label:`bad rate %`,color:`#7e22ce`},{label:`loss % of volume`,color:`#15803d`,dashed:!0}],time:!1,xLabel:`approval rate %`,xFormat:ti,yLabel:`%`,yFormat:e=>e.toFixed(1),xRange:[s,l],dots:o,height:220}),c(`ul`,{class:`frontier-points`,children:[c(`li`,{"data-point":`now`,children:[c(`span`,{class:`swatch ring`}),` `,Dr(`Now`,i)]}),c(`li`,{"data-point":`proposed`,children:[c(`span`,{class:`swatch disc`}),` `,Dr(`Proposed`,a)]})]})]})}function ri({impact:e,currency:t}){if(e.approvalRateProposed==null&&e.badRateProposed==null&&e.lossProposed==null)return c(`p`,{class:`muted`,children:`No outcome figures were stored with this submission.`});let n=br(e.badRateProposedLow,e.badRateProposedHigh);return c(`div`,{role:`group`,"aria-label":`Predicted outcomes`,children:[c(`div`,{class:`cards`,children:[c($,{label:`Approval rate now`,value:A(e.approvalRateNow,2)}),c($,{label:`Approval rate proposed`,value:A(e.approvalRateProposed,2),note:e.approvalRateNow!=null&&e.approvalRateProposed!=null?j(e.approvalRateNow,e.approvalRateProposed):void 0}),c($,{label:`Bad rate now`,value:A(e.badRateNow,1)}),c($,{label:`Predicted bad rate`,value:A(e.badRateProposed,1),note:n?`95 %: ${n}`:void 0,testId:`predicted-bad`}),c($,{label:`Loss now`,value:Q(e.lossNow,t),note:`${A(e.lossRateNow,2)} of volume`}),c($,{label:`Predicted loss`,value:Q(e.lossProposed,t),note:`${A(e.lossRateProposed,2)} of volume`,testId:`predicted-loss`})]}),c(`p`,{class:`muted`,children:[e.badDefinition?`Bad: ${e.badDefinition}. `:``,e.matureDecisions==null?``:`${e.matureDecisions.toLocaleString(`en-US`)} of the proposal's approvals had a mature, observed outcome.`]})]})}var ii=600,ai=40;function oi({decidedAt:e,repayment:t}){let n=Ir(e,t.events),i=Math.max(1,Math.floor((Date.parse(t.matureAt)-Date.parse(e))/864e5),...n.map(e=>e.day)),a=e=>10+Math.max(0,e)/i*580,o=Math.floor((Date.parse(t.matureAt)-Date.parse(e))/864e5),s=t.class===`BAD`?`declined`:t.class===`GOOD`?`approved`:`muted`;return c(`div`,{children:[c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Status`}),c(`dd`,{children:t.status?c(`span`,{class:`badge tone-${Nr(t.status)}`,children:Fr(t.status)}):c(`span`,{class:`muted`,children:`no event yet`})}),c(`dt`,{children:`Class`}),c(`dd`,{children:[c(`span`,{class:`badge ${s}`,"data-class":t.class,children:O(t.class)}),` `,c(`span`,{class:`muted`,children:t.class===`IMMATURE`?`until ${T(t.matureAt)}: neither good nor bad yet`:`mature since ${T(t.matureAt)}`})]}),c(`dt`,{children:`Outstanding`}),c(`dd`,{children:yr(t.outstandingMinor,t.currency)}),c(`dt`,{children:`Written off`}),c(`dd`,{children:yr(t.writtenOffMinor,t.currency)})]}),n.length===0?c(`p`,{children:`No repayment event has been recorded yet.`}):c(r,{children:[c(`svg`,{class:`timeline`,viewBox:`0 0 ${ii} ${ai}`,width:`100%`,role:`img`,"aria-label":`Repayment timeline: ${n.length} events over ${n[n.length-1].day} days; the table below lists them.`,children:[c(`line`,{class:`axis`,x1:10,x2:590,y1:18,y2:18}),o>=0&&c(`line`,{class:`mature`,x1:a(o),x2:a(o),y1:4,y2:32}),n.map(e=>c(`circle`,{class:`tone-${Nr(e.status)}`,cx:a(e.day),cy:18,r:e.worsened?6:4},e.eventId)),c(`text`,{x:10,y:39,children:`decided`}),o>=0&&c(`text`,{x:a(o),y:39,"text-anchor":a(o)>540?`end`:`middle`,children:`mature`})]}),c(`div`,{class:`table-wrap`,children:c(`table`,{class:`events`,"aria-label":`Repayment events`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Observed`}),c(`th`,{class:`num`,children:`Day`}),c(`th`,{children:`Status`}),c(`th`,{class:`num`,children:`Outstanding`}),c(`th`,{class:`num`,children:`Written off`})]})}),c(`tbody`,{children:n.map(e=>c(`tr`,{class:e.worsened&&Nr(e.status)!==`ok`?`failed`:void 0,children:[c(`td`,{class:`nowrap`,title:T(e.observedAt),children:e.observedAt.slice(0,10)}),c(`td`,{class:`num`,children:e.day}),c(`td`,{children:c(`span`,{class:`badge tone-${Nr(e.status)}`,children:Fr(e.status)})}),c(`td`,{class:`num`,children:yr(e.outstandingMinor,t.currency)}),c(`td`,{class:`num`,children:yr(e.writtenOffMinor,t.currency)})]},e.eventId))})]})})]})]})}var si=[B.BothApprove,B.BothDecline,B.ShadowDeclines,B.ShadowApproves];function ci(e){switch(e){case B.BothApprove:return`Both approve`;case B.BothDecline:return`Both decline`;case B.ShadowDeclines:return`Live approved, shadow would decline`;case B.ShadowApproves:return`Live declined, shadow would approve`}}function li(e){return[...e].sort((e,t)=>si.indexOf(e.agreement)-si.indexOf(t.agreement))}function ui(e){return e===he.Champion?`Champion (version in force)`:e===he.Challenger?`Challenger (split version)`:`No split`}function di(e){return e.running?e.endsAt?`running until ${T(e.endsAt)}`:`running until stopped`:e.stoppedAt?`stopped ${T(e.stoppedAt)}`:`not running`}function fi(e){let t=e.trim();if(t===``)return`percent: required, a whole number from 0 to 50`;if(!/^\d+$/.test(t))return`percent: a whole number from 0 to 50, without a % sign or decimals`;let n=Number(t);return n>50?`percent: at most 50; a challenger decides for half the shoppers or fewer`:n}function pi(e){return Xn([{label:`Live`,points:e.map(e=>({bucketStart:e.start,assessed:e.decisions,declined:e.liveDeclined,rate:e.liveDeclineRate}))},{label:`Shadow`,points:e.map(e=>({bucketStart:e.start,assessed:e.decisions,declined:e.shadowDeclined,rate:e.shadowDeclineRate}))}])}function mi(e){if(e.outcome===W.Approved)return`version ${e.version} would approve`;let t=e.reasons.map(O).join(`, `);return`version ${e.version} would decline${t?`: ${t}`:``}`}function hi(e){return Array.isArray(e)?e.filter(e=>typeof e==`object`&&!!e&&typeof e.measuredValue==`string`&&typeof e.value==`number`&&typeof e.cutoff==`number`&&(e.comparator===`GTE`||e.comparator===`LTE`)&&typeof e.passed==`boolean`):[]}function gi(e,t){return e.map(e=>{let n=t.get(e.measuredValue);if(!n||n<=0){let t=Math.abs(e.value-e.cutoff);n=e.shortfall>0&&t>0?t/e.shortfall:Math.abs(e.cutoff)||1}let r=(e.comparator===`GTE`?e.value-e.cutoff:e.cutoff-e.value)/n;return{...e,margin:r,drawn:Math.max(-3,Math.min(3,r))}})}J(`
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
`);function _i({d:e,user:t,pinned:n,pinnedNote:i,aside:a}){let o=new Map((n?.rules??[]).map(e=>[e.measuredValue,e.scale])),s=gi(hi(e.breakdown),o),l=vi(t)?c(N,{href:`/thresholds/versions/${e.thresholdVersion.id}`,children:[e.thresholdVersion.market,` version `,e.thresholdVersion.version]}):c(r,{children:[e.thresholdVersion.market,` version `,e.thresholdVersion.version]});return c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`facts-h`,children:[c(`h2`,{id:`facts-h`,children:`Facts`}),c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Outcome`}),c(`dd`,{children:[c(`span`,{class:`badge ${e.outcome===W.Approved?`approved`:`declined`}`,children:O(e.outcome)}),e.kind===H.ManualReview&&c(r,{children:[` `,c(`span`,{class:`badge info`,children:`manual review`})]})]}),e.kind===H.ManualReview&&c(r,{children:[c(`dt`,{children:`Reviewer`}),c(`dd`,{children:u(e.reviewer)}),c(`dt`,{children:`Reviewer's reason`}),c(`dd`,{children:e.reviewReason})]}),c(`dt`,{children:`Time`}),c(`dd`,{children:T(e.createdAt)}),c(`dt`,{children:`Amount`}),c(`dd`,{children:E(e.amount,e.currency)}),c(`dt`,{children:`Market`}),c(`dd`,{children:e.market}),c(`dt`,{children:`Merchant`}),c(`dd`,{children:[e.merchant.name,` (`,e.merchant.category,`, `,c(`code`,{children:e.merchant.id}),`)`]}),c(`dt`,{children:`Shopper`}),c(`dd`,{children:[c(`code`,{children:e.shopperId}),`, locale `,e.locale,`, `,e.channel]}),c(`dt`,{children:`Threshold set`}),c(`dd`,{children:[l,n&&c(`span`,{class:`muted`,children:[` `,`by `,n.author,`, approved by `,n.approver,`, `,T(n.createdAt)]})]}),e.arm&&c(r,{children:[c(`dt`,{children:`Split arm`}),c(`dd`,{"data-testid":`decision-arm`,children:ui(e.arm)})]}),e.shadows.length>0&&c(r,{children:[c(`dt`,{children:`In shadow`}),c(`dd`,{children:[c(`ul`,{"aria-label":`What the versions in shadow would have decided`,"data-testid":`decision-shadows`,children:e.shadows.map(e=>c(`li`,{children:mi(e)},e.versionId))}),c(`span`,{class:`muted`,children:`Never shown to the shopper: the decision above is what counted.`})]})]}),c(`dt`,{children:`Reason catalog`}),c(`dd`,{children:[`version id `,e.catalogVersionId]})]})]}),c(`section`,{class:`panel`,"aria-labelledby":`chart-h`,children:[c(`h2`,{id:`chart-h`,children:`Factor breakdown`}),i,e.kind===H.ManualReview&&c(`p`,{class:`muted`,children:`The factor values of the decision this one overturned: a reviewer approved the purchase although the rules in red failed.`}),c(Ei,{bars:s}),c(Di,{bars:s})]})]}),c(`div`,{children:[a,c(`section`,{class:`panel`,"aria-labelledby":`reasons-h`,children:[c(`h2`,{id:`reasons-h`,children:`Principal reasons`}),e.reasons.length===0?c(`p`,{children:e.kind===H.ManualReview?`None: a reviewer approved the purchase.`:`None: the purchase was approved.`}):c(`ol`,{children:e.reasons.map(e=>c(`li`,{children:[c(`strong`,{children:O(e.code)}),` `,c(`span`,{class:`muted`,children:[`(`,O(e.factor),`, `,O(e.measuredValue),`)`]})]},e.rank))})]}),c(`section`,{class:`panel`,"aria-labelledby":`msg-h`,children:[c(`h2`,{id:`msg-h`,children:`What the shopper saw`}),e.message?c(Kt,{message:e.message}):c(`p`,{children:`No pop-up: the purchase was approved.`})]}),e.outcome===W.Approved&&Ye(t.roles)&&c(`section`,{class:`panel`,"aria-labelledby":`repay-h`,children:[c(`h2`,{id:`repay-h`,children:`Repayment`}),e.repayment?c(oi,{decidedAt:e.createdAt,repayment:e.repayment}):c(`p`,{children:`No repayment history has been recorded for this purchase.`})]})]})]})}function vi(e){return at(e)}var yi=J(`
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
`);function bi(e,t){let n=e&&vi(t)?e.thresholdVersion.id:``;return R(yi,{id:n},n,!n)}function xi({pinned:e,user:t}){return e.error===null?vi(t)?null:c(`p`,{class:`muted`,children:`Bar lengths use scales estimated from the breakdown: the threshold set itself is for analysts.`}):c(P,{error:e.error,title:`Could not load the pinned thresholds; bars use estimated scales`})}var Si=26,Ci=230,wi=420,Ti=670;function Ei({bars:e}){let t=wi/2/3,n=e.length*Si+30,r=e.filter(e=>e.enabled&&!e.passed).length;return c(`figure`,{children:[c(`svg`,{class:`factor-chart`,viewBox:`0 0 ${Ti} ${n}`,width:`100%`,role:`img`,"aria-label":`Factor breakdown: ${e.length} rules, ${r} failed. The table below has the values.`,children:[e.map((e,n)=>{let r=n*Si,i=e.drawn>=0?440:440+e.drawn*t,a=Math.max(2,Math.abs(e.drawn)*t),o=e.enabled?e.passed?`pass`:`fail`:`off`;return c(`g`,{"data-rule":e.measuredValue,"data-result":o,children:[o===`fail`&&c(`rect`,{class:`row-failed`,x:0,y:r,width:Ti,height:Si}),c(`text`,{x:222,y:r+Si/2+4,"text-anchor":`end`,children:O(e.measuredValue)}),c(`rect`,{class:`bar ${o}`,x:i,y:r+6,width:a,height:14,rx:2})]},e.measuredValue)}),c(`line`,{class:`axis`,x1:440,x2:440,y1:0,y2:e.length*Si}),c(`text`,{x:440,y:e.length*Si+16,"text-anchor":`middle`,children:`cut-off`}),c(`text`,{x:Ci,y:e.length*Si+16,children:`← fails`}),c(`text`,{x:650,y:e.length*Si+16,"text-anchor":`end`,children:`passes →`})]}),c(`figcaption`,{class:`legend`,children:[c(`span`,{children:[c(`span`,{class:`swatch pass`}),`passed`]}),c(`span`,{children:[c(`span`,{class:`swatch fail`}),`failed`]}),c(`span`,{children:[c(`span`,{class:`swatch off`}),`rule disabled`]}),c(`span`,{children:[`bar length: distance from the cut-off in the rule's scale, up to `,3]})]})]})}function Di({bars:e}){return c(`details`,{children:[c(`summary`,{children:`Values and cut-offs`}),c(`table`,{"aria-label":`Factor values and cut-offs`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Measured value`}),c(`th`,{children:`Factor`}),c(`th`,{class:`num`,children:`Value`}),c(`th`,{class:`num`,children:`Cut-off`}),c(`th`,{children:`Result`})]})}),c(`tbody`,{children:e.map(e=>c(`tr`,{class:e.enabled&&!e.passed?`failed`:void 0,children:[c(`td`,{children:O(e.measuredValue)}),c(`td`,{children:O(e.factor)}),c(`td`,{class:`num`,children:D(e.value)}),c(`td`,{class:`num`,children:[e.comparator===`GTE`?`≥`:`≤`,` `,D(e.cutoff)]}),c(`td`,{children:e.enabled?e.passed?c(`span`,{class:`badge pass`,children:`passed`}):c(`span`,{class:`badge fail`,children:[`failed: `,O(e.reasonCode)]}):c(`span`,{class:`badge muted`,children:`disabled`})})]},e.measuredValue))})]})]})}var Oi=J(`
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
`),ki=J(`
  query DecisionIdByReference($reference: String!) {
    decisionByReference(reference: $reference) {
      id
    }
  }
`),Ai=/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;function ji({params:e,user:t}){let n=Ai.test(e.id),i=R(ki,{reference:e.id},e.id,n),a=R(Oi,{id:e.id},e.id,!n),o=a.data?.decision,l=bi(o,t),u=i.data?.decisionByReference?.id;return s(()=>{u&&M(`/decisions/${u}`,{replace:!0})},[u]),a.error||i.error?c(P,{error:a.error??i.error,title:`Could not load the decision`}):a.loading||i.loading||u?c(L,{label:`Loading the decision…`}):o?c(r,{children:[c(z,{title:`Decision ${o.reference}`,children:c(N,{href:`/decisions`,children:`← All decisions`})}),c(_i,{d:o,user:t,pinned:l.data?.thresholdVersion,pinnedNote:c(xi,{pinned:l,user:t}),aside:c(Mi,{d:o})})]}):c(r,{children:[c(z,{title:`Decision not found`}),c(`p`,{children:[`No decision has the `,n?`id`:`reference`,` `,c(`code`,{children:e.id}),`. `,c(N,{href:`/decisions`,children:`Back to the decisions`})]})]})}function Mi({d:e}){return e.reviewCases.length===0&&!e.overturns&&!e.overturnedBy?null:c(`section`,{class:`panel`,"aria-labelledby":`linked-h`,children:[c(`h2`,{id:`linked-h`,children:`Human review`}),c(`ul`,{class:`linked`,children:[e.reviewCases.map(e=>c(`li`,{children:[c(N,{href:`/reviews/${e.id}`,children:[`Review case `,e.id]}),` `,c(`span`,{class:pn(e.status),children:O(e.status)}),e.overdue&&c(r,{children:[` `,c(`span`,{class:`badge overdue`,children:`overdue`})]}),` `,c(`span`,{class:`muted`,children:[`requested `,T(e.requestedAt),`, `,e.decidedAt?`decided ${T(e.decidedAt)}`:`due ${T(e.dueAt)}`]})]},e.id)),e.overturnedBy&&c(`li`,{children:[`Overturned by the manual review decision `,c(N,{href:`/decisions/${e.overturnedBy.id}`,children:e.overturnedBy.reference})]}),e.overturns&&c(`li`,{children:[`Overturns the automated decision `,c(N,{href:`/decisions/${e.overturns.id}`,children:e.overturns.reference})]})]})]})}function Ni(t){let n=JSON.stringify(t),r=i({key:null,values:{}}),[,a]=e(0);r.current.key!==n&&(r.current={key:n,values:t});let o=(e,t)=>{r.current={key:r.current.key,values:{...r.current.values,[e]:t}},a(e=>e+1)},s=e=>t=>o(e,t.currentTarget.value);return{get values(){return r.current.values},set:o,bind:e=>({name:e,value:r.current.values[e]??``,onInput:s(e),onChange:s(e)}),reset:()=>{r.current={key:null,values:{}},a(e=>e+1)}}}function Pi(e,t){let n=i(null),r=i(void 0);return s(()=>{r.current!==void 0&&!t&&e!==r.current&&(r.current=void 0,n.current?.focus())}),{heading:n,applied:t=>{t?r.current=e:n.current?.focus()}}}function Fi(e){return`${e}: not a time; write ${Xt} in UTC, e.g. 2026-11-20 15:00`}function Ii(t){let n=a(),[r,i]=e(null),o=e=>{let n=Qt(e.value)===null?Fi(t.label):``;return e.setCustomValidity(n),n},s=(r!==null&&t.value!==void 0&&Qt(t.value)!==null?null:r)??t.paramError;return c(`div`,{class:`field`,children:[c(`label`,{for:n,children:t.label}),c(`input`,{id:n,type:`text`,class:`time-input`,name:t.name,value:t.value,defaultValue:t.defaultValue,placeholder:Xt,size:17,autoComplete:`off`,spellcheck:!1,"aria-invalid":s?!0:void 0,"aria-describedby":s?`${n}-error`:void 0,onInput:e=>{!o(e.currentTarget)&&r!==null&&i(null),t.onInput?.(e)},onBlur:e=>i(o(e.currentTarget)||null),onInvalid:e=>i(o(e.currentTarget)||null),ref:e=>{e&&o(e)}}),s&&c(`span`,{class:`field-error`,id:`${n}-error`,children:s})]})}var Li=J(`
  query Markets {
    markets {
      code
      name
      hasDecisions
    }
  }
`),Ri=null;function zi(){let e=R(Li,{},`markets`,Ri!==null);return e.data&&(Ri=e.data.markets),Ri}function Bi(e){let{anyLabel:t,paramError:n,value:r,...i}=e,o=zi(),s=a(),l=o?.some(e=>e.code===r)??!1,u=n??(r&&o&&!l?`no market ${r}: pick one of ${o.map(e=>e.code).join(`, `)}`:void 0);return c(`div`,{class:`field`,children:[c(`label`,{for:s,children:`Market`}),c(`select`,{id:s,...i,value:r,"aria-invalid":u?!0:void 0,"aria-describedby":u?`${s}-error`:void 0,children:[c(`option`,{value:``,children:t}),o?.map(e=>c(`option`,{value:e.code,children:[e.name?`${e.code} · ${e.name}`:e.code,e.hasDecisions?``:` (no decisions yet)`]},e.code)),r&&!l&&c(`option`,{value:r,children:o?`${r} (unknown)`:r})]}),u&&c(`span`,{class:`field-error`,id:`${s}-error`,children:u})]})}var Vi=[{name:`from`,kind:`time`},{name:`to`,kind:`time`},{name:`market`,kind:`text`},{name:`outcome`,kind:`text`,values:Object.values(W)},{name:`reason`,kind:`text`,values:Object.values(ve)},{name:`merchantId`,kind:`text`},{name:`merchantCategory`,kind:`text`},{name:`minAmount`,kind:`number`},{name:`maxAmount`,kind:`number`},{name:`thresholdVersionId`,kind:`id`},{name:`arm`,kind:`text`,values:Object.values(he)}];function Hi(e){let{filter:t,errors:n}=Jt(Vi,e);return{filter:t,errors:n,order:e.get(`order`)===U.OldestFirst?U.OldestFirst:U.NewestFirst,after:e.get(`after`)||null}}function Ui(e,t,n){let r=Yt(Vi,e);t!==U.NewestFirst&&r.set(`order`,t),n&&r.set(`after`,n);let i=r.toString();return i?`/decisions?${i}`:`/decisions`}function Wi(e){let t=Yt(Vi,e).toString();return t?`/export/decisions.csv?${t}`:`/export/decisions.csv`}var Gi=class{inQuotes=!1;lineOpen=!1;complete=0;push(e){for(let t=0;t<e.length;t++){let n=e.charCodeAt(t);n===34?(this.inQuotes=!this.inQuotes,this.lineOpen=!0):n===10&&!this.inQuotes?(this.complete++,this.lineOpen=!1):n!==13&&(this.lineOpen=!0)}}get records(){return this.complete+ +!!this.lineOpen}};function Ki(e,t){let n=e?.match(/filename="([^"]+)"/);return n?n[1]:t}async function qi(e,t,n){let r;try{r=await fetch(e,{credentials:`same-origin`,headers:{Accept:`text/csv`},signal:n})}catch(e){throw e.name===`AbortError`?e:new p(`could not reach the server: ${e.message}`,m,0)}if(!r.ok||!r.body){let e=await r.json().catch(()=>null);v(_(r.status,r.headers,e)??new p(`the export has no body`,`ERROR`,r.status))}let i=r.body.getReader(),a=new TextDecoder,o=new Gi,s=[],c=0;for(;;){let{done:e,value:n}=await i.read();if(e)break;s.push(n),c+=n.byteLength,o.push(a.decode(n,{stream:!0})),t({bytes:c,rows:Math.max(0,o.records-1)})}o.push(a.decode());let l=Math.max(0,o.records-1);return t({bytes:c,rows:l}),{blob:new Blob(s,{type:`text/csv`}),filename:Ki(r.headers.get(`Content-Disposition`),`export.csv`),bytes:c,rows:l}}function Ji(e,t){let n=URL.createObjectURL(e),r=document.createElement(`a`);r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var Yi=J(`
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
`),Xi=50;function Zi({query:t}){let n=Hi(t),i=t.toString(),a=R(Yi,{filter:n.filter,first:Xi,after:n.after,orderBy:n.order},i),[o,s]=e([]),l=Ni({...nn(Vi,t),order:n.order}),u=Pi(a.data,a.loading),d=e=>{e.preventDefault(),s([]);let t=Ui(rn(Vi,l.values),l.values.order===U.OldestFirst?U.OldestFirst:U.NewestFirst);l.reset(),u.applied(t!==window.location.pathname+window.location.search),M(t)},f=()=>{s([]),l.reset(),M(`/decisions`)},p=e=>{s([...o,n.after]),M(Ui(n.filter,n.order,e))},m=()=>{let e=o.slice(0,-1);s(e),M(Ui(n.filter,n.order,o[o.length-1]??null))},h=a.data?.decisions,g=n.order===U.NewestFirst;return c(r,{children:[c(z,{title:`Decisions`,children:c(Qi,{url:Wi(n.filter)})}),c(`form`,{class:`filters`,onSubmit:d,"aria-label":`Filter decisions`,children:[c(Ii,{label:`From (UTC)`,...l.bind(`from`),paramError:n.errors.from}),c(Ii,{label:`To (UTC, exclusive)`,...l.bind(`to`),paramError:n.errors.to}),c(Bi,{anyLabel:`Any`,...l.bind(`market`)}),c(`label`,{children:[`Outcome`,c(`select`,{...l.bind(`outcome`),children:[c(`option`,{value:``,children:`Any`}),Object.values(W).map(e=>c(`option`,{value:e,children:O(e)},e))]}),c(I,{msg:n.errors.outcome})]}),c(`label`,{children:[`Reason`,c(`select`,{...l.bind(`reason`),children:[c(`option`,{value:``,children:`Any`}),Object.values(ve).map(e=>c(`option`,{value:e,children:O(e)},e))]}),c(I,{msg:n.errors.reason})]}),c(`label`,{children:[`Merchant id`,c(`input`,{...l.bind(`merchantId`)})]}),c(`label`,{children:[`Merchant category`,c(`input`,{...l.bind(`merchantCategory`)})]}),c(`label`,{children:[`Min amount`,c(`input`,{type:`number`,min:`0`,step:`0.01`,...l.bind(`minAmount`)}),c(I,{msg:n.errors.minAmount})]}),c(`label`,{children:[`Max amount`,c(`input`,{type:`number`,min:`0`,step:`0.01`,...l.bind(`maxAmount`)}),c(I,{msg:n.errors.maxAmount})]}),c(`label`,{children:[`Threshold version id`,c(`input`,{inputMode:`numeric`,...l.bind(`thresholdVersionId`)}),c(I,{msg:n.errors.thresholdVersionId})]}),c(`label`,{children:[`Split arm`,c(`select`,{...l.bind(`arm`),children:[c(`option`,{value:``,children:`Any`}),Object.values(he).map(e=>c(`option`,{value:e,children:ui(e)},e))]}),c(I,{msg:n.errors.arm})]}),c(`label`,{children:[`Order`,c(`select`,{...l.bind(`order`),children:[c(`option`,{value:U.NewestFirst,children:`Newest first`}),c(`option`,{value:U.OldestFirst,children:`Oldest first`})]})]}),c(`div`,{class:`actions`,children:[c(`button`,{type:`submit`,children:`Apply filters`}),c(`button`,{type:`button`,class:`secondary`,onClick:f,children:`Clear`})]})]}),c(`h2`,{class:`results-heading`,tabIndex:-1,ref:u.heading,children:a.loading?`Loading decisions…`:h?`${k(h.nodes.length,`decision`)} ${n.after||h.pageInfo.hasNextPage?`on this page`:`found`}, ${g?`newest`:`oldest`} first`:`No decisions shown`}),a.error!==null&&c(P,{error:a.error,title:`Could not load decisions`}),a.loading&&c(L,{label:`Loading decisions…`}),h&&c(r,{children:[c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Decisions`,"aria-busy":a.loading,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{"aria-sort":g?`descending`:`ascending`,children:[`Time (UTC) `,g?`▼`:`▲`]}),c(`th`,{children:`Reference`}),c(`th`,{children:`Market`}),c(`th`,{children:`Merchant`}),c(`th`,{class:`num`,children:`Amount`}),c(`th`,{children:`Outcome`}),c(`th`,{children:`Reasons`}),c(`th`,{children:`Thresholds`})]})}),c(`tbody`,{children:h.nodes.map(e=>c(`tr`,{children:[c(`td`,{children:T(e.createdAt)}),c(`td`,{children:c(N,{href:`/decisions/${e.id}`,children:e.reference})}),c(`td`,{children:e.market}),c(`td`,{children:[e.merchant.name,` `,c(`span`,{class:`muted`,children:e.merchant.category})]}),c(`td`,{class:`num`,children:E(e.amount,e.currency)}),c(`td`,{children:[c(`span`,{class:`badge ${e.outcome===W.Approved?`approved`:`declined`}`,children:O(e.outcome)}),e.kind===H.ManualReview&&c(r,{children:[` `,c(`span`,{class:`badge info`,children:`manual review`})]})]}),c(`td`,{children:e.reasons.map(e=>O(e.code)).join(`; `)}),c(`td`,{children:[e.market,` v`,e.thresholdVersion.version]})]},e.id))})]})}),h.nodes.length===0&&c(`p`,{children:`No decision matches these filters.`}),c(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:m,disabled:!n.after,children:o.length>0?`Previous page`:`First page`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>h.pageInfo.endCursor&&p(h.pageInfo.endCursor),disabled:!h.pageInfo.hasNextPage,children:`Next page`}),c(`span`,{class:`muted`,children:[k(h.nodes.length,`decision`),` on this page, `,g?`newest`:`oldest`,` first`]})]})]})]})}function Qi({url:t}){let[n,r]=e(null),[a,o]=e(null),[s,l]=e(null),u=i(null);return c(`div`,{class:`export`,children:[n?c(`div`,{class:`toolbar`,children:[c(L,{label:`Exporting… ${ee(n.bytes)}, ${k(n.rows,`row`)} received`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>u.current?.abort(),children:`Cancel export`})]}):c(`button`,{type:`button`,onClick:async()=>{let e=new AbortController;u.current=e,l(null),o(null),r({bytes:0,rows:0});try{let n=await qi(t,r,e.signal);Ji(n.blob,n.filename),o(`Saved ${n.filename}: ${k(n.rows,`row`)}, ${ee(n.bytes)}.`)}catch(t){e.signal.aborted||l(t)}finally{u.current=null,r(null)}},children:`Export CSV`}),a&&c(`p`,{class:`muted`,role:`status`,children:a}),s!==null&&c(P,{error:s,title:`Export failed`})]})}function $i({user:e,pages:t}){let n=t.find(t=>t.nav&&Ve(e,t));return s(()=>{n&&M(n.path,{replace:!0})},[n]),n?null:c(r,{children:[c(z,{title:`No pages for your roles`}),c(`p`,{children:[`You are signed in as `,e.username,` with the roles `,e.roles.join(`, `)||`none`,`; none of the console's pages is open to them. Ask an administrator for the role you need.`]})]})}function ea({user:e}){let t=ze(e,`page`),n=Date.now(),i=t.work;return c(r,{children:[c(z,{title:`Waiting for you`}),t.error!==null&&c(P,{error:t.error,title:`Could not load what waits for you`}),!t.loaded&&t.error===null&&c(L,{label:`Looking for what waits for you…`}),t.loaded&&t.count===0&&c(`p`,{children:`Nothing waits for you now.`}),t.loaded&&Fe(e)&&c(`section`,{class:`panel`,"aria-labelledby":`inbox-subs-h`,children:[c(`h2`,{id:`inbox-subs-h`,children:[`Submissions awaiting your approval (`,t.theirs.length,`)`]}),t.theirs.length===0?c(`p`,{children:`No submission by someone else awaits approval.`}):c(na,{list:t.theirs,now:n}),t.own.length>0&&c(`p`,{class:`muted`,children:[k(t.own.length,`submission`),` of yours `,t.own.length===1?`waits`:`wait`,` for another approver:`,` `,t.own.map((e,t)=>c(r,{children:[t>0&&`, `,c(N,{href:e.href,children:ta(e)})]})),`.`]}),t.moreSubmissions&&c(`p`,{class:`muted`,children:`Only the newest submissions of each kind (100 drafts, 30 split and 30 retention requests) are looked at.`})]}),t.loaded&&i&&c(`section`,{class:`panel`,"aria-labelledby":`inbox-cases-h`,children:[c(`h2`,{id:`inbox-cases-h`,children:`Review cases`}),c(ra,{title:`Overturns awaiting your second approval`,cases:i.second,now:n,empty:`No overturn waits for a second reviewer.`}),c(ra,{title:`Claimed by you, not yet decided`,cases:i.claimed,now:n,empty:`You have no case in review.`}),c(ra,{title:`Unclaimed${t.moreOpen?` (the 50 soonest due)`:``}`,cases:i.open,now:n,empty:`No case waits for a reviewer.`}),c(`p`,{children:c(N,{href:`/reviews?status=OPEN`,children:`All unclaimed cases in the queue`})})]})]})}function ta(e){return e.kind===`thresholds`?`${e.market} threshold draft ${e.id}`:e.kind===`split`?`${e.market} split request ${e.id}`:e.kind===`retention`?`${e.market} retention policy request ${e.id}`:`Catalog draft ${e.id}`}function na({list:e,now:t}){return c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Submissions awaiting your approval`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Submission`}),c(`th`,{children:`Market`}),c(`th`,{children:`Submitted by`}),c(`th`,{children:`Waiting`}),c(`th`,{children:`Submitted (UTC)`})]})}),c(`tbody`,{children:e.map(e=>c(`tr`,{"data-submission":`${e.kind}-${e.id}`,children:[c(`td`,{children:c(N,{href:e.href,children:ta(e)})}),c(`td`,{children:e.market??`all (reason texts)`}),c(`td`,{children:u(e.author)}),c(`td`,{children:te(e.submittedAt,t)}),c(`td`,{children:T(e.submittedAt)})]},`${e.kind}${e.id}`))})]})})}function ra({title:e,cases:t,now:n,empty:i}){return c(r,{children:[c(`h3`,{children:[e,` (`,t.length,`)`]}),t.length===0?c(`p`,{class:`muted`,children:i}):c(`ul`,{class:`inbox-cases`,"aria-label":e,children:t.map(e=>c(`li`,{"data-case":e.id,children:[c(N,{href:`/reviews/${e.id}`,children:[`Case `,e.id]}),` · `,e.market,` · due `,T(e.dueAt),` `,c(`span`,{class:e.overdue?`badge overdue`:Ee(e,n)?`badge warn`:`muted`,children:fn(e.dueAt,e.status,n)})]},e.id))})]})}var ia=J(`
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
`);function aa(e,t){let n=t<=1?1:e/(t-1);return`hsl(212, 70%, ${Math.round(78-n*50)}%)`}function oa({market:t,wait:n=!1}){let[i,a]=e(t||re[0]),[o,s]=e(`badRate`),[l,u]=e(!1),d=R(ia,{market:i},i,n),f=d.data?.vintages,p=f?l?Ar(f.series,o):kr(f.series,o):null,m=f?jr(f.series,f.activations):new Map,h=f&&l?f.activations.map(e=>({id:e.id,x:Math.floor(Date.parse(e.activatedAt)/1e3),label:`${f.market} activation ${T(e.activatedAt)}`,lines:[`${f.market} thresholds activated${e.emergency?` (emergency rollback)`:``}`,T(e.activatedAt),`by ${e.activatedBy}`]})):[],g=o===`badRate`?`bad rate`:`loss rate`,_=new Map;for(let[,e]of m)e&&_.set(e,`${e} ▲`);let v=p?p.labels.map(e=>_.get(e)??e):[];return c(`section`,{class:`panel`,"aria-labelledby":`vintages-h`,children:[c(`h2`,{id:`vintages-h`,children:`Vintage curves`}),c(`div`,{class:`filters compact`,role:`group`,"aria-label":`Vintage curve settings`,children:[c(`label`,{children:[`Vintages of market`,c(`select`,{name:`vintage-market`,value:i,onChange:e=>a(e.currentTarget.value),children:re.map(e=>c(`option`,{value:e,children:e},e))})]}),c(`label`,{children:[`Measure`,c(`select`,{name:`vintage-measure`,value:o,onChange:e=>s(e.currentTarget.value),children:[c(`option`,{value:`badRate`,children:`Bad rate`}),c(`option`,{value:`lossRate`,children:`Loss (share of volume)`})]})]}),c(`label`,{children:[`Horizontal axis`,c(`select`,{name:`vintage-axis`,value:l?`calendar`:`age`,onChange:e=>u(e.currentTarget.value===`calendar`),children:[c(`option`,{value:`age`,children:`Months since decision`}),c(`option`,{value:`calendar`,children:`Calendar month (activations marked)`})]})]})]}),d.error!==null&&c(P,{error:d.error,title:`Could not load the vintage curves`}),(d.loading||n)&&c(L,{label:`Loading vintage curves…`}),f&&p&&c(r,{children:[c(`p`,{class:`muted`,children:[f.market,`, vintages from `,T(f.from),` to `,T(f.to),`: the `,g,` of each month's approvals by the end of each month since the decision. Bad:`,` `,f.badDefinition.description,` (version `,f.badDefinition.version,`). `,f.activations.length,` threshold `,f.activations.length===1?`activation`:`activations`,l?` (● markers above the chart).`:` (▲ marks the first vintage decided under each; switch to calendar months to see them on the axis).`]}),p.xs.length===0?c(`p`,{children:`No approved vintages in this range.`}):c(Kr,{label:`Vintage curves of ${f.market}: ${g} in percent by ${l?`calendar month`:`months since the decision`}, one line per vintage`,xs:p.xs,ys:p.ys,series:v.map((e,t)=>({label:e,color:aa(t,v.length)})),time:l,xLabel:l?void 0:`months since decision`,xFormat:l?void 0:e=>String(e),yLabel:`${g} %`,yFormat:e=>e.toFixed(1),markers:h,height:280}),c(`details`,{children:[c(`summary`,{children:`Vintages and activations`}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Vintages`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Vintage`}),c(`th`,{class:`num`,children:`Approved`}),c(`th`,{class:`num`,children:`Volume`}),c(`th`,{class:`num`,children:`Months lived`}),c(`th`,{class:`num`,children:`Bad rate so far`}),c(`th`,{class:`num`,children:`Loss so far`})]})}),c(`tbody`,{children:f.series.map(e=>{let t=e.points.at(-1);return c(`tr`,{children:[c(`td`,{children:Or(e)}),c(`td`,{class:`num`,children:e.approved.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:Q(e.volume,vr(f.market))}),c(`td`,{class:`num`,children:e.points.length}),c(`td`,{class:`num`,children:t?`${(t.badRate*100).toFixed(2)} %`:`–`}),c(`td`,{class:`num`,children:t?Q(t.loss,vr(f.market)):`–`})]},`${e.vintage}-${e.group??``}`)})})]})}),c(`table`,{"aria-label":`Activations against vintages`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Activated (UTC)`}),c(`th`,{children:`First vintage under it`}),c(`th`,{children:`Version`})]})}),c(`tbody`,{children:f.activations.map(e=>c(`tr`,{children:[c(`td`,{children:T(e.activatedAt)}),c(`td`,{children:m.get(e.id)??`none yet`}),c(`td`,{children:c(N,{href:`/thresholds/versions/${e.versionId}`,children:`open`})})]},e.id))})]})]})]})]})}var sa=J(`
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
`),ca=J(`
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
`),la=J(`
  query OverviewOverturnRates($filter: OverturnRateFilter!) {
    overturnRates(filter: $filter) {
      market
      reason
      decided
      overturned
      rate
    }
  }
`),ua=J(`
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
`);function da(e){let t=re.indexOf(e);return t>=0?Yn[t]:void 0}var fa=[`UTC`,`Europe/London`,`Europe/Berlin`,`Europe/Stockholm`,`America/New_York`,`America/Chicago`,`America/Los_Angeles`],pa=36e5;function ma(e,t){let n=Math.ceil(t/pa)*pa,r={},i=t=>e.get(t)?.trim()||null,a=(e,t)=>{let n=i(e);return n!==null&&en(n)===null&&(r[e]=`${tn}; showing the default`),new Date(n!==null&&!r[e]?n:t).toISOString().replace(`.000Z`,`Z`)},o=(e,t,n)=>{let a=i(e);if(a===null)return t;let o=Number(a);return Number.isFinite(o)&&o>0&&(!n||Number.isInteger(o))?o:(r[e]=`must be a ${n?`whole number`:`number`} above 0; showing ${t}`,t)},s=Object.values(pe),c=i(`bucket`);c!==null&&!s.includes(c)&&(r.bucket=`${c} is not a bucket (${s.map(O).join(`, `)}); showing Day`);let l=i(`market`)?.toUpperCase()??``;return l&&!/^[A-Z]{2}$/.test(l)&&(r.market=`${l} is not a market code such as DE; showing all markets`),{from:a(`from`,n-2160*pa),to:a(`to`,n),bucket:c!==null&&s.includes(c)?c:pe.Day,timeZone:i(`tz`)??`UTC`,market:r.market?``:l,threshold:o(`z`,4,!1),minVolume:o(`minVolume`,20,!0),errors:r}}function ha(e,t){let n=(n,r)=>e.errors[n]?t.get(n)?.trim()??``:r;return{from:n(`from`,$t(e.from)),to:n(`to`,$t(e.to)),bucket:e.bucket,tz:e.timeZone,market:n(`market`,e.market),z:String(e.threshold),minVolume:String(e.minVolume)}}function ga({source:e,freshAsOf:t}){return c(`p`,{class:`source`,children:[`Source: `,e===me.Rollup?`hourly rollups`:`the decisions themselves`,t?`, complete up to ${T(t)}`:``,`.`]})}function _a({query:e,user:t}){let n=ma(e,Date.now()),i=n.market||null,a={from:n.from,to:n.to,market:i},o=JSON.stringify(n),l=R(sa,{filter:a,bucket:n.bucket,timeZone:n.timeZone,market:i,from:n.from,to:n.to},o),u=l.loading&&!l.data,d=R(ca,{filter:a},JSON.stringify(a),u),f=R(la,{filter:a},JSON.stringify(a)),p=n.bucket===pe.Hour?pe.Hour:pe.Day,m=R(ua,{from:n.from,to:n.to,market:i,bucket:p,threshold:n.threshold,minVolume:n.minVolume},JSON.stringify([n.from,n.to,i,p,n.threshold,n.minVolume]),u),h=m.loading||!m.data&&m.error===null;s(()=>void Kr.preload().catch(()=>{}),[]);let g=Ni(ha(n,e)),_=e=>{e.preventDefault();let t=g.values,n=new URLSearchParams;for(let e of[`from`,`to`]){let r=t[e].trim();r&&n.set(e,Qt(r)??r)}for(let e of[`bucket`,`tz`,`market`,`z`,`minVolume`]){let r=t[e].trim();r&&n.set(e,r)}g.reset(),M(`/overview?${n.toString()}`),document.getElementById(`rates-h`)?.focus()},v=()=>{g.reset(),M(`/overview`)},y=l.data?.declineRates,b=y?Xn(y.series.map(e=>({label:e.market??`(none)`,points:e.points}))):null,x=b&&l.data?Qn(l.data.thresholdActivations,b.labels,X(n.from),X(n.to)):[],S=m.data?.anomalies.anomalies??[],C=b?$n(S,b):[],w=x.map(e=>({id:e.id,x:e.x,color:e.series>=0?void 0:`#4b5563`,label:`${e.market} version ${e.version} activated ${T(new Date(e.x*1e3).toISOString())} by ${e.activatedBy}`,lines:[`${e.market} thresholds version ${e.version}${e.emergency?` (emergency rollback)`:``}`,`activated ${T(new Date(e.x*1e3).toISOString())}`,`by ${e.activatedBy}`,`written by ${e.author}, approved by ${e.approver}`]})),E=C.map(e=>({x:e.x,y:e.y,series:e.series,label:e.anomaly.market})),D=y?{from:X(y.from),to:X(y.to)}:null,ee=e=>{if(!y||!b||!D)return;let t=ur(e.x,y.bucket,y.timeZone,D);M(va({market:y.series[e.series]?.market??null,from:cr(t.from),to:cr(t.to),outcome:W.Declined}))},k=(t,n)=>{let r=b&&y&&D?dr(t,n,b.xs,y.bucket,y.timeZone,D):null;r&&M(`/overview?${fr(e,r).toString()}`)},j=e.has(`unzoom`);return c(r,{children:[c(z,{title:`Overview`}),c(`form`,{class:`filters`,onSubmit:_,"aria-label":`Range and buckets`,children:[c(Ii,{label:`From (UTC)`,...g.bind(`from`),paramError:n.errors.from}),c(Ii,{label:`To (UTC, exclusive)`,...g.bind(`to`),paramError:n.errors.to}),c(`label`,{children:[`Bucket`,c(`select`,{...g.bind(`bucket`),children:Object.values(pe).map(e=>c(`option`,{value:e,children:O(e)},e))}),c(I,{msg:n.errors.bucket})]}),c(`label`,{children:[`Time zone of the buckets`,c(`input`,{list:`timezones`,...g.bind(`tz`)}),c(`datalist`,{id:`timezones`,children:fa.map(e=>c(`option`,{value:e},e))})]}),c(Bi,{anyLabel:`All markets`,...g.bind(`market`),paramError:n.errors.market}),c(`label`,{children:[`Anomaly score at least (σ)`,c(`input`,{type:`number`,min:`0.5`,step:`0.5`,...g.bind(`z`)}),c(I,{msg:n.errors.z})]}),c(`label`,{children:[`Anomaly minimum decisions`,c(`input`,{type:`number`,min:`1`,step:`1`,...g.bind(`minVolume`)}),c(I,{msg:n.errors.minVolume})]}),c(`div`,{class:`actions`,children:[c(`button`,{type:`submit`,children:`Show`}),c(`button`,{type:`button`,class:`secondary`,onClick:v,children:`Last 90 days`})]})]}),c(`section`,{class:`panel`,"aria-labelledby":`rates-h`,children:[c(`h2`,{id:`rates-h`,tabIndex:-1,children:`Decline rate by market`}),l.error!==null&&c(P,{error:l.error,title:`Could not load the decline rates`}),l.loading&&c(L,{label:`Loading decline rates…`}),y&&b&&c(r,{children:[c(`p`,{class:`muted`,children:[T(y.from),` to `,T(y.to),`, `,O(y.bucket).toLowerCase(),` buckets in `,y.timeZone,`.`,` `,x.length,` threshold `,x.length===1?`activation`:`activations`,` (● markers above the chart; hover or focus one, press it to open the version),`,` `,h?`anomalous buckets still being scored`:m.data?`${C.length} anomalous ${C.length===1?`bucket`:`buckets`} (red rings)`:`anomalous buckets not known (they could not be scored)`,`.`,y.omittedSeries>0&&` ${y.omittedSeries} series left out.`]}),b.xs.length>0&&c(`p`,{class:`muted chart-help`,children:[`Click a point to list its declined decisions; drag across the chart to zoom in.`,` `,j&&c(`button`,{type:`button`,class:`secondary`,onClick:()=>M(`/overview?${pr(e).toString()}`),children:`Reset zoom`})]}),b.xs.length===0?c(`p`,{children:`No decisions in this range.`}):c(Kr,{label:`Decline rate in percent per ${O(y.bucket).toLowerCase()}, one line per market`,xs:b.xs,ys:b.ys,series:b.labels.map(e=>({label:e,color:da(e)})),yLabel:`decline rate %`,timeZone:y.timeZone,xRange:[X(y.from),X(y.to)],markers:w,rings:E,onMarker:e=>{let t=x.find(t=>t.id===e);t&&M(`/thresholds/versions/${t.versionId}`)},onPick:ee,onZoom:k}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Decline rate per market over the range`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Market`}),c(`th`,{class:`num`,children:`Assessed`}),c(`th`,{class:`num`,children:`Declined`}),c(`th`,{class:`num`,children:`Decline rate`})]})}),c(`tbody`,{children:y.series.map(e=>c(`tr`,{children:[c(`td`,{children:e.market}),c(`td`,{class:`num`,children:e.assessed.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:c(N,{href:va({market:e.market??null,from:n.from,to:n.to,outcome:W.Declined}),children:e.declined.toLocaleString(`en-US`)})}),c(`td`,{class:`num`,children:A(e.rate)})]},e.market))})]})}),c(ga,{source:y.source,freshAsOf:y.freshAsOf}),c(`h3`,{children:`Threshold activations in the range`}),x.length===0?c(`p`,{children:`None.`}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Threshold activations`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Time (UTC)`}),c(`th`,{children:`Market`}),c(`th`,{children:`Version`}),c(`th`,{children:`Activated by`}),c(`th`,{children:`Author / approver`})]})}),c(`tbody`,{children:x.map(e=>c(`tr`,{children:[c(`td`,{children:T(new Date(e.x*1e3).toISOString())}),c(`td`,{children:e.market}),c(`td`,{children:[c(N,{href:`/thresholds/versions/${e.versionId}`,children:[`version `,e.version]}),e.emergency&&c(`span`,{class:`badge declined`,children:` emergency`})]}),c(`td`,{children:e.activatedBy}),c(`td`,{children:[e.author,` / `,e.approver]})]},e.id))})]})})]})]}),Ye(t.roles)&&c(oa,{market:n.market,wait:u},n.market),c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`anomalies-h`,children:[c(`h2`,{id:`anomalies-h`,children:`Anomalies`}),c(`p`,{class:`muted`,children:[O(p),` buckets (UTC) whose decline rate departs from the same `,p===pe.Hour?`hour`:`day`,` of the week over the 4 weeks before by at least `,n.threshold,` σ, with at least `,n.minVolume,` decisions.`]}),m.error!==null&&c(P,{error:m.error,title:`Could not load the anomalies`}),h&&c(L,{label:`Scoring anomalies…`}),m.data&&c(r,{children:[S.length===0?c(`p`,{children:`No anomaly in this range.`}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Anomalies`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Bucket (UTC)`}),c(`th`,{children:`Market`}),c(`th`,{children:`What moved`}),c(`th`,{class:`num`,children:`Rate`}),c(`th`,{class:`num`,children:`Baseline`}),c(`th`,{class:`num`,children:`Score`}),c(`th`,{children:`Main reason`})]})}),c(`tbody`,{children:S.map(e=>c(ba,{href:ya(e,p),children:[c(`td`,{children:c(N,{href:ya(e,p),children:T(e.bucketStart)})}),c(`td`,{children:e.market}),c(`td`,{children:e.reason?O(e.reason):`decline rate`}),c(`td`,{class:`num`,children:[A(e.rate),` `,c(`span`,{class:`muted`,children:[`(`,e.declined,`/`,e.assessed,`)`]})]}),c(`td`,{class:`num`,children:A(e.baselineRate)}),c(`td`,{class:`num ${e.zScore>0?`up`:`down`}`,children:[e.zScore>0?`+`:``,e.zScore.toFixed(1),` σ`]}),c(`td`,{children:e.mainReason?O(e.mainReason):`–`})]},`${e.bucketStart}-${e.market}-${e.reason??``}`))})]})}),m.data.anomalies.omitted>0&&c(`p`,{class:`muted`,children:[m.data.anomalies.omitted,` more left out.`]}),c(ga,{source:m.data.anomalies.source,freshAsOf:m.data.anomalies.freshAsOf})]})]}),c(xa,{state:f})]}),c(`section`,{class:`panel`,"aria-labelledby":`reasons-h`,children:[c(`h2`,{id:`reasons-h`,children:`Why purchases were declined`}),d.error!==null&&c(P,{error:d.error,title:`Could not load the reason breakdown`}),(d.loading||u)&&c(L,{label:`Loading the reason breakdown…`}),d.data&&c(r,{children:[c(`p`,{children:[d.data.reasonBreakdown.declined.toLocaleString(`en-US`),` of `,d.data.reasonBreakdown.assessed.toLocaleString(`en-US`),` purchases declined, by principal reason:`]}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Declines by principal reason`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Principal reason`}),c(`th`,{class:`num`,children:`Declines`}),c(`th`,{children:`Share of declines`}),c(`th`,{class:`num`,children:`Of all`})]})}),c(`tbody`,{children:d.data.reasonBreakdown.reasons.map(e=>c(ba,{href:va({reason:e.reason,market:i,from:n.from,to:n.to}),children:[c(`td`,{children:[c(N,{href:va({reason:e.reason,market:i,from:n.from,to:n.to}),children:O(e.reason)}),` `,c(`span`,{class:`muted`,children:O(e.factor)})]}),c(`td`,{class:`num`,children:e.declined.toLocaleString(`en-US`)}),c(`td`,{children:[c(`meter`,{min:0,max:1,value:e.share,"aria-label":`${O(e.reason)} share`}),` `,A(e.share)]}),c(`td`,{class:`num`,children:A(e.rate)})]},e.reason))})]})}),c(ga,{source:d.data.reasonBreakdown.source,freshAsOf:d.data.reasonBreakdown.freshAsOf})]})]})]})]})}function va(e){return Ui(Object.fromEntries(Object.entries(e).filter(([,e])=>e!=null)),U.NewestFirst)}function ya(e,t){let n=ur(X(e.bucketStart),t,`UTC`,{from:-1/0,to:1/0});return va({market:e.market,from:cr(n.from),to:cr(n.to),outcome:W.Declined,reason:e.reason??null})}function ba({href:e,children:t}){return c(`tr`,{class:`row-link`,onClick:t=>{t.target.closest(`a, button, input, select`)||window.getSelection()?.toString()||M(e)},children:t})}function xa({state:e}){let t=e.data?.overturnRates??[];return c(`section`,{class:`panel`,"aria-labelledby":`overturns-h`,children:[c(`h2`,{id:`overturns-h`,children:`Human reviews overturned`}),e.error!==null&&c(P,{error:e.error,title:`Could not load the overturn rates`}),e.loading&&c(L,{label:`Loading the overturn rates…`}),e.data&&t.length===0&&c(`p`,{children:`No review was decided in this range.`}),t.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Overturn rates by market and principal reason`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Market`}),c(`th`,{children:`Principal reason`}),c(`th`,{class:`num`,children:`Decided`}),c(`th`,{class:`num`,children:`Overturned`}),c(`th`,{class:`num`,children:`Overturn rate`})]})}),c(`tbody`,{children:t.map(e=>c(`tr`,{children:[c(`td`,{children:e.market}),c(`td`,{children:O(e.reason)}),c(`td`,{class:`num`,children:e.decided.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:e.overturned.toLocaleString(`en-US`)}),c(`td`,{class:`num`,children:A(e.rate)})]},`${e.market} ${e.reason}`))})]})}),c(`p`,{class:`source`,children:`Cases count by when they were decided; the reason is the reviewed decision’s first-ranked one.`})]})}var Sa=J(`
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
`),Ca=J(`
  mutation ClaimReviewCase($id: ID!) {
    claimReviewCase(id: $id) {
      id
      status
    }
  }
`),wa=J(`
  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {
    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {
      id
      status
    }
  }
`),Ta=J(`
  mutation ApproveOverturn($id: ID!, $comment: String) {
    approveOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`),Ea=J(`
  mutation RejectOverturn($id: ID!, $comment: String!) {
    rejectOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`);function Da({params:e,user:t}){let n=R(Sa,{id:e.id},e.id),i=n.data?.reviewCase,a=bi(i?.decision,t);return n.error!==null&&!i?c(P,{error:n.error,title:`Could not load the review case`}):n.loading&&!i?c(L,{label:`Loading the review case…`}):i?c(r,{children:[c(z,{title:`Review case ${i.id}`,children:[c(`span`,{class:pn(i.status),"data-testid":`case-status`,children:O(i.status)}),c(N,{href:`/reviews`,children:`← All reviews`})]}),c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(Oa,{c:i}),c(Aa,{c:i,user:t,onChanged:n.reload})]}),c(`div`,{children:c(ka,{c:i})})]}),c(`h2`,{children:[`The reviewed decision `,i.decision.reference]}),c(_i,{d:i.decision,user:t,pinned:a.data?.thresholdVersion,pinnedNote:c(xi,{pinned:a,user:t})})]}):c(r,{children:[c(z,{title:`Review case not found`}),c(`p`,{children:[`No review case has the id `,c(`code`,{children:e.id}),`. `,c(N,{href:`/reviews`,children:`Back to the reviews`})]})]})}function Oa({c:e}){return c(`section`,{class:`panel`,"aria-labelledby":`request-h`,children:[c(`h2`,{id:`request-h`,children:`The shopper's request`}),c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Requested`}),c(`dd`,{children:[T(e.requestedAt),` `,c(`span`,{class:`muted`,children:[`through `,u(e.requestedBy)]})]}),c(`dt`,{children:`Answer due`}),c(`dd`,{children:[T(e.dueAt),` `,e.overdue&&c(`span`,{class:`badge overdue`,children:`Overdue`}),` `,c(`span`,{class:`muted`,"data-testid":`case-due`,children:fn(e.dueAt,e.status,Date.now())})]}),c(`dt`,{children:`Market`}),c(`dd`,{children:e.market}),c(`dt`,{children:`Shopper's locale`}),c(`dd`,{children:e.locale})]}),c(`h3`,{children:`Their statement`}),c(`blockquote`,{class:`statement`,lang:e.locale,"aria-label":`The shopper's statement`,children:e.statement})]})}function ka({c:e}){return c(`section`,{class:`panel`,"aria-labelledby":`notices-h`,children:[c(`h2`,{id:`notices-h`,children:`Notices sent to the shopper`}),e.notices.length===0?c(`p`,{children:`None yet.`}):c(`ol`,{class:`notices`,"aria-label":`Notices`,children:e.notices.map((e,t)=>c(`li`,{lang:e.locale,"data-notice":e.kind,children:[c(`strong`,{children:e.title}),` `,c(`span`,{class:`muted`,children:[O(e.kind),`, `,e.locale,`, sent `,T(e.sentAt)]}),c(`p`,{children:e.body})]},t))})]})}function Aa({c:t,user:n,onChanged:i}){let[a,o]=e(``),[s,l]=e(``),[d,f]=e(``),[p,m]=e(!1),[h,g]=e(null),_=mn(t,n),v=async(e,t)=>{m(!0),g(null);try{await e(),t()}catch(e){g(e)}finally{m(!1),i(),Ne()}},y=()=>v(()=>S(Ca,{id:t.id}),()=>{}),b=e=>{e.preventDefault(),a&&v(()=>S(wa,{id:t.id,outcome:a,reason:s}),()=>{o(``),l(``)})},x=e=>v(()=>e?S(Ta,{id:t.id,comment:d.trim()||null}):S(Ea,{id:t.id,comment:d}),()=>f(``));return c(`section`,{class:`panel`,"aria-labelledby":`review-h`,children:[c(`h2`,{id:`review-h`,children:`Review`}),c(`dl`,{class:`facts`,children:[c(`dt`,{children:`Status`}),c(`dd`,{children:c(`span`,{class:pn(t.status),children:O(t.status)})}),c(`dt`,{children:`Reviewer`}),c(`dd`,{children:t.reviewer?`${u(t.reviewer)}, claimed ${T(t.claimedAt)}`:`nobody yet`}),t.outcome&&c(r,{children:[c(`dt`,{children:`Outcome`}),c(`dd`,{"data-testid":`case-outcome`,children:[O(t.outcome),t.decidedAt&&c(`span`,{class:`muted`,children:[` · `,T(t.decidedAt)]})]}),c(`dt`,{children:`Reason`}),c(`dd`,{children:t.reason})]}),c(`dt`,{children:`Second review`}),c(`dd`,{children:t.secondReviewRequired?`an overturn needs a second reviewer (the amount is above the market’s limit)`:`not needed for an overturn`}),t.secondReviewer&&t.status!==G.InReview&&c(r,{children:[c(`dt`,{children:`Second reviewer`}),c(`dd`,{children:[u(t.secondReviewer),`, `,T(t.secondReviewedAt),t.secondReviewComment?`: “${t.secondReviewComment}”`:``]})]}),t.newDecision&&c(r,{children:[c(`dt`,{children:`New decision`}),c(`dd`,{children:[at(n)?c(N,{href:`/decisions/${t.newDecision.id}`,children:t.newDecision.reference}):c(`code`,{children:t.newDecision.reference}),` `,c(`span`,{class:`muted`,children:`(manual review, approved)`})]})]})]}),_===`none`&&un(t.status)&&!n.roles.includes(`REVIEWER`)&&c(`p`,{class:`muted`,children:`Only a reviewer works this case; you can read it.`}),_===`claim`&&c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:y,disabled:p,children:`Claim this case`}),c(`span`,{class:`muted`,children:`You become its reviewer; nobody else can decide it.`})]}),_===`claimedByOther`&&c(`p`,{class:`notice`,children:[u(t.reviewer),` has claimed this case: only they decide it.`]}),_===`decide`&&c(`form`,{class:`stack`,onSubmit:b,"aria-label":`Decide the review`,children:[c(`fieldset`,{children:[c(`legend`,{children:`Outcome`}),c(`label`,{class:`check`,children:[c(`input`,{type:`radio`,name:`outcome`,value:xe.Uphold,checked:a===xe.Uphold,onChange:()=>o(xe.Uphold)}),`Uphold: the decline stands`]}),c(`label`,{class:`check`,children:[c(`input`,{type:`radio`,name:`outcome`,value:xe.Overturn,checked:a===xe.Overturn,onChange:()=>o(xe.Overturn)}),`Overturn: approve the purchase with a new decision`,t.secondReviewRequired&&c(`span`,{class:`muted`,children:` (then a second reviewer must approve)`})]}),c(F,{error:h,field:`outcome`})]}),c(`label`,{children:[`Reason, told to the shopper (required)`,c(`textarea`,{name:`reason`,rows:4,value:s,onInput:e=>l(e.currentTarget.value),"aria-invalid":ja(h,`reason`)}),c(F,{error:h,field:`reason`})]}),c(`div`,{class:`toolbar`,children:c(`button`,{type:`submit`,disabled:p||!a,children:`Record the decision`})})]}),(_===`second`||_===`ownOverturn`)&&c(`div`,{class:`stack`,children:[c(`h3`,{children:`Second review of the overturn`}),_===`ownOverturn`&&c(`p`,{class:`notice`,"data-testid":`own-overturn`,children:`You overturned this case, so another reviewer must approve or reject the overturn (four eyes). The server refuses a second review by the reviewer who overturned it.`}),c(`label`,{children:[`Comment (required to reject)`,c(`textarea`,{name:`comment`,rows:3,value:d,disabled:_===`ownOverturn`,onInput:e=>f(e.currentTarget.value)}),c(F,{error:h,field:`comment`})]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:()=>x(!0),disabled:p||_===`ownOverturn`,children:`Approve the overturn`}),c(`button`,{type:`button`,class:`danger`,onClick:()=>x(!1),disabled:p||_===`ownOverturn`||d.trim()===``,children:`Reject the overturn`})]})]}),h!==null&&c(P,{error:h,title:`The step was not taken`}),t.status===G.InReview&&t.secondReviewer&&t.secondReviewComment&&c(`p`,{class:`notice`,children:[`The overturn was rejected by `,u(t.secondReviewer),` on `,T(t.secondReviewedAt),`: “`,t.secondReviewComment,`” Its reviewer decides again.`]})]})}function ja(e,t){return e instanceof p&&e.fields.some(e=>e.field===t)?!0:void 0}var Ma=J(`
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
`),Na=50;function Pa({query:t,user:n}){let i=sn(t),a=t.toString(),o=R(Ma,{filter:i.filter,first:Na,after:i.after},a),[s,l]=e([]),d=Date.now(),f=Ni(nn(on,t)),p=e=>{e.preventDefault(),l([]);let t=cn(rn(on,f.values));f.reset(),M(t)},m=()=>{l([]),f.reset(),M(`/reviews`)},h=e=>{l([...s,i.after]),M(cn(i.filter,e))},g=()=>{let e=s.slice(0,-1);l(e),M(cn(i.filter,s[s.length-1]??null))},_=o.data?.reviewCases,v=n.roles.includes(`REVIEWER`);return c(r,{children:[c(z,{title:`Reviews`,children:!v&&c(`span`,{class:`readonly-banner`,children:`Read-only: only reviewers work cases`})}),c(`form`,{class:`filters`,onSubmit:p,"aria-label":`Filter review cases`,children:[c(`label`,{children:[`Status`,c(`select`,{...f.bind(`status`),children:[c(`option`,{value:``,children:`Any`}),Object.values(G).map(e=>c(`option`,{value:e,children:O(e)},e))]}),c(I,{msg:i.errors.status})]}),c(Bi,{anyLabel:`Any`,...f.bind(`market`)}),c(`label`,{children:[`Due date`,c(`select`,{...f.bind(`overdue`),children:[c(`option`,{value:``,children:`Any`}),c(`option`,{value:`true`,children:`Overdue only`}),c(`option`,{value:`false`,children:`Not overdue`})]}),c(I,{msg:i.errors.overdue})]}),c(`div`,{class:`actions`,children:[c(`button`,{type:`submit`,children:`Apply filters`}),c(`button`,{type:`button`,class:`secondary`,onClick:m,children:`Clear`})]})]}),o.error!==null&&c(P,{error:o.error,title:`Could not load the review cases`}),o.loading&&c(L,{label:`Loading review cases…`}),_&&c(r,{children:[c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Review cases`,"aria-busy":o.loading,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{"aria-sort":`ascending`,children:`Due (UTC) ▲`}),c(`th`,{children:`Time left`}),c(`th`,{children:`Case`}),c(`th`,{children:`Status`}),c(`th`,{children:`Market`}),c(`th`,{class:`num`,children:`Amount`}),c(`th`,{children:`Decision`}),c(`th`,{children:`Requested (UTC)`}),c(`th`,{children:`Reviewer`})]})}),c(`tbody`,{children:_.nodes.map(e=>c(`tr`,{"data-case":e.id,children:[c(`td`,{children:T(e.dueAt)}),c(`td`,{children:[e.overdue?c(`span`,{class:`badge overdue`,children:`Overdue`}):null,` `,c(`span`,{"data-cell":`due`,children:fn(e.dueAt,e.status,d)})]}),c(`td`,{children:c(N,{href:`/reviews/${e.id}`,children:[`Case `,e.id]})}),c(`td`,{children:c(`span`,{class:pn(e.status),children:O(e.status)})}),c(`td`,{children:e.market}),c(`td`,{class:`num`,children:E(e.decision.amount,e.decision.currency)}),c(`td`,{children:at(n)?c(N,{href:`/decisions/${e.decision.id}`,children:e.decision.reference}):c(`code`,{children:e.decision.reference})}),c(`td`,{children:T(e.requestedAt)}),c(`td`,{children:e.reviewer?u(e.reviewer):c(`span`,{class:`muted`,children:`none yet`})})]},e.id))})]})}),_.nodes.length===0&&c(`p`,{children:`No review case matches these filters.`}),c(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:g,disabled:!i.after,children:s.length>0?`Previous page`:`First page`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>_.pageInfo.endCursor&&h(_.pageInfo.endCursor),disabled:!_.pageInfo.hasNextPage,children:`Next page`}),c(`span`,{class:`muted`,children:[k(_.nodes.length,`case`),` on this page, the soonest due first`]})]})]})]})}var Fa=J(`
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
`);function Ia(e){return`${e>0?`+`:e<0?`−`:``}${D(Math.abs(e))}`}function La({sim:e,stale:t}){let n=e.reasons.filter(e=>e.now!==0||e.proposed!==0).sort((e,t)=>Math.abs(t.proposed-t.now)-Math.abs(e.proposed-e.now)),r=e.days,i=r.map(e=>X(e.day)),a=[r.map(e=>e.assessed?e.declinedNow/e.assessed*100:null),r.map(e=>e.assessed?e.declinedProposed/e.assessed*100:null)];return c(`div`,{class:t?`stale`:void 0,children:[c(`div`,{class:`cards`,children:[c($,{label:`Decline rate now`,value:A(e.declineRateNow,2),testId:`now`}),c($,{label:`Decline rate proposed`,value:A(e.declineRateProposed,2),note:j(e.declineRateNow,e.declineRateProposed),testId:`proposed`}),c($,{label:`Approved → declined`,value:D(e.approvedToDeclined),testId:`a2d`}),c($,{label:`Declined → approved`,value:D(e.declinedToApproved),testId:`d2a`})]}),c(`p`,{class:`muted`,"data-figure":`window`,children:[k(e.assessed,`decision`),` of `,e.market,`, `,T(e.from),` to `,T(e.to),`: `,D(e.declinedNow),` declined against version`,` `,e.baselineVersion.version,` in force now, `,D(e.declinedProposed),` as proposed.`]}),c(`h3`,{children:`Approvals, bad rate and loss`}),c($r,{sim:e,currency:vr(e.market)}),c(`h3`,{children:`Swap-set`}),c(ei,{sim:e,currency:vr(e.market)}),c(`h3`,{children:`Declines per day`}),c(Kr,{label:`Decline rate per day, now and proposed`,xs:i,ys:a,series:[{label:`now`},{label:`proposed`,dashed:!0,color:`#c2410c`}],yLabel:`%`,height:200}),c(`h3`,{children:`Principal reasons`}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Declines per principal reason, now and proposed`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Reason`}),c(`th`,{class:`num`,children:`Now`}),c(`th`,{class:`num`,children:`Proposed`}),c(`th`,{class:`num`,children:`Change`})]})}),c(`tbody`,{children:n.map(e=>c(`tr`,{children:[c(`td`,{children:O(e.code)}),c(`td`,{class:`num`,children:D(e.now)}),c(`td`,{class:`num`,children:D(e.proposed)}),c(`td`,{class:`num ${e.proposed>e.now?`up`:e.proposed<e.now?`down`:``}`,children:Ia(e.proposed-e.now)})]},e.code))})]})}),c(Ra,{title:`Would be declined (were approved)`,total:e.approvedToDeclined,list:e.sampleApprovedToDeclined}),c(Ra,{title:`Would be approved (were declined)`,total:e.declinedToApproved,list:e.sampleDeclinedToApproved})]})}function Ra({title:e,total:t,list:n}){return c(`details`,{children:[c(`summary`,{children:[e,`: `,t===0?`none`:n.length<t?`${k(t,`decision`)}, the first ${D(n.length)} listed`:k(t,`decision`)]}),n.length>0&&c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":e,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Decision`}),c(`th`,{children:`Time (UTC)`}),c(`th`,{children:`Category`}),c(`th`,{class:`num`,children:`Amount`})]})}),c(`tbody`,{children:n.map(e=>c(`tr`,{children:[c(`td`,{children:c(N,{href:`/decisions/${e.decisionId}`,children:[`Open`,c(`span`,{class:`visually-hidden`,children:[` decision `,e.decisionId]})]})}),c(`td`,{children:T(e.createdAt)}),c(`td`,{children:e.merchantCategory}),c(`td`,{class:`num`,children:D(e.amount)})]},e.decisionId))})]})})]})}function za({market:e,rules:t}){let n=t.map(({measuredValue:e,comparator:t,cutoff:n,enabled:r})=>({measuredValue:e,comparator:t,cutoff:n,enabled:r})),r=R(Fa,{market:e,proposal:n},JSON.stringify([e,n])),i=r.data?.simulate;return c(`section`,{class:`panel whatif`,"aria-labelledby":`live-whatif-h`,"aria-busy":r.loading,children:[c(`h2`,{id:`live-whatif-h`,children:`What-if of these rules, computed now`}),c(`p`,{class:`muted`,children:`Replayed over the market's decisions of the last year against the version in force now, as the author saw it in the editor. The impact stored at submission was computed then, over the year before it, against the version in force then; the two differ when decisions or the version in force have changed since.`}),r.error!==null&&c(P,{error:r.error,title:`The what-if failed`}),i?c(La,{sim:i,stale:r.loading}):!r.error&&c(L,{label:`Simulating…`})]})}var Ba=[{name:`BUREAU_SCORE`,field:`bureauScore`,kind:`score`,step:1,min:300,max:850,comparator:`GTE`,cutoff:580,enabled:!0,passing:850},{name:`MONTHLY_INCOME`,field:`monthlyIncome`,kind:`money`,step:1,min:0,max:1e7,comparator:`GTE`,cutoff:1e3,enabled:!0,passing:11e4},{name:`INCOME_VERIFIED`,field:`incomeVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!1,passing:1},{name:`EMPLOYMENT_MONTHS`,field:`employmentMonths`,kind:`months`,step:1,min:0,max:720,comparator:`GTE`,cutoff:6,enabled:!0,passing:126},{name:`RECENT_PLANS_30D`,field:`recentPlans30d`,kind:`count`,step:1,min:0,max:1e3,comparator:`LTE`,cutoff:5,enabled:!0,passing:0},{name:`DEBT_TO_INCOME`,field:`debtToIncome`,kind:`ratio`,step:.01,min:0,max:100,comparator:`LTE`,cutoff:.45,enabled:!0,passing:0},{name:`MONTHS_AT_ADDRESS`,field:`monthsAtAddress`,kind:`months`,step:1,min:0,max:1440,comparator:`GTE`,cutoff:3,enabled:!0,passing:63},{name:`ADDRESS_VERIFIED`,field:`addressVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!0,passing:1},{name:`IDENTITY_VERIFIED`,field:`identityVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!0,passing:1},{name:`AGE_YEARS`,field:`ageYears`,kind:`years`,step:1,min:0,max:130,comparator:`GTE`,cutoff:18,enabled:!0,passing:48},{name:`CREDIT_HISTORY_MONTHS`,field:`creditHistoryMonths`,kind:`months`,step:1,min:0,max:1440,comparator:`GTE`,cutoff:6,enabled:!0,passing:126},{name:`DELINQUENCIES_24M`,field:`delinquencies24m`,kind:`count`,step:1,min:0,max:1e3,comparator:`LTE`,cutoff:1,enabled:!0,passing:0},{name:`AFFORDABILITY_RATIO`,field:`affordabilityRatio`,kind:`ratio`,step:.01,min:0,max:1e3,comparator:`GTE`,cutoff:1.5,enabled:!0,passing:11.5},{name:`LIQUID_SAVINGS`,field:`liquidSavings`,kind:`money`,step:1,min:-1e7,max:1e8,comparator:`GTE`,cutoff:0,enabled:!1,passing:1e5},{name:`OUTSTANDING_CREDIT`,field:`outstandingCredit`,kind:`money`,step:1,min:0,max:1e8,comparator:`LTE`,cutoff:2500,enabled:!0,passing:0}],Va=1e3,Ha=new Map(Ba.map(e=>[e.name,e]));function Ua(e){return Ha.get(e)?.kind===`flag`}var Wa=20;function Ga(e,t){let n=Ha.get(e)?.step??1;if(Ua(e)||!t||!(t>0))return n;let r=t/Wa,i=10**Math.floor(Math.log10(r)+1e-9),a=[5,2,1].map(e=>e*i).find(e=>e<=r*(1+1e-9))??i;return Math.max(n,Ka(a,Math.min(a,1)))}function Ka(e,t){let n=t<1?Math.max(0,Math.ceil(-Math.log10(t)-1e-9)):0;return Number((Math.round(e/t)*t).toFixed(n))}function qa(e,t,n,r){if(Ua(e))return{knots:[0,1],step:1};let i=Ga(e,n),a=[];for(let e of[...r.map(e=>e.cutoff)].sort((e,t)=>e-t))Number.isFinite(e)&&(a.length===0||e>a[a.length-1])&&a.push(e);(a.length===0||t<a[0])&&a.unshift(t),t>a[a.length-1]&&a.push(t);let o=Ka(Math.floor(a[0]/i+1e-9)*i,i),s=Math.max(Ka(Math.ceil(a[a.length-1]/i-1e-9)*i,i),Ka(o+i,i));return{knots:[o,...a.slice(1,-1).filter(e=>e>o&&e<s),s],step:i}}function Ja(e){return[e.knots[0],e.knots[e.knots.length-1]]}var Ya=e=>Math.acos(1-2*e)/Math.PI,Xa=e=>(1-Math.cos(Math.PI*e))/2;function Za(e,t){let n=t.knots;if(!Number.isFinite(e)||e<=n[0])return 0;if(e>=n[n.length-1])return 1;let r=0;for(;r<n.length-2&&e>n[r+1];)r++;return Ya((r+(e-n[r])/(n[r+1]-n[r]))/(n.length-1))}function Qa(e,t){let n=t.knots,r=Xa(Math.min(1,Math.max(0,e)))*(n.length-1),i=Math.min(n.length-2,Math.floor(r));return n[i]+(n[i+1]-n[i])*(r-i)}function $a(e,t){return Math.round(Za(e,t)*Va)}function eo(e,t){let[n,r]=Ja(t);return Math.min(r,Math.max(n,Ka(Qa(e/Va,t),t.step)))}var to=1/20;function no(e,t,n){let[r,i]=Ja(n),a=e=>Math.min(i,Math.max(r,Ka(e,n.step))),o=Za(t,n);switch(e){case`ArrowRight`:case`ArrowUp`:return a((Math.floor(t/n.step+1e-9)+1)*n.step);case`ArrowLeft`:case`ArrowDown`:return a((Math.ceil(t/n.step-1e-9)-1)*n.step);case`PageUp`:{let e=a(Qa(o+to,n));return e>t?e:no(`ArrowUp`,t,n)}case`PageDown`:{let e=a(Qa(o-to,n));return e<t?e:no(`ArrowDown`,t,n)}case`Home`:return r;case`End`:return i;default:return null}}function ro(e,t){let n=e.trim().replace(/\s+/g,``).replace(`,`,`.`);if(n===``)return{ok:!1,error:`enter a cut-off`};if(!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n))return{ok:!1,error:`must be a number`};let r=Number(n);return Number.isFinite(r)?Ua(t)&&r!==0&&r!==1?{ok:!1,error:`must be 0 or 1 (a yes/no check)`}:{ok:!0,value:r}:{ok:!1,error:`must be a finite number`}}function io(e){return e.map(e=>({measuredValue:e.measuredValue,comparator:e.comparator,cutoff:e.cutoff,enabled:e.enabled}))}function ao(e,t){return e.filter((e,n)=>{let r=t[n];return!r||r.cutoff!==e.cutoff||r.enabled!==e.enabled||r.comparator!==e.comparator}).map(e=>e.measuredValue)}function oo(e){return e.map(e=>`${e.measuredValue}:${e.comparator}:${e.cutoff}:${+!!e.enabled}`).join(`|`)}var so=J(`
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
`),co=J(`
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
`),lo=J(`
  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {
      id
      status
    }
  }
`),uo=J(`
  mutation ApproveThresholdDraft($id: ID!, $comment: String) {
    approveThresholdDraft(id: $id, comment: $comment) {
      id
      status
      publishedVersionId
    }
  }
`),fo=J(`
  mutation RejectThresholdDraft($id: ID!, $comment: String!) {
    rejectThresholdDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`),po=J(`
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
`),mo=81;function ho(e,t,n,r){return S(po,{market:e,measuredValue:t,proposal:n,points:mo},r).then(e=>e.sensitivity)}function go({params:e,user:t}){let n=R(so,{id:e.id},e.id),i=n.data?.thresholdDraft;if(n.error)return c(P,{error:n.error,title:`Could not load the draft`});if(n.loading&&!i)return c(L,{label:`Loading the draft…`});if(!i)return c(r,{children:[c(z,{title:`Draft not found`}),c(`p`,{children:[`No threshold draft has the id `,c(`code`,{children:e.id}),`. `,c(N,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let a=t.roles.some(e=>st.includes(e)),o=i.status===K.Draft&&a;return c(r,{children:[c(z,{title:`${i.market} thresholds: draft ${i.id}`,children:c(N,{href:`/thresholds?market=${i.market}`,children:[`← `,i.market,` thresholds`]})}),c(`p`,{children:[c(`span`,{class:`badge muted`,children:O(i.status)}),` Written by `,u(i.author),`, started `,T(i.createdAt),` from`,` `,c(N,{href:`/thresholds/versions/${i.baseVersionId}`,children:`the version it copies`}),i.submittedAt&&`, submitted ${T(i.submittedAt)}`,i.reviewer&&` · ${i.status===K.Rejected?`rejected`:`approved`} by ${u(i.reviewer)} ${T(i.reviewedAt)}`,`.`]}),c(Jr,{}),o?c(bo,{draft:i,onSubmitted:n.reload}):c(r,{children:[c(_o,{draft:i,user:t,onReviewed:n.reload}),c(za,{market:i.market,rules:i.rules})]})]})}function _o({draft:t,user:n,onReviewed:i}){let[a,o]=e(``),[s,l]=e(!1),[p,m]=e(null),h=n.roles.some(e=>ct.includes(e)),g=f(t.author,n),_=St(),v=async e=>{let n=t.impact?.available?t.impact:null;if(!e||await _.ask({title:`Approve and publish draft ${t.id} of ${t.market}?`,body:c(r,{children:[c(`p`,{children:[`You approve the rules `,d(t.author),`. They become `,t.market,`'s next published version, which can be neither changed nor withdrawn (a later version can replace it).`]}),c(`p`,{children:[`Nothing changes at checkout yet: `,t.market,` shoppers are assessed with it only once an approver activates it, now or at a set time, on the version's page.`,n&&` Once active, the what-if at submission predicts a decline rate of ${A(n.declineRateProposed,2)} instead of ${A(n.declineRateNow,2)}: ${n.approvedToDeclined.toLocaleString(`en-US`)} past purchases approved would have been declined, ${n.declinedToApproved.toLocaleString(`en-US`)} declined approved.`]})]}),confirm:`Approve and publish`})){l(!0),m(null);try{e?await S(uo,{id:t.id,comment:a.trim()||null}):await S(fo,{id:t.id,comment:a.trim()}),Ne(),i()}catch(e){m(e)}finally{l(!1)}}};return c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`diff-h`,children:[c(`h2`,{id:`diff-h`,children:`Changes from the version it copies`}),c(Qr,{from:{versionId:t.baseVersionId},to:{draftId:t.id},label:`Changed rules`})]}),c(`section`,{class:`panel`,"aria-labelledby":`rules-h`,children:[c(`h2`,{id:`rules-h`,children:`All rules`}),c(Xr,{rules:t.rules,label:`Rules of the draft`})]})]}),c(`div`,{children:[t.status!==K.Draft&&c(`section`,{class:`panel`,"aria-labelledby":`impact-h`,children:[c(`h2`,{id:`impact-h`,children:`Impact simulated at submission`}),c(Yr,{impact:t.impact,title:`Stored impact`}),t.impact?.available&&c(r,{children:[c(`h3`,{children:`Predicted outcomes`}),c(ri,{impact:t.impact,currency:vr(t.market)})]}),c(`h3`,{children:`Rationale`}),c(`p`,{children:t.rationale})]}),t.status===K.Draft&&c(`p`,{class:`notice`,children:`This draft is still being edited by its author.`}),t.status===K.Submitted&&c(`section`,{class:`panel`,"aria-labelledby":`review-h`,children:[c(`h2`,{id:`review-h`,children:`Review`}),h?g?c(`p`,{class:`notice`,children:`You submitted this draft, so another approver must review it (maker-checker).`}):c(`div`,{class:`stack`,children:[c(`label`,{children:[`Comment (required to reject)`,c(`textarea`,{name:`comment`,rows:3,value:a,onInput:e=>o(e.currentTarget.value)}),c(F,{error:p,field:`comment`})]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:()=>v(!0),disabled:s,children:`Approve and publish`}),c(`button`,{type:`button`,class:`danger`,onClick:()=>v(!1),disabled:s||a.trim()===``,children:`Reject`})]})]}):c(`p`,{children:`An approver reviews this submission.`}),p!==null&&c(P,{error:p,title:`The review was not recorded`}),_.dialog]}),t.status===K.Approved&&t.publishedVersionId&&c(`section`,{class:`panel`,"aria-labelledby":`pub-h`,children:[c(`h2`,{id:`pub-h`,children:`Published`}),c(`p`,{children:[`Published, `,d(t.author,t.reviewer),t.reviewComment?` (“${t.reviewComment}”)`:``,`.`,` `,c(N,{href:`/thresholds/versions/${t.publishedVersionId}`,children:`Open the published version`}),` to activate it.`]})]}),t.status===K.Rejected&&c(`section`,{class:`panel`,"aria-labelledby":`rej-h`,children:[c(`h2`,{id:`rej-h`,children:`Rejected`}),c(`p`,{children:[`Rejected by `,u(t.reviewer),`: “`,t.reviewComment,`”`]})]})]})]})}function vo(e){return e.map(e=>({...e}))}function yo(e){let t=new Map;if(!(e instanceof p))return t;for(let n of e.fields){let e=/^rules\[(\d+)\]\.?(.*)$/.exec(n.field);e&&t.set(Number(e[1]),`${e[2]?e[2]+` `:``}${n.message}`)}return t}function bo({draft:t,onSubmitted:n}){let r=t.market,[a,l]=e(()=>vo(t.rules)),[u,d]=e(()=>({rules:vo(t.rules),revision:t.revision})),[f,m]=e(()=>Object.fromEntries(t.rules.map(e=>[e.measuredValue,String(e.cutoff)]))),[h,g]=e({}),[_,v]=e({}),[y,b]=e({}),[x,C]=e(null),[w,E]=e(null),[D,ee]=e(!0),[k,A]=e(null),[j,te]=e(!1),[ne,re]=e(``),[ie,ae]=e(``),oe=i(null),M=oo(a),se=o(()=>io(a),[M]),ce=e=>{b(t=>({...t,[e.measuredValue]:e}));let n=t.rules.find(t=>t.measuredValue===e.measuredValue)?.scale;v(t=>t[e.measuredValue]?t:{...t,[e.measuredValue]:qa(e.measuredValue,e.proposedCutoff,n,e.points)})},le=o(()=>Dn((e,t)=>S(Fa,{market:r,proposal:e},t).then(e=>e.simulate),{onData:e=>{C(e),E(null)},onError:E,onPending:ee},{interval:120}),[r]),N=o(()=>Dn((e,t)=>ho(r,e.mv,e.proposal,t),{onData:ce,onError:E},{interval:120}),[r]);s(()=>()=>{le.cancel(),N.cancel()},[le,N]),s(()=>{le.schedule(se),oe.current&&N.schedule({mv:oe.current,proposal:se})},[M]);let I=i(!0);s(()=>{let e=new AbortController,t=I.current?0:700;I.current=!1;let n=setTimeout(()=>{for(let t of a)t.measuredValue!==oe.current&&ho(r,t.measuredValue,se,e.signal).then(ce,t=>{e.signal.aborted||E(t)})},t);return()=>{clearTimeout(n),e.abort()}},[M]);let R=(e,t,n)=>{oe.current=a[e].measuredValue,l(n=>n.map((n,r)=>r===e?{...n,cutoff:t}:n)),m(r=>({...r,[a[e].measuredValue]:n??String(t)})),g(t=>({...t,[a[e].measuredValue]:``}))},z=(e,t)=>{oe.current=a[e].measuredValue,l(n=>n.map((n,r)=>r===e?{...n,enabled:t}:n))},ue=(e,t)=>{let n=a[e].measuredValue,r=ro(t,n);r.ok?R(e,r.value,t):(m(e=>({...e,[n]:t})),g(e=>({...e,[n]:r.error})))},de=new Set(ao(a,u.rules)),fe=de.size>0,B=Object.values(h).some(e=>e),pe=yo(k),me=async()=>{te(!0),A(null),re(``);try{let e=(await S(co,{id:t.id,revision:u.revision,rules:se})).editThresholdDraft;return d({rules:vo(e.rules),revision:e.revision}),re(`Saved as revision ${e.revision} at ${T(e.updatedAt)}.`),e.revision}catch(e){return A(e),null}finally{te(!1)}},he=async e=>{e.preventDefault();let r=fe?await me():u.revision;if(r!==null){te(!0);try{await S(lo,{id:t.id,revision:r,rationale:ie.trim()}),n()}catch(e){A(e)}finally{te(!1)}}},ge=k instanceof p&&k.code===`CONFLICT`,V=oe.current??a.find(e=>de.has(e.measuredValue))?.measuredValue??a[0]?.measuredValue,H=V?y[V]:void 0;return c(`div`,{class:`editor-grid`,children:[c(`div`,{children:[c(`h2`,{children:`Rules`}),c(`p`,{class:`muted`,children:`Drag a slider, press its arrow keys (one step each) or type an exact cut-off: the what-if beside and the curve under the slider follow. The curve is the decline rate as that cut-off sweeps, the other rules as proposed; the red line is the cut-off. Slider and curve share one axis, spread by where the market's decisions lie; under it are its ends and the median.`}),c(`div`,{class:`rules-edit`,children:a.map((e,t)=>c(xo,{rule:e,text:f[e.measuredValue]??``,inputError:h[e.measuredValue]||pe.get(t)||``,axis:_[e.measuredValue],curve:y[e.measuredValue],changed:de.has(e.measuredValue),onSlide:e=>R(t,e),onType:e=>ue(t,e),onEnabled:e=>z(t,e)},e.measuredValue))})]}),c(`div`,{class:`whatif-col`,children:[c(`section`,{class:`panel whatif`,"aria-labelledby":`whatif-h`,"aria-busy":D,children:[c(`h2`,{id:`whatif-h`,children:[`What-if `,D&&c(`span`,{class:`muted`,children:`(updating…)`})]}),w!==null&&c(P,{error:w,title:`The what-if failed`}),x?c(La,{sim:x,stale:D}):c(L,{label:`Simulating…`})]}),c(`section`,{class:`panel`,"aria-labelledby":`frontier-h`,children:[c(`h2`,{id:`frontier-h`,children:[`Trade-off under `,V?O(V):`the moved rule`]}),c(`p`,{class:`muted`,children:`As this rule's cut-off sweeps its range (the other rules as proposed): the bad rate and the loss (share of approved volume) against the approval rate. Today's point is the ring, the proposal's the disc.`}),H?c(ni,{curve:H,name:O(H.measuredValue)}):c(L,{label:`Loading the frontier…`})]}),c(`section`,{class:`panel`,"aria-labelledby":`save-h`,children:[c(`h2`,{id:`save-h`,children:`Save and submit`}),c(`p`,{class:`muted`,children:[fe?`${de.size} unsaved ${de.size===1?`change`:`changes`}.`:`No unsaved changes.`,` Revision `,u.revision,`.`]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:me,disabled:!fe||j||B,children:`Save draft`}),c(`button`,{type:`button`,class:`secondary`,disabled:!fe||j,onClick:()=>{l(vo(u.rules)),m(Object.fromEntries(u.rules.map(e=>[e.measuredValue,String(e.cutoff)]))),g({})},children:`Undo unsaved changes`})]}),ne&&c(`p`,{role:`status`,class:`muted`,children:ne}),ge&&c(`div`,{class:`error`,role:`alert`,children:[c(`strong`,{children:`Conflict: this draft changed since you opened it.`}),c(`p`,{children:[`Someone saved or submitted it meanwhile (revision `,u.revision,` is no longer current), so your change was not saved. Copy what you need, then reload to edit the latest revision.`]}),c(`p`,{class:`meta`,children:[k.message,` · request id `,c(`code`,{class:`request-id`,children:k.requestId})]}),c(`button`,{type:`button`,onClick:()=>window.location.reload(),children:`Reload the draft`})]}),k!==null&&!ge&&c(P,{error:k,title:`Not saved`}),c(`form`,{class:`stack`,onSubmit:he,children:[c(`label`,{children:[`Rationale for the approver`,c(`textarea`,{name:`rationale`,rows:3,required:!0,value:ie,onInput:e=>ae(e.currentTarget.value)}),c(F,{error:k,field:`rationale`})]}),c(`div`,{children:c(`button`,{type:`submit`,disabled:j||B||ie.trim()===``,children:fe?`Save and submit for approval`:`Submit for approval`})})]})]})]})]})}function xo(e){let{rule:t,axis:n,curve:r}=e,i=O(t.measuredValue),a=`rule-${t.measuredValue}`,o=t.comparator===`GTE`?`at least`:`at most`,s=n??{knots:[Math.min(0,t.cutoff),Math.max(1,t.cutoff*2)],step:Ua(t.measuredValue)?1:.01};return c(`fieldset`,{class:`rule${e.changed?` changed`:``}`,"data-rule":t.measuredValue,children:[c(`legend`,{children:[i,` `,c(`span`,{class:`muted`,children:[`(`,O(t.factor),`)`]})]}),c(`div`,{class:`rule-head`,children:[c(`span`,{class:`muted`,children:[`passes when `,o,` the cut-off; fails with `,O(t.reasonCode)]}),c(`label`,{class:`check`,children:[c(`input`,{type:`checkbox`,checked:t.enabled,onChange:t=>e.onEnabled(t.currentTarget.checked)}),`enabled`]})]}),c(`div`,{class:`rule-inputs`,children:[c(`div`,{class:`slider`,children:[c(`input`,{type:`range`,min:0,max:Va,step:1,value:$a(t.cutoff,s),"aria-label":`${i} cut-off slider`,"aria-valuetext":`${o} ${D(t.cutoff)}`,"aria-describedby":r&&n?`${a}-curve`:void 0,disabled:!n,onKeyDown:n=>{let r=no(n.key,t.cutoff,s);r!==null&&(n.preventDefault(),r!==t.cutoff&&e.onSlide(r))},onInput:t=>e.onSlide(eo(Number(t.currentTarget.value),s))}),r&&n?c(wo,{curve:r,axis:n,cutoff:t.cutoff,name:i,id:`${a}-curve`}):c(`p`,{class:`muted`,children:`Loading the curve…`})]}),c(`label`,{children:[c(`span`,{class:`visually-hidden`,children:[i,` cut-off`]}),c(`input`,{class:`cutoff`,inputMode:`decimal`,"aria-label":`${i} cut-off`,"aria-invalid":e.inputError?`true`:void 0,"aria-describedby":e.inputError?`${a}-err`:void 0,value:e.text,onInput:t=>e.onType(t.currentTarget.value)}),c(`span`,{class:`muted step`,children:[`step `,D(s.step)]})]})]}),e.inputError&&c(`span`,{class:`field-error`,id:`${a}-err`,children:e.inputError})]})}var So=300,Co=40;function wo({curve:e,axis:t,cutoff:n,name:r,id:i}){let a=e.points,o=Math.max(.01,...a.map(e=>e.declineRate)),s=e=>Za(e,t)*So,l=e=>38-e/o*36,u=a.map(e=>`${s(e.cutoff).toFixed(2)},${l(e.declineRate).toFixed(2)}`).join(` `),d=Math.min(...a.map(e=>e.declineRate)),[f,p]=Ja(t);return c(`div`,{class:`sens-wrap`,children:[c(`svg`,{class:`sens`,viewBox:`0 0 ${So} ${Co}`,preserveAspectRatio:`none`,role:`img`,id:i,"aria-label":`Decline rate as the ${r} cut-off sweeps ${D(f)} to ${D(p)}: from ${A(d)} to ${A(o)}; ${A(e.proposedRate)} at ${D(e.proposedCutoff)}.`,children:[a.length>1&&c(`polygon`,{class:`area`,points:`${s(a[0].cutoff).toFixed(2)},${Co} ${u} ${s(a[a.length-1].cutoff).toFixed(2)},${Co}`}),c(`polyline`,{class:`curve`,points:u}),c(`line`,{class:`now`,"data-testid":`cutoff-line`,x1:s(n),x2:s(n),y1:0,y2:Co})]}),c(`div`,{class:`sens-axis`,"aria-hidden":`true`,children:[c(`span`,{children:D(f)}),c(`span`,{children:t.knots.length>2?D(Ka(Qa(.5,t),t.step)):``}),c(`span`,{children:D(p)})]}),c(`span`,{class:`muted`,children:[A(e.proposedRate,2),` declined at `,D(e.proposedCutoff),`; `,A(e.declineRateWithoutRule,2),` with the rule off`]})]})}var To=J(`
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
`);J(`
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
`);var Eo=J(`
  mutation CreateBadDefinitionDraft($market: String!) {
    createBadDefinitionDraft(market: $market) {
      ...BadDraftFields
    }
  }
`),Do=J(`
  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {
    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {
      ...BadDraftFields
    }
  }
`),Oo=J(`
  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {
      ...BadDraftFields
    }
  }
`),ko=J(`
  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {
    approveBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`),Ao=J(`
  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {
    rejectBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`);function jo({market:t,user:n}){let r=R(To,{market:t},t),[i,a]=e(null),[o,s]=e(!1),l=n.roles.some(e=>hr.includes(e)),p=n.roles.some(e=>gr.includes(e)),m=async e=>{s(!0),a(null);try{await e(),r.reload()}catch(e){a(e)}finally{s(!1)}},h=r.data?.badDefinition,g=r.data?.badDefinitionDrafts.nodes??[],_=g.filter(e=>e.status===K.Draft),v=g.filter(e=>e.status===K.Submitted),y=_.find(e=>f(e.author,n));return c(`section`,{class:`panel`,"aria-labelledby":`bad-h`,children:[c(`h2`,{id:`bad-h`,children:[`Bad definition in `,t]}),r.error!==null&&c(P,{error:r.error,title:`Could not load the bad definition`}),r.loading&&!r.data&&c(L,{label:`Loading the bad definition…`}),h&&c(`p`,{"data-figure":`bad-definition`,children:[c(`strong`,{children:h.description}),` `,c(`span`,{class:`muted`,children:[`(version `,h.version,`, `,d(h.author,h.approver),`, `,T(h.createdAt),`)`]}),`. A purchase younger than `,h.windowMonths,` months is immature and counts neither good nor bad.`]}),i!==null&&c(P,{error:i,title:`Not done`}),l&&!y&&c(`button`,{type:`button`,class:`secondary`,disabled:o,onClick:()=>m(()=>S(Eo,{market:t})),children:`Start a bad-definition draft`}),y&&c(Mo,{draft:y,busy:o,error:i,run:m},`${y.id}-${y.revision}`),_.filter(e=>e!==y).map(e=>c(`p`,{class:`muted`,children:[`Draft `,e.id,` by `,u(e.author),`: `,e.description,` (being edited).`]},e.id)),v.map(e=>c(No,{draft:e,user:n,canApprove:p,busy:o,error:i,run:m},e.id))]})}function Mo({draft:t,busy:n,error:r,run:i}){let[a,o]=e(t.level),[s,l]=e(String(t.windowMonths)),[u,d]=e(``),f=zr(s),p=a!==t.level||Number(s)!==t.windowMonths,m=()=>S(Do,{id:t.id,revision:t.revision,level:a,windowMonths:Number(s)});return c(`form`,{class:`stack bad-draft`,"aria-label":`Bad-definition draft ${t.id}`,onSubmit:e=>{e.preventDefault(),i(async()=>{let e=p?(await m()).editBadDefinitionDraft.revision:t.revision;await S(Oo,{id:t.id,revision:e,rationale:u.trim()})})},children:[c(`p`,{children:[`Your draft `,t.id,` (revision `,t.revision,`): `,c(`strong`,{children:f?t.description:Rr(a,Number(s))})]}),c(`div`,{class:`filters compact`,children:[c(`label`,{children:[`Bad when ever`,c(`select`,{name:`level`,value:a,onChange:e=>o(e.currentTarget.value),children:Lr.map(e=>c(`option`,{value:e,children:[Fr(e),e===`CHARGED_OFF`?``:` or worse`]},e))}),c(F,{error:r,field:`level`})]}),c(`label`,{children:[`Within (months, 1–`,24,`)`,c(`input`,{name:`windowMonths`,inputMode:`numeric`,value:s,"aria-invalid":f?`true`:void 0,onInput:e=>l(e.currentTarget.value)}),f?c(`span`,{class:`field-error`,children:f}):c(F,{error:r,field:`windowMonths`})]})]}),c(`div`,{class:`toolbar`,children:c(`button`,{type:`button`,disabled:n||!p||!!f,onClick:()=>i(m),children:`Save definition draft`})}),c(`label`,{children:[`Rationale for the approver`,c(`textarea`,{name:`bad-rationale`,rows:2,value:u,onInput:e=>d(e.currentTarget.value)}),c(F,{error:r,field:`rationale`})]}),c(`div`,{children:c(`button`,{type:`submit`,disabled:n||!!f||u.trim()===``,children:`Submit the definition for approval`})})]})}function No({draft:t,user:n,canApprove:r,busy:i,error:a,run:o}){let[s,l]=e(``),d=f(t.author,n);return c(`div`,{class:`bad-submitted`,role:`group`,"aria-label":`Submitted bad definition ${t.id}`,children:[c(`p`,{children:[`Awaiting approval: `,c(`strong`,{children:t.description}),`, submitted by `,u(t.author),`: “`,t.rationale,`”`]}),r?d?c(`p`,{class:`notice`,children:`You submitted it, so another approver must review it (maker-checker).`}):c(`div`,{class:`stack`,children:[c(`label`,{children:[`Comment (required to reject)`,c(`textarea`,{name:`bad-comment`,rows:2,value:s,onInput:e=>l(e.currentTarget.value)}),c(F,{error:a,field:`comment`})]}),c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,disabled:i,onClick:()=>o(()=>S(ko,{id:t.id,comment:s.trim()||null})),children:`Approve the definition`}),c(`button`,{type:`button`,class:`danger`,disabled:i||s.trim()===``,onClick:()=>o(()=>S(Ao,{id:t.id,comment:s.trim()})),children:`Reject the definition`})]})]}):c(`p`,{class:`muted`,children:`An approver reviews it.`})]})}var Po=J(`
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
`),Fo=it(()=>Gr(()=>import(`./experiments-DeA1ivmz.js`).then(e=>e.MarketExperimentsPanel),__vite__mapDeps([3,1,4])),`Loading the shadows and the split…`),Io=J(`
  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {
    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {
      id
    }
  }
`);function Lo({query:t,user:n}){let i=(t.get(`market`)??`DE`).toUpperCase(),a=R(Po,{market:i},i),o=n.roles.some(e=>st.includes(e)),[s,l]=e(!1),[f,p]=e(null),m=Te(Le(i).all.flatMap(e=>e.market?[{market:e.market}]:[])),h=async()=>{l(!0),p(null);try{M(`/thresholds/drafts/${(await S(Io,{market:i})).createThresholdDraft.id}`)}catch(e){p(e),l(!1)}},g=a.data?.thresholdVersions.nodes??[],_=a.data?.thresholdDrafts.nodes??[],v=g.find(e=>e.status===`ACTIVE`),y=_.filter(e=>e.status===K.Submitted),b=_.filter(e=>e.status===K.Draft),x=_.filter(e=>e.status===K.Approved||e.status===K.Rejected);return c(r,{children:[c(z,{title:`Thresholds`,children:o&&c(`button`,{type:`button`,onClick:h,disabled:s,children:[`New draft for `,i]})}),c(fe,{path:`/thresholds`,market:i,pending:m,what:`submission`}),c(Jr,{}),f!==null&&c(P,{error:f,title:`Could not start a draft`}),a.error!==null&&c(P,{error:a.error,title:`Could not load the thresholds`}),a.loading&&c(L,{label:`Loading thresholds…`}),a.data&&c(r,{children:[c(`section`,{class:`panel`,"aria-labelledby":`active-h`,children:[c(`h2`,{id:`active-h`,children:[`In force in `,i]}),v?c(`p`,{children:[c(N,{href:`/thresholds/versions/${v.version.id}`,children:[`Version `,v.version.version]}),`, `,d(v.version.author,v.version.approver),`, in force since `,T(v.activations.at(-1)?.activatedAt),`. `,c(`span`,{class:`muted`,children:v.version.rationale})]}):c(`p`,{children:[`No version is in force in `,i,`.`]})]}),c(Fo,{market:i},`x-${i}`),Ye(n.roles)&&c(jo,{market:i,user:n},i),c(`section`,{class:`panel`,"aria-labelledby":`pending-h`,children:[c(`h2`,{id:`pending-h`,children:`Awaiting approval`}),y.length===0?c(`p`,{children:[`Nothing awaits approval in `,i,`.`]}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Submissions awaiting approval`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Draft`}),c(`th`,{children:`Submitted by`}),c(`th`,{children:`Submitted (UTC)`}),c(`th`,{children:`Rationale`}),c(`th`,{class:`num`,children:`Decline rate now → proposed`}),c(`th`,{class:`num`,children:`Flips`}),c(`th`,{class:`num`,children:`Bad rate now → predicted`}),c(`th`,{class:`num`,children:`Loss now → predicted`})]})}),c(`tbody`,{children:y.map(e=>c(`tr`,{children:[c(`td`,{children:c(N,{href:`/thresholds/drafts/${e.id}`,children:[`Review draft `,e.id]})}),c(`td`,{children:u(e.author)}),c(`td`,{children:T(e.submittedAt)}),c(`td`,{children:e.rationale}),c(`td`,{class:`num`,children:e.impact?.available?`${A(e.impact.declineRateNow,2)} → ${A(e.impact.declineRateProposed,2)} (${j(e.impact.declineRateNow,e.impact.declineRateProposed)})`:`–`}),c(`td`,{class:`num`,children:e.impact?.available?`${e.impact.approvedToDeclined} ↓ / ${e.impact.declinedToApproved} ↑`:`–`}),c(`td`,{class:`num`,children:e.impact?.available&&e.impact.badRateProposed!=null?`${A(e.impact.badRateNow)} → ${A(e.impact.badRateProposed)}`:`–`}),c(`td`,{class:`num`,children:e.impact?.available&&e.impact.lossProposed!=null?`${Q(e.impact.lossNow,``)} → ${Q(e.impact.lossProposed,vr(i))}`:`–`})]},e.id))})]})})]}),c(`section`,{class:`panel`,"aria-labelledby":`drafts-h`,children:[c(`h2`,{id:`drafts-h`,children:`Drafts`}),b.length===0&&x.length===0?c(`p`,{children:[`No drafts in `,i,`.`]}):c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Drafts`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Draft`}),c(`th`,{children:`Status`}),c(`th`,{children:`Author`}),c(`th`,{children:`Last change (UTC)`}),c(`th`,{children:`Outcome`})]})}),c(`tbody`,{children:[...b,...x].map(e=>c(`tr`,{children:[c(`td`,{children:c(N,{href:`/thresholds/drafts/${e.id}`,children:[`Draft `,e.id]})}),c(`td`,{children:c(`span`,{class:`badge muted`,children:O(e.status)})}),c(`td`,{children:u(e.author)}),c(`td`,{children:T(e.updatedAt)}),c(`td`,{children:[e.reviewer&&`${e.status===K.Rejected?`rejected`:`approved`} by ${u(e.reviewer)}`,e.publishedVersionId&&c(r,{children:[`, `,c(N,{href:`/thresholds/versions/${e.publishedVersionId}`,children:`published version`})]})]})]},e.id))})]})})]}),c(`section`,{class:`panel`,"aria-labelledby":`history-h`,children:[c(`h2`,{id:`history-h`,children:`History`}),c(`div`,{class:`table-wrap`,children:c(`table`,{"aria-label":`Published versions`,children:[c(`thead`,{children:c(`tr`,{children:[c(`th`,{children:`Version`}),c(`th`,{children:`Status`}),c(`th`,{children:`People`}),c(`th`,{children:`Published (UTC)`}),c(`th`,{children:`Activations`}),c(`th`,{children:`Rationale`})]})}),c(`tbody`,{children:g.map(e=>c(`tr`,{children:[c(`td`,{children:c(N,{href:`/thresholds/versions/${e.version.id}`,children:[`Version `,e.version.version]})}),c(`td`,{children:c(`span`,{class:`badge ${e.status===`ACTIVE`?`ok`:`muted`}`,children:O(e.status)})}),c(`td`,{children:d(e.version.author,e.version.approver)}),c(`td`,{children:T(e.version.createdAt)}),c(`td`,{children:e.activations.map(e=>c(`div`,{children:[T(e.activatedAt),` by `,u(e.activatedBy),e.emergency&&` (emergency)`]},e.id))}),c(`td`,{children:e.version.rationale})]},e.version.id))})]})})]})]})]})}var Ro=J(`
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
`),zo=J(`
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
`),Bo=J(`
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
`);J(`
  fragment RateWindowFields on RateWindow {
    from
    to
    assessed
    declined
    rate
  }
`);var Vo=it(()=>Gr(()=>import(`./realized-DRKt5Ibu.js`).then(e=>e.RealizedImpact),__vite__mapDeps([5,1])),`Loading the realized figures…`),Ho=it(()=>Gr(()=>import(`./experiments-DeA1ivmz.js`).then(e=>e.VersionExperiments),__vite__mapDeps([3,1,4])),`Loading the shadow runs and the split…`),Uo=J(`
  mutation ActivateThresholdVersion($id: ID!, $at: Time) {
    activateThresholdVersion(id: $id, at: $at) {
      id
      activatedAt
    }
  }
`),Wo=J(`
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
`);function Go({params:t,user:n}){let i=R(Ro,{id:t.id},t.id),a=i.data?.thresholdVersion,o=a?.market??``,s=R(zo,{market:o},o,!o),l=R(Bo,{versionId:t.id},t.id),f=n.roles.some(e=>ct.includes(e)),[p,m]=e(``),h=St(),{busy:g,error:_,done:v,run:y}=ue(()=>{s.reload(),l.reload()});if(i.error)return c(P,{error:i.error,title:`Could not load the version`});if(i.loading&&!a)return c(L,{label:`Loading the version…`});if(!a)return c(r,{children:[c(z,{title:`Threshold version not found`}),c(`p`,{children:[`No threshold version has the id `,c(`code`,{children:t.id}),`. `,c(N,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let b=s.data?.thresholdVersions.nodes.find(e=>e.version.id===a.id),x=s.data?.activeThresholdVersion?.version,C=x?`version ${x.version}, in force now`:`no version (none is in force now)`,w=c(r,{children:[c(`p`,{children:[`Every `,a.market,` purchase assessed from that moment on is decided with version `,a.version,` instead of `,C,`. A shopper whose purchase a changed rule now fails is declined at checkout and sees the decline pop-up with that rule's reason; one it now passes may pay later.`]}),x&&x.id!==a.id&&c(Qr,{from:{versionId:x.id},to:{versionId:a.id},label:`Rules that change`})]}),E=async e=>{let t=e&&Qt(p)||null;await h.ask({title:e?`Schedule ${a.market} version ${a.version} for ${T(t)}?`:`Activate ${a.market} version ${a.version} now?`,body:c(r,{children:[w,c(`p`,{children:[e?`It takes effect at ${T(t)}`:`It takes effect the moment you confirm`,`, without another approval: version `,a.version,` was approved by`,` `,u(a.approver),` when it was published.`]})]}),confirm:e?`Schedule the activation`:`Activate now`})&&y(async()=>{let n=(await S(Uo,{id:a.id,at:t})).activateThresholdVersion;return e?`Scheduled: version ${a.version} takes effect at ${T(n.activatedAt)}.`:`Activated at ${T(n.activatedAt)}.`})},D=async e=>{(!e||await h.ask({title:`Emergency rollback of ${a.market} to version ${a.version}?`,body:c(r,{children:[w,c(`p`,{children:`It takes effect the moment you confirm, without a new approval, and is recorded as an emergency rollback: flagged on the activation and in the audit log, for review afterwards.`})]}),confirm:`Roll back now`,danger:!0}))&&y(async()=>{let t=(await S(Wo,{market:a.market,versionId:a.id,emergency:e})).rollbackThresholdVersion;return t.draft?(M(`/thresholds/drafts/${t.draft.id}`),``):`Emergency rollback: version ${a.version} in force since ${T(t.activation?.activatedAt)}.`})};return c(r,{children:[c(z,{title:`${a.market} thresholds version ${a.version}`,children:c(N,{href:`/thresholds?market=${a.market}`,children:[`← `,a.market,` thresholds`]})}),c(`p`,{children:[b&&c(`span`,{class:`badge ${b.status===`ACTIVE`?`ok`:`muted`}`,children:O(b.status)}),` `,d(a.author,a.approver),` · published`,` `,T(a.createdAt),`. `,c(`span`,{class:`muted`,children:a.rationale})]}),c(`div`,{class:`grid2`,children:[c(`div`,{children:[c(`section`,{class:`panel`,"aria-labelledby":`rules-h`,children:[c(`h2`,{id:`rules-h`,children:`Rules`}),c(Xr,{rules:a.rules,label:`Rules of the version`})]}),x&&x.id!==a.id&&c(`section`,{class:`panel`,"aria-labelledby":`diff-h`,children:[c(`h2`,{id:`diff-h`,children:[`Compared with version `,x.version,`, in force now`]}),c(Qr,{from:{versionId:x.id},to:{versionId:a.id},label:`Rules that differ from the version in force`})]})]}),c(`div`,{children:c(`section`,{class:`panel`,"aria-labelledby":`act-h`,children:[c(`h2`,{id:`act-h`,children:`Activations`}),s.error!==null&&c(P,{error:s.error,title:`Could not load the activation schedule`}),b&&b.activations.length===0&&c(`p`,{children:`Never activated.`}),b&&b.activations.length>0&&c(`ul`,{children:b.activations.map(e=>c(`li`,{children:[T(e.activatedAt),` by `,u(e.activatedBy),e.emergency&&c(`span`,{class:`badge declined`,children:` emergency rollback`})]},e.id))}),f&&b&&b.status!==`ACTIVE`&&c(`div`,{class:`stack`,children:[c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,onClick:()=>E(!1),disabled:g,children:`Activate now`}),b.status===`SUPERSEDED`&&c(`button`,{type:`button`,class:`danger`,onClick:()=>D(!0),disabled:g,children:`Emergency rollback now`})]}),b.status===`SUPERSEDED`&&c(`p`,{class:`muted`,"data-testid":`activate-vs-rollback`,children:[`Both put version `,a.version,` back in force at once, and neither asks a second person: it was approved when it was published. `,c(`strong`,{children:`Activate now`}),` `,`records an ordinary activation (it can also be scheduled below). `,c(`strong`,{children:`Emergency rollback now`}),` records it as an emergency rollback, flagged on the activation and in the audit log for review afterwards. To have a second person approve the return, start a rollback draft instead.`]}),c(`div`,{class:`toolbar`,children:[c(Ii,{label:`Activate at (UTC)`,name:`at`,value:p,onInput:e=>m(e.currentTarget.value)}),c(F,{error:_,field:`at`}),c(`button`,{type:`button`,class:`secondary`,onClick:()=>E(!0),disabled:g||!Qt(p),children:`Schedule activation`})]}),b.status===`SUPERSEDED`&&c(`div`,{class:`toolbar`,children:[c(`button`,{type:`button`,class:`secondary`,onClick:()=>D(!1),disabled:g,children:`Start a rollback draft`}),c(`span`,{class:`muted`,children:`A copy of this version, approved by a second person like any change before it can be activated.`})]})]}),h.dialog,c(de,{done:v,error:_})]})})]}),b&&c(`div`,{class:`grid2`,children:c(Ho,{versionId:a.id,version:a.version,market:a.market,inForce:b.status===`ACTIVE`,user:n})}),c(`section`,{class:`panel`,"aria-labelledby":`impact-h`,children:[c(`h2`,{id:`impact-h`,children:`Realized against predicted`}),l.error!==null&&c(P,{error:l.error,title:`Could not load the activation impact`}),l.data&&l.data.activationImpact.length===0&&c(`p`,{children:`Not activated yet: nothing realized.`}),l.data?.activationImpact.map(e=>c(Vo,{impact:e,market:a.market},e.activation.id))]})]})}function Ko(e){return l($i,{...e,pages:Xo})}var qo=it(()=>Gr(()=>import(`./AuditLog-BFTm2ick.js`).then(e=>e.AuditLogPage),__vite__mapDeps([6,1,4])),`Loading the audit log…`,!0),Jo=it(()=>Gr(()=>import(`./Retention-BAGu21Z0.js`).then(e=>e.RetentionPage),__vite__mapDeps([7,1,4])),`Loading retention…`,!0),Yo=it(()=>Gr(()=>import(`./ShadowRun-CgpwcNQ4.js`).then(e=>e.ShadowRunPage),__vite__mapDeps([8,1,5,4])),`Loading the shadow run…`,!0),Xo=[{path:`/`,title:`Home`,roles:[],component:Ko},{path:`/inbox`,title:`Inbox`,roles:ft,component:ea,nav:!0},{path:`/overview`,title:`Overview`,roles:Y,component:_a,nav:!0},{path:`/decisions`,title:`Decisions`,roles:Y,component:Zi,nav:!0},{path:`/decisions/:id`,title:`Decision`,roles:Y,component:ji},{path:`/thresholds`,title:`Thresholds`,roles:Y,component:Lo,nav:!0},{path:`/thresholds/drafts/:id`,title:`Threshold draft`,roles:Y,component:go},{path:`/thresholds/versions/:id`,title:`Threshold version`,roles:Y,component:Go},{path:`/thresholds/shadows/:id`,title:`Shadow run`,roles:Y,component:Yo},{path:`/catalog`,title:`Reason catalog`,roles:Y,component:Vn,nav:!0},{path:`/reviews`,title:`Reviews`,roles:dt,component:Pa,nav:!0},{path:`/reviews/:id`,title:`Review case`,roles:dt,component:Da},{path:`/agent`,title:`Agent look-up`,roles:ot,component:gn,nav:!0},{path:`/audit`,title:`Audit log`,roles:[`AUDITOR`],component:qo,nav:!0},{path:`/admin`,title:`Admin`,roles:[`ADMIN`],component:zt,nav:!0},{path:`/retention`,title:`Retention`,roles:pt,component:Jo,nav:!0}];function Zo(){let t=se(),[n,a]=e(void 0),[o,l]=e(null),[u,d]=e(!1);s(()=>{Ze().then(a,l),g(()=>{a(null),d(!0),M(Ge({pathname:window.location.pathname,search:window.location.search}),{replace:!0})})},[]);let f=t.pathname===We;s(()=>{n===null&&!f&&M(Ge(t),{replace:!0}),n&&f&&M(Ke(new URLSearchParams(t.search).get(`next`)),{replace:!0})},[n,f,t.pathname,t.search]);let p=Ue(Xo,t.pathname);s(()=>{document.title=`${f?`Sign in`:p?.route.title??`Not found`} · riskconsole`},[t.pathname]);let m=i(!0);if(s(()=>{m.current?m.current=!1:document.querySelector(`main h1`)?.focus()},[t.pathname]),o)return c(`main`,{id:`main`,children:c(P,{error:o,title:`Could not reach the console`})});if(n===void 0)return c(`main`,{id:`main`,children:c(L,{label:`Loading…`})});if(n===null||f)return c(rt,{expired:u,onSignedIn:e=>{d(!1),a(e)}});let h;if(!p)h=c(r,{children:[c(`h1`,{tabIndex:-1,children:`Page not found`}),c(`p`,{children:[`There is no page at `,c(`code`,{children:t.pathname}),`. `,c(N,{href:`/`,children:`Go to the start page`}),`.`]})]});else{let e=He(n,p.route);if(e.kind===`forbidden`)h=c(r,{children:[c(`h1`,{tabIndex:-1,children:`Not available to your roles`}),c(`p`,{children:[c(`strong`,{children:p.route.title}),` is open to `,e.need.join(`, `),`. You are signed in as `,n.username,` with`,` `,n.roles.join(`, `)||`no role`,`. Ask an administrator if you need it.`]}),c(`p`,{children:c(N,{href:`/`,children:`Go to the start page`})})]});else{let e=p.route.component;h=c(e,{params:p.params,query:new URLSearchParams(t.search),user:n},p.route.path)}}return c(r,{children:[c(`a`,{class:`skip`,href:`#main`,children:`Skip to content`}),c(`header`,{class:`topbar`,children:[c(`span`,{class:`brand`,children:`riskconsole`}),c(`nav`,{"aria-label":`Main`,children:c(`ul`,{children:Xo.filter(e=>e.nav&&Ve(n,e)).map(e=>c(`li`,{children:c(N,{href:e.path,"aria-current":p?.route===e||t.pathname.startsWith(e.path+`/`)?`page`:void 0,children:[e.title,e.path===`/inbox`&&c(Be,{user:n,refresh:t.pathname})]})},e.path))})}),c(`div`,{class:`who`,children:[c(`span`,{children:[n.displayName||n.username,` `,c(`span`,{class:`roles`,children:[`(`,n.roles.join(`, `),`)`]})]}),c(`button`,{type:`button`,class:`secondary`,onClick:async()=>{try{await $e()}finally{d(!1),a(null),M(We,{replace:!0})}},children:`Sign out`})]})]}),c(`main`,{id:`main`,children:h})]})}t(c(Zo,{}),document.getElementById(`app`));export{ne as $,ct as A,be as B,bt as C,gt as D,_t as E,J as F,fe as G,P as H,pe as I,L as J,de as K,he as L,Ne as M,Re as N,ht as O,Te as P,k as Q,_e as R,St as S,vt as T,F as U,K as V,N as W,R as X,ue as Y,M as Z,Jt as _,pi as a,S as at,$t as b,li as c,sr as d,D as et,or as f,ar as g,X as h,ui as i,O as it,st as j,mt as k,Yr as l,Yn as m,Ii as n,A as nt,fi as o,mr as p,z as q,ci as r,T as rt,di as s,Bi as t,j as tt,Kr as u,an as v,yt as w,Qt as x,Yt as y,ye as z};