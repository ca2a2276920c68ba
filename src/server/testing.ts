import type { FastifyInstance } from 'fastify';
import type { Finding } from '../core/finding.js';
import { toJsonReport } from '../formats/json.js';
import type { Role } from '../store/schema.js';
import type { Backend, TestStore } from '../store/testing.js';
import { createToken } from '../store/tokens.js';
import { buildServer, DEFAULT_LIMITS } from './app.js';

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
}

/** A real server on a loopback port, over a fresh store of the backend. */
export async function startTestServer(
  backend: Backend,
  limits: Partial<typeof DEFAULT_LIMITS> = {},
): Promise<TestServer> {
  const store = await backend.open();
  const l = { ...DEFAULT_LIMITS, ...limits };
  const app = await buildServer({
    store,
    baseUrl: '',
    limits: { uploadBytes: l.uploadBytes, uploadInflatedBytes: l.uploadInflatedBytes },
    jsonBodyBytes: l.jsonBodyBytes,
    rateLimitPerMinute: l.rateLimitPerMinute,
    logger: false,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
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
  };
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
