import { execFileSync, spawn } from 'node:child_process';
import pg from 'pg';
import { CLI, ROOT } from './common.js';

/**
 * The CLI the server benchmarks run: dist/ of this checkout, or BENCH_SERVER_CLI (for instance
 * a build of a clean `git archive` export, when the working tree is being edited).
 */
export const SERVER_CLI = process.env.BENCH_SERVER_CLI || CLI;

export interface RunningServer {
  url: string;
  token: string;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** A fresh PostgreSQL database for one benchmark run (dropped by `dropDatabase`). */
export async function freshDatabase(
  name: string,
  admin = 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<string> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(
  name: string,
  admin = 'postgres://postgres@127.0.0.1:5432/postgres',
): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

/** A new token of `role` from `gatehouse admin token create`, on the store `env` names. */
export function cliToken(env: NodeJS.ProcessEnv, role: string, name = 'bench'): string {
  return execFileSync(
    process.execPath,
    [SERVER_CLI, 'admin', 'token', 'create', '--role', role, '--name', name],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    },
  ).trim();
}

/** `gatehouse serve` (SERVER_CLI) on a free loopback port, with a token of `role`. */
export async function startServer(env: NodeJS.ProcessEnv, role = 'admin'): Promise<RunningServer> {
  const full = { ...process.env, GATEHOUSE_LOG: 'off', GATEHOUSE_RATE_LIMIT: '10000000', ...env };
  const token = cliToken(full, role);
  const child = spawn(process.execPath, [SERVER_CLI, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: full,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /serving on (http:\/\/[^\s]+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return {
    url,
    token,
    env: full,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
