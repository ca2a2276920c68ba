import type { Severity } from '../../../core/severity.js';
import type { Detector } from '../detector.js';

/*
 * Private key blocks. Every pattern needs the base64 body (at least 64 characters) and the
 * END line, so a lone BEGIN line in documentation or in code that builds or parses keys does
 * not match. Lines may be separated by real newlines (files, YAML blocks) or by `\n` escapes
 * (JSON and .env values, as in cloud service account files). The secret is the body.
 */

/** A line break or indentation inside a key block: whitespace, or a `\n` / `\r` escape (single or double). */
const BREAK = String.raw`(?:\s|\\\\[rn]|\\[rn])`;
const BODY = (max: number) =>
  String.raw`(?<secret>[A-Za-z0-9+/](?:[A-Za-z0-9+/=]|\s|\\\\[rn]|\\[rn]){62,${max}}[A-Za-z0-9+/=])`;
const MAX_BODY = 12000;

function pemBlock(label: string): RegExp {
  return new RegExp(
    `-----BEGIN ${label}-----${BREAK}{1,8}${BODY(MAX_BODY)}${BREAK}{0,8}-----END ${label}-----`,
  );
}

/** The decoded bytes of a key body (escapes and whitespace removed). */
function bodyBytes(body: string): Buffer {
  return Buffer.from(body.replace(/\\\\?[rn]|\s/g, ''), 'base64');
}

/** DER-encoded keys start with a SEQUENCE; anything else is text that merely looks like a key. */
const isDer = (body: string) => (bodyBytes(body)[0] === 0x30 ? true : 'low');

const OPENSSH_MAGIC = Buffer.from('openssh-key-v1\0');

/** Cipher name of an OpenSSH private key (`none` when it is not passphrase-protected). */
function opensshCipher(body: string): string | undefined {
  const b = bodyBytes(body);
  if (b.length < OPENSSH_MAGIC.length + 8 || !b.subarray(0, OPENSSH_MAGIC.length).equals(OPENSSH_MAGIC))
    return undefined;
  const len = b.readUInt32BE(OPENSSH_MAGIC.length);
  if (len > 64 || OPENSSH_MAGIC.length + 4 + len > b.length) return undefined;
  return b.toString('latin1', OPENSSH_MAGIC.length + 4, OPENSSH_MAGIC.length + 4 + len);
}

const KEY_REMEDIATION =
  'Treat the key as compromised: remove it from the repository (and its history), revoke or replace it everywhere it is trusted (authorized_keys, TLS certificates via the CA, JWT verifiers, cloud key registrations, Git hosting deploy keys), generate a new key pair, and keep private keys in a secret manager, HSM/KMS or SSH agent rather than in files under version control.';
const ENCRYPTED_REMEDIATION =
  'The key is passphrase-protected, but the passphrase is often weak or stored nearby, and the ciphertext can be attacked offline. Replace the key pair, revoke the old public key or certificate where it is trusted, and keep private keys out of version control.';

interface PemKind {
  id: string;
  title: string;
  label: string;
  description: string;
  severity: Severity;
  examples: { positive: string[]; negative: string[] };
  remediation?: string;
}

function pem(k: PemKind): Detector {
  return {
    id: k.id,
    title: k.title,
    description: k.description,
    provider: 'Private key',
    severity: k.severity,
    keywords: [`begin ${k.label.toLowerCase()}`],
    pattern: pemBlock(k.label),
    multiline: 16384,
    verify: isDer,
    remediation: k.remediation ?? KEY_REMEDIATION,
    references: [
      'https://datatracker.ietf.org/doc/html/rfc7468',
      'https://cwe.mitre.org/data/definitions/321.html',
    ],
    cwe: ['CWE-798', 'CWE-321'],
    examples: k.examples,
  };
}

// ---- Fake key material for the examples: deterministic, correctly framed, not a real key. ----

