import type { Detector } from '../detector.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/** `name = value`, `name: value`, `"name": "value"`, `name => value` between a credential name and its value. */
const ASSIGN = String.raw`[A-Za-z0-9_]{0,12}["']?\s{0,3}${ASSIGN_OPERATOR}\s{0,3}["']?`;
const UUID = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;

const VAULT_ROTATE =
  'Revoke the token (`vault token revoke <token>`, or `vault token revoke -accessor <accessor>` when only the accessor is known; revoking a parent also revokes its children), review the audit device logs for its use, and give workloads short-lived tokens from an auth method (Kubernetes, AppRole, JWT/OIDC) instead of stored tokens.';

export const hashicorpDetectors: Detector[] = [
  {
    id: 'vault-service-token',
    title: 'HashiCorp Vault service token',
    description:
      'A HashiCorp Vault service token (`hvs.`, Vault 1.10 and later). It carries the policies it was issued with, often enough to read every secret a workload or operator can reach; root tokens have no limits at all.',
    provider: 'HashiCorp',
    severity: 'critical',
    keywords: ['hvs.'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>hvs\.[A-Za-z0-9_-]{24,255})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation: VAULT_ROTATE,
    references: [
      'https://developer.hashicorp.com/vault/docs/concepts/tokens',
      'https://developer.hashicorp.com/vault/docs/commands/token/revoke',
    ],
    examples: {
      positive: [
        'VAULT_TOKEN=hvs.CAESIMSdVOC6NJ6FVQOlWt1coRKSEBh4HdB3VU0YKpzh1hx2qwxkzx9_7GJCt5dLlKFsTQqvD6B_7mPItq6VJzaY8AZ',
        'Initial Root Token: hvs.1IDOxGjMIT9C9FglSsxAPsrA',
      ],
      negative: [
        'VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxx',
        'VAULT_TOKEN=hvs.1IDOxGjMIT9C',
        'VAULT_TOKEN=${VAULT_TOKEN}',
        'if (token.startsWith("hvs.")) return "service";',
      ],
    },
  },
  {
    id: 'vault-batch-token',
    title: 'HashiCorp Vault batch token',
    description:
      'A HashiCorp Vault batch token (`hvb.`). Batch tokens are short-lived and cannot be renewed, but until they expire they grant their policies and cannot be revoked individually.',
    provider: 'HashiCorp',
    severity: 'high',
    keywords: ['hvb.'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>hvb\.[A-Za-z0-9_-]{24,400})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      "Batch tokens cannot be revoked one by one: revoke their parent token or the lease prefix of the auth method that issued them, shorten the role's TTL, and check the audit log for use.",
    references: ['https://developer.hashicorp.com/vault/docs/concepts/tokens#batch-tokens'],
    examples: {
      positive: [
        'X-Vault-Token: hvb.AAAAAQJYZ9IpCsSFwQCLm6n3O0oxTFuJ445A54jY609Sm_630rI5BHa4HVPDWpYlvRwHcgiHZJ_frodLkbi50ieSxLpLECDbOr6C2LPeVVWacMlYIUIYAnWEHXBUli7diw0voo8oHoy_TMWC9CwmZca4ivLzi',
        'token: hvb.O1bUMUEwhjzq0Xmi6RYQBbCF',
      ],
      negative: [
        'token: hvb.<batch-token>',
        'token: hvb.O1bUMUEw',
        'token = hvb.XXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      ],
    },
  },
  {
    id: 'vault-recovery-token',
    title: 'HashiCorp Vault recovery token',
    description:
      'A HashiCorp Vault recovery token (`hvr.`), generated for recovery mode. It can read and write raw storage, bypassing policies.',
    provider: 'HashiCorp',
    severity: 'critical',
    keywords: ['hvr.'],
    pattern: /(?<![A-Za-z0-9_.-])(?<secret>hvr\.[A-Za-z0-9_-]{24,255})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation:
      'Restart Vault out of recovery mode (recovery tokens only live for that session), review who had access to the token and storage, and generate any further recovery tokens only when needed with a quorum of unseal/recovery key holders.',
    references: ['https://developer.hashicorp.com/vault/docs/concepts/recovery-mode'],
    examples: {
      positive: [
        'VAULT_TOKEN=hvr.e5KmF4TXluEerkywXnwUHbSC',
        'recovery_token: "hvr.AID7BhzI0aPVcB9cHv29hplu"',
      ],
      negative: [
        'VAULT_TOKEN=hvr.e5KmF4TX',
        'VAULT_TOKEN=hvr.<token>',
        'VAULT_TOKEN=hvr.aaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      ],
    },
  },
  {
    id: 'vault-token-legacy',
    title: 'HashiCorp Vault token (legacy format)',
    description:
      "A HashiCorp Vault token in the pre-1.10 format (`s.` or `b.` followed by 24 characters) assigned to a Vault token variable, sent as `X-Vault-Token`, or printed as the initial root token. It grants the token's policies.",
    provider: 'HashiCorp',
    severity: 'critical',
    confidence: 'medium',
    keywords: ['vault', 'initial root token'],
    pattern: new RegExp(
      String.raw`(?:(?<![A-Za-z0-9])vault[A-Za-z0-9_.-]{0,24}?token${ASSIGN}|initial root token:\s{0,3})(?<secret>[sb]\.[A-Za-z0-9]{24}(?:\.[A-Za-z0-9]{5})?)(?![A-Za-z0-9.])`,
      'i',
    ),
    minEntropy: 3.5,
    remediation: VAULT_ROTATE,
    references: ['https://developer.hashicorp.com/vault/docs/concepts/tokens'],
    examples: {
      positive: [
        'VAULT_TOKEN=s.O1bUMUEwhjzq0Xmi6RYQBbCF',
        'X-Vault-Token: s.e5KmF4TXluEerkywXnwUHbSC',
        'Initial Root Token: s.AID7BhzI0aPVcB9cHv29hplu',
      ],
      negative: [
        'VAULT_TOKEN=${VAULT_TOKEN}',
        'VAULT_TOKEN=s.xxxxxxxxxxxxxxxxxxxxxxxx',
        'vault_addr = "s.O1bUMUEwhjzq0Xmi6RYQBbCF"',
        'VAULT_TOKEN=root',
      ],
    },
  },
  {
    id: 'vault-unseal-key',
    title: 'HashiCorp Vault unseal or recovery key share',
    description:
      'A Vault unseal key or recovery key share as printed by `vault operator init`. A quorum of shares unseals Vault (or, for recovery keys, authorises root token generation); keeping them in a repository defeats the split-knowledge design.',
    provider: 'HashiCorp',
    severity: 'critical',
    keywords: ['unseal key', 'recovery key'],
    pattern:
      /(?:Unseal|Recovery) Key \d{1,2}:\s{0,3}(?<secret>[A-Za-z0-9+/]{43}[A-Za-z0-9+/=])(?![A-Za-z0-9+/=])/,
    minEntropy: 4.0,
    remediation:
      'Rekey Vault (`vault operator rekey`, or `vault operator rekey -target=recovery` for recovery keys) to produce new shares, distribute them to their holders through a secure channel (PGP-encrypted with `-pgp-keys`), and delete the exposed output.',
    references: [
      'https://developer.hashicorp.com/vault/docs/commands/operator/rekey',
      'https://developer.hashicorp.com/vault/docs/concepts/seal',
    ],
    examples: {
      positive: [
        'Unseal Key 1: O1LNYFmEszO3ZD+escrZAQgJ+AbEhS7EJ8YBxsamjzdf',
        'Recovery Key 3: RojJDQCkOgVhxDxQEACm6JV7ZENwZZEBYQmwBdccoR+k',
      ],
      negative: [
        'Unseal Key 1: <unseal-key-1>',
        'Unseal Key 1: O1LNYFmEszO3ZD+escrZ',
        'vault operator unseal $UNSEAL_KEY_1',
      ],
    },
  },
  {
    id: 'terraform-cloud-api-token',
    title: 'HCP Terraform / Terraform Enterprise API token',
    description:
      "An HCP Terraform (Terraform Cloud) or Terraform Enterprise API token (`<14 characters>.atlasv1.<...>`), from `credentials.tfrc.json`, `TF_TOKEN_*` variables or CI settings. User and team tokens can read state (which contains every secret Terraform manages) and queue applies that run with the workspace's cloud credentials.",
    provider: 'HashiCorp',
    severity: 'critical',
    keywords: ['.atlasv1.'],
    pattern: /(?<![A-Za-z0-9])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/,
    minEntropy: 4.0,
    remediation:
      'Delete the token (User settings > Tokens, or the team / organisation API token page), review the organisation audit trail and recent runs, and use short-lived tokens from dynamic provider credentials or workload identity for CI.',
    references: ['https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens'],
    examples: {
      positive: [
        'TF_TOKEN_app_terraform_io=hIeo43Mb8RVjQS.atlasv1.UkBjxaYna2sghjfvxqUXhD25NFty8rvTvbHNEZqCaPOVPQZWzx4eGYthk54uaajuSWM',
        '{"credentials": {"app.terraform.io": {"token": "oG9FlEO5jZ8jDh.atlasv1.lAXexylXTN8yvG1m0yKkdDUHwcrCiLajjRmu1hVHUO4i8uEOhtNGZGui1s0ZTxICpjs"}}}',
      ],
      negative: [
        'TF_TOKEN_app_terraform_io=xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'TF_TOKEN_app_terraform_io=hIeo43Mb8RVjQS.atlasv1.UkBjxaYna2sghjfvxqUX',
        'TF_TOKEN_app_terraform_io=${TFC_TOKEN}',
      ],
    },
  },
  {
    id: 'hcp-service-principal-secret',
    title: 'HashiCorp Cloud Platform client secret',
    description:
      "An HCP service principal client secret assigned to `HCP_CLIENT_SECRET`. With the client ID it authenticates to HashiCorp Cloud Platform with the service principal's organisation or project role (Vault Secrets, Packer, HCP Terraform resources).",
    provider: 'HashiCorp',
    severity: 'high',
    keywords: ['hcp_client_secret'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])hcp_client_secret${ASSIGN}(?<secret>[A-Za-z0-9_-]{48,80})(?![A-Za-z0-9_-])`,
      'i',
    ),
    minEntropy: 4.0,
    remediation:
      'Delete the key in the HCP portal (Access control (IAM) > Service principals > the principal > Keys), create a new one if needed, and prefer workload identity federation for CI.',
    references: ['https://developer.hashicorp.com/hcp/docs/hcp/iam/service-principal'],
    examples: {
      positive: [
        'HCP_CLIENT_SECRET=MhzT0E2WKZ2w6rDpkAxTPFmVQe1MZ8QSfHv71a6jsQRf3Sjgw4FuLd5GCjpiLcHM',
        'hcp_client_secret = "MhzT0E2WKZ2w6rDpkAxTPFmVQe1MZ8QSfHv71a6jsQRf3Sjgw4FuLd5GCjpiLcHM"',
      ],
      negative: [
        'HCP_CLIENT_SECRET=${HCP_CLIENT_SECRET}',
        'HCP_CLIENT_SECRET=<client-secret>',
        'HCP_CLIENT_SECRET=MhzT0E2WKZ2w6rDpkAx',
      ],
    },
  },
  {
    id: 'consul-acl-token',
    title: 'HashiCorp Consul ACL token',
    description:
      'A Consul ACL token secret ID (a UUID) assigned to `CONSUL_HTTP_TOKEN`, a Consul token setting or the `X-Consul-Token` header. Depending on its policies it can read or change service registrations, KV data and intentions; management tokens control the whole cluster.',
    provider: 'HashiCorp',
    severity: 'high',
    confidence: 'medium',
    keywords: ['consul'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])consul[A-Za-z0-9_.-]{0,24}?(?:token|secret_?id)${ASSIGN}(?<secret>${UUID})(?![A-Za-z0-9-])`,
      'i',
    ),
    remediation:
      'Delete the token (`consul acl token delete -id <accessor>`) or update its policies, create a replacement, and have agents and services obtain tokens through auth methods rather than files.',
    references: ['https://developer.hashicorp.com/consul/docs/security/acl/tokens'],
    examples: {
      positive: [
        'CONSUL_HTTP_TOKEN=a0f5b6d9-2903-4190-8897-e4787c9d1b32',
        'X-Consul-Token: e28a1b0d-3c52-4707-b538-7a673aef7b2e',
      ],
      negative: [
        'CONSUL_HTTP_TOKEN=${CONSUL_HTTP_TOKEN}',
        'CONSUL_HTTP_TOKEN=00000000-0000-0000-0000-000000000000',
        'consul_datacenter_id = "a0f5b6d9-2903-4190-8897-e4787c9d1b32"',
      ],
    },
  },
  {
    id: 'nomad-acl-token',
    title: 'HashiCorp Nomad ACL token',
    description:
      'A Nomad ACL token secret ID (a UUID) assigned to `NOMAD_TOKEN`, a Nomad token setting or the `X-Nomad-Token` header. It can submit jobs (run arbitrary workloads on the cluster), read variables and logs, depending on its policies; management tokens control the cluster.',
    provider: 'HashiCorp',
    severity: 'high',
    confidence: 'medium',
    keywords: ['nomad'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])nomad[A-Za-z0-9_.-]{0,24}?(?:token|secret_?id)${ASSIGN}(?<secret>${UUID})(?![A-Za-z0-9-])`,
      'i',
    ),
    remediation:
      'Delete the token (`nomad acl token delete <accessor>`), create a replacement with minimal policies, and use workload identities or short-lived tokens for automation.',
    references: ['https://developer.hashicorp.com/nomad/commands/acl/token/info'],
    examples: {
      positive: [
        'NOMAD_TOKEN=5b16233f-4043-4fe3-9061-67d6fd5cd3a8',
        '"X-Nomad-Token": "3c873a6f-0a23-4664-8b36-3124a011651f"',
      ],
      negative: [
        'NOMAD_TOKEN=${NOMAD_TOKEN}',
        'nomad_job_id = "5b16233f-4043-4fe3-9061-67d6fd5cd3a8"',
        'NOMAD_TOKEN=<secret-id>',
      ],
    },
  },
];
