// Starts the tests' OpenID Connect provider (scripts/oidc-provider: node-oidc-provider with a
// static client and users), installing its packages with `npm ci` when missing, on a free
// loopback port. The console's sign-in journeys go through its real login page.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../scripts/oidc-provider');

/** The provider's users' password and its client (scripts/oidc-provider/server.mjs). */
export const providerPassword = 'Correct-Horse-9';
export const providerClient = { id: 'riskconsole', secret: 'riskconsole-test-secret-0123456789' };

export interface Provider {
  issuer: string;
  stop: () => Promise<void>;
}

/** startProvider starts the provider with redirectURI registered for its client. */
export async function startProvider(redirectURI: string): Promise<Provider> {
  if (!existsSync(path.join(dir, 'node_modules', 'oidc-provider'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  }
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd: dir,
    env: { ...process.env, OIDC_TEST_REDIRECT_URIS: redirectURI },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (b) => (log += b));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the OpenID provider was not ready within 60 s\n${log}`)), 60_000);
    child.stdout.on('data', (b: Buffer) => {
      log += b;
      const m = /^issuer (\S+)$/m.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the OpenID provider exited (code ${code}) before it was ready\n${log}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
  };
  return { issuer, stop };
}
