import type { Detector } from '../detector.js';
import { ASSIGN_OPERATOR } from './patterns.js';

/**
 * Name-based detection: a high-entropy value assigned to a secret-like name. The patterns
 * start at the name's keyword (never with a wide class), and everything a real config file
 * puts next to such names — references, calls, identifiers, hashes, placeholders — is
 * dropped by the generic filters in engine/filters.ts.
 */
/**
 * `=`, `:`, `:=`, `=>`, `?=`, a typed declaration (`dbPassword: string = `), and PHP's
 * `define('DB_PASSWORD', '…')`.
 */
const ASSIGN = String.raw`["'\]]?\s{0,3}(?::\s{0,2}[A-Za-z_][\w<>\[\]|.]{0,30}\s{0,2}=(?!=)|${ASSIGN_OPERATOR})\s{0,3}(?<q>["'\x60]?)`;
const VALUE = (min: number) =>
  String.raw`(?<secret>[^\s"'\x60;,()\[\]{}<>=][^\s"'\x60;,()\[\]{}<>]{${min - 1},160})\k<q>(?![^\s"'\x60;,)\]}>])`;

/** Names that merely talk about a secret: its hash, its length, where to find it. */
const NOT_A_VALUE_NAME =
  /(?:hash|hashed|digest|salt|len|length|policy|regex|pattern|field|label|placeholder|hint|file|path|dir|url|uri|endpoint|name|id|type|prompt|reset|confirm|confirmation|validation|strength|min|max|expires?|expiry|count|header|param|env|var|ref|manager|provider|store|service|required|enabled|mode|format|class|kind|size|prefix|template|example)s?$/i;

const TOKEN_NAME_NOISE =
  /^(?:izer|ize|ized|s|_?type|_?count|_?limit|_?usage|_?budget|_?index|_?pos|_?stream|_?list)$/i;

function plausibleName(groups: Readonly<Record<string, string | undefined>>): boolean {
  const suffix = groups.suffix ?? '';
  return !NOT_A_VALUE_NAME.test(suffix) && !TOKEN_NAME_NOISE.test(suffix);
}

const REMEDIATION =
  'Remove the value from the file and rotate it: anyone with read access to the repository (or its history) has it. Load it at run time from the environment or a secret manager (Vault, AWS Secrets Manager, GitHub Actions secrets) instead of writing it in code or config.';
const REFS = [
  'https://cwe.mitre.org/data/definitions/798.html',
  'https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/',
];

export const genericDetectors: Detector[] = [
  {
    id: 'generic-password',
    title: 'Hard-coded password',
    description:
      'A password-like value assigned to a name such as `password`, `passwd` or `db_pwd` in code, configuration, `.env` or YAML files.',
    provider: 'Generic',
    severity: 'high',
    confidence: 'medium',
    generic: true,
    keywords: ['password', 'passwd', 'pwd', 'passphrase'],
    pattern: new RegExp(
      `(?:password|passwd|pwd|passphrase)(?<suffix>[A-Za-z0-9_-]{0,20})${ASSIGN}${VALUE(8)}`,
      'i',
    ),
    minEntropy: 3.0,
    verify: (_s, g) => plausibleName(g),
    remediation: REMEDIATION,
    references: REFS,
    cwe: ['CWE-798', 'CWE-259'],
    examples: {
      positive: [
        'DB_PASSWORD=Vq7#mK2p!xR9zL',
        'password: "hT4$wq9Lm2#Zr8"',
        'spring.datasource.password=Nf8@qP3vX6!kTz',
        "const dbPassword = 'k9X!vR2m#Lq7Tw';",
      ],
      negative: [
        'password: ${DB_PASSWORD}',
        'DB_PASSWORD=changeme',
        'password = os.getenv("DB_PASSWORD")',
        'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"',
        'password: "{{ .Values.db.password }}"',
        'const password = req.body.password;',
        'passwordField = "user_password_input"',
        'password: "********"',
        'if (password == "") return;',
        'password_min_length = 12',
        'if (password === "Tq8#vN3m!Lx2Rz") {',
      ],
    },
  },
  {
    id: 'generic-api-secret',
    title: 'Hard-coded API key, token or secret',
    description:
      'A high-entropy value assigned to a name such as `api_key`, `secret`, `token`, `client_secret` or `private_key`, where no provider-specific detector recognised the format.',
    provider: 'Generic',
    severity: 'high',
    confidence: 'medium',
    generic: true,
    keywords: [
      'secret',
      'token',
      'api_key',
      'apikey',
      'api-key',
      'access_key',
      'accesskey',
      'auth_key',
      'authkey',
      'private_key',
      'privatekey',
      'credential',
      'signing_key',
      'encryption_key',
    ],
    pattern: new RegExp(
      `(?:secret|token|api[_-]?key|access[_-]?key|auth[_-]?key|private[_-]?key|credentials?|signing[_-]?key|encryption[_-]?key)(?<suffix>[A-Za-z0-9_-]{0,20})${ASSIGN}${VALUE(16)}`,
      'i',
    ),
    minEntropy: 3.5,
    verify: (_s, g) => plausibleName(g),
    remediation: REMEDIATION,
    references: REFS,
    examples: {
      positive: [
        'API_KEY=f3Kq9ZxL2mVb7RtW4nPy8sJd',
        'client_secret: "Qm7vX2kR9pLz4TnW8bYc3HsD"',
        '"apiKey": "x9Kp2LmQ7vRt4ZwB8nYs3JcF"',
        'SIGNING_KEY = "c8Vn2QxK7mRz4LpT9wBy6JdS"',
      ],
      negative: [
        'API_KEY=your-api-key-here',
        'client_secret: ${CLIENT_SECRET}',
        'token = generateToken(user.id)',
        'tokenizer = "bert-base-uncased-whole-word"',
        'secret_name = "prod/payments/db-credentials"',
        'integrity: sha512-Jq3kX9mL2vB7tR4wN8pY1sZc6dF0gH5jK3lM9nQ2rT7vW4xY8zA1bC6dE0fG5hI==',
        'api_key = "00000000-0000-0000-0000-000000000000"',
        'access_key: "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"',
        'secret: XXXXXXXXXXXXXXXXXXXXXXXX',
        'token_type = "bearer_token_for_clients"',
        'client_secret: vault:secret/data/payments#client_secret',
        'api_key: arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/api-key-Ab12Cd',
        'MAPBOX_ACCESS_TOKEN_PUBLIC: pk.eyJ1IjoiYWNtZSIsImEiOiJjbHh4eHh4In0.Zx9Lq2Vb7NmR4tK8pWc3Hd',
      ],
    },
  },
];
