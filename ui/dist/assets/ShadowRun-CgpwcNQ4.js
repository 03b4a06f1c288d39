import{l as e,o as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{F as r,H as i,I as a,J as o,L as s,W as c,X as l,Z as u,a as d,c as f,et as p,h as m,i as h,it as g,nt as _,q as v,r as y,rt as b,s as x,tt as S,u as C}from"./index-CvA-npCO.js";import{RateBars as w}from"./realized-DRKt5Ibu.js";import{n as T}from"./subject-DYbAcEdk.js";r(`
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
`);var E=r(`
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
`);function D(e,t,n){return Date.parse(e.startedAt)<Date.parse(n)&&(!e.endedAt||Date.parse(e.endedAt)>Date.parse(t))}function O({params:t,query:r}){let d=r.get(`arm`)===s.Champion?s.Champion:r.get(`arm`)===s.Challenger?s.Challenger:null,f=r.get(`bucket`)===a.Day?a.Day:a.Hour,p=l(E,{id:t.id,arm:d,bucket:f},`${t.id}/${d}/${f}`),m=p.data?.thresholdShadow;if(C.preload(),p.error!==null&&!p.data)return n(i,{error:p.error,title:`Could not load the shadow run`});if(!p.data)return n(o,{label:`Loading the shadow run…`});if(!m)return n(e,{children:[n(v,{title:`Shadow run not found`}),n(`p`,{children:[`No shadow run has the id `,n(`code`,{children:t.id}),`. `,n(c,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let g=m.comparison,_=p.data.thresholdSplits.some(e=>e.market===m.market&&D(e,g.from,g.to)),y=(e,t)=>{let n=new URLSearchParams(r);t?n.set(e,t):n.delete(e);let i=n.toString();u(`/thresholds/shadows/${m.id}${i?`?${i}`:``}`,{replace:!0})},S=m.version.version,w=m.predicted?.available?m.predicted:null;return n(e,{children:[n(v,{title:`${m.market} version ${S.version} in shadow: run ${m.id}`,children:n(c,{href:`/thresholds/versions/${S.id}`,children:[`← `,m.market,` version `,S.version]})}),n(`p`,{children:[n(`span`,{class:`badge ${m.running?`ok`:`muted`}`,children:m.running?`Running`:`Stopped`}),` Started `,b(m.startedAt),` by `,T(m.startedBy),`,`,` `,x(m),m.stoppedBy&&` by ${T(m.stoppedBy)}`,`.`]}),n(`form`,{class:`filters`,"aria-label":`Comparison view`,onSubmit:e=>e.preventDefault(),children:[n(`label`,{children:[`Bucket`,n(`select`,{value:f,onChange:e=>y(`bucket`,e.currentTarget.value===a.Day?a.Day:``),children:[n(`option`,{value:a.Hour,children:`Hour`}),n(`option`,{value:a.Day,children:`Day`})]})]}),(_||d)&&n(`label`,{children:[`Arm`,n(`select`,{value:d??``,onChange:e=>y(`arm`,e.currentTarget.value),children:[n(`option`,{value:``,children:`Both arms`}),n(`option`,{value:s.Champion,children:h(s.Champion)}),n(`option`,{value:s.Challenger,children:h(s.Challenger)})]})]})]}),p.error!==null&&n(i,{error:p.error,title:`Could not load the comparison`}),n(k,{c:g,market:m.market,version:S.version,arm:d,bucket:f,predicted:w,predictedNote:m.predicted&&!m.predicted.available?m.predicted.note??``:null})]})}function k({c:r,market:i,version:o,arm:s,bucket:l,predicted:u,predictedNote:v}){let x=d(r.series),T=l===a.Day?`day`:`hour`,E=t(),D=s?`, ${h(s).toLowerCase()} only`:``;return n(e,{children:[n(`section`,{class:`panel`,"aria-labelledby":`${E}-rates`,children:[n(`h2`,{id:`${E}-rates`,children:[`Decline rate, live against shadow`,D]}),n(`p`,{"data-testid":`comparison-window`,children:[p(r.decisions),` `,i,` decisions compared, `,b(r.from),` to `,b(r.to),`.`,` `,n(`span`,{class:`muted`,"data-testid":`fresh-as-of`,children:r.freshAsOf?`The rollups count decisions up to ${b(r.freshAsOf)}; later ones are not in these figures yet.`:`The rollups have counted no decision of this run yet.`})]}),n(w,{title:`Decline rate of ${i}: live, shadow and predicted at submission`,bars:[{label:`Live: as decided`,rate:r.decisions>0?r.liveDeclineRate:null,kind:`before`},{label:`Shadow: version ${o} would have`,rate:r.decisions>0?r.shadowDeclineRate:null,kind:`realized`},...u?[{label:`Predicted at submission: thresholds then in force`,rate:u.declineRateNow,kind:`baseline`},{label:`Predicted at submission: version ${o}`,rate:u.declineRateProposed,kind:`predicted`}]:[]]}),n(`table`,{"aria-label":`Decline rates: live, shadow and predicted`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Figure`}),n(`th`,{class:`num`,children:`Live`}),n(`th`,{class:`num`,children:`Shadow`}),n(`th`,{class:`num`,children:`Shadow − live`})]})}),n(`tbody`,{children:[n(`tr`,{children:[n(`td`,{children:[`Realized over the run`,D]}),n(`td`,{class:`num`,"data-testid":`live-rate`,children:_(r.decisions>0?r.liveDeclineRate:null,2)}),n(`td`,{class:`num`,"data-testid":`shadow-rate`,children:_(r.decisions>0?r.shadowDeclineRate:null,2)}),n(`td`,{class:`num`,children:r.decisions>0?S(r.liveDeclineRate,r.shadowDeclineRate):`–`})]}),n(`tr`,{children:[n(`td`,{children:`Predicted at submission (what-if)`}),u?n(e,{children:[n(`td`,{class:`num`,children:_(u.declineRateNow,2)}),n(`td`,{class:`num`,children:_(u.declineRateProposed,2)}),n(`td`,{class:`num`,children:S(u.declineRateNow,u.declineRateProposed)})]}):n(`td`,{colSpan:3,class:`muted`,children:v===null?`No prediction: no submitted draft published this version.`:`The what-if could not answer: ${v||`no reason given`}`})]})]})]}),u&&n(`p`,{class:`muted`,children:[`The prediction replayed `,p(u.decisions),` `,i,` decisions of `,b(u.from),` to `,b(u.to),`; the realized rates count the decisions of the run.`]}),r.series.filter(e=>e.decisions>0).length>1?n(C,{label:`Decline rate in percent per bucket, live and shadow${D}`,xs:x.xs,ys:x.ys,series:x.labels.map((e,t)=>({label:e,dashed:t===1})),yLabel:`decline rate %`,xRange:[m(r.from),m(r.to)]}):n(`p`,{"data-testid":`chart-note`,children:r.series.some(e=>e.decisions>0)?`All the decisions so far fall in one ${T}: the chart draws from two on.`:`No decision in the rollups yet: nothing to draw.`})]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-agree`,children:[n(`h2`,{id:`${E}-agree`,children:[`Agreement`,D]}),n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Agreement between live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Cell`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Share`}),n(`th`,{class:`num`,children:`Mature`}),n(`th`,{class:`num`,children:`Bad`}),n(`th`,{class:`num`,children:`Bad rate`})]})}),n(`tbody`,{children:f(r.cells).map(e=>n(`tr`,{"data-testid":`cell-${e.agreement}`,children:[n(`td`,{children:y(e.agreement)}),n(`td`,{class:`num`,children:p(e.decisions)}),n(`td`,{class:`num`,children:_(e.share,1)}),n(`td`,{class:`num`,children:e.mature??`–`}),n(`td`,{class:`num`,children:e.bad??`–`}),n(`td`,{class:`num`,children:_(e.badRate,1)})]},e.agreement))})]})}),n(`p`,{class:`muted`,children:[`The bad rate is that of the cell's approvals old enough to judge, under `,i,`'s bad definition; the cells live declined have none.`]}),n(`h3`,{children:`Samples`}),f(r.cells).map(e=>n(`details`,{"data-testid":`samples-${e.agreement}`,children:[n(`summary`,{children:[y(e.agreement),`: `,e.samples.length===0?`no decision`:`the newest ${e.samples.length}`]}),n(`ul`,{children:e.samples.map(e=>n(`li`,{children:[n(c,{href:`/decisions/${e.id}`,children:e.reference}),` `,b(e.createdAt),`, live `,g(e.outcome).toLowerCase()]},e.id))})]},e.agreement))]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-reasons`,children:[n(`h2`,{id:`${E}-reasons`,children:[`Principal reasons`,D]}),r.reasons.length===0?n(`p`,{children:`Neither side declined a decision of the run.`}):n(`table`,{"aria-label":`Declines per principal reason, live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Principal reason`}),n(`th`,{class:`num`,children:`Live declines`}),n(`th`,{class:`num`,children:`Shadow declines`})]})}),n(`tbody`,{children:r.reasons.map(e=>n(`tr`,{children:[n(`td`,{children:g(e.reason)}),n(`td`,{class:`num`,children:p(e.live)}),n(`td`,{class:`num`,children:p(e.shadow)})]},e.reason))})]})]})]})}export{O as ShadowRunPage};