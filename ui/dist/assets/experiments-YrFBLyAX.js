import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{$ as r,A as i,C as a,D as o,I as s,J as c,K as l,L as u,O as d,Q as f,R as p,S as m,T as h,V as g,X as _,Y as v,et as y,i as b,k as x,n as S,nt as C,o as w,q as T,s as E}from"./index-DL_jq-lj.js";import{n as D,t as O}from"./subject-DYbAcEdk.js";g(`
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
`),g(`
  fragment ArmRateFields on ArmRate {
    arm
    decisions
    declined
    declineRate
  }
`),g(`
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
`),g(`
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
`);var k=g(`
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
`),A=g(`
  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {
    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {
      ...ShadowFields
    }
  }
`),j=g(`
  mutation StopThresholdShadow($id: ID!) {
    stopThresholdShadow(id: $id) {
      ...ShadowFields
    }
  }
`),M=g(`
  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {
    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {
      ...SplitRequestFields
    }
  }
`),N=g(`
  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {
    approveThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),P=g(`
  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {
    rejectThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),F=g(`
  mutation StopThresholdSplit($market: String!) {
    stopThresholdSplit(market: $market) {
      ...SplitFields
    }
  }
`),I=3;function L(e){let r=y(k,{versionId:e.versionId,market:e.market},`${e.versionId}/${e.market}`);if(r.error!==null&&!r.data)return n(T,{error:r.error,title:`Could not load the shadow runs and the split`});if(!r.data)return n(f,{label:`Loading the shadow runs and the split…`});let i=r.data,a=i.marketExperiments.find(t=>t.market===e.market);return n(t,{children:[n(R,{...e,shadows:i.thresholdShadows,marketShadows:a?.shadows.length??0,reload:r.reload}),n(V,{...e,split:a?.split??null,requests:i.thresholdSplitRequests.nodes,reload:r.reload})]})}function R(o){let{shadows:l,market:u,version:f,user:p}=o,h=p.roles.some(e=>s.includes(e)),[g,y]=e(``),b=r(o.reload),x=i(),w=l.find(e=>e.running),T=o.marketShadows>=I,O=async e=>{e.preventDefault();let r=m(g);r!==null&&await x.ask({title:`Start ${u} version ${f} in shadow?`,body:n(t,{children:[n(`p`,{children:[`Every `,u,` purchase assessed from now on is also evaluated with version `,f,`, and what it would have decided is stored beside the decision. Shoppers are still decided by the version in force: the shadow changes no answer.`]}),n(`p`,{children:r?`It stops by itself at ${d(r)}, or when an approver stops it.`:`It runs until an approver stops it.`})]}),confirm:`Start the shadow`})&&b.run(async()=>{let e=(await C(A,{versionId:o.versionId,endsAt:r||null})).startThresholdShadow;return y(``),`Version ${f} runs in shadow since ${d(e.startedAt)}, ${E(e)}.`})},k=async e=>{await x.ask({title:`Stop the shadow of ${u} version ${f}?`,body:n(`p`,{children:[`From the moment you confirm, `,u,` assessments no longer evaluate version `,f,`. Its comparison keeps the decisions of the run, `,d(e.startedAt),` until then. A new run can be started later.`]}),confirm:`Stop the shadow`,danger:!0})&&b.run(async()=>{let t=(await C(j,{id:e.id})).stopThresholdShadow;return`The shadow of version ${f} stopped at ${d(t.stoppedAt)}.`})};return n(`section`,{class:`panel`,"aria-labelledby":`shadow-h`,children:[n(`h2`,{id:`shadow-h`,children:`Shadow runs`}),n(`p`,{class:`muted`,children:[`A shadow evaluates every `,u,` assessment with this version beside the version in force, without changing any answer, so that both can be compared on live traffic.`]}),l.length===0?n(`p`,{children:[`Version `,f,` has never run in shadow.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Shadow runs of version ${f}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Run`}),n(`th`,{children:`Started (UTC)`}),n(`th`,{children:`State`}),n(`th`,{children:`Started by`}),n(`th`,{children:n(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),n(`tbody`,{children:l.map(e=>n(`tr`,{children:[n(`td`,{children:n(v,{href:`/thresholds/shadows/${e.id}`,children:[`Comparison of run `,e.id]})}),n(`td`,{children:d(e.startedAt)}),n(`td`,{children:[n(`span`,{class:`badge ${e.running?`ok`:`muted`}`,children:e.running?`Running`:`Stopped`}),` `,E(e),e.stoppedBy&&` by ${D(e.stoppedBy)}`]}),n(`td`,{children:D(e.startedBy)}),n(`td`,{children:h&&e.running&&n(`button`,{type:`button`,class:`danger`,onClick:()=>k(e),disabled:b.busy,children:[`Stop run `,e.id]})})]},e.id))})]})}),h&&!w&&(o.inForce?n(`p`,{class:`muted`,children:[`Version `,f,` is in force: only a version that is not can run in shadow.`]}):n(`form`,{class:`toolbar`,onSubmit:O,"aria-label":`Start a shadow`,children:[n(S,{label:`Ends at (UTC, optional)`,name:`endsAt`,value:g,onInput:e=>y(e.currentTarget.value)}),n(c,{error:b.error,field:`endsAt`}),n(`button`,{type:`submit`,disabled:b.busy||T,children:`Start in shadow`}),T&&n(`span`,{class:`muted`,children:[u,` runs `,a(o.marketShadows,`shadow`),` already, the most at once: stop one first.`]})]})),x.dialog,n(_,{done:b.done,error:b.error})]})}function z({arms:e,label:t}){return n(`table`,{"aria-label":t,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Arm`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Declined`}),n(`th`,{class:`num`,children:`Decline rate`})]})}),n(`tbody`,{children:e.map(e=>n(`tr`,{children:[n(`td`,{children:b(e.arm)}),n(`td`,{class:`num`,children:h(e.decisions)}),n(`td`,{class:`num`,children:h(e.declined)}),n(`td`,{class:`num`,children:o(e.declineRate,2)})]},e.arm))})]})}function B({split:e}){return n(`p`,{"data-testid":`split-summary`,children:[n(v,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` decides for `,e.percent,` % of `,e.market,`'s shoppers since `,d(e.startedAt),`, requested by `,D(e.startedBy),e.requestId&&` (request ${e.requestId})`,`; the version in force decides for the rest.`]})}function V(a){let{split:o,market:f,version:m,user:h}=a,g=h.roles.some(e=>s.includes(e)),v=h.roles.some(e=>u.includes(e)),[y,b]=e(``),[S,T]=e(``),[E,k]=e(``),[A,j]=e({}),I=r(a.reload),L=i(),R=a.requests.filter(e=>e.status===l.Submitted),V=a.requests.filter(e=>e.status!==l.Submitted).slice(0,5),H=o?.requestId?a.requests.find(e=>e.id===o.requestId)?.reviewer:null,U=e=>{e.preventDefault();let t=w(y);k(typeof t==`string`?t:``),typeof t!=`string`&&I.run(async()=>{let e=(await C(M,{versionId:a.versionId,percent:t,rationale:S.trim()})).requestThresholdSplit;return b(``),T(``),`Request ${e.id} sent: ${e.percent===0?`end ${f}'s split`:`version ${m} for ${e.percent} % of ${f}'s shoppers`}. Another approver decides on it.`})},W=async(e,r)=>{let i=(A[e.id]??``).trim();(!r||await L.ask({title:e.percent===0?`End ${f}'s split?`:`Let version ${e.version.version.version} decide for ${e.percent} % of ${f}'s shoppers?`,body:n(t,{children:[n(`p`,{children:e.percent===0?`From the moment you confirm, every ${f} shopper meets the version in force again.`:`From the moment you confirm, ${e.percent} % of ${f}'s shoppers, chosen from their shopper id so that each always meets the same set, are decided with version ${e.version.version.version}; the others with the version in force. Similar shoppers are treated differently on purpose: auditors see both arms' decline rates.`}),o&&e.percent>0&&n(`p`,{children:[`It replaces the running split (version `,o.version.version.version,` at `,o.percent,` %).`]}),n(`p`,{children:[`Requested by `,D(e.author),`: `,e.rationale]})]}),confirm:`Approve the split`}))&&I.run(async()=>(r?await C(N,{id:e.id,comment:i||null}):await C(P,{id:e.id,comment:i}),j(t=>({...t,[e.id]:``})),p(),`Request ${e.id} ${r?`approved: it is in effect now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`split-h`,children:[n(`h2`,{id:`split-h`,children:[`Challenger split in `,f]}),o?n(t,{children:[n(B,{split:o}),H&&n(`p`,{children:[`Approved by `,D(H),`.`]}),n(z,{arms:o.arms,label:`Decline rate per arm of ${f}'s split`}),g&&n(`p`,{children:n(`button`,{type:`button`,class:`danger`,onClick:async()=>{o&&await L.ask({title:`End ${f}'s split now?`,body:n(`p`,{children:[`From the moment you confirm, every `,f,` shopper meets the version in force again; version `,o.version.version.version,` no longer decides for anyone.`]}),confirm:`End the split`,danger:!0})&&I.run(async()=>{let e=(await C(F,{market:f})).stopThresholdSplit;return`${f}'s split ended at ${d(e.endedAt)}.`})},disabled:I.busy,children:`End the split`})})]}):n(`p`,{children:[`No split runs in `,f,`: the version in force decides for every shopper.`]}),n(`h3`,{children:`Requests awaiting approval`}),R.length===0?n(`p`,{children:[`No split request awaits approval in `,f,`.`]}):n(`ul`,{class:`stack`,"aria-label":`Split requests awaiting approval`,children:R.map(e=>n(`li`,{"data-testid":`split-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,e.percent===0?`end the split`:`version ${e.version.version.version} for ${e.percent} %`,`, by `,D(e.author),` `,d(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),g&&O(e.author,h)&&n(`p`,{class:`notice`,children:`You asked for this split, so another approver must decide on it.`}),g&&!O(e.author,h)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:A[e.id]??``,onInput:t=>j(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(c,{error:I.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>W(e,!0),disabled:I.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>W(e,!1),disabled:I.busy||!(A[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),V.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:V.map(e=>n(`li`,{children:[`Request `,e.id,`: version `,e.version.version.version,` for `,e.percent,` %, `,x(e.status).toLowerCase(),` by `,D(e.reviewer),` `,d(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),v&&!a.inForce&&n(`form`,{class:`stack`,onSubmit:U,"aria-label":`Request a split`,children:[n(`h3`,{children:[`Request a split with version `,m]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Share of shoppers (%, 0 to `,50,`)`,n(`input`,{name:`percent`,inputMode:`numeric`,value:y,size:4,"aria-invalid":E?!0:void 0,onInput:e=>b(e.currentTarget.value)}),E?n(`span`,{class:`field-error`,children:E}):n(c,{error:I.error,field:`percent`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,value:S,size:40,onInput:e=>T(e.currentTarget.value)}),n(c,{error:I.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:I.busy,children:`Request the split`})]}),n(`p`,{class:`muted`,children:[`0 % asks to end `,f,`'s split. A second approver must approve the request before it takes effect.`]})]}),L.dialog,n(_,{done:I.done,error:I.error})]})}var H=g(`
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
`);function U({market:e}){let r=y(H,{market:e},e),i=r.data?.marketExperiments.find(t=>t.market===e);return n(`section`,{class:`panel`,"aria-labelledby":`experiments-h`,children:[n(`h2`,{id:`experiments-h`,children:[`In shadow and in split in `,e]}),r.error!==null&&n(T,{error:r.error,title:`Could not load the shadows and the split`}),r.loading&&!r.data&&n(f,{label:`Loading the shadows and the split…`}),r.data&&n(t,{children:[!i||i.shadows.length===0?n(`p`,{children:[`No version runs in shadow in `,e,`.`]}):n(`ul`,{"aria-label":`Shadows running in ${e}`,children:i.shadows.map(e=>n(`li`,{children:[n(v,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` in shadow since `,d(e.startedAt),`, `,E(e),`:`,` `,n(v,{href:`/thresholds/shadows/${e.id}`,children:[`comparison of run `,e.id]})]},e.id))}),i?.split?n(t,{children:[n(B,{split:i.split}),n(z,{arms:i.split.arms,label:`Decline rate per arm of ${e}'s split`})]}):n(`p`,{children:[`No split runs in `,e,`.`]})]})]})}export{U as MarketExperimentsPanel,L as VersionExperiments};