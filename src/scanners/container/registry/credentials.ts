import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../../core/errors.js';
import { DOCKER_HUB } from './reference.js';

/**
 * How to prove who we are to one registry. An identity token is an OAuth refresh token that
 * `docker login` stored; it is traded for an access token at the registry's token service.
 */
export type Credential =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'identity'; username?: string; token: string };

/** A credential and where it came from: the place is named in messages, the secret never. */
export interface FoundCredential {
  credential?: Credential;
  from: string;
}

type Env = Record<string, string | undefined>;

/** `docker login` files Docker Hub under its v1 index address. */
const HUB_KEY = 'https://index.docker.io/v1/';
const HELPER_TIMEOUT_MS = 10_000;
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * Looks for credentials as the Docker CLI does, after our own variables: GATEHOUSE_REGISTRY_TOKEN
 * (a bearer token), GATEHOUSE_REGISTRY_USERNAME with GATEHOUSE_REGISTRY_PASSWORD, then
 * `$DOCKER_CONFIG/config.json` (default `~/.docker/config.json`): a `credHelpers` entry for the
 * registry, an `auths` entry, then the `credsStore` helper. None found means anonymous.
 */
export async function findCredential(registry: string, env: Env = process.env): Promise<FoundCredential> {
  if (env.GATEHOUSE_REGISTRY_TOKEN)
    return {
      credential: { kind: 'bearer', token: env.GATEHOUSE_REGISTRY_TOKEN },
      from: 'GATEHOUSE_REGISTRY_TOKEN',
    };
  const { GATEHOUSE_REGISTRY_USERNAME: username, GATEHOUSE_REGISTRY_PASSWORD: password } = env;
  if (username !== undefined || password !== undefined) {
    if (!username || password === undefined)
      throw new UserError('GATEHOUSE_REGISTRY_USERNAME and GATEHOUSE_REGISTRY_PASSWORD must be set together');
    return {
      credential: { kind: 'basic', username, password },
      from: 'GATEHOUSE_REGISTRY_USERNAME/PASSWORD',
    };
  }
  return fromDockerConfig(registry, env);
}

async function fromDockerConfig(registry: string, env: Env): Promise<FoundCredential> {
  const file = join(env.DOCKER_CONFIG ?? join(env.HOME ?? homedir(), '.docker'), 'config.json');
  const config = await readConfig(file);
  if (!config) return { from: 'anonymous' };
  const helper = stringField(config.credHelpers, registry);
  if (helper) return fromHelper(helper, registry, env);
  const auth = authEntry(config.auths, registry);
  if (auth) return { credential: parseAuthEntry(auth, file, registry), from: file };
  const store = typeof config.credsStore === 'string' && config.credsStore ? config.credsStore : undefined;
  if (store) return fromHelper(store, registry, env);
  return { from: 'anonymous' };
}

async function readConfig(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_CONFIG_BYTES)
      throw new UserError(`${file} is ${bytes.length} bytes: too big for a Docker config`);
    text = bytes.toString('utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`${file} cannot be read: ${(e as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Reported below, without echoing content that may hold a secret.
  }
  throw new UserError(`${file} is not a JSON object: fix it or set DOCKER_CONFIG to another folder`);
}

/** `auths` keys may carry a scheme and a path (`https://reg.example.com/v2/`); Hub has several names. */
function authEntry(auths: unknown, registry: string): Record<string, unknown> | undefined {
  if (!auths || typeof auths !== 'object') return undefined;
  for (const [key, value] of Object.entries(auths)) {
    if (registryOfKey(key) === registry && value && typeof value === 'object')
      return value as Record<string, unknown>;
  }
  return undefined;
}

function registryOfKey(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');
  return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? DOCKER_HUB : host;
}

function parseAuthEntry(
  entry: Record<string, unknown>,
  file: string,
  registry: string,
): Credential | undefined {
  const bad = () =>
    new UserError(
      `${file}: the "auths" entry for ${registry} is malformed (expected "auth": base64 of user:password)`,
    );
  if (typeof entry.identitytoken === 'string' && entry.identitytoken) {
    const username = typeof entry.username === 'string' ? entry.username : undefined;
    return { kind: 'identity', token: entry.identitytoken, ...(username ? { username } : {}) };
  }
  if (typeof entry.auth === 'string' && entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw bad();
    return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string')
    return { kind: 'basic', username: entry.username, password: entry.password };
  if (Object.keys(entry).length === 0) return undefined;
  throw bad();
}

function stringField(v: unknown, key: string): string | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const found = (v as Record<string, unknown>)[key];
  return typeof found === 'string' && found ? found : undefined;
}

/**
 * Asks `docker-credential-NAME get`, as Docker does: the server address on standard input, JSON
 * `{Username, Secret}` back. "Not found" means anonymous; any other failure is said, with the
 * helper's own words but never its output on success.
 */
async function fromHelper(name: string, registry: string, env: Env): Promise<FoundCredential> {
  if (!/^[\w.-]+$/.test(name))
    throw new UserError(`Docker config names credential helper "${name}", which is not a helper name`);
  const program = `docker-credential-${name}`;
  const server = registry === DOCKER_HUB ? HUB_KEY : registry;
  const { code, stdout, stderr } = await runHelper(program, server, env);
  if (code === 'ENOENT')
    throw new UserError(`${program} (the credential helper the Docker config names) is not installed`);
  if (code !== 0) {
    const said = `${stdout} ${stderr}`.trim();
    if (/credentials not found/i.test(said)) return { from: 'anonymous' };
    throw new UserError(`${program} failed for ${registry}: ${said.slice(0, 200) || `exit code ${code}`}`);
  }
  let reply: unknown;
  try {
    reply = JSON.parse(stdout);
  } catch {
    throw new UserError(`${program} answered with something that is not JSON`);
  }
  const { Username: user, Secret: secret } = (reply ?? {}) as Record<string, unknown>;
  if (typeof secret !== 'string' || !secret)
    throw new UserError(`${program} answered without a Secret for ${registry}`);
  const credential: Credential =
    user === '<token>'
      ? { kind: 'identity', token: secret }
      : { kind: 'basic', username: String(user ?? ''), password: secret };
  return { credential, from: program };
}

function runHelper(
  program: string,
  input: string,
  env: Env,
): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      program,
      ['get'],
      { timeout: HELPER_TIMEOUT_MS, maxBuffer: 1024 * 1024, env: env as NodeJS.ProcessEnv },
      (err, stdout, stderr) => {
        const code = err ? ((err as NodeJS.ErrnoException).code ?? 1) : 0;
        resolve({ code: typeof code === 'number' || typeof code === 'string' ? code : 1, stdout, stderr });
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(input);
  });
}
