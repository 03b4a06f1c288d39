import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{B as r,C as i,D as a,E as o,F as s,G as c,H as l,J as u,K as d,M as f,N as p,O as m,P as h,Q as g,R as _,S as v,T as y,U as b,V as x,X as S,Y as C,at as w,et as T,it as E,k as D,n as O,q as k,rt as A,t as j,w as M,x as N,z as P}from"./index-CvA-npCO.js";import{n as F,r as I,t as L}from"./subject-DYbAcEdk.js";function R(e){switch(e){case _.NowDone:return{text:`Done at request`,badge:`ok`};case _.Scheduled:return{text:`Scheduled`,badge:`warn`};case _.Held:return{text:`Held (legal hold)`,badge:`overdue`};default:return{text:`Done after waiting`,badge:`ok`}}}var z=[_.NowDone,_.Scheduled,_.Held,_.Done];function B(e){let t=e.trim();return t===``?{error:`Write the id of the shopper to erase.`}:{id:t}}function V(e){let t=e.request,n=[e.repeated?`Request ${t.id} of this shopper was already waiting: nothing new was recorded.`:`Erasure request ${t.id} recorded.`];e.erasedNow>0?n.push(`${g(e.erasedNow,`decision`)} unlinked from the shopper now.`):e.repeated||n.push(`No decision was unlinked now.`);let r=e.waiting===1?`1 decision stays linked`:`${g(e.waiting,`decision`)} stay linked`;return t.state===_.Held?n.push(e.waiting>0?`A legal hold applies: ${r} until it is lifted${t.dueAt?`, and not before ${A(t.dueAt)}, when their retention duty ends`:``}.`:`A legal hold applies: the request waits until it is lifted.`):t.state===_.Scheduled?n.push(e.waiting>0?`${r} while a retention duty runs: ${e.waiting===1?`it is`:`they are`} unlinked ${t.dueAt?`at ${A(t.dueAt)}`:`when it ends`}.`:`The rest is carried out ${t.dueAt?`at ${A(t.dueAt)}`:`when the retention duty ends`}.`):e.waiting===0?n.push(e.erasedNow>0?`Nothing waits: the request is done.`:`No decision of this shopper was linked: the request is done.`):n.push(`${r}.`),n.join(` `)}s(`
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
`);var H=s(`
  query ErasureRequests($state: ErasureRequestState, $first: Int!, $after: String) {
    erasureRequests(state: $state, first: $first, after: $after) {
      nodes {
        ...ErasureRequestFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),U=s(`
  mutation RequestErasure($shopperId: String!, $reference: String) {
    requestErasure(shopperId: $shopperId, reference: $reference) {
      request {
        ...ErasureRequestFields
      }
      erasedNow
      waiting
      repeated
    }
  }
`),W=20;function G({user:t,refresh:r}){let[a,o]=e(``),[s,c]=e(0),d=`${a}|${r}|${s}`,f=S(H,{state:a||null,first:W,after:null},d),[p,m]=e({key:``,pages:[]}),[h,g]=e(!1),[_,v]=e(null),y=p.key===d?p.pages:[],b=f.data?.erasureRequests,x=y.length>0?y[y.length-1]:b,C=b?[...b.nodes,...y.flatMap(e=>e.nodes)]:[];return n(`section`,{class:`panel`,"aria-labelledby":`erasure-h`,children:[n(`h2`,{id:`erasure-h`,children:`Erasure requests`}),n(`p`,{class:`muted`,children:`A shopper's erasure (GDPR art. 17) unlinks them from their decisions, which stay with their outcome and reasons. Decisions whose retention duty has ended are unlinked at once, the others when it ends, none while a legal hold applies. The shopper is never shown here.`}),n(`div`,{class:`toolbar`,children:n(`label`,{children:[`State`,n(`select`,{name:`erasureState`,value:a,onChange:e=>o(e.currentTarget.value),children:[n(`option`,{value:``,children:`All`}),z.map(e=>n(`option`,{value:e,children:R(e).text},e))]})]})}),f.error!==null&&n(l,{error:f.error,title:`Could not load the erasure requests`}),!b&&f.loading&&n(u,{label:`Loading the erasure requests…`}),b&&C.length===0&&n(`p`,{children:a?`No erasure request is ${R(a).text.toLowerCase()}.`:`No erasure has been requested.`}),C.length>0&&n(`div`,{class:`table-wrap`,children:n(`table`,{class:`erasures`,"aria-label":`Erasure requests`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Request`}),n(`th`,{children:`Reference`}),n(`th`,{children:`Requested by`}),n(`th`,{children:`Requested (UTC)`}),n(`th`,{children:`State`}),n(`th`,{children:`Due (UTC)`}),n(`th`,{class:`num`,children:`Unlinked at request`}),n(`th`,{class:`num`,children:`Unlinked later`}),n(`th`,{children:`Done (UTC)`})]})}),n(`tbody`,{children:C.map(e=>{let t=R(e.state);return n(`tr`,{"data-request":e.id,children:[n(`td`,{children:e.id}),n(`td`,{children:e.reference??``}),n(`td`,{children:F(e.requestedBy)}),n(`td`,{children:A(e.requestedAt)}),n(`td`,{children:n(`span`,{class:`badge ${t.badge}`,children:t.text})}),n(`td`,{children:A(e.dueAt)}),n(`td`,{class:`num`,children:T(e.erasedAtRequest)}),n(`td`,{class:`num`,children:T(e.erasedLater)}),n(`td`,{children:A(e.doneAt)})]},e.id)})})]})}),_!==null&&n(l,{error:_,title:`Could not load more erasure requests`}),x?.pageInfo.hasNextPage&&n(`p`,{children:n(`button`,{type:`button`,class:`secondary`,onClick:async()=>{let e=x?.pageInfo.endCursor;if(e){g(!0),v(null);try{let t=(await w(H,{state:a||null,first:W,after:e})).erasureRequests;m({key:d,pages:[...y,t]})}catch(e){v(e)}finally{g(!1)}}},disabled:h,children:`More erasure requests`})}),t.roles.some(e=>i.includes(e))&&n(K,{erased:()=>c(e=>e+1)})]})}function K({erased:r}){let[i,a]=e(``),[o,s]=e(``),[c,l]=e(``),u=C(r),f=v();return n(t,{children:[n(`form`,{class:`stack`,onSubmit:async e=>{e.preventDefault();let r=B(i);if(l(`error`in r?r.error:``),`error`in r)return;let c=o.trim();await f.ask({title:`Erase shopper ${r.id}?`,body:n(t,{children:[n(`p`,{children:`Their decisions are unlinked from them for good: each keeps its outcome and reasons, without the shopper id. This cannot be undone. Decisions whose retention duty has ended are unlinked now, the others when it ends, none while a legal hold applies.`}),n(`p`,{children:[`The request is recorded`,c?` with the reference “${c}”`:``,` and audited, naming the shopper by a keyed hash only.`]})]}),confirm:`Erase the shopper`,danger:!0})&&u.run(async()=>{let e=(await w(U,{shopperId:r.id,reference:c||null})).requestErasure;return a(``),s(``),V(e)})},"aria-label":`Erase a shopper`,noValidate:!0,children:[n(`h3`,{children:`Erase a shopper`}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Shopper id`,n(`input`,{name:`shopperId`,size:30,value:i,"aria-invalid":c?!0:void 0,onInput:e=>a(e.currentTarget.value)}),c?n(`span`,{class:`field-error`,children:c}):n(b,{error:u.error,field:`shopperId`})]}),n(`label`,{children:[`Reference (optional, the privacy process's own)`,n(`input`,{name:`reference`,size:30,value:o,onInput:e=>s(e.currentTarget.value)}),n(b,{error:u.error,field:`reference`})]}),n(`button`,{type:`submit`,class:`danger`,disabled:u.busy,children:`Erase…`})]}),n(`p`,{class:`muted`,children:`You are asked to confirm: an erasure cannot be undone.`})]}),f.dialog,n(d,{done:u.done,error:u.error})]})}function q(e){return e===P.Anonymise?`anonymised (shopper removed, amounts banded, merchant kept)`:`deleted`}function J(e){return`kept ${e.keepMonths} months after the end of their month, then ${q(e.afterRetention)}`}function Y(e,t,n){let r=e.trim();if(!/^\d+$/.test(r))return`Write a whole number of months from ${t} to ${n}.`;let i=Number(r);return i<t?`At least ${t} months in this market.`:i>n?`At most ${n} months; a longer need for particular records is a legal hold.`:i}function X(e){return e.slice(0,7)}function Z(e){switch(e){case r.Due:return{text:`May leave now`,badge:`warn`};case r.Held:return{text:`Held`,badge:`overdue`};default:return{text:`Kept`,badge:`ok`}}}function Q(e){let t=[e.market?`market ${e.market}`:`every market`];return e.shopperId&&t.push(`shopper ${e.shopperId}`),e.merchantId&&t.push(`merchant ${e.merchantId}`),e.from&&e.to?t.push(`${A(e.from)} to ${A(e.to)}`):e.from?t.push(`from ${A(e.from)}`):e.to&&t.push(`before ${A(e.to)}`),t.join(` · `)}function ee(e){let t=e=>e.trim()===``?null:e.trim();return{market:t(e.market),from:t(e.from),to:t(e.to),shopperId:t(e.shopperId),merchantId:t(e.merchantId),reason:e.reason.trim()}}s(`
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
`),s(`
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
`),s(`
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
`),s(`
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
`);var te=s(`
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
`),ne=s(`
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
`),re=s(`
  mutation ProposeRetentionPolicy($market: String!, $keepMonths: Int!, $afterRetention: RetentionAction!, $rationale: String!) {
    proposeRetentionPolicy(market: $market, keepMonths: $keepMonths, afterRetention: $afterRetention, rationale: $rationale) {
      ...RetentionRequestFields
    }
  }
