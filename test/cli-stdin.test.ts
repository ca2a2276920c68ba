import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatehouse } from './cli.js';
import { makeTree } from './tmp.js';

/** What `helm template shop ./chart` prints: one document per template, each after a `# Source:` comment. */
const HELM_OUTPUT = `---
# Source: shop/templates/serviceaccount.yaml
apiVersion: v1
kind: ServiceAccount
metadata:
  name: shop
automountServiceAccountToken: false
---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  namespace: shop
spec:
  template:
    spec:
      hostPID: true
      containers:
        - name: web
          image: shop:1.4.2
`;

/** What `kustomize build overlays/prod` prints: plain documents, no comments. */
const KUSTOMIZE_OUTPUT = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: prod-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cluster-admin
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: prod
`;

interface JsonFinding {
  ruleId: string;
  location: { path: string; startLine: number };
}

describe('gatehouse scan - (manifests on standard input)', () => {
  // The CLI helper runs tsx from the project, so the policy comes through --config, not the working directory.
  const config = makeTree({
    'gatehouse.yml': 'max_file_size: 2KiB\n',
    'lenient.yml': 'gate:\n  fail_on: none\n',
  });
  const tmp = makeTree({});
  afterAll(() => {
    config.cleanup();
    tmp.cleanup();
  });
  // tsx keeps its cache in TMPDIR too: only gatehouse's own directories count.
  const leftovers = () => readdirSync(tmp.root).filter((f) => f.startsWith('gatehouse-stdin-'));
  const scan = (input: string, policy = 'gatehouse.yml') =>
    gatehouse(['scan', '-', '--scanners', 'iac', '--format', 'json', '--config', join(config.root, policy)], {
      input,
      env: { TMPDIR: tmp.root },
    });

  it('scans helm template output, reports it as <stdin> and removes its temporary copy', () => {
    const r = scan(HELM_OUTPUT);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    const hostPid = report.findings.find((f: JsonFinding) => f.ruleId === 'iac/k8s-host-pid');
    expect(hostPid.location).toMatchObject({ path: '<stdin>', startLine: 18 });
    expect(hostPid.properties.resource).toBe('Deployment/shop/shop');
    expect(report.findings.every((f: JsonFinding) => f.location.path === '<stdin>')).toBe(true);
    expect(report.target.root).toBe(process.cwd());
    expect(leftovers()).toEqual([]);
  });

  it('scans kustomize build output', () => {
    const r = scan(KUSTOMIZE_OUTPUT);
    expect(r.code, r.stderr).toBe(1);
    const ids = JSON.parse(r.stdout).findings.map((f: JsonFinding) => `${f.ruleId}@${f.location.startLine}`);
    expect(ids).toEqual(['iac/k8s-cluster-admin-binding@8']);
  });

  it('refuses input larger than max_file_size, and empty input', () => {
    const big = `${HELM_OUTPUT}\n# ${'x'.repeat(3000)}\n`;
    const tooBig = scan(big);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toContain('standard input is larger than max_file_size (2.0 KiB)');
    const empty = scan('');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('standard input is empty');
    expect(leftovers()).toEqual([]);
  });

  it('applies the policy', () => {
    const r = scan(KUSTOMIZE_OUTPUT, 'lenient.yml');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
  });
});
