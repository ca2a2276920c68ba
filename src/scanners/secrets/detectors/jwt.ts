import type { Detector } from '../detector.js';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

function jsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Header and payload of a compact JWS (`header.payload.signature`) when both are JSON objects. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = jsonObject(parts[0]!);
  const payload = jsonObject(parts[1]!);
  return header && payload ? { header, payload, signature: parts[2]! } : undefined;
}

/**
 * Header openings of real JWTs (`{"alg":`, `{"typ":`, `{"kid":`, `{"x5t":`, `{"cty":`, `{ "alg":`),
 * base64url-encoded and lower-cased: far rarer in ordinary files than a bare `eyJ`.
 */
export const JWT_KEYWORDS = [
  'eyjhbgcio',
  'eyj0exaio',
  'eyjrawqio',
  'eyj4ntqio',
  'eyjjdhkio',
  'eyaiywxnijo',
] as const;

/** header.payload.signature, each part bounded; the signature is empty for `alg: none`. */
export const JWT_PATTERN =
  /(?<![A-Za-z0-9_-])(?<secret>ey[A-Za-z0-9_-]{8,1000}\.e[wy][A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{0,2000})(?![A-Za-z0-9_-])/;

const expired = (payload: Record<string, unknown>) =>
  typeof payload.exp === 'number' && payload.exp * 1000 < Date.now();

function isKubernetesServiceAccount(payload: Record<string, unknown>): boolean {
  return (
    payload.iss === 'kubernetes/serviceaccount' ||
    (typeof payload['kubernetes.io'] === 'object' && payload['kubernetes.io'] !== null)
  );
}

/** Tokens another detector reports more precisely, or that are public by design. */
function claimedElsewhere(payload: Record<string, unknown>): boolean {
  if (payload.iss === 'supabase' || payload.iss === 'supabase-demo') return true; // anon keys are public; service_role: databases.ts
  if (Object.keys(payload).some((k) => k.startsWith('1password.com/'))) return true; // secret-managers.ts
  return isKubernetesServiceAccount(payload);
}

/** The sample token from jwt.io and RFC 7519, copied into countless READMEs and tests. */
function isDocumentationSample(payload: Record<string, unknown>): boolean {
  return (payload.sub === '1234567890' && payload.name === 'John Doe') || payload.iss === 'joe';
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const token = (header: unknown, payload: unknown, signature: string) =>
  `${b64url(header)}.${b64url(payload)}.${signature}`;
const HS_SIG = '7xP8ZzlhOjfp-71QVQ7oOcU3Evh68-Z-eERzpQSim_8';
const RS_SIG =
  'OnYHfajdDlpG6NXR6QLM6UgGnObsAhefEBOMPc1I198K1NLuUeAv5wbg0P18oA7zBYq2Q9hFDeBAUuU60fVaE8MSdVOC6NJ6FVQOlWt1coRKSEBh4HdB3VU0YKpzh1hx2qwxkzx9_7GJCt5dLlKFsTQqvD6B_7mPItq6VJzaY8AZ';
const SA_CLAIMS = {
  iss: 'kubernetes/serviceaccount',
  'kubernetes.io/serviceaccount/namespace': 'ci',
  'kubernetes.io/serviceaccount/secret.name': 'deployer-token-x7k2p',
  'kubernetes.io/serviceaccount/service-account.name': 'deployer',
  'kubernetes.io/serviceaccount/service-account.uid': '7ea6ea59-760a-4a2c-99d8-a0f61ff82238',
  sub: 'system:serviceaccount:ci:deployer',
};
const BOUND_CLAIMS = {
  aud: ['https://kubernetes.default.svc.cluster.local'],
  exp: 4102444800,
  iat: 1714000000,
  iss: 'https://kubernetes.default.svc.cluster.local',
  'kubernetes.io': {
    namespace: 'ci',
    serviceaccount: { name: 'deployer', uid: 'fd858ec5-c39e-4e45-99ef-387e3d174ec9' },
  },
  sub: 'system:serviceaccount:ci:deployer',
};

export const jwtDetectors: Detector[] = [
  {
    id: 'jwt',
    title: 'JSON Web Token',
    description:
      'A signed JSON Web Token (header and payload decode to JSON objects and the header names an `alg`). JWTs are bearer credentials: until `exp`, anyone holding one is the subject to the services that accept it, and long-lived service tokens often have no `exp` at all. Unsigned tokens (`alg: none`) and tokens whose `exp` is already in the past are reported with low confidence, since they only work against a broken verifier or were captured long ago. Tokens for which a more specific rule exists (Supabase, Kubernetes, 1Password Connect) and the jwt.io sample token are left to those rules.',
    provider: 'JWT',
    severity: 'high',
    confidence: 'medium',
    keywords: JWT_KEYWORDS,
    pattern: JWT_PATTERN,
    verify: (secret) => {
      const jwt = decodeJwt(secret);
      if (!jwt || typeof jwt.header.alg !== 'string' || 'enc' in jwt.header) return false;
      if (claimedElsewhere(jwt.payload) || isDocumentationSample(jwt.payload)) return false;
      if (jwt.header.alg.toLowerCase() === 'none' || jwt.signature === '') return 'low';
      return expired(jwt.payload) ? 'low' : true;
    },
    remediation:
      "Find the issuer from the `iss` claim and revoke the token there (revoke the session, refresh token or API key it came from); if it cannot be revoked, rotate the issuer's signing key. Never commit tokens: load them at run time, and give service tokens short lifetimes.",
    references: [
      'https://datatracker.ietf.org/doc/html/rfc7519',
      'https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html',
    ],
    examples: {
      positive: [
        `Authorization: Bearer ${token({ alg: 'HS256', typ: 'JWT' }, { sub: 'user_8421', role: 'admin', iat: 1714000000, exp: 4102444800 }, HS_SIG)}`,
        `REPORTING_API_TOKEN=${token({ typ: 'JWT', alg: 'RS256', kid: 'k1' }, { iss: 'https://auth.acme.io', aud: 'reports', sub: 'svc-reporting', scope: 'reports:read' }, RS_SIG)}`,
        // Expired: still reported, with low confidence.
        `"token": "${token({ alg: 'HS256' }, { sub: 'svc-build', exp: 1600000000 }, HS_SIG)}"`,
      ],
      negative: [
        'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
        'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.<payload>.<signature>',
        `token = "${b64url({ alg: 'HS256' })}.eyJub3QganNvbg.${HS_SIG}"`,
        `jwe = "${token({ alg: 'RSA-OAEP', enc: 'A256GCM' }, { sub: 'x', iat: 1714000000 }, HS_SIG)}"`,
        `SUPABASE_ANON_KEY=${token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'qwhfkzmtrbxpdlcy', role: 'anon', iat: 1714000000, exp: 2029576000 }, HS_SIG)}`,
      ],
    },
  },
  {
    id: 'kubernetes-service-account-token',
    title: 'Kubernetes service account token',
    description:
      'A Kubernetes service account token (a JWT issued by `kubernetes/serviceaccount` or carrying a `kubernetes.io` claim). It authenticates to the cluster API as the service account with all of its RBAC permissions; legacy secret-based tokens never expire, and CI deployer accounts are often cluster-admin.',
    provider: 'Kubernetes',
    severity: 'high',
    keywords: JWT_KEYWORDS,
    pattern: JWT_PATTERN,
    verify: (secret) => {
      const jwt = decodeJwt(secret);
      if (!jwt || typeof jwt.header.alg !== 'string' || !isKubernetesServiceAccount(jwt.payload))
        return false;
      return expired(jwt.payload) ? 'low' : true;
    },
    remediation:
      'For a legacy token, delete its Secret (`kubectl delete secret <name> -n <ns>`); for a bound token, delete and recreate the service account or the pod it was bound to. Review the audit log for the service account, reduce its RBAC permissions, and use short-lived projected tokens or OIDC federation for CI.',
    references: [
      'https://kubernetes.io/docs/concepts/security/service-accounts/',
      'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/',
    ],
    examples: {
      positive: [
        `token: ${token({ alg: 'RS256', kid: 'Xq2kl9s0Tb8vR4mLz1QwPn6YcHj3' }, SA_CLAIMS, RS_SIG)}`,
        `KUBE_TOKEN="${token({ alg: 'RS256', kid: 'Xq2kl9s0Tb8vR4mLz1QwPn6YcHj3' }, BOUND_CLAIMS, RS_SIG)}"`,
      ],
      negative: [
        `token: ${token({ alg: 'RS256', kid: 'k1' }, { iss: 'https://auth.acme.io', sub: 'svc-reporting' }, RS_SIG)}`,
        'token: eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.<payload>.<signature>',
        'kubectl create token deployer -n ci',
      ],
    },
  },
];
