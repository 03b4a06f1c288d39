import{a as e,l as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{A as r,B as i,C as a,D as o,E as s,F as c,I as l,L as u,M as d,O as f,R as p,T as m,U as h,V as g,a as _,b as v,j as y,k as b,o as x,r as S,t as C,x as w}from"./index-BeshSBRJ.js";import{n as T,t as E}from"./subject-DYbAcEdk.js";d(`
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
`),d(`
  fragment ArmRateFields on ArmRate {
    arm
    decisions
    declined
    declineRate
  }
`),d(`
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
`),d(`
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
`);var D=d(`
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
`),O=d(`
  mutation StartThresholdShadow($versionId: ID!, $endsAt: Time) {
    startThresholdShadow(versionId: $versionId, endsAt: $endsAt) {
      ...ShadowFields
    }
  }
`),k=d(`
  mutation StopThresholdShadow($id: ID!) {
    stopThresholdShadow(id: $id) {
      ...ShadowFields
    }
  }
`),A=d(`
  mutation RequestThresholdSplit($versionId: ID!, $percent: Int!, $rationale: String!) {
    requestThresholdSplit(versionId: $versionId, percent: $percent, rationale: $rationale) {
      ...SplitRequestFields
    }
  }
`),j=d(`
  mutation ApproveThresholdSplitRequest($id: ID!, $comment: String) {
    approveThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),M=d(`
  mutation RejectThresholdSplitRequest($id: ID!, $comment: String!) {
    rejectThresholdSplitRequest(id: $id, comment: $comment) {
      ...SplitRequestFields
    }
  }
`),N=d(`
  mutation StopThresholdSplit($market: String!) {
    stopThresholdSplit(market: $market) {
      ...SplitFields
    }
  }
`),P=3;function F(t){let[n,r]=e(!1),[i,a]=e(null),[o,s]=e(``);return{busy:n,error:i,done:o,run:async e=>{r(!0),a(null),s(``);try{s(await e()),t()}catch(e){a(e)}finally{r(!1)}}}}function I({done:e,error:r}){return n(t,{children:[e&&n(`p`,{role:`status`,class:`notice`,children:e}),r!==null&&n(l,{error:r,title:`Not done`})]})}function L(e){let r=g(D,{versionId:e.versionId,market:e.market},`${e.versionId}/${e.market}`);if(r.error!==null&&!r.data)return n(l,{error:r.error,title:`Could not load the shadow runs and the split`});if(!r.data)return n(i,{label:`Loading the shadow runs and the split…`});let a=r.data,o=a.marketExperiments.find(t=>t.market===e.market);return n(t,{children:[n(R,{...e,shadows:a.thresholdShadows,marketShadows:o?.shadows.length??0,reload:r.reload}),n(V,{...e,split:o?.split??null,requests:a.thresholdSplitRequests.nodes,reload:r.reload})]})}function R(r){let{shadows:i,market:a,version:o,user:c}=r,l=c.roles.some(e=>b.includes(e)),[d,m]=e(``),g=F(r.reload),_=f(),y=i.find(e=>e.running),S=r.marketShadows>=P,E=async e=>{e.preventDefault();let i=v(d);i!==null&&await _.ask({title:`Start ${a} version ${o} in shadow?`,body:n(t,{children:[n(`p`,{children:[`Every `,a,` purchase assessed from now on is also evaluated with version `,o,`, and what it would have decided is stored beside the decision. Shoppers are still decided by the version in force: the shadow changes no answer.`]}),n(`p`,{children:i?`It stops by itself at ${s(i)}, or when an approver stops it.`:`It runs until an approver stops it.`})]}),confirm:`Start the shadow`})&&g.run(async()=>{let e=(await h(O,{versionId:r.versionId,endsAt:i||null})).startThresholdShadow;return m(``),`Version ${o} runs in shadow since ${s(e.startedAt)}, ${x(e)}.`})},D=async e=>{await _.ask({title:`Stop the shadow of ${a} version ${o}?`,body:n(`p`,{children:[`From the moment you confirm, `,a,` assessments no longer evaluate version `,o,`. Its comparison keeps the decisions of the run, `,s(e.startedAt),` until then. A new run can be started later.`]}),confirm:`Stop the shadow`,danger:!0})&&g.run(async()=>{let t=(await h(k,{id:e.id})).stopThresholdShadow;return`The shadow of version ${o} stopped at ${s(t.stoppedAt)}.`})};return n(`section`,{class:`panel`,"aria-labelledby":`shadow-h`,children:[n(`h2`,{id:`shadow-h`,children:`Shadow runs`}),n(`p`,{class:`muted`,children:[`A shadow evaluates every `,a,` assessment with this version beside the version in force, without changing any answer, so that both can be compared on live traffic.`]}),i.length===0?n(`p`,{children:[`Version `,o,` has never run in shadow.`]}):n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Shadow runs of version ${o}`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Run`}),n(`th`,{children:`Started (UTC)`}),n(`th`,{children:`State`}),n(`th`,{children:`Started by`}),n(`th`,{children:n(`span`,{class:`visually-hidden`,children:`Actions`})})]})}),n(`tbody`,{children:i.map(e=>n(`tr`,{children:[n(`td`,{children:n(p,{href:`/thresholds/shadows/${e.id}`,children:[`Comparison of run `,e.id]})}),n(`td`,{children:s(e.startedAt)}),n(`td`,{children:[n(`span`,{class:`badge ${e.running?`ok`:`muted`}`,children:e.running?`Running`:`Stopped`}),` `,x(e),e.stoppedBy&&` by ${T(e.stoppedBy)}`]}),n(`td`,{children:T(e.startedBy)}),n(`td`,{children:l&&e.running&&n(`button`,{type:`button`,class:`danger`,onClick:()=>D(e),disabled:g.busy,children:[`Stop run `,e.id]})})]},e.id))})]})}),l&&!y&&(r.inForce?n(`p`,{class:`muted`,children:[`Version `,o,` is in force: only a version that is not can run in shadow.`]}):n(`form`,{class:`toolbar`,onSubmit:E,"aria-label":`Start a shadow`,children:[n(C,{label:`Ends at (UTC, optional)`,name:`endsAt`,value:d,onInput:e=>m(e.currentTarget.value)}),n(u,{error:g.error,field:`endsAt`}),n(`button`,{type:`submit`,disabled:g.busy||S,children:`Start in shadow`}),S&&n(`span`,{class:`muted`,children:[a,` runs `,w(r.marketShadows,`shadow`),` already, the most at once: stop one first.`]})]})),_.dialog,n(I,{done:g.done,error:g.error})]})}function z({arms:e,label:t}){return n(`table`,{"aria-label":t,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Arm`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Declined`}),n(`th`,{class:`num`,children:`Decline rate`})]})}),n(`tbody`,{children:e.map(e=>n(`tr`,{children:[n(`td`,{children:S(e.arm)}),n(`td`,{class:`num`,children:a(e.decisions)}),n(`td`,{class:`num`,children:a(e.declined)}),n(`td`,{class:`num`,children:m(e.declineRate,2)})]},e.arm))})]})}function B({split:e}){return n(`p`,{"data-testid":`split-summary`,children:[n(p,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` decides for `,e.percent,` % of `,e.market,`'s shoppers since `,s(e.startedAt),`, requested by `,T(e.startedBy),e.requestId&&` (request ${e.requestId})`,`; the version in force decides for the rest.`]})}function V(i){let{split:a,market:l,version:d,user:p}=i,m=p.roles.some(e=>b.includes(e)),g=p.roles.some(e=>r.includes(e)),[v,x]=e(``),[S,C]=e(``),[w,D]=e(``),[O,k]=e({}),P=F(i.reload),L=f(),R=i.requests.filter(e=>e.status===c.Submitted),V=i.requests.filter(e=>e.status!==c.Submitted).slice(0,5),H=a?.requestId?i.requests.find(e=>e.id===a.requestId)?.reviewer:null,U=e=>{e.preventDefault();let t=_(v);D(typeof t==`string`?t:``),typeof t!=`string`&&P.run(async()=>{let e=(await h(A,{versionId:i.versionId,percent:t,rationale:S.trim()})).requestThresholdSplit;return x(``),C(``),`Request ${e.id} sent: ${e.percent===0?`end ${l}'s split`:`version ${d} for ${e.percent} % of ${l}'s shoppers`}. Another approver decides on it.`})},W=async(e,r)=>{let i=(O[e.id]??``).trim();(!r||await L.ask({title:e.percent===0?`End ${l}'s split?`:`Let version ${e.version.version.version} decide for ${e.percent} % of ${l}'s shoppers?`,body:n(t,{children:[n(`p`,{children:e.percent===0?`From the moment you confirm, every ${l} shopper meets the version in force again.`:`From the moment you confirm, ${e.percent} % of ${l}'s shoppers, chosen from their shopper id so that each always meets the same set, are decided with version ${e.version.version.version}; the others with the version in force. Similar shoppers are treated differently on purpose: auditors see both arms' decline rates.`}),a&&e.percent>0&&n(`p`,{children:[`It replaces the running split (version `,a.version.version.version,` at `,a.percent,` %).`]}),n(`p`,{children:[`Requested by `,T(e.author),`: `,e.rationale]})]}),confirm:`Approve the split`}))&&P.run(async()=>(r?await h(j,{id:e.id,comment:i||null}):await h(M,{id:e.id,comment:i}),k(t=>({...t,[e.id]:``})),y(),`Request ${e.id} ${r?`approved: it is in effect now`:`rejected`}.`))};return n(`section`,{class:`panel`,"aria-labelledby":`split-h`,children:[n(`h2`,{id:`split-h`,children:[`Challenger split in `,l]}),a?n(t,{children:[n(B,{split:a}),H&&n(`p`,{children:[`Approved by `,T(H),`.`]}),n(z,{arms:a.arms,label:`Decline rate per arm of ${l}'s split`}),m&&n(`p`,{children:n(`button`,{type:`button`,class:`danger`,onClick:async()=>{a&&await L.ask({title:`End ${l}'s split now?`,body:n(`p`,{children:[`From the moment you confirm, every `,l,` shopper meets the version in force again; version `,a.version.version.version,` no longer decides for anyone.`]}),confirm:`End the split`,danger:!0})&&P.run(async()=>{let e=(await h(N,{market:l})).stopThresholdSplit;return`${l}'s split ended at ${s(e.endedAt)}.`})},disabled:P.busy,children:`End the split`})})]}):n(`p`,{children:[`No split runs in `,l,`: the version in force decides for every shopper.`]}),n(`h3`,{children:`Requests awaiting approval`}),R.length===0?n(`p`,{children:[`No split request awaits approval in `,l,`.`]}):n(`ul`,{class:`stack`,"aria-label":`Split requests awaiting approval`,children:R.map(e=>n(`li`,{"data-testid":`split-request-${e.id}`,children:[n(`p`,{children:[n(`strong`,{children:[`Request `,e.id]}),`: `,e.percent===0?`end the split`:`version ${e.version.version.version} for ${e.percent} %`,`, by `,T(e.author),` `,s(e.createdAt),`. `,n(`span`,{class:`muted`,children:e.rationale})]}),m&&E(e.author,p)&&n(`p`,{class:`notice`,children:`You asked for this split, so another approver must decide on it.`}),m&&!E(e.author,p)&&n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Comment (required to reject)`,n(`input`,{name:`comment`,value:O[e.id]??``,onInput:t=>k(n=>({...n,[e.id]:t.currentTarget.value}))})]}),n(u,{error:P.error,field:`comment`}),n(`button`,{type:`button`,onClick:()=>W(e,!0),disabled:P.busy,children:[`Approve request `,e.id]}),n(`button`,{type:`button`,class:`secondary`,onClick:()=>W(e,!1),disabled:P.busy||!(O[e.id]??``).trim(),children:[`Reject request `,e.id]})]})]},e.id))}),V.length>0&&n(`details`,{children:[n(`summary`,{children:`Recent decided requests`}),n(`ul`,{children:V.map(e=>n(`li`,{children:[`Request `,e.id,`: version `,e.version.version.version,` for `,e.percent,` %, `,o(e.status).toLowerCase(),` by `,T(e.reviewer),` `,s(e.updatedAt),e.reviewComment&&` (“${e.reviewComment}”)`]},e.id))})]}),g&&!i.inForce&&n(`form`,{class:`stack`,onSubmit:U,"aria-label":`Request a split`,children:[n(`h3`,{children:[`Request a split with version `,d]}),n(`div`,{class:`toolbar`,children:[n(`label`,{children:[`Share of shoppers (%, 0 to `,50,`)`,n(`input`,{name:`percent`,inputMode:`numeric`,value:v,size:4,"aria-invalid":w?!0:void 0,onInput:e=>x(e.currentTarget.value)}),w?n(`span`,{class:`field-error`,children:w}):n(u,{error:P.error,field:`percent`})]}),n(`label`,{children:[`Rationale for the approver`,n(`input`,{name:`rationale`,value:S,size:40,onInput:e=>C(e.currentTarget.value)}),n(u,{error:P.error,field:`rationale`})]}),n(`button`,{type:`submit`,disabled:P.busy,children:`Request the split`})]}),n(`p`,{class:`muted`,children:[`0 % asks to end `,l,`'s split. A second approver must approve the request before it takes effect.`]})]}),L.dialog,n(I,{done:P.done,error:P.error})]})}var H=d(`
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
`);function U({market:e}){let r=g(H,{market:e},e),a=r.data?.marketExperiments.find(t=>t.market===e);return n(`section`,{class:`panel`,"aria-labelledby":`experiments-h`,children:[n(`h2`,{id:`experiments-h`,children:[`In shadow and in split in `,e]}),r.error!==null&&n(l,{error:r.error,title:`Could not load the shadows and the split`}),r.loading&&!r.data&&n(i,{label:`Loading the shadows and the split…`}),r.data&&n(t,{children:[!a||a.shadows.length===0?n(`p`,{children:[`No version runs in shadow in `,e,`.`]}):n(`ul`,{"aria-label":`Shadows running in ${e}`,children:a.shadows.map(e=>n(`li`,{children:[n(p,{href:`/thresholds/versions/${e.version.version.id}`,children:[`Version `,e.version.version.version]}),` in shadow since `,s(e.startedAt),`, `,x(e),`:`,` `,n(p,{href:`/thresholds/shadows/${e.id}`,children:[`comparison of run `,e.id]})]},e.id))}),a?.split?n(t,{children:[n(B,{split:a.split}),n(z,{arms:a.split.arms,label:`Decline rate per arm of ${e}'s split`})]}):n(`p`,{children:[`No split runs in `,e,`.`]})]})]})}export{U as MarketExperimentsPanel,L as VersionExperiments};