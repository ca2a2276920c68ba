/** Official pages the Kubernetes rules cite. */
export const DOC = {
  pss: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  psa: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  securityContext: 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
  checklist: 'https://kubernetes.io/docs/concepts/security/security-checklist/',
  cis: 'https://www.cisecurity.org/benchmark/kubernetes',
  volumes: 'https://kubernetes.io/docs/concepts/storage/volumes/',
  seccomp: 'https://kubernetes.io/docs/tutorials/security/seccomp/',
  apparmor: 'https://kubernetes.io/docs/tutorials/security/apparmor/',
  sysctls: 'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
  hostProcess: 'https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/',
  resources: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
  limitRange: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
  images: 'https://kubernetes.io/docs/concepts/containers/images/',
  probes:
    'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
  serviceAccounts: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
  secrets: 'https://kubernetes.io/docs/concepts/configuration/secret/',
  secretsGood: 'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
  namespaces: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
  rbac: 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
  rbacGood: 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  service: 'https://kubernetes.io/docs/concepts/services-networking/service/',
  ingressTls: 'https://kubernetes.io/docs/concepts/services-networking/ingress/#tls',
} as const;

/** Pod Security Standards level a check belongs to, as a control id. */
export const PSS_BASELINE = ['k8s-pss:baseline'] as const;
export const PSS_RESTRICTED = ['k8s-pss:restricted'] as const;
