import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardenedDeployment, review } from './fixtures/admission/review.js';
import { makeTree } from './tmp.js';

/**
 * The webhook end to end: the real CLI serving HTTPS on loopback with a certificate made
 * for the test, answering real AdmissionReview JSON.
 */
const MAIN = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
let tree: ReturnType<typeof makeTree>;
let server: ChildProcess;
let port = 0;
let ca: Buffer;

const POLICY = `
exceptions:
  - rule: iac/k8s-privileged-container
    path: admission/monitoring/**
    reason: the node agent needs it
    approver: security@example.com
`;

beforeAll(async () => {
  tree = makeTree({ 'gatehouse.yml': POLICY });
  const cert = join(tree.root, 'tls.crt');
  const key = join(tree.root, 'tls.key');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
    ],
    { stdio: 'ignore' },
  );
  ca = readFileSync(cert);
  const args = [
    'admission',
    'serve',
    '--tls-cert',
    cert,
    '--tls-key',
    key,
    '--port',
    '0',
    '--host',
    '127.0.0.1',
  ];
  // From the repository, where `--import tsx` resolves; the policy comes by --config.
  server = spawn(
    process.execPath,
    ['--import', 'tsx', MAIN, ...args, '--config', join(tree.root, 'gatehouse.yml')],
    {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, NO_COLOR: '1' },
    },
  );
  port = await new Promise<number>((resolve, reject) => {
    let err = '';
    server.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /https:\/\/127\.0\.0\.1:(\d+)\/validate/.exec(err);
      if (m) resolve(Number(m[1]));
    });
    server.on('exit', (code) => reject(new Error(`webhook exited ${code}: ${err}`)));
  });
}, 60_000);

afterAll(() => {
  server?.kill('SIGTERM');
  tree?.cleanup();
});

interface Reply {
  error?: string;
  response: { uid: string; allowed: boolean; status: { code: number; message: string }; warnings: string[] };
}

function post(path: string, body: string | object): Promise<{ status: number; json: Reply }> {
  const data = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        ca,
        servername: 'localhost',
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

function privileged(namespace: string) {
  return hardenedDeployment(namespace, (c) => {
    c.securityContext = { privileged: true };
  });
}

describe('gatehouse admission serve', () => {
  it('allows a hardened Deployment', async () => {
    const { status, json } = await post('/validate', review(hardenedDeployment()));
    expect(status).toBe(200);
    expect(json).toMatchObject({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' });
    expect(json.response).toMatchObject({ uid: '705ab4f5-6393-11e8-b7cc-42010a800002', allowed: true });
  });

  it('denies a privileged container with the failed rules and their fixes', async () => {
    const { json } = await post('/validate', review(privileged('payments')));
    expect(json.response.allowed).toBe(false);
    expect(json.response.status.code).toBe(403);
    expect(json.response.status.message).toContain('Gatehouse denied Deployment payments/api');
    expect(json.response.status.message).toContain('iac/k8s-privileged-container');
    expect(json.response.status.message).toContain('fix:');
  });

  it('applies the policy file: an exception for one namespace admits it there only', async () => {
    expect((await post('/validate', review(privileged('monitoring')))).json.response.allowed).toBe(true);
  });

  it('allows with warnings when only non-blocking findings remain', async () => {
    const d = hardenedDeployment('payments', (c) => {
      delete c.readinessProbe;
      delete c.resources;
    });
    const { json } = await post('/validate', review(d));
    expect(json.response.allowed).toBe(true);
    expect(json.response.warnings.length).toBeGreaterThan(0);
  });

  it('allows deletions and requests from excluded namespaces', async () => {
    expect((await post('/validate', review(privileged('payments'), 'DELETE'))).json.response.allowed).toBe(
      true,
    );
    expect((await post('/validate', review(privileged('kube-system')))).json.response.allowed).toBe(true);
  });

  it.each([
    ['not JSON', '{"apiVersion": ', 400, /not JSON/],
    [
      'another API version',
      { apiVersion: 'admission.k8s.io/v1beta1', kind: 'AdmissionReview', request: {} },
      400,
      /apiVersion/,
    ],
    ['no request', { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview' }, 400, /request/],
  ])('answers %s with 400 and a reason', async (_what, body, status, message) => {
    const r = await post('/validate', body);
    expect(r.status).toBe(status);
    expect(r.json.error).toMatch(message);
  });

  it('refuses a body over 3 MiB with 413 and keeps serving', async () => {
    const r = await post('/validate', `"${'x'.repeat(4 * 1024 * 1024)}"`);
    expect(r.status).toBe(413);
    expect((await post('/validate', review(hardenedDeployment()))).json.response.allowed).toBe(true);
  });
});
