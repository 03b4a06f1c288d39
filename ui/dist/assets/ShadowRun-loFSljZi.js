import{l as e,o as t,t as n}from"./jsxRuntime.module-kLnmwWvf.js";import{D as r,E as i,H as a,O as o,Q as s,T as c,U as l,V as u,Y as d,Z as f,a as p,c as m,et as h,h as g,i as _,k as v,q as y,r as b,s as x,tt as S,u as C}from"./index-DL_jq-lj.js";import{RateBars as w}from"./realized-ngD5ugEf.js";import{n as T}from"./subject-DYbAcEdk.js";u(`
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
`);var E=u(`
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
`);function D(e,t,n){return Date.parse(e.startedAt)<Date.parse(n)&&(!e.endedAt||Date.parse(e.endedAt)>Date.parse(t))}function O({params:t,query:r}){let i=r.get(`arm`)===l.Champion?l.Champion:r.get(`arm`)===l.Challenger?l.Challenger:null,c=r.get(`bucket`)===a.Day?a.Day:a.Hour,u=h(E,{id:t.id,arm:i,bucket:c},`${t.id}/${i}/${c}`),p=u.data?.thresholdShadow;if(C.preload(),u.error!==null&&!u.data)return n(y,{error:u.error,title:`Could not load the shadow run`});if(!u.data)return n(s,{label:`Loading the shadow run…`});if(!p)return n(e,{children:[n(f,{title:`Shadow run not found`}),n(`p`,{children:[`No shadow run has the id `,n(`code`,{children:t.id}),`. `,n(d,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let m=p.comparison,g=u.data.thresholdSplits.some(e=>e.market===p.market&&D(e,m.from,m.to)),v=(e,t)=>{let n=new URLSearchParams(r);t?n.set(e,t):n.delete(e);let i=n.toString();S(`/thresholds/shadows/${p.id}${i?`?${i}`:``}`,{replace:!0})},b=p.version.version,w=p.predicted?.available?p.predicted:null;return n(e,{children:[n(f,{title:`${p.market} version ${b.version} in shadow: run ${p.id}`,children:n(d,{href:`/thresholds/versions/${b.id}`,children:[`← `,p.market,` version `,b.version]})}),n(`p`,{children:[n(`span`,{class:`badge ${p.running?`ok`:`muted`}`,children:p.running?`Running`:`Stopped`}),` Started `,o(p.startedAt),` by `,T(p.startedBy),`,`,` `,x(p),p.stoppedBy&&` by ${T(p.stoppedBy)}`,`.`]}),n(`form`,{class:`filters`,"aria-label":`Comparison view`,onSubmit:e=>e.preventDefault(),children:[n(`label`,{children:[`Bucket`,n(`select`,{value:c,onChange:e=>v(`bucket`,e.currentTarget.value===a.Day?a.Day:``),children:[n(`option`,{value:a.Hour,children:`Hour`}),n(`option`,{value:a.Day,children:`Day`})]})]}),(g||i)&&n(`label`,{children:[`Arm`,n(`select`,{value:i??``,onChange:e=>v(`arm`,e.currentTarget.value),children:[n(`option`,{value:``,children:`Both arms`}),n(`option`,{value:l.Champion,children:_(l.Champion)}),n(`option`,{value:l.Challenger,children:_(l.Challenger)})]})]})]}),u.error!==null&&n(y,{error:u.error,title:`Could not load the comparison`}),n(k,{c:m,market:p.market,version:b.version,arm:i,bucket:c,predicted:w,predictedNote:p.predicted&&!p.predicted.available?p.predicted.note??``:null})]})}function k({c:s,market:l,version:u,arm:f,bucket:h,predicted:y,predictedNote:x}){let S=p(s.series),T=h===a.Day?`day`:`hour`,E=t(),D=f?`, ${_(f).toLowerCase()} only`:``;return n(e,{children:[n(`section`,{class:`panel`,"aria-labelledby":`${E}-rates`,children:[n(`h2`,{id:`${E}-rates`,children:[`Decline rate, live against shadow`,D]}),n(`p`,{"data-testid":`comparison-window`,children:[c(s.decisions),` `,l,` decisions compared, `,o(s.from),` to `,o(s.to),`.`,` `,n(`span`,{class:`muted`,"data-testid":`fresh-as-of`,children:s.freshAsOf?`The rollups count decisions up to ${o(s.freshAsOf)}; later ones are not in these figures yet.`:`The rollups have counted no decision of this run yet.`})]}),n(w,{title:`Decline rate of ${l}: live, shadow and predicted at submission`,bars:[{label:`Live: as decided`,rate:s.decisions>0?s.liveDeclineRate:null,kind:`before`},{label:`Shadow: version ${u} would have`,rate:s.decisions>0?s.shadowDeclineRate:null,kind:`realized`},...y?[{label:`Predicted at submission: thresholds then in force`,rate:y.declineRateNow,kind:`baseline`},{label:`Predicted at submission: version ${u}`,rate:y.declineRateProposed,kind:`predicted`}]:[]]}),n(`table`,{"aria-label":`Decline rates: live, shadow and predicted`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Figure`}),n(`th`,{class:`num`,children:`Live`}),n(`th`,{class:`num`,children:`Shadow`}),n(`th`,{class:`num`,children:`Shadow − live`})]})}),n(`tbody`,{children:[n(`tr`,{children:[n(`td`,{children:[`Realized over the run`,D]}),n(`td`,{class:`num`,"data-testid":`live-rate`,children:r(s.decisions>0?s.liveDeclineRate:null,2)}),n(`td`,{class:`num`,"data-testid":`shadow-rate`,children:r(s.decisions>0?s.shadowDeclineRate:null,2)}),n(`td`,{class:`num`,children:s.decisions>0?i(s.liveDeclineRate,s.shadowDeclineRate):`–`})]}),n(`tr`,{children:[n(`td`,{children:`Predicted at submission (what-if)`}),y?n(e,{children:[n(`td`,{class:`num`,children:r(y.declineRateNow,2)}),n(`td`,{class:`num`,children:r(y.declineRateProposed,2)}),n(`td`,{class:`num`,children:i(y.declineRateNow,y.declineRateProposed)})]}):n(`td`,{colSpan:3,class:`muted`,children:x===null?`No prediction: no submitted draft published this version.`:`The what-if could not answer: ${x||`no reason given`}`})]})]})]}),y&&n(`p`,{class:`muted`,children:[`The prediction replayed `,c(y.decisions),` `,l,` decisions of `,o(y.from),` to `,o(y.to),`; the realized rates count the decisions of the run.`]}),s.series.filter(e=>e.decisions>0).length>1?n(C,{label:`Decline rate in percent per bucket, live and shadow${D}`,xs:S.xs,ys:S.ys,series:S.labels.map((e,t)=>({label:e,dashed:t===1})),yLabel:`decline rate %`,xRange:[g(s.from),g(s.to)]}):n(`p`,{"data-testid":`chart-note`,children:s.series.some(e=>e.decisions>0)?`All the decisions so far fall in one ${T}: the chart draws from two on.`:`No decision in the rollups yet: nothing to draw.`})]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-agree`,children:[n(`h2`,{id:`${E}-agree`,children:[`Agreement`,D]}),n(`div`,{class:`table-wrap`,children:n(`table`,{"aria-label":`Agreement between live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Cell`}),n(`th`,{class:`num`,children:`Decisions`}),n(`th`,{class:`num`,children:`Share`}),n(`th`,{class:`num`,children:`Mature`}),n(`th`,{class:`num`,children:`Bad`}),n(`th`,{class:`num`,children:`Bad rate`})]})}),n(`tbody`,{children:m(s.cells).map(e=>n(`tr`,{"data-testid":`cell-${e.agreement}`,children:[n(`td`,{children:b(e.agreement)}),n(`td`,{class:`num`,children:c(e.decisions)}),n(`td`,{class:`num`,children:r(e.share,1)}),n(`td`,{class:`num`,children:e.mature??`–`}),n(`td`,{class:`num`,children:e.bad??`–`}),n(`td`,{class:`num`,children:r(e.badRate,1)})]},e.agreement))})]})}),n(`p`,{class:`muted`,children:[`The bad rate is that of the cell's approvals old enough to judge, under `,l,`'s bad definition; the cells live declined have none.`]}),n(`h3`,{children:`Samples`}),m(s.cells).map(e=>n(`details`,{"data-testid":`samples-${e.agreement}`,children:[n(`summary`,{children:[b(e.agreement),`: `,e.samples.length===0?`no decision`:`the newest ${e.samples.length}`]}),n(`ul`,{children:e.samples.map(e=>n(`li`,{children:[n(d,{href:`/decisions/${e.id}`,children:e.reference}),` `,o(e.createdAt),`, live `,v(e.outcome).toLowerCase()]},e.id))})]},e.agreement))]}),n(`section`,{class:`panel`,"aria-labelledby":`${E}-reasons`,children:[n(`h2`,{id:`${E}-reasons`,children:[`Principal reasons`,D]}),s.reasons.length===0?n(`p`,{children:`Neither side declined a decision of the run.`}):n(`table`,{"aria-label":`Declines per principal reason, live and shadow`,children:[n(`thead`,{children:n(`tr`,{children:[n(`th`,{children:`Principal reason`}),n(`th`,{class:`num`,children:`Live declines`}),n(`th`,{class:`num`,children:`Shadow declines`})]})}),n(`tbody`,{children:s.reasons.map(e=>n(`tr`,{children:[n(`td`,{children:v(e.reason)}),n(`td`,{class:`num`,children:c(e.live)}),n(`td`,{class:`num`,children:c(e.shadow)})]},e.reason))})]})]})]})}export{O as ShadowRunPage};