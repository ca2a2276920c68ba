import { describe, expect, it } from 'vitest';
import { gatehouse } from '../../../../test/cli.js';
import { makeTree } from '../../../../test/tmp.js';
import { evaluate, indexRules } from '../evaluate.js';
import { lineOf } from '../model.js';
import { KUBERNETES_RULES } from '../rules/kubernetes/index.js';
import { type KubernetesResource, kubernetesDocumentFromObject, kubernetesParser } from './kubernetes.js';
import type { ParseResult } from './parser.js';

const parse = (text: string, path = 'm.yaml') => kubernetesParser.parse([{ path, text }]) as ParseResult;
const resources = (text: string, path?: string) =>
  parse(text, path).documents.flatMap((d) => d.resources) as KubernetesResource[];

const deployment = (name: string, extra = '') =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    ...(extra ? [extra] : []),
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          image: app:1.0',
  ].join('\n');

describe('kubernetes parser: accepts', () => {
  const accepts = (text: string, path = 'x.yaml') => kubernetesParser.accepts?.(text, path) ?? true;

  it('takes YAML and JSON manifests, not other YAML', () => {
    expect(accepts(deployment('a'))).toBe(true);
    expect(accepts('---\n# Source: c/templates/a.yaml\napiVersion: v1\nkind: Service\n')).toBe(true);
    expect(accepts('{"apiVersion": "v1", "kind": "Pod"}', 'pod.json')).toBe(true);
    expect(accepts('services:\n  web:\n    image: nginx\n', 'compose.yaml')).toBe(false);
    expect(accepts('on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n')).toBe(false);
    // A nested apiVersion (an Ansible task, a CRD example) is not a manifest.
    expect(accepts('- k8s:\n    definition:\n      apiVersion: v1\n      kind: Pod\n')).toBe(false);
  });

  it('leaves raw Helm chart templates alone (scan `helm template` output instead)', () => {
    const template = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n';
    expect(accepts(template, 'chart/templates/deployment.yaml')).toBe(false);
    expect(accepts(template.replace('{{ .Release.Name }}', 'web'), 'chart/templates/deployment.yaml')).toBe(
      true,
    );
  });
});

