const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/Plot-wXgHP9-f.js","assets/Plot-CnsZ1jie.css"])))=>i.map(i=>d[i]);
var e,t,n,r,i,a,o,s,c,l,u,d,f,p,m={},h=[],g=/acit|ex(?:s|g|n|p|$)|rph|grid|ows|mnc|ntw|ine[ch]|zoo|^ord|itera/i,_=Array.isArray;function v(e,t){for(var n in t)e[n]=t[n];return e}function y(e){e&&e.parentNode&&e.parentNode.removeChild(e)}function b(t,n,r){var i,a,o,s={};for(o in n)o==`key`?i=n[o]:o==`ref`?a=n[o]:s[o]=n[o];if(arguments.length>2&&(s.children=arguments.length>3?e.call(arguments,2):r),typeof t==`function`&&t.defaultProps!=null)for(o in t.defaultProps)s[o]===void 0&&(s[o]=t.defaultProps[o]);return x(t,s,i,a,null)}function x(e,r,i,a,o){var s={type:e,props:r,key:i,ref:a,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:o??++n,__i:-1,__u:0};return o==null&&t.vnode!=null&&t.vnode(s),s}function S(e){return e.children}function C(e,t){this.props=e,this.context=t}function w(e,t){if(t==null)return e.__?w(e.__,e.__i+1):null;for(var n;t<e.__k.length;t++)if((n=e.__k[t])!=null&&n.__e!=null)return n.__e;return typeof e.type==`function`?w(e):null}function ee(e){if(e.__P&&e.__d){var n=e.__v,r=n.__e,i=[],a=[],o=v({},n);o.__v=n.__v+1,t.vnode&&t.vnode(o),oe(e.__P,o,n,e.__n,e.__P.namespaceURI,32&n.__u?[r]:null,i,r??w(n),!!(32&n.__u),a),o.__v=n.__v,o.__.__k[o.__i]=o,ce(i,o,a),n.__e=n.__=null,o.__e!=r&&T(o)}}function T(e){if((e=e.__)!=null&&e.__c!=null)return e.__e=e.__c.base=null,e.__k.some(function(t){if(t!=null&&t.__e!=null)return e.__e=e.__c.base=t.__e}),T(e)}function E(e){(!e.__d&&(e.__d=!0)&&r.push(e)&&!te.__r++||i!=t.debounceRendering)&&((i=t.debounceRendering)||a)(te)}function te(){try{for(var e,t=1;r.length;)r.length>t&&r.sort(o),e=r.shift(),t=r.length,ee(e)}finally{r.length=te.__r=0}}function ne(e,t,n,r,i,a,o,s,c,l,u){var d,f,p,g,_,v,y=r&&r.__k||h,b=t.length;for(c=D(n,t,y,c,b),d=0;d<b;d++)(p=n.__k[d])!=null&&(f=p.__i!=-1&&y[p.__i]||m,p.__i=d,v=oe(e,p,f,i,a,o,s,c,l,u),g=p.__e,p.ref&&f.ref!=p.ref&&(f.ref&&de(f.ref,null,p),u.push(p.ref,p.__c||g,p)),_==null&&g!=null&&(_=g),4&p.__u?(c=O(p,c,e),f.__e&&(f.__e=null)):typeof p.type==`function`&&v!==void 0?c=v:g&&(c=g.nextSibling),p.__u&=-7);return n.__e=_,c}function D(e,t,n,r,i){var a,o,s,c,l,u=n.length,d=u,f=0;for(e.__k=Array(i),a=0;a<i;a++)(o=t[a])!=null&&typeof o!=`boolean`&&typeof o!=`function`?(typeof o==`string`||typeof o==`number`||typeof o==`bigint`||o.constructor==String?o=e.__k[a]=x(null,o,null,null,null):_(o)?o=e.__k[a]=x(S,{children:o},null,null,null):o.constructor===void 0&&o.__b>0?o=e.__k[a]=x(o.type,o.props,o.key,o.ref?o.ref:null,o.__v):e.__k[a]=o,c=a+f,o.__=e,o.__b=e.__b+1,s=null,(l=o.__i=re(o,n,c,d))!=-1&&(d--,(s=n[l])&&(s.__u|=2)),s==null||s.__v==null?(l==-1&&(i>u?f--:i<u&&f++),typeof o.type!=`function`&&(o.__u|=4)):l!=c&&(l==c-1?f--:l==c+1?f++:(l>c?f--:f++,o.__u|=4))):e.__k[a]=null;if(d)for(a=0;a<u;a++)(s=n[a])!=null&&!(2&s.__u)&&(s.__e==r&&(r=w(s)),fe(s,s));return r}function O(e,t,n){var r,i;if(typeof e.type==`function`){for(r=e.__k,i=0;r&&i<r.length;i++)r[i]&&(r[i].__=e,t=O(r[i],t,n));return t}e.__e!=t&&(t&&e.type&&!t.parentNode&&(t=w(e)),t=n.insertBefore(e.__e,t||null));do t&&=t.nextSibling;while(t!=null&&t.nodeType==8);return t}function re(e,t,n,r){var i,a,o,s=e.key,c=e.type,l=t[n],u=l!=null&&!(2&l.__u);if(l===null&&s==null||u&&s==l.key&&c==l.type)return n;if(r>+!!u){for(i=n-1,a=n+1;i>=0||a<t.length;)if((l=t[o=i>=0?i--:a++])!=null&&!(2&l.__u)&&s==l.key&&c==l.type)return o}return-1}function ie(e,t,n){t[0]==`-`?e.setProperty(t,n??``):e[t]=n==null?``:typeof n!=`number`||g.test(t)?n:n+`px`}function ae(e,t,n,r,i){var a,o;n:if(t==`style`){if(typeof n==`string`)e.style.cssText=n;else{if(typeof r==`string`&&(e.style.cssText=r=``),r)for(t in r)n&&t in n||ie(e.style,t,``);if(n)for(t in n)r&&n[t]==r[t]||ie(e.style,t,n[t])}}else if(t[0]==`o`&&t[1]==`n`)a=t!=(t=t.replace(u,`$1`)),o=t.toLowerCase(),t=o in e||t==`onFocusOut`||t==`onFocusIn`?o.slice(2):t.slice(2),e.l||={},e.l[t+a]=n,n?r?n[l]=r[l]:(n[l]=d,e.addEventListener(t,a?p:f,a)):e.removeEventListener(t,a?p:f,a);else{if(i==`http://www.w3.org/2000/svg`)t=t.replace(/xlink(H|:h)/,`h`).replace(/sName$/,`s`);else if(t!=`width`&&t!=`height`&&t!=`href`&&t!=`list`&&t!=`form`&&t!=`tabIndex`&&t!=`download`&&t!=`rowSpan`&&t!=`colSpan`&&t!=`role`&&t!=`popover`&&t in e)try{e[t]=n??``;break n}catch{}typeof n==`function`||(n==null||!1===n&&t[4]!=`-`?e.removeAttribute(t):e.setAttribute(t,t==`popover`&&n==1?``:n))}}function k(e){return function(n){if(this.l){var r=this.l[n.type+e];if(n[c]==null)n[c]=d++;else if(n[c]<r[l])return;return r(t.event?t.event(n):n)}}}function oe(e,n,r,i,a,o,s,c,l,u){var d,f,p,m,g,b,x,ee,T,E,te,D,O,re,ie,ae,k=n.type;if(n.constructor!==void 0)return null;128&r.__u&&(l=!!(32&r.__u),o=[c=n.__e=r.__e]),(d=t.__b)&&d(n);n:if(typeof k==`function`){f=s.length;try{if(T=n.props,E=k.prototype&&k.prototype.render,te=(d=k.contextType)&&i[d.__c],D=d?te?te.props.value:d.__:i,r.__c?ee=(p=n.__c=r.__c).__=p.__E:(E?n.__c=p=new k(T,D):(n.__c=p=new C(T,D),p.constructor=k,p.render=pe),te&&te.sub(p),p.state||(p.state={}),p.__n=i,m=p.__d=!0,p.__h=[],p._sb=[]),E&&p.__s==null&&(p.__s=p.state),E&&k.getDerivedStateFromProps!=null&&(p.__s==p.state&&(p.__s=v({},p.__s)),v(p.__s,k.getDerivedStateFromProps(T,p.__s))),g=p.props,b=p.state,p.__v=n,m)E&&k.getDerivedStateFromProps==null&&p.componentWillMount!=null&&p.componentWillMount(),E&&p.componentDidMount!=null&&p.__h.push(p.componentDidMount);else{if(E&&k.getDerivedStateFromProps==null&&T!==g&&p.componentWillReceiveProps!=null&&p.componentWillReceiveProps(T,D),n.__v==r.__v||!p.__e&&p.shouldComponentUpdate!=null&&!1===p.shouldComponentUpdate(T,p.__s,D)){n.__v!=r.__v&&(p.props=T,p.state=p.__s,p.__d=!1),n.__e=r.__e,n.__k=r.__k,n.__k.some(function(e){e&&(e.__=n)}),h.push.apply(p.__h,p._sb),p._sb=[],p.__h.length&&s.push(p),c=w(r);break n}p.componentWillUpdate!=null&&p.componentWillUpdate(T,p.__s,D),E&&p.componentDidUpdate!=null&&p.__h.push(function(){p.componentDidUpdate(g,b,x)})}if(p.context=D,p.props=T,p.__P=e,p.__e=!1,O=t.__r,re=0,E)p.state=p.__s,p.__d=!1,O&&O(n),d=p.render(p.props,p.state,p.context),h.push.apply(p.__h,p._sb),p._sb=[];else do p.__d=!1,O&&O(n),d=p.render(p.props,p.state,p.context),p.state=p.__s;while(p.__d&&++re<25);p.state=p.__s,p.getChildContext!=null&&(i=v(v({},i),p.getChildContext())),E&&!m&&p.getSnapshotBeforeUpdate!=null&&(x=p.getSnapshotBeforeUpdate(g,b)),ie=d!=null&&d.type===S&&d.key==null?le(d.props.children):d,c=ne(e,_(ie)?ie:[ie],n,r,i,a,o,s,c,l,u),p.base=n.__e,n.__u&=-161,p.__h.length&&s.push(p),ee&&(p.__E=p.__=null)}catch(e){if(s.length=f,n.__v=null,l||o!=null){if(e.then){for(n.__u|=l?160:128;c&&c.nodeType==8&&c.nextSibling;)c=c.nextSibling;o!=null&&(o[o.indexOf(c)]=null),n.__e=c}else if(o!=null)for(ae=o.length;ae--;)y(o[ae])}else n.__e=r.__e;n.__k??=r.__k||[],e.then||se(n),t.__e(e,n,r)}}else o==null&&n.__v==r.__v?(n.__k=r.__k,n.__e=r.__e):c=n.__e=ue(r.__e,n,r,i,a,o,s,l,u);return(d=t.diffed)&&d(n),128&n.__u?void 0:c}function se(e){e&&(e.__c&&(e.__c.__e=!0),e.__k&&e.__k.some(se))}function ce(e,n,r){for(var i=0;i<r.length;i++)de(r[i],r[++i],r[++i]);t.__c&&t.__c(n,e),e.some(function(n){try{e=n.__h,n.__h=[],e.some(function(e){e.call(n)})}catch(e){t.__e(e,n.__v)}})}function le(e){return typeof e!=`object`||!e||e.__b>0?e:_(e)?e.map(le):e.constructor===void 0?v({},e):null}function ue(n,r,i,a,o,s,c,l,u){var d,f,p,h,g,v,b,x=i.props||m,S=r.props,C=r.type;if(C==`svg`?o=`http://www.w3.org/2000/svg`:C==`math`?o=`http://www.w3.org/1998/Math/MathML`:o||=`http://www.w3.org/1999/xhtml`,s!=null){for(d=0;d<s.length;d++)if((g=s[d])&&`setAttribute`in g==!!C&&(C?g.localName==C:g.nodeType==3)){n=g,s[d]=null;break}}if(n==null){if(C==null)return document.createTextNode(S);n=document.createElementNS(o,C,S.is&&S),l&&=(t.__m&&t.__m(r,s),!1),s=null}if(C==null)x===S||l&&n.data==S||(n.data=S);else{if(s=C==`textarea`&&S.defaultValue!=null?null:s&&e.call(n.childNodes),!l&&s!=null)for(x={},d=0;d<n.attributes.length;d++)x[(g=n.attributes[d]).name]=g.value;for(d in x)g=x[d],d==`dangerouslySetInnerHTML`?p=g:d==`children`||d in S||d==`value`&&`defaultValue`in S||d==`checked`&&`defaultChecked`in S||ae(n,d,null,g,o);for(d in S)g=S[d],d==`children`?h=g:d==`dangerouslySetInnerHTML`?f=g:d==`value`?v=g:d==`checked`?b=g:l&&typeof g!=`function`||x[d]===g||ae(n,d,g,x[d],o);if(f)l||p&&(f.__html==p.__html||f.__html==n.innerHTML)||(n.innerHTML=f.__html),r.__k=[];else if(p&&(n.innerHTML=``),ne(r.type==`template`?n.content:n,_(h)?h:[h],r,i,a,C==`foreignObject`?`http://www.w3.org/1999/xhtml`:o,s,c,s?s[0]:i.__k&&w(i,0),l,u),s!=null)for(d=s.length;d--;)y(s[d]);l&&C!=`textarea`||(d=`value`,C==`progress`&&v==null?n.removeAttribute(`value`):v!=null&&(v!==n[d]||C==`progress`&&!v||C==`option`&&v!=x[d])&&ae(n,d,v,x[d],o),d=`checked`,b!=null&&b!=n[d]&&ae(n,d,b,x[d],o))}return n}function de(e,n,r){try{if(typeof e==`function`){var i=typeof e.__u==`function`;i&&e.__u(),i&&n==null||(e.__u=e(n))}else e.current=n}catch(e){t.__e(e,r)}}function fe(e,n,r){var i,a;if(t.unmount&&t.unmount(e),(i=e.ref)&&(i.current&&i.current!=e.__e||de(i,null,n)),(i=e.__c)!=null){if(i.componentWillUnmount)try{i.componentWillUnmount()}catch(e){t.__e(e,n)}i.base=i.__P=i.__n=null}if(i=e.__k)for(a=0;a<i.length;a++)i[a]&&fe(i[a],n,r||typeof e.type!=`function`);r||y(e.__e),e.__c=e.__=e.__e=void 0}function pe(e,t,n){return this.constructor(e,n)}function me(n,r,i){var a,o,s,c;r==document&&(r=document.documentElement),t.__&&t.__(n,r),o=(a=typeof i==`function`)?null:i&&i.__k||r.__k,s=[],c=[],oe(r,n=(!a&&i||r).__k=b(S,null,[n]),o||m,m,r.namespaceURI,!a&&i?[i]:o?null:r.firstChild?e.call(r.childNodes):null,s,!a&&i?i:o?o.__e:r.firstChild,a,c),ce(s,n,c),n.props.children=null}e=h.slice,t={__e:function(e,t,n,r){for(var i,a,o;t=t.__;)if((i=t.__c)&&!i.__)try{if((a=i.constructor)&&a.getDerivedStateFromError!=null&&(i.setState(a.getDerivedStateFromError(e)),o=i.__d),i.componentDidCatch!=null&&(i.componentDidCatch(e,r||{}),o=i.__d),o)return i.__E=i}catch(t){e=t}throw e}},n=0,C.prototype.setState=function(e,t){var n=this.__s!=null&&this.__s!=this.state?this.__s:this.__s=v({},this.state);typeof e==`function`&&(e=e(v({},n),this.props)),e&&v(n,e),e!=null&&this.__v&&(t&&this._sb.push(t),E(this))},C.prototype.forceUpdate=function(e){this.__v&&(this.__e=!0,e&&this.__h.push(e),E(this))},C.prototype.render=S,r=[],a=typeof Promise==`function`?Promise.prototype.then.bind(Promise.resolve()):setTimeout,o=function(e,t){return e.__v.__b-t.__v.__b},te.__r=0,s=Math.random().toString(8),c=`__d`+s,l=`__a`+s,u=/(PointerCapture)$|Capture$/i,d=0,f=k(!1),p=k(!0);var he,A,ge,_e,ve=0,ye=[],j=t,be=j.__b,xe=j.__r,Se=j.diffed,Ce=j.__c,we=j.unmount,Te=j.__;function Ee(e,t){j.__h&&j.__h(A,e,ve||t),ve=0;var n=A.__H||(A.__H={__:[],__h:[]});return e>=n.__.length&&n.__.push({}),n.__[e]}function M(e){return ve=1,De(Le,e)}function De(e,t,n){var r=Ee(he++,2);if(r.t=e,!r.__c&&(r.__=[n?n(t):Le(void 0,t),function(e){var t=r.__N?r.__N[0]:r.__[0],n=r.t(t,e);t!==n&&(r.__N=[n,r.__[1]],r.__c.setState({}))}],r.__c=A,!A.__f)){var i=function(e,t,n){if(!r.__c.__H)return!0;var i=!1,o=r.__c.props!==e;if(r.__c.__H.__.some(function(e){if(e.__N){i=!0;var t=e.__[0];e.__=e.__N,e.__N=void 0,t!==e.__[0]&&(o=!0)}}),a){var s=a.call(this,e,t,n);return i?s||o:s}return!i||o};A.__f=!0;var a=A.shouldComponentUpdate,o=A.componentWillUpdate;A.componentWillUpdate=function(e,t,n){if(this.__e){var r=a;a=void 0,i(e,t,n),a=r}o&&o.call(this,e,t,n)},A.shouldComponentUpdate=i}return r.__N||r.__}function N(e,t){var n=Ee(he++,3);!j.__s&&Ie(n.__H,t)&&(n.__=e,n.u=t,A.__H.__h.push(n))}function Oe(e,t){var n=Ee(he++,4);!j.__s&&Ie(n.__H,t)&&(n.__=e,n.u=t,A.__h.push(n))}function ke(e){return ve=5,Ae(function(){return{current:e}},[])}function Ae(e,t){var n=Ee(he++,7);return Ie(n.__H,t)&&(n.__=e(),n.__H=t,n.__h=e),n.__}function je(){for(var e;e=ye.shift();){var t=e.__H;if(e.__P&&t)try{t.__h.some(Pe),t.__h.some(Fe),t.__h=[]}catch(n){t.__h=[],j.__e(n,e.__v)}}}j.__b=function(e){A=null,be&&be(e)},j.__=function(e,t){e&&t.__k&&t.__k.__m&&(e.__m=t.__k.__m),Te&&Te(e,t)},j.__r=function(e){xe&&xe(e),he=0;var t=(A=e.__c).__H;t&&(ge===A?(t.__h=[],A.__h=[],t.__.some(function(e){e.__N&&(e.__=e.__N),e.u=e.__N=void 0})):(t.__h.some(Pe),t.__h.some(Fe),t.__h=[],he=0)),ge=A},j.diffed=function(e){Se&&Se(e);var t=e.__c;t&&t.__H&&(t.__H.__h.length&&(ye.push(t)!==1&&_e===j.requestAnimationFrame||((_e=j.requestAnimationFrame)||Ne)(je)),t.__H.__.some(function(e){e.u&&=(e.__H=e.u,void 0)})),ge=A=null},j.__c=function(e,t){t.some(function(e){try{e.__h.some(Pe),e.__h=e.__h.filter(function(e){return!e.__||Fe(e)})}catch(n){t.some(function(e){e.__h&&=[]}),t=[],j.__e(n,e.__v)}}),Ce&&Ce(e,t)},j.unmount=function(e){we&&we(e);var t,n=e.__c;n&&n.__H&&(n.__H.__.some(function(e){try{Pe(e)}catch(e){t=e}}),n.__H=void 0,t&&j.__e(t,n.__v))};var Me=typeof requestAnimationFrame==`function`;function Ne(e){var t,n=function(){clearTimeout(r),Me&&cancelAnimationFrame(t),setTimeout(e)},r=setTimeout(n,35);Me&&(t=requestAnimationFrame(n))}function Pe(e){var t=A,n=e.__c;typeof n==`function`&&(e.__c=void 0,n()),A=t}function Fe(e){var t=A;e.__c=e.__(),A=t}function Ie(e,t){return!e||e.length!==t.length||t.some(function(t,n){return t!==e[n]})}function Le(e,t){return typeof t==`function`?t(e):t}var P=class extends Error{code;requestId;status;fields;limit;retryAfter;constructor(e,t,n,r,i=[],a,o){super(e),this.name=`ApiError`,this.code=t,this.status=n,this.requestId=r,this.fields=i,this.limit=a,this.retryAfter=o}},Re=`NETWORK`,ze=()=>{};function Be(e){ze=e}function Ve(e,t,n){let r=t.get(`X-Request-ID`)??void 0,i=n?.errors?.[0];if(i){let t=i.extensions??{};return new P(i.message||`request failed`,t.code||`ERROR`,e,t.requestId??r,t.fields??[],t.limit,t.retryAfter)}return e<200||e>299?new P(`the server answered ${e}`,`HTTP_${e}`,e,r):null}function He(e){throw e instanceof P&&e.code===`UNAUTHENTICATED`&&ze(),e}async function Ue(e,t){let n;try{n=await fetch(e,{...t,credentials:`same-origin`})}catch(e){throw e.name===`AbortError`?e:new P(`could not reach the server: ${e.message}`,Re,0)}let r=await n.text(),i=null;if(r!==``)try{i=JSON.parse(r)}catch{throw new P(`the server answered ${n.status} with a body that is not JSON`,`HTTP_${n.status}`,n.status,n.headers.get(`X-Request-ID`)??void 0)}let a=Ve(n.status,n.headers,i);if(a)throw a;return i}function We(e){let t=e.__meta__?.hash;if(!t)throw Error(`GraphQL document without a persisted hash: run npm run codegen`);return t.replace(/^sha256:/,``)}function Ge(e,t){return new Promise((n,r)=>{if(t?.aborted)return r(t.reason);let i=setTimeout(n,e);t?.addEventListener(`abort`,()=>{clearTimeout(i),r(t.reason)},{once:!0})})}async function F(e,t,n){let r=JSON.stringify({variables:t??{},extensions:{persistedQuery:{version:1,sha256Hash:We(e)}}}),i=()=>Ue(`/graphql`,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:r,signal:n}),a=null;for(let e=0;;e++)try{a=await i();break}catch(t){t instanceof P&&t.code===`LIMIT_EXCEEDED`&&t.limit===`heavyOperations`&&e<3||He(t),await Ge(1e3*(t.retryAfter??1),n)}if(!a?.data)throw new P(`the server answered without data`,`ERROR`,200);return a.data}function Ke(e,t){return Ue(e,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:JSON.stringify(t)})}function qe(e,t){return Ue(e,{headers:{Accept:`application/json`},signal:t})}var Je=`riskconsole:navigate`;function Ye(){return{pathname:window.location.pathname,search:window.location.search}}function I(e,t={}){t.replace?window.history.replaceState(null,``,e):window.history.pushState(null,``,e),window.dispatchEvent(new Event(Je))}function Xe(){let[e,t]=M(Ye);return N(()=>{let e=()=>t(Ye());return window.addEventListener(`popstate`,e),window.addEventListener(Je,e),()=>{window.removeEventListener(`popstate`,e),window.removeEventListener(Je,e)}},[]),e}function Ze(e,t){let n=e.split(`/`).filter(Boolean),r=t.split(`/`).filter(Boolean);if(n.length!==r.length)return null;let i={};for(let e=0;e<n.length;e++)if(n[e].startsWith(`:`))try{i[n[e].slice(1)]=decodeURIComponent(r[e])}catch{return null}else if(n[e]!==r[e])return null;return i}function Qe(e,t){e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey||(e.preventDefault(),I(t))}var $e=0;Array.isArray;function L(e,n,r,i,a,o){n||={};var s,c,l=n;if(`ref`in l)for(c in l={},n)c==`ref`?s=n[c]:l[c]=n[c];var u={type:e,props:l,key:r,ref:s,__k:null,__:null,__b:0,__e:null,__c:null,constructor:void 0,__v:--$e,__i:-1,__u:0,__source:a,__self:o};if(typeof e==`function`&&(s=e.defaultProps))for(c in s)l[c]===void 0&&(l[c]=s[c]);return t.vnode&&t.vnode(u),u}function R(e){return L(`a`,{href:e.href,class:e.class,"aria-current":e[`aria-current`],onClick:t=>Qe(t,e.href),children:e.children})}function z({error:e,title:t}){let n=e instanceof P?e:null,r=e instanceof Error?e.message:String(e);return L(`div`,{class:`error`,role:`alert`,children:[L(`strong`,{children:t??`Something went wrong`}),L(`p`,{children:r}),n&&n.fields.length>0&&L(`ul`,{children:n.fields.map(e=>L(`li`,{children:[L(`code`,{children:e.field}),`: `,e.message]},e.field))}),n&&L(`p`,{class:`meta`,children:[`code `,L(`code`,{children:n.code}),n.requestId&&L(S,{children:[` · `,`request id `,L(`code`,{class:`request-id`,children:n.requestId})]})]})]})}function B({error:e,field:t}){let n=e instanceof P?e.fields.find(e=>e.field===t)?.message:void 0;return n?L(`span`,{class:`field-error`,children:n}):null}function et({msg:e}){return e?L(`span`,{class:`field-error`,children:e}):null}function V({label:e,value:t,max:n}){return L(`div`,{class:`progress`,role:`status`,"aria-live":`polite`,children:[L(`progress`,{value:n?t:void 0,max:n,"aria-label":e}),L(`span`,{children:e})]})}function H(e,t,n,r=!1){let[i,a]=M({data:null,error:null,loading:!r}),[o,s]=M(0);return Oe(()=>{if(r){a({data:null,error:null,loading:!1});return}let n=new AbortController;return a(e=>({...e,error:null,loading:!0})),F(e,t,n.signal).then(e=>a({data:e,error:null,loading:!1}),e=>{n.signal.aborted||a({data:null,error:e,loading:!1})}),()=>n.abort()},[n,o,r]),{...i,reload:()=>s(e=>e+1)}}function U({title:e,children:t}){return L(`header`,{class:`page-header`,children:[L(`h1`,{tabIndex:-1,children:e}),t]})}function tt(e,t){return e?t.roles.length===0||t.roles.some(t=>e.roles.includes(t)):!1}function nt(e,t){return e?tt(e,t)?{kind:`ok`}:{kind:`forbidden`,need:t.roles}:{kind:`signin`}}function rt(e,t){for(let n of e){let e=Ze(n.path,t);if(e)return{route:n,params:e}}return null}var it=`/signin`;function at(e){let t=e.pathname+e.search;return e.pathname===`/signin`||t===`/`?it:`${it}?next=${encodeURIComponent(t)}`}function ot(e){return!e||!e.startsWith(`/`)||e.startsWith(`//`)||e.startsWith(`/\\`)||e.startsWith(`/signin`)?`/`:e}var st=[`ANALYST`,`APPROVER`,`AUDITOR`];function ct(e){return e.some(e=>st.includes(e))}function lt(e){let t=e?.user;if(!t||typeof t.username!=`string`||!Array.isArray(t.roles))throw new P(`the session answer has no user`,`ERROR`,200);return t}async function ut(){try{return lt(await qe(`/auth/session`))}catch(e){if(e instanceof P&&e.code===`UNAUTHENTICATED`)return null;throw e}}async function dt(e,t){return lt(await Ke(`/auth/login`,{username:e,password:t}))}async function ft(){await Ke(`/auth/logout`,{})}function pt({onSignedIn:e,expired:t}){let[n,r]=M(null),[i,a]=M(!1);return L(`main`,{id:`main`,class:`signin`,children:[L(`h1`,{children:`Sign in to riskconsole`}),t&&L(`p`,{class:`notice`,children:`Your session has ended. Sign in again to go back to where you were.`}),L(`form`,{onSubmit:async t=>{t.preventDefault();let n=new FormData(t.currentTarget);a(!0),r(null);try{e(await dt(String(n.get(`username`)??``),String(n.get(`password`)??``)))}catch(e){r(e),a(!1)}},class:`stack`,children:[L(`label`,{children:[`Username`,L(`input`,{name:`username`,autocomplete:`username`,required:!0,autoFocus:!0})]}),L(`label`,{children:[`Password`,L(`input`,{name:`password`,type:`password`,autocomplete:`current-password`,required:!0})]}),L(`button`,{type:`submit`,disabled:i,children:i?`Signing in…`:`Sign in`})]}),n!==null&&L(z,{error:n,title:`Could not sign in`})]})}var mt=[`ANALYST`,`APPROVER`,`AUDITOR`];function ht(e){return e.roles.some(e=>mt.includes(e))}var gt=[`AGENT`,`ANALYST`,`APPROVER`,`AUDITOR`],_t=[`ANALYST`,`APPROVER`],vt=[`APPROVER`],yt=[`ANALYST`,`APPROVER`],bt=[`APPROVER`],xt=[`REVIEWER`,`ANALYST`,`APPROVER`,`AUDITOR`],St={Day:`DAY`,Hour:`HOUR`,Week:`WEEK`},Ct={Decisions:`DECISIONS`,Rollup:`ROLLUP`},wt={Agent:`AGENT`,Shopper:`SHOPPER`},Tt={Approved:`APPROVED`,Draft:`DRAFT`,Rejected:`REJECTED`,Submitted:`SUBMITTED`},Et={Automated:`AUTOMATED`,ManualReview:`MANUAL_REVIEW`},Dt={NewestFirst:`NEWEST_FIRST`,OldestFirst:`OLDEST_FIRST`},Ot={Approved:`APPROVED`,Declined:`DECLINED`},kt={AffordabilityInsufficient:`AFFORDABILITY_INSUFFICIENT`,CreditHistoryLimited:`CREDIT_HISTORY_LIMITED`,CreditScoreInsufficient:`CREDIT_SCORE_INSUFFICIENT`,DelinquentObligations:`DELINQUENT_OBLIGATIONS`,EmploymentLength:`EMPLOYMENT_LENGTH`,IdentityUnverified:`IDENTITY_UNVERIFIED`,IncomeInsufficient:`INCOME_INSUFFICIENT`,IncomeUnverified:`INCOME_UNVERIFIED`,ObligationsExcessive:`OBLIGATIONS_EXCESSIVE`,OutstandingCreditHigh:`OUTSTANDING_CREDIT_HIGH`,RecentPlansExcessive:`RECENT_PLANS_EXCESSIVE`,ReservesInsufficient:`RESERVES_INSUFFICIENT`,ResidenceLength:`RESIDENCE_LENGTH`,ResidenceUnverified:`RESIDENCE_UNVERIFIED`,UnderLegalAge:`UNDER_LEGAL_AGE`},At={Overturn:`OVERTURN`,Uphold:`UPHOLD`},W={InReview:`IN_REVIEW`,Open:`OPEN`,Overturned:`OVERTURNED`,PendingSecondReview:`PENDING_SECOND_REVIEW`,Upheld:`UPHELD`},jt={Admin:`ADMIN`,Agent:`AGENT`,Analyst:`ANALYST`,Approver:`APPROVER`,Auditor:`AUDITOR`,Reviewer:`REVIEWER`,Service:`SERVICE`},G={Approved:`APPROVED`,Draft:`DRAFT`,Rejected:`REJECTED`,Submitted:`SUBMITTED`},Mt=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}},Nt={"\n  fragment DecisionFull on Decision {\n    id\n    reference\n    createdAt\n    market\n    currency\n    amount\n    shopperId\n    locale\n    channel\n    outcome\n    kind\n    reviewer\n    reviewReason\n    merchant {\n      id\n      name\n      category\n    }\n    reasons {\n      rank\n      code\n      measuredValue\n      factor\n    }\n    breakdown\n    thresholdVersion {\n      id\n      market\n      version\n    }\n    catalogVersionId\n    message {\n      locale\n      title\n      body\n      steps\n    }\n    repayment {\n      status\n      outstandingMinor\n      writtenOffMinor\n      currency\n      class\n      matureAt\n      events {\n        eventId\n        observedAt\n        status\n        outstandingMinor\n        writtenOffMinor\n        recordedAt\n      }\n    }\n  }\n":new Mt(`
    fragment DecisionFull on Decision {
  id
  reference
  createdAt
  market
  currency
  amount
  shopperId
  locale
  channel
  outcome
  kind
  reviewer
  reviewReason
  merchant {
    id
    name
    category
  }
  reasons {
    rank
    code
    measuredValue
    factor
  }
  breakdown
  thresholdVersion {
    id
    market
    version
  }
  catalogVersionId
  message {
    locale
    title
    body
    steps
  }
  repayment {
    status
    outstandingMinor
    writtenOffMinor
    currency
    class
    matureAt
    events {
      eventId
      observedAt
      status
      outstandingMinor
      writtenOffMinor
      recordedAt
    }
  }
}
    `,{fragmentName:`DecisionFull`}),"\n  query PinnedThresholds($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      author\n      approver\n      createdAt\n      rules {\n        measuredValue\n        scale\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:51e9da442166c86b3ad1bc1ad0dc0995d6aac237b95859bd9c38d470333209b2`}},"\n  query BadDefinitionPanel($market: String!) {\n    badDefinition(market: $market) {\n      id\n      version\n      level\n      windowMonths\n      description\n      author\n      approver\n      createdAt\n    }\n    badDefinitionDrafts(market: $market, first: 10) {\n      nodes {\n        ...BadDraftFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:98ee481f9e1b57fd9b42e0cc243bd93d353727bacdd0df9b76a9ba2dbd8c5139`}},"\n  fragment BadDraftFields on BadDefinitionDraft {\n    id\n    market\n    status\n    revision\n    author\n    rationale\n    level\n    windowMonths\n    description\n    reviewer\n    reviewComment\n    updatedAt\n  }\n":new Mt(`
    fragment BadDraftFields on BadDefinitionDraft {
  id
  market
  status
  revision
  author
  rationale
  level
  windowMonths
  description
  reviewer
  reviewComment
  updatedAt
}
    `,{fragmentName:`BadDraftFields`}),"\n  mutation CreateBadDefinitionDraft($market: String!) {\n    createBadDefinitionDraft(market: $market) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:8c8bf477d5e0303ca0d0b40232a5b4a24e6a0bbeb5957e9749fd93f6f5b18278`}},"\n  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {\n    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:522707048e6c78f79f7dafe7cc45a06a40a311456d60e3fce53774c30d167032`}},"\n  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:03f53983575f4ccbbc55c54bc65a0b03ec52de1cc1ebd7c6a447d659e7340bf6`}},"\n  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {\n    approveBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:9c891fb8e7efe766297bcc6f1c12506cb704e98c3f42417b5d1d0109393faa1b`}},"\n  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {\n    rejectBadDefinitionDraft(id: $id, comment: $comment) {\n      ...BadDraftFields\n    }\n  }\n":{__meta__:{hash:`sha256:b5b24653d95211a9d966ff1f2e915c776a7333221cf75b37250b75f006b83bf2`}},"\n  fragment FigureFields on OutcomeFigures {\n    decisions\n    volume\n    mature\n    immature\n    bad\n    inferred\n    inferredBad\n    badRate\n    badRateLow\n    badRateHigh\n    loss\n    lossLow\n    lossHigh\n    lossRate\n  }\n":new Mt(`
    fragment FigureFields on OutcomeFigures {
  decisions
  volume
  mature
  immature
  bad
  inferred
  inferredBad
  badRate
  badRateLow
  badRateHigh
  loss
  lossLow
  lossHigh
  lossRate
}
    `,{fragmentName:`FigureFields`}),"\n  fragment SweepPointFields on SensitivityPoint {\n    cutoff\n    declineRate\n    approvalRate\n    badRate\n    lossRate\n  }\n":new Mt(`
    fragment SweepPointFields on SensitivityPoint {
  cutoff
  declineRate
  approvalRate
  badRate
  lossRate
}
    `,{fragmentName:`SweepPointFields`}),"\n  fragment RuleFields on ThresholdRule {\n    measuredValue\n    factor\n    comparator\n    cutoff\n    enabled\n    reasonCode\n  }\n":new Mt(`
    fragment RuleFields on ThresholdRule {
  measuredValue
  factor
  comparator
  cutoff
  enabled
  reasonCode
}
    `,{fragmentName:`RuleFields`}),"\n  fragment ImpactFields on ThresholdImpact {\n    available\n    note\n    from\n    to\n    decisions\n    declineRateNow\n    declineRateProposed\n    approvedToDeclined\n    declinedToApproved\n    badDefinition\n    approvalRateNow\n    approvalRateProposed\n    badRateNow\n    badRateProposed\n    badRateProposedLow\n    badRateProposedHigh\n    lossNow\n    lossProposed\n    lossRateNow\n    lossRateProposed\n    matureDecisions\n  }\n":new Mt(`
    fragment ImpactFields on ThresholdImpact {
  available
  note
  from
  to
  decisions
  declineRateNow
  declineRateProposed
  approvedToDeclined
  declinedToApproved
  badDefinition
  approvalRateNow
  approvalRateProposed
  badRateNow
  badRateProposed
  badRateProposedLow
  badRateProposedHigh
  lossNow
  lossProposed
  lossRateNow
  lossRateProposed
  matureDecisions
}
    `,{fragmentName:`ImpactFields`}),"\n  query WhatIfStatus {\n    whatIfStatus {\n      loaded\n      total\n      ready\n    }\n  }\n":{__meta__:{hash:`sha256:b6a1174e450ed7c5a7637b0f2ec99220c9c0d104039fd4605df766a5165a6031`}},"\n  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {\n    thresholdDiff(from: $from, to: $to) {\n      measuredValue\n      factor\n      oldComparator\n      newComparator\n      oldCutoff\n      newCutoff\n      oldEnabled\n      newEnabled\n    }\n  }\n":{__meta__:{hash:`sha256:d43b170bab6439e156a838ecdfd15b98fda88e3939b9820efa36d45f0bce0635`}},"\n  query Vintages($market: String!) {\n    vintages(market: $market) {\n      market\n      from\n      to\n      badDefinition {\n        version\n        description\n      }\n      activations {\n        id\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      series {\n        vintage\n        group\n        approved\n        volume\n        points {\n          monthsSinceDecision\n          bad\n          badRate\n          loss\n          lossRate\n        }\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:fae910ca3ba8bb3c357d25edbad4b00f3b73bb0e5911bd0a993d61aea6aba78b`}},"\n  query AdminUsers($first: Int!) {\n    users(first: $first) {\n      nodes {\n        id\n        username\n        displayName\n        roles\n        createdAt\n        createdBy\n        disabledAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:ef935e70e9fad74c731de4bb66011293057bd43580df2ea9de6e8f41c897d53e`}},"\n  query AdminTokens($first: Int!) {\n    apiTokens(first: $first) {\n      nodes {\n        id\n        name\n        roles\n        createdAt\n        createdBy\n        expiresAt\n        lastUsedAt\n        revokedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:7fc3f544f2388b684bdca40f7105143c4fc60ab8f2aa097be03d8c768196e7f1`}},"\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      id\n      username\n    }\n  }\n":{__meta__:{hash:`sha256:af4ad581cde3b6203efe5ff9c5aef400a2059c611b6ce62738bee1f31c76c657`}},"\n  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {\n    setUserRoles(id: $id, roles: $roles) {\n      id\n      roles\n    }\n  }\n":{__meta__:{hash:`sha256:6dc1148fe4eeb1c38d74932ac4bdfeffa627118356035d051d4e6f7b27783ea1`}},"\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n":{__meta__:{hash:`sha256:718a35b7d0e52c882e05dbfb3204b9e9b025ebfd7a9b903258929cc26e4af224`}},"\n  mutation EnableUser($id: ID!) {\n    enableUser(id: $id) {\n      id\n      disabledAt\n    }\n  }\n":{__meta__:{hash:`sha256:13f1fa4c1b04f47710e50c02d7536d18c6d9b609c7584dfd6de9fa4cb7869923`}},"\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token {\n        id\n        name\n      }\n      secret\n    }\n  }\n":{__meta__:{hash:`sha256:281c3973119e2629d80aad203e1fca4297791c9cb4bad19a477490f4913fbc01`}},"\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      id\n      revokedAt\n    }\n  }\n":{__meta__:{hash:`sha256:6c552edb9b481c70c8862f7170fc59ae8f50e053b27853b2b86cc3b3f86113cf`}},"\n  query AgentDecision($reference: String!, $locale: String!) {\n    agentDecision(reference: $reference, locale: $locale) {\n      reference\n      createdAt\n      outcome\n      market\n      merchantName\n      formattedAmount\n      shopperMessage {\n        locale\n        title\n        body\n        steps\n      }\n      guidanceLocale\n      guidance {\n        rank\n        code\n        locale\n        title\n        body\n        steps\n      }\n      cardHold {\n        mayBePending\n        usuallyReleasedBy\n        note\n      }\n      notes\n      kind\n      overturnsReference\n      reviewRequestableUntil\n      review {\n        status\n        dueAt\n        overdue\n        outcome\n        decidedAt\n        newDecisionReference\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:e8a278741fb480ac92013ce9f67583903fc9f569bd3946179e3bd6b2bd8c6c9d`}},"\n  query AuditEvents($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        at\n        actor\n        actorRoles\n        action\n        entityType\n        entityId\n        before\n        after\n        requestId\n        clientAddr\n        outcome\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:10f78f133254fcafb652e0773e19ef2b0deb982114bac57a571999904d2df4f1`}},"\n  query VerifyAuditChain {\n    verifyAuditChain {\n      ok\n      checked\n      firstBrokenEventId\n      reason\n    }\n  }\n":{__meta__:{hash:`sha256:376cdd1546575dcc887dcc85186347c1e9c45c9c66bebe0edf3ca0ec1ecc0a7f`}},"\n  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {\n    previewMessage(code: $code, locale: $locale, text: $text) {\n      locale\n      title\n      body\n      steps\n    }\n  }\n":{__meta__:{hash:`sha256:b0c0b427a26ea9dd1ecfdcdf188bb9e5660590ee6098e381113c0e3f8fd8018d`}},"\n  fragment CatalogChangeFields on CatalogChange {\n    code\n    locale\n    audience\n    kind\n    before {\n      title\n      body\n      steps\n    }\n    after {\n      title\n      body\n      steps\n    }\n  }\n":new Mt(`
    fragment CatalogChangeFields on CatalogChange {
  code
  locale
  audience
  kind
  before {
    title
    body
    steps
  }
  after {
    title
    body
    steps
  }
}
    `,{fragmentName:`CatalogChangeFields`}),"\n  fragment CatalogEntryFields on CatalogEntry {\n    code\n    locale\n    audience\n    text {\n      title\n      body\n      steps\n    }\n  }\n":new Mt(`
    fragment CatalogEntryFields on CatalogEntry {
  code
  locale
  audience
  text {
    title
    body
    steps
  }
}
    `,{fragmentName:`CatalogEntryFields`}),"\n  query CatalogVersion {\n    catalogVersion {\n      version\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0a984ebfb636949eb0686104f1f12fb6c1519ef052983b3152d2e3bd6ef81a06`}},"\n  query CatalogDrafts($status: CatalogDraftStatus) {\n    catalogDrafts(status: $status, first: 20) {\n      nodes {\n        id\n        status\n        author\n        baseVersion\n        revision\n        updatedAt\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:e7712909c7931abe1a4cc17f6cf9cad49b65bbc0dd39df6bf01f1be97b1eecb9`}},"\n  query CatalogDraft($id: ID!) {\n    catalogDraft(id: $id) {\n      id\n      baseVersion\n      status\n      revision\n      author\n      reviewer\n      comment\n      publishedVersion\n      createdAt\n      updatedAt\n      changes {\n        ...CatalogChangeFields\n      }\n      texts {\n        ...CatalogEntryFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:dd74e73905db9613317ac69d17aa26943b19b1b06de4d5b1458bbf255d9a9054`}},"\n  mutation CreateCatalogDraft {\n    createCatalogDraft {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:0704605162e1ea55237c76007b60d2b110ff60371affc6ea762d2a2470dc52c8`}},"\n  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {\n    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {\n      id\n      revision\n    }\n  }\n":{__meta__:{hash:`sha256:585ef40cecf9a0ce43f559d613264421e63298316dcf105b5b9c203484b07ea6`}},"\n  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {\n    submitCatalogDraft(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:361a847a6933263d05c91f84b928914c8eee72df65150ed378e5e63599ea2922`}},"\n  mutation ApproveCatalogDraft($id: ID!) {\n    approveCatalogDraft(id: $id) {\n      id\n      publishedVersion\n    }\n  }\n":{__meta__:{hash:`sha256:20c9ee4aca967765c3193eb1337879ae7bdde230fc209937a19fd9380c0802ac`}},"\n  mutation RejectCatalogDraft($id: ID!, $comment: String!) {\n    rejectCatalogDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:a519dd2c810aecba743a8e9a19b2a8cf3f964e058d77bf5949c991ff1e6f516a`}},"\n  query CatalogDiff($from: Int!, $to: Int!) {\n    catalogDiff(from: $from, to: $to) {\n      ...CatalogChangeFields\n    }\n  }\n":{__meta__:{hash:`sha256:185ea9ddcf67556f0bff8578dc5eceb3f2fb04058905ce9a553f114480142a9b`}},"\n  query DecisionDetail($id: ID!) {\n    decision(id: $id) {\n      ...DecisionFull\n      overturns {\n        id\n        reference\n      }\n      overturnedBy {\n        id\n        reference\n      }\n      reviewCases {\n        id\n        status\n        requestedAt\n        dueAt\n        overdue\n        outcome\n        decidedAt\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:24d712bac2c489f2ae78d19d58430b162600f9a85750dbed3cd4c5527f3c61cc`}},"\n  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {\n    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      nodes {\n        id\n        reference\n        createdAt\n        market\n        currency\n        amount\n        outcome\n        kind\n        merchant {\n          name\n          category\n        }\n        reasons {\n          rank\n          code\n        }\n        thresholdVersion {\n          id\n          version\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:27da30d7e47ebaba87bd40cab29291919d66433d326fea68ba9674f4df7e6f0d`}},"\n  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {\n    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {\n      from\n      to\n      bucket\n      timeZone\n      omittedSeries\n      source\n      freshAsOf\n      series {\n        market\n        assessed\n        declined\n        rate\n        points {\n          bucketStart\n          assessed\n          declined\n          rate\n        }\n      }\n    }\n    thresholdActivations(market: $market, from: $from, to: $to) {\n      activation {\n        id\n        market\n        versionId\n        activatedAt\n        activatedBy\n        emergency\n      }\n      version {\n        id\n        version\n        author\n        approver\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:9e3c721405723180db0e20ce59be34e73760bb862220c2a819e47da40b1c837f`}},"\n  query OverviewBreakdown($filter: AnalyticsFilter!) {\n    reasonBreakdown(filter: $filter) {\n      assessed\n      declined\n      source\n      freshAsOf\n      reasons {\n        reason\n        factor\n        declined\n        share\n        rate\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:3ea42846e654253af96788a60e6d53710dddb6ebd50361088c6e13c53dd27152`}},"\n  query OverviewOverturnRates($filter: OverturnRateFilter!) {\n    overturnRates(filter: $filter) {\n      market\n      reason\n      decided\n      overturned\n      rate\n    }\n  }\n":{__meta__:{hash:`sha256:4a6425975f73b9f7f175ed5eeec4a791022991c340a0db4b093775869e57841d`}},"\n  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {\n    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {\n      from\n      to\n      bucket\n      omitted\n      source\n      freshAsOf\n      anomalies {\n        bucketStart\n        market\n        reason\n        assessed\n        declined\n        rate\n        baselineRate\n        zScore\n        excessDeclines\n        mainReason\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0dde46552b350db7c183a5e9431f7dc68aba664defd9b982c577f5941f1754e1`}},"\n  query ReviewCasePage($id: ID!) {\n    reviewCase(id: $id) {\n      id\n      status\n      market\n      statement\n      locale\n      requestedBy\n      requestedAt\n      dueAt\n      overdue\n      reviewer\n      claimedAt\n      outcome\n      reason\n      decidedAt\n      secondReviewRequired\n      secondReviewer\n      secondReviewComment\n      secondReviewedAt\n      newDecision {\n        id\n        reference\n      }\n      notices {\n        kind\n        locale\n        title\n        body\n        sentAt\n      }\n      decision {\n        ...DecisionFull\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:0392827deb854d0138d5150dcf7331b59930b3df3689ad83520f0c19b4a2df59`}},"\n  mutation ClaimReviewCase($id: ID!) {\n    claimReviewCase(id: $id) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:974d25c3d70dec827b2629b90877d743b6cf241efc66aae87d8a3c1dc334c807`}},"\n  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {\n    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:a834bdd754a314cb8f2b6ba2e87a8120b2e2fed4ec6d8365d3a6ee9507c08b2f`}},"\n  mutation ApproveOverturn($id: ID!, $comment: String) {\n    approveOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:bdb42278759768748f0276e524022c1afbc824a3752542518bc88e2bf3633863`}},"\n  mutation RejectOverturn($id: ID!, $comment: String!) {\n    rejectOverturn(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:bbb04dc9d50f04bb1ded1afdca3b8838c187486d22f530bce3901899bd3e416a`}},"\n  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {\n    reviewCases(filter: $filter, first: $first, after: $after) {\n      nodes {\n        id\n        status\n        market\n        requestedAt\n        dueAt\n        overdue\n        reviewer\n        decision {\n          id\n          reference\n          amount\n          currency\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:7f94df0f8a0c1aa6b49ccaa228e1249f0c731f4515f55b7729040799652ea61e`}},"\n  query ThresholdDraft($id: ID!) {\n    thresholdDraft(id: $id) {\n      id\n      market\n      baseVersionId\n      status\n      revision\n      author\n      rationale\n      reviewer\n      reviewComment\n      publishedVersionId\n      createdAt\n      updatedAt\n      submittedAt\n      reviewedAt\n      rules {\n        ...RuleFields\n      }\n      impact {\n        ...ImpactFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:7f21984f1db6bea179c220120fc0e5f6ebedbdb5b89b04d3149d1b648d879d26`}},"\n  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {\n    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {\n      id\n      revision\n      updatedAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:786f0ed3bbe6ca33fc1bc6a199a0d18d9662b4f2e42db172a67d109e3d9cd3a8`}},"\n  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {\n    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:4241f1af3395fbf000e7bd9e4c2113cd9c6579079805a3c0c82cb068a499748c`}},"\n  mutation ApproveThresholdDraft($id: ID!, $comment: String) {\n    approveThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n      publishedVersionId\n    }\n  }\n":{__meta__:{hash:`sha256:1906cb8f59679bb92de48fb2077b5754fb69eded4cbb0b08a2707f0d44488d05`}},"\n  mutation RejectThresholdDraft($id: ID!, $comment: String!) {\n    rejectThresholdDraft(id: $id, comment: $comment) {\n      id\n      status\n    }\n  }\n":{__meta__:{hash:`sha256:45a0e2d0a857ca50537bd973814cc647f3f370496802e027dfd45f910f1a54a2`}},"\n  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {\n    simulate(market: $market, proposal: $proposal) {\n      market\n      from\n      to\n      baselineVersion {\n        id\n        version\n      }\n      assessed\n      declinedNow\n      declinedProposed\n      declineRateNow\n      declineRateProposed\n      approvedToDeclined\n      declinedToApproved\n      reasons {\n        code\n        now\n        proposed\n      }\n      days {\n        day\n        assessed\n        declinedNow\n        declinedProposed\n      }\n      sampleApprovedToDeclined {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      sampleDeclinedToApproved {\n        decisionId\n        createdAt\n        merchantCategory\n        amount\n      }\n      badDefinition {\n        version\n        description\n        windowMonths\n      }\n      approvalRateNow\n      approvalRateProposed\n      outcomesNow {\n        ...FigureFields\n      }\n      outcomesProposed {\n        ...FigureFields\n      }\n      swapSet {\n        keptApproved {\n          ...FigureFields\n        }\n        swapOut {\n          ...FigureFields\n        }\n        swapIn {\n          ...FigureFields\n        }\n        keptDeclined {\n          ...FigureFields\n        }\n      }\n      immatureShare\n      inference {\n        available\n        note\n        method\n        samples\n        bads\n        auc\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:925541301f72f80f969813ad9994c6ce31f4994f403f8ba34fa7925690d61981`}},"\n  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {\n    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points) {\n      measuredValue\n      comparator\n      assessed\n      declineRateWithoutRule\n      proposedCutoff\n      proposedRate\n      points {\n        ...SweepPointFields\n      }\n      nowPoint {\n        ...SweepPointFields\n      }\n      proposedPoint {\n        ...SweepPointFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:1d4c53d3d5b52ef7f5fd979a5f123b28b8037d66105619246235183e451b8be4`}},"\n  query ThresholdVersionPage($id: ID!) {\n    thresholdVersion(id: $id) {\n      id\n      market\n      version\n      author\n      approver\n      rationale\n      createdAt\n      rules {\n        ...RuleFields\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:24a4a90a3c0ba2581187ff246c8e2edc4d9b549ca44defc344fc7383aa22cec2`}},"\n  query ThresholdVersionState($market: String!) {\n    thresholdVersions(market: $market, first: 100) {\n      nodes {\n        status\n        version {\n          id\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    activeThresholdVersion(market: $market) {\n      version {\n        id\n        version\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:1f7412bb687b45dfcf55f7200c2ffc3db90b4c728144be195fd44657501dc897`}},"\n  query ActivationImpact($versionId: ID!) {\n    activationImpact(versionId: $versionId) {\n      activation {\n        id\n        activatedAt\n        activatedBy\n        emergency\n      }\n      predicted {\n        ...ImpactFields\n      }\n      realized {\n        ...RateWindowFields\n      }\n      before {\n        ...RateWindowFields\n      }\n      complete\n      predictionError\n      outcomes {\n        predictedBadRate\n        approved\n        mature\n        bad\n        realizedBadRate\n        allMatureAt\n        note\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:8b5c5a9059527d7b637d1f3bce1e80f73b12a65b0c20fa5c3f367b32e1f43d00`}},"\n  fragment RateWindowFields on RateWindow {\n    from\n    to\n    assessed\n    declined\n    rate\n  }\n":new Mt(`
    fragment RateWindowFields on RateWindow {
  from
  to
  assessed
  declined
  rate
}
    `,{fragmentName:`RateWindowFields`}),"\n  mutation ActivateThresholdVersion($id: ID!, $at: Time) {\n    activateThresholdVersion(id: $id, at: $at) {\n      id\n      activatedAt\n    }\n  }\n":{__meta__:{hash:`sha256:74330004a13d976453d68e6aed0a70471191614ad02f2b5ba5e0b2972f56ee12`}},"\n  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {\n    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {\n      activation {\n        id\n        activatedAt\n      }\n      draft {\n        id\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:39aedd3b1cf0ebd987fcd949048c303df330220877bfe1832e5598d734e007be`}},"\n  query MarketThresholds($market: String!) {\n    thresholdVersions(market: $market, first: 50) {\n      nodes {\n        status\n        version {\n          id\n          version\n          author\n          approver\n          rationale\n          createdAt\n        }\n        activations {\n          id\n          activatedAt\n          activatedBy\n          emergency\n        }\n      }\n    }\n    thresholdDrafts(market: $market, first: 50) {\n      nodes {\n        id\n        status\n        revision\n        author\n        rationale\n        createdAt\n        updatedAt\n        submittedAt\n        reviewer\n        publishedVersionId\n        impact {\n          available\n          declineRateNow\n          declineRateProposed\n          approvedToDeclined\n          declinedToApproved\n          badRateNow\n          badRateProposed\n          lossNow\n          lossProposed\n        }\n      }\n    }\n  }\n":{__meta__:{hash:`sha256:014c0b1aa381eb23fe0c823a8f8ce200a34a3904b5fb57f1125dbf0e939e8520`}},"\n  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {\n    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {\n      id\n    }\n  }\n":{__meta__:{hash:`sha256:3d43bef6a489044b85d9901c317d4f66502c88e98dfd87c3dc9521d32237107e`}}};function K(e){return Nt[e]??{}}function q(e){if(!e)return``;let t=new Date(e);return Number.isNaN(t.getTime())?e:`${t.toISOString().slice(0,19).replace(`T`,` `)} UTC`}function Pt(e,t){return`${e.toLocaleString(`en-US`,{minimumFractionDigits:2,maximumFractionDigits:2})} ${t}`}function J(e){return Number.isInteger(e)?e.toLocaleString(`en-US`):e.toLocaleString(`en-US`,{maximumFractionDigits:3})}function Ft(e){return e<1e3?`${e} B`:e<1e6?`${(e/1e3).toFixed(1)} kB`:`${(e/1e6).toFixed(1)} MB`}function Y(e){let t=e.toLowerCase().replace(/_/g,` `);return t.charAt(0).toUpperCase()+t.slice(1)}function It(e,t){return`${e.toLocaleString(`en-US`)} ${t}${e===1?``:`s`}`}function X(e,t=1){return e==null?`–`:`${(e*100).toFixed(t)} %`}function Lt(e,t){let n=Math.round((t-e)*1e4)/100;return`${n>0?`+`:n<0?`−`:`±`}${Math.abs(n).toFixed(2)} pp`}var Rt=K(`
  query AdminUsers($first: Int!) {
    users(first: $first) {
      nodes {
        id
        username
        displayName
        roles
        createdAt
        createdBy
        disabledAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),zt=K(`
  query AdminTokens($first: Int!) {
    apiTokens(first: $first) {
      nodes {
        id
        name
        roles
        createdAt
        createdBy
        expiresAt
        lastUsedAt
        revokedAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),Bt=K(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
    }
  }
`),Vt=K(`
  mutation SetUserRoles($id: ID!, $roles: [Role!]!) {
    setUserRoles(id: $id, roles: $roles) {
      id
      roles
    }
  }
`),Ht=K(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      id
      disabledAt
    }
  }
`),Ut=K(`
  mutation EnableUser($id: ID!) {
    enableUser(id: $id) {
      id
      disabledAt
    }
  }
`),Wt=K(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token {
        id
        name
      }
      secret
    }
  }
`),Gt=K(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      revokedAt
    }
  }
`),Kt=100,qt=[jt.Analyst,jt.Approver,jt.Auditor,jt.Agent,jt.Admin],Jt=[jt.Service,jt.Auditor,jt.Agent];function Yt(e){return new FormData(e).getAll(`role`).map(String)}function Xt(){let[e,t]=M(!1),[n,r]=M(null);return{busy:e,error:n,run:async e=>{t(!0),r(null);try{await e()}catch(e){r(e)}finally{t(!1)}}}}function Zt({roles:e,checked:t,legend:n}){return L(`fieldset`,{class:`roles-edit`,children:[L(`legend`,{children:n}),e.map(e=>L(`label`,{class:`check`,children:[L(`input`,{type:`checkbox`,name:`role`,value:e,defaultChecked:t.includes(e)}),e]},e))]})}function Qt({who:e}){return e?L(`div`,{class:`muted`,children:[`by `,e]}):null}function $t(e){return L(S,{children:[L(U,{title:`Administration`}),L(en,{}),L(tn,{})]})}function en(){let e=H(Rt,{first:Kt},`users`),t=Xt(),n=Xt(),[r,i]=M(null),[a,o]=M(null),s=t=>{t.preventDefault();let r=t.currentTarget,i=new FormData(r);n.run(async()=>{let t=await F(Bt,{input:{username:String(i.get(`username`)),displayName:String(i.get(`displayName`)),password:String(i.get(`password`)),roles:Yt(r)}});r.reset(),o(t.createUser.username),e.reload()})},c=n=>r=>{r.preventDefault();let a=Yt(r.currentTarget);t.run(async()=>{await F(Vt,{id:n,roles:a}),i(null),e.reload()})},l=(n,r)=>t.run(async()=>{await F(r?Ut:Ht,{id:n}),e.reload()});return L(`section`,{"aria-labelledby":`users-h`,children:[L(`h2`,{id:`users-h`,children:`Users`}),e.error!==null&&L(z,{error:e.error,title:`Could not load users`}),e.loading&&L(V,{label:`Loading users…`}),t.error!==null&&L(z,{error:t.error,title:`The change was refused`}),e.data&&L(`div`,{class:`table-wrap`,children:[L(`table`,{"aria-label":`Users`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Username`}),L(`th`,{children:`Name`}),L(`th`,{children:`Roles`}),L(`th`,{children:`Created`}),L(`th`,{children:`Status`}),L(`th`,{children:`Actions`})]})}),L(`tbody`,{children:e.data.users.nodes.map(e=>L(`tr`,{"data-username":e.username,children:[L(`td`,{children:L(`code`,{children:e.username})}),L(`td`,{children:e.displayName}),L(`td`,{children:r===e.id?L(`form`,{onSubmit:c(e.id),class:`roles-edit`,"aria-label":`Roles of ${e.username}`,children:[L(Zt,{roles:qt,checked:e.roles,legend:`Roles of ${e.username}`}),L(`button`,{type:`submit`,disabled:t.busy,children:`Save roles`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>i(null),children:`Cancel`})]}):e.roles.join(`, `)}),L(`td`,{children:[q(e.createdAt),` `,L(Qt,{who:e.createdBy})]}),L(`td`,{children:e.disabledAt?L(`span`,{class:`badge broken`,children:[`disabled `,q(e.disabledAt)]}):L(`span`,{class:`badge ok`,children:`active`})}),L(`td`,{children:L(`div`,{class:`toolbar`,children:[r!==e.id&&L(`button`,{type:`button`,class:`secondary`,onClick:()=>i(e.id),"aria-label":`Change the roles of ${e.username}`,children:`Change roles`}),L(`button`,{type:`button`,class:e.disabledAt?`secondary`:`danger`,disabled:t.busy,onClick:()=>l(e.id,!!e.disabledAt),"aria-label":`${e.disabledAt?`Enable`:`Disable`} ${e.username}`,children:e.disabledAt?`Enable`:`Disable`})]})})]},e.id))})]}),e.data.users.pageInfo.hasNextPage&&L(`p`,{class:`muted`,children:[`Showing the first `,Kt,` users.`]})]}),L(`form`,{class:`panel stack`,onSubmit:s,"aria-labelledby":`new-user-h`,children:[L(`h3`,{id:`new-user-h`,children:`New user`}),L(`div`,{class:`filters`,children:[L(`label`,{children:[`Username`,L(`input`,{name:`username`,required:!0,pattern:`[a-z0-9._\\-]{3,64}`,title:`3 to 64 lower-case letters, digits, dots, dashes, underscores`,autocomplete:`off`}),L(B,{error:n.error,field:`input.username`})]}),L(`label`,{children:[`Display name`,L(`input`,{name:`displayName`,required:!0,autocomplete:`off`}),L(B,{error:n.error,field:`input.displayName`})]}),L(`label`,{children:[`Initial password (at least 12 characters)`,L(`input`,{name:`password`,type:`password`,required:!0,minLength:12,autocomplete:`new-password`}),L(B,{error:n.error,field:`input.password`})]})]}),L(Zt,{roles:qt,checked:[],legend:`Roles`}),L(B,{error:n.error,field:`input.roles`}),L(`div`,{children:L(`button`,{type:`submit`,disabled:n.busy,children:`Create user`})}),n.error!==null&&L(z,{error:n.error,title:`The user was not created`}),a&&L(`p`,{role:`status`,class:`muted`,children:[`Created `,a,`.`]})]})]})}function tn(){let e=H(zt,{first:Kt},`tokens`),t=Xt(),n=Xt(),[r,i]=M(null),a=t=>{t.preventDefault();let r=t.currentTarget,a=new FormData(r),o=String(a.get(`expiresAt`)??``);n.run(async()=>{let t=await F(Wt,{input:{name:String(a.get(`name`)),roles:Yt(r),expiresAt:o?`${o}T00:00:00Z`:null}});r.reset(),i({name:t.createApiToken.token.name,secret:t.createApiToken.secret}),e.reload()})},o=n=>t.run(async()=>{await F(Gt,{id:n}),e.reload()});return L(`section`,{"aria-labelledby":`tokens-h`,children:[L(`h2`,{id:`tokens-h`,children:`API tokens`}),e.error!==null&&L(z,{error:e.error,title:`Could not load API tokens`}),e.loading&&L(V,{label:`Loading API tokens…`}),t.error!==null&&L(z,{error:t.error,title:`The change was refused`}),r&&L(`div`,{class:`notice`,role:`status`,"aria-labelledby":`secret-h`,children:[L(`h3`,{id:`secret-h`,children:[`Token “`,r.name,`” created`]}),L(`p`,{children:`Copy the secret now: it is shown only this once and cannot be shown again.`}),L(`p`,{class:`secret`,"data-testid":`token-secret`,children:r.secret}),L(`div`,{class:`toolbar`,children:[L(`button`,{type:`button`,class:`secondary`,onClick:()=>navigator.clipboard?.writeText(r.secret),children:`Copy`}),L(`button`,{type:`button`,onClick:()=>i(null),children:`I have copied it`})]})]}),e.data&&L(`div`,{class:`table-wrap`,children:[L(`table`,{"aria-label":`API tokens`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Name`}),L(`th`,{children:`Roles`}),L(`th`,{children:`Created`}),L(`th`,{children:`Expires`}),L(`th`,{children:`Last used`}),L(`th`,{children:`Status`}),L(`th`,{children:`Actions`})]})}),L(`tbody`,{children:e.data.apiTokens.nodes.map(e=>L(`tr`,{"data-token":e.name,children:[L(`td`,{children:e.name}),L(`td`,{children:e.roles.join(`, `)}),L(`td`,{children:[q(e.createdAt),` `,L(Qt,{who:e.createdBy})]}),L(`td`,{children:e.expiresAt?q(e.expiresAt):`never`}),L(`td`,{children:e.lastUsedAt?q(e.lastUsedAt):`never`}),L(`td`,{children:e.revokedAt?L(`span`,{class:`badge broken`,children:[`revoked `,q(e.revokedAt)]}):L(`span`,{class:`badge ok`,children:`active`})}),L(`td`,{children:!e.revokedAt&&L(`button`,{type:`button`,class:`danger`,disabled:t.busy,onClick:()=>o(e.id),"aria-label":`Revoke ${e.name}`,children:`Revoke`})})]},e.id))})]}),e.data.apiTokens.pageInfo.hasNextPage&&L(`p`,{class:`muted`,children:[`Showing the newest `,Kt,` tokens.`]})]}),L(`form`,{class:`panel stack`,onSubmit:a,"aria-labelledby":`new-token-h`,children:[L(`h3`,{id:`new-token-h`,children:`New API token`}),L(`div`,{class:`filters`,children:[L(`label`,{children:[`Name`,L(`input`,{name:`name`,required:!0,autocomplete:`off`}),L(B,{error:n.error,field:`input.name`})]}),L(`label`,{children:[`Expires (optional, UTC date)`,L(`input`,{name:`expiresAt`,type:`date`}),L(B,{error:n.error,field:`input.expiresAt`})]})]}),L(Zt,{roles:Jt,checked:[],legend:`Roles`}),L(B,{error:n.error,field:`input.roles`}),L(`div`,{children:L(`button`,{type:`submit`,disabled:n.busy,children:`Create token`})}),n.error!==null&&L(z,{error:n.error,title:`The token was not created`})]})]})}function nn({message:e}){return L(`section`,{class:`popup`,lang:e.locale,"aria-label":`The pop-up the shopper saw`,children:[L(`h3`,{children:e.title}),L(`p`,{children:e.body}),e.steps.length>0&&L(`ol`,{children:e.steps.map((e,t)=>L(`li`,{children:e},t))}),L(`p`,{class:`meta`,children:[`locale `,e.locale]})]})}var rn=/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;function an(e,t){let n={},r={};for(let i of e){let e=t.get(i.name);if(e===null||e.trim()===``)continue;let a=e.trim();switch(i.kind){case`number`:{let e=Number(a);Number.isFinite(e)?n[i.name]=e:r[i.name]=`must be a number`;break}case`time`:!rn.test(a)||Number.isNaN(Date.parse(a))?r[i.name]=`must be a time such as 2026-11-01T00:00:00Z`:n[i.name]=a;break;case`id`:/^\d+$/.test(a)?n[i.name]=a:r[i.name]=`must be a number`;break;default:i.values&&!i.values.includes(a)?r[i.name]=`must be one of ${i.values.join(`, `)}`:n[i.name]=a}}return{filter:n,errors:r}}function on(e,t){let n=new URLSearchParams;for(let r of e){let e=t[r.name];e!==void 0&&e!==``&&n.set(r.name,String(e))}return n}function sn(e){if(e===void 0||e===``)return``;let t=new Date(String(e));return Number.isNaN(t.getTime())?``:t.toISOString().slice(0,16)}function cn(e){return/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(e)?`${e}:00Z`:``}function ln(e,t){let n=new FormData(t),r={};for(let t of e){let e=String(n.get(t.name)??``).trim();e!==``&&(r[t.name]=t.kind===`time`?cn(e):e,r[t.name]===``&&delete r[t.name])}return r}function Z(e){if(!e)return``;let t=/^(?:user|token):\d+:(.+)$/.exec(e);return t?t[1]:e.startsWith(`system:`)?`${e.slice(7)} (system)`:e}function un(e,t){return!!e&&/^user:\d+:/.test(e)&&Z(e)===t.username}var dn=[{name:`status`,kind:`text`,values:Object.values(W)},{name:`market`,kind:`text`},{name:`overdue`,kind:`text`,values:[`true`,`false`]}];function fn(e){let{filter:t,errors:n}=an(dn,e),r={};return t.status&&(r.status=t.status),t.market&&(r.market=String(t.market).toUpperCase()),t.overdue&&(r.overdue=t.overdue===`true`),{filter:r,errors:n,after:e.get(`after`)||null}}function pn(e,t){let n={};for(let[t,r]of Object.entries(e))r!=null&&r!==``&&(n[t]=typeof r==`boolean`?String(r):r);let r=on(dn,n);t&&r.set(`after`,t);let i=r.toString();return i?`/reviews?${i}`:`/reviews`}var mn=[W.Open,W.InReview,W.PendingSecondReview];function hn(e){return mn.includes(e)}var gn=864e5;function _n(e,t,n){if(!hn(t))return`decided`;let r=Date.parse(e)-n;if(Number.isNaN(r))return``;if(r>0){let e=Math.floor(r/gn);return e===0?`less than a day left`:`${e} day${e===1?``:`s`} left`}let i=Math.floor(-r/gn);return i===0?`overdue by less than a day`:`overdue by ${i} day${i===1?``:`s`}`}function vn(e){switch(e){case W.Upheld:return`badge declined`;case W.Overturned:return`badge approved`;case W.PendingSecondReview:return`badge warn`;case W.InReview:return`badge info`;default:return`badge muted`}}function yn(e,t){if(!t.roles.includes(`REVIEWER`))return`none`;switch(e.status){case W.Open:return`claim`;case W.InReview:return un(e.reviewer,t)?`decide`:`claimedByOther`;case W.PendingSecondReview:return un(e.reviewer,t)?`ownOverturn`:`second`;default:return`none`}}var bn=K(`
  query AgentDecision($reference: String!, $locale: String!) {
    agentDecision(reference: $reference, locale: $locale) {
      reference
      createdAt
      outcome
      market
      merchantName
      formattedAmount
      shopperMessage {
        locale
        title
        body
        steps
      }
      guidanceLocale
      guidance {
        rank
        code
        locale
        title
        body
        steps
      }
      cardHold {
        mayBePending
        usuallyReleasedBy
        note
      }
      notes
      kind
      overturnsReference
      reviewRequestableUntil
      review {
        status
        dueAt
        overdue
        outcome
        decidedAt
        newDecisionReference
      }
    }
  }
`);function xn({query:e}){let t=e.get(`ref`)?.trim()??``,n=H(bn,{reference:t,locale:navigator.language||`en-US`},t,t===``),r=n.data?.agentDecision;return L(S,{children:[L(U,{title:`Decision look-up`,children:L(`span`,{class:`readonly-banner`,title:`This page cannot change anything`,children:`Read-only`})}),L(`form`,{class:`toolbar`,role:`search`,onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`ref`)??``).trim();I(t?`/agent?ref=${encodeURIComponent(t)}`:`/agent`)},children:[L(`label`,{children:[`Decision reference`,L(`input`,{name:`ref`,defaultValue:t,placeholder:`D7K-2QF-9XM`,autocomplete:`off`,spellcheck:!1,required:!0})]}),L(`button`,{type:`submit`,children:`Look up`})]},t),n.loading&&L(V,{label:`Looking the decision up…`}),n.error!==null&&L(z,{error:n.error,title:`Could not look up ${t}`}),r&&L(`div`,{class:`grid2`,children:[L(`section`,{"aria-labelledby":`seen-h`,children:[L(`h2`,{id:`seen-h`,children:[r.reference,`: `,Y(r.outcome)]}),L(`p`,{class:`muted`,children:[q(r.createdAt),` · `,r.merchantName,` · `,r.formattedAmount,` · market `,r.market]}),L(Cn,{d:r}),r.outcome===Ot.Declined&&r.shopperMessage?L(S,{children:[L(`h3`,{children:`The pop-up the shopper saw`}),L(nn,{message:r.shopperMessage})]}):L(`p`,{children:`The purchase was approved: the shopper saw no pop-up.`}),r.cardHold&&L(`div`,{class:`notice`,children:[L(`strong`,{children:`Card hold`}),L(`p`,{children:r.cardHold.note}),L(`p`,{class:`meta`,children:[r.cardHold.mayBePending?`may still be pending`:`should be released`,`; usually released by `,q(r.cardHold.usuallyReleasedBy)]})]})]}),L(`section`,{"aria-labelledby":`guide-h`,lang:r.guidanceLocale,children:[L(`h2`,{id:`guide-h`,children:`Guidance for the call`}),r.guidance.map(e=>L(`div`,{class:`panel`,children:[L(`h3`,{children:[e.rank,`. `,e.title]}),L(`p`,{children:e.body}),e.steps.length>0&&L(`ul`,{children:e.steps.map((e,t)=>L(`li`,{children:e},t))})]},e.rank)),L(`h3`,{children:`What you can always say`}),L(`ul`,{children:r.notes.map((e,t)=>L(`li`,{children:e},t))})]})]})]})}var Sn=e=>`/agent?ref=${encodeURIComponent(e)}`;function Cn({d:e}){let t=e.review;return!t&&e.kind!==Et.ManualReview&&!e.reviewRequestableUntil?null:L(`div`,{class:`panel`,"aria-label":`Human review`,children:[L(`h3`,{children:`Human review`}),e.kind===Et.ManualReview&&L(`p`,{children:[`A reviewer made this decision when they overturned`,` `,e.overturnsReference?L(R,{href:Sn(e.overturnsReference),children:e.overturnsReference}):`an automated decline`,`.`]}),e.reviewRequestableUntil&&L(`p`,{"data-testid":`review-requestable`,children:[`The shopper may ask for a person to review this decline, through the lender's app, until `,q(e.reviewRequestableUntil),`. You cannot file it for them.`]}),t&&L(`dl`,{class:`facts`,children:[L(`dt`,{children:`Status`}),L(`dd`,{children:[L(`span`,{class:vn(t.status),children:Y(t.status)}),t.overdue&&L(S,{children:[` `,L(`span`,{class:`badge overdue`,children:`Overdue`})]})]}),L(`dt`,{children:`Answer due`}),L(`dd`,{children:q(t.dueAt)}),L(`dt`,{children:`Outcome`}),L(`dd`,{children:t.outcome?`${Y(t.outcome)}, ${q(t.decidedAt)}`:`not decided yet`}),t.newDecisionReference&&L(S,{children:[L(`dt`,{children:`New decision`}),L(`dd`,{children:L(R,{href:Sn(t.newDecisionReference),children:t.newDecisionReference})})]})]})]})}var wn=K(`
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
`),Tn=K(`
  query VerifyAuditChain {
    verifyAuditChain {
      ok
      checked
      firstBrokenEventId
      reason
    }
  }
`),En=[{name:`actor`,kind:`text`},{name:`action`,kind:`text`},{name:`entityType`,kind:`text`},{name:`entityId`,kind:`text`},{name:`from`,kind:`time`},{name:`to`,kind:`time`}],Dn=50;function On(e,t){let n=on(En,e);t&&n.set(`after`,t);let r=n.toString();return r?`/audit?${r}`:`/audit`}function kn({query:e}){let{filter:t,errors:n}=an(En,e),r=e.get(`after`),i=e.toString(),a=H(wn,{filter:t,first:Dn,after:r},i),o=a.data?.auditEvents;return L(S,{children:[L(U,{title:`Audit log`,children:L(An,{})}),L(`form`,{class:`filters`,onSubmit:e=>{e.preventDefault(),I(On(ln(En,e.currentTarget)))},"aria-label":`Filter audit events`,children:[L(`label`,{children:[`Actor`,L(`input`,{name:`actor`,defaultValue:String(t.actor??``),placeholder:`user:3:anna`})]}),L(`label`,{children:[`Action`,L(`input`,{name:`action`,defaultValue:String(t.action??``),placeholder:`auth.login`})]}),L(`label`,{children:[`Entity type`,L(`input`,{name:`entityType`,defaultValue:String(t.entityType??``)})]}),L(`label`,{children:[`Entity id`,L(`input`,{name:`entityId`,defaultValue:String(t.entityId??``)})]}),L(`label`,{children:[`From (UTC)`,L(`input`,{type:`datetime-local`,name:`from`,defaultValue:sn(t.from)}),n.from&&L(`span`,{class:`field-error`,children:n.from})]}),L(`label`,{children:[`To (UTC, exclusive)`,L(`input`,{type:`datetime-local`,name:`to`,defaultValue:sn(t.to)}),n.to&&L(`span`,{class:`field-error`,children:n.to})]}),L(`div`,{class:`actions`,children:[L(`button`,{type:`submit`,children:`Apply filters`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>I(`/audit`),children:`Clear`})]})]},i),a.error!==null&&L(z,{error:a.error,title:`Could not load audit events`}),a.loading&&L(V,{label:`Loading audit events…`}),o&&L(S,{children:[L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Audit events`,"aria-busy":a.loading,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Time (UTC)`}),L(`th`,{children:`Actor`}),L(`th`,{children:`Action`}),L(`th`,{children:`Entity`}),L(`th`,{children:`Outcome`}),L(`th`,{children:`Request`}),L(`th`,{children:`Change`})]})}),L(`tbody`,{children:o.nodes.map(e=>L(`tr`,{children:[L(`td`,{children:q(e.at)}),L(`td`,{children:[L(`code`,{children:e.actor}),L(`div`,{class:`muted`,children:e.actorRoles.join(`, `)})]}),L(`td`,{children:L(`code`,{children:e.action})}),L(`td`,{children:[e.entityType,` `,L(`code`,{children:e.entityId})]}),L(`td`,{children:L(`span`,{class:`badge ${e.outcome===`DONE`?`ok`:`broken`}`,children:e.outcome})}),L(`td`,{children:[L(`code`,{children:e.requestId}),L(`div`,{class:`muted`,children:e.clientAddr})]}),L(`td`,{children:(e.before!=null||e.after!=null)&&L(`details`,{children:[L(`summary`,{children:`before / after`}),L(`pre`,{class:`json`,children:JSON.stringify(e.before,null,2)}),L(`pre`,{class:`json`,children:JSON.stringify(e.after,null,2)})]})})]},e.id))})]})}),o.nodes.length===0&&L(`p`,{children:`No audit event matches these filters.`}),L(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[L(`button`,{type:`button`,class:`secondary`,onClick:()=>I(On(t)),disabled:!r,children:`First page`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>o.pageInfo.endCursor&&I(On(t,o.pageInfo.endCursor)),disabled:!o.pageInfo.hasNextPage,children:`Next page`}),L(`span`,{class:`muted`,children:[It(o.nodes.length,`event`),` on this page, newest first`]})]})]})]})}function An(){let[e,t]=M(!1),[n,r]=M(null),[i,a]=M(null);return L(`div`,{class:`chain-check`,children:[L(`button`,{type:`button`,onClick:async()=>{t(!0),a(null),r(null);try{r((await F(Tn)).verifyAuditChain)}catch(e){a(e)}finally{t(!1)}},disabled:e,children:`Verify the audit chain`}),e&&L(V,{label:`Recomputing the hash chain over the whole log…`}),n&&L(`p`,{role:`status`,class:`chain-result`,children:[n.ok?L(`span`,{class:`badge ok`,children:`Chain intact`}):L(`span`,{class:`badge broken`,children:[`Chain broken at event `,n.firstBrokenEventId]}),` `,It(n.checked,`event`),` checked`,n.reason?`: ${n.reason}`:``]}),i!==null&&L(z,{error:i,title:`Could not verify the chain`})]})}function jn(e){return e.split(`
`).map(e=>e.trim()).filter(e=>e!==``)}function Mn(e){let t={};if(!(e instanceof P))return t;for(let n of e.fields){let e=/(?:^|\.)(title|body|steps)(?:\[(\d+)\])?$/.exec(n.field);if(!e)continue;let r=e[1],i=e[2]===void 0?n.message:`step ${Number(e[2])+1}: ${n.message}`;(t[r]??=[]).push(i)}return t}function Nn(e,t,n){let r=n.now??(()=>Date.now()),i=null,a=null,o=null,s=-1/0,c=0,l=0,u=e=>t.onPending?.(e),d=()=>{if(a=null,!i)return;let{args:n}=i;i=null,o?.abort();let d=new AbortController;o=d;let f=++l,p=r();s=p,e(n,d.signal).then(e=>{f!==l||d.signal.aborted||(o=null,c=r()-p,i||u(!1),t.onData(e))},e=>{f!==l||d.signal.aborted||(o=null,i||u(!1),t.onError(e))})};return{schedule(e){if(i={args:e},u(!0),a!==null)return;let t=Math.max(n.interval,c);a=setTimeout(d,Math.max(0,s+t-r()))},cancel(){a!==null&&clearTimeout(a),a=null,i=null,l++,o?.abort(),o=null,u(!1)}}}var Pn=[`DE`,`GB`,`SE`,`US`],Fn=[`en-US`,`en-GB`,`sv-SE`,`de-DE`],In=K(`
  query PreviewMessage($code: ReasonCode!, $locale: String!, $text: MessageTextInput) {
    previewMessage(code: $code, locale: $locale, text: $text) {
      locale
      title
      body
      steps
    }
  }
`);K(`
  fragment CatalogChangeFields on CatalogChange {
    code
    locale
    audience
    kind
    before {
      title
      body
      steps
    }
    after {
      title
      body
      steps
    }
  }
`),K(`
  fragment CatalogEntryFields on CatalogEntry {
    code
    locale
    audience
    text {
      title
      body
      steps
    }
  }
`);var Ln=K(`
  query CatalogVersion {
    catalogVersion {
      version
      texts {
        ...CatalogEntryFields
      }
    }
  }
`),Rn=K(`
  query CatalogDrafts($status: CatalogDraftStatus) {
    catalogDrafts(status: $status, first: 20) {
      nodes {
        id
        status
        author
        baseVersion
        revision
        updatedAt
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`),zn=K(`
  query CatalogDraft($id: ID!) {
    catalogDraft(id: $id) {
      id
      baseVersion
      status
      revision
      author
      reviewer
      comment
      publishedVersion
      createdAt
      updatedAt
      changes {
        ...CatalogChangeFields
      }
      texts {
        ...CatalogEntryFields
      }
    }
  }
`),Bn=K(`
  mutation CreateCatalogDraft {
    createCatalogDraft {
      id
    }
  }
`),Vn=K(`
  mutation EditCatalogText($id: ID!, $revision: Int!, $code: ReasonCode!, $locale: String!, $audience: CatalogAudience!, $text: MessageTextInput!) {
    editCatalogText(id: $id, revision: $revision, code: $code, locale: $locale, audience: $audience, text: $text) {
      id
      revision
    }
  }
`),Hn=K(`
  mutation SubmitCatalogDraft($id: ID!, $revision: Int!) {
    submitCatalogDraft(id: $id, revision: $revision) {
      id
      status
    }
  }
`),Un=K(`
  mutation ApproveCatalogDraft($id: ID!) {
    approveCatalogDraft(id: $id) {
      id
      publishedVersion
    }
  }
`),Wn=K(`
  mutation RejectCatalogDraft($id: ID!, $comment: String!) {
    rejectCatalogDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`),Gn=K(`
  query CatalogDiff($from: Int!, $to: Int!) {
    catalogDiff(from: $from, to: $to) {
      ...CatalogChangeFields
    }
  }
`),Kn=Object.values(kt);function qn(e){return`${e.code}|${e.locale}|${e.audience}`}function Jn(e){return new Map((e??[]).map(e=>[qn(e),e.text]))}function Yn({query:e,user:t}){let n=e.get(`draft`)??``,r=e.get(`code`)??null,i=e.get(`locale`)??null,a=H(Ln,{},`current`),o=a.data?.catalogVersion??null,s=Ae(()=>Jn(o?.texts),[o]),c=H(zn,{id:n},n,!n),l=c.data?.catalogDraft??null,u=Ae(()=>Jn(l?.texts),[l]),d=t.roles.some(e=>yt.includes(e)),[f,p]=M(null),m=(e,t,n)=>{let r=new URLSearchParams;e&&r.set(`draft`,e),t&&r.set(`code`,t),n&&r.set(`locale`,n);let i=r.toString();return i?`/catalog?${i}`:`/catalog`},h=async()=>{p(null);try{let e=(await F(Bn,{})).createCatalogDraft;I(m(e.id,r,i))}catch(e){p(e)}},g=new Set((l?.changes??[]).map(qn));return L(S,{children:[L(U,{title:`Reason catalog`}),L(`section`,{class:`panel`,"aria-labelledby":`draft-h`,children:[L(`h2`,{id:`draft-h`,children:`Draft`}),!n&&L(`div`,{class:`toolbar`,children:[d&&L(`button`,{type:`button`,onClick:h,children:`Start a draft`}),L(`form`,{class:`toolbar`,onSubmit:e=>{e.preventDefault();let t=String(new FormData(e.currentTarget).get(`draft`)??``).trim();t&&I(m(t,r,i))},children:[L(`label`,{children:[`Draft id`,L(`input`,{name:`draft`,inputMode:`numeric`,size:8})]}),L(`button`,{type:`submit`,class:`secondary`,children:`Open draft`})]})]}),f!==null&&L(z,{error:f,title:`Could not start a draft`}),c.error!==null&&L(z,{error:c.error,title:`Could not load the draft`}),n&&c.data&&!l&&L(`p`,{children:[`No catalog draft has the id `,n,`.`]}),l&&L(Zn,{draft:l,user:t,onChange:c.reload,onClose:()=>I(m(``,r,i))}),!n&&L(Xn,{open:e=>I(m(e,r,i))})]}),L(`div`,{class:`grid2`,children:[L(`section`,{class:`panel`,"aria-labelledby":`grid-h`,children:[L(`h2`,{id:`grid-h`,children:`Texts by reason and locale`}),L(`p`,{class:`muted`,children:[`Each cell is the reason's shopper title in published version `,o?.version??`…`,`, as written; choose one to`,` `,l?.status===Tt.Draft&&d?`edit it`:`preview it`,`.`,l&&` Cells changed in the draft are marked.`]}),a.loading&&L(V,{label:`Loading the catalog`}),a.error!==null&&L(z,{error:a.error,title:`Could not load the catalog`}),L(`div`,{class:`table-wrap`,children:L(`table`,{class:`catalog-grid`,"aria-label":`Reason catalog: codes by locale`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Reason code`}),Fn.map(e=>L(`th`,{children:e},e))]})}),L(`tbody`,{children:Kn.map(e=>L(`tr`,{children:[L(`th`,{scope:`row`,children:Y(e)}),Fn.map(t=>{let a=(u.get(`${e}|${t}|SHOPPER`)??s.get(`${e}|${t}|SHOPPER`))?.title,c=g.has(`${e}|${t}|SHOPPER`)||g.has(`${e}|${t}|AGENT`),l=e===r&&t===i;return L(`td`,{class:`${l?`selected`:``} ${c?`edited`:``}`,children:L(`button`,{type:`button`,class:`cell`,"aria-pressed":l,onClick:()=>I(m(n,e,t)),"aria-label":`${Y(e)}, ${t}${c?`, changed in the draft`:``}`,children:[a??(o?`–`:`…`),c&&L(`span`,{class:`badge ok`,children:` edited`})]})},t)})]},e))})]})})]}),L(`div`,{children:[r&&i?L(er,{code:r,locale:i,draft:l&&l.status===Tt.Draft&&d?l:null,text:(l?u:s).get(`${r}|${i}|${wt.Shopper}`),onSaved:c.reload},`${r}|${i}|${l?.id??``}`):L(`p`,{class:`panel`,children:[`Choose a cell of the grid to see its pop-up`,d?` and, in a draft, edit it`:``,`.`]}),L(tr,{})]})]})]})}function Xn({open:e}){let[t,n]=M(Tt.Submitted),r=H(Rn,{status:t||null},t),i=r.data?.catalogDrafts.nodes??[];return L(`div`,{class:`stack`,children:[L(`label`,{children:[`Drafts`,L(`select`,{value:t,onChange:e=>n(e.currentTarget.value),children:[L(`option`,{value:``,children:`all`}),Object.values(Tt).map(e=>L(`option`,{value:e,children:Y(e).toLowerCase()},e))]})]}),r.error!==null&&L(z,{error:r.error,title:`Could not list the drafts`}),r.data&&i.length===0&&L(`p`,{class:`muted`,children:[`No `,t?Y(t).toLowerCase()+` `:``,`draft.`]}),i.length>0&&L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Catalog drafts`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Draft`}),L(`th`,{children:`Status`}),L(`th`,{children:`Author`}),L(`th`,{children:`From version`}),L(`th`,{children:`Last changed`})]})}),L(`tbody`,{children:i.map(t=>L(`tr`,{children:[L(`td`,{children:L(`button`,{type:`button`,class:`link`,onClick:()=>e(t.id),children:[`Draft `,t.id]})}),L(`td`,{children:Y(t.status)}),L(`td`,{children:Z(t.author)}),L(`td`,{children:t.baseVersion}),L(`td`,{children:q(t.updatedAt)})]},t.id))})]})}),r.data?.catalogDrafts.pageInfo.hasNextPage&&L(`p`,{class:`muted`,children:`The 20 newest are shown.`})]})}function Zn({draft:e,user:t,onChange:n,onClose:r}){let[i,a]=M(``),[o,s]=M(!1),[c,l]=M(null),u=t.roles.some(e=>yt.includes(e)),d=t.roles.some(e=>bt.includes(e)),f=un(e.author,t),p=async e=>{s(!0),l(null);try{await e(),n()}catch(e){l(e)}finally{s(!1)}};return L(S,{children:[L(`p`,{children:[`Draft `,e.id,` `,L(`span`,{class:`badge muted`,children:Y(e.status)}),` by `,Z(e.author),`, from published version `,e.baseVersion,`, revision `,e.revision,`, last changed `,q(e.updatedAt),`.`,e.publishedVersion&&` Published as version ${e.publishedVersion}.`,e.reviewer&&` Reviewed by ${Z(e.reviewer)}${e.comment?`: “${e.comment}”`:``}.`,` `,L(`button`,{type:`button`,class:`link`,onClick:r,children:`Close the draft`})]}),L(Qn,{changes:e.changes,label:`Changes in the draft`}),L(`div`,{class:`toolbar`,children:[e.status===Tt.Draft&&u&&L(`button`,{type:`button`,onClick:()=>p(()=>F(Hn,{id:e.id,revision:e.revision})),disabled:o||e.changes.length===0,children:`Submit for approval`}),e.status===Tt.Submitted&&d&&!f&&L(S,{children:[L(`button`,{type:`button`,onClick:()=>p(()=>F(Un,{id:e.id})),disabled:o,children:`Approve and publish`}),L(`label`,{children:[`Reason to reject`,L(`input`,{value:i,onInput:e=>a(e.currentTarget.value)})]}),L(`button`,{type:`button`,class:`danger`,onClick:()=>p(()=>F(Wn,{id:e.id,comment:i.trim()})),disabled:o||!i.trim(),children:`Reject`})]}),e.status===Tt.Submitted&&f&&L(`p`,{class:`notice`,children:`You submitted this draft; another approver must review it.`})]}),c!==null&&L(z,{error:c,title:c instanceof P&&c.code===`CONFLICT`?`Conflict: the draft changed since it was loaded; reload it`:`Not done`})]})}function Qn({changes:e,label:t}){return e.length===0?L(`p`,{children:`No text differs.`}):L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":t,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Text`}),L(`th`,{children:`Change`}),L(`th`,{children:`Before`}),L(`th`,{children:`After`})]})}),L(`tbody`,{children:e.map(e=>L(`tr`,{children:[L(`td`,{children:[Y(e.code),`, `,e.locale,`, `,Y(e.audience)]}),L(`td`,{children:Y(e.kind)}),L(`td`,{class:`diff-old`,children:e.before?L($n,{t:e.before}):`–`}),L(`td`,{class:`diff-new`,children:e.after?L($n,{t:e.after}):`–`})]},qn(e)))})]})})}function $n({t:e}){return L(S,{children:[L(`strong`,{children:e.title}),L(`div`,{children:e.body}),e.steps.length>0&&L(`ol`,{children:e.steps.map((e,t)=>L(`li`,{children:e},t))})]})}function er(e){let{code:t,locale:n,draft:r}=e,i=e.text?{title:e.text.title,body:e.text.body,steps:e.text.steps.join(`
`)}:{title:``,body:``,steps:``},a=H(In,{code:t,locale:n},`${t}|${n}`),[o,s]=M(i),[c,l]=M(null),[u,d]=M(null),[f,p]=M(!1),[m,h]=M(null),[g,_]=M(``),v=!o.title.trim()&&!o.body.trim()&&!o.steps.trim(),y=Ae(()=>Nn((e,r)=>F(In,{code:t,locale:n,text:{title:e.title,body:e.body,steps:jn(e.steps)}},r),{onData:e=>{l(e.previewMessage),d(null)},onError:d,onPending:p},{interval:150}),[t,n]);N(()=>()=>y.cancel(),[y]),N(()=>{!r||v?y.cancel():y.schedule(o)},[o.title,o.body,o.steps,!!r]);let b=e=>t=>s({...o,[e]:t.currentTarget.value}),x=Mn(m??u),S=a.data?.previewMessage??null,C=async i=>{if(i.preventDefault(),r){h(null),_(``);try{let i=(await F(Vn,{id:r.id,revision:r.revision,code:t,locale:n,audience:wt.Shopper,text:{title:o.title,body:o.body,steps:jn(o.steps)}})).editCatalogText;_(`Saved in draft ${i.id}, revision ${i.revision}.`),e.onSaved()}catch(e){h(e)}}},w=e=>x[e]?L(`span`,{class:`field-error`,id:`cat-${e}-err`,children:x[e].join(`; `)}):null,ee=u!==null&&Object.keys(x).length===0;return L(`section`,{class:`panel`,"aria-labelledby":`editor-h`,children:[L(`h2`,{id:`editor-h`,children:[Y(t),`, `,n]}),L(`h3`,{children:`Now, at checkout`}),a.error!==null&&L(z,{error:a.error,title:`Could not render the current pop-up`}),S?L(nn,{message:S}):a.loading&&L(V,{label:`Rendering…`}),r?L(`form`,{class:`stack`,onSubmit:C,"aria-label":`Edit the shopper text`,children:[L(`h3`,{children:[`Shopper text in draft `,r.id]}),L(`p`,{class:`muted`,children:[`The fields hold the draft’s text as written. Placeholders: `,`{merchant} {amount} {score} {bureau} {scoreRange} {scoreDate}`,`.`]}),L(`label`,{children:[`Title`,L(`input`,{name:`title`,value:o.title,onInput:b(`title`),"aria-invalid":x.title?`true`:void 0,"aria-describedby":x.title?`cat-title-err`:void 0}),w(`title`)]}),L(`label`,{children:[`Body`,L(`textarea`,{name:`body`,rows:4,value:o.body,onInput:b(`body`),"aria-invalid":x.body?`true`:void 0,"aria-describedby":x.body?`cat-body-err`:void 0}),w(`body`)]}),L(`label`,{children:[`Steps (one per line)`,L(`textarea`,{name:`steps`,rows:3,value:o.steps,onInput:b(`steps`),"aria-invalid":x.steps?`true`:void 0,"aria-describedby":x.steps?`cat-steps-err`:void 0}),w(`steps`)]}),L(`div`,{class:`toolbar`,children:[L(`button`,{type:`submit`,disabled:v,children:`Save text`}),g&&L(`span`,{role:`status`,class:`muted`,children:g})]}),m!==null&&Object.keys(Mn(m)).length===0&&L(z,{error:m,title:m instanceof P&&m.code===`CONFLICT`?`Conflict: the draft changed since it was loaded; reload it`:`Not saved`}),L(`h3`,{children:[`Preview `,f&&L(`span`,{class:`muted`,children:`(updating…)`})]}),ee&&L(z,{error:u,title:`The preview failed`}),v?L(`p`,{class:`muted`,children:`Type a text to preview it.`}):c&&L(`div`,{"aria-label":`Live preview`,role:`region`,class:f?`stale`:void 0,children:L(nn,{message:c})})]}):L(`p`,{class:`muted`,children:`Open or start a draft to edit this text.`})]})}function tr(){let[e,t]=M(null),n=H(Gn,e??{from:0,to:0},JSON.stringify(e),!e);return L(`section`,{class:`panel`,"aria-labelledby":`vdiff-h`,children:[L(`h2`,{id:`vdiff-h`,children:`Compare published versions`}),L(`form`,{class:`toolbar`,onSubmit:e=>{e.preventDefault();let n=new FormData(e.currentTarget);t({from:Number(n.get(`from`)),to:Number(n.get(`to`))})},children:[L(`label`,{children:[`From version`,L(`input`,{name:`from`,type:`number`,min:`1`,step:`1`,required:!0,size:5})]}),L(`label`,{children:[`To version`,L(`input`,{name:`to`,type:`number`,min:`1`,step:`1`,required:!0,size:5})]}),L(`button`,{type:`submit`,class:`secondary`,children:`Compare`})]}),n.error!==null&&L(z,{error:n.error,title:`Could not compare`}),n.loading&&L(V,{label:`Comparing…`}),n.data&&L(Qn,{changes:n.data.catalogDiff,label:`Differences between the versions`}),L(`p`,{class:`muted`,children:[`Decisions pin the catalog version they used; see a `,L(R,{href:`/decisions`,children:`decision`}),`.`]})]})}var nr=[`#1d4e89`,`#c2410c`,`#15803d`,`#7e22ce`,`#0e7490`,`#a16207`,`#be185d`,`#4b5563`];function Q(e){return Math.floor(Date.parse(e)/1e3)}function rr(e){let t=new Set;for(let n of e)for(let e of n.points)t.add(Q(e.bucketStart));let n=[...t].sort((e,t)=>e-t),r=new Map(n.map((e,t)=>[e,t])),i=e.map(e=>{let t=Array(n.length).fill(null);for(let n of e.points)n.rate!==null&&n.rate!==void 0&&n.assessed!==0&&(t[r.get(Q(n.bucketStart))]=n.rate*100);return t});return{labels:e.map(e=>e.label),xs:n,ys:i}}function ir(e,t){let n=0,r=e.length-1,i=-1;for(;n<=r;){let a=n+r>>1;e[a]<=t?(i=a,n=a+1):r=a-1}return i}function ar(e,t,n,r){return e.map(e=>({id:e.activation.id,x:Q(e.activation.activatedAt),market:e.activation.market,versionId:e.activation.versionId,version:e.version.version,activatedBy:Z(e.activation.activatedBy),author:Z(e.version.author),approver:Z(e.version.approver),emergency:e.activation.emergency,series:t.indexOf(e.activation.market)})).filter(e=>e.x>=n&&e.x<r).sort((e,t)=>e.x-t.x)}function or(e,t){let n=new Map;for(let r of e){let e=t.labels.indexOf(r.market);if(e<0)continue;let i=ir(t.xs,Q(r.bucketStart));if(i<0)continue;let a=`${e}:${i}`,o=n.get(a);o&&Math.abs(o.anomaly.zScore)>=Math.abs(r.zScore)||n.set(a,{anomaly:r,x:t.xs[i],y:t.ys[e][i],series:e})}return[...n.values()].sort((e,t)=>e.x-t.x||e.series-t.series)}var sr=60,cr=86400,lr=new Map;function ur(e,t){let n=lr.get(t);n||(n=new Intl.DateTimeFormat(`en-US`,{timeZone:t,hourCycle:`h23`,year:`numeric`,month:`numeric`,day:`numeric`,hour:`numeric`,minute:`numeric`}),lr.set(t,n));let r={};for(let t of n.formatToParts(new Date(e*1e3)))t.type!==`literal`&&(r[t.type]=Number(t.value));return{y:r.year,mo:r.month,d:r.day,h:r.hour%24,mi:r.minute}}function dr(e,t){if(t===`UTC`)return 0;let n=ur(e,t);return Date.UTC(n.y,n.mo-1,n.d,n.h,n.mi)/1e3-Math.floor(e/sr)*sr}var fr=e=>String(e).padStart(2,`0`);function pr(e,t=`UTC`){return e.length>0&&e.every(e=>(e+dr(e,t))%cr===0)?`day`:`minute`}function mr(e,t,n=`UTC`){let r=ur(e,n),i=`${r.y}-${fr(r.mo)}-${fr(r.d)}`;return t===`day`?i:`${i} ${fr(r.h)}:${fr(r.mi)} ${n}`}function hr(e,t,n=`UTC`){let r=``;return e.map(e=>{let i=ur(e,n),a=`${i.y}-${fr(i.mo)}-${fr(i.d)}`;if(t>=cr)return t>=28*cr&&i.d===1?`${i.y}-${fr(i.mo)}`:a;let o=`${fr(i.h)}:${fr(i.mi)}`,s=a===r?o:`${o}\n${a}`;return r=a,s})}function gr(e){return new Date(e*1e3).toISOString().replace(`.000Z`,`Z`)}function _r(e,t,n=`UTC`){if(t===`HOUR`)return e+3600;let r=e+(t===`WEEK`?7:1)*cr;return r+dr(e,n)-dr(r,n)}function vr(e,t,n,r){return{from:Math.max(e,r.from),to:Math.min(_r(e,t,n),r.to)}}function yr(e,t,n,r,i,a){let o=Math.max(Math.min(e,t),a.from),s=Math.min(Math.max(e,t),a.to);if(n.length===0||s<=o)return null;let c=Math.max(ir(n,o),0),l=ir(n,s);if(l<0)return null;let u={from:Math.max(n[c],a.from),to:Math.min(_r(n[Math.max(l,c)],r,i),a.to)};return u.to>u.from?u:null}function br(e,t){let n=new URLSearchParams(e);return n.has(`unzoom`)||n.set(`unzoom`,`${e.get(`from`)??``}~${e.get(`to`)??``}`),n.set(`from`,gr(t.from)),n.set(`to`,gr(t.to)),n}function xr(e){let t=new URLSearchParams(e),[n=``,r=``]=(e.get(`unzoom`)??``).split(`~`);t.delete(`unzoom`);for(let[e,i]of[[`from`,n],[`to`,r]])i?t.set(e,i):t.delete(e);return t}function Sr(e){let t=[];for(let n=0;n<e.length;n++)e[n]!=null&&e[n-1]==null&&e[n+1]==null&&t.push(n);return t}var Cr=[`ANALYST`,`APPROVER`],wr=[`APPROVER`],Tr={DE:`EUR`,GB:`GBP`,SE:`SEK`,US:`USD`};function Er(e){return Tr[e]??``}function Dr(e,t){if(e==null)return`–`;let n=Math.round(e).toLocaleString(`en-US`);return t?`${n} ${t}`:n}function Or(e,t){let n=(e/100).toLocaleString(`en-US`,{minimumFractionDigits:2,maximumFractionDigits:2});return t?`${n} ${t}`:n}function kr(e,t,n=1){return e==null||t==null||Math.abs(t-e)<.5*10**-(n+2)?``:`${(e*100).toFixed(n)}–${(t*100).toFixed(n)} %`}function Ar(e){return`observed only: ${e.inferred.toLocaleString(`en-US`)} declined as decided left out, too few mature outcomes to infer them`}function jr(e,t){let n=e.inferred>0;if(e.badRate===null||e.badRate===void 0){if(n&&!t&&e.mature>0)return{text:X(e.bad/e.mature,1),interval:``,inferred:!1,partial:Ar(e)};let r=`–`;return e.decisions===0?r=`none`:n&&!t?r=`not inferable`:e.mature===0&&e.immature>0&&(r=`all immature`),{text:r,interval:``,inferred:!1}}return{text:X(e.badRate,1),interval:n?kr(e.badRateLow,e.badRateHigh):``,inferred:n}}function Mr(e,t,n){let r=e.inferred>0;if(r&&!n)return e.mature===0?{text:`not inferable`,interval:``,inferred:!1}:{text:Dr(e.loss,t),interval:``,inferred:!1,partial:Ar(e)};let i=r&&e.lossHigh-e.lossLow>=.5?`${Dr(e.lossLow,``)}–${Dr(e.lossHigh,t)}`:``;return{text:Dr(e.loss,t),interval:i,inferred:r}}function Nr(e){return[[{key:`keptApproved`,title:`Kept approved`,meaning:`approved either way`,figures:e.keptApproved},{key:`swapOut`,title:`Swap-out`,meaning:`loss avoided`,figures:e.swapOut}],[{key:`swapIn`,title:`Swap-in`,meaning:`loss taken on`,figures:e.swapIn},{key:`keptDeclined`,title:`Kept declined`,meaning:`declined either way`,figures:e.keptDeclined}]]}function Pr(e){let t=new Map;for(let n of e)t.set(Fr(n.approvalRate*100),n);let n=[...t.keys()].sort((e,t)=>e-t),r=e=>e==null?null:Fr(e*100),i=n.map(e=>r(t.get(e).badRate));return{xs:n,bad:i,loss:n.map(e=>r(t.get(e).lossRate)),hasOutcomes:i.some(e=>e!==null)}}function Fr(e){return Math.round(e*1e6)/1e6}function Ir(e,t){return`${e}: cut-off ${t.cutoff.toLocaleString(`en-US`,{maximumFractionDigits:3})}, approval ${X(t.approvalRate,1)}, bad rate ${X(t.badRate,2)}, loss ${X(t.lossRate,2)} of volume`}function Lr(e){let t=e.vintage.slice(0,7);return e.group?`${t} ${e.group}`:t}function Rr(e,t){let n=e.filter(e=>e.approved>0).slice().sort((e,t)=>e.vintage.localeCompare(t.vintage)||(e.group??``).localeCompare(t.group??``)),r=-1;for(let e of n)for(let t of e.points)r=Math.max(r,t.monthsSinceDecision);let i=Array.from({length:r+1},(e,t)=>t),a=n.map(e=>{let n=Array(i.length).fill(null);for(let r of e.points)n[r.monthsSinceDecision]=Fr(r[t]*100);return n});return{labels:n.map(Lr),xs:i,ys:a}}function zr(e,t){let n=e.filter(e=>e.approved>0).slice().sort((e,t)=>e.vintage.localeCompare(t.vintage)||(e.group??``).localeCompare(t.group??``)),r=(e,t)=>{let n=new Date(e);return Math.floor(Date.UTC(n.getUTCFullYear(),n.getUTCMonth()+t,1)/1e3)},i=new Set;for(let e of n)for(let t of e.points)i.add(r(e.vintage,t.monthsSinceDecision));let a=[...i].sort((e,t)=>e-t),o=new Map(a.map((e,t)=>[e,t])),s=n.map(e=>{let n=Array(a.length).fill(null);for(let i of e.points)n[o.get(r(e.vintage,i.monthsSinceDecision))]=Fr(i[t]*100);return n});return{labels:n.map(Lr),xs:a,ys:s}}function Br(e,t){let n=[...new Set(e.map(e=>e.vintage))].sort((e,t)=>Q(e)-Q(t)),r=new Map;for(let e of t){let t=Q(e.activatedAt),i=n.find(e=>Q(e)>=t);r.set(e.id,i?i.slice(0,7):null)}return r}var Vr={CURRENT:0,PAID:0,LATE_1_29:1,LATE_30_59:2,LATE_60_89:3,LATE_90_PLUS:4,CHARGED_OFF:5,RECOVERED:5};function Hr(e){if(!e)return`none`;let t=Vr[e]??0;return t===0?`ok`:t>=5?`lost`:`late`}var Ur={CURRENT:`Current`,PAID:`Paid`,LATE_1_29:`1–29 days late`,LATE_30_59:`30–59 days late`,LATE_60_89:`60–89 days late`,LATE_90_PLUS:`90+ days late`,CHARGED_OFF:`Charged off`,RECOVERED:`Recovered`};function Wr(e){return Ur[e]??e}function Gr(e,t){let n=Date.parse(e),r=0;return t.slice().sort((e,t)=>Date.parse(e.observedAt)-Date.parse(t.observedAt)).map(e=>{let t=Vr[e.status]??0,i=t>r&&e.status!==`RECOVERED`;return r=Math.max(r,t),{...e,day:Math.floor((Date.parse(e.observedAt)-n)/864e5),worsened:i}})}var Kr=[`LATE_30_59`,`LATE_60_89`,`LATE_90_PLUS`,`CHARGED_OFF`];function qr(e,t){return`ever ${{LATE_30_59:`30+ days late`,LATE_60_89:`60+ days late`,LATE_90_PLUS:`90+ days late`,CHARGED_OFF:`charged off`}[e]??e}${e===`CHARGED_OFF`?``:` or worse`} within ${t} ${t===1?`month`:`months`}`}function Jr(e){if(!/^\d+$/.test(e.trim()))return`must be a whole number of months`;let t=Number(e);return t<1||t>24?`must be between 1 and 24`:``}var Yr=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),Xr=function(e){return`/`+e},Zr={},Qr=function(e){return e.pathname.endsWith(`.css`)},$r=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw e[t]=void 0,n});return e[t]=i,i},ei=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=Xr(t,n);let r=s(t),i=Qr(r);return $r(Zr,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}if((i?e.styles:e.all).has(r.href))return;let t=document.createElement(`link`);if(t.rel=i?`stylesheet`:Yr,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href,a&&t.setAttribute(`nonce`,a),document.head.appendChild(t),i)return new Promise((e,n)=>{let i=a=>{t.removeEventListener(`load`,i),t.removeEventListener(`error`,i),a.type===`error`?n(Error(`Unable to preload CSS for ${r}`)):e(a)};t.addEventListener(`load`,i),t.addEventListener(`error`,i)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})},ti=null,ni=null;function ri(){return ni??=ei(()=>import(`./Plot-wXgHP9-f.js`).then(e=>ti=e,e=>{throw ni=null,e}),__vite__mapDeps([0,1])),ni}function ii(e){let[t,n]=M(ti),[r,i]=M(null);return N(()=>{if(t)return;let e=!0;return ri().then(t=>e&&n(t),t=>e&&i(t)),()=>{e=!1}},[]),t?L(t.Plot,{...e}):L(`figure`,{class:`chart`,"aria-label":e.label,role:`group`,"aria-busy":r?void 0:`true`,children:r?L(z,{error:r,title:`Could not load the chart`}):L(V,{label:`Drawing the chart…`})})}K(`
  fragment RuleFields on ThresholdRule {
    measuredValue
    factor
    comparator
    cutoff
    enabled
    reasonCode
  }
`),K(`
  fragment ImpactFields on ThresholdImpact {
    available
    note
    from
    to
    decisions
    declineRateNow
    declineRateProposed
    approvedToDeclined
    declinedToApproved
    badDefinition
    approvalRateNow
    approvalRateProposed
    badRateNow
    badRateProposed
    badRateProposedLow
    badRateProposedHigh
    lossNow
    lossProposed
    lossRateNow
    lossRateProposed
    matureDecisions
  }
`);var ai=K(`
  query WhatIfStatus {
    whatIfStatus {
      loaded
      total
      ready
    }
  }
`);function oi({onReady:e}){let[t,n]=M(null),[r,i]=M(null);return N(()=>{let t=!1,r,a=new AbortController,o=async()=>{try{let s=(await F(ai,{},a.signal)).whatIfStatus;if(t)return;n(s),i(null),e?.(s.ready),s.ready||(r=setTimeout(o,1e3))}catch(e){if(t)return;i(e),r=setTimeout(o,3e3)}};return o(),()=>{t=!0,a.abort(),clearTimeout(r)}},[]),r?L(z,{error:r,title:`Could not read the what-if warm-up`}):!t||t.ready?null:L(`div`,{class:`notice`,children:L(V,{label:`What-if history warming up: ${t.loaded.toLocaleString(`en-US`)} of ${t.total.toLocaleString(`en-US`)} decisions loaded; figures cover only those until it finishes.`,value:t.loaded,max:Math.max(1,t.total)})})}function si({impact:e,title:t}){return e?e.available?L(`div`,{"aria-label":t,role:`group`,children:[L(`div`,{class:`cards`,children:[L($,{label:`Decline rate now`,value:X(e.declineRateNow,2)}),L($,{label:`Decline rate proposed`,value:X(e.declineRateProposed,2),note:Lt(e.declineRateNow,e.declineRateProposed)}),L($,{label:`Approved → declined`,value:e.approvedToDeclined.toLocaleString(`en-US`)}),L($,{label:`Declined → approved`,value:e.declinedToApproved.toLocaleString(`en-US`)})]}),L(`p`,{class:`muted`,children:[`Over `,e.decisions.toLocaleString(`en-US`),` decisions`,e.from&&e.to?`, ${q(e.from)} to ${q(e.to)}`:``,`.`]})]}):L(`p`,{class:`notice`,children:[`The what-if could not answer when this was submitted: `,e.note]}):L(`p`,{class:`muted`,children:`No stored impact (a version no draft published).`})}function $({label:e,value:t,note:n,testId:r}){return L(`div`,{class:`card`,"data-figure":r,children:[L(`div`,{class:`label`,children:e}),L(`div`,{class:`value`,children:t}),n&&L(`div`,{class:`muted`,children:n})]})}function ci({rules:e,label:t}){return L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":t,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Measured value`}),L(`th`,{children:`Factor`}),L(`th`,{class:`num`,children:`Rule`}),L(`th`,{children:`Enabled`}),L(`th`,{children:`Reason when failed`})]})}),L(`tbody`,{children:e.map(e=>L(`tr`,{children:[L(`td`,{children:Y(e.measuredValue)}),L(`td`,{children:Y(e.factor)}),L(`td`,{class:`num`,children:[e.comparator===`GTE`?`≥`:`≤`,` `,J(e.cutoff)]}),L(`td`,{children:e.enabled?`yes`:L(`span`,{class:`badge muted`,children:`off`})}),L(`td`,{children:Y(e.reasonCode)})]},e.measuredValue))})]})})}var li=K(`
  query ThresholdDiff($from: ThresholdSetRef!, $to: ThresholdSetRef!) {
    thresholdDiff(from: $from, to: $to) {
      measuredValue
      factor
      oldComparator
      newComparator
      oldCutoff
      newCutoff
      oldEnabled
      newEnabled
    }
  }
`);function ui({from:e,to:t,label:n}){let r=H(li,{from:e,to:t},JSON.stringify([e,t]));if(r.error)return L(z,{error:r.error,title:`Could not load the difference`});if(!r.data)return L(V,{label:`Comparing…`});let i=r.data.thresholdDiff;if(i.length===0)return L(`p`,{children:`No rule differs.`});let a=(e,t,n)=>`${e===`GTE`?`≥`:`≤`} ${J(t)}${n?``:` (off)`}`;return L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":n,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Measured value`}),L(`th`,{class:`num`,children:`Before`}),L(`th`,{class:`num`,children:`After`})]})}),L(`tbody`,{children:i.map(e=>L(`tr`,{children:[L(`td`,{children:[Y(e.measuredValue),` `,L(`span`,{class:`muted`,children:Y(e.factor)})]}),L(`td`,{class:`num diff-old`,children:a(e.oldComparator,e.oldCutoff,e.oldEnabled)}),L(`td`,{class:`num diff-new`,children:a(e.newComparator,e.newCutoff,e.newEnabled)})]},e.measuredValue))})]})})}K(`
  fragment FigureFields on OutcomeFigures {
    decisions
    volume
    mature
    immature
    bad
    inferred
    inferredBad
    badRate
    badRateLow
    badRateHigh
    loss
    lossLow
    lossHigh
    lossRate
  }
`),K(`
  fragment SweepPointFields on SensitivityPoint {
    cutoff
    declineRate
    approvalRate
    badRate
    lossRate
  }
`);function di({sim:e,currency:t}){let n=e.inference.available,r=e.outcomesNow,i=e.outcomesProposed,a=jr(r,n),o=jr(i,n),s=Mr(r,t,n),c=Mr(i,t,n),l=r.mature===0;return L(`div`,{role:`group`,"aria-label":`Outcomes now and proposed`,children:[L(`div`,{class:`cards`,children:[L($,{label:`Approval rate now`,value:X(e.approvalRateNow,2),testId:`approval-now`}),L($,{label:`Approval rate proposed`,value:X(e.approvalRateProposed,2),note:Lt(e.approvalRateNow,e.approvalRateProposed),testId:`approval-proposed`}),L($,{label:`Bad rate now`,value:a.text,note:a.partial??(a.interval?`inferred in part, 95 %: ${a.interval}`:void 0),testId:`bad-now`}),L($,{label:`Bad rate proposed`,value:o.text,note:[o.inferred?`inferred in part, 95 %: ${o.interval||o.text}`:o.partial??``,r.badRate!=null&&i.badRate!=null?Lt(r.badRate,i.badRate):``].filter(Boolean).join(`; `),testId:`bad-proposed`}),L($,{label:`Loss now`,value:s.text,note:`${X(r.lossRate,2)} of volume${s.interval?`; 95 %: ${s.interval}`:``}${s.partial?`; ${s.partial}`:``}`,testId:`loss-now`}),L($,{label:`Loss proposed`,value:c.text,note:`${X(i.lossRate,2)} of volume${c.interval?`; 95 %: ${c.interval}`:``}${c.partial?`; ${c.partial}`:``}`,testId:`loss-proposed`})]}),L(`p`,{class:`muted`,children:[`Bad: `,e.badDefinition.description,` (definition version `,e.badDefinition.version,`). Rates count mature approvals (`,r.mature.toLocaleString(`en-US`),` now) and, for purchases declined as decided, the inferred ones. Loss is written off net of recoveries, in `,t||`the market currency`,`.`]}),e.immatureShare!=null&&L(`p`,{"data-figure":`immature`,children:[L(`strong`,{children:X(e.immatureShare,1)}),` of the window's approvals are still immature (younger than `,e.badDefinition.windowMonths,` months) and left out of every rate.`]}),l&&L(`p`,{class:`notice`,children:`No approval in this window is mature yet: there is no observed bad rate or loss to compare.`}),!n&&L(`p`,{class:`notice`,"data-figure":`inference-unavailable`,children:[`Too few mature outcomes to infer how declined purchases would have repaid`,e.inference.note?` (${e.inference.note})`:``,`. Figures that need inference are left out: swap-ins and kept-declined have no bad rate.`]})]})}function fi({sim:e,currency:t}){let n=e.inference.available,r=Nr(e.swapSet),i=e=>{let r=e.figures,i=jr(r,n),a=Mr(r,t,n);return L(`td`,{"data-cell":e.key,class:i.inferred?`inferred`:void 0,title:e.meaning,children:[L(`div`,{children:L(`strong`,{children:e.title})}),L(`div`,{children:[r.decisions.toLocaleString(`en-US`),` decisions`]}),L(`div`,{children:[`bad `,L(`span`,{"data-value":`bad`,children:i.text}),i.inferred&&L(`span`,{class:`badge muted`,children:`inferred`})]}),i.interval&&L(`div`,{class:`muted`,children:[`95 %: `,i.interval]}),i.partial&&L(`div`,{class:`muted`,children:i.partial}),L(`div`,{children:[`loss `,L(`span`,{"data-value":`loss`,children:a.text})]}),a.interval&&L(`div`,{class:`muted`,children:[`95 %: `,a.interval]}),r.immature>0&&L(`div`,{class:`muted`,children:[r.immature.toLocaleString(`en-US`),` immature, left out`]})]})};return L(`div`,{class:`table-wrap`,children:[L(`table`,{class:`swapset`,"aria-label":`Swap-set: now against proposed`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{scope:`col`,children:L(`span`,{class:`visually-hidden`,children:`Now, and under the proposal`})}),L(`th`,{scope:`col`,children:`Proposed: approved`}),L(`th`,{scope:`col`,children:`Proposed: declined`})]})}),L(`tbody`,{children:[L(`tr`,{children:[L(`th`,{scope:`row`,children:`Approved now`}),i(r[0][0]),i(r[0][1])]}),L(`tr`,{children:[L(`th`,{scope:`row`,children:`Declined now`}),i(r[1][0]),i(r[1][1])]})]})]}),L(`p`,{class:`muted`,children:[`Swap-out: approved now, declined under the proposal (the loss avoided). Swap-in: declined now, approved under the proposal (the loss taken on). Inferred: purchases declined as decided never had the chance to repay; their bad rate comes from `,e.inference.method||`the reject-inference model`,e.inference.available?` fitted on ${e.inference.samples.toLocaleString(`en-US`)} mature approvals (${e.inference.bads.toLocaleString(`en-US`)} bad${e.inference.auc==null?``:`, AUC ${e.inference.auc.toFixed(3)}`})`:``,`, shown with a 95 % interval.`]})]})}var pi=e=>`${e.toFixed(1)} %`;function mi({curve:e,name:t}){let n=Pr(e.points);if(!n.hasOutcomes)return L(`p`,{class:`notice`,"data-figure":`frontier-none`,children:[`No frontier for `,t,`: no mature outcomes, so no bad rate along the sweep.`]});let r=e=>e==null?null:e*100,i=e.nowPoint,a=e.proposedPoint,o=[{x:i.approvalRate*100,y:r(i.badRate),color:`#1d4e89`,label:`now, bad rate`},{x:i.approvalRate*100,y:r(i.lossRate),color:`#1d4e89`,label:`now, loss rate`},{x:a.approvalRate*100,y:r(a.badRate),color:`#c2410c`,filled:!0,label:`proposed, bad rate`},{x:a.approvalRate*100,y:r(a.lossRate),color:`#c2410c`,filled:!0,label:`proposed, loss rate`}],s=Math.min(n.xs[0],i.approvalRate*100,a.approvalRate*100),c=Math.max(n.xs[n.xs.length-1],i.approvalRate*100,a.approvalRate*100);return L(`div`,{class:`frontier`,"data-rule":e.measuredValue,"data-proposed-x":(a.approvalRate*100).toFixed(2),children:[L(ii,{label:`Trade-off as the ${t} cut-off sweeps: bad rate and loss rate against approval rate, with the now (ring) and proposed (disc) points`,xs:n.xs,ys:[n.bad,n.loss],series:[{label:`bad rate %`,color:`#7e22ce`},{label:`loss % of volume`,color:`#15803d`,dashed:!0}],time:!1,xLabel:`approval rate %`,xFormat:pi,yLabel:`%`,yFormat:e=>e.toFixed(1),xRange:[s,c],dots:o,height:220}),L(`ul`,{class:`frontier-points`,children:[L(`li`,{"data-point":`now`,children:[L(`span`,{class:`swatch ring`}),` `,Ir(`Now`,i)]}),L(`li`,{"data-point":`proposed`,children:[L(`span`,{class:`swatch disc`}),` `,Ir(`Proposed`,a)]})]})]})}function hi({impact:e,currency:t}){if(e.approvalRateProposed==null&&e.badRateProposed==null&&e.lossProposed==null)return L(`p`,{class:`muted`,children:`No outcome figures were stored with this submission.`});let n=kr(e.badRateProposedLow,e.badRateProposedHigh);return L(`div`,{role:`group`,"aria-label":`Predicted outcomes`,children:[L(`div`,{class:`cards`,children:[L($,{label:`Approval rate now`,value:X(e.approvalRateNow,2)}),L($,{label:`Approval rate proposed`,value:X(e.approvalRateProposed,2),note:e.approvalRateNow!=null&&e.approvalRateProposed!=null?Lt(e.approvalRateNow,e.approvalRateProposed):void 0}),L($,{label:`Bad rate now`,value:X(e.badRateNow,1)}),L($,{label:`Predicted bad rate`,value:X(e.badRateProposed,1),note:n?`95 %: ${n}`:void 0,testId:`predicted-bad`}),L($,{label:`Loss now`,value:Dr(e.lossNow,t),note:`${X(e.lossRateNow,2)} of volume`}),L($,{label:`Predicted loss`,value:Dr(e.lossProposed,t),note:`${X(e.lossRateProposed,2)} of volume`,testId:`predicted-loss`})]}),L(`p`,{class:`muted`,children:[e.badDefinition?`Bad: ${e.badDefinition}. `:``,e.matureDecisions==null?``:`${e.matureDecisions.toLocaleString(`en-US`)} of the proposal's approvals had a mature, observed outcome.`]})]})}var gi=600,_i=40;function vi({decidedAt:e,repayment:t}){let n=Gr(e,t.events),r=Math.max(1,Math.floor((Date.parse(t.matureAt)-Date.parse(e))/864e5),...n.map(e=>e.day)),i=e=>10+Math.max(0,e)/r*580,a=Math.floor((Date.parse(t.matureAt)-Date.parse(e))/864e5),o=t.class===`BAD`?`declined`:t.class===`GOOD`?`approved`:`muted`;return L(`div`,{children:[L(`dl`,{class:`facts`,children:[L(`dt`,{children:`Status`}),L(`dd`,{children:t.status?L(`span`,{class:`badge tone-${Hr(t.status)}`,children:Wr(t.status)}):L(`span`,{class:`muted`,children:`no event yet`})}),L(`dt`,{children:`Class`}),L(`dd`,{children:[L(`span`,{class:`badge ${o}`,"data-class":t.class,children:Y(t.class)}),` `,L(`span`,{class:`muted`,children:t.class===`IMMATURE`?`until ${q(t.matureAt)}: neither good nor bad yet`:`mature since ${q(t.matureAt)}`})]}),L(`dt`,{children:`Outstanding`}),L(`dd`,{children:Or(t.outstandingMinor,t.currency)}),L(`dt`,{children:`Written off`}),L(`dd`,{children:Or(t.writtenOffMinor,t.currency)})]}),n.length===0?L(`p`,{children:`No repayment event has been recorded yet.`}):L(S,{children:[L(`svg`,{class:`timeline`,viewBox:`0 0 ${gi} ${_i}`,width:`100%`,role:`img`,"aria-label":`Repayment timeline: ${n.length} events over ${n[n.length-1].day} days; the table below lists them.`,children:[L(`line`,{class:`axis`,x1:10,x2:590,y1:18,y2:18}),a>=0&&L(`line`,{class:`mature`,x1:i(a),x2:i(a),y1:4,y2:32}),n.map(e=>L(`circle`,{class:`tone-${Hr(e.status)}`,cx:i(e.day),cy:18,r:e.worsened?6:4},e.eventId)),L(`text`,{x:10,y:39,children:`decided`}),a>=0&&L(`text`,{x:i(a),y:39,"text-anchor":i(a)>540?`end`:`middle`,children:`mature`})]}),L(`div`,{class:`table-wrap`,children:L(`table`,{class:`events`,"aria-label":`Repayment events`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Observed`}),L(`th`,{class:`num`,children:`Day`}),L(`th`,{children:`Status`}),L(`th`,{class:`num`,children:`Outstanding`}),L(`th`,{class:`num`,children:`Written off`})]})}),L(`tbody`,{children:n.map(e=>L(`tr`,{class:e.worsened&&Hr(e.status)!==`ok`?`failed`:void 0,children:[L(`td`,{class:`nowrap`,title:q(e.observedAt),children:e.observedAt.slice(0,10)}),L(`td`,{class:`num`,children:e.day}),L(`td`,{children:L(`span`,{class:`badge tone-${Hr(e.status)}`,children:Wr(e.status)})}),L(`td`,{class:`num`,children:Or(e.outstandingMinor,t.currency)}),L(`td`,{class:`num`,children:Or(e.writtenOffMinor,t.currency)})]},e.eventId))})]})})]})]})}function yi(e){return Array.isArray(e)?e.filter(e=>typeof e==`object`&&!!e&&typeof e.measuredValue==`string`&&typeof e.value==`number`&&typeof e.cutoff==`number`&&(e.comparator===`GTE`||e.comparator===`LTE`)&&typeof e.passed==`boolean`):[]}function bi(e,t){return e.map(e=>{let n=t.get(e.measuredValue);if(!n||n<=0){let t=Math.abs(e.value-e.cutoff);n=e.shortfall>0&&t>0?t/e.shortfall:Math.abs(e.cutoff)||1}let r=(e.comparator===`GTE`?e.value-e.cutoff:e.cutoff-e.value)/n;return{...e,margin:r,drawn:Math.max(-3,Math.min(3,r))}})}K(`
  fragment DecisionFull on Decision {
    id
    reference
    createdAt
    market
    currency
    amount
    shopperId
    locale
    channel
    outcome
    kind
    reviewer
    reviewReason
    merchant {
      id
      name
      category
    }
    reasons {
      rank
      code
      measuredValue
      factor
    }
    breakdown
    thresholdVersion {
      id
      market
      version
    }
    catalogVersionId
    message {
      locale
      title
      body
      steps
    }
    repayment {
      status
      outstandingMinor
      writtenOffMinor
      currency
      class
      matureAt
      events {
        eventId
        observedAt
        status
        outstandingMinor
        writtenOffMinor
        recordedAt
      }
    }
  }
`);function xi({d:e,user:t,pinned:n,pinnedNote:r,aside:i}){let a=new Map((n?.rules??[]).map(e=>[e.measuredValue,e.scale])),o=bi(yi(e.breakdown),a),s=Si(t)?L(R,{href:`/thresholds/versions/${e.thresholdVersion.id}`,children:[e.thresholdVersion.market,` version `,e.thresholdVersion.version]}):L(S,{children:[e.thresholdVersion.market,` version `,e.thresholdVersion.version]});return L(`div`,{class:`grid2`,children:[L(`div`,{children:[L(`section`,{class:`panel`,"aria-labelledby":`facts-h`,children:[L(`h2`,{id:`facts-h`,children:`Facts`}),L(`dl`,{class:`facts`,children:[L(`dt`,{children:`Outcome`}),L(`dd`,{children:[L(`span`,{class:`badge ${e.outcome===Ot.Approved?`approved`:`declined`}`,children:Y(e.outcome)}),e.kind===Et.ManualReview&&L(S,{children:[` `,L(`span`,{class:`badge info`,children:`manual review`})]})]}),e.kind===Et.ManualReview&&L(S,{children:[L(`dt`,{children:`Reviewer`}),L(`dd`,{children:Z(e.reviewer)}),L(`dt`,{children:`Reviewer's reason`}),L(`dd`,{children:e.reviewReason})]}),L(`dt`,{children:`Time`}),L(`dd`,{children:q(e.createdAt)}),L(`dt`,{children:`Amount`}),L(`dd`,{children:Pt(e.amount,e.currency)}),L(`dt`,{children:`Market`}),L(`dd`,{children:e.market}),L(`dt`,{children:`Merchant`}),L(`dd`,{children:[e.merchant.name,` (`,e.merchant.category,`, `,L(`code`,{children:e.merchant.id}),`)`]}),L(`dt`,{children:`Shopper`}),L(`dd`,{children:[L(`code`,{children:e.shopperId}),`, locale `,e.locale,`, `,e.channel]}),L(`dt`,{children:`Threshold set`}),L(`dd`,{children:[s,n&&L(`span`,{class:`muted`,children:[` `,`by `,n.author,`, approved by `,n.approver,`, `,q(n.createdAt)]})]}),L(`dt`,{children:`Reason catalog`}),L(`dd`,{children:[`version id `,e.catalogVersionId]})]})]}),L(`section`,{class:`panel`,"aria-labelledby":`chart-h`,children:[L(`h2`,{id:`chart-h`,children:`Factor breakdown`}),r,e.kind===Et.ManualReview&&L(`p`,{class:`muted`,children:`The factor values of the decision this one overturned: a reviewer approved the purchase although the rules in red failed.`}),L(Ai,{bars:o}),L(ji,{bars:o})]})]}),L(`div`,{children:[i,L(`section`,{class:`panel`,"aria-labelledby":`reasons-h`,children:[L(`h2`,{id:`reasons-h`,children:`Principal reasons`}),e.reasons.length===0?L(`p`,{children:e.kind===Et.ManualReview?`None: a reviewer approved the purchase.`:`None: the purchase was approved.`}):L(`ol`,{children:e.reasons.map(e=>L(`li`,{children:[L(`strong`,{children:Y(e.code)}),` `,L(`span`,{class:`muted`,children:[`(`,Y(e.factor),`, `,Y(e.measuredValue),`)`]})]},e.rank))})]}),L(`section`,{class:`panel`,"aria-labelledby":`msg-h`,children:[L(`h2`,{id:`msg-h`,children:`What the shopper saw`}),e.message?L(nn,{message:e.message}):L(`p`,{children:`No pop-up: the purchase was approved.`})]}),e.outcome===Ot.Approved&&ct(t.roles)&&L(`section`,{class:`panel`,"aria-labelledby":`repay-h`,children:[L(`h2`,{id:`repay-h`,children:`Repayment`}),e.repayment?L(vi,{decidedAt:e.createdAt,repayment:e.repayment}):L(`p`,{children:`No repayment history has been recorded for this purchase.`})]})]})]})}function Si(e){return ht(e)}var Ci=K(`
  query PinnedThresholds($id: ID!) {
    thresholdVersion(id: $id) {
      id
      author
      approver
      createdAt
      rules {
        measuredValue
        scale
      }
    }
  }
`);function wi(e,t){let n=e&&Si(t)?e.thresholdVersion.id:``;return H(Ci,{id:n},n,!n)}function Ti({pinned:e,user:t}){return e.error===null?Si(t)?null:L(`p`,{class:`muted`,children:`Bar lengths use scales estimated from the breakdown: the threshold set itself is for analysts.`}):L(z,{error:e.error,title:`Could not load the pinned thresholds; bars use estimated scales`})}var Ei=26,Di=230,Oi=420,ki=670;function Ai({bars:e}){let t=Oi/2/3,n=e.length*Ei+30,r=e.filter(e=>e.enabled&&!e.passed).length;return L(`figure`,{children:[L(`svg`,{class:`factor-chart`,viewBox:`0 0 ${ki} ${n}`,width:`100%`,role:`img`,"aria-label":`Factor breakdown: ${e.length} rules, ${r} failed. The table below has the values.`,children:[e.map((e,n)=>{let r=n*Ei,i=e.drawn>=0?440:440+e.drawn*t,a=Math.max(2,Math.abs(e.drawn)*t),o=e.enabled?e.passed?`pass`:`fail`:`off`;return L(`g`,{"data-rule":e.measuredValue,"data-result":o,children:[o===`fail`&&L(`rect`,{class:`row-failed`,x:0,y:r,width:ki,height:Ei}),L(`text`,{x:222,y:r+Ei/2+4,"text-anchor":`end`,children:Y(e.measuredValue)}),L(`rect`,{class:`bar ${o}`,x:i,y:r+6,width:a,height:14,rx:2})]},e.measuredValue)}),L(`line`,{class:`axis`,x1:440,x2:440,y1:0,y2:e.length*Ei}),L(`text`,{x:440,y:e.length*Ei+16,"text-anchor":`middle`,children:`cut-off`}),L(`text`,{x:Di,y:e.length*Ei+16,children:`← fails`}),L(`text`,{x:650,y:e.length*Ei+16,"text-anchor":`end`,children:`passes →`})]}),L(`figcaption`,{class:`legend`,children:[L(`span`,{children:[L(`span`,{class:`swatch pass`}),`passed`]}),L(`span`,{children:[L(`span`,{class:`swatch fail`}),`failed`]}),L(`span`,{children:[L(`span`,{class:`swatch off`}),`rule disabled`]}),L(`span`,{children:[`bar length: distance from the cut-off in the rule's scale, up to `,3]})]})]})}function ji({bars:e}){return L(`details`,{children:[L(`summary`,{children:`Values and cut-offs`}),L(`table`,{"aria-label":`Factor values and cut-offs`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Measured value`}),L(`th`,{children:`Factor`}),L(`th`,{class:`num`,children:`Value`}),L(`th`,{class:`num`,children:`Cut-off`}),L(`th`,{children:`Result`})]})}),L(`tbody`,{children:e.map(e=>L(`tr`,{class:e.enabled&&!e.passed?`failed`:void 0,children:[L(`td`,{children:Y(e.measuredValue)}),L(`td`,{children:Y(e.factor)}),L(`td`,{class:`num`,children:J(e.value)}),L(`td`,{class:`num`,children:[e.comparator===`GTE`?`≥`:`≤`,` `,J(e.cutoff)]}),L(`td`,{children:e.enabled?e.passed?L(`span`,{class:`badge pass`,children:`passed`}):L(`span`,{class:`badge fail`,children:[`failed: `,Y(e.reasonCode)]}):L(`span`,{class:`badge muted`,children:`disabled`})})]},e.measuredValue))})]})]})}var Mi=K(`
  query DecisionDetail($id: ID!) {
    decision(id: $id) {
      ...DecisionFull
      overturns {
        id
        reference
      }
      overturnedBy {
        id
        reference
      }
      reviewCases {
        id
        status
        requestedAt
        dueAt
        overdue
        outcome
        decidedAt
      }
    }
  }
`);function Ni({params:e,user:t}){let n=H(Mi,{id:e.id},e.id),r=n.data?.decision,i=wi(r,t);return n.error?L(z,{error:n.error,title:`Could not load the decision`}):n.loading?L(V,{label:`Loading the decision…`}):r?L(S,{children:[L(U,{title:`Decision ${r.reference}`,children:L(R,{href:`/decisions`,children:`← All decisions`})}),L(xi,{d:r,user:t,pinned:i.data?.thresholdVersion,pinnedNote:L(Ti,{pinned:i,user:t}),aside:L(Pi,{d:r})})]}):L(S,{children:[L(U,{title:`Decision not found`}),L(`p`,{children:[`No decision has the id `,L(`code`,{children:e.id}),`. `,L(R,{href:`/decisions`,children:`Back to the decisions`})]})]})}function Pi({d:e}){return e.reviewCases.length===0&&!e.overturns&&!e.overturnedBy?null:L(`section`,{class:`panel`,"aria-labelledby":`linked-h`,children:[L(`h2`,{id:`linked-h`,children:`Human review`}),L(`ul`,{class:`linked`,children:[e.reviewCases.map(e=>L(`li`,{children:[L(R,{href:`/reviews/${e.id}`,children:[`Review case `,e.id]}),` `,L(`span`,{class:vn(e.status),children:Y(e.status)}),e.overdue&&L(S,{children:[` `,L(`span`,{class:`badge overdue`,children:`overdue`})]}),` `,L(`span`,{class:`muted`,children:[`requested `,q(e.requestedAt),`, `,e.decidedAt?`decided ${q(e.decidedAt)}`:`due ${q(e.dueAt)}`]})]},e.id)),e.overturnedBy&&L(`li`,{children:[`Overturned by the manual review decision `,L(R,{href:`/decisions/${e.overturnedBy.id}`,children:e.overturnedBy.reference})]}),e.overturns&&L(`li`,{children:[`Overturns the automated decision `,L(R,{href:`/decisions/${e.overturns.id}`,children:e.overturns.reference})]})]})]})}var Fi=[{name:`from`,kind:`time`},{name:`to`,kind:`time`},{name:`market`,kind:`text`},{name:`outcome`,kind:`text`,values:Object.values(Ot)},{name:`reason`,kind:`text`,values:Object.values(kt)},{name:`merchantId`,kind:`text`},{name:`merchantCategory`,kind:`text`},{name:`minAmount`,kind:`number`},{name:`maxAmount`,kind:`number`},{name:`thresholdVersionId`,kind:`id`}];function Ii(e){let{filter:t,errors:n}=an(Fi,e);return{filter:t,errors:n,order:e.get(`order`)===Dt.OldestFirst?Dt.OldestFirst:Dt.NewestFirst,after:e.get(`after`)||null}}function Li(e,t,n){let r=on(Fi,e);t!==Dt.NewestFirst&&r.set(`order`,t),n&&r.set(`after`,n);let i=r.toString();return i?`/decisions?${i}`:`/decisions`}function Ri(e){let t=on(Fi,e).toString();return t?`/export/decisions.csv?${t}`:`/export/decisions.csv`}var zi=class{inQuotes=!1;lineOpen=!1;complete=0;push(e){for(let t=0;t<e.length;t++){let n=e.charCodeAt(t);n===34?(this.inQuotes=!this.inQuotes,this.lineOpen=!0):n===10&&!this.inQuotes?(this.complete++,this.lineOpen=!1):n!==13&&(this.lineOpen=!0)}}get records(){return this.complete+ +!!this.lineOpen}};function Bi(e,t){let n=e?.match(/filename="([^"]+)"/);return n?n[1]:t}async function Vi(e,t,n){let r;try{r=await fetch(e,{credentials:`same-origin`,headers:{Accept:`text/csv`},signal:n})}catch(e){throw e.name===`AbortError`?e:new P(`could not reach the server: ${e.message}`,Re,0)}if(!r.ok||!r.body){let e=await r.json().catch(()=>null);He(Ve(r.status,r.headers,e)??new P(`the export has no body`,`ERROR`,r.status))}let i=r.body.getReader(),a=new TextDecoder,o=new zi,s=[],c=0;for(;;){let{done:e,value:n}=await i.read();if(e)break;s.push(n),c+=n.byteLength,o.push(a.decode(n,{stream:!0})),t({bytes:c,rows:Math.max(0,o.records-1)})}o.push(a.decode());let l=Math.max(0,o.records-1);return t({bytes:c,rows:l}),{blob:new Blob(s,{type:`text/csv`}),filename:Bi(r.headers.get(`Content-Disposition`),`export.csv`),bytes:c,rows:l}}function Hi(e,t){let n=URL.createObjectURL(e),r=document.createElement(`a`);r.href=n,r.download=t,document.body.append(r),r.click(),r.remove(),setTimeout(()=>URL.revokeObjectURL(n),1e4)}var Ui=K(`
  query Decisions($filter: DecisionFilter, $first: Int!, $after: String, $orderBy: DecisionOrder!) {
    decisions(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      nodes {
        id
        reference
        createdAt
        market
        currency
        amount
        outcome
        kind
        merchant {
          name
          category
        }
        reasons {
          rank
          code
        }
        thresholdVersion {
          id
          version
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),Wi=50;function Gi({query:e}){let t=Ii(e),n=e.toString(),r=H(Ui,{filter:t.filter,first:Wi,after:t.after,orderBy:t.order},n),[i,a]=M([]),o=e=>{e.preventDefault(),a([]),I(Li(ln(Fi,e.currentTarget),t.order))},s=()=>{a([]),I(Li(t.filter,t.order===Dt.NewestFirst?Dt.OldestFirst:Dt.NewestFirst))},c=e=>{a([...i,t.after]),I(Li(t.filter,t.order,e))},l=()=>{let e=i.slice(0,-1);a(e),I(Li(t.filter,t.order,i[i.length-1]??null))},u=t.filter,d=r.data?.decisions,f=t.order===Dt.NewestFirst;return L(S,{children:[L(U,{title:`Decisions`,children:L(Ki,{url:Ri(t.filter)})}),L(`form`,{class:`filters`,onSubmit:o,"aria-label":`Filter decisions`,children:[L(`label`,{children:[`From (UTC)`,L(`input`,{type:`datetime-local`,name:`from`,defaultValue:sn(u.from??void 0)}),L(et,{msg:t.errors.from})]}),L(`label`,{children:[`To (UTC, exclusive)`,L(`input`,{type:`datetime-local`,name:`to`,defaultValue:sn(u.to??void 0)}),L(et,{msg:t.errors.to})]}),L(`label`,{children:[`Market`,L(`input`,{name:`market`,list:`markets`,defaultValue:u.market??``,size:4}),L(`datalist`,{id:`markets`,children:Pn.map(e=>L(`option`,{value:e},e))})]}),L(`label`,{children:[`Outcome`,L(`select`,{name:`outcome`,defaultValue:u.outcome??``,children:[L(`option`,{value:``,children:`Any`}),Object.values(Ot).map(e=>L(`option`,{value:e,children:Y(e)},e))]}),L(et,{msg:t.errors.outcome})]}),L(`label`,{children:[`Reason`,L(`select`,{name:`reason`,defaultValue:u.reason??``,children:[L(`option`,{value:``,children:`Any`}),Object.values(kt).map(e=>L(`option`,{value:e,children:Y(e)},e))]}),L(et,{msg:t.errors.reason})]}),L(`label`,{children:[`Merchant id`,L(`input`,{name:`merchantId`,defaultValue:u.merchantId??``})]}),L(`label`,{children:[`Merchant category`,L(`input`,{name:`merchantCategory`,defaultValue:u.merchantCategory??``})]}),L(`label`,{children:[`Min amount`,L(`input`,{name:`minAmount`,type:`number`,min:`0`,step:`0.01`,defaultValue:u.minAmount?.toString()??``}),L(et,{msg:t.errors.minAmount})]}),L(`label`,{children:[`Max amount`,L(`input`,{name:`maxAmount`,type:`number`,min:`0`,step:`0.01`,defaultValue:u.maxAmount?.toString()??``}),L(et,{msg:t.errors.maxAmount})]}),L(`label`,{children:[`Threshold version id`,L(`input`,{name:`thresholdVersionId`,inputMode:`numeric`,defaultValue:u.thresholdVersionId??``}),L(et,{msg:t.errors.thresholdVersionId})]}),L(`div`,{class:`actions`,children:[L(`button`,{type:`submit`,children:`Apply filters`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>I(`/decisions`),children:`Clear`})]})]},n),r.error!==null&&L(z,{error:r.error,title:`Could not load decisions`}),r.loading&&L(V,{label:`Loading decisions…`}),d&&L(S,{children:[L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Decisions`,"aria-busy":r.loading,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{"aria-sort":f?`descending`:`ascending`,children:L(`button`,{type:`button`,class:`sort`,onClick:s,title:`Change the time order`,children:[`Time (UTC) `,f?`▼`:`▲`,L(`span`,{class:`visually-hidden`,children:f?`, newest first`:`, oldest first`})]})}),L(`th`,{children:`Reference`}),L(`th`,{children:`Market`}),L(`th`,{children:`Merchant`}),L(`th`,{class:`num`,children:`Amount`}),L(`th`,{children:`Outcome`}),L(`th`,{children:`Reasons`}),L(`th`,{children:`Thresholds`})]})}),L(`tbody`,{children:d.nodes.map(e=>L(`tr`,{children:[L(`td`,{children:q(e.createdAt)}),L(`td`,{children:L(R,{href:`/decisions/${e.id}`,children:e.reference})}),L(`td`,{children:e.market}),L(`td`,{children:[e.merchant.name,` `,L(`span`,{class:`muted`,children:e.merchant.category})]}),L(`td`,{class:`num`,children:Pt(e.amount,e.currency)}),L(`td`,{children:[L(`span`,{class:`badge ${e.outcome===Ot.Approved?`approved`:`declined`}`,children:Y(e.outcome)}),e.kind===Et.ManualReview&&L(S,{children:[` `,L(`span`,{class:`badge info`,children:`manual review`})]})]}),L(`td`,{children:e.reasons.map(e=>Y(e.code)).join(`; `)}),L(`td`,{children:[e.market,` v`,e.thresholdVersion.version]})]},e.id))})]})}),d.nodes.length===0&&L(`p`,{children:`No decision matches these filters.`}),L(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[L(`button`,{type:`button`,class:`secondary`,onClick:l,disabled:!t.after,children:i.length>0?`Previous page`:`First page`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>d.pageInfo.endCursor&&c(d.pageInfo.endCursor),disabled:!d.pageInfo.hasNextPage,children:`Next page`}),L(`span`,{class:`muted`,children:[It(d.nodes.length,`decision`),` on this page, `,f?`newest`:`oldest`,` first`]})]})]})]})}function Ki({url:e}){let[t,n]=M(null),[r,i]=M(null),[a,o]=M(null),s=ke(null);return L(`div`,{class:`export`,children:[t?L(`div`,{class:`toolbar`,children:[L(V,{label:`Exporting… ${Ft(t.bytes)}, ${It(t.rows,`row`)} received`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>s.current?.abort(),children:`Cancel export`})]}):L(`button`,{type:`button`,onClick:async()=>{let t=new AbortController;s.current=t,o(null),i(null),n({bytes:0,rows:0});try{let r=await Vi(e,n,t.signal);Hi(r.blob,r.filename),i(`Saved ${r.filename}: ${It(r.rows,`row`)}, ${Ft(r.bytes)}.`)}catch(e){t.signal.aborted||o(e)}finally{s.current=null,n(null)}},children:`Export CSV`}),r&&L(`p`,{class:`muted`,role:`status`,children:r}),a!==null&&L(z,{error:a,title:`Export failed`})]})}function qi({user:e,pages:t}){let n=t.find(t=>t.nav&&tt(e,t));return N(()=>{n&&I(n.path,{replace:!0})},[n]),n?null:L(S,{children:[L(U,{title:`No pages for your roles`}),L(`p`,{children:[`You are signed in as `,e.username,` with the roles `,e.roles.join(`, `)||`none`,`; none of the console's pages is open to them. Ask an administrator for the role you need.`]})]})}var Ji=K(`
  query Vintages($market: String!) {
    vintages(market: $market) {
      market
      from
      to
      badDefinition {
        version
        description
      }
      activations {
        id
        versionId
        activatedAt
        activatedBy
        emergency
      }
      series {
        vintage
        group
        approved
        volume
        points {
          monthsSinceDecision
          bad
          badRate
          loss
          lossRate
        }
      }
    }
  }
`);function Yi(e,t){let n=t<=1?1:e/(t-1);return`hsl(212, 70%, ${Math.round(78-n*50)}%)`}function Xi({market:e}){let[t,n]=M(e||Pn[0]),[r,i]=M(`badRate`),[a,o]=M(!1),s=H(Ji,{market:t},t),c=s.data?.vintages,l=c?a?zr(c.series,r):Rr(c.series,r):null,u=c?Br(c.series,c.activations):new Map,d=c&&a?c.activations.map(e=>({id:e.id,x:Math.floor(Date.parse(e.activatedAt)/1e3),label:`${c.market} activation ${q(e.activatedAt)}`,lines:[`${c.market} thresholds activated${e.emergency?` (emergency rollback)`:``}`,q(e.activatedAt),`by ${e.activatedBy}`]})):[],f=r===`badRate`?`bad rate`:`loss rate`,p=new Map;for(let[,e]of u)e&&p.set(e,`${e} ▲`);let m=l?l.labels.map(e=>p.get(e)??e):[];return L(`section`,{class:`panel`,"aria-labelledby":`vintages-h`,children:[L(`h2`,{id:`vintages-h`,children:`Vintage curves`}),L(`div`,{class:`filters compact`,role:`group`,"aria-label":`Vintage curve settings`,children:[L(`label`,{children:[`Vintages of market`,L(`select`,{name:`vintage-market`,value:t,onChange:e=>n(e.currentTarget.value),children:Pn.map(e=>L(`option`,{value:e,children:e},e))})]}),L(`label`,{children:[`Measure`,L(`select`,{name:`vintage-measure`,value:r,onChange:e=>i(e.currentTarget.value),children:[L(`option`,{value:`badRate`,children:`Bad rate`}),L(`option`,{value:`lossRate`,children:`Loss (share of volume)`})]})]}),L(`label`,{children:[`Horizontal axis`,L(`select`,{name:`vintage-axis`,value:a?`calendar`:`age`,onChange:e=>o(e.currentTarget.value===`calendar`),children:[L(`option`,{value:`age`,children:`Months since decision`}),L(`option`,{value:`calendar`,children:`Calendar month (activations marked)`})]})]})]}),s.error!==null&&L(z,{error:s.error,title:`Could not load the vintage curves`}),s.loading&&L(V,{label:`Loading vintage curves…`}),c&&l&&L(S,{children:[L(`p`,{class:`muted`,children:[c.market,`, vintages from `,q(c.from),` to `,q(c.to),`: the `,f,` of each month's approvals by the end of each month since the decision. Bad:`,` `,c.badDefinition.description,` (version `,c.badDefinition.version,`). `,c.activations.length,` threshold `,c.activations.length===1?`activation`:`activations`,a?` (● markers above the chart).`:` (▲ marks the first vintage decided under each; switch to calendar months to see them on the axis).`]}),l.xs.length===0?L(`p`,{children:`No approved vintages in this range.`}):L(ii,{label:`Vintage curves of ${c.market}: ${f} in percent by ${a?`calendar month`:`months since the decision`}, one line per vintage`,xs:l.xs,ys:l.ys,series:m.map((e,t)=>({label:e,color:Yi(t,m.length)})),time:a,xLabel:a?void 0:`months since decision`,xFormat:a?void 0:e=>String(e),yLabel:`${f} %`,yFormat:e=>e.toFixed(1),markers:d,height:280}),L(`details`,{children:[L(`summary`,{children:`Vintages and activations`}),L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Vintages`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Vintage`}),L(`th`,{class:`num`,children:`Approved`}),L(`th`,{class:`num`,children:`Volume`}),L(`th`,{class:`num`,children:`Months lived`}),L(`th`,{class:`num`,children:`Bad rate so far`}),L(`th`,{class:`num`,children:`Loss so far`})]})}),L(`tbody`,{children:c.series.map(e=>{let t=e.points.at(-1);return L(`tr`,{children:[L(`td`,{children:Lr(e)}),L(`td`,{class:`num`,children:e.approved.toLocaleString(`en-US`)}),L(`td`,{class:`num`,children:Dr(e.volume,Er(c.market))}),L(`td`,{class:`num`,children:e.points.length}),L(`td`,{class:`num`,children:t?`${(t.badRate*100).toFixed(2)} %`:`–`}),L(`td`,{class:`num`,children:t?Dr(t.loss,Er(c.market)):`–`})]},`${e.vintage}-${e.group??``}`)})})]})}),L(`table`,{"aria-label":`Activations against vintages`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Activated (UTC)`}),L(`th`,{children:`First vintage under it`}),L(`th`,{children:`Version`})]})}),L(`tbody`,{children:c.activations.map(e=>L(`tr`,{children:[L(`td`,{children:q(e.activatedAt)}),L(`td`,{children:u.get(e.id)??`none yet`}),L(`td`,{children:L(R,{href:`/thresholds/versions/${e.versionId}`,children:`open`})})]},e.id))})]})]})]})]})}var Zi=K(`
  query OverviewRates($filter: AnalyticsFilter!, $bucket: AnalyticsBucket!, $timeZone: String!, $market: String, $from: Time!, $to: Time!) {
    declineRates(filter: $filter, bucket: $bucket, groupBy: [MARKET], timeZone: $timeZone) {
      from
      to
      bucket
      timeZone
      omittedSeries
      source
      freshAsOf
      series {
        market
        assessed
        declined
        rate
        points {
          bucketStart
          assessed
          declined
          rate
        }
      }
    }
    thresholdActivations(market: $market, from: $from, to: $to) {
      activation {
        id
        market
        versionId
        activatedAt
        activatedBy
        emergency
      }
      version {
        id
        version
        author
        approver
      }
    }
  }
`),Qi=K(`
  query OverviewBreakdown($filter: AnalyticsFilter!) {
    reasonBreakdown(filter: $filter) {
      assessed
      declined
      source
      freshAsOf
      reasons {
        reason
        factor
        declined
        share
        rate
      }
    }
  }
`),$i=K(`
  query OverviewOverturnRates($filter: OverturnRateFilter!) {
    overturnRates(filter: $filter) {
      market
      reason
      decided
      overturned
      rate
    }
  }
`),ea=K(`
  query OverviewAnomalies($from: Time!, $to: Time!, $market: String, $bucket: AnalyticsBucket!, $threshold: Float!, $minVolume: Int!) {
    anomalies(from: $from, to: $to, market: $market, bucket: $bucket, threshold: $threshold, minVolume: $minVolume) {
      from
      to
      bucket
      omitted
      source
      freshAsOf
      anomalies {
        bucketStart
        market
        reason
        assessed
        declined
        rate
        baselineRate
        zScore
        excessDeclines
        mainReason
      }
    }
  }
`);function ta(e){let t=Pn.indexOf(e);return t>=0?nr[t]:void 0}var na=[`UTC`,`Europe/London`,`Europe/Berlin`,`Europe/Stockholm`,`America/New_York`,`America/Chicago`,`America/Los_Angeles`],ra=36e5;function ia(e,t){let n=Math.ceil(t/ra)*ra,r=e=>e&&!Number.isNaN(Date.parse(e))?new Date(e).toISOString().replace(`.000Z`,`Z`):null,i=e.get(`bucket`),a=(t,n)=>{let r=Number(e.get(t));return e.get(t)!==null&&Number.isFinite(r)&&r>0?r:n};return{from:r(e.get(`from`))??new Date(n-2160*ra).toISOString().replace(`.000Z`,`Z`),to:r(e.get(`to`))??new Date(n).toISOString().replace(`.000Z`,`Z`),bucket:i&&Object.values(St).includes(i)?i:St.Day,timeZone:e.get(`tz`)?.trim()||`UTC`,market:e.get(`market`)?.trim().toUpperCase()??``,threshold:a(`z`,4),minVolume:Math.round(a(`minVolume`,20))}}function aa({source:e,freshAsOf:t}){return L(`p`,{class:`source`,children:[`Source: `,e===Ct.Rollup?`hourly rollups`:`the decisions themselves`,t?`, complete up to ${q(t)}`:``,`.`]})}function oa({query:e,user:t}){let n=ia(e,Date.now()),r=n.market||null,i={from:n.from,to:n.to,market:r},a=JSON.stringify(n),o=H(Zi,{filter:i,bucket:n.bucket,timeZone:n.timeZone,market:r,from:n.from,to:n.to},a),s=o.loading&&!o.data,c=H(Qi,{filter:i},JSON.stringify(i),s),l=H($i,{filter:i},JSON.stringify(i)),u=n.bucket===St.Hour?St.Hour:St.Day,d=H(ea,{from:n.from,to:n.to,market:r,bucket:u,threshold:n.threshold,minVolume:n.minVolume},JSON.stringify([n.from,n.to,r,u,n.threshold,n.minVolume]),s),f=d.loading||!d.data&&d.error===null;N(()=>void ri().catch(()=>{}),[]);let p=e=>{e.preventDefault();let t=new FormData(e.currentTarget),n=new URLSearchParams;for(let e of[`from`,`to`]){let r=cn(String(t.get(e)??``));r&&n.set(e,r)}for(let e of[`bucket`,`tz`,`market`,`z`,`minVolume`]){let r=String(t.get(e)??``).trim();r&&n.set(e,r)}I(`/overview?${n.toString()}`)},m=o.data?.declineRates,h=m?rr(m.series.map(e=>({label:e.market??`(none)`,points:e.points}))):null,g=h&&o.data?ar(o.data.thresholdActivations,h.labels,Q(n.from),Q(n.to)):[],_=d.data?.anomalies.anomalies??[],v=h?or(_,h):[],y=g.map(e=>({id:e.id,x:e.x,color:e.series>=0?void 0:`#4b5563`,label:`${e.market} version ${e.version} activated ${q(new Date(e.x*1e3).toISOString())} by ${e.activatedBy}`,lines:[`${e.market} thresholds version ${e.version}${e.emergency?` (emergency rollback)`:``}`,`activated ${q(new Date(e.x*1e3).toISOString())}`,`by ${e.activatedBy}`,`written by ${e.author}, approved by ${e.approver}`]})),b=v.map(e=>({x:e.x,y:e.y,series:e.series,label:e.anomaly.market})),x=m?{from:Q(m.from),to:Q(m.to)}:null,C=e=>{if(!m||!h||!x)return;let t=vr(e.x,m.bucket,m.timeZone,x);I(sa({market:m.series[e.series]?.market??null,from:gr(t.from),to:gr(t.to),outcome:Ot.Declined}))},w=(t,n)=>{let r=h&&m&&x?yr(t,n,h.xs,m.bucket,m.timeZone,x):null;r&&I(`/overview?${br(e,r).toString()}`)},ee=e.has(`unzoom`);return L(S,{children:[L(U,{title:`Overview`}),L(`form`,{class:`filters`,onSubmit:p,"aria-label":`Range and buckets`,children:[L(`label`,{children:[`From (UTC)`,L(`input`,{type:`datetime-local`,name:`from`,defaultValue:sn(n.from)})]}),L(`label`,{children:[`To (UTC, exclusive)`,L(`input`,{type:`datetime-local`,name:`to`,defaultValue:sn(n.to)})]}),L(`label`,{children:[`Bucket`,L(`select`,{name:`bucket`,defaultValue:n.bucket,children:Object.values(St).map(e=>L(`option`,{value:e,children:Y(e)},e))})]}),L(`label`,{children:[`Time zone of the buckets`,L(`input`,{name:`tz`,list:`timezones`,defaultValue:n.timeZone}),L(`datalist`,{id:`timezones`,children:na.map(e=>L(`option`,{value:e},e))})]}),L(`label`,{children:[`Market`,L(`select`,{name:`market`,defaultValue:n.market,children:[L(`option`,{value:``,children:`All markets`}),Pn.map(e=>L(`option`,{value:e,children:e},e))]})]}),L(`label`,{children:[`Anomaly score at least (σ)`,L(`input`,{name:`z`,type:`number`,min:`0.5`,step:`0.5`,defaultValue:String(n.threshold)})]}),L(`label`,{children:[`Anomaly minimum decisions`,L(`input`,{name:`minVolume`,type:`number`,min:`1`,step:`1`,defaultValue:String(n.minVolume)})]}),L(`div`,{class:`actions`,children:[L(`button`,{type:`submit`,children:`Show`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>I(`/overview`),children:`Last 90 days`})]})]},a),L(`section`,{class:`panel`,"aria-labelledby":`rates-h`,children:[L(`h2`,{id:`rates-h`,children:`Decline rate by market`}),o.error!==null&&L(z,{error:o.error,title:`Could not load the decline rates`}),o.loading&&L(V,{label:`Loading decline rates…`}),m&&h&&L(S,{children:[L(`p`,{class:`muted`,children:[q(m.from),` to `,q(m.to),`, `,Y(m.bucket).toLowerCase(),` buckets in `,m.timeZone,`.`,` `,g.length,` threshold `,g.length===1?`activation`:`activations`,` (● markers above the chart; hover or focus one, press it to open the version),`,` `,f?`anomalous buckets still being scored`:d.data?`${v.length} anomalous ${v.length===1?`bucket`:`buckets`} (red rings)`:`anomalous buckets not known (they could not be scored)`,`.`,m.omittedSeries>0&&` ${m.omittedSeries} series left out.`]}),h.xs.length>0&&L(`p`,{class:`muted chart-help`,children:[`Click a point to list its declined decisions; drag across the chart to zoom in.`,` `,ee&&L(`button`,{type:`button`,class:`secondary`,onClick:()=>I(`/overview?${xr(e).toString()}`),children:`Reset zoom`})]}),h.xs.length===0?L(`p`,{children:`No decisions in this range.`}):L(ii,{label:`Decline rate in percent per ${Y(m.bucket).toLowerCase()}, one line per market`,xs:h.xs,ys:h.ys,series:h.labels.map(e=>({label:e,color:ta(e)})),yLabel:`decline rate %`,timeZone:m.timeZone,xRange:[Q(m.from),Q(m.to)],markers:y,rings:b,onMarker:e=>{let t=g.find(t=>t.id===e);t&&I(`/thresholds/versions/${t.versionId}`)},onPick:C,onZoom:w}),L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Decline rate per market over the range`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Market`}),L(`th`,{class:`num`,children:`Assessed`}),L(`th`,{class:`num`,children:`Declined`}),L(`th`,{class:`num`,children:`Decline rate`})]})}),L(`tbody`,{children:m.series.map(e=>L(`tr`,{children:[L(`td`,{children:e.market}),L(`td`,{class:`num`,children:e.assessed.toLocaleString(`en-US`)}),L(`td`,{class:`num`,children:L(R,{href:sa({market:e.market??null,from:n.from,to:n.to,outcome:Ot.Declined}),children:e.declined.toLocaleString(`en-US`)})}),L(`td`,{class:`num`,children:X(e.rate)})]},e.market))})]})}),L(aa,{source:m.source,freshAsOf:m.freshAsOf}),L(`h3`,{children:`Threshold activations in the range`}),g.length===0?L(`p`,{children:`None.`}):L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Threshold activations`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Time (UTC)`}),L(`th`,{children:`Market`}),L(`th`,{children:`Version`}),L(`th`,{children:`Activated by`}),L(`th`,{children:`Author / approver`})]})}),L(`tbody`,{children:g.map(e=>L(`tr`,{children:[L(`td`,{children:q(new Date(e.x*1e3).toISOString())}),L(`td`,{children:e.market}),L(`td`,{children:[L(R,{href:`/thresholds/versions/${e.versionId}`,children:[`version `,e.version]}),e.emergency&&L(`span`,{class:`badge declined`,children:` emergency`})]}),L(`td`,{children:e.activatedBy}),L(`td`,{children:[e.author,` / `,e.approver]})]},e.id))})]})})]})]}),ct(t.roles)&&L(Xi,{market:n.market},n.market),L(`div`,{class:`grid2`,children:[L(`div`,{children:[L(`section`,{class:`panel`,"aria-labelledby":`anomalies-h`,children:[L(`h2`,{id:`anomalies-h`,children:`Anomalies`}),L(`p`,{class:`muted`,children:[Y(u),` buckets (UTC) whose decline rate departs from the same `,u===St.Hour?`hour`:`day`,` of the week over the 4 weeks before by at least `,n.threshold,` σ, with at least `,n.minVolume,` decisions.`]}),d.error!==null&&L(z,{error:d.error,title:`Could not load the anomalies`}),f&&L(V,{label:`Scoring anomalies…`}),d.data&&L(S,{children:[_.length===0?L(`p`,{children:`No anomaly in this range.`}):L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Anomalies`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Bucket (UTC)`}),L(`th`,{children:`Market`}),L(`th`,{children:`What moved`}),L(`th`,{class:`num`,children:`Rate`}),L(`th`,{class:`num`,children:`Baseline`}),L(`th`,{class:`num`,children:`Score`}),L(`th`,{children:`Main reason`})]})}),L(`tbody`,{children:_.map(e=>L(la,{href:ca(e,u),children:[L(`td`,{children:L(R,{href:ca(e,u),children:q(e.bucketStart)})}),L(`td`,{children:e.market}),L(`td`,{children:e.reason?Y(e.reason):`decline rate`}),L(`td`,{class:`num`,children:[X(e.rate),` `,L(`span`,{class:`muted`,children:[`(`,e.declined,`/`,e.assessed,`)`]})]}),L(`td`,{class:`num`,children:X(e.baselineRate)}),L(`td`,{class:`num ${e.zScore>0?`up`:`down`}`,children:[e.zScore>0?`+`:``,e.zScore.toFixed(1),` σ`]}),L(`td`,{children:e.mainReason?Y(e.mainReason):`–`})]},`${e.bucketStart}-${e.market}-${e.reason??``}`))})]})}),d.data.anomalies.omitted>0&&L(`p`,{class:`muted`,children:[d.data.anomalies.omitted,` more left out.`]}),L(aa,{source:d.data.anomalies.source,freshAsOf:d.data.anomalies.freshAsOf})]})]}),L(ua,{state:l})]}),L(`section`,{class:`panel`,"aria-labelledby":`reasons-h`,children:[L(`h2`,{id:`reasons-h`,children:`Why purchases were declined`}),c.error!==null&&L(z,{error:c.error,title:`Could not load the reason breakdown`}),(c.loading||s)&&L(V,{label:`Loading the reason breakdown…`}),c.data&&L(S,{children:[L(`p`,{children:[c.data.reasonBreakdown.declined.toLocaleString(`en-US`),` of `,c.data.reasonBreakdown.assessed.toLocaleString(`en-US`),` purchases declined, by principal reason:`]}),L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Declines by principal reason`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Principal reason`}),L(`th`,{class:`num`,children:`Declines`}),L(`th`,{children:`Share of declines`}),L(`th`,{class:`num`,children:`Of all`})]})}),L(`tbody`,{children:c.data.reasonBreakdown.reasons.map(e=>L(la,{href:sa({reason:e.reason,market:r,from:n.from,to:n.to}),children:[L(`td`,{children:[L(R,{href:sa({reason:e.reason,market:r,from:n.from,to:n.to}),children:Y(e.reason)}),` `,L(`span`,{class:`muted`,children:Y(e.factor)})]}),L(`td`,{class:`num`,children:e.declined.toLocaleString(`en-US`)}),L(`td`,{children:[L(`meter`,{min:0,max:1,value:e.share,"aria-label":`${Y(e.reason)} share`}),` `,X(e.share)]}),L(`td`,{class:`num`,children:X(e.rate)})]},e.reason))})]})}),L(aa,{source:c.data.reasonBreakdown.source,freshAsOf:c.data.reasonBreakdown.freshAsOf})]})]})]})]})}function sa(e){return Li(Object.fromEntries(Object.entries(e).filter(([,e])=>e!=null)),Dt.NewestFirst)}function ca(e,t){let n=vr(Q(e.bucketStart),t,`UTC`,{from:-1/0,to:1/0});return sa({market:e.market,from:gr(n.from),to:gr(n.to),outcome:Ot.Declined,reason:e.reason??null})}function la({href:e,children:t}){return L(`tr`,{class:`row-link`,onClick:t=>{t.target.closest(`a, button, input, select`)||window.getSelection()?.toString()||I(e)},children:t})}function ua({state:e}){let t=e.data?.overturnRates??[];return L(`section`,{class:`panel`,"aria-labelledby":`overturns-h`,children:[L(`h2`,{id:`overturns-h`,children:`Human reviews overturned`}),e.error!==null&&L(z,{error:e.error,title:`Could not load the overturn rates`}),e.loading&&L(V,{label:`Loading the overturn rates…`}),e.data&&t.length===0&&L(`p`,{children:`No review was decided in this range.`}),t.length>0&&L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Overturn rates by market and principal reason`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Market`}),L(`th`,{children:`Principal reason`}),L(`th`,{class:`num`,children:`Decided`}),L(`th`,{class:`num`,children:`Overturned`}),L(`th`,{class:`num`,children:`Overturn rate`})]})}),L(`tbody`,{children:t.map(e=>L(`tr`,{children:[L(`td`,{children:e.market}),L(`td`,{children:Y(e.reason)}),L(`td`,{class:`num`,children:e.decided.toLocaleString(`en-US`)}),L(`td`,{class:`num`,children:e.overturned.toLocaleString(`en-US`)}),L(`td`,{class:`num`,children:X(e.rate)})]},`${e.market} ${e.reason}`))})]})}),L(`p`,{class:`source`,children:`Cases count by when they were decided; the reason is the reviewed decision’s first-ranked one.`})]})}var da=K(`
  query ReviewCasePage($id: ID!) {
    reviewCase(id: $id) {
      id
      status
      market
      statement
      locale
      requestedBy
      requestedAt
      dueAt
      overdue
      reviewer
      claimedAt
      outcome
      reason
      decidedAt
      secondReviewRequired
      secondReviewer
      secondReviewComment
      secondReviewedAt
      newDecision {
        id
        reference
      }
      notices {
        kind
        locale
        title
        body
        sentAt
      }
      decision {
        ...DecisionFull
      }
    }
  }
`),fa=K(`
  mutation ClaimReviewCase($id: ID!) {
    claimReviewCase(id: $id) {
      id
      status
    }
  }
`),pa=K(`
  mutation DecideReviewCase($id: ID!, $outcome: ReviewOutcome!, $reason: String!) {
    decideReviewCase(id: $id, outcome: $outcome, reason: $reason) {
      id
      status
    }
  }
`),ma=K(`
  mutation ApproveOverturn($id: ID!, $comment: String) {
    approveOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`),ha=K(`
  mutation RejectOverturn($id: ID!, $comment: String!) {
    rejectOverturn(id: $id, comment: $comment) {
      id
      status
    }
  }
`);function ga({params:e,user:t}){let n=H(da,{id:e.id},e.id),r=n.data?.reviewCase,i=wi(r?.decision,t);return n.error!==null&&!r?L(z,{error:n.error,title:`Could not load the review case`}):n.loading&&!r?L(V,{label:`Loading the review case…`}):r?L(S,{children:[L(U,{title:`Review case ${r.id}`,children:[L(`span`,{class:vn(r.status),"data-testid":`case-status`,children:Y(r.status)}),L(R,{href:`/reviews`,children:`← All reviews`})]}),L(`div`,{class:`grid2`,children:[L(`div`,{children:[L(_a,{c:r}),L(ya,{c:r,user:t,onChanged:n.reload})]}),L(`div`,{children:L(va,{c:r})})]}),L(`h2`,{children:[`The reviewed decision `,r.decision.reference]}),L(xi,{d:r.decision,user:t,pinned:i.data?.thresholdVersion,pinnedNote:L(Ti,{pinned:i,user:t})})]}):L(S,{children:[L(U,{title:`Review case not found`}),L(`p`,{children:[`No review case has the id `,L(`code`,{children:e.id}),`. `,L(R,{href:`/reviews`,children:`Back to the reviews`})]})]})}function _a({c:e}){return L(`section`,{class:`panel`,"aria-labelledby":`request-h`,children:[L(`h2`,{id:`request-h`,children:`The shopper's request`}),L(`dl`,{class:`facts`,children:[L(`dt`,{children:`Requested`}),L(`dd`,{children:[q(e.requestedAt),` `,L(`span`,{class:`muted`,children:[`through `,Z(e.requestedBy)]})]}),L(`dt`,{children:`Answer due`}),L(`dd`,{children:[q(e.dueAt),` `,e.overdue&&L(`span`,{class:`badge overdue`,children:`Overdue`}),` `,L(`span`,{class:`muted`,"data-testid":`case-due`,children:_n(e.dueAt,e.status,Date.now())})]}),L(`dt`,{children:`Market`}),L(`dd`,{children:e.market}),L(`dt`,{children:`Shopper's locale`}),L(`dd`,{children:e.locale})]}),L(`h3`,{children:`Their statement`}),L(`blockquote`,{class:`statement`,lang:e.locale,"aria-label":`The shopper's statement`,children:e.statement})]})}function va({c:e}){return L(`section`,{class:`panel`,"aria-labelledby":`notices-h`,children:[L(`h2`,{id:`notices-h`,children:`Notices sent to the shopper`}),e.notices.length===0?L(`p`,{children:`None yet.`}):L(`ol`,{class:`notices`,"aria-label":`Notices`,children:e.notices.map((e,t)=>L(`li`,{lang:e.locale,"data-notice":e.kind,children:[L(`strong`,{children:e.title}),` `,L(`span`,{class:`muted`,children:[Y(e.kind),`, `,e.locale,`, sent `,q(e.sentAt)]}),L(`p`,{children:e.body})]},t))})]})}function ya({c:e,user:t,onChanged:n}){let[r,i]=M(``),[a,o]=M(``),[s,c]=M(``),[l,u]=M(!1),[d,f]=M(null),p=yn(e,t),m=async(e,t)=>{u(!0),f(null);try{await e(),t()}catch(e){f(e)}finally{u(!1),n()}},h=()=>m(()=>F(fa,{id:e.id}),()=>{}),g=t=>{t.preventDefault(),r&&m(()=>F(pa,{id:e.id,outcome:r,reason:a}),()=>{i(``),o(``)})},_=t=>m(()=>t?F(ma,{id:e.id,comment:s.trim()||null}):F(ha,{id:e.id,comment:s}),()=>c(``));return L(`section`,{class:`panel`,"aria-labelledby":`review-h`,children:[L(`h2`,{id:`review-h`,children:`Review`}),L(`dl`,{class:`facts`,children:[L(`dt`,{children:`Status`}),L(`dd`,{children:L(`span`,{class:vn(e.status),children:Y(e.status)})}),L(`dt`,{children:`Reviewer`}),L(`dd`,{children:e.reviewer?`${Z(e.reviewer)}, claimed ${q(e.claimedAt)}`:`nobody yet`}),e.outcome&&L(S,{children:[L(`dt`,{children:`Outcome`}),L(`dd`,{"data-testid":`case-outcome`,children:[Y(e.outcome),e.decidedAt&&L(`span`,{class:`muted`,children:[` · `,q(e.decidedAt)]})]}),L(`dt`,{children:`Reason`}),L(`dd`,{children:e.reason})]}),L(`dt`,{children:`Second review`}),L(`dd`,{children:e.secondReviewRequired?`an overturn needs a second reviewer (the amount is above the market’s limit)`:`not needed for an overturn`}),e.secondReviewer&&e.status!==W.InReview&&L(S,{children:[L(`dt`,{children:`Second reviewer`}),L(`dd`,{children:[Z(e.secondReviewer),`, `,q(e.secondReviewedAt),e.secondReviewComment?`: “${e.secondReviewComment}”`:``]})]}),e.newDecision&&L(S,{children:[L(`dt`,{children:`New decision`}),L(`dd`,{children:[ht(t)?L(R,{href:`/decisions/${e.newDecision.id}`,children:e.newDecision.reference}):L(`code`,{children:e.newDecision.reference}),` `,L(`span`,{class:`muted`,children:`(manual review, approved)`})]})]})]}),p===`none`&&hn(e.status)&&!t.roles.includes(`REVIEWER`)&&L(`p`,{class:`muted`,children:`Only a reviewer works this case; you can read it.`}),p===`claim`&&L(`div`,{class:`toolbar`,children:[L(`button`,{type:`button`,onClick:h,disabled:l,children:`Claim this case`}),L(`span`,{class:`muted`,children:`You become its reviewer; nobody else can decide it.`})]}),p===`claimedByOther`&&L(`p`,{class:`notice`,children:[Z(e.reviewer),` has claimed this case: only they decide it.`]}),p===`decide`&&L(`form`,{class:`stack`,onSubmit:g,"aria-label":`Decide the review`,children:[L(`fieldset`,{children:[L(`legend`,{children:`Outcome`}),L(`label`,{class:`check`,children:[L(`input`,{type:`radio`,name:`outcome`,value:At.Uphold,checked:r===At.Uphold,onChange:()=>i(At.Uphold)}),`Uphold: the decline stands`]}),L(`label`,{class:`check`,children:[L(`input`,{type:`radio`,name:`outcome`,value:At.Overturn,checked:r===At.Overturn,onChange:()=>i(At.Overturn)}),`Overturn: approve the purchase with a new decision`,e.secondReviewRequired&&L(`span`,{class:`muted`,children:` (then a second reviewer must approve)`})]}),L(B,{error:d,field:`outcome`})]}),L(`label`,{children:[`Reason, told to the shopper (required)`,L(`textarea`,{name:`reason`,rows:4,value:a,onInput:e=>o(e.currentTarget.value),"aria-invalid":ba(d,`reason`)}),L(B,{error:d,field:`reason`})]}),L(`div`,{class:`toolbar`,children:L(`button`,{type:`submit`,disabled:l||!r,children:`Record the decision`})})]}),(p===`second`||p===`ownOverturn`)&&L(`div`,{class:`stack`,children:[L(`h3`,{children:`Second review of the overturn`}),p===`ownOverturn`&&L(`p`,{class:`notice`,"data-testid":`own-overturn`,children:`You overturned this case, so another reviewer must approve or reject the overturn (four eyes). The server refuses a second review by the reviewer who overturned it.`}),L(`label`,{children:[`Comment (required to reject)`,L(`textarea`,{name:`comment`,rows:3,value:s,disabled:p===`ownOverturn`,onInput:e=>c(e.currentTarget.value)}),L(B,{error:d,field:`comment`})]}),L(`div`,{class:`toolbar`,children:[L(`button`,{type:`button`,onClick:()=>_(!0),disabled:l||p===`ownOverturn`,children:`Approve the overturn`}),L(`button`,{type:`button`,class:`danger`,onClick:()=>_(!1),disabled:l||p===`ownOverturn`||s.trim()===``,children:`Reject the overturn`})]})]}),d!==null&&L(z,{error:d,title:`The step was not taken`}),e.status===W.InReview&&e.secondReviewer&&e.secondReviewComment&&L(`p`,{class:`notice`,children:[`The overturn was rejected by `,Z(e.secondReviewer),` on `,q(e.secondReviewedAt),`: “`,e.secondReviewComment,`” Its reviewer decides again.`]})]})}function ba(e,t){return e instanceof P&&e.fields.some(e=>e.field===t)?!0:void 0}var xa=K(`
  query ReviewQueue($filter: ReviewCaseFilter, $first: Int!, $after: String) {
    reviewCases(filter: $filter, first: $first, after: $after) {
      nodes {
        id
        status
        market
        requestedAt
        dueAt
        overdue
        reviewer
        decision {
          id
          reference
          amount
          currency
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`),Sa=50;function Ca({query:e,user:t}){let n=fn(e),r=e.toString(),i=H(xa,{filter:n.filter,first:Sa,after:n.after},r),[a,o]=M([]),s=Date.now(),c=e=>{e.preventDefault(),o([]),I(pn(ln(dn,e.currentTarget)))},l=e=>{o([...a,n.after]),I(pn(n.filter,e))},u=()=>{let e=a.slice(0,-1);o(e),I(pn(n.filter,a[a.length-1]??null))},d=n.filter,f=i.data?.reviewCases;return L(S,{children:[L(U,{title:`Reviews`,children:!t.roles.includes(`REVIEWER`)&&L(`span`,{class:`readonly-banner`,children:`Read-only: only reviewers work cases`})}),L(`form`,{class:`filters`,onSubmit:c,"aria-label":`Filter review cases`,children:[L(`label`,{children:[`Status`,L(`select`,{name:`status`,defaultValue:d.status??``,children:[L(`option`,{value:``,children:`Any`}),Object.values(W).map(e=>L(`option`,{value:e,children:Y(e)},e))]}),L(et,{msg:n.errors.status})]}),L(`label`,{children:[`Market`,L(`select`,{name:`market`,defaultValue:d.market??``,children:[L(`option`,{value:``,children:`Any`}),Pn.map(e=>L(`option`,{value:e,children:e},e))]})]}),L(`label`,{children:[`Due date`,L(`select`,{name:`overdue`,defaultValue:d.overdue===void 0||d.overdue===null?``:String(d.overdue),children:[L(`option`,{value:``,children:`Any`}),L(`option`,{value:`true`,children:`Overdue only`}),L(`option`,{value:`false`,children:`Not overdue`})]}),L(et,{msg:n.errors.overdue})]}),L(`div`,{class:`actions`,children:[L(`button`,{type:`submit`,children:`Apply filters`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>I(`/reviews`),children:`Clear`})]})]},r),i.error!==null&&L(z,{error:i.error,title:`Could not load the review cases`}),i.loading&&L(V,{label:`Loading review cases…`}),f&&L(S,{children:[L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Review cases`,"aria-busy":i.loading,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{"aria-sort":`ascending`,children:`Due (UTC) ▲`}),L(`th`,{children:`Time left`}),L(`th`,{children:`Case`}),L(`th`,{children:`Status`}),L(`th`,{children:`Market`}),L(`th`,{class:`num`,children:`Amount`}),L(`th`,{children:`Decision`}),L(`th`,{children:`Requested (UTC)`}),L(`th`,{children:`Reviewer`})]})}),L(`tbody`,{children:f.nodes.map(e=>L(`tr`,{"data-case":e.id,children:[L(`td`,{children:q(e.dueAt)}),L(`td`,{children:[e.overdue?L(`span`,{class:`badge overdue`,children:`Overdue`}):null,` `,L(`span`,{"data-cell":`due`,children:_n(e.dueAt,e.status,s)})]}),L(`td`,{children:L(R,{href:`/reviews/${e.id}`,children:[`Case `,e.id]})}),L(`td`,{children:L(`span`,{class:vn(e.status),children:Y(e.status)})}),L(`td`,{children:e.market}),L(`td`,{class:`num`,children:Pt(e.decision.amount,e.decision.currency)}),L(`td`,{children:ht(t)?L(R,{href:`/decisions/${e.decision.id}`,children:e.decision.reference}):L(`code`,{children:e.decision.reference})}),L(`td`,{children:q(e.requestedAt)}),L(`td`,{children:e.reviewer?Z(e.reviewer):L(`span`,{class:`muted`,children:`none yet`})})]},e.id))})]})}),f.nodes.length===0&&L(`p`,{children:`No review case matches these filters.`}),L(`nav`,{class:`toolbar`,"aria-label":`Pages`,children:[L(`button`,{type:`button`,class:`secondary`,onClick:u,disabled:!n.after,children:a.length>0?`Previous page`:`First page`}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>f.pageInfo.endCursor&&l(f.pageInfo.endCursor),disabled:!f.pageInfo.hasNextPage,children:`Next page`}),L(`span`,{class:`muted`,children:[It(f.nodes.length,`case`),` on this page, the soonest due first`]})]})]})]})}var wa=[{name:`BUREAU_SCORE`,field:`bureauScore`,kind:`score`,step:1,min:300,max:850,comparator:`GTE`,cutoff:580,enabled:!0,passing:850},{name:`MONTHLY_INCOME`,field:`monthlyIncome`,kind:`money`,step:1,min:0,max:1e7,comparator:`GTE`,cutoff:1e3,enabled:!0,passing:11e4},{name:`INCOME_VERIFIED`,field:`incomeVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!1,passing:1},{name:`EMPLOYMENT_MONTHS`,field:`employmentMonths`,kind:`months`,step:1,min:0,max:720,comparator:`GTE`,cutoff:6,enabled:!0,passing:126},{name:`RECENT_PLANS_30D`,field:`recentPlans30d`,kind:`count`,step:1,min:0,max:1e3,comparator:`LTE`,cutoff:5,enabled:!0,passing:0},{name:`DEBT_TO_INCOME`,field:`debtToIncome`,kind:`ratio`,step:.01,min:0,max:100,comparator:`LTE`,cutoff:.45,enabled:!0,passing:0},{name:`MONTHS_AT_ADDRESS`,field:`monthsAtAddress`,kind:`months`,step:1,min:0,max:1440,comparator:`GTE`,cutoff:3,enabled:!0,passing:63},{name:`ADDRESS_VERIFIED`,field:`addressVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!0,passing:1},{name:`IDENTITY_VERIFIED`,field:`identityVerified`,kind:`flag`,step:1,min:0,max:1,comparator:`GTE`,cutoff:1,enabled:!0,passing:1},{name:`AGE_YEARS`,field:`ageYears`,kind:`years`,step:1,min:0,max:130,comparator:`GTE`,cutoff:18,enabled:!0,passing:48},{name:`CREDIT_HISTORY_MONTHS`,field:`creditHistoryMonths`,kind:`months`,step:1,min:0,max:1440,comparator:`GTE`,cutoff:6,enabled:!0,passing:126},{name:`DELINQUENCIES_24M`,field:`delinquencies24m`,kind:`count`,step:1,min:0,max:1e3,comparator:`LTE`,cutoff:1,enabled:!0,passing:0},{name:`AFFORDABILITY_RATIO`,field:`affordabilityRatio`,kind:`ratio`,step:.01,min:0,max:1e3,comparator:`GTE`,cutoff:1.5,enabled:!0,passing:11.5},{name:`LIQUID_SAVINGS`,field:`liquidSavings`,kind:`money`,step:1,min:-1e7,max:1e8,comparator:`GTE`,cutoff:0,enabled:!1,passing:1e5},{name:`OUTSTANDING_CREDIT`,field:`outstandingCredit`,kind:`money`,step:1,min:0,max:1e8,comparator:`LTE`,cutoff:2500,enabled:!0,passing:0}],Ta=1e3,Ea=new Map(wa.map(e=>[e.name,e]));function Da(e){return Ea.get(e)?.kind===`flag`}function Oa(e){return Ea.get(e)?.step??1}function ka(e,t){let n=t<1?Math.round(-Math.log10(t)):0;return Number((Math.round(e/t)*t).toFixed(n))}function Aa(e,t,n){let r=Da(e)?1:Oa(e);if(Da(e))return{lo:0,hi:1,step:r};let i=t,a=t;return n.length>0&&(i=Math.min(i,n[0].cutoff),a=Math.max(a,n[n.length-1].cutoff)),i=Math.floor(i/r)*r,a=Math.ceil(a/r)*r,a-i<r&&(a=i+r),{lo:ka(i,r),hi:ka(a,r),step:r}}function ja(e,t){if(!Number.isFinite(e))return 0;let n=(e-t.lo)/(t.hi-t.lo)*Ta;return Math.round(Math.min(Ta,Math.max(0,n)))}function Ma(e,t){let n=Math.min(Ta,Math.max(0,e));return Math.min(t.hi,Math.max(t.lo,ka(t.lo+(t.hi-t.lo)*n/Ta,t.step)))}function Na(e,t){let n=e.trim().replace(/\s+/g,``).replace(`,`,`.`);if(n===``)return{ok:!1,error:`enter a cut-off`};if(!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n))return{ok:!1,error:`must be a number`};let r=Number(n);return Number.isFinite(r)?Da(t)&&r!==0&&r!==1?{ok:!1,error:`must be 0 or 1 (a yes/no check)`}:{ok:!0,value:r}:{ok:!1,error:`must be a finite number`}}function Pa(e){return e.map(e=>({measuredValue:e.measuredValue,comparator:e.comparator,cutoff:e.cutoff,enabled:e.enabled}))}function Fa(e,t){return e.filter((e,n)=>{let r=t[n];return!r||r.cutoff!==e.cutoff||r.enabled!==e.enabled||r.comparator!==e.comparator}).map(e=>e.measuredValue)}function Ia(e){return e.map(e=>`${e.measuredValue}:${e.comparator}:${e.cutoff}:${+!!e.enabled}`).join(`|`)}var La=K(`
  query ThresholdDraft($id: ID!) {
    thresholdDraft(id: $id) {
      id
      market
      baseVersionId
      status
      revision
      author
      rationale
      reviewer
      reviewComment
      publishedVersionId
      createdAt
      updatedAt
      submittedAt
      reviewedAt
      rules {
        ...RuleFields
      }
      impact {
        ...ImpactFields
      }
    }
  }
`),Ra=K(`
  mutation EditThresholdDraft($id: ID!, $revision: Int!, $rules: [ThresholdRuleInput!]!) {
    editThresholdDraft(id: $id, revision: $revision, rules: $rules) {
      id
      revision
      updatedAt
      rules {
        ...RuleFields
      }
    }
  }
`),za=K(`
  mutation SubmitThresholdDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitThresholdDraft(id: $id, revision: $revision, rationale: $rationale) {
      id
      status
    }
  }
`),Ba=K(`
  mutation ApproveThresholdDraft($id: ID!, $comment: String) {
    approveThresholdDraft(id: $id, comment: $comment) {
      id
      status
      publishedVersionId
    }
  }
`),Va=K(`
  mutation RejectThresholdDraft($id: ID!, $comment: String!) {
    rejectThresholdDraft(id: $id, comment: $comment) {
      id
      status
    }
  }
`),Ha=K(`
  query Simulate($market: String!, $proposal: [ThresholdRuleInput!]!) {
    simulate(market: $market, proposal: $proposal) {
      market
      from
      to
      baselineVersion {
        id
        version
      }
      assessed
      declinedNow
      declinedProposed
      declineRateNow
      declineRateProposed
      approvedToDeclined
      declinedToApproved
      reasons {
        code
        now
        proposed
      }
      days {
        day
        assessed
        declinedNow
        declinedProposed
      }
      sampleApprovedToDeclined {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      sampleDeclinedToApproved {
        decisionId
        createdAt
        merchantCategory
        amount
      }
      badDefinition {
        version
        description
        windowMonths
      }
      approvalRateNow
      approvalRateProposed
      outcomesNow {
        ...FigureFields
      }
      outcomesProposed {
        ...FigureFields
      }
      swapSet {
        keptApproved {
          ...FigureFields
        }
        swapOut {
          ...FigureFields
        }
        swapIn {
          ...FigureFields
        }
        keptDeclined {
          ...FigureFields
        }
      }
      immatureShare
      inference {
        available
        note
        method
        samples
        bads
        auc
      }
    }
  }
`),Ua=K(`
  query Sensitivity($market: String!, $measuredValue: MeasuredValue!, $proposal: [ThresholdRuleInput!]!, $points: Int!) {
    sensitivity(market: $market, measuredValue: $measuredValue, proposal: $proposal, points: $points) {
      measuredValue
      comparator
      assessed
      declineRateWithoutRule
      proposedCutoff
      proposedRate
      points {
        ...SweepPointFields
      }
      nowPoint {
        ...SweepPointFields
      }
      proposedPoint {
        ...SweepPointFields
      }
    }
  }
`),Wa=81;function Ga(e,t,n,r){return F(Ua,{market:e,measuredValue:t,proposal:n,points:Wa},r).then(e=>e.sensitivity)}function Ka({params:e,user:t}){let n=H(La,{id:e.id},e.id),r=n.data?.thresholdDraft;if(n.error)return L(z,{error:n.error,title:`Could not load the draft`});if(n.loading&&!r)return L(V,{label:`Loading the draft…`});if(!r)return L(S,{children:[L(U,{title:`Draft not found`}),L(`p`,{children:[`No threshold draft has the id `,L(`code`,{children:e.id}),`. `,L(R,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let i=t.roles.some(e=>_t.includes(e)),a=r.status===G.Draft&&i;return L(S,{children:[L(U,{title:`${r.market} thresholds: draft ${r.id}`,children:L(R,{href:`/thresholds?market=${r.market}`,children:[`← `,r.market,` thresholds`]})}),L(`p`,{children:[L(`span`,{class:`badge muted`,children:Y(r.status)}),` by `,Z(r.author),`, started `,q(r.createdAt),` from`,` `,L(R,{href:`/thresholds/versions/${r.baseVersionId}`,children:`the version it copies`}),r.submittedAt&&`, submitted ${q(r.submittedAt)}`,r.reviewer&&`, reviewed by ${Z(r.reviewer)} ${q(r.reviewedAt)}`,`.`]}),L(oi,{}),a?L(Xa,{draft:r,onSubmitted:n.reload}):L(qa,{draft:r,user:t,onReviewed:n.reload})]})}function qa({draft:e,user:t,onReviewed:n}){let[r,i]=M(``),[a,o]=M(!1),[s,c]=M(null),l=t.roles.some(e=>vt.includes(e)),u=un(e.author,t),d=async t=>{o(!0),c(null);try{t?await F(Ba,{id:e.id,comment:r.trim()||null}):await F(Va,{id:e.id,comment:r.trim()}),n()}catch(e){c(e)}finally{o(!1)}};return L(`div`,{class:`grid2`,children:[L(`div`,{children:[L(`section`,{class:`panel`,"aria-labelledby":`diff-h`,children:[L(`h2`,{id:`diff-h`,children:`Changes from the version it copies`}),L(ui,{from:{versionId:e.baseVersionId},to:{draftId:e.id},label:`Changed rules`})]}),L(`section`,{class:`panel`,"aria-labelledby":`rules-h`,children:[L(`h2`,{id:`rules-h`,children:`All rules`}),L(ci,{rules:e.rules,label:`Rules of the draft`})]})]}),L(`div`,{children:[e.status!==G.Draft&&L(`section`,{class:`panel`,"aria-labelledby":`impact-h`,children:[L(`h2`,{id:`impact-h`,children:`Impact simulated at submission`}),L(si,{impact:e.impact,title:`Stored impact`}),e.impact?.available&&L(S,{children:[L(`h3`,{children:`Predicted outcomes`}),L(hi,{impact:e.impact,currency:Er(e.market)})]}),L(`h3`,{children:`Rationale`}),L(`p`,{children:e.rationale})]}),e.status===G.Draft&&L(`p`,{class:`notice`,children:`This draft is still being edited by its author.`}),e.status===G.Submitted&&L(`section`,{class:`panel`,"aria-labelledby":`review-h`,children:[L(`h2`,{id:`review-h`,children:`Review`}),l?u?L(`p`,{class:`notice`,children:`You submitted this draft, so another approver must review it (maker-checker).`}):L(`div`,{class:`stack`,children:[L(`label`,{children:[`Comment (required to reject)`,L(`textarea`,{name:`comment`,rows:3,value:r,onInput:e=>i(e.currentTarget.value)}),L(B,{error:s,field:`comment`})]}),L(`div`,{class:`toolbar`,children:[L(`button`,{type:`button`,onClick:()=>d(!0),disabled:a,children:`Approve and publish`}),L(`button`,{type:`button`,class:`danger`,onClick:()=>d(!1),disabled:a||r.trim()===``,children:`Reject`})]})]}):L(`p`,{children:`An approver reviews this submission.`}),s!==null&&L(z,{error:s,title:`The review was not recorded`})]}),e.status===G.Approved&&e.publishedVersionId&&L(`section`,{class:`panel`,"aria-labelledby":`pub-h`,children:[L(`h2`,{id:`pub-h`,children:`Published`}),L(`p`,{children:[`Approved by `,Z(e.reviewer),e.reviewComment?`: “${e.reviewComment}”`:``,`.`,` `,L(R,{href:`/thresholds/versions/${e.publishedVersionId}`,children:`Open the published version`}),` to activate it.`]})]}),e.status===G.Rejected&&L(`section`,{class:`panel`,"aria-labelledby":`rej-h`,children:[L(`h2`,{id:`rej-h`,children:`Rejected`}),L(`p`,{children:[`Rejected by `,Z(e.reviewer),`: “`,e.reviewComment,`”`]})]})]})]})}function Ja(e){return e.map(e=>({...e}))}function Ya(e){let t=new Map;if(!(e instanceof P))return t;for(let n of e.fields){let e=/^rules\[(\d+)\]\.?(.*)$/.exec(n.field);e&&t.set(Number(e[1]),`${e[2]?e[2]+` `:``}${n.message}`)}return t}function Xa({draft:e,onSubmitted:t}){let n=e.market,[r,i]=M(()=>Ja(e.rules)),[a,o]=M(()=>({rules:Ja(e.rules),revision:e.revision})),[s,c]=M(()=>Object.fromEntries(e.rules.map(e=>[e.measuredValue,String(e.cutoff)]))),[l,u]=M({}),[d,f]=M({}),[p,m]=M({}),[h,g]=M(null),[_,v]=M(null),[y,b]=M(!0),[x,S]=M(null),[C,w]=M(!1),[ee,T]=M(``),[E,te]=M(``),ne=ke(null),D=Ia(r),O=Ae(()=>Pa(r),[D]),re=e=>{m(t=>({...t,[e.measuredValue]:e})),f(t=>t[e.measuredValue]?t:{...t,[e.measuredValue]:Aa(e.measuredValue,e.proposedCutoff,e.points)})},ie=Ae(()=>Nn((e,t)=>F(Ha,{market:n,proposal:e},t).then(e=>e.simulate),{onData:e=>{g(e),v(null)},onError:v,onPending:b},{interval:120}),[n]),ae=Ae(()=>Nn((e,t)=>Ga(n,e.mv,e.proposal,t),{onData:re,onError:v},{interval:120}),[n]);N(()=>()=>{ie.cancel(),ae.cancel()},[ie,ae]),N(()=>{ie.schedule(O),ne.current&&ae.schedule({mv:ne.current,proposal:O})},[D]);let k=ke(!0);N(()=>{let e=new AbortController,t=k.current?0:700;k.current=!1;let i=setTimeout(()=>{for(let t of r)t.measuredValue!==ne.current&&Ga(n,t.measuredValue,O,e.signal).then(re,t=>{e.signal.aborted||v(t)})},t);return()=>{clearTimeout(i),e.abort()}},[D]);let oe=(e,t,n)=>{ne.current=r[e].measuredValue,i(n=>n.map((n,r)=>r===e?{...n,cutoff:t}:n)),c(i=>({...i,[r[e].measuredValue]:n??String(t)})),u(t=>({...t,[r[e].measuredValue]:``}))},se=(e,t)=>{ne.current=r[e].measuredValue,i(n=>n.map((n,r)=>r===e?{...n,enabled:t}:n))},ce=(e,t)=>{let n=r[e].measuredValue,i=Na(t,n);i.ok?oe(e,i.value,t):(c(e=>({...e,[n]:t})),u(e=>({...e,[n]:i.error})))},le=new Set(Fa(r,a.rules)),ue=le.size>0,de=Object.values(l).some(e=>e),fe=Ya(x),pe=async()=>{w(!0),S(null),T(``);try{let t=(await F(Ra,{id:e.id,revision:a.revision,rules:O})).editThresholdDraft;return o({rules:Ja(t.rules),revision:t.revision}),T(`Saved as revision ${t.revision} at ${q(t.updatedAt)}.`),t.revision}catch(e){return S(e),null}finally{w(!1)}},me=async n=>{n.preventDefault();let r=ue?await pe():a.revision;if(r!==null){w(!0);try{await F(za,{id:e.id,revision:r,rationale:E.trim()}),t()}catch(e){S(e)}finally{w(!1)}}},he=x instanceof P&&x.code===`CONFLICT`,A=ne.current??r.find(e=>le.has(e.measuredValue))?.measuredValue??r[0]?.measuredValue,ge=A?p[A]:void 0;return L(`div`,{class:`editor-grid`,children:[L(`div`,{children:[L(`h2`,{children:`Rules`}),L(`p`,{class:`muted`,children:`Drag a slider or type an exact cut-off; the what-if and the curve under the slider follow. The curve is the market's decline rate as that cut-off sweeps its range with the other rules as proposed; the red line is the cut-off.`}),L(`div`,{class:`rules-edit`,children:r.map((e,t)=>L(Za,{rule:e,text:s[e.measuredValue]??``,inputError:l[e.measuredValue]||fe.get(t)||``,range:d[e.measuredValue],curve:p[e.measuredValue],changed:le.has(e.measuredValue),onSlide:e=>oe(t,e),onType:e=>ce(t,e),onEnabled:e=>se(t,e)},e.measuredValue))})]}),L(`div`,{children:[L(`section`,{class:`panel whatif`,"aria-labelledby":`whatif-h`,"aria-busy":y,children:[L(`h2`,{id:`whatif-h`,children:[`What-if `,y&&L(`span`,{class:`muted`,children:`(updating…)`})]}),_!==null&&L(z,{error:_,title:`The what-if failed`}),h?L(to,{sim:h,stale:y}):L(V,{label:`Simulating…`})]}),L(`section`,{class:`panel`,"aria-labelledby":`frontier-h`,children:[L(`h2`,{id:`frontier-h`,children:[`Trade-off under `,A?Y(A):`the moved rule`]}),L(`p`,{class:`muted`,children:`As this rule's cut-off sweeps its range (the other rules as proposed): the bad rate and the loss (share of approved volume) against the approval rate. Today's point is the ring, the proposal's the disc.`}),ge?L(mi,{curve:ge,name:Y(ge.measuredValue)}):L(V,{label:`Loading the frontier…`})]}),L(`section`,{class:`panel`,"aria-labelledby":`save-h`,children:[L(`h2`,{id:`save-h`,children:`Save and submit`}),L(`p`,{class:`muted`,children:[ue?`${le.size} unsaved ${le.size===1?`change`:`changes`}.`:`No unsaved changes.`,` Revision `,a.revision,`.`]}),L(`div`,{class:`toolbar`,children:[L(`button`,{type:`button`,onClick:pe,disabled:!ue||C||de,children:`Save draft`}),L(`button`,{type:`button`,class:`secondary`,disabled:!ue||C,onClick:()=>{i(Ja(a.rules)),c(Object.fromEntries(a.rules.map(e=>[e.measuredValue,String(e.cutoff)]))),u({})},children:`Undo unsaved changes`})]}),ee&&L(`p`,{role:`status`,class:`muted`,children:ee}),he&&L(`div`,{class:`error`,role:`alert`,children:[L(`strong`,{children:`Conflict: this draft changed since you opened it.`}),L(`p`,{children:[`Someone saved or submitted it meanwhile (revision `,a.revision,` is no longer current), so your change was not saved. Copy what you need, then reload to edit the latest revision.`]}),L(`p`,{class:`meta`,children:[x.message,` · request id `,L(`code`,{class:`request-id`,children:x.requestId})]}),L(`button`,{type:`button`,onClick:()=>window.location.reload(),children:`Reload the draft`})]}),x!==null&&!he&&L(z,{error:x,title:`Not saved`}),L(`form`,{class:`stack`,onSubmit:me,children:[L(`label`,{children:[`Rationale for the approver`,L(`textarea`,{name:`rationale`,rows:3,required:!0,value:E,onInput:e=>te(e.currentTarget.value)}),L(B,{error:x,field:`rationale`})]}),L(`div`,{children:L(`button`,{type:`submit`,disabled:C||de||E.trim()===``,children:ue?`Save and submit for approval`:`Submit for approval`})})]})]})]})]})}function Za(e){let{rule:t,range:n,curve:r}=e,i=Y(t.measuredValue),a=`rule-${t.measuredValue}`,o=t.comparator===`GTE`?`at least`:`at most`,s=n??{lo:Math.min(0,t.cutoff),hi:Math.max(1,t.cutoff*2),step:Da(t.measuredValue)?1:.01};return L(`fieldset`,{class:`rule${e.changed?` changed`:``}`,"data-rule":t.measuredValue,children:[L(`legend`,{children:[i,` `,L(`span`,{class:`muted`,children:[`(`,Y(t.factor),`)`]})]}),L(`div`,{class:`rule-head`,children:[L(`span`,{class:`muted`,children:[`passes when `,o,` the cut-off; fails with `,Y(t.reasonCode)]}),L(`label`,{class:`check`,children:[L(`input`,{type:`checkbox`,checked:t.enabled,onChange:t=>e.onEnabled(t.currentTarget.checked)}),`enabled`]})]}),L(`div`,{class:`rule-inputs`,children:[L(`label`,{children:[L(`span`,{class:`visually-hidden`,children:[i,` cut-off slider`]}),L(`input`,{type:`range`,min:0,max:Ta,step:1,value:ja(t.cutoff,s),"aria-label":`${i} cut-off slider`,"aria-valuetext":`${o} ${J(t.cutoff)}`,disabled:!n,onInput:t=>e.onSlide(Ma(Number(t.currentTarget.value),s))})]}),L(`label`,{children:[L(`span`,{class:`visually-hidden`,children:[i,` cut-off`]}),L(`input`,{class:`cutoff`,inputMode:`decimal`,"aria-label":`${i} cut-off`,"aria-invalid":e.inputError?`true`:void 0,"aria-describedby":e.inputError?`${a}-err`:void 0,value:e.text,onInput:t=>e.onType(t.currentTarget.value)})]})]}),e.inputError&&L(`span`,{class:`field-error`,id:`${a}-err`,children:e.inputError}),r&&n?L(eo,{curve:r,range:n,cutoff:t.cutoff,name:i}):L(`p`,{class:`muted`,children:`Loading the curve…`})]})}var Qa=300,$a=48;function eo({curve:e,range:t,cutoff:n,name:r}){let i=e.points,a=Math.max(.01,...i.map(e=>e.declineRate)),o=e=>(Math.min(t.hi,Math.max(t.lo,e))-t.lo)/(t.hi-t.lo)*Qa,s=e=>36-e/a*32,c=i.map(e=>`${o(e.cutoff).toFixed(1)},${s(e.declineRate).toFixed(1)}`).join(` `),l=Math.min(...i.map(e=>e.declineRate));return L(`div`,{children:[L(`svg`,{class:`sens`,viewBox:`0 0 ${Qa} ${$a}`,preserveAspectRatio:`none`,role:`img`,"aria-label":`Decline rate as the ${r} cut-off sweeps ${J(t.lo)} to ${J(t.hi)}: from ${X(l)} to ${X(a)}; ${X(e.proposedRate)} at ${J(e.proposedCutoff)}.`,children:[i.length>1&&L(`polygon`,{class:`area`,points:`0,36 ${c} ${Qa},36`}),L(`polyline`,{class:`curve`,points:c}),L(`line`,{class:`now`,x1:o(n),x2:o(n),y1:0,y2:36}),L(`text`,{x:0,y:47,children:J(t.lo)}),L(`text`,{x:Qa,y:47,"text-anchor":`end`,children:J(t.hi)})]}),L(`span`,{class:`muted`,children:[X(e.proposedRate,2),` declined at `,J(e.proposedCutoff),`; `,X(e.declineRateWithoutRule,2),` with the rule off`]})]})}function to({sim:e,stale:t}){let n=e.reasons.filter(e=>e.now!==0||e.proposed!==0).sort((e,t)=>Math.abs(t.proposed-t.now)-Math.abs(e.proposed-e.now)),r=e.days,i=r.map(e=>Q(e.day)),a=[r.map(e=>e.assessed?e.declinedNow/e.assessed*100:null),r.map(e=>e.assessed?e.declinedProposed/e.assessed*100:null)];return L(`div`,{class:t?`stale`:void 0,children:[L(`div`,{class:`cards`,children:[L($,{label:`Decline rate now`,value:X(e.declineRateNow,2),testId:`now`}),L($,{label:`Decline rate proposed`,value:X(e.declineRateProposed,2),note:Lt(e.declineRateNow,e.declineRateProposed),testId:`proposed`}),L($,{label:`Approved → declined`,value:e.approvedToDeclined.toLocaleString(`en-US`),testId:`a2d`}),L($,{label:`Declined → approved`,value:e.declinedToApproved.toLocaleString(`en-US`),testId:`d2a`})]}),L(`p`,{class:`muted`,children:[e.assessed.toLocaleString(`en-US`),` decisions of `,e.market,`, `,q(e.from),` to `,q(e.to),`, against version `,e.baselineVersion.version,` in force now.`]}),L(`h3`,{children:`Approvals, bad rate and loss`}),L(di,{sim:e,currency:Er(e.market)}),L(`h3`,{children:`Swap-set`}),L(fi,{sim:e,currency:Er(e.market)}),L(`h3`,{children:`Declines per day`}),L(ii,{label:`Decline rate per day, now and proposed`,xs:i,ys:a,series:[{label:`now`},{label:`proposed`,dashed:!0,color:`#c2410c`}],yLabel:`%`,height:200}),L(`h3`,{children:`Principal reasons`}),L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Declines per principal reason, now and proposed`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Reason`}),L(`th`,{class:`num`,children:`Now`}),L(`th`,{class:`num`,children:`Proposed`}),L(`th`,{class:`num`,children:`Change`})]})}),L(`tbody`,{children:n.map(e=>L(`tr`,{children:[L(`td`,{children:Y(e.code)}),L(`td`,{class:`num`,children:e.now}),L(`td`,{class:`num`,children:e.proposed}),L(`td`,{class:`num ${e.proposed>e.now?`up`:e.proposed<e.now?`down`:``}`,children:[e.proposed>e.now?`+`:``,e.proposed-e.now]})]},e.code))})]})}),L(no,{title:`Would be declined (were approved)`,list:e.sampleApprovedToDeclined}),L(no,{title:`Would be approved (were declined)`,list:e.sampleDeclinedToApproved})]})}function no({title:e,list:t}){return L(`details`,{children:[L(`summary`,{children:[e,`: `,t.length===0?`none`:`${t.length} examples`]}),t.length>0&&L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":e,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Decision`}),L(`th`,{children:`Time (UTC)`}),L(`th`,{children:`Category`}),L(`th`,{class:`num`,children:`Amount`})]})}),L(`tbody`,{children:t.map(e=>L(`tr`,{children:[L(`td`,{children:L(R,{href:`/decisions/${e.decisionId}`,children:[`Open`,L(`span`,{class:`visually-hidden`,children:[` decision `,e.decisionId]})]})}),L(`td`,{children:q(e.createdAt)}),L(`td`,{children:e.merchantCategory}),L(`td`,{class:`num`,children:J(e.amount)})]},e.decisionId))})]})})]})}var ro=K(`
  query BadDefinitionPanel($market: String!) {
    badDefinition(market: $market) {
      id
      version
      level
      windowMonths
      description
      author
      approver
      createdAt
    }
    badDefinitionDrafts(market: $market, first: 10) {
      nodes {
        ...BadDraftFields
      }
    }
  }
`);K(`
  fragment BadDraftFields on BadDefinitionDraft {
    id
    market
    status
    revision
    author
    rationale
    level
    windowMonths
    description
    reviewer
    reviewComment
    updatedAt
  }
`);var io=K(`
  mutation CreateBadDefinitionDraft($market: String!) {
    createBadDefinitionDraft(market: $market) {
      ...BadDraftFields
    }
  }
`),ao=K(`
  mutation EditBadDefinitionDraft($id: ID!, $revision: Int!, $level: OutcomeStatus!, $windowMonths: Int!) {
    editBadDefinitionDraft(id: $id, revision: $revision, level: $level, windowMonths: $windowMonths) {
      ...BadDraftFields
    }
  }
`),oo=K(`
  mutation SubmitBadDefinitionDraft($id: ID!, $revision: Int!, $rationale: String!) {
    submitBadDefinitionDraft(id: $id, revision: $revision, rationale: $rationale) {
      ...BadDraftFields
    }
  }
`),so=K(`
  mutation ApproveBadDefinitionDraft($id: ID!, $comment: String) {
    approveBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`),co=K(`
  mutation RejectBadDefinitionDraft($id: ID!, $comment: String!) {
    rejectBadDefinitionDraft(id: $id, comment: $comment) {
      ...BadDraftFields
    }
  }
`);function lo({market:e,user:t}){let n=H(ro,{market:e},e),[r,i]=M(null),[a,o]=M(!1),s=t.roles.some(e=>Cr.includes(e)),c=t.roles.some(e=>wr.includes(e)),l=async e=>{o(!0),i(null);try{await e(),n.reload()}catch(e){i(e)}finally{o(!1)}},u=n.data?.badDefinition,d=n.data?.badDefinitionDrafts.nodes??[],f=d.filter(e=>e.status===G.Draft),p=d.filter(e=>e.status===G.Submitted),m=f.find(e=>un(e.author,t));return L(`section`,{class:`panel`,"aria-labelledby":`bad-h`,children:[L(`h2`,{id:`bad-h`,children:[`Bad definition in `,e]}),n.error!==null&&L(z,{error:n.error,title:`Could not load the bad definition`}),n.loading&&!n.data&&L(V,{label:`Loading the bad definition…`}),u&&L(`p`,{"data-figure":`bad-definition`,children:[L(`strong`,{children:u.description}),` `,L(`span`,{class:`muted`,children:[`(version `,u.version,`, by `,Z(u.author),`, approved by `,Z(u.approver),`, `,q(u.createdAt),`)`]}),`. A purchase younger than `,u.windowMonths,` months is immature and counts neither good nor bad.`]}),r!==null&&L(z,{error:r,title:`Not done`}),s&&!m&&L(`button`,{type:`button`,class:`secondary`,disabled:a,onClick:()=>l(()=>F(io,{market:e})),children:`Start a bad-definition draft`}),m&&L(uo,{draft:m,busy:a,error:r,run:l},`${m.id}-${m.revision}`),f.filter(e=>e!==m).map(e=>L(`p`,{class:`muted`,children:[`Draft `,e.id,` by `,Z(e.author),`: `,e.description,` (being edited).`]},e.id)),p.map(e=>L(fo,{draft:e,user:t,canApprove:c,busy:a,error:r,run:l},e.id))]})}function uo({draft:e,busy:t,error:n,run:r}){let[i,a]=M(e.level),[o,s]=M(String(e.windowMonths)),[c,l]=M(``),u=Jr(o),d=i!==e.level||Number(o)!==e.windowMonths,f=()=>F(ao,{id:e.id,revision:e.revision,level:i,windowMonths:Number(o)});return L(`form`,{class:`stack bad-draft`,"aria-label":`Bad-definition draft ${e.id}`,onSubmit:t=>{t.preventDefault(),r(async()=>{let t=d?(await f()).editBadDefinitionDraft.revision:e.revision;await F(oo,{id:e.id,revision:t,rationale:c.trim()})})},children:[L(`p`,{children:[`Your draft `,e.id,` (revision `,e.revision,`): `,L(`strong`,{children:u?e.description:qr(i,Number(o))})]}),L(`div`,{class:`filters compact`,children:[L(`label`,{children:[`Bad when ever`,L(`select`,{name:`level`,value:i,onChange:e=>a(e.currentTarget.value),children:Kr.map(e=>L(`option`,{value:e,children:[Wr(e),e===`CHARGED_OFF`?``:` or worse`]},e))}),L(B,{error:n,field:`level`})]}),L(`label`,{children:[`Within (months, 1–`,24,`)`,L(`input`,{name:`windowMonths`,inputMode:`numeric`,value:o,"aria-invalid":u?`true`:void 0,onInput:e=>s(e.currentTarget.value)}),u?L(`span`,{class:`field-error`,children:u}):L(B,{error:n,field:`windowMonths`})]})]}),L(`div`,{class:`toolbar`,children:L(`button`,{type:`button`,disabled:t||!d||!!u,onClick:()=>r(f),children:`Save definition draft`})}),L(`label`,{children:[`Rationale for the approver`,L(`textarea`,{name:`bad-rationale`,rows:2,value:c,onInput:e=>l(e.currentTarget.value)}),L(B,{error:n,field:`rationale`})]}),L(`div`,{children:L(`button`,{type:`submit`,disabled:t||!!u||c.trim()===``,children:`Submit the definition for approval`})})]})}function fo({draft:e,user:t,canApprove:n,busy:r,error:i,run:a}){let[o,s]=M(``),c=un(e.author,t);return L(`div`,{class:`bad-submitted`,role:`group`,"aria-label":`Submitted bad definition ${e.id}`,children:[L(`p`,{children:[`Awaiting approval: `,L(`strong`,{children:e.description}),`, submitted by `,Z(e.author),`: “`,e.rationale,`”`]}),n?c?L(`p`,{class:`notice`,children:`You submitted it, so another approver must review it (maker-checker).`}):L(`div`,{class:`stack`,children:[L(`label`,{children:[`Comment (required to reject)`,L(`textarea`,{name:`bad-comment`,rows:2,value:o,onInput:e=>s(e.currentTarget.value)}),L(B,{error:i,field:`comment`})]}),L(`div`,{class:`toolbar`,children:[L(`button`,{type:`button`,disabled:r,onClick:()=>a(()=>F(so,{id:e.id,comment:o.trim()||null})),children:`Approve the definition`}),L(`button`,{type:`button`,class:`danger`,disabled:r||o.trim()===``,onClick:()=>a(()=>F(co,{id:e.id,comment:o.trim()})),children:`Reject the definition`})]})]}):L(`p`,{class:`muted`,children:`An approver reviews it.`})]})}var po=K(`
  query MarketThresholds($market: String!) {
    thresholdVersions(market: $market, first: 50) {
      nodes {
        status
        version {
          id
          version
          author
          approver
          rationale
          createdAt
        }
        activations {
          id
          activatedAt
          activatedBy
          emergency
        }
      }
    }
    thresholdDrafts(market: $market, first: 50) {
      nodes {
        id
        status
        revision
        author
        rationale
        createdAt
        updatedAt
        submittedAt
        reviewer
        publishedVersionId
        impact {
          available
          declineRateNow
          declineRateProposed
          approvedToDeclined
          declinedToApproved
          badRateNow
          badRateProposed
          lossNow
          lossProposed
        }
      }
    }
  }
`),mo=K(`
  mutation CreateThresholdDraft($market: String!, $fromVersionId: ID) {
    createThresholdDraft(market: $market, fromVersionId: $fromVersionId) {
      id
    }
  }
`);function ho({query:e,user:t}){let n=(e.get(`market`)??`DE`).toUpperCase(),r=H(po,{market:n},n),i=t.roles.some(e=>_t.includes(e)),[a,o]=M(!1),[s,c]=M(null),l=async()=>{o(!0),c(null);try{I(`/thresholds/drafts/${(await F(mo,{market:n})).createThresholdDraft.id}`)}catch(e){c(e),o(!1)}},u=r.data?.thresholdVersions.nodes??[],d=r.data?.thresholdDrafts.nodes??[],f=u.find(e=>e.status===`ACTIVE`),p=d.filter(e=>e.status===G.Submitted),m=d.filter(e=>e.status===G.Draft),h=d.filter(e=>e.status===G.Approved||e.status===G.Rejected);return L(S,{children:[L(U,{title:`Thresholds`,children:i&&L(`button`,{type:`button`,onClick:l,disabled:a,children:[`New draft for `,n]})}),L(`nav`,{"aria-label":`Markets`,children:L(`ul`,{class:`tabs`,children:Pn.map(e=>L(`li`,{children:L(R,{href:`/thresholds?market=${e}`,"aria-current":e===n?`page`:void 0,children:e})},e))})}),L(oi,{}),s!==null&&L(z,{error:s,title:`Could not start a draft`}),r.error!==null&&L(z,{error:r.error,title:`Could not load the thresholds`}),r.loading&&L(V,{label:`Loading thresholds…`}),r.data&&L(S,{children:[L(`section`,{class:`panel`,"aria-labelledby":`active-h`,children:[L(`h2`,{id:`active-h`,children:[`In force in `,n]}),f?L(`p`,{children:[L(R,{href:`/thresholds/versions/${f.version.id}`,children:[`Version `,f.version.version]}),` by `,Z(f.version.author),`, approved by`,` `,Z(f.version.approver),`, in force since `,q(f.activations.at(-1)?.activatedAt),`. `,L(`span`,{class:`muted`,children:f.version.rationale})]}):L(`p`,{children:[`No version is in force in `,n,`.`]})]}),ct(t.roles)&&L(lo,{market:n,user:t},n),L(`section`,{class:`panel`,"aria-labelledby":`pending-h`,children:[L(`h2`,{id:`pending-h`,children:`Awaiting approval`}),p.length===0?L(`p`,{children:[`Nothing awaits approval in `,n,`.`]}):L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Submissions awaiting approval`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Draft`}),L(`th`,{children:`Author`}),L(`th`,{children:`Submitted (UTC)`}),L(`th`,{children:`Rationale`}),L(`th`,{class:`num`,children:`Decline rate now → proposed`}),L(`th`,{class:`num`,children:`Flips`}),L(`th`,{class:`num`,children:`Bad rate now → predicted`}),L(`th`,{class:`num`,children:`Loss now → predicted`})]})}),L(`tbody`,{children:p.map(e=>L(`tr`,{children:[L(`td`,{children:L(R,{href:`/thresholds/drafts/${e.id}`,children:[`Review draft `,e.id]})}),L(`td`,{children:Z(e.author)}),L(`td`,{children:q(e.submittedAt)}),L(`td`,{children:e.rationale}),L(`td`,{class:`num`,children:e.impact?.available?`${X(e.impact.declineRateNow,2)} → ${X(e.impact.declineRateProposed,2)} (${Lt(e.impact.declineRateNow,e.impact.declineRateProposed)})`:`–`}),L(`td`,{class:`num`,children:e.impact?.available?`${e.impact.approvedToDeclined} ↓ / ${e.impact.declinedToApproved} ↑`:`–`}),L(`td`,{class:`num`,children:e.impact?.available&&e.impact.badRateProposed!=null?`${X(e.impact.badRateNow)} → ${X(e.impact.badRateProposed)}`:`–`}),L(`td`,{class:`num`,children:e.impact?.available&&e.impact.lossProposed!=null?`${Dr(e.impact.lossNow,``)} → ${Dr(e.impact.lossProposed,Er(n))}`:`–`})]},e.id))})]})})]}),L(`section`,{class:`panel`,"aria-labelledby":`drafts-h`,children:[L(`h2`,{id:`drafts-h`,children:`Drafts`}),m.length===0&&h.length===0?L(`p`,{children:[`No drafts in `,n,`.`]}):L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Drafts`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Draft`}),L(`th`,{children:`Status`}),L(`th`,{children:`Author`}),L(`th`,{children:`Last change (UTC)`}),L(`th`,{children:`Outcome`})]})}),L(`tbody`,{children:[...m,...h].map(e=>L(`tr`,{children:[L(`td`,{children:L(R,{href:`/thresholds/drafts/${e.id}`,children:[`Draft `,e.id]})}),L(`td`,{children:L(`span`,{class:`badge muted`,children:Y(e.status)})}),L(`td`,{children:Z(e.author)}),L(`td`,{children:q(e.updatedAt)}),L(`td`,{children:e.publishedVersionId?L(R,{href:`/thresholds/versions/${e.publishedVersionId}`,children:`published version`}):e.reviewer?`reviewed by ${Z(e.reviewer)}`:``})]},e.id))})]})})]}),L(`section`,{class:`panel`,"aria-labelledby":`history-h`,children:[L(`h2`,{id:`history-h`,children:`History`}),L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Published versions`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Version`}),L(`th`,{children:`Status`}),L(`th`,{children:`Author / approver`}),L(`th`,{children:`Published (UTC)`}),L(`th`,{children:`Activations`}),L(`th`,{children:`Rationale`})]})}),L(`tbody`,{children:u.map(e=>L(`tr`,{children:[L(`td`,{children:L(R,{href:`/thresholds/versions/${e.version.id}`,children:[`Version `,e.version.version]})}),L(`td`,{children:L(`span`,{class:`badge ${e.status===`ACTIVE`?`ok`:`muted`}`,children:Y(e.status)})}),L(`td`,{children:[Z(e.version.author),` / `,Z(e.version.approver)]}),L(`td`,{children:q(e.version.createdAt)}),L(`td`,{children:e.activations.map(e=>L(`div`,{children:[q(e.activatedAt),` by `,Z(e.activatedBy),e.emergency&&` (emergency)`]},e.id))}),L(`td`,{children:e.version.rationale})]},e.version.id))})]})})]})]})]})}var go=K(`
  query ThresholdVersionPage($id: ID!) {
    thresholdVersion(id: $id) {
      id
      market
      version
      author
      approver
      rationale
      createdAt
      rules {
        ...RuleFields
      }
    }
  }
`),_o=K(`
  query ThresholdVersionState($market: String!) {
    thresholdVersions(market: $market, first: 100) {
      nodes {
        status
        version {
          id
        }
        activations {
          id
          activatedAt
          activatedBy
          emergency
        }
      }
    }
    activeThresholdVersion(market: $market) {
      version {
        id
        version
      }
    }
  }
`),vo=K(`
  query ActivationImpact($versionId: ID!) {
    activationImpact(versionId: $versionId) {
      activation {
        id
        activatedAt
        activatedBy
        emergency
      }
      predicted {
        ...ImpactFields
      }
      realized {
        ...RateWindowFields
      }
      before {
        ...RateWindowFields
      }
      complete
      predictionError
      outcomes {
        predictedBadRate
        approved
        mature
        bad
        realizedBadRate
        allMatureAt
        note
      }
    }
  }
`);K(`
  fragment RateWindowFields on RateWindow {
    from
    to
    assessed
    declined
    rate
  }
`);var yo=K(`
  mutation ActivateThresholdVersion($id: ID!, $at: Time) {
    activateThresholdVersion(id: $id, at: $at) {
      id
      activatedAt
    }
  }
`),bo=K(`
  mutation RollbackThresholdVersion($market: String!, $versionId: ID!, $emergency: Boolean!) {
    rollbackThresholdVersion(market: $market, versionId: $versionId, emergency: $emergency) {
      activation {
        id
        activatedAt
      }
      draft {
        id
      }
    }
  }
`);function xo({params:e,user:t}){let n=H(go,{id:e.id},e.id),r=n.data?.thresholdVersion,i=r?.market??``,a=H(_o,{market:i},i,!i),o=H(vo,{versionId:e.id},e.id),s=t.roles.some(e=>vt.includes(e)),[c,l]=M(``),[u,d]=M(!1),[f,p]=M(null),[m,h]=M(``);if(n.error)return L(z,{error:n.error,title:`Could not load the version`});if(n.loading&&!r)return L(V,{label:`Loading the version…`});if(!r)return L(S,{children:[L(U,{title:`Threshold version not found`}),L(`p`,{children:[`No threshold version has the id `,L(`code`,{children:e.id}),`. `,L(R,{href:`/thresholds`,children:`Back to the thresholds`})]})]});let g=a.data?.thresholdVersions.nodes.find(e=>e.version.id===r.id),_=a.data?.activeThresholdVersion?.version,v=async e=>{d(!0),p(null),h(``);try{h(await e()),a.reload(),o.reload()}catch(e){p(e)}finally{d(!1)}},y=e=>v(async()=>{let t=e?cn(c):null,n=(await F(yo,{id:r.id,at:t})).activateThresholdVersion;return e?`Scheduled: version ${r.version} takes effect at ${q(n.activatedAt)}.`:`Activated at ${q(n.activatedAt)}.`}),b=e=>v(async()=>{if(e&&!window.confirm(`Put ${r.market} version ${r.version} in force now, without a new approval?`))return``;let t=(await F(bo,{market:r.market,versionId:r.id,emergency:e})).rollbackThresholdVersion;return t.draft?(I(`/thresholds/drafts/${t.draft.id}`),``):`Emergency rollback: version ${r.version} in force since ${q(t.activation?.activatedAt)}.`});return L(S,{children:[L(U,{title:`${r.market} thresholds version ${r.version}`,children:L(R,{href:`/thresholds?market=${r.market}`,children:[`← `,r.market,` thresholds`]})}),L(`p`,{children:[g&&L(`span`,{class:`badge ${g.status===`ACTIVE`?`ok`:`muted`}`,children:Y(g.status)}),` Written by `,Z(r.author),`, approved by `,Z(r.approver),`, published `,q(r.createdAt),`. `,L(`span`,{class:`muted`,children:r.rationale})]}),L(`div`,{class:`grid2`,children:[L(`div`,{children:[L(`section`,{class:`panel`,"aria-labelledby":`rules-h`,children:[L(`h2`,{id:`rules-h`,children:`Rules`}),L(ci,{rules:r.rules,label:`Rules of the version`})]}),_&&_.id!==r.id&&L(`section`,{class:`panel`,"aria-labelledby":`diff-h`,children:[L(`h2`,{id:`diff-h`,children:[`Compared with version `,_.version,`, in force now`]}),L(ui,{from:{versionId:_.id},to:{versionId:r.id},label:`Rules that differ from the version in force`})]})]}),L(`div`,{children:[L(`section`,{class:`panel`,"aria-labelledby":`act-h`,children:[L(`h2`,{id:`act-h`,children:`Activations`}),a.error!==null&&L(z,{error:a.error,title:`Could not load the activation schedule`}),g&&g.activations.length===0&&L(`p`,{children:`Never activated.`}),g&&g.activations.length>0&&L(`ul`,{children:g.activations.map(e=>L(`li`,{children:[q(e.activatedAt),` by `,Z(e.activatedBy),e.emergency&&L(`span`,{class:`badge declined`,children:` emergency rollback`})]},e.id))}),s&&g&&g.status!==`ACTIVE`&&L(`div`,{class:`stack`,children:[L(`div`,{class:`toolbar`,children:L(`button`,{type:`button`,onClick:()=>y(!1),disabled:u,children:`Activate now`})}),L(`div`,{class:`toolbar`,children:[L(`label`,{children:[`Activate at (UTC)`,L(`input`,{type:`datetime-local`,value:c,min:sn(new Date().toISOString()),onInput:e=>l(e.currentTarget.value)}),L(B,{error:f,field:`at`})]}),L(`button`,{type:`button`,class:`secondary`,onClick:()=>y(!0),disabled:u||!cn(c),children:`Schedule activation`})]}),g.status===`SUPERSEDED`&&L(S,{children:[L(`h3`,{children:`Roll back to this version`}),L(`div`,{class:`toolbar`,children:[L(`button`,{type:`button`,class:`secondary`,onClick:()=>b(!1),disabled:u,children:`Start a rollback draft`}),L(`button`,{type:`button`,class:`danger`,onClick:()=>b(!0),disabled:u,children:`Emergency rollback now`})]}),L(`p`,{class:`muted`,children:`A rollback draft is approved like any change; an emergency rollback puts this version in force at once and is flagged.`})]})]}),m&&L(`p`,{role:`status`,class:`notice`,children:m}),f!==null&&L(z,{error:f,title:`Not done`})]}),L(`section`,{class:`panel`,"aria-labelledby":`impact-h`,children:[L(`h2`,{id:`impact-h`,children:`Realized against predicted`}),o.error!==null&&L(z,{error:o.error,title:`Could not load the activation impact`}),o.data&&o.data.activationImpact.length===0&&L(`p`,{children:`Not activated yet: nothing realized.`}),o.data?.activationImpact.map(e=>L(`div`,{children:[L(`h3`,{children:[`Activation of `,q(e.activation.activatedAt)]}),L(`div`,{class:`table-wrap`,children:L(`table`,{"aria-label":`Realized against predicted, activation ${e.activation.id}`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Window`}),L(`th`,{class:`num`,children:`Decisions`}),L(`th`,{class:`num`,children:`Decline rate`})]})}),L(`tbody`,{children:[L(`tr`,{children:[L(`td`,{children:`Before (same length)`}),L(`td`,{class:`num`,children:e.before.assessed}),L(`td`,{class:`num`,children:X(e.before.rate,2)})]}),L(`tr`,{children:[L(`td`,{children:`Predicted at submission`}),L(`td`,{class:`num`,children:e.predicted?.available?e.predicted.decisions:`–`}),L(`td`,{class:`num`,children:e.predicted?.available?X(e.predicted.declineRateProposed,2):`–`})]}),L(`tr`,{children:[L(`td`,{children:[`Realized `,q(e.realized.from),` to `,q(e.realized.to),!e.complete&&L(`span`,{class:`muted`,children:` (still running)`})]}),L(`td`,{class:`num`,children:e.realized.assessed}),L(`td`,{class:`num`,children:X(e.realized.rate,2)})]})]})]})}),L(`table`,{"aria-label":`Bad rate realized against predicted, activation ${e.activation.id}`,children:[L(`thead`,{children:L(`tr`,{children:[L(`th`,{children:`Bad rate`}),L(`th`,{class:`num`,children:`Approved`}),L(`th`,{class:`num`,children:`Mature`}),L(`th`,{class:`num`,children:`Bad`}),L(`th`,{class:`num`,children:`Rate`})]})}),L(`tbody`,{children:[L(`tr`,{children:[L(`td`,{children:`Predicted at submission`}),L(`td`,{class:`num`,children:`–`}),L(`td`,{class:`num`,children:`–`}),L(`td`,{class:`num`,children:`–`}),L(`td`,{class:`num`,children:X(e.outcomes.predictedBadRate,2)})]}),L(`tr`,{children:[L(`td`,{children:`Realized so far`}),L(`td`,{class:`num`,children:e.outcomes.approved.toLocaleString(`en-US`)}),L(`td`,{class:`num`,children:e.outcomes.mature.toLocaleString(`en-US`)}),L(`td`,{class:`num`,children:e.outcomes.bad.toLocaleString(`en-US`)}),L(`td`,{class:`num`,children:X(e.outcomes.realizedBadRate,2)})]})]})]}),L(`p`,{class:`muted`,children:[e.outcomes.mature.toLocaleString(`en-US`),` of `,e.outcomes.approved.toLocaleString(`en-US`),` approvals are mature`,e.outcomes.allMatureAt?`; all will be by ${q(e.outcomes.allMatureAt)}`:``,`.`,e.outcomes.note?` ${e.outcomes.note}`:``]}),e.predictionError!==null&&e.predictionError!==void 0&&e.predicted&&L(`p`,{children:[`Realized minus predicted: `,L(`strong`,{children:Lt(e.predicted.declineRateProposed,e.predicted.declineRateProposed+e.predictionError)})]}),L(`details`,{children:[L(`summary`,{children:`The stored prediction`}),L(si,{impact:e.predicted,title:`Predicted impact`})]})]},e.activation.id))]})]})]})]})}function So(e){return b(qi,{...e,pages:Co})}var Co=[{path:`/`,title:`Home`,roles:[],component:So},{path:`/overview`,title:`Overview`,roles:mt,component:oa,nav:!0},{path:`/decisions`,title:`Decisions`,roles:mt,component:Gi,nav:!0},{path:`/decisions/:id`,title:`Decision`,roles:mt,component:Ni},{path:`/thresholds`,title:`Thresholds`,roles:mt,component:ho,nav:!0},{path:`/thresholds/drafts/:id`,title:`Threshold draft`,roles:mt,component:Ka},{path:`/thresholds/versions/:id`,title:`Threshold version`,roles:mt,component:xo},{path:`/catalog`,title:`Reason catalog`,roles:mt,component:Yn,nav:!0},{path:`/reviews`,title:`Reviews`,roles:xt,component:Ca,nav:!0},{path:`/reviews/:id`,title:`Review case`,roles:xt,component:ga},{path:`/agent`,title:`Agent look-up`,roles:gt,component:xn,nav:!0},{path:`/audit`,title:`Audit log`,roles:[`AUDITOR`],component:kn,nav:!0},{path:`/admin`,title:`Admin`,roles:[`ADMIN`],component:$t,nav:!0}];function wo(){let e=Xe(),[t,n]=M(void 0),[r,i]=M(null),[a,o]=M(!1);N(()=>{ut().then(n,i),Be(()=>{n(null),o(!0),I(at({pathname:window.location.pathname,search:window.location.search}),{replace:!0})})},[]);let s=e.pathname===it;N(()=>{t===null&&!s&&I(at(e),{replace:!0}),t&&s&&I(ot(new URLSearchParams(e.search).get(`next`)),{replace:!0})},[t,s,e.pathname,e.search]);let c=rt(Co,e.pathname);N(()=>{document.title=`${s?`Sign in`:c?.route.title??`Not found`} · riskconsole`},[e.pathname]);let l=ke(!0);if(N(()=>{l.current?l.current=!1:document.querySelector(`main h1`)?.focus()},[e.pathname]),r)return L(`main`,{id:`main`,children:L(z,{error:r,title:`Could not reach the console`})});if(t===void 0)return L(`main`,{id:`main`,children:L(V,{label:`Loading…`})});if(t===null||s)return L(pt,{expired:a,onSignedIn:e=>{o(!1),n(e)}});let u;if(!c)u=L(S,{children:[L(`h1`,{tabIndex:-1,children:`Page not found`}),L(`p`,{children:[`There is no page at `,L(`code`,{children:e.pathname}),`. `,L(R,{href:`/`,children:`Go to the start page`}),`.`]})]});else{let n=nt(t,c.route);if(n.kind===`forbidden`)u=L(S,{children:[L(`h1`,{tabIndex:-1,children:`Not available to your roles`}),L(`p`,{children:[L(`strong`,{children:c.route.title}),` is open to `,n.need.join(`, `),`. You are signed in as `,t.username,` with`,` `,t.roles.join(`, `)||`no role`,`. Ask an administrator if you need it.`]}),L(`p`,{children:L(R,{href:`/`,children:`Go to the start page`})})]});else{let n=c.route.component;u=L(n,{params:c.params,query:new URLSearchParams(e.search),user:t},c.route.path)}}return L(S,{children:[L(`a`,{class:`skip`,href:`#main`,children:`Skip to content`}),L(`header`,{class:`topbar`,children:[L(`span`,{class:`brand`,children:`riskconsole`}),L(`nav`,{"aria-label":`Main`,children:L(`ul`,{children:Co.filter(e=>e.nav&&tt(t,e)).map(t=>L(`li`,{children:L(R,{href:t.path,"aria-current":c?.route===t||e.pathname.startsWith(t.path+`/`)?`page`:void 0,children:t.title})},t.path))})}),L(`div`,{class:`who`,children:[L(`span`,{children:[t.displayName||t.username,` `,L(`span`,{class:`roles`,children:[`(`,t.roles.join(`, `),`)`]})]}),L(`button`,{type:`button`,class:`secondary`,onClick:async()=>{try{await ft()}finally{o(!1),n(null),I(it,{replace:!0})}},children:`Sign out`})]})]}),L(`main`,{id:`main`,children:u})]})}me(L(wo,{}),document.getElementById(`app`));export{pr as a,Oe as c,nr as i,N as l,mr as n,L as o,Sr as r,ke as s,hr as t};