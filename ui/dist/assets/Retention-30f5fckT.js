import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{A as r,B as i,C as a,D as o,E as s,G as c,H as l,I as u,K as d,L as f,M as p,N as m,R as h,S as g,T as _,U as v,W as y,Z as b,et as x,j as S,n as C,nt as w,q as T,t as E,tt as D,w as O,x as k,z as A}from"./index-YXV4cuX4.js";import{n as j,r as M,t as N}from"./subject-DYbAcEdk.js";function P(e){return e===u.Anonymise?`anonymised (shopper removed, amounts banded, merchant kept)`:`deleted`}function F(e){return`kept ${e.keepMonths} months after the end of their month, then ${P(e.afterRetention)}`}function I(e,t,n){let r=e.trim();if(!/^\d+$/.test(r))return`Write a whole number of months from ${t} to ${n}.`;let i=Number(r);return i<t?`At least ${t} months in this market.`:i>n?`At most ${n} months; a longer need for particular records is a legal hold.`:i}function L(e){return e.slice(0,7)}function R(e){switch(e){case f.Due:return{text:`May leave now`,badge:`warn`};case f.Held:return{text:`Held`,badge:`overdue`};default:return{text:`Kept`,badge:`ok`}}}function z(e){let t=[e.market?`market ${e.market}`:`every market`];return e.shopperId&&t.push(`shopper ${e.shopperId}`),e.merchantId&&t.push(`merchant ${e.merchantId}`),e.from&&e.to?t.push(`${x(e.from)} to ${x(e.to)}`):e.from?t.push(`from ${x(e.from)}`):e.to&&t.push(`before ${x(e.to)}`),t.join(` · `)}function B(e){let t=e=>e.trim()===``?null:e.trim();return{market:t(e.market),from:t(e.from),to:t(e.to),shopperId:t(e.shopperId),merchantId:t(e.merchantId),reason:e.reason.trim()}}m(`
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
`),m(`
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
`),m(`
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
`),m(`
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
`);var V=m(`
  query RetentionMarket($market: String!) {
    retentionPolicies {
      market
      floor {
        months
        basis
      }
      maxKeepMonths
      policy {
        ...RetentionPolicyFields
      }
    }
    retentionPolicyVersions(market: $market, first: 20) {
      nodes {
        ...RetentionPolicyFields
      }
      pageInfo {
        hasNextPage
      }
    }
    retentionPolicyRequests(market: $market, first: 20) {
      nodes {
        ...RetentionRequestFields
      }
    }
    retentionPlan(market: $market) {
      ...RetentionPlanFields
    }
  }
`),H=m(`
  query LegalHolds($active: Boolean) {
    legalHolds(active: $active, first: 50) {
      nodes {
        ...LegalHoldFields
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),U=m(`
  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {
    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {
      ...RetentionRequestFields
    }
  }
`),W=m(`
  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {
    approveRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`),G=m(`
  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {
    rejectRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`),K=m(`
  mutation PlaceLegalHold($input: LegalHoldInput!) {
    placeLegalHold(input: $input) {
      ...LegalHoldFields
    }
  }
`),q=m(`
  mutation LiftLegalHold($id: ID!, $comment: String!) {
    liftLegalHold(id: $id, comment: $comment) {
      ...LegalHoldFields
    }
  }
`),J=(e,t)=>e.roles.some(e=>t.includes(e));function Y({query:i,user:a}){let o=(i.get(`market`)??`DE`).toUpperCase(),[u,d]=e(0),f=T(V,{market:o},`${o}|${u}`),m=p(S(`retention|${u}`,!J(a,s)).all.flatMap(e=>e.market?[{market:e.market}]:[])),h=()=>{d(e=>e+1),r()},g=f.data,v=g?.retentionPolicies.find(e=>e.market===o);return n(t,{children:[n(y,{title:`Retention`}),n(`p`,{class:`muted`,children:`How long each market keeps its decisions, their outcome events and review cases in full, what happens to them after, and what keeps them longer. Nothing is purged or anonymised from this page: the plan shows when a month may leave.`}),n(l,{path:`/retention`,market:o,pending:m,what:`request`}),f.error!==null&&n(A,{error:f.error,title:`Could not load the retention of ${o}`}),!g&&f.loading&&n(c,{label:`Loading the retention policy and plan…`}),g&&v&&n(t,{children:[n(X,{market:o,floor:v.floor,policy:v.policy,versions:g.retentionPolicyVersions.nodes,more:g.retentionPolicyVersions.pageInfo.hasNextPage}),n(Z,{market:o,user:a,requests:g.retentionPolicyRequests.nodes,policy:v.policy,floor:v.floor.months,max:v.maxKeepMonths,changed:h}),n(Q,{market:o,plan:g.retentionPlan})]}),J(a,_)&&n($,{user:a,refresh:u,changed:h})]})}function X(e){let{market:t,policy:r}=e;return n(`section`,{class:`panel`,"aria-labelledby":`policy-h`,children:[n(`h2`,{id:`policy-h`,children:[`Policy in force in `,t]}),n(`p`,{"data-testid":`policy-in-force`,children:[n(`strong`,{children:r.version===0?`The default`:`Version ${r.version}`}),`: decisions are `,F(r),`.`,` `,r.version>0&&n(`span`,{class:`muted`,children:[M(r.author,r.approver,`approved`),`, `,x(r.createdAt),`.`]})]}),n(`p`,{class:`muted`,children:[`Floor in `,t,`: `,e.floor.months,` months. `,e.floor.basis]}),n(`h3`,{children:`History`}),e.versions.length===0?n(`p`,{children:[`No version has been approved in `,t,`: the default is in force.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Retention policy versions of ${t}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Version`}),n(`th`,{class:`num`,children:`Months`}),n(`th`,{children:`After`}),n(`th`,{children:`Proposed by`}),n(`th`,{children:`Approved by`}),n(`th`,{children:`Approved (UTC)`}),n(`th`,{children:`Rationale`})]})}),n(`tbody`,{children:e.versions.map(e=>n(`tr`,{"data-version":e.version,children:[n(`td`,{children:e.version}),n(`td`,{class:`num`,children:e.keepMonths}),n(`td`,{children:D(e.afterRetention)}),n(`td`,{children:j(e.author)}),n(`td`,{children:j(e.approver)}),n(`td`,{children:x(e.createdAt)}),n(`td`,{children:e.rationale})]},e.id))})]})}),e.more&&n(`p`,{class:`muted`,children:`Only the 20 newest versions are shown.`})]})}function Z(r){let{market:a,user:c,policy:l}=r,f=J(c,o),p=J(c,s),[m,_]=e(``),[y,b]=e(u.Delete),[S,C]=e(``),[T,E]=e(``),[O,k]=e({}),A=d(r.changed),M=g(),L=r.requests.filter(e=>e.status===h.Submitted),R=r.requests.filter(e=>e.status!==h.Submitted).slice(0,10),z=e=>{e.preventDefault();let t=I(m,r.floor,r.max);E(typeof t==`string`?t:``),typeof t!=`string`&&A.run(async()=>{let e=(await w(U,{market:a,keepMonths:t,afterRetention:y,rationale:S.trim()})).proposeRetentionPolicy;return _(``),C(``),`Request ${e.id} sent: ${a} decisions ${F(e)}. An approver or another auditor decides on it; until then the policy in force stays.`})},B=async(e,r)=>{let i=(O[e.id]??``).trim();if(r){let r=e.keepMonths<l.keepMonths;if(!await M.ask({title:`Make ${a} keep decisions ${e.keepMonths} months, then ${e.afterRetention===u.Anonymise?`anonymise`:`delete`} them?`,body:n(t,{children:[n(`p`,{children:[`From the moment you confirm, version `,l.version+1,` is in force in `,a,`: every month of decisions is dated by it. Now they are `,F(l),`.`]}),r&&n(`p`,{children:[`Months leave `,l.keepMonths-e.keepMonths,` months sooner: some may be due at once (see the plan). Holds still keep what they cover.`]}),n(`p`,{children:[`Proposed by `,j(e.author),`: `,e.rationale]})]}),confirm:`Approve the policy`}))return}A.run(async()=>(r?await w(W,{id:e.id,comment:i||null}):await w(G,{id:e.id,comment:i}),k(t=>({...t,[e.id]:``})),`Request ${e.id} ${r?`approved: it is the policy in force in ${a} now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`requests-h`,children:[n(`h2`,{id:`requests-h`,children:`Changes awaiting approval`}),L.length===0?n(`p`,{children:[`No change of `,a,`'s policy awaits approval.`]}):n(`ul`,{class:`stack`,"aria-label":`Retention requests awaiting approval`,children:L.map(e=>n(`li`,{"data-testid":`retention-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,F(e),`, proposed by `,j(e.author),` `,x(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),p&&N(e.author,c)&&n(`p`,{class:`notice`,children:`You proposed this change, so an approver or another auditor must decide on it.`}),p&&!N(e.author,c)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:O[e.id]??``,onInput:t=>k(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(i,{error:A.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>B(e,!0),disabled:A.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>B(e,!1),disabled:A.busy||!(O[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),R.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:R.map(e=>n(`li`,{children:[`Request `,e.id,`: `,e.keepMonths,` months, then `,P(e.afterRetention),`; `,D(e.status).toLowerCase(),` by `,j(e.reviewer),` `,x(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),f&&n(`form`,{class:`stack`,onSubmit:z,"aria-label":`Propose a retention policy`,children:[n(`h3`,{children:[`Propose a change for `,a]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Keep for (months after the end of the decision's month, `,r.floor,` to `,r.max,`)`,n(`input`,{name:`keepMonths`,inputMode:`numeric`,size:4,value:m,"aria-invalid":T?!0:void 0,onInput:e=>_(e.currentTarget.value)}),T?n(`span`,{class:`field-error`,children:T}):n(i,{error:A.error,field:`keepMonths`})]}),n(`label`,{children:[`Then`,n(`select`,{name:`afterRetention`,value:y,onChange:e=>b(e.currentTarget.value),children:[n(`option`,{value:u.Delete,children:`Delete`}),n(`option`,{value:u.Anonymise,children:`Anonymise`})]}),n(i,{error:A.error,field:`afterRetention`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,size:40,value:S,onInput:e=>C(e.currentTarget.value)}),n(i,{error:A.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:A.busy,children:`Request the change`})]}),n(`p`,{class:`muted`,children:`The change is a request: it takes effect when an approver or another auditor approves it.`})]}),M.dialog,n(v,{done:A.done,error:A.error})]})}function Q({market:e,plan:t}){return n(`section`,{class:`panel`,"aria-labelledby":`plan-h`,children:[n(`h2`,{id:`plan-h`,children:[`What may leave `,e,`, and when`]}),n(`p`,{class:`muted`,children:[`As of `,x(t.asOf),`. A month leaves whole once its duty ends (the end of the month plus the policy's months, in UTC), unless a legal hold keeps it. Counts from the rollups`,t.countsAsOf?` of ${x(t.countsAsOf)}`:``,`.`]}),t.months.length===0?n(`p`,{children:[e,` holds no decisions.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Retention plan of ${e}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Month (UTC)`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{children:`Duty ends (UTC)`}),n(`th`,{children:`Then`}),n(`th`,{children:`State`}),n(`th`,{children:`Held by`})]})}),n(`tbody`,{children:t.months.map(e=>{let t=R(e.state);return n(`tr`,{"data-month":L(e.month),children:[n(`td`,{children:L(e.month)}),n(`td`,{class:`num`,children:b(e.decisions)}),n(`td`,{children:x(e.dueAt)}),n(`td`,{children:D(e.afterRetention)}),n(`td`,{children:n(`span`,{class:`badge ${t.badge}`,children:t.text})}),n(`td`,{children:e.heldBy.length===0?``:e.heldBy.map(e=>`hold ${e.id}`).join(`, `)})]},e.month)})})]})})]})}function $({user:r,refresh:o,changed:s}){let[l,u]=e(!1),f=T(H,{active:!l||null},`${l}|${o}`),p=J(r,O),m=J(r,a),[h,_]=e({market:``,from:``,to:``,shopperId:``,merchantId:``,reason:``}),[y,b]=e({}),S=d(s),D=g(),M=e=>t=>_(n=>({...n,[e]:t.currentTarget.value})),P=e=>{e.preventDefault();let t=k(h.from),n=k(h.to);t!==null&&n!==null&&S.run(async()=>{let e=(await w(K,{input:B({...h,from:t,to:n})})).placeLegalHold;return _({market:``,from:``,to:``,shopperId:``,merchantId:``,reason:``}),`Hold ${e.id} placed on ${z(e)}: those decisions are kept until a second person lifts it.`})},F=async e=>{let r=(y[e.id]??``).trim();await D.ask({title:`Lift hold ${e.id}?`,body:n(t,{children:[n(`p`,{children:[`From the moment you confirm, the decisions of `,z(e),` are kept only as long as the retention policy says: months past their duty may leave, and a shopper's erasure may go ahead.`]}),n(`p`,{children:[`Placed by `,j(e.placedBy),` `,x(e.placedAt),`: `,e.reason]})]}),confirm:`Lift the hold`,danger:!0})&&S.run(async()=>(await w(q,{id:e.id,comment:r}),b(t=>({...t,[e.id]:``})),`Hold ${e.id} lifted.`))},I=f.data?.legalHolds.nodes??[];return n(`section`,{class:`panel`,"aria-labelledby":`holds-h`,children:[n(`h2`,{id:`holds-h`,children:`Legal holds`}),n(`p`,{class:`muted`,children:`A hold keeps the decisions it selects, in any market, whatever the policy says, until a second person lifts it. Holds are shown to auditors and approvers only.`}),n(`label`,{class:`check`,children:[n(`input`,{type:`checkbox`,checked:l,onChange:e=>u(e.currentTarget.checked)}),` Show lifted holds too`]}),f.error!==null&&n(A,{error:f.error,title:`Could not load the legal holds`}),!f.data&&f.loading&&n(c,{label:`Loading the legal holds…`}),f.data&&I.length===0&&n(`p`,{children:l?`No hold has ever been placed.`:`No hold is in force.`}),I.length>0&&n(`ul`,{class:`stack`,"aria-label":`Legal holds`,children:I.map(e=>n(`li`,{"data-testid":`hold-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Hold `,e.id]}),` `,n(`span`,{class:`badge ${e.active?`overdue`:`muted`}`,children:e.active?`In force`:`Lifted`}),` on `,z(e),`, placed by`,` `,j(e.placedBy),` `,x(e.placedAt),`. `,n(`span`,{class:`muted`,children:e.reason})]}),!e.active&&n(`p`,{class:`muted`,children:[`Lifted by `,j(e.liftedBy),` `,x(e.liftedAt),e.liftComment&&`: “${e.liftComment}”`]}),e.active&&m&&N(e.placedBy,r)&&n(`p`,{class:`notice`,children:`You placed this hold, so another auditor or an approver must lift it.`}),e.active&&m&&!N(e.placedBy,r)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Why it may be lifted`,n(`input`,{name:`comment`,value:y[e.id]??``,onInput:t=>b(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(i,{error:S.error,field:`comment`}),n(`button`,{type:`button`,class:`danger`,onClick:()=>F(e),disabled:S.busy||!(y[e.id]??``).trim(),children:[`Lift hold `,e.id]})]})]},e.id))}),f.data?.legalHolds.pageInfo.hasNextPage&&n(`p`,{class:`muted`,children:`Only the 50 newest holds are shown.`}),p&&n(`form`,{class:`stack`,onSubmit:P,"aria-label":`Place a legal hold`,children:[n(`h3`,{children:`Place a hold`}),n(`p`,{class:`muted`,children:`Name at least one of market, time range, shopper and merchant: the hold keeps the decisions that match all you name.`}),n(`div`,{class:`toolbar`,children:[n(E,{anyLabel:`Every market`,value:h.market,onChange:M(`market`)}),n(i,{error:S.error,field:`input.market`}),n(C,{label:`From (UTC)`,name:`from`,value:h.from,onInput:M(`from`)}),n(C,{label:`To (UTC, excluded)`,name:`to`,value:h.to,onInput:M(`to`)}),n(i,{error:S.error,field:`input.to`}),n(`label`,{children:[`Shopper id`,n(`input`,{name:`shopperId`,value:h.shopperId,onInput:M(`shopperId`)}),n(i,{error:S.error,field:`input.shopperId`})]}),n(`label`,{children:[`Merchant id`,n(`input`,{name:`merchantId`,value:h.merchantId,onInput:M(`merchantId`)}),n(i,{error:S.error,field:`input.merchantId`})]})]}),n(`label`,{children:[`Reason (the matter or claim)`,n(`input`,{name:`reason`,size:60,value:h.reason,onInput:M(`reason`)}),n(i,{error:S.error,field:`input.reason`})]}),n(i,{error:S.error,field:`input`}),n(`p`,{children:n(`button`,{type:`submit`,disabled:S.busy,children:`Place the hold`})})]}),D.dialog,n(v,{done:S.done,error:S.error})]})}export{Y as RetentionPage};