import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{$ as r,A as i,B as a,C as o,F as s,G as c,J as l,K as u,M as d,N as f,O as p,P as m,Q as h,R as g,S as _,T as v,V as y,W as b,X as x,Y as S,Z as C,_ as w,et as T,j as E,k as D,n as O,nt as k,q as A,t as j,z as M}from"./index-DL_jq-lj.js";import{n as N,r as P,t as F}from"./subject-DYbAcEdk.js";function I(e){return e===b.Anonymise?`anonymised (shopper removed, amounts banded, merchant kept)`:`deleted`}function L(e){return`kept ${e.keepMonths} months after the end of their month, then ${I(e.afterRetention)}`}function R(e,t,n){let r=e.trim();if(!/^\d+$/.test(r))return`Write a whole number of months from ${t} to ${n}.`;let i=Number(r);return i<t?`At least ${t} months in this market.`:i>n?`At most ${n} months; a longer need for particular records is a legal hold.`:i}function z(e){return e.slice(0,7)}function B(e){switch(e){case c.Due:return{text:`May leave now`,badge:`warn`};case c.Held:return{text:`Held`,badge:`overdue`};default:return{text:`Kept`,badge:`ok`}}}function V(e){let t=[e.market?`market ${e.market}`:`every market`];return e.shopperId&&t.push(`shopper ${e.shopperId}`),e.merchantId&&t.push(`merchant ${e.merchantId}`),e.from&&e.to?t.push(`${p(e.from)} to ${p(e.to)}`):e.from?t.push(`from ${p(e.from)}`):e.to&&t.push(`before ${p(e.to)}`),t.join(` · `)}function H(e){let t=e=>e.trim()===``?null:e.trim();return{market:t(e.market),from:t(e.from),to:t(e.to),shopperId:t(e.shopperId),merchantId:t(e.merchantId),reason:e.reason.trim()}}y(`
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
`),y(`
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
`),y(`
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
`),y(`
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
`);var U=y(`
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
`),W=y(`
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
`),G=y(`
  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {
    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {
      ...RetentionRequestFields
    }
  }
`),K=y(`
  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {
    approveRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`),q=y(`
  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {
    rejectRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`),J=y(`
  mutation PlaceLegalHold($input: LegalHoldInput!) {
    placeLegalHold(input: $input) {
      ...LegalHoldFields
    }
  }
`),Y=y(`
  mutation LiftLegalHold($id: ID!, $comment: String!) {
    liftLegalHold(id: $id, comment: $comment) {
      ...LegalHoldFields
    }
  }
`),X=(e,t)=>e.roles.some(e=>t.includes(e));function Z({query:r,user:i}){let s=(r.get(`market`)??`DE`).toUpperCase(),[c,l]=e(0),u=T(U,{market:s},`${s}|${c}`),d=a(M(`retention|${c}`,!X(i,m)).all.flatMap(e=>e.market?[{market:e.market}]:[])),p=()=>{l(e=>e+1),g()},_=u.data,v=_?.retentionPolicies.find(e=>e.market===s);return n(t,{children:[n(C,{title:`Retention`}),n(`p`,{class:`muted`,children:`How long each market keeps its decisions, their outcome events and review cases in full, what happens to them after, and what keeps them longer. Nothing is purged or anonymised from this page: the plan shows when a month may leave.`}),n(`nav`,{"aria-label":`Markets`,children:n(`ul`,{class:`tabs`,children:w.map(e=>n(`li`,{children:n(S,{href:`/retention?market=${e}`,"aria-current":e===s?`page`:void 0,children:[e,d[e]>0&&n(t,{children:[` `,n(`span`,{class:`badge warn count`,title:`${o(d[e],`request`)} awaiting approval`,children:d[e]})]})]})},e))})}),u.error!==null&&n(A,{error:u.error,title:`Could not load the retention of ${s}`}),!_&&u.loading&&n(h,{label:`Loading the retention policy and plan…`}),_&&v&&n(t,{children:[n(Q,{market:s,floor:v.floor,policy:v.policy,versions:_.retentionPolicyVersions.nodes,more:_.retentionPolicyVersions.pageInfo.hasNextPage}),n($,{market:s,user:i,requests:_.retentionPolicyRequests.nodes,policy:v.policy,floor:v.floor.months,max:v.maxKeepMonths,changed:p}),n(ee,{market:s,plan:_.retentionPlan})]}),X(i,f)&&n(te,{user:i,refresh:c,changed:p})]})}function Q(e){let{market:t,policy:r}=e;return n(`section`,{class:`panel`,"aria-labelledby":`policy-h`,children:[n(`h2`,{id:`policy-h`,children:[`Policy in force in `,t]}),n(`p`,{"data-testid":`policy-in-force`,children:[n(`strong`,{children:r.version===0?`The default`:`Version ${r.version}`}),`: decisions are `,L(r),`.`,` `,r.version>0&&n(`span`,{class:`muted`,children:[P(r.author,r.approver,`approved`),`, `,p(r.createdAt),`.`]})]}),n(`p`,{class:`muted`,children:[`Floor in `,t,`: `,e.floor.months,` months. `,e.floor.basis]}),n(`h3`,{children:`History`}),e.versions.length===0?n(`p`,{children:[`No version has been approved in `,t,`: the default is in force.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Retention policy versions of ${t}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Version`}),n(`th`,{class:`num`,children:`Months`}),n(`th`,{children:`After`}),n(`th`,{children:`Proposed by`}),n(`th`,{children:`Approved by`}),n(`th`,{children:`Approved (UTC)`}),n(`th`,{children:`Rationale`})]})}),n(`tbody`,{children:e.versions.map(e=>n(`tr`,{"data-version":e.version,children:[n(`td`,{children:e.version}),n(`td`,{class:`num`,children:e.keepMonths}),n(`td`,{children:D(e.afterRetention)}),n(`td`,{children:N(e.author)}),n(`td`,{children:N(e.approver)}),n(`td`,{children:p(e.createdAt)}),n(`td`,{children:e.rationale})]},e.id))})]})}),e.more&&n(`p`,{class:`muted`,children:`Only the 20 newest versions are shown.`})]})}function $(a){let{market:o,user:c,policy:d}=a,f=X(c,s),h=X(c,m),[g,_]=e(``),[v,y]=e(b.Delete),[S,C]=e(``),[w,T]=e(``),[E,O]=e({}),A=r(a.changed),j=i(),M=a.requests.filter(e=>e.status===u.Submitted),P=a.requests.filter(e=>e.status!==u.Submitted).slice(0,10),z=e=>{e.preventDefault();let t=R(g,a.floor,a.max);T(typeof t==`string`?t:``),typeof t!=`string`&&A.run(async()=>{let e=(await k(G,{market:o,keepMonths:t,afterRetention:v,rationale:S.trim()})).proposeRetentionPolicy;return _(``),C(``),`Request ${e.id} sent: ${o} decisions ${L(e)}. An approver or another auditor decides on it; until then the policy in force stays.`})},B=async(e,r)=>{let i=(E[e.id]??``).trim();if(r){let r=e.keepMonths<d.keepMonths;if(!await j.ask({title:`Make ${o} keep decisions ${e.keepMonths} months, then ${e.afterRetention===b.Anonymise?`anonymise`:`delete`} them?`,body:n(t,{children:[n(`p`,{children:[`From the moment you confirm, version `,d.version+1,` is in force in `,o,`: every month of decisions is dated by it. Now they are `,L(d),`.`]}),r&&n(`p`,{children:[`Months leave `,d.keepMonths-e.keepMonths,` months sooner: some may be due at once (see the plan). Holds still keep what they cover.`]}),n(`p`,{children:[`Proposed by `,N(e.author),`: `,e.rationale]})]}),confirm:`Approve the policy`}))return}A.run(async()=>(r?await k(K,{id:e.id,comment:i||null}):await k(q,{id:e.id,comment:i}),O(t=>({...t,[e.id]:``})),`Request ${e.id} ${r?`approved: it is the policy in force in ${o} now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`requests-h`,children:[n(`h2`,{id:`requests-h`,children:`Changes awaiting approval`}),M.length===0?n(`p`,{children:[`No change of `,o,`'s policy awaits approval.`]}):n(`ul`,{class:`stack`,"aria-label":`Retention requests awaiting approval`,children:M.map(e=>n(`li`,{"data-testid":`retention-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,L(e),`, proposed by `,N(e.author),` `,p(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),h&&F(e.author,c)&&n(`p`,{class:`notice`,children:`You proposed this change, so an approver or another auditor must decide on it.`}),h&&!F(e.author,c)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:E[e.id]??``,onInput:t=>O(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(l,{error:A.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>B(e,!0),disabled:A.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>B(e,!1),disabled:A.busy||!(E[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),P.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:P.map(e=>n(`li`,{children:[`Request `,e.id,`: `,e.keepMonths,` months, then `,I(e.afterRetention),`; `,D(e.status).toLowerCase(),` by `,N(e.reviewer),` `,p(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),f&&n(`form`,{class:`stack`,onSubmit:z,"aria-label":`Propose a retention policy`,children:[n(`h3`,{children:[`Propose a change for `,o]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Keep for (months after the end of the decision's month, `,a.floor,` to `,a.max,`)`,n(`input`,{name:`keepMonths`,inputMode:`numeric`,size:4,value:g,"aria-invalid":w?!0:void 0,onInput:e=>_(e.currentTarget.value)}),w?n(`span`,{class:`field-error`,children:w}):n(l,{error:A.error,field:`keepMonths`})]}),n(`label`,{children:[`Then`,n(`select`,{name:`afterRetention`,value:v,onChange:e=>y(e.currentTarget.value),children:[n(`option`,{value:b.Delete,children:`Delete`}),n(`option`,{value:b.Anonymise,children:`Anonymise`})]}),n(l,{error:A.error,field:`afterRetention`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,size:40,value:S,onInput:e=>C(e.currentTarget.value)}),n(l,{error:A.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:A.busy,children:`Request the change`})]}),n(`p`,{class:`muted`,children:`The change is a request: it takes effect when an approver or another auditor approves it.`})]}),j.dialog,n(x,{done:A.done,error:A.error})]})}function ee({market:e,plan:t}){return n(`section`,{class:`panel`,"aria-labelledby":`plan-h`,children:[n(`h2`,{id:`plan-h`,children:[`What may leave `,e,`, and when`]}),n(`p`,{class:`muted`,children:[`As of `,p(t.asOf),`. A month leaves whole once its duty ends (the end of the month plus the policy's months, in UTC), unless a legal hold keeps it. Counts from the rollups`,t.countsAsOf?` of ${p(t.countsAsOf)}`:``,`.`]}),t.months.length===0?n(`p`,{children:[e,` holds no decisions.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Retention plan of ${e}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Month (UTC)`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{children:`Duty ends (UTC)`}),n(`th`,{children:`Then`}),n(`th`,{children:`State`}),n(`th`,{children:`Held by`})]})}),n(`tbody`,{children:t.months.map(e=>{let t=B(e.state);return n(`tr`,{"data-month":z(e.month),children:[n(`td`,{children:z(e.month)}),n(`td`,{class:`num`,children:v(e.decisions)}),n(`td`,{children:p(e.dueAt)}),n(`td`,{children:D(e.afterRetention)}),n(`td`,{children:n(`span`,{class:`badge ${t.badge}`,children:t.text})}),n(`td`,{children:e.heldBy.length===0?``:e.heldBy.map(e=>`hold ${e.id}`).join(`, `)})]},e.month)})})]})})]})}function te({user:a,refresh:o,changed:s}){let[c,u]=e(!1),f=T(W,{active:!c||null},`${c}|${o}`),m=X(a,d),g=X(a,E),[v,y]=e({market:``,from:``,to:``,shopperId:``,merchantId:``,reason:``}),[b,S]=e({}),C=r(s),w=i(),D=e=>t=>y(n=>({...n,[e]:t.currentTarget.value})),M=e=>{e.preventDefault();let t=_(v.from),n=_(v.to);t!==null&&n!==null&&C.run(async()=>{let e=(await k(J,{input:H({...v,from:t,to:n})})).placeLegalHold;return y({market:``,from:``,to:``,shopperId:``,merchantId:``,reason:``}),`Hold ${e.id} placed on ${V(e)}: those decisions are kept until a second person lifts it.`})},P=async e=>{let r=(b[e.id]??``).trim();await w.ask({title:`Lift hold ${e.id}?`,body:n(t,{children:[n(`p`,{children:[`From the moment you confirm, the decisions of `,V(e),` are kept only as long as the retention policy says: months past their duty may leave, and a shopper's erasure may go ahead.`]}),n(`p`,{children:[`Placed by `,N(e.placedBy),` `,p(e.placedAt),`: `,e.reason]})]}),confirm:`Lift the hold`,danger:!0})&&C.run(async()=>(await k(Y,{id:e.id,comment:r}),S(t=>({...t,[e.id]:``})),`Hold ${e.id} lifted.`))},I=f.data?.legalHolds.nodes??[];return n(`section`,{class:`panel`,"aria-labelledby":`holds-h`,children:[n(`h2`,{id:`holds-h`,children:`Legal holds`}),n(`p`,{class:`muted`,children:`A hold keeps the decisions it selects, in any market, whatever the policy says, until a second person lifts it. Holds are shown to auditors and approvers only.`}),n(`label`,{class:`check`,children:[n(`input`,{type:`checkbox`,checked:c,onChange:e=>u(e.currentTarget.checked)}),` Show lifted holds too`]}),f.error!==null&&n(A,{error:f.error,title:`Could not load the legal holds`}),!f.data&&f.loading&&n(h,{label:`Loading the legal holds…`}),f.data&&I.length===0&&n(`p`,{children:c?`No hold has ever been placed.`:`No hold is in force.`}),I.length>0&&n(`ul`,{class:`stack`,"aria-label":`Legal holds`,children:I.map(e=>n(`li`,{"data-testid":`hold-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Hold `,e.id]}),` `,n(`span`,{class:`badge ${e.active?`overdue`:`muted`}`,children:e.active?`In force`:`Lifted`}),` on `,V(e),`, placed by`,` `,N(e.placedBy),` `,p(e.placedAt),`. `,n(`span`,{class:`muted`,children:e.reason})]}),!e.active&&n(`p`,{class:`muted`,children:[`Lifted by `,N(e.liftedBy),` `,p(e.liftedAt),e.liftComment&&`: “${e.liftComment}”`]}),e.active&&g&&F(e.placedBy,a)&&n(`p`,{class:`notice`,children:`You placed this hold, so another auditor or an approver must lift it.`}),e.active&&g&&!F(e.placedBy,a)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Why it may be lifted`,n(`input`,{name:`comment`,value:b[e.id]??``,onInput:t=>S(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(l,{error:C.error,field:`comment`}),n(`button`,{type:`button`,class:`danger`,onClick:()=>P(e),disabled:C.busy||!(b[e.id]??``).trim(),children:[`Lift hold `,e.id]})]})]},e.id))}),f.data?.legalHolds.pageInfo.hasNextPage&&n(`p`,{class:`muted`,children:`Only the 50 newest holds are shown.`}),m&&n(`form`,{class:`stack`,onSubmit:M,"aria-label":`Place a legal hold`,children:[n(`h3`,{children:`Place a hold`}),n(`p`,{class:`muted`,children:`Name at least one of market, time range, shopper and merchant: the hold keeps the decisions that match all you name.`}),n(`div`,{class:`toolbar`,children:[n(j,{anyLabel:`Every market`,value:v.market,onChange:D(`market`)}),n(l,{error:C.error,field:`input.market`}),n(O,{label:`From (UTC)`,name:`from`,value:v.from,onInput:D(`from`)}),n(O,{label:`To (UTC, excluded)`,name:`to`,value:v.to,onInput:D(`to`)}),n(l,{error:C.error,field:`input.to`}),n(`label`,{children:[`Shopper id`,n(`input`,{name:`shopperId`,value:v.shopperId,onInput:D(`shopperId`)}),n(l,{error:C.error,field:`input.shopperId`})]}),n(`label`,{children:[`Merchant id`,n(`input`,{name:`merchantId`,value:v.merchantId,onInput:D(`merchantId`)}),n(l,{error:C.error,field:`input.merchantId`})]})]}),n(`label`,{children:[`Reason (the matter or claim)`,n(`input`,{name:`reason`,size:60,value:v.reason,onInput:D(`reason`)}),n(l,{error:C.error,field:`input.reason`})]}),n(l,{error:C.error,field:`input`}),n(`p`,{children:n(`button`,{type:`submit`,disabled:C.busy,children:`Place the hold`})})]}),w.dialog,n(x,{done:C.done,error:C.error})]})}export{Z as RetentionPage};