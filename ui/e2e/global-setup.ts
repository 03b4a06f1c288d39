// Builds the Go server, starts it on a free loopback port with a temporary data directory
// (embedded SQLite, a small demo data set, trusted documents enforced for cookie sessions) and
// hands the tests its URL and the demo accounts through environment variables. The returned
// function stops it. The load tool (perf/) starts its larger server with startServer.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { providerClient, startProvider, type Provider } from './oidc-provider';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(url: string, exited: () => string | null, within: number): Promise<void> {
  const deadline = Date.now() + within;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(`the server exited before it was ready: ${why}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server at ${url} was not ready within ${within / 1000} s`);
}

export interface Server {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

/**
 * startServer builds the server and starts it with demoDecisions demo decisions, in dataDir when
 * given (kept afterwards, so that a large demo is seeded once), else in a temporary directory
 * removed when it stops. extraEnv, given the server's URL, returns what to add to or override in
 * its environment (trusted documents are enforced for cookie sessions unless it says otherwise).
 */
export async function startServer(
  demoDecisions: number,
  dataDir?: string,
  extraEnv?: (url: string) => Promise<Record<string, string>>,
): Promise<Server> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'riskconsole-e2e-'));
  const bin = path.join(tmp, 'server');
  execFileSync('go', ['build', '-o', bin, './server'], { cwd: repoRoot, stdio: 'inherit' });
  const port = await freePort();
  dataDir ??= path.join(tmp, 'data');
  const url = `http://127.0.0.1:${port}`;
  const more = extraEnv ? await extraEnv(url) : {};
  let log = '';
  const server = spawn(bin, [], {
    cwd: tmp,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DEMO_DECISIONS: String(demoDecisions),
      LISTEN_ADDR: `127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      GRAPHQL_TRUSTED_DOCUMENTS: 'cookie',
      ...more,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (b) => (log += b));
  server.stderr.on('data', (b) => (log += b));
  let exit: string | null = null;
  server.on('exit', (code, signal) => (exit = `code ${code} signal ${signal}\n${log}`));
  try {
    // Seeding takes seconds for the tests' demo, minutes for the load tool's 200,000 decisions.
    await waitReady(url, () => exit, demoDecisions > 10_000 ? 900_000 : 180_000);
  } catch (e) {
    server.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  const stop = async () => {
    if (exit === null) {
      const stopped = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
      if (exit === null) server.kill('SIGKILL');
    }
    rmSync(tmp, { recursive: true, force: true });
  };
  return { url, dataDir, stop };
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  // Enough for US to have the mature outcomes reject inference needs (outcomes.spec.ts), small
  // enough to seed in seconds.
  // Staff may also sign in through a real OpenID Connect provider (oidc.spec.ts).
  let provider: Provider | undefined;
  const server = await startServer(6000, undefined, async (url) => {
    provider = await startProvider(`${url}/auth/oidc/callback`);
    return {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: providerClient.id,
      OIDC_CLIENT_SECRET: providerClient.secret,
      OIDC_REDIRECT_URL: `${url}/auth/oidc/callback`,
      OIDC_GROUP_ROLES: 'risk-analysts=ANALYST,auditors=AUDITOR,console-admins=ADMIN',
      OIDC_PROVIDER_NAME: 'Test IdP',
    };
  }).catch(async (e) => {
    await provider?.stop();
    throw e;
  });
  process.env.E2E_BASE_URL = server.url;
  process.env.E2E_ACCOUNTS = readFileSync(path.join(server.dataDir, 'demo-accounts.json'), 'utf8');
  process.env.E2E_TOKENS = readFileSync(path.join(server.dataDir, 'demo-tokens.json'), 'utf8');
  return async () => {
    await server.stop();
    await provider?.stop();
  };
}
