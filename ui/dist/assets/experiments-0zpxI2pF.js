import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{$ as r,A as i,B as a,G as o,K as s,N as c,O as l,R as u,S as d,U as f,V as p,Y as m,Z as h,et as g,i as _,k as v,n as y,nt as b,o as x,q as S,s as C,tt as w,x as T,z as E}from"./index-YXV4cuX4.js";import{n as D,t as O}from"./subject-DYbAcEdk.js";c(`
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
`),c(`
  fragment ArmRateFields on ArmRate {
    arm
    decisions
    declined
    declineRate
  }
`),c(`
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
`),c(`
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
`);var k=c(`
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
`),A=c(`
  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {
    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {
      ...ShadowFields
    }
  }
`),j=c(`
  mutation StopThresholdShadow($id: ID!) {
    stopThresholdShadow(id: $id) {
      ...ShadowFields
    }
  }
`),M=c(`
  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {
    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {
      ...SplitRequestFields
    }
  }
`),N=c(`
  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {
    approveThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),P=c(`
  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {
    rejectThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),F=c(`
  mutation StopThresholdSplit($market: String!) {
    stopThresholdSplit(market: $market) {
      ...SplitFields
    }
  }
`),I=3;function L(e){let r=S(k,{versionId:e.versionId,market:e.market},`${e.versionId}/${e.market}`);if(r.error!==null&&!r.data)return n(E,{error:r.error,title:`Could not load the shadow runs and the split`});if(!r.data)return n(o,{label:`Loading the shadow runs and the split…`});let i=r.data,a=i.marketExperiments.find(t=>t.market===e.market);return n(t,{children:[n(R,{...e,shadows:i.thresholdShadows,marketShadows:a?.shadows.length??0,reload:r.reload}),n(V,{...e,split:a?.split??null,requests:i.thresholdSplitRequests.nodes,reload:r.reload})]})}function R(r){let{shadows:i,market:o,version:c,user:u}=r,h=u.roles.some(e=>l.includes(e)),[_,v]=e(``),x=s(r.reload),S=d(),w=i.find(e=>e.running),E=r.marketShadows>=I,O=async e=>{e.preventDefault();let i=T(_);i!==null&&await S.ask({title:`Start ${o} version ${c} in shadow?`,body:n(t,{children:[n(`p`,{children:[`Every `,o,` purchase assessed from now on is also evaluated with version `,c,`, and what it would have decided is stored beside the decision. Shoppers are still decided by the version in force: the shadow changes no answer.`]}),n(`p`,{children:i?`It stops by itself at ${g(i)}, or when an approver stops it.`:`It runs until an approver stops it.`})]}),confirm:`Start the shadow`})&&x.run(async()=>{let e=(await b(A,{versionId:r.versionId,endsAt:i||null})).startThresholdShadow;return v(``),`Version ${c} runs in shadow since ${g(e.startedAt)}, ${C(e)}.`})},k=async e=>{await S.ask({title:`Stop the shadow of ${o} version ${c}?`,body:n(`p`,{children:[`From the moment you confirm, `,o,` assessments no longer evaluate version `,c,`. Its comparison keeps the decisions of the run, `,g(e.startedAt),` until then. A new run can be started later.`]}),confirm:`Stop the shadow`,danger:!0})&&x.run(async()=>{let t=(await b(j,{id:e.id})).stopThresholdShadow;return`The shadow of version ${c} stopped at ${g(t.stoppedAt)}.`})};return n(`section`,{class:`panel`,"aria-labelledby":`shadow-h`,children:[n(`h2`,{id:`shadow-h`,children:`Shadow runs`}),n(`p`,{class:`muted`,children:[`A shadow evaluates every `,o,` assessment with this version beside the version in force, without changing any answer, so that both can be compared on live traffic.`]}),i.length===0?n(`p`,{children:[`Version `,c,` has never run in shadow.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Shadow runs of version ${c}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Run`}),n(`th`,{children:`Started (UTC)`}),n(`th`,{children:`State`}),n(`th`,{children:`Started by`}),n(`th`,{children:n(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),n(`tbody`,{children:i.map(e=>n(`tr`,{children:[n(`td`,{children:n(p,{href:`/thresholds/shadows/${e.id}`,children:[`Comparison of run `,e.id]})}),n(`td`,{children:g(e.startedAt)}),n(`td`,{children:[n(`span`,{class:`badge ${e.running?`ok`:`muted`}`,children:e.running?`Running`:`Stopped`}),` `,C(e),e.stoppedBy&&` by ${D(e.stoppedBy)}`]}),n(`td`,{children:D(e.startedBy)}),n(`td`,{children:h&&e.running&&n(`button`,{type:`button`,class:`danger`,onClick:()=>k(e),disabled:x.busy,children:[`Stop run `,e.id]})})]},e.id))})]})}),h&&!w&&(r.inForce?n(`p`,{class:`muted`,children:[`Version `,c,` is in force: only a version that is not can run in shadow.`]}):n(`form`,{class:`toolbar`,onSubmit:O,"aria-label":`Start a shadow`,children:[n(y,{label:`Ends at (UTC, optional)`,name:`endsAt`,value:_,onInput:e=>v(e.currentTarget.value)}),n(a,{error:x.error,field:`endsAt`}),n(`button`,{type:`submit`,disabled:x.busy||E,children:`Start in shadow`}),E&&n(`span`,{class:`muted`,children:[o,` runs `,m(r.marketShadows,`shadow`),` already, the most at once: stop one first.`]})]})),S.dialog,n(f,{done:x.done,error:x.error})]})}function z({arms:e,label:t}){return n(`table`,{"aria-label":t,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Arm`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Declined`}),n(`th`,{class:`num`,children:`Decline rate`})]})}),n(`tbody`,{children:e.map(e=>n(`tr`,{children:[n(`td`,{children:_(e.arm)}),n(`td`,{class:`num`,children:h(e.decisions)}),n(`td`,{class:`num`,children:h(e.declined)}),n(`td`,{class:`num`,children:r(e.declineRate,2)})]},e.arm))})]})}function B({split:e}){return n(`p`,{"data-testid":`split-summary`,children:[n(p,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` decides for `,e.percent,` % of `,e.market,`'s shoppers since `,g(e.startedAt),`, requested by `,D(e.startedBy),e.requestId&&` (request ${e.requestId})`,`; the version in force decides for the rest.`]})}function V(r){let{split:o,market:c,version:p,user:m}=r,h=m.roles.some(e=>l.includes(e)),_=m.roles.some(e=>v.includes(e)),[y,S]=e(``),[C,T]=e(``),[E,k]=e(``),[A,j]=e({}),I=s(r.reload),L=d(),R=r.requests.filter(e=>e.status===u.Submitted),V=r.requests.filter(e=>e.status!==u.Submitted).slice(0,5),H=o?.requestId?r.requests.find(e=>e.id===o.requestId)?.reviewer:null,U=e=>{e.preventDefault();let t=x(y);k(typeof t==`string`?t:``),typeof t!=`string`&&I.run(async()=>{let e=(await b(M,{versionId:r.versionId,percent:t,rationale:C.trim()})).requestThresholdSplit;return S(``),T(``),`Request ${e.id} sent: ${e.percent===0?`end ${c}'s split`:`version ${p} for ${e.percent} % of ${c}'s shoppers`}. Another approver decides on it.`})},W=async(e,r)=>{let a=(A[e.id]??``).trim();(!r||await L.ask({title:e.percent===0?`End ${c}'s split?`:`Let version ${e.version.version.version} decide for ${e.percent} % of ${c}'s shoppers?`,body:n(t,{children:[n(`p`,{children:e.percent===0?`From the moment you confirm, every ${c} shopper meets the version in force again.`:`From the moment you confirm, ${e.percent} % of ${c}'s shoppers, chosen from their shopper id so that each always meets the same set, are decided with version ${e.version.version.version}; the others with the version in force. Similar shoppers are treated differently on purpose: auditors see both arms' decline rates.`}),o&&e.percent>0&&n(`p`,{children:[`It replaces the running split (version `,o.version.version.version,` at `,o.percent,` %).`]}),n(`p`,{children:[`Requested by `,D(e.author),`: `,e.rationale]})]}),confirm:`Approve the split`}))&&I.run(async()=>(r?await b(N,{id:e.id,comment:a||null}):await b(P,{id:e.id,comment:a}),j(t=>({...t,[e.id]:``})),i(),`Request ${e.id} ${r?`approved: it is in effect now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`split-h`,children:[n(`h2`,{id:`split-h`,children:[`Challenger split in `,c]}),o?n(t,{children:[n(B,{split:o}),H&&n(`p`,{children:[`Approved by `,D(H),`.`]}),n(z,{arms:o.arms,label:`Decline rate per arm of ${c}'s split`}),h&&n(`p`,{children:n(`button`,{type:`button`,class:`danger`,onClick:async()=>{o&&await L.ask({title:`End ${c}'s split now?`,body:n(`p`,{children:[`From the moment you confirm, every `,c,` shopper meets the version in force again; version `,o.version.version.version,` no longer decides for anyone.`]}),confirm:`End the split`,danger:!0})&&I.run(async()=>{let e=(await b(F,{market:c})).stopThresholdSplit;return`${c}'s split ended at ${g(e.endedAt)}.`})},disabled:I.busy,children:`End the split`})})]}):n(`p`,{children:[`No split runs in `,c,`: the version in force decides for every shopper.`]}),n(`h3`,{children:`Requests awaiting approval`}),R.length===0?n(`p`,{children:[`No split request awaits approval in `,c,`.`]}):n(`ul`,{class:`stack`,"aria-label":`Split requests awaiting approval`,children:R.map(e=>n(`li`,{"data-testid":`split-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,e.percent===0?`end the split`:`version ${e.version.version.version} for ${e.percent} %`,`, by `,D(e.author),` `,g(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),h&&O(e.author,m)&&n(`p`,{class:`notice`,children:`You asked for this split, so another approver must decide on it.`}),h&&!O(e.author,m)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:A[e.id]??``,onInput:t=>j(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(a,{error:I.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>W(e,!0),disabled:I.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>W(e,!1),disabled:I.busy||!(A[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),V.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:V.map(e=>n(`li`,{children:[`Request `,e.id,`: version `,e.version.version.version,` for `,e.percent,` %, `,w(e.status).toLowerCase(),` by `,D(e.reviewer),` `,g(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),_&&!r.inForce&&n(`form`,{class:`stack`,onSubmit:U,"aria-label":`Request a split`,children:[n(`h3`,{children:[`Request a split with version `,p]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Share of shoppers (%, 0 to `,50,`)`,n(`input`,{name:`percent`,inputMode:`numeric`,value:y,size:4,"aria-invalid":E?!0:void 0,onInput:e=>S(e.currentTarget.value)}),E?n(`span`,{class:`field-error`,children:E}):n(a,{error:I.error,field:`percent`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,value:C,size:40,onInput:e=>T(e.currentTarget.value)}),n(a,{error:I.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:I.busy,children:`Request the split`})]}),n(`p`,{class:`muted`,children:[`0 % asks to end `,c,`'s split. A second approver must approve the request before it takes effect.`]})]}),L.dialog,n(f,{done:I.done,error:I.error})]})}var H=c(`
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
`);function U({market:e}){let r=S(H,{market:e},e),i=r.data?.marketExperiments.find(t=>t.market===e);return n(`section`,{class:`panel`,"aria-labelledby":`experiments-h`,children:[n(`h2`,{id:`experiments-h`,children:[`In shadow and in split in `,e]}),r.error!==null&&n(E,{error:r.error,title:`Could not load the shadows and the split`}),r.loading&&!r.data&&n(o,{label:`Loading the shadows and the split…`}),r.data&&n(t,{children:[!i||i.shadows.length===0?n(`p`,{children:[`No version runs in shadow in `,e,`.`]}):n(`ul`,{"aria-label":`Shadows running in ${e}`,children:i.shadows.map(e=>n(`li`,{children:[n(p,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` in shadow since `,g(e.startedAt),`, `,C(e),`:`,` `,n(p,{href:`/thresholds/shadows/${e.id}`,children:[`comparison of run `,e.id]})]},e.id))}),i?.split?n(t,{children:[n(B,{split:i.split}),n(z,{arms:i.split.arms,label:`Decline rate per arm of ${e}'s split`})]}):n(`p`,{children:[`No split runs in `,e,`.`]})]})]})}export{U as MarketExperimentsPanel,L as VersionExperiments};