import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{A as r,C as i,D as a,E as o,F as s,G as c,H as l,I as u,L as d,M as f,O as p,R as m,T as h,U as g,V as _,a as v,b as y,j as b,k as x,o as S,r as C,t as w,x as T,z as E}from"./index-VndrXsV5.js";import{n as D,t as O}from"./subject-DYbAcEdk.js";f(`
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
`),f(`
  fragment ArmRateFields on ArmRate {
    arm
    decisions
    declined
    declineRate
  }
`),f(`
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
`),f(`
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
`);var k=f(`
  query VersionExperiments($versionId: ID!, $market: String!) {
    thresholdShadows(versionId: $versionId, first: 20) {
      ...ShadowFields
    }
    marketExperiments(market: $market) {
      market
      shadows {
        id
      }
      split {
        ...SplitFields
      }
    }
    thresholdSplitRequests(market: $market, first: 20) {
      nodes {
        ...SplitRequestFields
      }
    }
  }
`),A=f(`
  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {
    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {
      ...ShadowFields
    }
  }
`),j=f(`
  mutation StopThresholdShadow($id: ID!) {
    stopThresholdShadow(id: $id) {
      ...ShadowFields
    }
  }
`),M=f(`
  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {
    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {
      ...SplitRequestFields
    }
  }
`),N=f(`
  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {
    approveThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),P=f(`
  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {
    rejectThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),F=f(`
  mutation StopThresholdSplit($market: String!) {
    stopThresholdSplit(market: $market) {
      ...SplitFields
    }
  }
`),I=3;function L(e){let r=g(k,{versionId:e.versionId,market:e.market},`${e.versionId}/${e.market}`);if(r.error!==null&&!r.data)return n(u,{error:r.error,title:`Could not load the shadow runs and the split`});if(!r.data)return n(_,{label:`Loading the shadow runs and the split…`});let i=r.data,a=i.marketExperiments.find(t=>t.market===e.market);return n(t,{children:[n(R,{...e,shadows:i.thresholdShadows,marketShadows:a?.shadows.length??0,reload:r.reload}),n(V,{...e,split:a?.split??null,requests:i.thresholdSplitRequests.nodes,reload:r.reload})]})}function R(r){let{shadows:i,market:a,version:s,user:u}=r,f=u.roles.some(e=>x.includes(e)),[h,g]=e(``),_=l(r.reload),v=p(),b=i.find(e=>e.running),C=r.marketShadows>=I,O=async e=>{e.preventDefault();let i=y(h);i!==null&&await v.ask({title:`Start ${a} version ${s} in shadow?`,body:n(t,{children:[n(`p`,{children:[`Every `,a,` purchase assessed from now on is also evaluated with version `,s,`, and what it would have decided is stored beside the decision. Shoppers are still decided by the version in force: the shadow changes no answer.`]}),n(`p`,{children:i?`It stops by itself at ${o(i)}, or when an approver stops it.`:`It runs until an approver stops it.`})]}),confirm:`Start the shadow`})&&_.run(async()=>{let e=(await c(A,{versionId:r.versionId,endsAt:i||null})).startThresholdShadow;return g(``),`Version ${s} runs in shadow since ${o(e.startedAt)}, ${S(e)}.`})},k=async e=>{await v.ask({title:`Stop the shadow of ${a} version ${s}?`,body:n(`p`,{children:[`From the moment you confirm, `,a,` assessments no longer evaluate version `,s,`. Its comparison keeps the decisions of the run, `,o(e.startedAt),` until then. A new run can be started later.`]}),confirm:`Stop the shadow`,danger:!0})&&_.run(async()=>{let t=(await c(j,{id:e.id})).stopThresholdShadow;return`The shadow of version ${s} stopped at ${o(t.stoppedAt)}.`})};return n(`section`,{class:`panel`,"aria-labelledby":`shadow-h`,children:[n(`h2`,{id:`shadow-h`,children:`Shadow runs`}),n(`p`,{class:`muted`,children:[`A shadow evaluates every `,a,` assessment with this version beside the version in force, without changing any answer, so that both can be compared on live traffic.`]}),i.length===0?n(`p`,{children:[`Version `,s,` has never run in shadow.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Shadow runs of version ${s}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Run`}),n(`th`,{children:`Started (UTC)`}),n(`th`,{children:`State`}),n(`th`,{children:`Started by`}),n(`th`,{children:n(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),n(`tbody`,{children:i.map(e=>n(`tr`,{children:[n(`td`,{children:n(m,{href:`/thresholds/shadows/${e.id}`,children:[`Comparison of run `,e.id]})}),n(`td`,{children:o(e.startedAt)}),n(`td`,{children:[n(`span`,{class:`badge ${e.running?`ok`:`muted`}`,children:e.running?`Running`:`Stopped`}),` `,S(e),e.stoppedBy&&` by ${D(e.stoppedBy)}`]}),n(`td`,{children:D(e.startedBy)}),n(`td`,{children:f&&e.running&&n(`button`,{type:`button`,class:`danger`,onClick:()=>k(e),disabled:_.busy,children:[`Stop run `,e.id]})})]},e.id))})]})}),f&&!b&&(r.inForce?n(`p`,{class:`muted`,children:[`Version `,s,` is in force: only a version that is not can run in shadow.`]}):n(`form`,{class:`toolbar`,onSubmit:O,"aria-label":`Start a shadow`,children:[n(w,{label:`Ends at (UTC, optional)`,name:`endsAt`,value:h,onInput:e=>g(e.currentTarget.value)}),n(d,{error:_.error,field:`endsAt`}),n(`button`,{type:`submit`,disabled:_.busy||C,children:`Start in shadow`}),C&&n(`span`,{class:`muted`,children:[a,` runs `,T(r.marketShadows,`shadow`),` already, the most at once: stop one first.`]})]})),v.dialog,n(E,{done:_.done,error:_.error})]})}function z({arms:e,label:t}){return n(`table`,{"aria-label":t,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Arm`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Declined`}),n(`th`,{class:`num`,children:`Decline rate`})]})}),n(`tbody`,{children:e.map(e=>n(`tr`,{children:[n(`td`,{children:C(e.arm)}),n(`td`,{class:`num`,children:i(e.decisions)}),n(`td`,{class:`num`,children:i(e.declined)}),n(`td`,{class:`num`,children:h(e.declineRate,2)})]},e.arm))})]})}function B({split:e}){return n(`p`,{"data-testid":`split-summary`,children:[n(m,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` decides for `,e.percent,` % of `,e.market,`'s shoppers since `,o(e.startedAt),`, requested by `,D(e.startedBy),e.requestId&&` (request ${e.requestId})`,`; the version in force decides for the rest.`]})}function V(i){let{split:u,market:f,version:m,user:h}=i,g=h.roles.some(e=>x.includes(e)),_=h.roles.some(e=>r.includes(e)),[y,S]=e(``),[C,w]=e(``),[T,k]=e(``),[A,j]=e({}),I=l(i.reload),L=p(),R=i.requests.filter(e=>e.status===s.Submitted),V=i.requests.filter(e=>e.status!==s.Submitted).slice(0,5),H=u?.requestId?i.requests.find(e=>e.id===u.requestId)?.reviewer:null,U=e=>{e.preventDefault();let t=v(y);k(typeof t==`string`?t:``),typeof t!=`string`&&I.run(async()=>{let e=(await c(M,{versionId:i.versionId,percent:t,rationale:C.trim()})).requestThresholdSplit;return S(``),w(``),`Request ${e.id} sent: ${e.percent===0?`end ${f}'s split`:`version ${m} for ${e.percent} % of ${f}'s shoppers`}. Another approver decides on it.`})},W=async(e,r)=>{let i=(A[e.id]??``).trim();(!r||await L.ask({title:e.percent===0?`End ${f}'s split?`:`Let version ${e.version.version.version} decide for ${e.percent} % of ${f}'s shoppers?`,body:n(t,{children:[n(`p`,{children:e.percent===0?`From the moment you confirm, every ${f} shopper meets the version in force again.`:`From the moment you confirm, ${e.percent} % of ${f}'s shoppers, chosen from their shopper id so that each always meets the same set, are decided with version ${e.version.version.version}; the others with the version in force. Similar shoppers are treated differently on purpose: auditors see both arms' decline rates.`}),u&&e.percent>0&&n(`p`,{children:[`It replaces the running split (version `,u.version.version.version,` at `,u.percent,` %).`]}),n(`p`,{children:[`Requested by `,D(e.author),`: `,e.rationale]})]}),confirm:`Approve the split`}))&&I.run(async()=>(r?await c(N,{id:e.id,comment:i||null}):await c(P,{id:e.id,comment:i}),j(t=>({...t,[e.id]:``})),b(),`Request ${e.id} ${r?`approved: it is in effect now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`split-h`,children:[n(`h2`,{id:`split-h`,children:[`Challenger split in `,f]}),u?n(t,{children:[n(B,{split:u}),H&&n(`p`,{children:[`Approved by `,D(H),`.`]}),n(z,{arms:u.arms,label:`Decline rate per arm of ${f}'s split`}),g&&n(`p`,{children:n(`button`,{type:`button`,class:`danger`,onClick:async()=>{u&&await L.ask({title:`End ${f}'s split now?`,body:n(`p`,{children:[`From the moment you confirm, every `,f,` shopper meets the version in force again; version `,u.version.version.version,` no longer decides for anyone.`]}),confirm:`End the split`,danger:!0})&&I.run(async()=>{let e=(await c(F,{market:f})).stopThresholdSplit;return`${f}'s split ended at ${o(e.endedAt)}.`})},disabled:I.busy,children:`End the split`})})]}):n(`p`,{children:[`No split runs in `,f,`: the version in force decides for every shopper.`]}),n(`h3`,{children:`Requests awaiting approval`}),R.length===0?n(`p`,{children:[`No split request awaits approval in `,f,`.`]}):n(`ul`,{class:`stack`,"aria-label":`Split requests awaiting approval`,children:R.map(e=>n(`li`,{"data-testid":`split-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,e.percent===0?`end the split`:`version ${e.version.version.version} for ${e.percent} %`,`, by `,D(e.author),` `,o(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),g&&O(e.author,h)&&n(`p`,{class:`notice`,children:`You asked for this split, so another approver must decide on it.`}),g&&!O(e.author,h)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:A[e.id]??``,onInput:t=>j(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(d,{error:I.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>W(e,!0),disabled:I.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>W(e,!1),disabled:I.busy||!(A[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),V.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:V.map(e=>n(`li`,{children:[`Request `,e.id,`: version `,e.version.version.version,` for `,e.percent,` %, `,a(e.status).toLowerCase(),` by `,D(e.reviewer),` `,o(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),_&&!i.inForce&&n(`form`,{class:`stack`,onSubmit:U,"aria-label":`Request a split`,children:[n(`h3`,{children:[`Request a split with version `,m]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Share of shoppers (%, 0 to `,50,`)`,n(`input`,{name:`percent`,inputMode:`numeric`,value:y,size:4,"aria-invalid":T?!0:void 0,onInput:e=>S(e.currentTarget.value)}),T?n(`span`,{class:`field-error`,children:T}):n(d,{error:I.error,field:`percent`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,value:C,size:40,onInput:e=>w(e.currentTarget.value)}),n(d,{error:I.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:I.busy,children:`Request the split`})]}),n(`p`,{class:`muted`,children:[`0 % asks to end `,f,`'s split. A second approver must approve the request before it takes effect.`]})]}),L.dialog,n(E,{done:I.done,error:I.error})]})}var H=f(`
  query MarketExperiments($market: String) {
    marketExperiments(market: $market) {
      market
      shadows {
        ...ShadowFields
      }
      split {
        ...SplitFields
      }
    }
  }
`);function U({market:e}){let r=g(H,{market:e},e),i=r.data?.marketExperiments.find(t=>t.market===e);return n(`section`,{class:`panel`,"aria-labelledby":`experiments-h`,children:[n(`h2`,{id:`experiments-h`,children:[`In shadow and in split in `,e]}),r.error!==null&&n(u,{error:r.error,title:`Could not load the shadows and the split`}),r.loading&&!r.data&&n(_,{label:`Loading the shadows and the split…`}),r.data&&n(t,{children:[!i||i.shadows.length===0?n(`p`,{children:[`No version runs in shadow in `,e,`.`]}):n(`ul`,{"aria-label":`Shadows running in ${e}`,children:i.shadows.map(e=>n(`li`,{children:[n(m,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` in shadow since `,o(e.startedAt),`, `,S(e),`:`,` `,n(m,{href:`/thresholds/shadows/${e.id}`,children:[`comparison of run `,e.id]})]},e.id))}),i?.split?n(t,{children:[n(B,{split:i.split}),n(z,{arms:i.split.arms,label:`Decline rate per arm of ${e}'s split`})]}):n(`p`,{children:[`No split runs in `,e,`.`]})]})]})}export{U as MarketExperimentsPanel,L as VersionExperiments};