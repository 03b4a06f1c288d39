// The load tool's server: PERF_BASE_URL with PERF_DATA_DIR (whose demo-accounts.json signs in)
// when given, else the server built from this tree with PERF_DEMO_DECISIONS (default 200,000, the
// server's own default) demo decisions in PERF_DATA_DIR (default: a directory under the system's
// temporary one, kept so that the demo is seeded only on the first run).
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from '../e2e/global-setup';

export default async function perfSetup(): Promise<(() => Promise<void>) | undefined> {
  const decisions = Number(process.env.PERF_DEMO_DECISIONS ?? 200_000);
  const dataDir = process.env.PERF_DATA_DIR ?? path.join(tmpdir(), `riskconsole-perf-${decisions}`);
  let stop: (() => Promise<void>) | undefined;
  let url = process.env.PERF_BASE_URL;
  if (!url) {
    console.log(`perf: starting the server with ${decisions.toLocaleString('en-US')} demo decisions in ${dataDir} (the first run seeds them: minutes)`);
    const server = await startServer(decisions, dataDir);
    url = server.url;
    stop = server.stop;
  }
  process.env.E2E_BASE_URL = url;
  process.env.E2E_ACCOUNTS = readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8');
  return stop;
}
