import type { Detector } from '../detector.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/**
 * Identity providers. Their client secrets and management tokens control who can sign in to
 * everything behind them. Most formats have no prefix, so the provider's name must appear in
 * the variable name; Clerk and WorkOS keys look like Stripe's `sk_` keys and are only taken
 * for theirs with the name nearby.
 */
/** `=`, `:`, `:=`, `=>` between a name and its value; `var name string =` (Go) too. */
const ASSIGN = String.raw`["'\]]?(?:\s{1,3}string)?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["'\x60]?`;
const CRED = String.raw`[\w.-]{0,24}?(?:token|key|secret|password|pass|auth)[\w.-]{0,12}?`;
const END = `(?![A-Za-z0-9_+/=-])`;

function named(names: string, value: string): RegExp {
  return new RegExp(`(?:${names})${CRED}${ASSIGN}(?<secret>${value})${END}`, 'i');
}

export const identityDetectors: Detector[] = [
  {
    id: 'okta-api-token',
    title: 'Okta API token',
    description:
      'An Okta API token (42 characters starting `00`), in an `Authorization: SSWS` header or an Okta-named variable. It acts with the privileges of the administrator who created it — commonly Super Admin: creating users, resetting factors, changing sign-on policies.',
    provider: 'Okta',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['okta', 'ssws'],
    pattern: new RegExp(
      String.raw`(?:(?<ssws>SSWS\s{1,3})|okta${CRED}${ASSIGN})(?<secret>00[A-Za-z0-9_=-]{40})(?![A-Za-z0-9_=-])`,
      'i',
    ),
    minEntropy: 3.5,
    // The SSWS scheme is Okta's own: a token there is certainly an Okta API token.
    verify: (_s, g) => (g.ssws ? 'high' : true),
    remediation:
      'Revoke the token in the Okta Admin Console (Security > API > Tokens), review the System Log for its use, and move integrations to OAuth 2.0 service apps with scoped, short-lived tokens.',
    references: ['https://developer.okta.com/docs/guides/create-an-api-token/main/'],
    examples: {
      positive: [
        'curl -H "Authorization: SSWS 00NvLUlFyoSlM67A6XgqXL_BhsUANtsZ-7mN7h30_y" https://acme.okta.com/api/v1/users',
        'OKTA_API_TOKEN=00lx478NzjkzUpga3PDTm3sZhb9Kp2DQQXGmxhLikL',
      ],
      negative: [
        'OKTA_API_TOKEN=${OKTA_API_TOKEN}',
        'OKTA_CLIENT_ID=0oa1b2c3d4e5f6g7h8i9',
        'Authorization: SSWS {{apiKey}}',
        'OKTA_API_TOKEN=00lx478NzjkzUpga3PDTm3sZhb9Kp2DQQXGmxhLik', // 41 characters
      ],
    },
  },
  {
    id: 'auth0-client-secret',
    title: 'Auth0 client secret',
    description:
      'An Auth0 application client secret (64 URL-safe characters) assigned to an Auth0-named variable. With the client ID it obtains tokens as the application — for a machine-to-machine app authorised on the Management API, that means managing users, connections and rules of the tenant.',
    provider: 'Auth0',
    severity: 'high',
    confidence: 'medium',
    keywords: ['auth0'],
    pattern: named('auth0', '[A-Za-z0-9_-]{64}'),
    minEntropy: 4.0,
    remediation:
      'Rotate the client secret in the Auth0 Dashboard (Applications > the application > Settings > Rotate), deploy the new secret, and review tenant logs for token requests by that client.',
    references: ['https://auth0.com/docs/get-started/applications/rotate-client-secret'],
    examples: {
      positive: [
        'AUTH0_CLIENT_SECRET=plo33KxiJVDGFAhgN_y7Ae3lCk4Mae1nWVGynOK2ohz-4KVSTJYDa1G0-h_IbIIV',
        'auth0_client_secret: "D_W7fMICkdLF6cqZTVB9_gLH_TukOMXb2lexIbC5YhMKppgEpynZwB8N-YcqGY5J"',
      ],
      negative: [
        'AUTH0_CLIENT_SECRET=${AUTH0_CLIENT_SECRET}',
        'AUTH0_CLIENT_ID=Jx9fT2mVq8LwZ4pKr7YnB3sHc6Dg1Ue5',
        'AUTH0_DOMAIN=acme.eu.auth0.com',
      ],
    },
  },
  {
    id: 'clerk-secret-key',
    priority: 1,
    title: 'Clerk secret key',
    description:
      'A Clerk secret key (`sk_live_`/`sk_test_`, a prefix Stripe also uses) assigned to a Clerk-named variable. It calls the Clerk Backend API for the instance: reading and changing every user, creating sessions and sign-in tokens — impersonating any user.',
    provider: 'Clerk',
    severity: 'critical',
    keywords: ['clerk'],
    pattern: named('clerk', 'sk_(?:live|test)_[A-Za-z0-9]{20,100}'),
    minEntropy: 4.0,
    remediation:
      "Roll the secret key in the Clerk Dashboard (API keys > Secret keys), deploy the new key, and review the instance's recent user and session changes.",
    references: ['https://clerk.com/docs/deployments/clerk-environment-variables'],
    examples: {
      positive: [
        'CLERK_SECRET_KEY=sk_live_R1jVw83Ln9kHqFqu8Ndi2MD6YeSvqrRdvruAx4Tnzo',
        'clerkSecretKey: "sk_live_n4FoIcxJNo3ptFBFxcnqRWwp7gjbJ4vwkkum2S9PvD5HvDjlBR"',
      ],
      negative: [
        'CLERK_SECRET_KEY=${CLERK_SECRET_KEY}',
        'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_live_Y2xlcmsuYWNtZS5pbyQ',
        'STRIPE_SECRET_KEY=sk_live_R1jVw83Ln9kHqFqu8Ndi2MD6YeSvqrRdvruAx4Tnzo',
      ],
    },
  },
  {
    id: 'onelogin-client-secret',
    title: 'OneLogin API client secret',
    description:
      'A OneLogin API credential client secret (64 hexadecimal characters) assigned to a OneLogin-named variable. With the client ID and its scope (up to Manage All) it manages users, roles, apps and authentication factors.',
    provider: 'OneLogin',
    severity: 'high',
    confidence: 'medium',
    keywords: ['onelogin'],
    pattern: named('onelogin', '[0-9a-f]{64}'),
    minEntropy: 3.0,
    remediation:
      'Delete the API credential in OneLogin (Developers > API Credentials), create a new one with the least scope, and review the events log.',
    references: ['https://developers.onelogin.com/api-docs/2/getting-started/working-with-api-credentials'],
    examples: {
      positive: [
        'ONELOGIN_CLIENT_SECRET=6c9b6b1d9078574072115b158bf4e4c8ab22ca3f2972d3d34d3a832087f57968',
        'onelogin_secret: "1e9cac7f262020b056bfbd6ac293e0e6bd51a19e5013e087ff6fa59871b3a364"',
      ],
      negative: [
        'ONELOGIN_CLIENT_SECRET=${ONELOGIN_CLIENT_SECRET}',
        'ONELOGIN_CLIENT_ID=6c9b6b1d9078574072115b158bf4e4c8ab22ca3f2972d3d34d3a832087f57968',
        'ONELOGIN_SUBDOMAIN=acme',
      ],
    },
  },
  {
    id: 'ping-identity-client-secret',
    title: 'Ping Identity client secret',
    description:
      "A PingOne or PingFederate client secret assigned to a Ping-named variable. With the client ID it obtains tokens as the application; worker applications with admin roles manage the environment's users, populations and policies.",
    provider: 'Ping Identity',
    severity: 'high',
    confidence: 'medium',
    keywords: ['pingone', 'pingidentity', 'ping_identity', 'ping-identity', 'pingfederate'],
    pattern: named('ping(?:one|federate|[_-]?identity)', '[A-Za-z0-9_.~-]{32,128}'),
    minEntropy: 4.0,
    remediation:
      'Generate a new client secret for the application in the PingOne admin console (Applications > the application > Configuration) or PingFederate, and remove the old one.',
    references: ['https://docs.pingidentity.com/pingone/applications/p1_edit_application_oidc.html'],
    examples: {
      positive: [
        'PINGONE_CLIENT_SECRET=rKMr6-Vx0v50tUnBhgPGJxIfWIfiR9wnqL_pEGEVbqOsGURAea-wPEj5mKoS8N-u',
        'pingfederate_client_secret: "jDyOqoshABLhtK6Mc2E17DeDsidDhZ5pFiEl1iEibl4XCsjM"',
      ],
      negative: [
        'PINGONE_CLIENT_SECRET=${PINGONE_CLIENT_SECRET}',
        'PINGONE_ENVIRONMENT_ID=3f1c2a4b-9d8e-4f7a-b6c5-2e1d0f9a8b7c',
        'pingone_secret_name = "prod/pingone/worker-app-client-secret"',
      ],
    },
  },
  {
    id: 'keycloak-client-secret',
    title: 'Keycloak client secret',
    description:
      "A Keycloak confidential client's secret (32 letters and digits) assigned to a Keycloak-named variable. It obtains tokens as the client — with a service account, whatever realm roles it holds, up to realm administration.",
    provider: 'Keycloak',
    severity: 'high',
    confidence: 'medium',
    keywords: ['keycloak'],
    pattern: named('keycloak', '[A-Za-z0-9]{32}'),
    minEntropy: 3.5,
    remediation:
      'Regenerate the secret in the Keycloak admin console (Clients > the client > Credentials > Regenerate) and update the applications that use it.',
    references: ['https://www.keycloak.org/docs/latest/server_admin/#_client-credentials'],
    examples: {
      positive: [
        'KEYCLOAK_CLIENT_SECRET=5vSesNMjZuVHX1MLCM7gUIAXCMzK4BaZ',
        "keycloak_secret: 'WY8tocn36AHcAF2FCIekQsPZ2VZxgz85'",
      ],
      negative: [
        'KEYCLOAK_CLIENT_SECRET=${KEYCLOAK_CLIENT_SECRET}',
        'KEYCLOAK_REALM=production',
        'KEYCLOAK_CLIENT_SECRET=**********',
      ],
    },
  },
  {
    id: 'workos-api-key',
    priority: 1,
    title: 'WorkOS API key',
    description:
      'A WorkOS API key (`sk_`) assigned to a WorkOS-named variable. It calls every WorkOS API of its environment: SSO and directory-sync configuration, user management and audit logs — signing in as any user of connected organisations.',
    provider: 'WorkOS',
    severity: 'critical',
    keywords: ['workos'],
    pattern: named('workos', 'sk_[A-Za-z0-9_]{30,120}'),
    minEntropy: 4.0,
    remediation:
      "Revoke the key in the WorkOS Dashboard (API Keys), create a new one, and review the environment's events for activity with the old key.",
    references: ['https://workos.com/docs/reference/api-authentication'],
    examples: {
      positive: [
        'WORKOS_API_KEY=sk_a2V5XzAxVlBMSEhQNkZTV1hPUVlQTEoxU01JTFJE',
        'workos_api_key: "sk_live_bsPummJE5XAGx6J9vOIb4fwltsjA9BgjMbv9Pi97ckTN2uq4"',
      ],
      negative: [
        'WORKOS_API_KEY=${WORKOS_API_KEY}',
        'WORKOS_CLIENT_ID=client_01HXYZABCDEF1234567890ABCD',
        'WORKOS_API_KEY=sk_a2V5XzAx',
      ],
    },
  },
  {
    id: 'stytch-secret',
    title: 'Stytch project secret',
    description:
      "A Stytch project secret (`secret-live-` or `secret-test-`). With the project ID it calls the Stytch API for the project: authenticating and creating users, minting sessions and changing the project's configuration.",
    provider: 'Stytch',
    severity: 'high',
    keywords: ['secret-live-', 'secret-test-'],
    pattern: /(?<![A-Za-z0-9_-])(?<secret>secret-(?:live|test)-[A-Za-z0-9_=-]{30,60})(?![A-Za-z0-9_=-])/,
    minEntropy: 4.0,
    remediation:
      'Create a new secret in the Stytch Dashboard (API keys), deploy it, then delete the leaked one.',
    references: ['https://stytch.com/docs/guides/dashboard/api-keys'],
    examples: {
      positive: [
        'STYTCH_SECRET=secret-live-UIuklCMbwAWyuFyLWpLXLvsi3RGerFTKi8NI',
        "secret: 'secret-test-1w-1cfDbOZNCaY-jQEsJditEX7zUu1IPy1Bx'",
      ],
      negative: [
        'STYTCH_SECRET=secret-live-<secret>',
        'STYTCH_SECRET=secret-live-UIuklCMbwAWyuF',
        'const key = "top-secret-live-demo";',
      ],
    },
  },
  {
    id: 'descope-management-key',
    title: 'Descope management key',
    description:
      'A Descope management or access key assigned to a Descope-named variable. Management keys call the management API of the project: creating and impersonating users, changing flows, roles and tenants.',
    provider: 'Descope',
    severity: 'high',
    confidence: 'medium',
    keywords: ['descope'],
    pattern: named('descope', '[A-Za-z0-9_-]{32,256}'),
    minEntropy: 4.0,
    remediation:
      'Delete the key in the Descope console (Company or Project settings > Management keys / Access keys) and create a new one with an expiry.',
    references: ['https://docs.descope.com/management/m2m-access-keys'],
    examples: {
      positive: [
        'DESCOPE_MANAGEMENT_KEY=K2BDNrjymQ9HiloMG0dJzMapRUdZOWkwynG86jKLZqd8tl4ce3leAE5rqCHmNJ',
        'descope_access_key: "kU06aWF1lzVT2a0fR6VMPW6HIOW29ZR7qf0sKS5q"',
      ],
      negative: [
        'DESCOPE_MANAGEMENT_KEY=${DESCOPE_MANAGEMENT_KEY}',
        'DESCOPE_PROJECT_ID=P2abcDEF1234567890ghiJKL',
        'DESCOPE_MANAGEMENT_KEY=K2BDNrjymQ9Hi',
      ],
    },
  },
];
