// Builds the Go server, starts it on a free loopback port with a temporary data directory
// (embedded SQLite, a small demo data set, trusted documents enforced for cookie sessions) and
// hands the tests its URL and the demo accounts through environment variables. The returned
// function stops it.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

async function waitReady(url: string, exited: () => string | null): Promise<void> {
  const deadline = Date.now() + 180_000;
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
  throw new Error(`the server at ${url} was not ready within 180 s`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'riskconsole-e2e-'));
  const bin = path.join(tmp, 'server');
  execFileSync('go', ['build', '-o', bin, './server'], { cwd: repoRoot, stdio: 'inherit' });
  const port = await freePort();
  const dataDir = path.join(tmp, 'data');
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const server = spawn(bin, [], {
    cwd: tmp,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      // Enough for US to have the mature outcomes reject inference needs (outcomes.spec.ts), small
      // enough to seed in seconds.
      DEMO_DECISIONS: '6000',
      LISTEN_ADDR: `127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      GRAPHQL_TRUSTED_DOCUMENTS: 'cookie',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.on('data', (b) => (log += b));
  server.stderr.on('data', (b) => (log += b));
  let exit: string | null = null;
  server.on('exit', (code, signal) => (exit = `code ${code} signal ${signal}\n${log}`));
  try {
    await waitReady(url, () => exit);
  } catch (e) {
    server.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  process.env.E2E_BASE_URL = url;
  process.env.E2E_ACCOUNTS = readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8');
  process.env.E2E_TOKENS = readFileSync(path.join(dataDir, 'demo-tokens.json'), 'utf8');

  return async () => {
    if (exit === null) {
      const stopped = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 10_000))]);
      if (exit === null) server.kill('SIGKILL');
    }
    rmSync(tmp, { recursive: true, force: true });
  };
}
