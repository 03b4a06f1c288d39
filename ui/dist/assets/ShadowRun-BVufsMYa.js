import{l as e,o as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{B as r,C as i,D as a,E as o,I as s,M as c,N as l,P as u,R as d,T as f,U as p,V as m,W as h,i as g,l as _,m as v,n as y,o as b,r as x,s as S,w as C}from"./index-VndrXsV5.js";import{RateBars as w}from"./realized-Du2xuu0X.js";import{n as T}from"./subject-DYbAcEdk.js";c(`
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
`);var E=c(`
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
`);function D(e,t,n){return Date.parse(e.startedAt)<Date.parse(n)&&(!e.endedAt||Date.parse(e.endedAt)>Date.parse(t))}function O({params:t,query:i}){let a=i.get(`arm`)===u.Champion?u.Champion:i.get(`arm`)===u.Challenger?u.Challenger:null,c=i.get(`bucket`)===l.Day?l.Day:l.Hour,f=p(E,{id:t.id,arm:a,bucket:c},`${t.id}/${a}/${c}`),g=f.data?.thresholdShadow;if(_.preload(),f.error!==null&&!f.data)return n(s,{error:f.error,title:`Could not load the shadow run`});if(!f.data)return n(m,{label:`Loading the shadow run…`});if(!g)return n(e,{children:[n(r,{title:`Shadow run not found`}),n(`p`,{children:[`No shadow run has the id `,n(`code`,{children:t.id}),`. `,n(d,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let v=g.comparison,y=f.data.thresholdSplits.some(e=>e.market===g.market&&D(e,v.from,v.to)),S=(e,t)=>{let n=new URLSearchParams(i);t?n.set(e,t):n.delete(e);let r=n.toString();h(`/thresholds/shadows/${g.id}${r?`?${r}`:``}`,{replace:!0})},C=g.version.version,w=g.predicted?.available?g.predicted:null;return n(e,{children:[n(r,{title:`${g.market} version ${C.version} in shadow: run ${g.id}`,children:n(d,{href:`/thresholds/versions/${C.id}`,children:[`← `,g.market,` version `,C.version]})}),n(`p`,{children:[n(`span`,{class:`badge ${g.running?`ok`:`muted`}`,children:g.running?`Running`:`Stopped`}),` Started `,o(g.startedAt),` by `,T(g.startedBy),`,`,` `,b(g),g.stoppedBy&&` by ${T(g.stoppedBy)}`,`.`]}),n(`form`,{class:`filters`,"aria-label":`Comparison view`,onSubmit:e=>e.preventDefault(),children:[n(`label`,{children:[`Bucket`,n(`select`,{value:c,onChange:e=>S(`bucket`,e.currentTarget.value===l.Day?l.Day:``),children:[n(`option`,{value:l.Hour,children:`Hour`}),n(`option`,{value:l.Day,children:`Day`})]})]}),(y||a)&&n(`label`,{children:[`Arm`,n(`select`,{value:a??``,onChange:e=>S(`arm`,e.currentTarget.value),children:[n(`option`,{value:``,children:`Both arms`}),n(`option`,{value:u.Champion,children:x(u.Champion)}),n(`option`,{value:u.Challenger,children:x(u.Challenger)})]})]})]}),f.error!==null&&n(s,{error:f.error,title:`Could not load the comparison`}),n(k,{c:v,market:g.market,version:C.version,arm:a,bucket:c,predicted:w,predictedNote:g.predicted&&!g.predicted.available?g.predicted.note??``:null})]})}function k({c:r,market:s,version:c,arm:u,bucket:p,predicted:m,predictedNote:h}){let b=g(r.series),T=p===l.Day?`day`:`hour`,E=t(),D=u?`, ${x(u).toLowerCase()} only`:``;return n(e,{children:[n(`section`,{class:`panel`,"aria-labelledby":`${E}-rates`,children:[n(`h2`,{id:`${E}-rates`,children:[`Decline rate, live against shadow`,D]}),n(`p`,{"data-testid":`comparison-window`,children:[i(r.decisions),` `,s,` decisions compared, `,o(r.from),` to `,o(r.to),`.`,` `,n(`span`,{class:`muted`,"data-testid":`fresh-as-of`,children:r.freshAsOf?`The rollups count decisions up to ${o(r.freshAsOf)}; later ones are not in these figures yet.`:`The rollups have counted no decision of this run yet.`})]}),n(w,{title:`Decline rate of ${s}: live, shadow and predicted at submission`,bars:[{label:`Live: as decided`,rate:r.decisions>0?r.liveDeclineRate:null,kind:`before`},{label:`Shadow: version ${c} would have`,rate:r.decisions>0?r.shadowDeclineRate:null,kind:`realized`},...m?[{label:`Predicted at submission: thresholds then in force`,rate:m.declineRateNow,kind:`baseline`},{label:`Predicted at submission: version ${c}`,rate:m.declineRateProposed,kind:`predicted`}]:[]]}),n(`table`,{"aria-label":`Decline rates: live, shadow and predicted`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Figure`}),n(`th`,{class:`num`,children:`Live`}),n(`th`,{class:`num`,children:`Shadow`}),n(`th`,{class:`num`,children:`Shadow − live`})]})}),n(`tbody`,{children:[n(`tr`,{children:[n(`td`,{children:[`Realized over the run`,D]}),n(`td`,{class:`num`,"data-testid":`live-rate`,children:f(r.decisions>0?r.liveDeclineRate:null,2)}),n(`td`,{class:`num`,"data-testid":`shadow-rate`,children:f(r.decisions>0?r.shadowDeclineRate:null,2)}),n(`td`,{class:`num`,children:r.decisions>0?C(r.liveDeclineRate,r.shadowDeclineRate):`–`})]}),n(`tr`,{children:[n(`td`,{children:`Predicted at submission (what-if)`}),m?n(e,{children:[n(`td`,{class:`num`,children:f(m.declineRateNow,2)}),n(`td`,{class:`num`,children:f(m.declineRateProposed,2)}),n(`td`,{class:`num`,children:C(m.declineRateNow,m.declineRateProposed)})]}):n(`td`,{colSpan:3,class:`muted`,children:h===null?`No prediction: no submitted draft published this version.`:`The what-if could not answer: ${h||`no reason given`}`})]})]})]}),m&&n(`p`,{class:`muted`,children:[`The prediction replayed `,i(m.decisions),` `,s,` decisions of `,o(m.from),` to `,o(m.to),`; the realized rates count the decisions of the run.`]}),r.series.filter(e=>e.decisions>0).length>1?n(_,{label:`Decline rate in percent per bucket, live and shadow${D}`,xs:b.xs,ys:b.ys,series:b.labels.map((e,t)=>({label:e,dashed:t===1})),yLabel:`decline rate %`,xRange:[v(r.from),v(r.to)]}):n(`p`,{"data-testid":`chart-note`,children:r.series.some(e=>e.decisions>0)?`All the decisions so far fall in one ${T}: the chart draws from two on.`:`No decision in the rollups yet: nothing to draw.`})]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-agree`,children:[n(`h2`,{id:`${E}-agree`,children:[`Agreement`,D]}),n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Agreement between live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Cell`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Share`}),n(`th`,{class:`num`,children:`Mature`}),n(`th`,{class:`num`,children:`Bad`}),n(`th`,{class:`num`,children:`Bad rate`})]})}),n(`tbody`,{children:S(r.cells).map(e=>n(`tr`,{"data-testid":`cell-${e.agreement}`,children:[n(`td`,{children:y(e.agreement)}),n(`td`,{class:`num`,children:i(e.decisions)}),n(`td`,{class:`num`,children:f(e.share,1)}),n(`td`,{class:`num`,children:e.mature??`–`}),n(`td`,{class:`num`,children:e.bad??`–`}),n(`td`,{class:`num`,children:f(e.badRate,1)})]},e.agreement))})]})}),n(`p`,{class:`muted`,children:[`The bad rate is that of the cell's approvals old enough to judge, under `,s,`'s bad definition; the cells live declined have none.`]}),n(`h3`,{children:`Samples`}),S(r.cells).map(e=>n(`details`,{"data-testid":`samples-${e.agreement}`,children:[n(`summary`,{children:[y(e.agreement),`: `,e.samples.length===0?`no decision`:`the newest ${e.samples.length}`]}),n(`ul`,{children:e.samples.map(e=>n(`li`,{children:[n(d,{href:`/decisions/${e.id}`,children:e.reference}),` `,o(e.createdAt),`, live `,a(e.outcome).toLowerCase()]},e.id))})]},e.agreement))]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-reasons`,children:[n(`h2`,{id:`${E}-reasons`,children:[`Principal reasons`,D]}),r.reasons.length===0?n(`p`,{children:`Neither side declined a decision of the run.`}):n(`table`,{"aria-label":`Declines per principal reason, live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Principal reason`}),n(`th`,{class:`num`,children:`Live declines`}),n(`th`,{class:`num`,children:`Shadow declines`})]})}),n(`tbody`,{children:r.reasons.map(e=>n(`tr`,{children:[n(`td`,{children:a(e.reason)}),n(`td`,{class:`num`,children:i(e.live)}),n(`td`,{class:`num`,children:i(e.shadow)})]},e.reason))})]})]})]})}export{O as ShadowRunPage};