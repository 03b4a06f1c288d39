import{_ as e,a as t,d as n,f as r,g as i,h as a,i as o,m as s,n as c,o as l,p as u,r as d,u as f,v as p,x as m,y as h}from"./index-BLCfGcMi.js";var g=n(`
  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        at
        actor
        actorRoles
        action
        entityType
        entityId
        before
        after
        requestId
        clientAddr
        outcome
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),_=n(`
  query VerifyAuditChain {
    verifyAuditChain {
      ok
      checked
      firstBrokenEventId
      reason
    }
  }
`),v=[{name:`actor`,kind:`text`},{name:`action`,kind:`text`},{name:`entityType`,kind:`text`},{name:`entityId`,kind:`text`},{name:`from`,kind:`time`},{name:`to`,kind:`time`}],y=50;function b(e,n){let r=t(v,e);n&&r.set(`after`,n);let i=r.toString();return i?`/audit?${i}`:`/audit`}function x({query:t}){let{filter:n,errors:p}=c(v,t),h=t.get(`after`),_=t.toString(),x=a(g,{filter:n,first:y,after:h},_),C=x.data?.auditEvents;return i(m,{children:[i(u,{title:`Audit log`,children:i(S,{})}),i(`form`,{class:`filters`,onSubmit:t=>{t.preventDefault(),e(b(d(v,t.currentTarget)))},"aria-label":`Filter audit events`,children:[i(`label`,{children:[`Actor`,i(`input`,{name:`actor`,defaultValue:String(n.actor??``),placeholder:`user:3:anna`})]}),i(`label`,{children:[`Action`,i(`input`,{name:`action`,defaultValue:String(n.action??``),placeholder:`auth.login`})]}),i(`label`,{children:[`Entity type`,i(`input`,{name:`entityType`,defaultValue:String(n.entityType??``)})]}),i(`label`,{children:[`Entity id`,i(`input`,{name:`entityId`,defaultValue:String(n.entityId??``)})]}),i(`label`,{children:[`From (UTC)`,i(`input`,{type:`datetime-local`,name:`from`,defaultValue:o(n.from)}),p.from&&i(`span`,{class:`field-error`,children:p.from})]}),i(`label`,{children:[`To (UTC, exclusive)`,i(`input`,{type:`datetime-local`,name:`to`,defaultValue:o(n.to)}),p.to&&i(`span`,{class:`field-error`,children:p.to})]}),i(`div`,{class:`actions`,children:[i(`button`,{type:`submit`,children:`Apply filters`}),i(`button`,{type:`button`,class:`secondary`,onClick:()=>e(`/audit`),children:`Clear`})]})]},_),x.error!==null&&i(r,{error:x.error,title:`Could not load audit events`}),x.loading&&i(s,{label:`Loading audit events…`}),C&&i(m,{children:[i(`div`,{class:`table-wrap`,children:i(`table`,{"aria-label":`Audit events`,"aria-busy":x.loading,children:[i(`thead`,{children:i(`tr`,{children:[i(`th`,{children:`Time (UTC)`}),i(`th`,{children:`Actor`}),i(`th`,{children:`Action`}),i(`th`,{children:`Entity`}),i(`th`,{children:`Outcome`}),i(`th`,{children:`Request`}),i(`th`,{children:`Change`})]})}),i(`tbody`,{children:C.nodes.map(e=>i(`tr`,{children:[i(`td`,{children:f(e.at)}),i(`td`,{children:[i(`code`,{children:e.actor}),i(`div`,{class:`muted`,children:e.actorRoles.join(`, `)})]}),i(`td`,{children:i(`code`,{children:e.action})}),i(`td`,{children:[e.entityType,` `,i(`code`,{children:e.entityId})]}),i(`td`,{children:i(`span`,{class:`badge ${e.outcome===`DONE`?`ok`:`broken`}`,children:e.outcome})}),i(`td`,{children:[i(`code`,{children:e.requestId}),i(`div`,{class:`muted`,children:e.clientAddr})]}),i(`td`,{children:(e.before!=null||e.after!=null)&&i(`details`,{children:[i(`summary`,{children:`before / after`}),i(`pre`,{class:`json`,children:JSON.stringify(e.before,null,2)}),i(`pre`,{class:`json`,children:JSON.stringify(e.after,null,2)})]})})]},e.id))})]})}),C.nodes.length===0&&i(`p`,{children:`No audit event matches these filters.`}),i(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[i(`button`,{type:`button`,class:`secondary`,onClick:()=>e(b(n)),disabled:!h,children:`First page`}),i(`button`,{type:`button`,class:`secondary`,onClick:()=>C.pageInfo.endCursor&&e(b(n,C.pageInfo.endCursor)),disabled:!C.pageInfo.hasNextPage,children:`Next page`}),i(`span`,{class:`muted`,children:[l(C.nodes.length,`event`),` on this page, newest first`]})]})]})]})}function S(){let[e,t]=h(!1),[n,a]=h(null),[o,c]=h(null);return i(`div`,{class:`chain-check`,children:[i(`button`,{type:`button`,onClick:async()=>{t(!0),c(null),a(null);try{a((await p(_)).verifyAuditChain)}catch(e){c(e)}finally{t(!1)}},disabled:e,children:`Verify the audit chain`}),e&&i(s,{label:`Recomputing the hash chain over the whole log…`}),n&&i(`p`,{role:`status`,class:`chain-result`,children:[n.ok?i(`span`,{class:`badge ok`,children:`Chain intact`}):i(`span`,{class:`badge broken`,children:[`Chain broken at event `,n.firstBrokenEventId]}),` `,l(n.checked,`event`),` checked`,n.reason?`: ${n.reason}`:``]}),o!==null&&i(r,{error:o,title:`Could not verify the chain`})]})}export{x as AuditLogPage};