function fakeBytes(seed: number, n: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}
const lines = (b64: string, width = 64) => (b64.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n');
const der = (prefixHex: string, seed: number, n: number) =>
  lines(Buffer.concat([Buffer.from(prefixHex, 'hex'), fakeBytes(seed, n)]).toString('base64'));
const block = (label: string, body: string) => `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;

const sshString = (v: string | Buffer) => {
  const b = typeof v === 'string' ? Buffer.from(v) : v;
  const len = Buffer.alloc(4);
  len.writeUInt32BE(b.length);
  return Buffer.concat([len, b]);
};
function opensshBody(cipher: string, seed: number): string {
  const kdf = cipher === 'none' ? ['none', Buffer.alloc(0)] : ['bcrypt', fakeBytes(seed + 1, 24)];
  const count = Buffer.from([0, 0, 0, 1]);
  const pub = Buffer.concat([sshString('ssh-ed25519'), sshString(fakeBytes(seed + 2, 32))]);
  const raw = Buffer.concat([
    OPENSSH_MAGIC,
    sshString(cipher),
    sshString(kdf[0] as string),
    sshString(kdf[1] as Buffer),
    count,
    sshString(pub),
    sshString(fakeBytes(seed + 3, 144)),
  ]);
  return lines(raw.toString('base64'), 70);
}

const RSA_BODY = der('308204a40201000282010100', 11, 600);
const EC_BODY = der('30770201010420', 23, 100);
const DSA_BODY = der('308201bb02818100', 37, 380);
const PKCS8_BODY = der('308204bd020100300d06092a864886f70d0101010500048204a7', 41, 640);
const ENC_PKCS8_BODY = der(
  '3082051c304e06092a864886f70d01050d3041302906092a864886f70d01050c301c0408',
  53,
  700,
);
const PUBLIC_BODY = der('30820122300d06092a864886f70d01010105000382010f00', 61, 260);
const escaped = (pemText: string) => pemText.replaceAll('\n', '\\n');

export const privateKeysDetectors: Detector[] = [
  pem({
    id: 'private-key-rsa',
    title: 'RSA private key',
    label: 'RSA PRIVATE KEY',
    description:
      'An unencrypted RSA private key in PEM (PKCS#1) format. Whoever has it can impersonate the server or user it belongs to: decrypt TLS traffic recorded with RSA key exchange, sign tokens or code, or log in over SSH where the public key is authorised.',
    severity: 'critical',
    examples: {
      positive: [
        block('RSA PRIVATE KEY', RSA_BODY),
        `  tls.key: |\n    ${block('RSA PRIVATE KEY', RSA_BODY).trimEnd().replaceAll('\n', '\n    ')}`,
        `"key": "${escaped(block('RSA PRIVATE KEY', RSA_BODY))}"`,
      ],
      negative: [
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----',
        "const pem = '-----BEGIN RSA PRIVATE KEY-----\\n' + body + '\\n-----END RSA PRIVATE KEY-----';",
        block('PUBLIC KEY', PUBLIC_BODY),
        `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,4B3E9F2A1C7D8E6F0A5B2C9D8E7F6A1B\n\n${RSA_BODY}\n-----END RSA PRIVATE KEY-----`,
      ],
    },
  }),
  pem({
    id: 'private-key-ec',
    title: 'EC private key',
    label: 'EC PRIVATE KEY',
    description:
      'An unencrypted elliptic-curve private key in PEM (SEC 1) format, as used for TLS certificates, ES256 JWT signing, Apple/Google push and code signing. Whoever has it can sign as its owner.',
    severity: 'critical',
    examples: {
      positive: [block('EC PRIVATE KEY', EC_BODY), `APNS_KEY="${escaped(block('EC PRIVATE KEY', EC_BODY))}"`],
      negative: [
        '-----BEGIN EC PRIVATE KEY-----\n<your key here>\n-----END EC PRIVATE KEY-----',
        'if (line.startsWith("-----BEGIN EC PRIVATE KEY-----")) {',
        block('EC PARAMETERS', 'BggqhkjOPQMBBw=='),
      ],
    },
  }),
  pem({
    id: 'private-key-dsa',
    title: 'DSA private key',
    label: 'DSA PRIVATE KEY',
    description:
      'An unencrypted DSA private key in PEM format (legacy SSH and signing keys). Whoever has it can sign and authenticate as its owner.',
    severity: 'critical',
    examples: {
      positive: [block('DSA PRIVATE KEY', DSA_BODY), `key: "${escaped(block('DSA PRIVATE KEY', DSA_BODY))}"`],
      negative: [
        '-----BEGIN DSA PRIVATE KEY-----\n-----END DSA PRIVATE KEY-----',
        '-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQ\n-----END DSA PRIVATE KEY-----',
        block('DSA PARAMETERS', DSA_BODY),
      ],
    },
  }),
  pem({
    id: 'private-key-pkcs8',
    title: 'PKCS#8 private key',
    label: 'PRIVATE KEY',
    description:
      'An unencrypted private key in PKCS#8 PEM format (`BEGIN PRIVATE KEY`), the default output of OpenSSL and most libraries for RSA, EC and Ed25519 keys, and the format of cloud service account keys. Whoever has it can sign, decrypt or authenticate as its owner.',
    severity: 'critical',
    examples: {
      positive: [
        block('PRIVATE KEY', PKCS8_BODY),
        `{"private_key": "${escaped(block('PRIVATE KEY', PKCS8_BODY))}", "client_email": "svc@acme.io"}`,
        `JWT_PRIVATE_KEY="${escaped(block('PRIVATE KEY', PKCS8_BODY))}"`,
      ],
      negative: [
        block('CERTIFICATE', PKCS8_BODY),
        block('PUBLIC KEY', PUBLIC_BODY),
        '"private_key": "-----BEGIN PRIVATE KEY-----\\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\\n-----END PRIVATE KEY-----\\n"',
        'PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n${KEY_BODY}\\n-----END PRIVATE KEY-----"',
      ],
    },
  }),
  pem({
    id: 'private-key-pkcs8-encrypted',
    title: 'Encrypted PKCS#8 private key',
    label: 'ENCRYPTED PRIVATE KEY',
    description:
      'A passphrase-encrypted private key in PKCS#8 PEM format (`BEGIN ENCRYPTED PRIVATE KEY`). It cannot be used without the passphrase, but the passphrase is often weak, reused or stored next to it, and the key can be attacked offline.',
    severity: 'medium',
    remediation: ENCRYPTED_REMEDIATION,
    examples: {
      positive: [
        block('ENCRYPTED PRIVATE KEY', ENC_PKCS8_BODY),
        `SIGNING_KEY="${escaped(block('ENCRYPTED PRIVATE KEY', ENC_PKCS8_BODY))}"`,
      ],
      negative: [
        '-----BEGIN ENCRYPTED PRIVATE KEY-----\n...\n-----END ENCRYPTED PRIVATE KEY-----',
        'openssl pkcs8 -topk8 -v2 aes256 -in key.pem  # writes -----BEGIN ENCRYPTED PRIVATE KEY-----',
        block('PUBLIC KEY', PUBLIC_BODY),
      ],
    },
  }),
  {
    id: 'private-key-pem-encrypted',
    title: 'Passphrase-protected PEM private key',
    description:
      'A legacy passphrase-encrypted RSA, EC or DSA PEM key (`Proc-Type: 4,ENCRYPTED` with `DEK-Info`). It needs the passphrase, but the legacy encryption (MD5-based key derivation) is cheap to attack offline and passphrases are often stored nearby.',
    provider: 'Private key',
    severity: 'medium',
    keywords: ['begin rsa private key', 'begin ec private key', 'begin dsa private key'],
    pattern: new RegExp(
      `-----BEGIN (?<kind>RSA|EC|DSA) PRIVATE KEY-----${BREAK}{1,8}Proc-Type: 4,ENCRYPTED${BREAK}{1,8}DEK-Info: [A-Z0-9-]{3,30},[0-9A-Fa-f]{16,32}${BREAK}{1,8}${BODY(MAX_BODY)}${BREAK}{0,8}-----END (?:RSA|EC|DSA) PRIVATE KEY-----`,
    ),
    multiline: 16384,
    remediation: ENCRYPTED_REMEDIATION,
    references: [
      'https://datatracker.ietf.org/doc/html/rfc1421',
      'https://cwe.mitre.org/data/definitions/321.html',
    ],
    cwe: ['CWE-798', 'CWE-321'],
    examples: {
      positive: [
        `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,4B3E9F2A1C7D8E6F0A5B2C9D8E7F6A1B\n\n${RSA_BODY}\n-----END RSA PRIVATE KEY-----`,
        `key = "-----BEGIN EC PRIVATE KEY-----\\nProc-Type: 4,ENCRYPTED\\nDEK-Info: AES-128-CBC,9F1E2D3C4B5A69788796A5B4C3D2E1F0\\n\\n${EC_BODY.replaceAll('\n', '\\n')}\\n-----END EC PRIVATE KEY-----"`,
      ],
      negative: [
        '-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,<iv>\n\n...\n-----END RSA PRIVATE KEY-----',
        block('RSA PRIVATE KEY', RSA_BODY).replace('-----END', 'Proc-Type: 4,ENCRYPTED\n-----END'),
        '# Encrypted keys start with "Proc-Type: 4,ENCRYPTED" after -----BEGIN RSA PRIVATE KEY-----',
      ],
    },
  },
  {
    id: 'private-key-openssh',
    title: 'OpenSSH private key',
    description:
      'An OpenSSH private key (`BEGIN OPENSSH PRIVATE KEY`) that is not passphrase-protected (cipher `none`). It logs in to every server, Git host or bastion where its public key is authorised, and signs Git commits as its owner.',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['begin openssh private key'],
    pattern: pemBlock('OPENSSH PRIVATE KEY'),
    multiline: 16384,
    verify: (secret) => {
      const cipher = opensshCipher(secret);
      if (cipher === undefined) return 'low';
      return cipher === 'none';
    },
    remediation: `${KEY_REMEDIATION} For SSH keys: remove the public key from every authorized_keys file and from GitHub/GitLab/Bitbucket (user keys and deploy keys), and prefer short-lived SSH certificates or hardware-backed keys.`,
    references: ['https://man.openbsd.org/ssh-keygen', 'https://cwe.mitre.org/data/definitions/321.html'],
    cwe: ['CWE-798', 'CWE-321'],
    examples: {
      positive: [
        block('OPENSSH PRIVATE KEY', opensshBody('none', 71)),
        `DEPLOY_KEY: "${escaped(block('OPENSSH PRIVATE KEY', opensshBody('none', 83)))}"`,
      ],
      negative: [
        block('OPENSSH PRIVATE KEY', opensshBody('aes256-ctr', 97)),
        'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl deploy@ci',
        '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA...\n-----END OPENSSH PRIVATE KEY-----',
      ],
    },
  },
  {
    id: 'private-key-openssh-encrypted',
    title: 'Passphrase-protected OpenSSH private key',
    description:
      'A passphrase-protected OpenSSH private key (cipher other than `none`, bcrypt KDF). It needs the passphrase, but it can be attacked offline and passphrases are often stored with the key.',
    provider: 'Private key',
    severity: 'medium',
    keywords: ['begin openssh private key'],
    pattern: pemBlock('OPENSSH PRIVATE KEY'),
    multiline: 16384,
    verify: (secret) => {
      const cipher = opensshCipher(secret);
      return cipher !== undefined && cipher !== 'none';
    },
    remediation: ENCRYPTED_REMEDIATION,
    references: ['https://man.openbsd.org/ssh-keygen'],
    cwe: ['CWE-798', 'CWE-321'],
    examples: {
      positive: [
        block('OPENSSH PRIVATE KEY', opensshBody('aes256-ctr', 97)),
        `key: "${escaped(block('OPENSSH PRIVATE KEY', opensshBody('aes256-gcm@openssh.com', 109)))}"`,
      ],
      negative: [
        block('OPENSSH PRIVATE KEY', opensshBody('none', 71)),
        '-----BEGIN OPENSSH PRIVATE KEY-----\n...\n-----END OPENSSH PRIVATE KEY-----',
        block('OPENSSH PRIVATE KEY', RSA_BODY),
      ],
    },
  },
  {
    id: 'private-key-pgp',
    title: 'PGP private key block',
    description:
      'An ASCII-armoured OpenPGP secret key (`BEGIN PGP PRIVATE KEY BLOCK`). It signs as its owner (commits, releases, packages, repository metadata) and decrypts messages sent to them; the secret key material is often protected only by a passphrase, or not at all for CI signing keys.',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['begin pgp private key block'],
    pattern: new RegExp(
      String.raw`-----BEGIN PGP PRIVATE KEY BLOCK-----[\s\S]{0,800}?(?:\r?\n|\\n)[ \t]{0,16}(?:\r?\n|\\n)${BODY(40000)}${BREAK}{0,8}-----END PGP PRIVATE KEY BLOCK-----`,
    ),
    multiline: 49152,
    remediation:
      'Revoke the key (`gpg --gen-revoke` and publish the revocation to keyservers and WKD), remove it from CI secrets and package signing configuration, generate a new key, and tell the consumers that verify your signatures.',
    references: [
      'https://datatracker.ietf.org/doc/html/rfc4880#section-6',
      'https://www.gnupg.org/gph/en/manual/c14.html',
    ],
    cwe: ['CWE-798', 'CWE-321'],
    examples: {
      positive: [
        `-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: release signing key\n\n${lines(Buffer.concat([Buffer.from('9558', 'hex'), fakeBytes(131, 420)]).toString('base64'))}\n=kX3q\n-----END PGP PRIVATE KEY BLOCK-----\n`,
        `GPG_PRIVATE_KEY="-----BEGIN PGP PRIVATE KEY BLOCK-----\\n\\n${lines(Buffer.concat([Buffer.from('9558', 'hex'), fakeBytes(149, 300)]).toString('base64')).replaceAll('\n', '\\n')}\\n=Zp7w\\n-----END PGP PRIVATE KEY BLOCK-----"`,
      ],
      negative: [
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n...\n-----END PGP PRIVATE KEY BLOCK-----',
        `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${lines(fakeBytes(157, 300).toString('base64'))}\n-----END PGP PUBLIC KEY BLOCK-----`,
        'gpg --armor --export-secret-keys > private.asc  # writes -----BEGIN PGP PRIVATE KEY BLOCK-----',
      ],
    },
  },
  {
    id: 'private-key-putty',
    title: 'PuTTY private key (unencrypted)',
    description:
      'A PuTTY private key file (`.ppk`, `PuTTY-User-Key-File-2/3`) with `Encryption: none`. It logs in to every server where its public key is authorised.',
    provider: 'Private key',
    severity: 'critical',
    keywords: ['putty-user-key-file-'],
    pattern:
      /PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]{3,60}\r?\nEncryption: none\r?\n[\s\S]{0,4000}?Private-Lines: \d{1,3}\r?\n(?<secret>[A-Za-z0-9+/](?:[A-Za-z0-9+/=]|\r\n|\n){30,8000}[A-Za-z0-9+/=])\r?\nPrivate-MAC: /,
    multiline: 16384,
    remediation: `${KEY_REMEDIATION} Remove the public key from the servers' authorized_keys files.`,
    references: ['https://the.earth.li/~sgtatham/putty/0.81/htmldoc/AppendixC.html'],
    cwe: ['CWE-798', 'CWE-321'],
    examples: {
      positive: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240501\nPublic-Lines: 2\n${lines(fakeBytes(163, 51).toString('base64'))}\nPrivate-Lines: 1\n${lines(fakeBytes(167, 36).toString('base64'))}\nPrivate-MAC: 4f1c2e9d7a0b3c6e8f5d2a1b9c7e4f3d2a1b0c9e8f7d6a5b4c3e2f1a0b9c8d7e\n`,
        `PuTTY-User-Key-File-2: ssh-rsa\r\nEncryption: none\r\nComment: rsa-key-20190312\r\nPublic-Lines: 6\r\n${lines(fakeBytes(173, 279).toString('base64')).replaceAll('\n', '\r\n')}\r\nPrivate-Lines: 14\r\n${lines(fakeBytes(179, 660).toString('base64')).replaceAll('\n', '\r\n')}\r\nPrivate-MAC: 9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c\r\n`,
      ],
      negative: [
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: example\nPublic-Lines: 2\n...\nPrivate-Lines: 1\n...\nPrivate-MAC: ...',
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: eddsa-key-20240501\nPublic-Lines: 2\n${lines(fakeBytes(163, 51).toString('base64'))}\nKey-Derivation: Argon2id\nPrivate-Lines: 1\n${lines(fakeBytes(191, 48).toString('base64'))}\nPrivate-MAC: 4f1c2e9d7a0b3c6e8f5d2a1b9c7e4f3d2a1b0c9e8f7d6a5b4c3e2f1a0b9c8d7e\n`,
        'if (header.startsWith("PuTTY-User-Key-File-")) return parsePpk(text);',
      ],
    },
  },
  {
    id: 'private-key-putty-encrypted',
    title: 'PuTTY private key (passphrase-protected)',
    description:
      'A passphrase-protected PuTTY private key file (`.ppk` with `Encryption: aes256-cbc`). It needs the passphrase, but PPK version 2 files use a weak key derivation and can be attacked offline.',
    provider: 'Private key',
    severity: 'medium',
    keywords: ['putty-user-key-file-'],
    pattern:
      /PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]{3,60}\r?\nEncryption: (?!none\r?\n)[a-z0-9-]{3,30}\r?\n[\s\S]{0,4000}?Private-Lines: \d{1,3}\r?\n(?<secret>[A-Za-z0-9+/](?:[A-Za-z0-9+/=]|\r\n|\n){30,8000}[A-Za-z0-9+/=])\r?\nPrivate-MAC: /,
    multiline: 16384,
    remediation: ENCRYPTED_REMEDIATION,
    references: ['https://the.earth.li/~sgtatham/putty/0.81/htmldoc/AppendixC.html'],
    cwe: ['CWE-798', 'CWE-321'],
    examples: {
      positive: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: eddsa-key-20240501\nPublic-Lines: 2\n${lines(fakeBytes(163, 51).toString('base64'))}\nKey-Derivation: Argon2id\nArgon2-Memory: 8192\nArgon2-Passes: 13\nArgon2-Parallelism: 1\nArgon2-Salt: 6f1a3c5e7b9d2f4a6c8e0b1d3f5a7c9e\nPrivate-Lines: 1\n${lines(fakeBytes(191, 48).toString('base64'))}\nPrivate-MAC: 4f1c2e9d7a0b3c6e8f5d2a1b9c7e4f3d2a1b0c9e8f7d6a5b4c3e2f1a0b9c8d7e\n`,
        `PuTTY-User-Key-File-2: ssh-rsa\nEncryption: aes256-cbc\nComment: imported-openssh-key\nPublic-Lines: 6\n${lines(fakeBytes(173, 279).toString('base64'))}\nPrivate-Lines: 14\n${lines(fakeBytes(197, 656).toString('base64'))}\nPrivate-MAC: 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b\n`,
      ],
      negative: [
        `PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240501\nPublic-Lines: 2\n${lines(fakeBytes(163, 51).toString('base64'))}\nPrivate-Lines: 1\n${lines(fakeBytes(167, 36).toString('base64'))}\nPrivate-MAC: 4f1c2e9d7a0b3c6e8f5d2a1b9c7e4f3d2a1b0c9e8f7d6a5b4c3e2f1a0b9c8d7e\n`,
        'PuTTY-User-Key-File-2: ssh-rsa\nEncryption: aes256-cbc\nPrivate-Lines: 14\n<private lines>\nPrivate-MAC: <mac>',
        'puttygen key.ppk -O private-openssh -o id_rsa  # reads PuTTY-User-Key-File-2',
      ],
    },
  },
  {
    id: 'private-key-ssh2',
    title: 'SSH2 (SSH.com / Tectia) private key',
    description:
      'A private key in the SSH.com / Tectia `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----` format. Despite the name these files are frequently stored with cipher `none`; the key logs in wherever its public key is authorised.',
    provider: 'Private key',
    severity: 'high',
    keywords: ['begin ssh2 encrypted private key'],
    pattern: new RegExp(
      String.raw`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----[\s\S]{0,600}?(?:\r?\n|\\n)${BODY(MAX_BODY)}${BREAK}{0,8}---- END SSH2 ENCRYPTED PRIVATE KEY ----`,
    ),
    multiline: 16384,
    // Files start with the magic number 0x3f6ff9eb.
    verify: (secret) => (bodyBytes(secret).readUInt32BE(0) === 0x3f6ff9eb ? true : 'low'),
    remediation: KEY_REMEDIATION,
    references: [
      'https://datatracker.ietf.org/doc/html/rfc4716',
      'https://cwe.mitre.org/data/definitions/321.html',
    ],
    cwe: ['CWE-798', 'CWE-321'],
    examples: {
      positive: [
        `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "rsa-key-20240501"\n${lines(Buffer.concat([Buffer.from('3f6ff9eb000002a5', 'hex'), fakeBytes(211, 500)]).toString('base64'), 70)}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----\n`,
        `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n${lines(Buffer.concat([Buffer.from('3f6ff9eb00000180', 'hex'), fakeBytes(223, 300)]).toString('base64'), 70)}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`,
      ],
      negative: [
        '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "key"\n...\n---- END SSH2 ENCRYPTED PRIVATE KEY ----',
        `---- BEGIN SSH2 PUBLIC KEY ----\nComment: "rsa-key-20240501"\n${lines(fakeBytes(227, 270).toString('base64'), 70)}\n---- END SSH2 PUBLIC KEY ----`,
        'ssh-keygen -e -f id_rsa  # prints ---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ---- for private keys',
      ],
    },
  },
  {
    id: 'age-secret-key',
    title: 'age encryption secret key',
    description:
      'An `age` (or rage) X25519 identity. It decrypts every file encrypted to its recipient, including SOPS files that use age.',
    provider: 'age',
    severity: 'critical',
    keywords: ['age-secret-key-1'],
    pattern:
      /(?<![A-Za-z0-9])(?<secret>AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Za-z0-9])/,
    remediation:
      'Generate a new identity with `age-keygen`, re-encrypt every file (and SOPS secret) for the new recipient, and remove the old recipient everywhere; files encrypted to the leaked key must be treated as disclosed.',
    references: ['https://age-encryption.org/v1'],
    examples: {
      positive: [
        '# created: 2024-05-01\nAGE-SECRET-KEY-1RRYEMS8KK7F55UQ45L8C6PXG6J246RQAYDX60HTLG2JLGG09GT4NNVLC9V',
        'SOPS_AGE_KEY=AGE-SECRET-KEY-1MPQPXT6NEGYWGC20TWKZXVG5Y80X5WNJDCCJF6TF68Q6D274WMJNUFXW9K',
      ],
      negative: [
        'recipient: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p',
        'SOPS_AGE_KEY=AGE-SECRET-KEY-1...',
        'AGE-SECRET-KEY-1RRYEMS8KK7F55UQ45L8C6PXG6J246RQAYDX60HTLG2JLGG09GT4',
      ],
    },
  },
];