`),ie=s(`
  mutation ApproveRetentionPolicyRequest($id: ID!, $comment: String) {
    approveRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`),ae=s(`
  mutation RejectRetentionPolicyRequest($id: ID!, $comment: String!) {
    rejectRetentionPolicyRequest(id: $id, comment: $comment) {
      ...RetentionRequestFields
    }
  }
`),oe=s(`
  mutation PlaceLegalHold($input: LegalHoldInput!) {
    placeLegalHold(input: $input) {
      ...LegalHoldFields
    }
  }
`),se=s(`
  mutation LiftLegalHold($id: ID!, $comment: String!) {
    liftLegalHold(id: $id, comment: $comment) {
      ...LegalHoldFields
    }
  }
`),$=(e,t)=>e.roles.some(e=>t.includes(e));function ce({query:r,user:i}){let o=(r.get(`market`)??`DE`).toUpperCase(),[s,d]=e(0),g=S(te,{market:o},`${o}|${s}`),_=h(p(`retention|${s}`,!$(i,m)).all.flatMap(e=>e.market?[{market:e.market}]:[])),v=()=>{d(e=>e+1),f()},y=g.data,b=y?.retentionPolicies.find(e=>e.market===o);return n(t,{children:[n(k,{title:`Retention`}),n(`p`,{class:`muted`,children:`How long each market keeps its decisions, their outcome events and review cases in full, what happens to them after, and what keeps them longer. Nothing is purged or anonymised from this page: the plan shows when a month may leave.`}),n(c,{path:`/retention`,market:o,pending:_,what:`request`}),g.error!==null&&n(l,{error:g.error,title:`Could not load the retention of ${o}`}),!y&&g.loading&&n(u,{label:`Loading the retention policy and plan…`}),y&&b&&n(t,{children:[n(le,{market:o,floor:b.floor,policy:b.policy,versions:y.retentionPolicyVersions.nodes,more:y.retentionPolicyVersions.pageInfo.hasNextPage}),n(ue,{market:o,user:i,requests:y.retentionPolicyRequests.nodes,policy:b.policy,floor:b.floor.months,max:b.maxKeepMonths,changed:v}),n(de,{market:o,plan:y.retentionPlan})]}),$(i,a)&&n(fe,{user:i,refresh:s,changed:v}),$(i,M)&&n(G,{user:i,refresh:s})]})}function le(e){let{market:t,policy:r}=e;return n(`section`,{class:`panel`,"aria-labelledby":`policy-h`,children:[n(`h2`,{id:`policy-h`,children:[`Policy in force in `,t]}),n(`p`,{"data-testid":`policy-in-force`,children:[n(`strong`,{children:r.version===0?`The default`:`Version ${r.version}`}),`: decisions are `,J(r),`.`,` `,r.version>0&&n(`span`,{class:`muted`,children:[I(r.author,r.approver,`approved`),`, `,A(r.createdAt),`.`]})]}),n(`p`,{class:`muted`,children:[`Floor in `,t,`: `,e.floor.months,` months. `,e.floor.basis]}),n(`h3`,{children:`History`}),e.versions.length===0?n(`p`,{children:[`No version has been approved in `,t,`: the default is in force.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Retention policy versions of ${t}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Version`}),n(`th`,{class:`num`,children:`Months`}),n(`th`,{children:`After`}),n(`th`,{children:`Proposed by`}),n(`th`,{children:`Approved by`}),n(`th`,{children:`Approved (UTC)`}),n(`th`,{children:`Rationale`})]})}),n(`tbody`,{children:e.versions.map(e=>n(`tr`,{"data-version":e.version,children:[n(`td`,{children:e.version}),n(`td`,{class:`num`,children:e.keepMonths}),n(`td`,{children:E(e.afterRetention)}),n(`td`,{children:F(e.author)}),n(`td`,{children:F(e.approver)}),n(`td`,{children:A(e.createdAt)}),n(`td`,{children:e.rationale})]},e.id))})]})}),e.more&&n(`p`,{class:`muted`,children:`Only the 20 newest versions are shown.`})]})}function ue(r){let{market:i,user:a,policy:o}=r,s=$(a,D),c=$(a,m),[l,u]=e(``),[f,p]=e(P.Delete),[h,g]=e(``),[_,y]=e(``),[S,T]=e({}),O=C(r.changed),k=v(),j=r.requests.filter(e=>e.status===x.Submitted),M=r.requests.filter(e=>e.status!==x.Submitted).slice(0,10),N=e=>{e.preventDefault();let t=Y(l,r.floor,r.max);y(typeof t==`string`?t:``),typeof t!=`string`&&O.run(async()=>{let e=(await w(re,{market:i,keepMonths:t,afterRetention:f,rationale:h.trim()})).proposeRetentionPolicy;return u(``),p(P.Delete),g(``),`Request ${e.id} sent: ${i} decisions ${J(e)}. An approver or another auditor decides on it; until then the policy in force stays.`})},I=async(e,r)=>{let a=(S[e.id]??``).trim();if(r){let r=e.keepMonths<o.keepMonths;if(!await k.ask({title:`Make ${i} keep decisions ${e.keepMonths} months, then ${e.afterRetention===P.Anonymise?`anonymise`:`delete`} them?`,body:n(t,{children:[n(`p`,{children:[`From the moment you confirm, version `,o.version+1,` is in force in `,i,`: every month of decisions is dated by it. Now they are `,J(o),`.`]}),r&&n(`p`,{children:[`Months leave `,o.keepMonths-e.keepMonths,` months sooner: some may be due at once (see the plan). Holds still keep what they cover.`]}),n(`p`,{children:[`Proposed by `,F(e.author),`: `,e.rationale]})]}),confirm:`Approve the policy`}))return}O.run(async()=>(r?await w(ie,{id:e.id,comment:a||null}):await w(ae,{id:e.id,comment:a}),T(t=>({...t,[e.id]:``})),`Request ${e.id} ${r?`approved: it is the policy in force in ${i} now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`requests-h`,children:[n(`h2`,{id:`requests-h`,children:`Changes awaiting approval`}),j.length===0?n(`p`,{children:[`No change of `,i,`'s policy awaits approval.`]}):n(`ul`,{class:`stack`,"aria-label":`Retention requests awaiting approval`,children:j.map(e=>n(`li`,{"data-testid":`retention-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,J(e),`, proposed by `,F(e.author),` `,A(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),c&&L(e.author,a)&&n(`p`,{class:`notice`,children:`You proposed this change, so an approver or another auditor must decide on it.`}),c&&!L(e.author,a)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:S[e.id]??``,onInput:t=>T(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(b,{error:O.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>I(e,!0),disabled:O.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>I(e,!1),disabled:O.busy||!(S[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),M.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:M.map(e=>n(`li`,{children:[`Request `,e.id,`: `,e.keepMonths,` months, then `,q(e.afterRetention),`; `,E(e.status).toLowerCase(),` by `,F(e.reviewer),` `,A(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),s&&n(`form`,{class:`stack`,onSubmit:N,"aria-label":`Propose a retention policy`,children:[n(`h3`,{children:[`Propose a change for `,i]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Keep for (months after the end of the decision's month, `,r.floor,` to `,r.max,`)`,n(`input`,{name:`keepMonths`,inputMode:`numeric`,size:4,value:l,"aria-invalid":_?!0:void 0,onInput:e=>u(e.currentTarget.value)}),_?n(`span`,{class:`field-error`,children:_}):n(b,{error:O.error,field:`keepMonths`})]}),n(`label`,{children:[`Then`,n(`select`,{name:`afterRetention`,value:f,onChange:e=>p(e.currentTarget.value),children:[n(`option`,{value:P.Delete,children:`Delete`}),n(`option`,{value:P.Anonymise,children:`Anonymise`})]}),n(b,{error:O.error,field:`afterRetention`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,size:40,value:h,onInput:e=>g(e.currentTarget.value)}),n(b,{error:O.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:O.busy,children:`Request the change`})]}),n(`p`,{class:`muted`,children:`The change is a request: it takes effect when an approver or another auditor approves it.`})]}),k.dialog,n(d,{done:O.done,error:O.error})]})}function de({market:e,plan:t}){return n(`section`,{class:`panel`,"aria-labelledby":`plan-h`,children:[n(`h2`,{id:`plan-h`,children:[`What may leave `,e,`, and when`]}),n(`p`,{class:`muted`,children:[`As of `,A(t.asOf),`. A month leaves whole once its duty ends (the end of the month plus the policy's months, in UTC), unless a legal hold keeps it. Counts from the rollups`,t.countsAsOf?` of ${A(t.countsAsOf)}`:``,`.`]}),t.months.length===0?n(`p`,{children:[e,` holds no decisions.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Retention plan of ${e}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Month (UTC)`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{children:`Duty ends (UTC)`}),n(`th`,{children:`Then`}),n(`th`,{children:`State`}),n(`th`,{children:`Held by`})]})}),n(`tbody`,{children:t.months.map(e=>{let t=Z(e.state);return n(`tr`,{"data-month":X(e.month),children:[n(`td`,{children:X(e.month)}),n(`td`,{class:`num`,children:T(e.decisions)}),n(`td`,{children:A(e.dueAt)}),n(`td`,{children:E(e.afterRetention)}),n(`td`,{children:n(`span`,{class:`badge ${t.badge}`,children:t.text})}),n(`td`,{children:e.heldBy.length===0?``:e.heldBy.map(e=>`hold ${e.id}`).join(`, `)})]},e.month)})})]})})]})}function fe({user:r,refresh:i,changed:a}){let[s,c]=e(!1),f=S(ne,{active:!s||null},`${s}|${i}`),p=$(r,o),m=$(r,y),[h,g]=e({market:``,from:``,to:``,shopperId:``,merchantId:``,reason:``}),[_,x]=e({}),T=C(a),E=v(),D=e=>t=>g(n=>({...n,[e]:t.currentTarget.value})),k=e=>{e.preventDefault();let t=N(h.from),n=N(h.to);t!==null&&n!==null&&T.run(async()=>{let e=(await w(oe,{input:ee({...h,from:t,to:n})})).placeLegalHold;return g({market:``,from:``,to:``,shopperId:``,merchantId:``,reason:``}),`Hold ${e.id} placed on ${Q(e)}: those decisions are kept until a second person lifts it.`})},M=async e=>{let r=(_[e.id]??``).trim();await E.ask({title:`Lift hold ${e.id}?`,body:n(t,{children:[n(`p`,{children:[`From the moment you confirm, the decisions of `,Q(e),` are kept only as long as the retention policy says: months past their duty may leave, and a shopper's erasure may go ahead.`]}),n(`p`,{children:[`Placed by `,F(e.placedBy),` `,A(e.placedAt),`: `,e.reason]})]}),confirm:`Lift the hold`,danger:!0})&&T.run(async()=>(await w(se,{id:e.id,comment:r}),x(t=>({...t,[e.id]:``})),`Hold ${e.id} lifted.`))},P=f.data?.legalHolds.nodes??[];return n(`section`,{class:`panel`,"aria-labelledby":`holds-h`,children:[n(`h2`,{id:`holds-h`,children:`Legal holds`}),n(`p`,{class:`muted`,children:`A hold keeps the decisions it selects, in any market, whatever the policy says, until a second person lifts it. Holds are shown to auditors and approvers only.`}),n(`label`,{class:`check`,children:[n(`input`,{type:`checkbox`,checked:s,onChange:e=>c(e.currentTarget.checked)}),` Show lifted holds too`]}),f.error!==null&&n(l,{error:f.error,title:`Could not load the legal holds`}),!f.data&&f.loading&&n(u,{label:`Loading the legal holds…`}),f.data&&P.length===0&&n(`p`,{children:s?`No hold has ever been placed.`:`No hold is in force.`}),P.length>0&&n(`ul`,{class:`stack`,"aria-label":`Legal holds`,children:P.map(e=>n(`li`,{"data-testid":`hold-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Hold `,e.id]}),` `,n(`span`,{class:`badge ${e.active?`overdue`:`muted`}`,children:e.active?`In force`:`Lifted`}),` on `,Q(e),`, placed by`,` `,F(e.placedBy),` `,A(e.placedAt),`. `,n(`span`,{class:`muted`,children:e.reason})]}),!e.active&&n(`p`,{class:`muted`,children:[`Lifted by `,F(e.liftedBy),` `,A(e.liftedAt),e.liftComment&&`: “${e.liftComment}”`]}),e.active&&m&&L(e.placedBy,r)&&n(`p`,{class:`notice`,children:`You placed this hold, so another auditor or an approver must lift it.`}),e.active&&m&&!L(e.placedBy,r)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Why it may be lifted`,n(`input`,{name:`comment`,value:_[e.id]??``,onInput:t=>x(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(b,{error:T.error,field:`comment`}),n(`button`,{type:`button`,class:`danger`,onClick:()=>M(e),disabled:T.busy||!(_[e.id]??``).trim(),children:[`Lift hold `,e.id]})]})]},e.id))}),f.data?.legalHolds.pageInfo.hasNextPage&&n(`p`,{class:`muted`,children:`Only the 50 newest holds are shown.`}),p&&n(`form`,{class:`stack`,onSubmit:k,"aria-label":`Place a legal hold`,children:[n(`h3`,{children:`Place a hold`}),n(`p`,{class:`muted`,children:`Name at least one of market, time range, shopper and merchant: the hold keeps the decisions that match all you name.`}),n(`div`,{class:`toolbar`,children:[n(j,{anyLabel:`Every market`,value:h.market,onChange:D(`market`)}),n(b,{error:T.error,field:`input.market`}),n(O,{label:`From (UTC)`,name:`from`,value:h.from,onInput:D(`from`)}),n(O,{label:`To (UTC, excluded)`,name:`to`,value:h.to,onInput:D(`to`)}),n(b,{error:T.error,field:`input.to`}),n(`label`,{children:[`Shopper id`,n(`input`,{name:`shopperId`,value:h.shopperId,onInput:D(`shopperId`)}),n(b,{error:T.error,field:`input.shopperId`})]}),n(`label`,{children:[`Merchant id`,n(`input`,{name:`merchantId`,value:h.merchantId,onInput:D(`merchantId`)}),n(b,{error:T.error,field:`input.merchantId`})]})]}),n(`label`,{children:[`Reason (the matter or claim)`,n(`input`,{name:`reason`,size:60,value:h.reason,onInput:D(`reason`)}),n(b,{error:T.error,field:`input.reason`})]}),n(b,{error:T.error,field:`input`}),n(`p`,{children:n(`button`,{type:`submit`,disabled:T.busy,children:`Place the hold`})})]}),E.dialog,n(d,{done:T.done,error:T.error})]})}export{ce as RetentionPage};