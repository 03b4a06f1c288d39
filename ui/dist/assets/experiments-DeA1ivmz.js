import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{A as r,F as i,H as a,J as o,K as s,M as c,Q as l,S as u,U as d,V as f,W as p,X as m,Y as h,at as g,et as _,i as v,it as y,j as b,n as x,nt as S,o as C,rt as w,s as T,x as E}from"./index-CvA-npCO.js";import{n as D,t as O}from"./subject-DYbAcEdk.js";i(`
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
`),i(`
  fragment ArmRateFields on ArmRate {
    arm
    decisions
    declined
    declineRate
  }
`),i(`
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
`),i(`
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
`);var k=i(`
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
`),A=i(`
  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {
    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {
      ...ShadowFields
    }
  }
`),j=i(`
  mutation StopThresholdShadow($id: ID!) {
    stopThresholdShadow(id: $id) {
      ...ShadowFields
    }
  }
`),M=i(`
  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {
    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {
      ...SplitRequestFields
    }
  }
`),N=i(`
  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {
    approveThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),P=i(`
  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {
    rejectThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),F=i(`
  mutation StopThresholdSplit($market: String!) {
    stopThresholdSplit(market: $market) {
      ...SplitFields
    }
  }
`),I=3;function L(e){let r=m(k,{versionId:e.versionId,market:e.market},`${e.versionId}/${e.market}`);if(r.error!==null&&!r.data)return n(a,{error:r.error,title:`Could not load the shadow runs and the split`});if(!r.data)return n(o,{label:`Loading the shadow runs and the split…`});let i=r.data,s=i.marketExperiments.find(t=>t.market===e.market);return n(t,{children:[n(R,{...e,shadows:i.thresholdShadows,marketShadows:s?.shadows.length??0,reload:r.reload}),n(V,{...e,split:s?.split??null,requests:i.thresholdSplitRequests.nodes,reload:r.reload})]})}function R(i){let{shadows:a,market:o,version:c,user:f}=i,m=f.roles.some(e=>r.includes(e)),[_,v]=e(``),y=h(i.reload),b=u(),S=a.find(e=>e.running),C=i.marketShadows>=I,O=async e=>{e.preventDefault();let r=E(_);r!==null&&await b.ask({title:`Start ${o} version ${c} in shadow?`,body:n(t,{children:[n(`p`,{children:[`Every `,o,` purchase assessed from now on is also evaluated with version `,c,`, and what it would have decided is stored beside the decision. Shoppers are still decided by the version in force: the shadow changes no answer.`]}),n(`p`,{children:r?`It stops by itself at ${w(r)}, or when an approver stops it.`:`It runs until an approver stops it.`})]}),confirm:`Start the shadow`})&&y.run(async()=>{let e=(await g(A,{versionId:i.versionId,endsAt:r||null})).startThresholdShadow;return v(``),`Version ${c} runs in shadow since ${w(e.startedAt)}, ${T(e)}.`})},k=async e=>{await b.ask({title:`Stop the shadow of ${o} version ${c}?`,body:n(`p`,{children:[`From the moment you confirm, `,o,` assessments no longer evaluate version `,c,`. Its comparison keeps the decisions of the run, `,w(e.startedAt),` until then. A new run can be started later.`]}),confirm:`Stop the shadow`,danger:!0})&&y.run(async()=>{let t=(await g(j,{id:e.id})).stopThresholdShadow;return`The shadow of version ${c} stopped at ${w(t.stoppedAt)}.`})};return n(`section`,{class:`panel`,"aria-labelledby":`shadow-h`,children:[n(`h2`,{id:`shadow-h`,children:`Shadow runs`}),n(`p`,{class:`muted`,children:[`A shadow evaluates every `,o,` assessment with this version beside the version in force, without changing any answer, so that both can be compared on live traffic.`]}),a.length===0?n(`p`,{children:[`Version `,c,` has never run in shadow.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Shadow runs of version ${c}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Run`}),n(`th`,{children:`Started (UTC)`}),n(`th`,{children:`State`}),n(`th`,{children:`Started by`}),n(`th`,{children:n(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),n(`tbody`,{children:a.map(e=>n(`tr`,{children:[n(`td`,{children:n(p,{href:`/thresholds/shadows/${e.id}`,children:[`Comparison of run `,e.id]})}),n(`td`,{children:w(e.startedAt)}),n(`td`,{children:[n(`span`,{class:`badge ${e.running?`ok`:`muted`}`,children:e.running?`Running`:`Stopped`}),` `,T(e),e.stoppedBy&&` by ${D(e.stoppedBy)}`]}),n(`td`,{children:D(e.startedBy)}),n(`td`,{children:m&&e.running&&n(`button`,{type:`button`,class:`danger`,onClick:()=>k(e),disabled:y.busy,children:[`Stop run `,e.id]})})]},e.id))})]})}),m&&!S&&(i.inForce?n(`p`,{class:`muted`,children:[`Version `,c,` is in force: only a version that is not can run in shadow.`]}):n(`form`,{class:`toolbar`,onSubmit:O,"aria-label":`Start a shadow`,children:[n(x,{label:`Ends at (UTC, optional)`,name:`endsAt`,value:_,onInput:e=>v(e.currentTarget.value)}),n(d,{error:y.error,field:`endsAt`}),n(`button`,{type:`submit`,disabled:y.busy||C,children:`Start in shadow`}),C&&n(`span`,{class:`muted`,children:[o,` runs `,l(i.marketShadows,`shadow`),` already, the most at once: stop one first.`]})]})),b.dialog,n(s,{done:y.done,error:y.error})]})}function z({arms:e,label:t}){return n(`table`,{"aria-label":t,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Arm`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Declined`}),n(`th`,{class:`num`,children:`Decline rate`})]})}),n(`tbody`,{children:e.map(e=>n(`tr`,{children:[n(`td`,{children:v(e.arm)}),n(`td`,{class:`num`,children:_(e.decisions)}),n(`td`,{class:`num`,children:_(e.declined)}),n(`td`,{class:`num`,children:S(e.declineRate,2)})]},e.arm))})]})}function B({split:e}){return n(`p`,{"data-testid":`split-summary`,children:[n(p,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` decides for `,e.percent,` % of `,e.market,`'s shoppers since `,w(e.startedAt),`, requested by `,D(e.startedBy),e.requestId&&` (request ${e.requestId})`,`; the version in force decides for the rest.`]})}function V(i){let{split:a,market:o,version:l,user:p}=i,m=p.roles.some(e=>r.includes(e)),_=p.roles.some(e=>b.includes(e)),[v,x]=e(``),[S,T]=e(``),[E,k]=e(``),[A,j]=e({}),I=h(i.reload),L=u(),R=i.requests.filter(e=>e.status===f.Submitted),V=i.requests.filter(e=>e.status!==f.Submitted).slice(0,5),H=a?.requestId?i.requests.find(e=>e.id===a.requestId)?.reviewer:null,U=e=>{e.preventDefault();let t=C(v);k(typeof t==`string`?t:``),typeof t!=`string`&&I.run(async()=>{let e=(await g(M,{versionId:i.versionId,percent:t,rationale:S.trim()})).requestThresholdSplit;return x(``),T(``),`Request ${e.id} sent: ${e.percent===0?`end ${o}'s split`:`version ${l} for ${e.percent} % of ${o}'s shoppers`}. Another approver decides on it.`})},W=async(e,r)=>{let i=(A[e.id]??``).trim();(!r||await L.ask({title:e.percent===0?`End ${o}'s split?`:`Let version ${e.version.version.version} decide for ${e.percent} % of ${o}'s shoppers?`,body:n(t,{children:[n(`p`,{children:e.percent===0?`From the moment you confirm, every ${o} shopper meets the version in force again.`:`From the moment you confirm, ${e.percent} % of ${o}'s shoppers, chosen from their shopper id so that each always meets the same set, are decided with version ${e.version.version.version}; the others with the version in force. Similar shoppers are treated differently on purpose: auditors see both arms' decline rates.`}),a&&e.percent>0&&n(`p`,{children:[`It replaces the running split (version `,a.version.version.version,` at `,a.percent,` %).`]}),n(`p`,{children:[`Requested by `,D(e.author),`: `,e.rationale]})]}),confirm:`Approve the split`}))&&I.run(async()=>(r?await g(N,{id:e.id,comment:i||null}):await g(P,{id:e.id,comment:i}),j(t=>({...t,[e.id]:``})),c(),`Request ${e.id} ${r?`approved: it is in effect now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`split-h`,children:[n(`h2`,{id:`split-h`,children:[`Challenger split in `,o]}),a?n(t,{children:[n(B,{split:a}),H&&n(`p`,{children:[`Approved by `,D(H),`.`]}),n(z,{arms:a.arms,label:`Decline rate per arm of ${o}'s split`}),m&&n(`p`,{children:n(`button`,{type:`button`,class:`danger`,onClick:async()=>{a&&await L.ask({title:`End ${o}'s split now?`,body:n(`p`,{children:[`From the moment you confirm, every `,o,` shopper meets the version in force again; version `,a.version.version.version,` no longer decides for anyone.`]}),confirm:`End the split`,danger:!0})&&I.run(async()=>{let e=(await g(F,{market:o})).stopThresholdSplit;return`${o}'s split ended at ${w(e.endedAt)}.`})},disabled:I.busy,children:`End the split`})})]}):n(`p`,{children:[`No split runs in `,o,`: the version in force decides for every shopper.`]}),n(`h3`,{children:`Requests awaiting approval`}),R.length===0?n(`p`,{children:[`No split request awaits approval in `,o,`.`]}):n(`ul`,{class:`stack`,"aria-label":`Split requests awaiting approval`,children:R.map(e=>n(`li`,{"data-testid":`split-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,e.percent===0?`end the split`:`version ${e.version.version.version} for ${e.percent} %`,`, by `,D(e.author),` `,w(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),m&&O(e.author,p)&&n(`p`,{class:`notice`,children:`You asked for this split, so another approver must decide on it.`}),m&&!O(e.author,p)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:A[e.id]??``,onInput:t=>j(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(d,{error:I.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>W(e,!0),disabled:I.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>W(e,!1),disabled:I.busy||!(A[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),V.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:V.map(e=>n(`li`,{children:[`Request `,e.id,`: version `,e.version.version.version,` for `,e.percent,` %, `,y(e.status).toLowerCase(),` by `,D(e.reviewer),` `,w(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),_&&!i.inForce&&n(`form`,{class:`stack`,onSubmit:U,"aria-label":`Request a split`,children:[n(`h3`,{children:[`Request a split with version `,l]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Share of shoppers (%, 0 to `,50,`)`,n(`input`,{name:`percent`,inputMode:`numeric`,value:v,size:4,"aria-invalid":E?!0:void 0,onInput:e=>x(e.currentTarget.value)}),E?n(`span`,{class:`field-error`,children:E}):n(d,{error:I.error,field:`percent`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,value:S,size:40,onInput:e=>T(e.currentTarget.value)}),n(d,{error:I.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:I.busy,children:`Request the split`})]}),n(`p`,{class:`muted`,children:[`0 % asks to end `,o,`'s split. A second approver must approve the request before it takes effect.`]})]}),L.dialog,n(s,{done:I.done,error:I.error})]})}var H=i(`
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
`);function U({market:e}){let r=m(H,{market:e},e),i=r.data?.marketExperiments.find(t=>t.market===e);return n(`section`,{class:`panel`,"aria-labelledby":`experiments-h`,children:[n(`h2`,{id:`experiments-h`,children:[`In shadow and in split in `,e]}),r.error!==null&&n(a,{error:r.error,title:`Could not load the shadows and the split`}),r.loading&&!r.data&&n(o,{label:`Loading the shadows and the split…`}),r.data&&n(t,{children:[!i||i.shadows.length===0?n(`p`,{children:[`No version runs in shadow in `,e,`.`]}):n(`ul`,{"aria-label":`Shadows running in ${e}`,children:i.shadows.map(e=>n(`li`,{children:[n(p,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` in shadow since `,w(e.startedAt),`, `,T(e),`:`,` `,n(p,{href:`/thresholds/shadows/${e.id}`,children:[`comparison of run `,e.id]})]},e.id))}),i?.split?n(t,{children:[n(B,{split:i.split}),n(z,{arms:i.split.arms,label:`Decline rate per arm of ${e}'s split`})]}):n(`p`,{children:[`No split runs in `,e,`.`]})]})]})}export{U as MarketExperimentsPanel,L as VersionExperiments};