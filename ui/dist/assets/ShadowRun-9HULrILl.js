import{l as e,o as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{$ as r,F as i,G as a,J as o,N as s,P as c,Q as l,V as u,W as d,Z as f,a as p,c as m,et as h,h as g,i as _,q as v,r as y,s as b,tt as x,u as S,z as C}from"./index-YXV4cuX4.js";import{RateBars as w}from"./realized-B5KNghLS.js";import{n as T}from"./subject-DYbAcEdk.js";s(`
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
`);var E=s(`
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
`);function D(e,t,n){return Date.parse(e.startedAt)<Date.parse(n)&&(!e.endedAt||Date.parse(e.endedAt)>Date.parse(t))}function O({params:t,query:r}){let s=r.get(`arm`)===i.Champion?i.Champion:r.get(`arm`)===i.Challenger?i.Challenger:null,l=r.get(`bucket`)===c.Day?c.Day:c.Hour,f=v(E,{id:t.id,arm:s,bucket:l},`${t.id}/${s}/${l}`),p=f.data?.thresholdShadow;if(S.preload(),f.error!==null&&!f.data)return n(C,{error:f.error,title:`Could not load the shadow run`});if(!f.data)return n(a,{label:`Loading the shadow run…`});if(!p)return n(e,{children:[n(d,{title:`Shadow run not found`}),n(`p`,{children:[`No shadow run has the id `,n(`code`,{children:t.id}),`. `,n(u,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let m=p.comparison,g=f.data.thresholdSplits.some(e=>e.market===p.market&&D(e,m.from,m.to)),y=(e,t)=>{let n=new URLSearchParams(r);t?n.set(e,t):n.delete(e);let i=n.toString();o(`/thresholds/shadows/${p.id}${i?`?${i}`:``}`,{replace:!0})},x=p.version.version,w=p.predicted?.available?p.predicted:null;return n(e,{children:[n(d,{title:`${p.market} version ${x.version} in shadow: run ${p.id}`,children:n(u,{href:`/thresholds/versions/${x.id}`,children:[`← `,p.market,` version `,x.version]})}),n(`p`,{children:[n(`span`,{class:`badge ${p.running?`ok`:`muted`}`,children:p.running?`Running`:`Stopped`}),` Started `,h(p.startedAt),` by `,T(p.startedBy),`,`,` `,b(p),p.stoppedBy&&` by ${T(p.stoppedBy)}`,`.`]}),n(`form`,{class:`filters`,"aria-label":`Comparison view`,onSubmit:e=>e.preventDefault(),children:[n(`label`,{children:[`Bucket`,n(`select`,{value:l,onChange:e=>y(`bucket`,e.currentTarget.value===c.Day?c.Day:``),children:[n(`option`,{value:c.Hour,children:`Hour`}),n(`option`,{value:c.Day,children:`Day`})]})]}),(g||s)&&n(`label`,{children:[`Arm`,n(`select`,{value:s??``,onChange:e=>y(`arm`,e.currentTarget.value),children:[n(`option`,{value:``,children:`Both arms`}),n(`option`,{value:i.Champion,children:_(i.Champion)}),n(`option`,{value:i.Challenger,children:_(i.Challenger)})]})]})]}),f.error!==null&&n(C,{error:f.error,title:`Could not load the comparison`}),n(k,{c:m,market:p.market,version:x.version,arm:s,bucket:l,predicted:w,predictedNote:p.predicted&&!p.predicted.available?p.predicted.note??``:null})]})}function k({c:i,market:a,version:o,arm:s,bucket:d,predicted:v,predictedNote:b}){let C=p(i.series),T=d===c.Day?`day`:`hour`,E=t(),D=s?`, ${_(s).toLowerCase()} only`:``;return n(e,{children:[n(`section`,{class:`panel`,"aria-labelledby":`${E}-rates`,children:[n(`h2`,{id:`${E}-rates`,children:[`Decline rate, live against shadow`,D]}),n(`p`,{"data-testid":`comparison-window`,children:[f(i.decisions),` `,a,` decisions compared, `,h(i.from),` to `,h(i.to),`.`,` `,n(`span`,{class:`muted`,"data-testid":`fresh-as-of`,children:i.freshAsOf?`The rollups count decisions up to ${h(i.freshAsOf)}; later ones are not in these figures yet.`:`The rollups have counted no decision of this run yet.`})]}),n(w,{title:`Decline rate of ${a}: live, shadow and predicted at submission`,bars:[{label:`Live: as decided`,rate:i.decisions>0?i.liveDeclineRate:null,kind:`before`},{label:`Shadow: version ${o} would have`,rate:i.decisions>0?i.shadowDeclineRate:null,kind:`realized`},...v?[{label:`Predicted at submission: thresholds then in force`,rate:v.declineRateNow,kind:`baseline`},{label:`Predicted at submission: version ${o}`,rate:v.declineRateProposed,kind:`predicted`}]:[]]}),n(`table`,{"aria-label":`Decline rates: live, shadow and predicted`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Figure`}),n(`th`,{class:`num`,children:`Live`}),n(`th`,{class:`num`,children:`Shadow`}),n(`th`,{class:`num`,children:`Shadow − live`})]})}),n(`tbody`,{children:[n(`tr`,{children:[n(`td`,{children:[`Realized over the run`,D]}),n(`td`,{class:`num`,"data-testid":`live-rate`,children:r(i.decisions>0?i.liveDeclineRate:null,2)}),n(`td`,{class:`num`,"data-testid":`shadow-rate`,children:r(i.decisions>0?i.shadowDeclineRate:null,2)}),n(`td`,{class:`num`,children:i.decisions>0?l(i.liveDeclineRate,i.shadowDeclineRate):`–`})]}),n(`tr`,{children:[n(`td`,{children:`Predicted at submission (what-if)`}),v?n(e,{children:[n(`td`,{class:`num`,children:r(v.declineRateNow,2)}),n(`td`,{class:`num`,children:r(v.declineRateProposed,2)}),n(`td`,{class:`num`,children:l(v.declineRateNow,v.declineRateProposed)})]}):n(`td`,{colSpan:3,class:`muted`,children:b===null?`No prediction: no submitted draft published this version.`:`The what-if could not answer: ${b||`no reason given`}`})]})]})]}),v&&n(`p`,{class:`muted`,children:[`The prediction replayed `,f(v.decisions),` `,a,` decisions of `,h(v.from),` to `,h(v.to),`; the realized rates count the decisions of the run.`]}),i.series.filter(e=>e.decisions>0).length>1?n(S,{label:`Decline rate in percent per bucket, live and shadow${D}`,xs:C.xs,ys:C.ys,series:C.labels.map((e,t)=>({label:e,dashed:t===1})),yLabel:`decline rate %`,xRange:[g(i.from),g(i.to)]}):n(`p`,{"data-testid":`chart-note`,children:i.series.some(e=>e.decisions>0)?`All the decisions so far fall in one ${T}: the chart draws from two on.`:`No decision in the rollups yet: nothing to draw.`})]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-agree`,children:[n(`h2`,{id:`${E}-agree`,children:[`Agreement`,D]}),n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Agreement between live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Cell`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Share`}),n(`th`,{class:`num`,children:`Mature`}),n(`th`,{class:`num`,children:`Bad`}),n(`th`,{class:`num`,children:`Bad rate`})]})}),n(`tbody`,{children:m(i.cells).map(e=>n(`tr`,{"data-testid":`cell-${e.agreement}`,children:[n(`td`,{children:y(e.agreement)}),n(`td`,{class:`num`,children:f(e.decisions)}),n(`td`,{class:`num`,children:r(e.share,1)}),n(`td`,{class:`num`,children:e.mature??`–`}),n(`td`,{class:`num`,children:e.bad??`–`}),n(`td`,{class:`num`,children:r(e.badRate,1)})]},e.agreement))})]})}),n(`p`,{class:`muted`,children:[`The bad rate is that of the cell's approvals old enough to judge, under `,a,`'s bad definition; the cells live declined have none.`]}),n(`h3`,{children:`Samples`}),m(i.cells).map(e=>n(`details`,{"data-testid":`samples-${e.agreement}`,children:[n(`summary`,{children:[y(e.agreement),`: `,e.samples.length===0?`no decision`:`the newest ${e.samples.length}`]}),n(`ul`,{children:e.samples.map(e=>n(`li`,{children:[n(u,{href:`/decisions/${e.id}`,children:e.reference}),` `,h(e.createdAt),`, live `,x(e.outcome).toLowerCase()]},e.id))})]},e.agreement))]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-reasons`,children:[n(`h2`,{id:`${E}-reasons`,children:[`Principal reasons`,D]}),i.reasons.length===0?n(`p`,{children:`Neither side declined a decision of the run.`}):n(`table`,{"aria-label":`Declines per principal reason, live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Principal reason`}),n(`th`,{class:`num`,children:`Live declines`}),n(`th`,{class:`num`,children:`Shadow declines`})]})}),n(`tbody`,{children:i.reasons.map(e=>n(`tr`,{children:[n(`td`,{children:x(e.reason)}),n(`td`,{class:`num`,children:f(e.live)}),n(`td`,{class:`num`,children:f(e.shadow)})]},e.reason))})]})]})]})}export{O as ShadowRunPage};