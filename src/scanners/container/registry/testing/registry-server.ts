import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTokenService, type TokenService } from './token-service.js';

/**
 * A real registry (Debian's `docker-registry`, the CNCF distribution project) on loopback, for the
 * client's tests: anonymous, with htpasswd basic auth, or with token auth from a token service
 * of our own that signs tokens the way the registry verifies them.
 */
export type RegistryAuth = 'none' | 'basic' | 'token';

export interface TestRegistry {
  host: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

export const REGISTRY_BINARY = 'docker-registry';
const USERNAME = 'ci';
const PASSWORD = 'gatehouse-test-password';
/** bcrypt of PASSWORD (`mkpasswd -m bcrypt -R 4`): the registry reads only bcrypt htpasswd lines. */
const HTPASSWD = `${USERNAME}:$2b$05$bwDANabbyAYAeXf8fHy0h.G0PkYQJdH35/967AGOb4vBWhL9dDloe\n`;

export function registryAvailable(): boolean {
  try {
    execFileSync(REGISTRY_BINARY, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function startRegistry(auth: RegistryAuth = 'none'): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'gh-registry-'));
  const port = await freePort();
  const tokens =
    auth === 'token' ? await startTokenService(dir, { username: USERNAME, password: PASSWORD }) : undefined;
  writeFileSync(join(dir, 'htpasswd'), HTPASSWD);
  writeFileSync(join(dir, 'config.yml'), config(dir, port, auth, tokens));
  const child = spawn(REGISTRY_BINARY, ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const host = `127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    await tokens?.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(host, child, () => stderr);
  } catch (e) {
    await stop();
    throw e;
  }
  return { host, username: USERNAME, password: PASSWORD, stop };
}

function config(dir: string, port: number, auth: RegistryAuth, tokens: TokenService | undefined): string {
  const authBlock =
    auth === 'basic'
      ? `auth:\n  htpasswd:\n    realm: gatehouse-test\n    path: ${join(dir, 'htpasswd')}\n`
      : auth === 'token' && tokens
        ? `auth:\n  token:\n    realm: ${tokens.realm}\n    service: ${tokens.service}\n    issuer: ${tokens.issuer}\n    rootcertbundle: ${tokens.certFile}\n`
        : '';
  return [
    'version: 0.1',
    'log:\n  level: error\n  accesslog:\n    disabled: true',
    `storage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true`,
    `http:\n  addr: 127.0.0.1:${port}`,
    authBlock,
  ].join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(host: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited (${child.exitCode}): ${stderr()}`);
    try {
      const res = await fetch(`http://${host}/v2/`);
      await res.body?.cancel();
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not start on ${host}: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
