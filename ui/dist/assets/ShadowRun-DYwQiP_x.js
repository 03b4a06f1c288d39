import{l as e,o as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{B as r,C as i,D as a,E as o,H as s,I as c,M as l,N as u,P as d,R as f,T as p,V as m,i as h,l as g,m as _,n as v,o as y,r as b,s as x,w as S,z as C}from"./index-BeshSBRJ.js";import{RateBars as w}from"./realized--dflHWRq.js";import{n as T}from"./subject-DYbAcEdk.js";l(`
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
`);var E=l(`
  query ShadowRun($id: ID!, $arm: Arm, $bucket: AnalyticsBucket!) {
    thresholdShadow(id: $id) {
      ...ShadowFields
      predicted {
        available
        note
        declineRateNow
        declineRateProposed
        from
        to
        decisions
      }
      comparison(arm: $arm, bucket: $bucket) {
        ...ShadowComparisonFields
      }
    }
    thresholdSplits(first: 20) {
      id
      market
      startedAt
      endedAt
    }
  }
`);function D(e,t,n){return Date.parse(e.startedAt)<Date.parse(n)&&(!e.endedAt||Date.parse(e.endedAt)>Date.parse(t))}function O({params:t,query:i}){let a=i.get(`arm`)===d.Champion?d.Champion:i.get(`arm`)===d.Challenger?d.Challenger:null,l=i.get(`bucket`)===u.Day?u.Day:u.Hour,p=m(E,{id:t.id,arm:a,bucket:l},`${t.id}/${a}/${l}`),h=p.data?.thresholdShadow;if(g.preload(),p.error!==null&&!p.data)return n(c,{error:p.error,title:`Could not load the shadow run`});if(!p.data)return n(r,{label:`Loading the shadow run…`});if(!h)return n(e,{children:[n(C,{title:`Shadow run not found`}),n(`p`,{children:[`No shadow run has the id `,n(`code`,{children:t.id}),`. `,n(f,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let _=h.comparison,v=p.data.thresholdSplits.some(e=>e.market===h.market&&D(e,_.from,_.to)),x=(e,t)=>{let n=new URLSearchParams(i);t?n.set(e,t):n.delete(e);let r=n.toString();s(`/thresholds/shadows/${h.id}${r?`?${r}`:``}`,{replace:!0})},S=h.version.version,w=h.predicted?.available?h.predicted:null;return n(e,{children:[n(C,{title:`${h.market} version ${S.version} in shadow: run ${h.id}`,children:n(f,{href:`/thresholds/versions/${S.id}`,children:[`← `,h.market,` version `,S.version]})}),n(`p`,{children:[n(`span`,{class:`badge ${h.running?`ok`:`muted`}`,children:h.running?`Running`:`Stopped`}),` Started `,o(h.startedAt),` by `,T(h.startedBy),`,`,` `,y(h),h.stoppedBy&&` by ${T(h.stoppedBy)}`,`.`]}),n(`form`,{class:`filters`,"aria-label":`Comparison view`,onSubmit:e=>e.preventDefault(),children:[n(`label`,{children:[`Bucket`,n(`select`,{value:l,onChange:e=>x(`bucket`,e.currentTarget.value===u.Day?u.Day:``),children:[n(`option`,{value:u.Hour,children:`Hour`}),n(`option`,{value:u.Day,children:`Day`})]})]}),(v||a)&&n(`label`,{children:[`Arm`,n(`select`,{value:a??``,onChange:e=>x(`arm`,e.currentTarget.value),children:[n(`option`,{value:``,children:`Both arms`}),n(`option`,{value:d.Champion,children:b(d.Champion)}),n(`option`,{value:d.Challenger,children:b(d.Challenger)})]})]})]}),p.error!==null&&n(c,{error:p.error,title:`Could not load the comparison`}),n(k,{c:_,market:h.market,version:S.version,arm:a,bucket:l,predicted:w,predictedNote:h.predicted&&!h.predicted.available?h.predicted.note??``:null})]})}function k({c:r,market:s,version:c,arm:l,bucket:d,predicted:m,predictedNote:y}){let C=h(r.series),T=d===u.Day?`day`:`hour`,E=t(),D=l?`, ${b(l).toLowerCase()} only`:``;return n(e,{children:[n(`section`,{class:`panel`,"aria-labelledby":`${E}-rates`,children:[n(`h2`,{id:`${E}-rates`,children:[`Decline rate, live against shadow`,D]}),n(`p`,{"data-testid":`comparison-window`,children:[i(r.decisions),` `,s,` decisions compared, `,o(r.from),` to `,o(r.to),`.`,` `,n(`span`,{class:`muted`,"data-testid":`fresh-as-of`,children:r.freshAsOf?`The rollups count decisions up to ${o(r.freshAsOf)}; later ones are not in these figures yet.`:`The rollups have counted no decision of this run yet.`})]}),n(w,{title:`Decline rate of ${s}: live, shadow and predicted at submission`,bars:[{label:`Live: as decided`,rate:r.decisions>0?r.liveDeclineRate:null,kind:`before`},{label:`Shadow: version ${c} would have`,rate:r.decisions>0?r.shadowDeclineRate:null,kind:`realized`},...m?[{label:`Predicted at submission: thresholds then in force`,rate:m.declineRateNow,kind:`baseline`},{label:`Predicted at submission: version ${c}`,rate:m.declineRateProposed,kind:`predicted`}]:[]]}),n(`table`,{"aria-label":`Decline rates: live, shadow and predicted`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Figure`}),n(`th`,{class:`num`,children:`Live`}),n(`th`,{class:`num`,children:`Shadow`}),n(`th`,{class:`num`,children:`Shadow − live`})]})}),n(`tbody`,{children:[n(`tr`,{children:[n(`td`,{children:[`Realized over the run`,D]}),n(`td`,{class:`num`,"data-testid":`live-rate`,children:p(r.decisions>0?r.liveDeclineRate:null,2)}),n(`td`,{class:`num`,"data-testid":`shadow-rate`,children:p(r.decisions>0?r.shadowDeclineRate:null,2)}),n(`td`,{class:`num`,children:r.decisions>0?S(r.liveDeclineRate,r.shadowDeclineRate):`–`})]}),n(`tr`,{children:[n(`td`,{children:`Predicted at submission (what-if)`}),m?n(e,{children:[n(`td`,{class:`num`,children:p(m.declineRateNow,2)}),n(`td`,{class:`num`,children:p(m.declineRateProposed,2)}),n(`td`,{class:`num`,children:S(m.declineRateNow,m.declineRateProposed)})]}):n(`td`,{colSpan:3,class:`muted`,children:y===null?`No prediction: no submitted draft published this version.`:`The what-if could not answer: ${y||`no reason given`}`})]})]})]}),m&&n(`p`,{class:`muted`,children:[`The prediction replayed `,i(m.decisions),` `,s,` decisions of `,o(m.from),` to `,o(m.to),`; the realized rates count the decisions of the run.`]}),r.series.filter(e=>e.decisions>0).length>1?n(g,{label:`Decline rate in percent per bucket, live and shadow${D}`,xs:C.xs,ys:C.ys,series:C.labels.map((e,t)=>({label:e,dashed:t===1})),yLabel:`decline rate %`,xRange:[_(r.from),_(r.to)]}):n(`p`,{"data-testid":`chart-note`,children:r.series.some(e=>e.decisions>0)?`All the decisions so far fall in one ${T}: the chart draws from two on.`:`No decision in the rollups yet: nothing to draw.`})]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-agree`,children:[n(`h2`,{id:`${E}-agree`,children:[`Agreement`,D]}),n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Agreement between live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Cell`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Share`}),n(`th`,{class:`num`,children:`Mature`}),n(`th`,{class:`num`,children:`Bad`}),n(`th`,{class:`num`,children:`Bad rate`})]})}),n(`tbody`,{children:x(r.cells).map(e=>n(`tr`,{"data-testid":`cell-${e.agreement}`,children:[n(`td`,{children:v(e.agreement)}),n(`td`,{class:`num`,children:i(e.decisions)}),n(`td`,{class:`num`,children:p(e.share,1)}),n(`td`,{class:`num`,children:e.mature??`–`}),n(`td`,{class:`num`,children:e.bad??`–`}),n(`td`,{class:`num`,children:p(e.badRate,1)})]},e.agreement))})]})}),n(`p`,{class:`muted`,children:[`The bad rate is that of the cell's approvals old enough to judge, under `,s,`'s bad definition; the cells live declined have none.`]}),n(`h3`,{children:`Samples`}),x(r.cells).map(e=>n(`details`,{"data-testid":`samples-${e.agreement}`,children:[n(`summary`,{children:[v(e.agreement),`: `,e.samples.length===0?`no decision`:`the newest ${e.samples.length}`]}),n(`ul`,{children:e.samples.map(e=>n(`li`,{children:[n(f,{href:`/decisions/${e.id}`,children:e.reference}),` `,o(e.createdAt),`, live `,a(e.outcome).toLowerCase()]},e.id))})]},e.agreement))]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-reasons`,children:[n(`h2`,{id:`${E}-reasons`,children:[`Principal reasons`,D]}),r.reasons.length===0?n(`p`,{children:`Neither side declined a decision of the run.`}):n(`table`,{"aria-label":`Declines per principal reason, live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Principal reason`}),n(`th`,{class:`num`,children:`Live declines`}),n(`th`,{class:`num`,children:`Shadow declines`})]})}),n(`tbody`,{children:r.reasons.map(e=>n(`tr`,{children:[n(`td`,{children:a(e.reason)}),n(`td`,{class:`num`,children:i(e.live)}),n(`td`,{class:`num`,children:i(e.shadow)})]},e.reason))})]})]})]})}export{O as ShadowRunPage};