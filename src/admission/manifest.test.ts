import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { analyse } from '../scanners/iac/analyse.js';
import { IAC_RULES } from '../scanners/iac/rules/index.js';
import { admissionManifest, type ManifestOptions } from './manifest.js';

const OPTIONS: ManifestOptions = {
  namespace: 'gatehouse',
  image:
    'registry.example.com/gatehouse:1.0.0@sha256:0b2b4e8a9b6f4c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f708192a3b',
  failurePolicy: 'Fail',
  mode: 'enforce',
  excludeNamespaces: ['kube-system'],
};

describe('admissionManifest', () => {
  it('prints the four objects the webhook needs', () => {
    const docs = parseAllDocuments(admissionManifest(OPTIONS)).map((d) => d.toJS());
    expect(docs.map((d) => d.kind)).toEqual([
      'ServiceAccount',
      'Service',
      'Deployment',
      'ValidatingWebhookConfiguration',
    ]);
    const hook = docs[3].webhooks[0];
    expect(hook).toMatchObject({
      admissionReviewVersions: ['v1'],
      sideEffects: 'None',
      failurePolicy: 'Fail',
    });
    expect(hook.clientConfig.service).toEqual({
      name: 'gatehouse-admission',
      namespace: 'gatehouse',
      path: '/validate',
      port: 443,
    });
    expect(hook.namespaceSelector.matchExpressions[0].values).toEqual(['gatehouse', 'kube-system']);
    expect(docs[3].metadata.annotations).toEqual({
      'cert-manager.io/inject-ca-from': 'gatehouse/gatehouse-admission',
    });
  });

  it('embeds a given CA bundle instead of relying on cert-manager', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    const docs = parseAllDocuments(
      admissionManifest({ ...OPTIONS, caBundle: pem, failurePolicy: 'Ignore' }),
    ).map((d) => d.toJS());
    const hook = docs[3].webhooks[0];
    expect(Buffer.from(hook.clientConfig.caBundle, 'base64').toString()).toBe(pem);
    expect(hook.failurePolicy).toBe('Ignore');
    expect(docs[3].metadata.annotations).toBeUndefined();
  });

  it('passes Gatehouse’s own Kubernetes rules (nothing above low)', async () => {
    const text = admissionManifest(OPTIONS);
    const { drafts, diagnostics } = await analyse([{ path: 'webhook.yaml', text }], IAC_RULES);
    expect(diagnostics.filter((d) => d.level === 'error')).toEqual([]);
    const rules = new Map(IAC_RULES.map((r) => [r.id, r]));
    const serious = drafts.filter(
      (d) => !['low', 'info'].includes(d.severity ?? rules.get(d.ruleId)!.severity),
    );
    expect(serious.map((d) => `${d.ruleId}: ${d.message}`)).toEqual([]);
  });
});