describe('kubernetes parser: resources', () => {
  it('reads a multi-document stream with addresses, namespaces and positions', () => {
    const text = [
      deployment('api', '  namespace: shop'),
      '---',
      deployment('worker'),
      '---',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRole',
      'metadata:',
      '  name: reader',
      '  namespace: ignored',
    ].join('\n');
    const rs = resources(text);
    expect(rs.map((r) => r.address)).toEqual([
      'Deployment/shop/api',
      'Deployment/default/worker',
      'ClusterRole/reader',
    ]);
    expect(rs.map((r) => [r.type, r.name, r.platform, r.kind])).toEqual([
      ['Deployment', 'api', 'kubernetes', 'resource'],
      ['Deployment', 'worker', 'kubernetes', 'resource'],
      ['ClusterRole', 'reader', 'kubernetes', 'resource'],
    ]);
    const [api, worker] = rs;
    expect([api!.line, worker!.line]).toEqual([1, 13]);
    expect(lineOf(worker!, ['spec', 'template', 'spec', 'containers', 0, 'image'])).toBe(22);
    expect(lineOf(worker!, ['spec', 'template', 'spec', 'containers', 0, 'securityContext'])).toBe(21);
  });

  it('reads Helm output and keeps the template each object came from', () => {
    const text = [
      '---',
      '# Source: shop/templates/serviceaccount.yaml',
      'apiVersion: v1',
      'kind: ServiceAccount',
      'metadata:',
      '  name: shop',
      '---',
      '# Source: shop/templates/deployment.yaml',
      deployment('shop'),
      '---',
      '# Source: shop/templates/empty.yaml',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: plain',
    ].join('\n');
    const { documents, diagnostics } = parse(text, 'rendered.yaml');
    expect(diagnostics).toEqual([]);
    const rs = documents[0]!.resources as KubernetesResource[];
    expect(rs.map((r) => [r.address, r.source])).toEqual([
      ['ServiceAccount/default/shop', 'shop/templates/serviceaccount.yaml'],
      ['Deployment/default/shop', 'shop/templates/deployment.yaml'],
      ['ConfigMap/default/plain', undefined],
    ]);
  });

  it('reads kustomize build output as a plain stream', () => {
    const text = `${deployment('prod-api', '  namespace: prod')}\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n`;
    expect(resources(text, 'kustomize.yaml').map((r) => r.address)).toEqual([
      'Deployment/prod/prod-api',
      'Namespace/prod',
    ]);
  });

  it('leaves out the files a kustomization names as patches', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 5\n';
    const kustomization =
      'resources: [../../base]\npatches:\n  - path: replicas.yaml\n    target: {kind: Deployment}\n' +
      '  - patch: |-\n      - op: replace\n        path: /spec/replicas\n        value: 3\npatchesStrategicMerge:\n  - ./sub/limits.yaml\n';
    expect(kubernetesParser.accepts?.(kustomization, 'overlays/prod/kustomization.yaml')).toBe(true);
    const { documents, diagnostics } = kubernetesParser.parse([
      { path: 'overlays/prod/kustomization.yaml', text: kustomization },
      { path: 'overlays/prod/replicas.yaml', text: patch },
      { path: 'overlays/prod/sub/limits.yaml', text: patch },
      { path: 'base/deployment.yaml', text: deployment('api') },
    ]) as ParseResult;
    expect(documents.map((d) => d.path)).toEqual(['base/deployment.yaml']);
    expect(diagnostics.map((d) => [d.level, d.code, d.path])).toEqual([
      ['info', 'k8s-kustomize-patch', 'overlays/prod/replicas.yaml'],
      ['info', 'k8s-kustomize-patch', 'overlays/prod/sub/limits.yaml'],
    ]);
  });

  it('turns List and *List items into resources with their own positions', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '  - apiVersion: v1',
      '    kind: Pod',
      '    metadata: {name: one}',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          image: app:1',
      '  - kind: Service',
      '    metadata: {name: svc, namespace: web}',
      '  - just a string',
    ].join('\n');
    const [pod, svc, ...rest] = resources(text);
    expect(rest).toEqual([]);
    expect([pod!.address, pod!.line, pod!.endLine]).toEqual(['Pod/default/one', 4, 10]);
    expect(lineOf(pod!, ['spec', 'containers', 0, 'image'])).toBe(10);
    expect(lineOf(pod!, ['spec', 'hostNetwork'])).toBe(7);
    expect(pod!.value.kind).toBe('Pod');
    expect([svc!.address, svc!.line]).toEqual(['Service/web/svc', 11]);
  });

  it('skips documents that are not Kubernetes objects without a word', () => {
    const text = `replicas: 3\n---\n- a\n- b\n---\nkind: Thing\n---\n42\n---\n${deployment('x')}`;
    const { documents, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(documents[0]!.resources.map((r) => r.address)).toEqual(['Deployment/default/x']);
    expect(parse('a: 1\n').documents).toEqual([]);
  });

  it('checks objects without a name as <unnamed>, with a diagnostic, and keeps addresses unique', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\nspec: {hostPID: true}\n';
    const { documents, diagnostics } = parse(
      `${pod}---\n${pod}---\napiVersion: v1\nkind: Pod\nmetadata:\n  generateName: web-\n`,
    );
    expect(documents[0]!.resources.map((r) => r.address)).toEqual([
      'Pod/default/<unnamed>',
      'Pod/default/<unnamed>#2',
      'Pod/default/web-<generated>',
    ]);
    expect(diagnostics.map((d) => [d.level, d.code, d.line])).toEqual([
      ['warning', 'k8s-unnamed-object', 1],
      ['warning', 'k8s-unnamed-object', 7],
    ]);
  });

  it('reports malformed and truncated YAML and keeps the good documents', () => {
    const bad = `${deployment('good')}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [broken\n---\n${deployment('after')}`;
    const { documents, diagnostics } = parse(bad);
    expect(documents[0]!.resources.map((r) => r.name)).toEqual(['good', 'after']);
    expect(diagnostics.map((d) => [d.level, d.code])).toEqual([['error', 'syntax-error']]);

    const truncated = deployment('cut').slice(0, -20);
    expect(() => parse(truncated)).not.toThrow();
    const cut = parse(`${truncated}\n      env: [{name: "A`);
    expect(cut.diagnostics.map((d) => d.code)).toEqual(['syntax-error']);
    expect(cut.diagnostics[0]!.path).toBe('m.yaml');
  });

  it('stops an alias bomb and still reads the rest of the stream', () => {
    const rows = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: bomb}',
      'data:',
      '  a: &a ["x","x","x","x","x","x","x","x","x","x"]',
    ];
    for (let i = 0; i < 8; i++) {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      rows.push(`  ${next}: &${next} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const t0 = performance.now();
    const { documents, diagnostics } = parse(`${rows.join('\n')}\n---\n${deployment('ok')}`);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(documents[0]!.resources.map((r) => r.name)).toEqual(['ok']);
  });

  it('reads JSON manifests, single objects and lists, with positions', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'j', namespace: 'ns' },
      spec: { containers: [{ name: 'c', image: 'i:1', securityContext: { privileged: true } }] },
    };
    const [one] = resources(JSON.stringify(pod, null, 2), 'pod.json');
    expect(one!.address).toBe('Pod/ns/j');
    expect(lineOf(one!, ['spec', 'containers', 0, 'securityContext', 'privileged'])).toBe(14);
    const list = JSON.stringify({
      apiVersion: 'v1',
      kind: 'PodList',
      items: [pod, { ...pod, metadata: { name: 'k' } }],
    });
    expect(resources(list, 'pods.json').map((r) => r.address)).toEqual(['Pod/ns/j', 'Pod/default/k']);
  });

  it('parses 2,000 Deployments in well under 2 s', () => {
    const docs = Array.from({ length: 2000 }, (_, i) =>
      deployment(`app-${i}`, `  namespace: team-${i % 20}\n  labels: {app: app-${i}, tier: web}`),
    );
    const text = docs.join('\n---\n');
    // CPU time, not wall time: the test must not fail because other processes share the machine.
    const t0 = process.cpuUsage();
    const rs = resources(text, 'big.yaml');
    const { user, system } = process.cpuUsage(t0);
    const ms = (user + system) / 1000;
    expect(rs.length).toBe(2000);
    expect(new Set(rs.map((r) => r.address)).size).toBe(2000);
    expect(ms).toBeLessThan(2000);
  });
});

describe('kubernetesDocumentFromObject', () => {
  it('turns an admission request object into a checkable document', () => {
    const review = {
      apiVersion: 'admission.k8s.io/v1',
      kind: 'AdmissionReview',
      request: {
        object: {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { generateName: 'web-7d4b9-', namespace: 'shop' },
          spec: {
            hostPID: true,
            containers: [{ name: 'web', image: 'web:1', env: [{ name: 'X', value: undefined }] }],
          },
        },
      },
    };
    const doc = kubernetesDocumentFromObject(review.request.object, 'admission/shop/web');
    expect(doc.platform).toBe('kubernetes');
    const [pod] = doc.resources;
    expect([pod!.address, pod!.line, pod!.path]).toEqual([
      'Pod/shop/web-7d4b9-<generated>',
      1,
      'admission/shop/web',
    ]);
    expect(pod!.value.spec).toEqual({
      hostPID: true,
      containers: [{ name: 'web', image: 'web:1', env: [{ name: 'X' }] }],
    });
    const { drafts } = evaluate([doc], indexRules(KUBERNETES_RULES), () => undefined);
    expect(drafts.map((d) => d.ruleId)).toContain('iac/k8s-host-pid');
    expect(drafts.every((d) => d.location.startLine === 1)).toBe(true);
  });

  it('gives an empty document for what is not a Kubernetes object', () => {
    expect(kubernetesDocumentFromObject({ hello: 'world' }, 'x').resources).toEqual([]);
    expect(kubernetesDocumentFromObject('nope', 'x').resources).toEqual([]);
    expect(kubernetesDocumentFromObject(null, 'x').resources).toEqual([]);
  });
});

describe('gatehouse scan --scanners iac on Kubernetes manifests', () => {
  it('reports findings with paths, lines and resource addresses, and ignores other YAML', () => {
    const tree = makeTree({
      'k8s/app.yaml': `${deployment('api', '  namespace: shop')}\n          securityContext:\n            privileged: true\n`,
      'k8s/values.yaml': 'image:\n  tag: latest\nprivileged: true\n',
      'k8s/broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [x\n',
    });
    const r = gatehouse(['scan', tree.root, '--scanners', 'iac', '--format', 'json']);
    tree.cleanup();
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout);
    const privileged = report.findings.filter(
      (f: { ruleId: string }) => f.ruleId === 'iac/k8s-privileged-container',
    );
    expect(privileged).toHaveLength(1);
    expect(privileged[0].location).toMatchObject({
      path: 'k8s/app.yaml',
      startLine: 13,
      snippet: 'privileged: true',
    });
    expect(privileged[0].properties).toEqual({ resource: 'Deployment/shop/api', subject: 'container app' });
    expect(privileged[0].controls).toEqual(
      expect.arrayContaining(['cis-kubernetes:5.2.2', 'k8s-pss:baseline']),
    );
    const paths = new Set(report.findings.map((f: { location: { path: string } }) => f.location.path));
    expect([...paths]).toEqual(['k8s/app.yaml']);
    expect(report.diagnostics.map((d: { code: string; path: string }) => [d.code, d.path])).toEqual([
      ['syntax-error', 'k8s/broken.yaml'],
    ]);
  });
});
