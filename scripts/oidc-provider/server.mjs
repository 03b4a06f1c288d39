// A real OpenID Connect provider for riskconsole's sign-in tests: node-oidc-provider (a certified
// OpenID Provider implementation) with a static client and static users, each in some groups.
// It listens on a free loopback port and prints one line, "issuer <url>", once it is ready.
//
// Environment:
//   OIDC_TEST_REDIRECT_URIS  comma-separated redirect URIs registered for both clients (required)
//   OIDC_TEST_PORT           port to listen on (default 0: a free one)
//
// Clients: "riskconsole" and "other-app" (used to obtain a token for the wrong audience), both
// with the secret "riskconsole-test-secret-0123456789" (confidential, client_secret_basic or
// client_secret_post), authorization code with PKCE S256.
//
// Users (password "Correct-Horse-9" for all; the login page checks it):
//   anna     groups risk-analysts              → ANALYST under the tests' mapping
//   aude     groups auditors, everyone
//   nobody   groups everyone                   → no role
//   ada      groups console-admins
//
// POST /test/groups with a form body user=<name>&groups=<a,b> replaces a user's groups, as an
// administrator of the company's directory would (tests of a person moved between groups).
import http from 'node:http';
import Provider from 'oidc-provider';

const users = {
  anna: { name: 'Anna Analyst', email: 'anna@example.test', groups: ['risk-analysts'] },
  aude: { name: 'Aude Auditor', email: 'aude@example.test', groups: ['auditors', 'everyone'] },
  nobody: { name: 'No Body', email: 'nobody@example.test', groups: ['everyone'] },
  ada: { name: 'Ada Admin', email: 'ada@example.test', groups: ['console-admins'] },
};
const password = 'Correct-Horse-9';
const secret = 'riskconsole-test-secret-0123456789';

const redirectURIs = (process.env.OIDC_TEST_REDIRECT_URIS ?? '').split(',').filter(Boolean);
if (redirectURIs.length === 0) {
  console.error('OIDC_TEST_REDIRECT_URIS is required');
  process.exit(2);
}

const server = http.createServer();
server.listen(Number(process.env.OIDC_TEST_PORT ?? 0), '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const client = (id) => ({
    client_id: id,
    client_secret: secret,
    redirect_uris: redirectURIs,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  });
  const provider = new Provider(issuer, {
    clients: [client('riskconsole'), client('other-app')],
    // Claims are released to the client by scope; "groups" rides along with "profile".
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'preferred_username', 'groups'] },
    conformIdTokenClaims: false, // put the scope's claims into the ID token, as many providers do
    findAccount: async (_ctx, id) => {
      const u = users[id];
      if (!u) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, preferred_username: id, ...u }) };
    },
    pkce: { required: () => true },
    cookies: { keys: ['riskconsole-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: { IdToken: 3600, AccessToken: 3600, AuthorizationCode: 60, Session: 3600, Interaction: 600, Grant: 3600 },
  });
  provider.proxy = false;

  const page = (uid, error) => `<!doctype html><html><head><meta charset="utf-8"><title>Test IdP sign-in</title>
<style>body{font-family:sans-serif;max-width:24rem;margin:4rem auto}label{display:block;margin:.5rem 0}</style></head>
<body><h1>Test IdP</h1><p>Sign in to continue to riskconsole.</p>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label>Username <input name="login" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button></form></body></html>`;

  const readForm = (req) =>
    new Promise((resolve, reject) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => resolve(new URLSearchParams(body)));
      req.on('error', reject);
    });

  const callback = provider.callback();
  server.on('request', async (req, res) => {
    if (req.method === 'POST' && req.url === '/test/groups') {
      const form = await readForm(req);
      const u = users[form.get('user')];
      if (!u) {
        res.writeHead(404);
        return res.end('no such user');
      }
      u.groups = (form.get('groups') ?? '').split(',').filter(Boolean);
      res.writeHead(204);
      return res.end();
    }
    const m = /^\/interaction\/([^/]+)(\/login)?$/.exec(req.url.split('?')[0]);
    if (!m) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        if (!m[2]) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(page(details.uid));
        }
        const form = await readForm(req);
        const login = form.get('login') ?? '';
        if (!users[login] || form.get('password') !== password) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          return res.end(page(details.uid, 'Invalid username or password.'));
        }
        return await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
      }
      // Consent: the test users grant every requested scope and claim at once.
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      const missing = details.prompt.details;
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      if (missing.missingResourceScopes) {
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) {
          grant.addResourceScope(indicator, scopes.join(' '));
        }
      }
      const grantId = await grant.save();
      return await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (err) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });
  console.log(`issuer ${issuer}`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
