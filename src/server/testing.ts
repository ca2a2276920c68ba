import type { FastifyInstance } from 'fastify';
import type { Finding } from '../core/finding.js';
import { toJsonReport } from '../formats/json.js';
import type { Role } from '../store/schema.js';
import type { Backend, TestStore } from '../store/testing.js';
import { createToken } from '../store/tokens.js';
import { createUser, type UserRole } from '../store/users.js';
import { buildServer, DEFAULT_LIMITS } from './app.js';
import type { AuthSettings } from './auth-settings.js';
import { CSRF_HEADER } from './csrf.js';
import { SESSION_COOKIE } from './session-cookie.js';

// biome-ignore lint/suspicious/noExplicitAny: tests read answers of every shape
type AnyJson = any;

export interface TestServer {
  url: string;
  store: TestStore;
  app: FastifyInstance;
  /** A token of `role`, optionally scoped to a project (created if needed). */
  token(role: Role, project?: string): Promise<string>;
  /** fetch against the server with a bearer token; JSON bodies are serialised. */
  call(
    token: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: AnyJson; headers: Headers }>;
  close(): Promise<void>;
  /** A user of `role` who signs in with `password` (default TEST_PASSWORD), maybe of one project. */
  user(
    role: UserRole,
    opts?: { project?: string; email?: string; password?: string },
  ): Promise<{ id: number; email: string; password: string }>;
  /** Signs in as the dashboard does; throws unless it succeeds. */
  signIn(email: string, password?: string): Promise<Browser>;
}

/** A signed-in browser: its cookie and CSRF token, sent with every call from the server's origin. */
export interface Browser {
  /** The session secret the cookie carries. */
  secret: string;
  /** The `Cookie` header value. */
  cookie: string;
  csrfToken: string;
  /** Like TestServer.call without a token: the cookie, the CSRF header and Origin are added. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: AnyJson; headers: Headers }>;
}

export const TEST_PASSWORD = 'correct horse battery staple';
/** Cheap scrypt for tests (the default costs a quarter second a hash); the format is the same. */
export const TEST_PASSWORD_COST = { logN: 10, r: 8, p: 1 };

/** A real server on a loopback port, over a fresh store of the backend. */
export async function startTestServer(
  backend: Backend,
  limits: Partial<typeof DEFAULT_LIMITS> = {},
  options: { auth?: Partial<AuthSettings>; baseUrl?: string; dashboardDir?: string } = {},
): Promise<TestServer> {
  const store = await backend.open();
  const l = { ...DEFAULT_LIMITS, ...limits };
  const app = await buildServer({
    store,
    baseUrl: options.baseUrl ?? '',
    limits: { uploadBytes: l.uploadBytes, uploadInflatedBytes: l.uploadInflatedBytes },
    jsonBodyBytes: l.jsonBodyBytes,
    rateLimitPerMinute: l.rateLimitPerMinute,
    logger: false,
    auth: { passwordCost: TEST_PASSWORD_COST, ...options.auth },
    ...(options.dashboardDir ? { dashboardDir: options.dashboardDir } : {}),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  let users = 0;
  const server: TestServer = {
    url,
    store,
    app,
    async token(role, project) {
      let projectId: number | null = null;
      if (project) {
        await store.db
          .insertInto('projects')
          .values({
            name: project,
            repository: null,
            default_branch: 'main',
            tier: 'medium',
            team_id: null,
            created_at: Date.now(),
          })
          .onConflict((oc) => oc.column('name').doNothing())
          .execute();
        projectId = (
          await store.db
            .selectFrom('projects')
            .select('id')
            .where('name', '=', project)
            .executeTakeFirstOrThrow()
        ).id;
      }
      return (
        await createToken(store.db, {
          role,
          name: `${role}-${project ?? 'all'}`,
          projectId,
          createdBy: 'test',
        })
      ).token;
    },
    async call(token, method, path, body, headers = {}) {
      const isBytes = body instanceof Uint8Array;
      const res = await fetch(url + path, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined && !isBytes ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : isBytes ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = text;
      }
      return { status: res.status, json, headers: res.headers };
    },
    async close() {
      await app.close();
      await store.dispose();
    },
    async user(role, opts = {}) {
      const projectId = opts.project ? await ensureTestProject(store, opts.project) : null;
      const email = opts.email ?? `${role}${opts.project ? `-${opts.project}` : ''}-${++users}@test.example`;
      const password = opts.password ?? TEST_PASSWORD;
      const u = await createUser(
        store.db,
        { email, name: email.split('@')[0]!, role, projectId, password },
        { actor: 'test', now: Date.now(), cost: TEST_PASSWORD_COST },
      );
      return { id: u.id, email: u.email, password };
    },
    async signIn(email, password = TEST_PASSWORD) {
      const r = await server.call(undefined, 'POST', '/api/v1/session', { email, password }, { origin: url });
      if (r.status !== 200)
        throw new Error(`sign-in of ${email} failed: ${r.status} ${JSON.stringify(r.json)}`);
      const set = r.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
      const secret = set.slice(SESSION_COOKIE.length + 1).split(';')[0]!;
      const cookie = `${SESSION_COOKIE}=${secret}`;
      const csrfToken: string = r.json.csrfToken;
      return {
        secret,
        cookie,
        csrfToken,
        call: (method, path, body, headers = {}) =>
          server.call(undefined, method, path, body, {
            cookie,
            [CSRF_HEADER]: csrfToken,
            origin: url,
            ...headers,
          }),
      };
    },
  };
  return server;
}

/** The id of project `name`, created when missing. */
async function ensureTestProject(store: TestStore, name: string): Promise<number> {
  await store.db
    .insertInto('projects')
    .values({
      name,
      repository: null,
      default_branch: 'main',
      tier: 'medium',
      team_id: null,
      created_at: Date.now(),
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return (
    await store.db.selectFrom('projects').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

/** The JSON report `gatehouse scan --format json` writes for these findings, as bytes. */
export function testReport(findings: Finding[], opts: { commit?: string; scanners?: string[] } = {}): Buffer {
  const now = new Date().toISOString();
  const scanners = opts.scanners ?? [...new Set(['sast', ...findings.map((f) => f.scanner)])];
  const json = toJsonReport({
    tool: { name: 'gatehouse', version: 'test' },
    result: {
      target: { root: '/src/app', branch: 'main', commit: opts.commit ?? 'c0ffee' },
      startedAt: now,
      finishedAt: now,
      findings,
      scanners: scanners.map((name) => ({
        name,
        status: 'ok' as const,
        durationMs: 1,
        files: 1,
        bytes: 1,
        findings: 0,
      })),
      diagnostics: [],
      rules: [],
      discovery: { files: 1, bytes: 1, skipped: 0 },
    },
    gate: {
      verdict: 'pass',
      findings: findings.map((f) => ({
        fingerprint: f.fingerprint,
        action: 'report' as const,
        status: 'new' as const,
        policyRule: 'test',
        reason: 'test',
      })),
      counts: { fail: 0, warn: 0, report: findings.length, ignore: 0, excepted: 0, existing: 0 },
      notes: [],
      exceptionsFile: 'gatehouse.yml',
    },
  });
  return Buffer.from(JSON.stringify(json));
}
