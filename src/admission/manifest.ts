import { stringify } from 'yaml';

export interface ManifestOptions {
  namespace: string;
  image: string;
  /** `Fail` (fail closed: nothing is admitted while the webhook is down) or `Ignore` (fail open). */
  failurePolicy: 'Fail' | 'Ignore';
  mode: 'enforce' | 'audit';
  /** PEM CA bundle that signed the serving certificate; without it, cert-manager's CA injector is assumed. */
  caBundle?: string;
  excludeNamespaces: readonly string[];
}

const NAME = 'gatehouse-admission';
const PORT = 8443;
const labels = { 'app.kubernetes.io/name': NAME, 'app.kubernetes.io/part-of': 'gatehouse' };

/**
 * Everything to install the webhook: its ServiceAccount, Service, Deployment and the
 * ValidatingWebhookConfiguration. The Deployment passes Gatehouse's own Kubernetes rules.
 */
export function admissionManifest(o: ManifestOptions): string {
  const docs = [serviceAccount(o), service(o), deployment(o), webhookConfiguration(o)];
  const head = [
    '# Gatehouse admission webhook: `gatehouse admission manifest` output.',
    `# Needs: a TLS secret ${NAME}-tls in namespace ${o.namespace} (cert-manager Certificate or kubectl create secret tls)`,
    `# and a ConfigMap gatehouse-policy holding gatehouse.yml (kubectl create configmap gatehouse-policy --from-file=gatehouse.yml).`,
  ].join('\n');
  return `${head}\n${docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n')}`;
}

const meta = (o: ManifestOptions, extra: object = {}) => ({
  name: NAME,
  namespace: o.namespace,
  labels,
  ...extra,
});

function serviceAccount(o: ManifestOptions) {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(o), automountServiceAccountToken: false };
}

function service(o: ManifestOptions) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(o),
    spec: { type: 'ClusterIP', selector: labels, ports: [{ name: 'https', port: 443, targetPort: PORT }] },
  };
}

function deployment(o: ManifestOptions) {
  const probe = { httpGet: { path: '/healthz', port: PORT, scheme: 'HTTPS' }, periodSeconds: 10 };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(o),
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: NAME,
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: 'webhook',
              image: o.image,
              imagePullPolicy: 'IfNotPresent',
              args: serveArgs(o),
              ports: [{ name: 'https', containerPort: PORT }],
              readinessProbe: probe,
              livenessProbe: probe,
              resources: {
                requests: { cpu: '100m', memory: '128Mi' },
                limits: { cpu: '1', memory: '256Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                capabilities: { drop: ['ALL'] },
              },
              volumeMounts: [
                { name: 'tls', mountPath: '/tls', readOnly: true },
                { name: 'policy', mountPath: '/policy', readOnly: true },
              ],
            },
          ],
          volumes: [
            { name: 'tls', secret: { secretName: `${NAME}-tls` } },
            { name: 'policy', configMap: { name: 'gatehouse-policy' } },
          ],
        },
      },
    },
  };
}

function serveArgs(o: ManifestOptions): string[] {
  const args = ['admission', 'serve', '--tls-cert', '/tls/tls.crt', '--tls-key', '/tls/tls.key'];
  args.push('--port', String(PORT), '--config', '/policy/gatehouse.yml', '--mode', o.mode);
  for (const ns of o.excludeNamespaces) args.push('--exclude-namespace', ns);
  return args;
}

function webhookConfiguration(o: ManifestOptions) {
  const clientConfig: Record<string, unknown> = {
    service: { name: NAME, namespace: o.namespace, path: '/validate', port: 443 },
  };
  if (o.caBundle) clientConfig.caBundle = Buffer.from(o.caBundle).toString('base64');
  const annotations = o.caBundle ? {} : { 'cert-manager.io/inject-ca-from': `${o.namespace}/${NAME}` };
  return {
    apiVersion: 'admissionregistration.k8s.io/v1',
    kind: 'ValidatingWebhookConfiguration',
    metadata: { name: NAME, labels, ...(o.caBundle ? {} : { annotations }) },
    webhooks: [
      {
        name: 'validate.gatehouse.dev',
        admissionReviewVersions: ['v1'],
        sideEffects: 'None',
        failurePolicy: o.failurePolicy,
        timeoutSeconds: 5,
        matchPolicy: 'Equivalent',
        clientConfig,
        // The webhook's own namespace is never gated: a broken policy must not lock out its fix.
        namespaceSelector: {
          matchExpressions: [
            {
              key: 'kubernetes.io/metadata.name',
              operator: 'NotIn',
              values: [...new Set([o.namespace, ...o.excludeNamespaces])],
            },
          ],
        },
        rules: [
          rule([''], ['pods', 'services', 'serviceaccounts']),
          rule(['apps'], ['deployments', 'statefulsets', 'daemonsets', 'replicasets']),
          rule(['batch'], ['jobs', 'cronjobs']),
          rule(['networking.k8s.io'], ['ingresses']),
          rule(
            ['rbac.authorization.k8s.io'],
            ['roles', 'clusterroles', 'rolebindings', 'clusterrolebindings'],
          ),
        ],
      },
    ],
  };
}

const rule = (apiGroups: string[], resources: string[]) => ({
  apiGroups,
  apiVersions: ['*'],
  operations: ['CREATE', 'UPDATE'],
  resources,
  scope: '*',
});
